"""Shortcuts of the main-column search agree with what they stand for."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from pagevault.extract.sections import _holds_text
from tests.corpus import corpus_dir

FIXTURES = Path(__file__).parent / "fixtures"


def _pages() -> list[Path]:
    return sorted([*FIXTURES.glob("*.html"), *corpus_dir().glob("*.html")])


@pytest.mark.parametrize("page", _pages(), ids=lambda page: page.name)
def test_holds_text_is_a_text_length_test(page: Path) -> None:
    tree = LexborHTMLParser(page.read_bytes().decode("utf-8", "replace"))
    for node in tree.css("main, article, section, [role=main], [id], body"):
        length = len(node.text(deep=True))
        for wanted in (0, 1, 200, length, length + 1):
            assert _holds_text(node, wanted) is (length >= wanted)
