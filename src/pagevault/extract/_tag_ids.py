"""lexbor's numeric tag ids, for comparing ``node.tag_id`` (an int read in C, about
half the cost of ``node.tag``, which builds a string) instead of tag names."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

_FACTORY = LexborHTMLParser("")


def tag_id(name: str) -> int:
    """lexbor's id for the HTML element ``name`` (fixed for the standard elements; a
    name lexbor does not know, such as a selector, gets a per-parser id: refused)."""
    found = _FACTORY.create_node(name).tag_id
    if LexborHTMLParser("").create_node(name).tag_id != found:
        raise ValueError(f"{name!r} is not a standard HTML element name")
    return found


def tag_ids(names: str) -> frozenset[int]:
    """Ids of the elements named in ``names``, a comma-separated list ("p, li")."""
    return frozenset(tag_id(name.strip()) for name in names.split(","))


def _text_id() -> int:
    text = LexborHTMLParser("<p>x</p>").css_first("p")
    if text is None or text.first_child is None:
        raise RuntimeError("lexbor parsed no text node in <p>x</p>")
    return text.first_child.tag_id


# The id of text nodes (``node.tag`` "-text").
TEXT = _text_id()
