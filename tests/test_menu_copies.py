"""A hidden or mobile menu is a copy when the registry knows 80% of its link labels;
the check stops reading links once more than a fifth are new, with the same answer."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from pagevault.extract.navigation import _MenuDraft, _MenuRegistry


def _registry(labels: list[str]) -> _MenuRegistry:
    registry = _MenuRegistry()
    items = tuple({"key": label, "label": label, "url": None, "children": ()} for label in labels)
    registry.add(_MenuDraft("Main", "", "header", items, {x.casefold() for x in labels}, False))
    return registry


@pytest.mark.parametrize(
    "links",
    [
        ["A", "B", "C", "D", "New"],  # one new in five: a copy
        ["New", "A", "B", "C", "D"],
        ["New", "Other", "A", "B", "C"],  # two new in five: not a copy
        ["A", "B", "C", "New", "Other"],
        ["a", "A", "b", "", "New"],  # repeated, case-folded and empty labels
        ["", ""],
        [],
        ["New", "New", "New", "New", "A", "B", "C", "D"],
    ],
)
def test_copies_told_as_from_all_labels(links: list[str]) -> None:
    registry = _registry(["A", "B", "C", "D"])
    html = "<nav>" + "".join(f'<a href="/{i}">{label}</a>' for i, label in enumerate(links))
    root = LexborHTMLParser(html + "</nav>").css_first("nav")
    assert root is not None
    labels = {label.casefold() for label in links} - {""}
    expected = registry.knows(labels, deferred=True, region=None)
    assert registry.knows_links_of(root) == expected
