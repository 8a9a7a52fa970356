"""The menu entries' key slug, computed directly for plain ASCII labels, is the one
``slugify`` gives, for labels of every kind."""

from __future__ import annotations

import pytest

from pagevault.extract.navigation import _label_slug
from pagevault.text import slugify

_LABELS = [
    "Home",
    "About us",
    "Get Involved 2024",
    " padded  label ",
    "a\tb",
    "snake_case",
    "L'association",
    "Réfugiés et migrants",
    "Nos combats · Agir",
    "Don’t miss",
    "数据",
    "",
    " ",
    "x" * 60,
    "x" * 61,
    "word " * 12 + "end",
    "ab" * 30 + " c",
    "C++ & Co.",
    "3 500 personnes",
    "ÉQUIPE",
]


@pytest.mark.parametrize("label", _LABELS)
def test_label_slug_is_slugify(label: str) -> None:
    assert _label_slug(label) == slugify(label)
