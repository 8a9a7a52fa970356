"""Menus and breadcrumbs: what the page offers to move around, nested as on the page.

A menu repeated for small screens (or hidden with ``aria-hidden``) is kept once:
hidden and mobile menus are read last and dropped when their labels are already
known (fixture amnesty-fr-refugies.html, whose mobile menu flattens the main one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypedDict

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault.extract.dom import (
    Attributes,
    attr,
    class_and_id,
    contains,
    descriptor_of,
    element_id,
    first_descendant,
    has_ancestor_in,
    hidden_by,
    node_text,
)
from pagevault.extract.selectors import (
    BREADCRUMB_CANDIDATES,
    BREADCRUMB_HINTS,
    MOBILE_TOKEN,
    UTILITY_TOKEN,
)
from pagevault.extract.urls import resolve_url
from pagevault.model import Breadcrumb, Menu, Region
from pagevault.text import KeyAllocator, clean_text, slugify

_LIST_TAGS = ("ul", "ol", "menu")
_GROUP_TITLE_TAGS = (
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "strong",
    "span",
    "div",
    "button",
    "a",
    "b",
    "header",
    "dt",
    "label",
)
_DUPLICATE_SHARE = 0.8
_MAX_GROUP_TITLE = 60
_BREADCRUMB_SEPARATORS = re.compile(r"^[\s›»>/|·•:\\-]+|[\s›»>/|·•:\\-]+$")
_MENU_ROOTS = "nav, [role=navigation], [role=menubar]"
_LABEL_TAGS = frozenset({"button", "span", "p", "strong", "b", "div", "summary", "h2", "h3", "h4"})
_PAGE_FRAMES = "header, [role=banner], footer, [role=contentinfo]"


class _ItemFields(TypedDict):
    """A menu entry's fields. Entries stay plain dicts until their menu is kept: pydantic
    then builds every ``NavItem`` of the menu in one call, ~1.3 µs an entry cheaper
    than one ``NavItem(...)`` call each (measured on the corpus)."""

    key: str
    label: str
    url: str | None
    children: tuple[_ItemFields, ...]


@dataclass(frozen=True, slots=True)
class _MenuDraft:
    name: str
    element_id: str
    region: Region
    items: tuple[_ItemFields, ...]
    deferred: bool  # hidden or mobile: read after the visible menus

    def labels(self) -> set[str]:
        return set(_labels(self.items))


def extract_breadcrumbs(
    tree: LexborHTMLParser, base_url: str | None, source: str
) -> tuple[tuple[Breadcrumb, ...], LexborNode | None]:
    """The breadcrumb trail and the element holding it (so it is not read as a menu)."""
    if not any(hint in source for hint in BREADCRUMB_HINTS):
        return (), None
    first = tree.css_first(BREADCRUMB_CANDIDATES)
    if first is None:
        return (), None
    crumbs = _crumbs_of(first, base_url)
    if len(crumbs) >= 2:
        return tuple(crumbs), first
    for node in tree.css(BREADCRUMB_CANDIDATES)[1:]:
        crumbs = _crumbs_of(node, base_url)
        if len(crumbs) >= 2:
            return tuple(crumbs), node
    return (), None


def _crumbs_of(node: LexborNode, base_url: str | None) -> list[Breadcrumb]:
    entries = [li for li in node.css("li") if first_descendant(li, "li") is None] or [node]
    crumbs: list[Breadcrumb] = []
    for entry in entries:
        links = entry.css("a[href]") if entry is node else entry.css("a[href]")[:1]
        if entry is node:
            crumbs.extend(_crumb(link, base_url) for link in links)
            crumbs.extend(_trailing_crumb(node, links))
        else:
            crumbs.append(_crumb(links[0] if links else entry, base_url))
    return [crumb for crumb in crumbs if crumb.label]


def _crumb(node: LexborNode, base_url: str | None) -> Breadcrumb:
    label = _BREADCRUMB_SEPARATORS.sub("", node_text(node))
    url = resolve_url(attr(node, "href"), base_url) if node.tag == "a" else None
    return Breadcrumb(label=label, url=url)


def _trailing_crumb(node: LexborNode, links: list[LexborNode]) -> list[Breadcrumb]:
    """The current page in a trail of bare links: the text after the last link."""
    text = node_text(node)
    tail = text
    for link in links:
        label = node_text(link)
        position = tail.find(label)
        if position >= 0:
            tail = tail[position + len(label) :]
    label = _BREADCRUMB_SEPARATORS.sub("", tail)
    return [Breadcrumb(label=label)] if label else []


def extract_menus(
    tree: LexborHTMLParser,
    base_url: str | None,
    main: LexborNode | None,
    skip: Iterable[LexborNode] = (),
) -> tuple[Menu, ...]:
    """Every menu of the page, desktop before mobile, duplicates dropped."""
    lineages = [_Lineage.of(root) for root in _menu_roots(tree, list(skip))]
    roots = [(lineage, _is_deferred(lineage)) for lineage in lineages]
    roots.sort(key=lambda pair: pair[1])  # stable: page order within each group
    registry = _MenuRegistry()
    for lineage, deferred in roots:
        if deferred and registry.knows(_link_labels(lineage.root), deferred=True, region=None):
            continue  # a mobile copy: skip it before building its items
        for draft in _drafts_of(lineage, base_url, main, deferred):
            registry.add(draft)
    return tuple(registry.menus)


@dataclass(frozen=True, slots=True)
class _Lineage:
    """A menu root and its ancestors below ``<body>``, with their attributes: read
    once, for both the region and the hidden/mobile test."""

    nodes: list[LexborNode]
    attributes: list[Attributes]

    @property
    def root(self) -> LexborNode:
        return self.nodes[0]

    @classmethod
    def of(cls, root: LexborNode) -> _Lineage:
        nodes = [root, *_parents(root)]
        return cls(nodes, [node.attributes for node in nodes])


def _link_labels(root: LexborNode) -> set[str]:
    return {clean_text(link.text(deep=True)).casefold() for link in root.css("a")} - {""}


def _menu_roots(tree: LexborHTMLParser, skipped: list[LexborNode]) -> list[LexborNode]:
    roots: list[LexborNode] = []
    taken = {node.mem_id for node in skipped}
    for node in tree.css(_MENU_ROOTS):
        if has_ancestor_in(node, taken) or re.search(r"paginat|pager", class_and_id(node)):
            continue
        roots.append(node)
        taken.add(node.mem_id)
    for frame in tree.css(_PAGE_FRAMES):
        for top_list in _top_lists(frame):
            if not has_ancestor_in(top_list, taken):
                roots.append(top_list)
                taken.add(top_list.mem_id)
    return roots


def _top_lists(root: LexborNode) -> list[LexborNode]:
    """Lists of ``root`` that are not nested inside another list of ``root``."""
    if root.tag in _LIST_TAGS:
        return [root]
    tops: list[LexborNode] = []
    top_ids: set[int] = set()
    for candidate in root.css("ul, ol, menu"):
        if not has_ancestor_in(candidate, top_ids):
            tops.append(candidate)
            top_ids.add(candidate.mem_id)
    return tops


def _drafts_of(
    lineage: _Lineage, base_url: str | None, main: LexborNode | None, deferred: bool
) -> Iterator[_MenuDraft]:
    root = lineage.root
    region = _region(lineage, main)
    lists = [lst for lst in _top_lists(root) if lst.css_first("a[href]") is not None]
    titles = [_group_title(lst, root) for lst in lists]
    if len(lists) > 1 and all(titles):
        for lst, title in zip(lists, titles, strict=True):
            yield _MenuDraft(title, element_id(lst), region, _list_items(lst, base_url), deferred)
        return
    name = _menu_name(root) or (titles[0] if len(lists) == 1 else "") or f"{region} menu"
    items = tuple(item for lst in lists for item in _list_items(lst, base_url))
    if not lists:
        items = tuple(_link_item(link, base_url) for link in root.css("a[href]"))
    if len(items) >= 2 or any(item["children"] for item in items):
        yield _MenuDraft(name, element_id(root), region, items, deferred)


@dataclass(slots=True)
class _Entry:
    """A list entry being read: its label element and its sub-entries."""

    element: LexborNode
    label: LexborNode | None = None
    fallback: LexborNode | None = None
    children: list[_Entry] = field(default_factory=list)


def _list_items(lst: LexborNode, base_url: str | None) -> tuple[_ItemFields, ...]:
    """The entries of a (nested) list: each ``<li>`` is attached to the nearest
    ``<li>`` above it; its label is its first link, else its first labelled element
    (a ``<button>`` opening a sub-menu)."""
    top: list[_Entry] = []
    _collect_entries(lst, None, top)
    return _build_items(top, base_url)


def _collect_entries(node: LexborNode, owner: _Entry | None, top: list[_Entry]) -> None:
    """Walk ``node``'s subtree in page order, handing the owning entry down: walking
    up from every ``<li>`` and link to find its owner cost ~3x more."""
    for child in node.iter():
        tag = child.tag
        if tag == "li":
            entry = _Entry(child)
            (owner.children if owner is not None else top).append(entry)
            _collect_entries(child, entry, top)
            continue
        if owner is not None and owner.label is None:
            if tag == "a":
                owner.label = child
            elif owner.fallback is None and tag in _LABEL_TAGS:
                owner.fallback = child
        _collect_entries(child, owner, top)


def _build_items(entries: list[_Entry], base_url: str | None) -> tuple[_ItemFields, ...]:
    if not entries:
        return ()
    allocator = KeyAllocator()
    items: list[_ItemFields] = []
    for entry in entries:
        children = _build_items(entry.children, base_url)
        label_node, label = _entry_label(entry)
        if not label and not children:
            continue
        url = resolve_url(_href(label_node), base_url) if label_node is not None else None
        key_base = element_id(entry.element) or slugify(label) or slugify(url or "")
        key = allocator.allocate(key_base)
        items.append({"key": key, "label": label, "url": url, "children": children})
    return tuple(items)


def _href(node: LexborNode) -> str:
    """``attr(node, "href")``. A link nearly always has one, and ``attrs.get`` reads a
    present attribute ~3x cheaper than ``node.attributes`` builds the dict."""
    if node.tag != "a":
        return attr(node, "href")
    value = node.attrs.get("href")
    return value.strip() if value else ""


def _entry_label(entry: _Entry) -> tuple[LexborNode | None, str]:
    if entry.label is not None:
        text = node_text(entry.label)
        if text:
            return entry.label, text
    fallback = entry.fallback
    if fallback is not None and first_descendant(fallback, "li") is None:
        return fallback, node_text(fallback)
    return None, ""


def _link_item(link: LexborNode, base_url: str | None) -> _ItemFields:
    label = node_text(link)
    url = resolve_url(_href(link), base_url)
    key = slugify(label) or slugify(url or "") or "link"
    return {"key": key, "label": label, "url": url, "children": ()}


def _group_title(lst: LexborNode, root: LexborNode) -> str:
    """The title written just above a list: 'NOS COMBATS' over a footer column.

    Looks at the list's previous sibling, then its wrappers' (at most two levels
    up, never past the menu root unless the list is the root itself)."""
    node: LexborNode | None = lst
    for _ in range(3):
        if node is None or (node.mem_id == root.mem_id and lst.mem_id != root.mem_id):
            return ""
        title = _previous_title(node)
        if title:
            return title
        if _previous_element(node) is not None:
            return ""
        node = node.parent
    return ""


def _previous_element(node: LexborNode) -> LexborNode | None:
    sibling = node.prev
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.prev
    return sibling


def _previous_title(node: LexborNode) -> str:
    sibling = _previous_element(node)
    if sibling is None or sibling.tag not in _GROUP_TITLE_TAGS or first_descendant(sibling, "li"):
        return ""
    text = node_text(sibling)
    return text if 0 < len(text) <= _MAX_GROUP_TITLE else ""


def _menu_name(root: LexborNode) -> str:
    label = attr(root, "aria-label")
    if label:
        return label
    labelled_by = attr(root, "aria-labelledby")
    if labelled_by:
        safe_id = labelled_by.split()[0].replace('"', "").replace("\\", "")
        target = root.parser.css_first(f'[id="{safe_id}"]')
        if target is not None:
            return node_text(target)
    heading = root.css_first("h1, h2, h3, h4, h5, h6")
    return node_text(heading) if heading is not None else ""


def _region(lineage: _Lineage, main: LexborNode | None) -> Region:
    tags = {node.tag for node in lineage.nodes}
    roles = {(attributes.get("role") or "").strip() for attributes in lineage.attributes}
    if "footer" in tags or "contentinfo" in roles:
        return "footer"
    if "aside" in tags or "complementary" in roles:
        return "sidebar"
    descriptors = " ".join(
        descriptor_of(attributes) + " " + (attributes.get("aria-label") or "").strip().lower()
        for attributes in lineage.attributes[:4]
    )
    if UTILITY_TOKEN.search(descriptors):
        return "utility"
    if "sidebar" in descriptors:
        return "sidebar"
    if main is not None and contains(main, lineage.root):
        return "body"
    return "header"


def _parents(node: LexborNode) -> Iterator[LexborNode]:
    parent = node.parent
    while parent is not None and parent.tag not in ("html", "body"):
        yield parent
        parent = parent.parent


def _is_deferred(lineage: _Lineage) -> bool:
    if any(hidden_by(attributes) for attributes in lineage.attributes):
        return True
    return any(MOBILE_TOKEN.search(descriptor_of(a)) for a in lineage.attributes[:4])


def _labels(items: Iterable[_ItemFields]) -> Iterator[str]:
    for item in items:
        yield item["label"].casefold()
        yield from _labels(item["children"])


class _MenuRegistry:
    """The menus kept so far, and the labels they hold.

    A hidden or mobile menu whose labels are already known anywhere is a copy; so is
    a visible menu repeating one of its own region. A footer group repeating header
    links is a menu of its own (fixture en-campaign-keyfacts.html, "Get involved").
    """

    def __init__(self) -> None:
        self.menus: list[Menu] = []
        self._known_anywhere: set[str] = set()
        self._known_in_region: dict[str, set[str]] = {}
        self._keys = KeyAllocator()

    def knows(self, labels: set[str], *, deferred: bool, region: str | None) -> bool:
        known = self._known_anywhere if deferred else self._known_in_region.get(region or "", set())
        return bool(labels) and len(labels & known) >= _DUPLICATE_SHARE * len(labels)

    def add(self, draft: _MenuDraft) -> None:
        labels = draft.labels()
        if not draft.items or self.knows(labels, deferred=draft.deferred, region=draft.region):
            return
        self._known_anywhere |= labels
        self._known_in_region.setdefault(draft.region, set()).update(labels)
        key = self._keys.allocate(draft.element_id or slugify(draft.name), "menu")
        fields = {"key": key, "name": draft.name, "region": draft.region, "items": draft.items}
        self.menus.append(Menu.model_validate(fields))
