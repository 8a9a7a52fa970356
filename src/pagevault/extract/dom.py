"""Small, fast helpers over selectolax (lexbor) nodes, and the pre-parse guard."""

from __future__ import annotations

import re
from functools import cmp_to_key

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault.text import clean_text

# lexbor's parse time grows with the square of the nesting depth of these
# elements (RELIABILITY.md rule 1; 20 000 nested <div>: ~1 s, 50 000: ~6 s).
_DEEP_TAGS = (
    "div|section|article|aside|nav|header|footer|main|ul|ol|dl|blockquote|details|"
    "fieldset|figure|center|address|menu|dir|form|table"
)
_DEEP_TAG = re.compile(rf"<(/?)({_DEEP_TAGS})\b[^>]*>", re.IGNORECASE)
_DEEP_OPEN = re.compile(rf"<(?:{_DEEP_TAGS})\b", re.IGNORECASE)
MAX_BLOCK_DEPTH = 400
# Below these counts nesting cannot be deep enough to cost lexbor more than a few
# milliseconds, and the page is parsed as it is: counting '<' is a C scan, the
# regex count and the depth walk are not.
_CHEAP_CHECK = 5000
_HARMLESS_OPENINGS = 2000


def guard_nesting(html: str, max_depth: int = MAX_BLOCK_DEPTH) -> str:
    """Drop block tags nested deeper than ``max_depth`` so parsing stays linear.

    Real pages nest a few dozen levels; the text inside over-deep tags is kept.
    """
    if html.count("<") < _CHEAP_CHECK:
        return html
    openings = len(_DEEP_OPEN.findall(html))
    if openings <= max(max_depth, _HARMLESS_OPENINGS) or _max_depth(html) <= max_depth:
        return html
    depth = 0

    def _keep_or_drop(match: re.Match[str]) -> str:
        nonlocal depth
        if match.group(1):
            depth = max(depth - 1, 0)
            return match.group(0) if depth < max_depth else ""
        depth += 1
        return match.group(0) if depth <= max_depth else ""

    return _DEEP_TAG.sub(_keep_or_drop, html)


def _max_depth(html: str) -> int:
    depth = peak = 0
    for closing, _name in _DEEP_TAG.findall(html):
        depth = max(depth - 1, 0) if closing else depth + 1
        peak = max(peak, depth)
    return peak


def parse_tree(html: str, utf8: bytes | None = None) -> LexborHTMLParser:
    """The tree of ``html``; ``utf8``: the same text as UTF-8 bytes, if at hand (lexbor
    parses UTF-8: text would be encoded first)."""
    guarded = guard_nesting(html)
    return LexborHTMLParser(utf8 if utf8 is not None and guarded is html else guarded)


def node_text(node: LexborNode) -> str:
    """Visible-ish text of a node, whitespace collapsed.

    ``text_lexbor`` is the DOM's textContent (every descendant text node, in order),
    what ``text(deep=True)`` gives, from lexbor's own C walk: ~20% cheaper a call."""
    return clean_text(node.text_lexbor())


def spaced_text(node: LexborNode) -> str:
    """Text of a node whose children are blocks: a space between text pieces."""
    return clean_text(node.text(deep=True, separator=" ", strip=True))


# An element's attributes as ``node.attributes`` gives them (None: no value).
Attributes = dict[str, str | None]

# ``node.attrs.get(name)`` raises and catches a KeyError inside selectolax when the
# attribute is absent (~1 µs, the common case here); ``node.attributes`` builds a
# dict of all of them (~0.1 µs per attribute; elements have few). Measured on the
# corpus, the dict is the cheaper read, and one dict serves several look-ups.
# ``node.attributes`` is an empty dict for non-element nodes.


def attr(node: LexborNode, name: str) -> str:
    return attribute(node.attributes, name)


def attribute(attributes: Attributes, name: str) -> str:
    """``attr`` from attributes already read: the value stripped, '' if absent or empty."""
    value = attributes.get(name)
    return value.strip() if value else ""


def element_id(node: LexborNode) -> str:
    """The id attribute (``node.id`` reads it directly, 20x cheaper than ``attrs``)."""
    value = node.id if node.is_element_node else None
    return value.strip() if value else ""


def class_and_id(node: LexborNode) -> str:
    """Class tokens and id of a node, lower-cased, space separated."""
    if not node.is_element_node:
        return ""
    return descriptor_of(node.attributes)


def descriptor_of(attributes: Attributes) -> str:
    """``class_and_id`` of an element, from its attributes."""
    return f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()


def hidden_by(attributes: Attributes) -> bool:
    """Whether an element with these attributes is hidden."""
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = (attributes.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def ancestors(node: LexborNode) -> list[LexborNode]:
    found = []
    parent = node.parent
    while parent is not None and parent.tag not in ("html", "-undef"):
        found.append(parent)
        parent = parent.parent
    return found


def contains(outer: LexborNode, inner: LexborNode) -> bool:
    """Whether ``inner`` is ``outer`` or lies inside it."""
    node: LexborNode | None = inner
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


def has_ancestor_in(node: LexborNode, mem_ids: set[int]) -> bool:
    """Whether ``node`` or one of its ancestors is among ``mem_ids`` (one walk up)."""
    current: LexborNode | None = node
    while current is not None:
        if current.mem_id in mem_ids:
            return True
        current = current.parent
    return False


def inside_tags(node: LexborNode, tag_ids: frozenset[int], below: LexborNode) -> bool:
    """Whether an ancestor of ``node`` strictly below ``below`` is an element of one of
    ``tag_ids`` (lexbor tag ids, see ``_tag_ids``): one walk up, stopping at ``below``."""
    stop = below.mem_id
    parent = node.parent
    while parent is not None and parent.mem_id != stop:
        if parent.tag_id in tag_ids:
            return True
        parent = parent.parent
    return False


def unique_matches(node: LexborNode | LexborHTMLParser, selector: str) -> list[LexborNode]:
    """``node.css(selector)`` with each element once, in page order: for a comma list,
    lexbor lists an element once per selector it matches, the repeats in a row."""
    found: list[LexborNode] = []
    previous = -1
    for match in node.css(selector):
        match_id = match.mem_id
        if match_id != previous:
            found.append(match)
            previous = match_id
    return found


def descendants(node: LexborNode, selector: str) -> list[LexborNode]:
    """Matches of ``selector`` inside ``node``; lexbor's ``node.css`` also matches
    ``node`` itself."""
    own_id = node.mem_id
    return [found for found in node.css(selector) if found.mem_id != own_id]


def previous_element(node: LexborNode) -> LexborNode | None:
    """The element before ``node`` among its siblings (text and comments passed over)."""
    sibling = node.prev
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.prev
    return sibling


def in_page_order(nodes: list[LexborNode]) -> list[LexborNode]:
    """``nodes`` sorted in page order (a node before the nodes inside it). A pair is
    compared where their paths from the root part: the sibling met first walking
    forward from one of the two. For the few nodes two separate queries found."""
    paths = {node.mem_id: _path_from_root(node) for node in nodes}

    def compare(first: LexborNode, second: LexborNode) -> int:
        return _compare_paths(paths[first.mem_id], paths[second.mem_id])

    return sorted(nodes, key=cmp_to_key(compare))


def _path_from_root(node: LexborNode) -> list[LexborNode]:
    path = []
    current: LexborNode | None = node
    while current is not None:
        path.append(current)
        current = current.parent
    path.reverse()
    return path


def _compare_paths(first: list[LexborNode], second: list[LexborNode]) -> int:
    for mine, theirs in zip(first, second, strict=False):
        if mine.mem_id != theirs.mem_id:
            return -1 if _comes_before(mine, theirs) else 1
    return len(first) - len(second)  # one holds the other: the outer one first


def _comes_before(sibling: LexborNode, other: LexborNode) -> bool:
    current = sibling.next
    while current is not None:
        if current.mem_id == other.mem_id:
            return True
        current = current.next
    return False


def first_descendant(node: LexborNode, selector: str) -> LexborNode | None:
    found = node.css_first(selector)
    if found is None or found.mem_id != node.mem_id:
        return found
    matches = descendants(node, selector)
    return matches[0] if matches else None


def remove_nodes(nodes: list[LexborNode]) -> None:
    """Decompose ``nodes``, skipping any inside another one: touching a node whose
    ancestor was decomposed reads freed memory."""
    doomed = {node.mem_id for node in nodes}
    outermost = [n for n in nodes if n.parent is None or not has_ancestor_in(n.parent, doomed)]
    seen: set[int] = set()
    for node in outermost:
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            node.decompose()
