"""Menus and breadcrumbs: what the page offers to move around, nested as on the page.

A menu repeated for small screens (or hidden with ``aria-hidden``) is kept once:
hidden and mobile menus are read last and dropped when their labels are already
known (fixture amnesty-fr-refugies.html, whose mobile menu flattens the main one);
one holding a kept menu's entries and many more lends that menu its richer tree
(``_replaced_by_richer_copy``). A drill-down menu, whose sub-lists stand beside its
top list and open from buttons in its entries, is read as the tree it shows
(``_grafted``, corpus traf__umweltbundesamt.de-atomkraft.html); so is a mega menu, whose
entries' links name a panel of column lists (Bootstrap's ``data-target="#panel"``,
corpus hdate__hertie-school.org.leyen.html); so is a menu without lists whose entries
are ``menu-item`` blocks nested in one another (``_classed_items``, corpus
traf__awo.org-Menschenrechte.html). A group repeated in
a menu's lists (its desktop and mobile lists in one ``<nav>``) is listed once
(``_without_repeats``); so is a list copying, flat, entries of the lists before it
(``_without_flat_copies``, corpus hdate__elmundo.es-PSOE.html), but for the entries
it alone holds. A block of the site's social profiles inside a menu is no entry
(``_holds_social_links``, corpus traf__umweltbundesamt.de-atomkraft.html). An entry's
label is its link's name as a reader reads it, without the text of a control or of
screen-reader-only text inside the link (``_label_text``, corpus
hdate__hertie-school.org.leyen.html "StudyShow subnavigation").

An entry without a label of its own that holds a group is read by its shape
(``_titled_group``): when its first sub-entry is the group's title (a heading, bold
text or a link styled as a title, or a paragraph without a link over links, holding
no entries, and not the current page's entry) that sub-entry becomes the entry's
label and url, keeping its key, over the others (corpus mercury__www.gruene.de.html,
traf__blog.mondediplo.net.turpitude.html footers). A bare column, with no title
anywhere, stays a group without a label: merging it into its parent would move every
entry's key whenever one link is added elsewhere.

A bar of share buttons is no menu (``_is_share_bar``, corpus
mercury__www.lemonde.fr.html "Partage désactivé"). A menu without a name of its own
takes the ARIA name of an element wrapping it alone (``_wrapper_name``, corpus
hdate__elmundo.es-PSOE.html "Redes Sociales"), else it is "<region> menu".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, takewhile
from typing import NamedTuple, TypedDict

from pydantic import TypeAdapter
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault.extract._tag_ids import tag_id
from pagevault.extract.dom import (
    Attributes,
    ancestors,
    attr,
    attribute,
    class_and_id,
    contains,
    descendants,
    descriptor_of,
    element_id,
    first_descendant,
    has_ancestor_in,
    hidden_by,
    inside_tags,
    node_text,
    previous_element,
    unique_matches,
)
from pagevault.extract.legacy_roots import legacy_root_candidates, names_footer, names_sidebar
from pagevault.extract.selectors import (
    BREADCRUMB_ATTRIBUTES,
    CONSENT_TOKEN,
    MOBILE_TOKEN,
    UTILITY_TOKEN,
)
from pagevault.extract.urls import resolve_url
from pagevault.model import Breadcrumb, Menu, Region
from pagevault.text import assign_keys, clean_text, slugify, unique_keys

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
# More than one label in this many new: not a copy (1 - _DUPLICATE_SHARE, in integers).
_NEW_SHARE_DIVISOR = 5
_MAX_MENU_DEPTH = 100  # element levels read below a menu list (RecursionError guard)
_MAX_GROUP_TITLE = 60
_MAX_WRAPPER_LEVELS = 3  # elements read above a menu for an ARIA name (_wrapper_name)
_BREADCRUMB_SEPARATORS = re.compile(r"^[\s›»>/|·•:\\-]+|[\s›»>/|·•:\\-]+$")
_SUB_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_TITLE_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "strong", "b"})
_LABEL_TAGS = frozenset({"button", "span", "p", "strong", "b", "div", "summary", "h2", "h3", "h4"})


# The list walk reads ``node.tag_id``, cheaper than ``node.tag``, which builds a string
# (-9 M instructions for the menus of the corpus).
_LI, _A, _SPAN = tag_id("li"), tag_id("a"), tag_id("span")
_LABEL_TAG_IDS = frozenset(map(tag_id, _LABEL_TAGS))
_LIST_TAG_IDS = frozenset(map(tag_id, _LIST_TAGS))
_WRAPPER_STOP_TAG_IDS = frozenset(map(tag_id, ("body", "html", "header", "footer")))
# Menu roots: <nav>, role=navigation or menubar; page frames: <header>, <footer>,
# role=banner or contentinfo. Both are found with one query (see _root_candidates).
_ROOT_CANDIDATES = "nav, header, footer, [role]"
_ROOT_TAGS = frozenset({"nav", "header", "footer"})
_FRAME_TAGS = frozenset({"header", "footer"})
_NAVIGATION_ROLES = frozenset({"navigation", "menubar"})
_FRAME_ROLES = frozenset({"banner", "contentinfo"})
_PAGINATION = re.compile(r"paginat|pager")
# Words of a bar of share buttons, in its class, id or ARIA label (the share words of
# BOILERPLATE_WORDS): its entries share the page, they lead to no other page.
_SHARE_BAR = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|partager|partage|teilen|compartir)(?:$|[\s_-])"
)
# A "social" list is one of links to the site's profiles ("Suivez Le Monde"), or of
# share buttons when it holds buttons.
_SOCIAL = re.compile(r"(?:^|[\s_-])socials?(?:$|[\s_-])")
# Substrings one of which a share bar's words hold: tested before the searches, which
# cost ~15k instructions a descriptor (the regex has no literal prefix to skip by).
_SHARE_HINTS = ("shar", "parta", "teilen", "compartir", "social")


# BREADCRUMB_CANDIDATES with its [aria-label*=...] selectors asked as one [aria-label].
_BREADCRUMB_QUERY = ", ".join(
    dict.fromkeys(
        "[aria-label]" if name == "aria-label" else f"[{name}*={part}]"
        for name, part in BREADCRUMB_ATTRIBUTES
    )
)


class _ItemFields(TypedDict):
    """A menu entry's fields. Entries stay plain dicts until the page's menus are kept:
    pydantic then builds every ``Menu`` and ``NavItem`` in one call, ~1.3 µs an entry
    cheaper than one ``NavItem(...)`` call each (measured on the corpus)."""

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
    labels: set[str]  # casefolded, of every entry
    deferred: bool  # hidden or mobile: read after the visible menus


def extract_breadcrumbs(
    tree: LexborHTMLParser, base_url: str | None
) -> tuple[tuple[Breadcrumb, ...], LexborNode | None]:
    """The breadcrumb trail and the element holding it (so it is not read as a menu):
    the trail of the innermost candidate holding one, inside the outermost.

    The page source is not searched for a hint first: a candidate's attributes hold
    one, and the source may spell it with character references
    (``class="b&#114;eadcrumb"``); a search costs as much as the query (measured)."""
    found = _first_trail(_breadcrumb_candidates(tree), base_url)
    if found is None:
        return (), None
    crumbs, holder, after = found
    node = holder
    while narrower := _first_trail(_inside(node, after), base_url):
        crumbs, node, after = narrower
    return crumbs, holder


def _first_trail(
    candidates: list[LexborNode], base_url: str | None
) -> tuple[tuple[Breadcrumb, ...], LexborNode, list[LexborNode]] | None:
    """The crumbs of the first candidate with two crumbs at least, that candidate,
    and the candidates after it; None if there is none."""
    for index, node in enumerate(candidates):
        crumbs = _crumbs_of(node, base_url)
        if len(crumbs) >= 2:
            return tuple(crumbs), node, candidates[index + 1 :]
    return None


def _inside(node: LexborNode, candidates: list[LexborNode]) -> list[LexborNode]:
    """The first ``candidates`` lying inside ``node`` (in page order, an element's
    descendants come right after it). A trail found inside a trail is the narrower
    one: a block named "breadcrumb" may also hold the share links (corpus
    traf__bund.net-hermlin.html: ``m-intro-default__breadcrumbNavigation`` holds the
    trail's ``<nav>`` and "teilen", "tweeten", "mailen")."""
    return list(takewhile(lambda candidate: contains(node, candidate), candidates))


def _breadcrumb_candidates(tree: LexborHTMLParser) -> list[LexborNode]:
    """The elements matching ``BREADCRUMB_CANDIDATES``, in page order, each once.

    Its ``[aria-label*=...]`` selectors are asked as one ``[aria-label]`` and the
    substrings are checked here: lexbor walks the whole page once per selector of a
    list, and few elements carry an ``aria-label`` (breadcrumbs -10–15% per page)."""
    found: list[LexborNode] = []
    for node in unique_matches(tree, _BREADCRUMB_QUERY):
        attributes = node.attributes
        if any(part in (attributes.get(name) or "") for name, part in BREADCRUMB_ATTRIBUTES):
            found.append(node)
    return found


def _crumbs_of(node: LexborNode, base_url: str | None) -> list[Breadcrumb]:
    """The crumbs of a candidate trail: one per innermost ``<li>`` (its first link,
    else its text), else one per link and the text after the last one."""
    entries = _innermost_items(node)
    if entries:
        links = _first_links(node, entries)
        crumbs = [_crumb(links.get(entry.mem_id, entry), base_url) for entry in entries]
    else:
        trail_links = node.css("a[href]")
        crumbs = [_crumb(link, base_url) for link in trail_links if not _to_a_place_in_page(link)]
        crumbs.extend(_trailing_crumb(node, trail_links))
    return [crumb for crumb in crumbs if crumb.label]


def _to_a_place_in_page(link: LexborNode) -> bool:
    """Whether a link leads to a named place of the page (``#comments``): no step of a
    trail. A bare ``#`` may stand for the current page. A trail of bare links may sit
    beside such links (corpus traf__blog.mondediplo.net.turpitude.html: "i" for
    ``#plus_d_infos`` and a comment count "27" for ``#avantforum``)."""
    href = _link_href(link)
    return len(href) > 1 and href[0] == "#"


def _innermost_items(node: LexborNode) -> list[LexborNode]:
    """The ``<li>`` of ``node`` holding no other ``<li>``: one query and a short walk
    up from each, instead of two queries an item (~3 µs each)."""
    items = node.css("li")
    item_ids = {item.mem_id for item in items}
    node_id = node.mem_id
    holders: set[int] = set()
    for item in items:
        if item.mem_id != node_id:
            holder = _nearest_above(item, item_ids, node_id)
            if holder is not None:
                holders.add(holder)
    return [item for item in items if item.mem_id not in holders]


def _first_links(node: LexborNode, entries: list[LexborNode]) -> dict[int, LexborNode]:
    """The first ``a[href]`` of each entry (by ``mem_id``), from one query over
    ``node`` instead of one query an entry."""
    entry_ids = {entry.mem_id for entry in entries}
    first: dict[int, LexborNode] = {}
    for link in node.css("a[href]"):
        entry_id = _nearest_above(link, entry_ids, node.mem_id)
        if entry_id is not None and entry_id not in first:
            first[entry_id] = link
    return first


def _nearest_above(node: LexborNode, ids: set[int], top_id: int) -> int | None:
    """The ``mem_id`` of the nearest ancestor of ``node`` among ``ids``, looking no
    higher than the element ``top_id``."""
    current = node.parent
    while current is not None:
        current_id = current.mem_id
        if current_id in ids:
            return current_id
        if current_id == top_id:
            return None
        current = current.parent
    return None


def _crumb(node: LexborNode, base_url: str | None) -> Breadcrumb:
    label = _crumb_label(_label_text(node))
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
    label = _crumb_label(tail)
    return [Breadcrumb(label=label)] if label else []


def _crumb_label(text: str) -> str:
    """``text`` without the separators around it, but for the guillemet closing a
    quote in it (corpus traf__blog.mondediplo.net.turpitude.html: "Les blogs du
    « Diplo »" had lost its "»")."""
    label = _BREADCRUMB_SEPARATORS.sub("", text)
    if label.count("«") > label.count("»"):
        start = text.find(label)
        closing = text.rfind("»")
        if closing >= start + len(label):  # the "»" cut off after the label: its own
            label = text[start : closing + 1]
    return label


def extract_menus(
    tree: LexborHTMLParser,
    base_url: str | None,
    main: LexborNode | None,
    skip: Iterable[LexborNode] = (),
) -> tuple[Menu, ...]:
    """Every menu of the page, desktop before mobile, duplicates dropped."""
    navigations, frames = _root_candidates(tree)
    by_class_name = not navigations and not frames
    if by_class_name:  # a page without <nav>, <header>, <footer> or landmarks
        navigations, frames = legacy_root_candidates(tree)
    places = _Places(main, by_class_name=by_class_name)
    found, bare_footers = _menu_roots(navigations, frames, list(skip), main, by_class_name)
    roots = [(root, place) for root in found if not (place := places.of(root)).consent]
    roots.sort(key=lambda pair: pair[1].deferred)  # stable: page order within each group
    registry = _MenuRegistry()
    for root, place in roots:
        if place.deferred and registry.knows_links_of(root):
            continue  # a mobile copy: skip it before building its items
        read = _bare_footer_drafts if root.mem_id in bare_footers else _drafts_of
        for draft in read(root, place, base_url):
            registry.add(draft)
    return registry.menus()


def _menu_roots(
    navigations: list[LexborNode],
    frames: list[LexborNode],
    skipped: list[LexborNode],
    main: LexborNode | None,
    by_class_name: bool,
) -> tuple[list[LexborNode], set[int]]:
    """Navigation elements, then the top lists of the page's header and footer, each
    once: none inside another root or inside a ``skipped`` element; with the ids of
    the page footers among them that hold bare links only (see ``_is_bare_footer``;
    ``by_class_name``: a footer may be told by its class or id)."""
    roots: list[LexborNode] = []
    taken = {node.mem_id for node in skipped}
    for node in navigations:
        if has_ancestor_in(node, taken) or _PAGINATION.search(class_and_id(node)):
            continue
        if _is_share_bar(node):
            taken.add(node.mem_id)  # no menu, nor its lists one of the frame's
            continue
        roots.append(node)
        taken.add(node.mem_id)
    bare_footers: set[int] = set()
    for frame in frames:
        if has_ancestor_in(frame, taken):
            continue  # inside another root or a skipped block
        lists = _top_lists(frame, taken)
        roots.extend(lst for lst in lists if not _is_share_bar(lst))
        if not lists and _is_bare_footer(frame, skipped, main, by_class_name):
            roots.append(frame)
            taken.add(frame.mem_id)
            bare_footers.add(frame.mem_id)
    return roots, bare_footers


def _is_share_bar(node: LexborNode) -> bool:
    """Whether a menu root is a bar of share buttons: its class, id or ARIA label
    says share (corpus hdate__elmundo.es-PSOE.html: ``aria-label="Compartir en Redes
    Sociales"``; edgi-wmp__cdc-after-travel-precautions__ja.html: ``id="share-nav"``),
    or its class or id says social and it holds buttons (corpus
    mercury__www.lemonde.fr.html: ``<ul class="meta meta__social">`` of "Partage
    désactivé" buttons, read as a header menu). A social list of links is the site's
    profiles: a menu ("Suivez Le Monde"). An ARIA label decides alone: a primary menu
    with a class "has-social-menu" or "menu-partage" stays one."""
    attributes = node.attributes
    label = (attributes.get("aria-label") or "").lower()
    if label and _SHARE_BAR.search(label):
        return True
    if label and not _SOCIAL.search(label):  # "Menu principal" of a .menu-partage: a name
        return False  # a screen reader says wins over class words
    descriptor = descriptor_of(attributes)
    if not any(hint in descriptor for hint in _SHARE_HINTS):
        return False
    if _SHARE_BAR.search(descriptor):
        return True
    # a social list of buttons, not a site menu with a toggle button and a social class
    return _SOCIAL.search(descriptor) is not None and _mostly_buttons(node)


def _mostly_buttons(node: LexborNode) -> bool:
    buttons = len(node.css("button"))
    return buttons > 0 and buttons >= len(node.css("a[href]"))


def _root_candidates(tree: LexborHTMLParser) -> tuple[list[LexborNode], list[LexborNode]]:
    """The navigation elements and the page frames (header, footer), in page order.

    One query with a bare ``[role]`` (~45 µs a page) instead of one per group (~90 µs):
    lexbor walks the whole tree once per selector; the roles are then read here."""
    navigations: list[LexborNode] = []
    frames: list[LexborNode] = []
    # each once: <nav role=navigation> or <header role=banner> match two selectors
    for node in unique_matches(tree, _ROOT_CANDIDATES):
        tag = node.tag
        # Other elements matched ``[role]``: ``attrs[...]`` reads a present attribute ~2x
        # cheaper than ``attributes``, which is cheaper when it may be absent.
        role = node.attributes.get("role") if tag in _ROOT_TAGS else node.attrs["role"]
        if tag == "nav" or role in _NAVIGATION_ROLES:
            navigations.append(node)
        if tag in _FRAME_TAGS or role in _FRAME_ROLES:
            frames.append(node)
    return navigations, frames


def _is_bare_footer(
    frame: LexborNode,
    skipped: list[LexborNode],
    main: LexborNode | None,
    by_class_name: bool,
) -> bool:
    """Whether ``frame`` is the page's footer holding links but no list and no menu
    (corpus traf__malteser.de-Bevolkerungsschutz.html: "Wir Malteser" over links parted
    by ``<br>``): not the footer of an article or card, nor inside the main column,
    and holding no skipped block (a trail, "see also"). The caller has made sure it
    lies inside no other root nor skipped block."""
    attributes = frame.attributes
    named = by_class_name and names_footer(attributes)
    if frame.tag != "footer" and attributes.get("role") != "contentinfo" and not named:
        return False
    if _inside_content(frame, main):
        return False
    if frame.css_first("ul, ol, menu, nav") is not None or frame.css_first("a[href]") is None:
        return False
    return not any(contains(frame, node) for node in skipped)


def _inside_content(node: LexborNode, main: LexborNode | None) -> bool:
    """Whether ``node`` lies in the main column (unless that is the whole page, as
    when no column was found), an ``<article>`` or an ``<aside>``."""
    if main is not None and main.tag not in ("body", "html") and contains(main, node):
        return True
    return any(parent.tag in ("article", "aside") for parent in ancestors(node))


class _Place(NamedTuple):
    """Where a menu root sits: its region, whether it is hidden or mobile (a deferred
    menu, read after the visible ones) and whether it is part of a cookie or consent
    banner (no menu at all); with the root's attributes."""

    region: Region
    deferred: bool
    attributes: Attributes
    consent: bool  # inside a cookie or consent banner: no menu


# What an element and its ancestors below ``<body>`` say about a menu inside them:
# (inside a <footer> or role=contentinfo, inside an <aside> or role=complementary,
# hidden, inside the main column, inside a <header> or role=banner inside the main
# column). A plain tuple: a frozen dataclass costs ~1 µs to create.
_Facts = tuple[bool, bool, bool, bool, bool]
_NO_FACTS: _Facts = (False, False, False, False, False)
_NEAREST = 4  # the root and its parents whose class, id and label place the menu


class _Places:
    """The place of each menu root. The menus of a page share most of their ancestors
    (a footer's columns...): each ancestor's attributes and facts are read once, and
    the walk up from a root stops at the first ancestor already read."""

    def __init__(self, main: LexborNode | None, *, by_class_name: bool = False) -> None:
        self._main = main
        self._main_id = main.mem_id if main is not None else None
        self._seen: dict[int, tuple[Attributes, _Facts]] = {}
        # a page without <footer> nor landmarks: an element named "footer" is one (and
        # one named "sidebar" a side column)
        self._by_class_name = by_class_name

    def of(self, root: LexborNode) -> _Place:
        path = self._learn(_path_up(root, self._seen))
        _, (footer, aside, hidden, in_main, banner_in_main) = path[0]
        nearest = [attributes for attributes, _ in path[:_NEAREST]]
        descriptors = [descriptor_of(attributes) for attributes in nearest]
        # one search over the joined descriptors, not one each: no token holds a space
        joined = " ".join(descriptors)
        mobile = MOBILE_TOKEN.search(joined) is not None
        # a cookie banner's links (privacy policy, cookie settings) are no site menu (corpus
        # traf__greenpeace.org.artenvielfalt.html: <nav class="gp-cookie-banner--nav">)
        consent = CONSENT_TOKEN.search(joined) is not None
        if footer:
            region: Region = "footer"
        elif aside:
            region = "sidebar"
        else:
            # a page header inside the main column (corpus traf__elpais.com.ciencia.html:
            # <main> holds <header class="cabecera"> and the site's menu) is still one
            body = in_main and not banner_in_main
            region = _region_by_name(descriptors, nearest) or ("body" if body else "header")
        return _Place(region, hidden or mobile, nearest[0], consent)

    def _learn(self, path: list[tuple[LexborNode, int]]) -> list[tuple[Attributes, _Facts]]:
        """The attributes and facts of each node of ``path`` (root first), reading
        those of the nodes not seen yet, top down."""
        seen = self._seen
        top, top_id = path[-1]
        above = _NO_FACTS if top_id in seen else self._facts_above(top)
        known: list[tuple[Attributes, _Facts]] = []
        for node, node_id in reversed(path):
            facts = seen.get(node_id)
            if facts is None:
                attributes = node.attributes
                facts = seen[node_id] = (attributes, self._facts(above, node, node_id, attributes))
            known.append(facts)
            above = facts[1]
        known.reverse()
        return known

    def _facts(
        self, above: _Facts, node: LexborNode, node_id: int, attributes: Attributes
    ) -> _Facts:
        """The facts of an element, from its parent's and its own tag and attributes."""
        footer, aside, hidden, in_main, banner_in_main = above
        tag = node.tag
        role = attribute(attributes, "role")
        return (
            footer
            or tag == "footer"
            or role == "contentinfo"
            or self._named(attributes, names_footer),
            aside
            or tag == "aside"
            or role == "complementary"
            or self._named(attributes, names_sidebar),
            hidden or hidden_by(attributes),
            in_main or node_id == self._main_id,
            banner_in_main or (in_main and (tag == "header" or role == "banner")),
        )

    def _named(self, attributes: Attributes, names: Callable[[Attributes], bool]) -> bool:
        return self._by_class_name and names(attributes)

    def _facts_above(self, top: LexborNode) -> _Facts:
        """The facts of ``<body>`` (or whatever holds the top of a path): only whether
        it is inside the main column, when that is ``<body>`` or ``<html>``."""
        parent = top.parent
        in_main = self._main is not None and parent is not None and contains(self._main, parent)
        return (False, False, False, in_main, False)


def _region_by_name(descriptors: list[str], nearest: list[Attributes]) -> Region | None:
    """The region the class, id or label of the root or a near parent names."""
    labels = [attribute(attributes, "aria-label").lower() for attributes in nearest]
    named = " ".join(
        f"{descriptor} {label}" for descriptor, label in zip(descriptors, labels, strict=True)
    )
    if UTILITY_TOKEN.search(named):
        return "utility"
    if "sidebar" in named:
        return "sidebar"
    return None


def _path_up(root: LexborNode, seen: Container[int]) -> list[tuple[LexborNode, int]]:
    """``root`` and its ancestors below ``<body>`` (with their ids), up to the nearest
    ones and then up to the first one already ``seen``."""
    path = [(root, root.mem_id)]
    node = root.parent
    while node is not None and node.tag not in ("html", "body"):
        if len(path) >= _NEAREST and path[-1][1] in seen:
            break  # the facts of a node seen hold those of every node above it
        path.append((node, node.mem_id))
        node = node.parent
    return path


def _drafts_of(root: LexborNode, place: _Place, base_url: str | None) -> Iterator[_MenuDraft]:
    elements = _top_lists(root)
    handles = _list_handles(elements, root.mem_id) if len(elements) > 1 else {}
    controls = _controls(root, handles) if handles else []
    lists = [
        read
        for read in (_ListRead.of(element, base_url, bool(controls)) for element in elements)
        if read.linked
    ]
    if controls:  # most menus have none: their lists' entries are not noted
        lists = _grafted(lists, handles, controls, root.mem_id)
    titles = [_group_title(read.element, root) for read in lists]
    region, deferred = place.region, place.deferred
    if len(lists) > 1 and all(titles):
        for read, title in zip(lists, titles, strict=True):
            yield _MenuDraft(
                title, element_id(read.element), region, read.items, read.labels, deferred
            )
        return
    if len(lists) > 1:
        items = _keyed_across(_without_repeats(_without_flat_copies(lists)))
    else:
        items = lists[0].items if lists else ()
    labels = set().union(*(read.labels for read in lists))
    if not lists:  # bare links keyed among themselves, or the tree of their classed blocks
        items = _link_items(root.css("a[href]"), base_url)
        items = _classed_items(root, base_url, len(items)) or items
        labels = _labels_of(items)
    if len(items) >= 2 or any(item["children"] for item in items):
        title = titles[0] if len(lists) == 1 else ""
        name = (
            _menu_name(root, place.attributes) or title or _wrapper_name(root) or f"{region} menu"
        )
        yield _MenuDraft(name, element_id(root), region, items, labels, deferred)


def _without_flat_copies(lists: list[_ListRead]) -> tuple[_ItemFields, ...]:
    """The entries of a menu's lists, those of a list copying entries of the lists before
    it left out: a list whose entries, two or more and most of them, repeat entries
    found before at any depth (label and url, with their sub-entries) is a copy, and
    only its other entries are kept (corpus hdate__elmundo.es-PSOE.html: the side
    panel's flat list of the ten sections after the tree of the same sections). A list
    repeating an entry or two among others of its own stays whole: "LOC" stands in the
    sections and again among the supplements. The entries before are noted only for a
    list whose labels may make it a copy (most lists' do not)."""
    known: set[tuple[str, str | None]] = set()
    noted = 0  # the lists whose entries are in ``known``
    kept: list[_ItemFields] = []
    for index, read in enumerate(lists):
        items = read.items
        if not _may_be_copy(items, lists[:index]):
            kept.extend(items)
            continue
        for earlier in lists[noted:index]:
            _note_entries(earlier.items, known)
        noted = index
        repeated = [_repeats(item, known) for item in items]
        if _mostly_copies(sum(repeated), len(items)):
            kept.extend(item for item, repeat in zip(items, repeated, strict=True) if not repeat)
        else:
            kept.extend(items)
    return tuple(kept)


def _may_be_copy(items: tuple[_ItemFields, ...], earlier: list[_ListRead]) -> bool:
    """Whether enough of ``items`` have labels of ``earlier`` lists (at any depth) to
    make them a copy, the urls and sub-entries not looked at."""
    if not earlier or len(items) < 2:
        return False
    known_labels = [read.labels for read in earlier]
    labelled = sum(
        any(label in labels for labels in known_labels)
        for label in (item["label"].casefold() for item in items)
    )
    return _mostly_copies(labelled, len(items))


def _mostly_copies(copies: int, entries: int) -> bool:
    return copies >= 2 and copies >= _DUPLICATE_SHARE * entries


def _repeats(item: _ItemFields, known: set[tuple[str, str | None]]) -> bool:
    """Whether an entry's label and url, and those of its sub-entries, are ``known``."""
    return (item["label"].casefold(), item["url"]) in known and all(
        _repeats(child, known) for child in item["children"]
    )


def _note_entries(items: tuple[_ItemFields, ...], known: set[tuple[str, str | None]]) -> None:
    """Add the label and url of ``items`` and of their sub-entries to ``known``."""
    for item in items:
        known.add((item["label"].casefold(), item["url"]))
        if item["children"]:
            _note_entries(item["children"], known)


def _without_repeats(items: tuple[_ItemFields, ...]) -> tuple[_ItemFields, ...]:
    """The entries of a menu's lists without the groups repeating an earlier one, its
    label, url and sub-entries alike (corpus mercury__www.gruene.de.html: the desktop
    and mobile lists of one ``<nav>`` listed Programm, Partei and Personen twice). The
    others keep their keys. A single link may stand in two lists on purpose, and
    dropping it from one would leave that list short (hdate__elmundo.es-PSOE.html:
    "LOC" in the sections and again in the list of supplements)."""
    seen: set[_Shape] = set()
    kept: list[_ItemFields] = []
    for item in items:
        if not item["children"]:
            kept.append(item)
            continue
        shape = _shape_of(item)
        if shape not in seen:
            seen.add(shape)
            kept.append(item)
    return items if len(kept) == len(items) else tuple(kept)


# An entry's label, url and the shapes of its sub-entries.
_Shape = tuple[str, str | None, tuple["_Shape", ...]]


def _shape_of(item: _ItemFields) -> _Shape:
    return item["label"], item["url"], tuple(map(_shape_of, item["children"]))


# Drill-down menus (corpus traf__umweltbundesamt.de-atomkraft.html): sub-lists standing
# beside the top list, each opened by a control in an entry that names it, by
# ``aria-controls`` (its id) or by a data attribute the list carries with the same value.
# Mega menus (corpus hdate__hertie-school.org.leyen.html, Bootstrap's dropdowns): a panel
# of column lists, opened by the entry's link naming the panel's id
# (``data-target="#mega-menu-01"``, ``data-bs-target``, ``aria-controls``).
_HANDLE_NAME = re.compile(r"^data-[a-z0-9_-]+$")
_ID = "id"
_CONTROLS = "aria-controls"
_TARGET_NAMES = ("data-target", "data-bs-target")  # "#id"
_PANEL_LEVELS = 6  # a panel lies this many levels above its column lists at most

# A list's handles: (attribute name, value) -> the ``mem_id`` of the lists it names: one
# list, or the column lists of a panel.
_Handles = dict[tuple[str, str], tuple[int, ...]]


def _list_handles(lists: list[LexborNode], root_id: int) -> _Handles:
    """The ids and data attributes by which a control may name one of ``lists``: those
    with a value that one list alone carries (a ``data-level="1"`` of several lists, a
    ``data-v-…=""`` on every element, names none); and the ids of the panels holding
    some of them, below the menu's root (``root_id``)."""
    handles: _Handles = {}
    shared: set[tuple[str, str]] = set()
    for element in lists:
        for name, value in element.attributes.items():
            value = (value or "").strip()
            if not value or (name != _ID and not _HANDLE_NAME.match(name)):
                continue
            if (name, value) in handles:
                shared.add((name, value))
            handles[(name, value)] = (element.mem_id,)
    for handle in shared:
        del handles[handle]
    for panel_id, held in _panels(lists, root_id).items():
        handles.setdefault((_ID, panel_id), tuple(held))
    return handles


def _panels(lists: list[LexborNode], root_id: int) -> dict[str, list[int]]:
    """The ids of the elements a few levels above ``lists`` (below the root), each with
    the lists it holds, in page order."""
    panels: dict[str, list[int]] = {}
    for element in lists:
        node = element.parent
        for _ in range(_PANEL_LEVELS):
            if node is None or node.mem_id == root_id:
                break
            if panel_id := element_id(node):
                panels.setdefault(panel_id, []).append(element.mem_id)
            node = node.parent
    return panels


def _grafted(
    lists: list[_ListRead], handles: _Handles, controls: list[LexborNode], root_id: int
) -> list[_ListRead]:
    """The lists of a drill-down menu with each sub-list (or a mega menu's panel of
    column lists, keyed among themselves) grafted under the entry whose control opens
    it (its first entry, a back or current link leading nowhere, left out); the lists
    grafted nowhere, in page order. An entry holding entries already,
    or a control in the list it opens or in one of its sub-lists, grafts nothing; nor
    does a graft nesting entries deeper than a list is read (``_Grafts``)."""
    by_element = {read.element.mem_id: read for read in lists}
    owners = {
        entry_id: (read.element.mem_id, item, depth)
        for read in lists
        for entry_id, (item, depth) in (read.entries or {}).items()
    }
    grafts = _Grafts({list_id: read.deepest for list_id, read in by_element.items()})
    for control in controls:
        owner = _owning_entry(control, owners, root_id)
        if owner is None:
            continue
        list_id, item, depth = owner
        if item["children"]:
            continue
        targets = [
            by_element[target] for target in _targets(control, handles) if target in by_element
        ]
        if any(read.element.mem_id == list_id for read in targets):
            continue  # a toggle of a panel holding its own list (the whole menu)
        grafted = [read for read in targets if grafts.add(read.element.mem_id, list_id, depth)]
        if len(grafted) == 1:
            item["children"] = _without_back_entry(grafted[0].items)
        elif grafted:  # a panel's columns, keyed among themselves
            columns = chain.from_iterable(_without_back_entry(read.items) for read in grafted)
            item["children"] = _keyed([entry.copy() for entry in columns])
    held_by = grafts.held_by
    for grafted_id in held_by:  # the labels of a grafted list are its top list's
        by_element[_top_of(grafted_id, held_by)].labels |= by_element[grafted_id].labels
    # a sub-list no control opens (a leaf's, holding its back link alone) adds nothing
    return [
        read
        for read in lists
        if read.element.mem_id not in held_by and (not held_by or _leads_somewhere(read.items))
    ]


def _top_of(list_id: int, held_by: dict[int, int]) -> int:
    while list_id in held_by:
        list_id = held_by[list_id]
    return list_id


def _controls(root: LexborNode, handles: _Handles) -> list[LexborNode]:
    """The elements of ``root`` that may open a list: those with ``aria-controls`` or a
    ``data-target`` when a list or a panel has an id, buttons with a data attribute of a
    list."""
    names = sorted({name for name, _ in handles})
    selectors = [
        ", ".join(f"[{name}]" for name in (_CONTROLS, *_TARGET_NAMES))
        if name == _ID
        else f"button[{name}]"
        for name in names
    ]
    return root.css(", ".join(selectors))


def _targets(control: LexborNode, handles: _Handles) -> Iterator[int]:
    """The lists ``control`` names (``mem_id``), by ``aria-controls`` or a data
    attribute."""
    attributes = control.attributes
    for name, value in attributes.items():
        if not value:
            continue
        if name == _CONTROLS:
            for token in value.split():
                yield from handles.get((_ID, token), ())
        elif name in _TARGET_NAMES:
            if value.startswith("#"):
                yield from handles.get((_ID, value[1:].strip()), ())
        elif name != _ID:
            yield from handles.get((name, value.strip()), ())


def _owning_entry(
    control: LexborNode, owners: dict[int, tuple[int, _ItemFields, int]], root_id: int
) -> tuple[int, _ItemFields, int] | None:
    """The list, entry and depth of the nearest ``<li>`` above ``control``, below the
    root."""
    node = control.parent
    while node is not None and node.mem_id != root_id:
        if node.tag_id == _LI:
            return owners.get(node.mem_id)
        node = node.parent
    return None


class _Grafts:
    """The lists grafted under an entry of another list, each once, never below itself,
    and no deeper than a list is read (``_MAX_MENU_DEPTH`` element levels from the top
    list down: hostile lists opening each other in a chain would nest entries past
    what pydantic validates, RELIABILITY.md rule 1). The walks up a chain are bounded
    by that depth too."""

    def __init__(self, deepest: dict[int, int]) -> None:
        self.held_by: dict[int, int] = {}  # a grafted list -> the list holding its entry
        self._at: dict[int, int] = {}  # a grafted list -> its entry's depth in that list
        # a list -> the depth of its deepest entry, in its grafted lists too
        self._reach = deepest

    def add(self, target_id: int, list_id: int, depth: int) -> bool:
        """Graft the list ``target_id`` under an entry ``depth`` levels deep in the list
        ``list_id``, unless it is grafted already, would hold its own entry, or would
        nest entries too deep; whether it was."""
        if target_id in self.held_by:
            return False
        above = self._depth_above(list_id, target_id)
        reach = depth + self._reach[target_id]
        if above is None or above + reach > _MAX_MENU_DEPTH:
            return False
        self.held_by[target_id] = list_id
        self._at[target_id] = depth
        self._extend_reach(list_id, reach)
        return True

    def _depth_above(self, list_id: int, target_id: int) -> int | None:
        """The depth of the list ``list_id`` below its top list; None if that list or
        one holding it is ``target_id`` (a graft would close a loop)."""
        depth = 0
        current = list_id
        while current != target_id:
            holder = self.held_by.get(current)
            if holder is None:
                return depth
            depth += self._at[current]
            current = holder
        return None

    def _extend_reach(self, list_id: int, reach: int) -> None:
        """Note entries ``reach`` levels deep in the list ``list_id``, and so deeper in
        each list holding it."""
        current = list_id
        while self._reach[current] < reach:
            self._reach[current] = reach
            holder = self.held_by.get(current)
            if holder is None:
                return
            reach += self._at[current]
            current = holder


def _without_back_entry(items: tuple[_ItemFields, ...]) -> tuple[_ItemFields, ...]:
    """A drill-down list's entries without its first when that leads nowhere: a back
    link or the parent's own label over ``href="#"``."""
    if items and items[0]["url"] is None and not items[0]["children"]:
        return items[1:]
    return items


def _bare_footer_drafts(
    footer: LexborNode, place: _Place, base_url: str | None
) -> Iterator[_MenuDraft]:
    """The menus of a footer of bare links: one per titled group when there are
    several ("Wir Malteser", "Informationen"), else one of all its labelled links
    (as ``_drafts_of`` reads any root without lists)."""
    region, deferred = place.region, place.deferred
    groups = [
        (title, block, items)
        for title, block, links in _headed_link_groups(footer)
        if len(items := _link_items(links, base_url)) >= 2
    ]
    if len(groups) > 1:
        for title, block, items in groups:
            yield _MenuDraft(title, element_id(block), region, items, _labels_of(items), deferred)
        return
    yield from _drafts_of(footer, place, base_url)


_HEADINGS = "h2, h3, h4, h5, h6"
# Bounds on the grouping (RELIABILITY.md rule 1): a footer with more headings is read
# as one menu; a group's block lies a few levels above its title (corpus: two, an <h3>
# in a <header> in the group's <div>).
_MAX_GROUP_HEADINGS = 40
_MAX_BLOCK_LEVELS = 4


def _headed_link_groups(root: LexborNode) -> list[tuple[str, LexborNode, list[LexborNode]]]:
    """The links of ``root`` grouped under their titles: for each heading, the
    smallest block around it holding links and no other heading, with those links
    (the heading's own excepted) and the heading's text. A heading with no such block
    (a title over a row of icons) gives no group."""
    headings = descendants(root, _HEADINGS)
    if len(headings) > _MAX_GROUP_HEADINGS:
        return []
    held = _headings_held(headings, root)
    groups = []
    for heading in headings:
        title = node_text(heading)
        block = _block_of(heading, root, held) if 0 < len(title) <= _MAX_GROUP_TITLE else None
        if block is not None:
            links = [link for link in block.css("a[href]") if not contains(heading, link)]
            groups.append((title, block, links))
    return groups


def _headings_held(headings: list[LexborNode], root: LexborNode) -> dict[int, int]:
    """How many of ``headings`` each element below ``root`` holds (by ``mem_id``): one
    walk up from each heading, instead of a query per element looked at."""
    held: dict[int, int] = {}
    root_id = root.mem_id
    for heading in headings:
        node = heading.parent
        while node is not None and node.mem_id != root_id:
            held[node.mem_id] = held.get(node.mem_id, 0) + 1
            node = node.parent
    return held


def _block_of(heading: LexborNode, root: LexborNode, held: dict[int, int]) -> LexborNode | None:
    """The smallest element between ``heading`` and ``root`` (both excluded), at most
    ``_MAX_BLOCK_LEVELS`` up, that holds a link outside the heading and no other
    heading (``held``: the headings each element holds)."""
    root_id = root.mem_id
    node = heading.parent
    for _ in range(_MAX_BLOCK_LEVELS):
        if node is None or node.mem_id == root_id or held.get(node.mem_id, 0) > 1:
            return None
        if _holds_link_outside(node, heading):
            return node
        node = node.parent
    return None


def _holds_link_outside(node: LexborNode, heading: LexborNode) -> bool:
    first = node.css_first("a[href]")
    if first is None:
        return False
    if not contains(heading, first):
        return True
    return any(not contains(heading, link) for link in node.css("a[href]"))


def _labels_of(items: tuple[_ItemFields, ...]) -> set[str]:
    """The casefolded labels of top entries, as the registry compares them."""
    return {item["label"].casefold() for item in items}


def _link_items(links: list[LexborNode], base_url: str | None) -> tuple[_ItemFields, ...]:
    """Entries for bare links, those without a label (an icon) left out, keyed among
    themselves."""
    items = [item for item in (_link_item(link, base_url) for link in links) if item["label"]]
    return _keyed(items)


# Menus written without lists: entries as blocks of this class nested in one another
# (Drupal themes: ``<div class="menu-item"><a>…</a><div class="sub-menu"><div
# class="menu-item">…``, corpus traf__awo.org-Menschenrechte.html).
_ENTRY_BLOCKS = "[class~=menu-item]"
_MAX_BLOCK_GAP = 12  # levels between a block and the block holding it, at most


def _classed_items(root: LexborNode, base_url: str | None, links: int) -> tuple[_ItemFields, ...]:
    """The tree of a menu of ``_ENTRY_BLOCKS`` without lists: each block an entry
    labelled by its first link, under the nearest block holding it (a block without a
    link of its own hands its entries to the block above); () unless it holds all the
    menu's ``links`` (those with a label), two or more."""
    blocks = root.css(_ENTRY_BLOCKS)
    if len(blocks) < 2:
        return ()
    block_ids = {block.mem_id for block in blocks}
    owner_of: dict[int, int] = {root.mem_id: root.mem_id}  # a block -> the entry it feeds
    entries: dict[int, tuple[_ItemFields, list[_ItemFields]]] = {}  # its item, sub-entries
    top: list[_ItemFields] = []
    for block in blocks:  # page order: a block comes before the blocks it holds
        owner = owner_of.get(_holder(block, block_ids, root.mem_id), root.mem_id)
        link = block.css_first("a[href]")
        item = _own_link_item(link, block, block_ids, root.mem_id, base_url)
        if item is None:
            owner_of[block.mem_id] = owner
            continue
        owner_of[block.mem_id] = block.mem_id
        (entries[owner][1] if owner in entries else top).append(item)
        entries[block.mem_id] = item, []
    if len(entries) != links or links < 2:
        return ()  # links outside the blocks: the blocks are no menu's entries
    for item, children in reversed(entries.values()):  # the innermost first
        item["children"] = _keyed(children) if children else ()
    return _keyed(top)


def _own_link_item(
    link: LexborNode | None,
    block: LexborNode,
    block_ids: set[int],
    root_id: int,
    base_url: str | None,
) -> _ItemFields | None:
    """The entry of ``block``'s first link, if the link is the block's own (not one of
    a block inside it) and has a label."""
    if link is None or _holder(link, block_ids, root_id) != block.mem_id:
        return None
    item = _link_item(link, base_url)
    return item if item["label"] else None


def _holder(node: LexborNode, block_ids: set[int], root_id: int) -> int:
    """The ``mem_id`` of the nearest block of ``block_ids`` above ``node`` (at most
    ``_MAX_BLOCK_GAP`` levels up), else the root's. Bounded: thousands of blocks under
    hundreds of wrappers would each walk up through all of them (RELIABILITY.md
    rule 1); real menus nest their blocks a few levels apart."""
    parent = node.parent
    for _ in range(_MAX_BLOCK_GAP):
        if parent is None or parent.mem_id == root_id:
            break
        if parent.mem_id in block_ids:
            return parent.mem_id
        parent = parent.parent
    return root_id


def _top_lists(root: LexborNode, taken: set[int] | None = None) -> list[LexborNode]:
    """The lists of ``root`` (``root`` itself if it is one) not nested inside another
    list of ``root`` nor inside a ``taken`` element below it; the lists found are
    added to ``taken``."""
    taken = set() if taken is None else taken
    if root.tag in _LIST_TAGS:
        taken.add(root.mem_id)
        return [root]
    return _lists_below(root, taken)


def _lists_below(root: LexborNode, taken: set[int]) -> list[LexborNode]:
    """``_top_lists`` of a root that is not a list, in page order: a walk down that
    stops at lists and ``taken`` elements. It meets ~6k elements over the corpus,
    where the query for lists walked ~36k three times and each list it found was
    walked up from (-15% for the menus). Not recursive: nesting is unbounded."""
    found: list[LexborNode] = []
    pending = [root.iter()]  # the children still to see, of each open element
    while pending:
        for child in pending[-1]:
            child_id = child.mem_id
            if child_id in taken:
                continue
            if child.tag_id in _LIST_TAG_IDS:
                found.append(child)
                taken.add(child_id)
            else:
                pending.append(child.iter())
                break
        else:
            pending.pop()
    return found


class _Entry:
    """A list entry being read: its label element and its sub-entries (kept ones).
    A plain slotted class, filled by ``_new_entry``: a dataclass with a
    ``default_factory`` is slower to create, and so is an ``__init__`` (-2.8 M
    instructions for the menus of the corpus)."""

    __slots__ = (
        "children",
        "fallback",
        "fallback_holds_entries",
        "first_child_label",
        "label",
        "label_holds_unread",
    )
    label: LexborNode | None
    label_holds_unread: bool  # a control or hidden text inside the label (_unread)
    fallback: LexborNode | None
    fallback_holds_entries: bool
    children: list[_ItemFields]
    first_child_label: LexborNode | None  # the label element of its first kept sub-entry


def _new_entry() -> _Entry:
    entry = _Entry()
    entry.label = entry.fallback = entry.first_child_label = None
    entry.fallback_holds_entries = entry.label_holds_unread = False
    entry.children = []
    return entry


class _ListRead:
    """The entries of one (nested) list, read in a single walk down its subtree: each
    ``<li>`` is attached to the nearest ``<li>`` above it; its label is its first link,
    else its first labelled element (a ``<button>`` opening a sub-menu). The walk also
    notes the labels met and whether the list holds a link at all."""

    def __init__(self, element: LexborNode, base_url: str | None) -> None:
        self.element = element
        self.items: tuple[_ItemFields, ...] = ()
        self.linked = False  # holds an ``a[href]``
        self.labels: set[str] = set()  # casefolded, of every entry kept
        # when asked, for ``_grafted``: the entry kept for each <li> (by ``mem_id``) and
        # its depth (element levels below the list), and the deepest of them
        self.entries: dict[int, tuple[_ItemFields, int]] | None = None
        self.deepest = 0
        self._base_url = base_url
        self._entries_met = 0

    @classmethod
    def of(cls, element: LexborNode, base_url: str | None, note_entries: bool = False) -> _ListRead:
        read = cls(element, base_url)
        if note_entries:
            read.entries = {}
        top: list[_ItemFields] = []
        read._walk(element, None, top, 0)
        read.items = _keyed(top)
        return read

    def _walk(
        self, node: LexborNode, owner: _Entry | None, found: list[_ItemFields], depth: int
    ) -> None:
        """Walk ``node``'s subtree in page order, handing the owning entry down: walking
        up from every ``<li>`` and link to find its owner cost ~3x more. Elements more
        than ``_MAX_MENU_DEPTH`` levels below the list are not read (hostile nesting
        would exhaust Python's recursion limit; real menus nest a few dozen levels).
        It notes a control or hidden text inside the owner's label (``_unread``), which
        ``_label_text`` then reads: the other labels are their whole text, read without
        a second look at their elements."""
        if depth >= _MAX_MENU_DEPTH:
            return
        depth += 1
        for child in node.iter():
            tag_id = child.tag_id
            if tag_id == _LI:
                self._read_entry(child, owner, found, depth)
                continue
            if tag_id == _A:
                if not self.linked:
                    self.linked = "href" in child.attrs
                if owner is not None and owner.label is None:
                    owner.label = child
            elif owner is not None:
                if owner.label is not None:
                    if tag_id in _UNREAD_TAG_IDS and _unread(child, tag_id):
                        owner.label_holds_unread |= _inside_link(child, owner.label)
                elif owner.fallback is None and tag_id in _LABEL_TAG_IDS:
                    self._read_fallback(child, owner, found, depth)
                    continue
            self._walk(child, owner, found, depth)

    def _read_fallback(
        self, element: LexborNode, owner: _Entry, found: list[_ItemFields], depth: int
    ) -> None:
        """Walk an entry's first labelled element, noting whether it holds entries
        (counted while walking: a query for an <li> in it costs ~4 µs)."""
        owner.fallback = element
        met = self._entries_met
        self._walk(element, owner, found, depth)
        owner.fallback_holds_entries = self._entries_met != met

    def _read_entry(
        self, element: LexborNode, owner: _Entry | None, found: list[_ItemFields], depth: int
    ) -> None:
        """Read the entry ``element`` into ``found`` (``owner.children`` when it has an
        owner); a group without a label takes its title from its first sub-entry (see
        ``_titled_group``)."""
        self._entries_met += 1
        entry = _new_entry()
        self._walk(element, entry, entry.children, depth)
        children = _keyed(entry.children) if entry.children else ()
        link = entry.label
        if link is None:
            label = ""
        else:
            label = _label_text(link) if entry.label_holds_unread else node_text(link)
        if link is not None and label:
            url = resolve_url(_link_href(link), self._base_url)
            label_element: LexborNode | None = link
        else:
            if children and _holds_social_links(element):
                return
            label, url = self._fallback_label(entry)
            label_element = entry.fallback
            if not label:
                if not children:
                    return
                titled = _titled_group(children, entry.first_child_label)
                if titled is not None:
                    self._keep(element, titled, found, depth)
                    return
        if owner is not None and not found:
            owner.first_child_label = label_element
        # ``element.id``, not ``element_id``: an <li> is an element (one call and one
        # check less an entry)
        key_base = (element.id or "").strip() or slugify(label) or slugify(url or "")
        self.labels.add(label.casefold())
        item: _ItemFields = {"key": key_base, "label": label, "url": url, "children": children}
        self._keep(element, item, found, depth)

    def _keep(
        self, element: LexborNode, item: _ItemFields, found: list[_ItemFields], depth: int
    ) -> None:
        found.append(item)
        if self.entries is not None:
            self.entries[element.mem_id] = item, depth
            self.deepest = max(self.deepest, depth)

    def _fallback_label(self, entry: _Entry) -> tuple[str, str | None]:
        """The label and url of an entry without a link, or with an empty one: its
        first labelled element, unless that holds sub-entries."""
        fallback = entry.fallback
        if fallback is None or entry.fallback_holds_entries:
            return "", None
        return _label_text(fallback), resolve_url(attr(fallback, "href"), self._base_url)


def _holds_social_links(element: LexborNode) -> bool:
    """Whether an entry without a link of its own holding entries is a block of the
    site's social profiles, by a class or id word "social": no section of the site but
    a list of icons inside a menu (corpus traf__umweltbundesamt.de-atomkraft.html: the
    mobile menu's last entry, ``<li class="w21mn-social-links">``, held "Das
    Umweltbundesamt" over Facebook, Twitter... and became the 8th entry of
    "Hauptnavigation" when that copy lent the menu its richer tree). An entry with a
    link of its own is a section, whatever its class says ("Presse & Social Media")."""
    descriptor = class_and_id(element)
    return "social" in descriptor and _SOCIAL.search(descriptor) is not None


def _titled_group(
    children: tuple[_ItemFields, ...], first_label: LexborNode | None
) -> _ItemFields | None:
    """A group without a label of its own whose first sub-entry is its title, as one
    entry: that sub-entry (its key, label and url) over the others; None if the first
    sub-entry is no title. A title holds no entries of its own, is not the current
    page's entry, and is styled as one: a heading standing over links (corpus
    traf__blog.mondediplo.net.turpitude.html: a ``<h3>`` "Le journal" as the first
    ``<li>`` of each footer column; a bare ``<span>`` is a trail's unlinked current
    step) or a link styled as a title (corpus mercury__www.gruene.de.html:
    ``<a><p class="…sectionTitle…">Programm`` over the column's links), or a
    paragraph without a link over links only (same footer, ``<p>Service``). A first
    link like the others is no title: the group stays a bare column (corpus
    hdate__paris-luttes.info.html, "Antifascisme" heads no column)."""
    if len(children) < 2:
        return None
    title = children[0]
    if title["children"] or not title["label"]:
        return None
    if first_label is None or _is_current(first_label):
        return None
    if not (_styled_as_title(first_label) or _heads_links(first_label, children)):
        return None
    return {
        "key": title["key"],
        "label": title["label"],
        "url": title["url"],
        "children": children[1:],
    }


def _heads_links(first_label: LexborNode, children: tuple[_ItemFields, ...]) -> bool:
    """Whether the first of a group's entries is a paragraph without a link over links
    only (corpus mercury__www.gruene.de.html: ``<p class="…sectionNoLink…">Service``
    over the footer column's links). Not a ``<span>`` nor a ``<button>``: the current
    step of a trail, the current language over the others, a toggle."""
    if first_label.tag_id not in _BLOCK_TEXT_TAG_IDS or children[0]["url"] is not None:
        return False
    return all(child["url"] for child in children[1:])


_BLOCK_TEXT_TAG_IDS = frozenset((tag_id("p"), tag_id("div")))


def _is_current(element: LexborNode) -> bool:
    """Whether a menu entry marks the page shown (``aria-current``, a class "active",
    "current" or "selected"): a trail's current step, no title over its siblings."""
    attributes = element.attributes
    if "aria-current" in attributes:
        return True
    classes = (attributes.get("class") or "").casefold().split()
    return not _CURRENT_CLASSES.isdisjoint(classes)


_CURRENT_CLASSES = frozenset(("active", "current", "selected", "is-active", "current-menu-item"))


def _styled_as_title(link: LexborNode) -> bool:
    """Whether a link reads as a title: it, or the first element in it, is a heading,
    ``<strong>``/``<b>``, or has a class naming a title or heading."""
    if _is_title_element(link):
        return True
    inner = link.child
    while inner is not None and not inner.is_element_node:
        inner = inner.next
    return inner is not None and _is_title_element(inner)


def _is_title_element(node: LexborNode) -> bool:
    """Whether ``node`` is a heading, ``<strong>``/``<b>``, or has a class naming it a
    title (``_names_title``)."""
    if node.tag in _TITLE_TAGS:
        return True
    classes = node.attributes.get("class") or ""
    lowered = classes.lower()
    if "title" not in lowered and "heading" not in lowered:  # most classes: no search
        return False
    return any(map(_names_title, classes.split()))


# The words of a class: "styles-module--sectionTitle--1eBHi" is "styles", "module",
# "section", "Title", ... (camelCase words apart, as hyphenated ones).
_CLASS_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_TITLE_WORDS = frozenset(("title", "heading"))
# Words before "title" or "heading" by which a class names no title: "no-heading",
# "subTitle", "has-title" (a block holding one).
_NOT_TITLE_WORDS = frozenset(("no", "non", "not", "sub", "has", "with", "without"))


def _names_title(class_name: str) -> bool:
    """Whether a class names a title by one of its words, "title" or "heading" (corpus
    mercury__www.gruene.de.html ``styles-module--sectionTitle--1eBHi``), as a word,
    not a part of one ("subtitle") nor negated ("no-heading")."""
    words = [word.lower() for word in _CLASS_WORDS.findall(class_name)]
    return any(
        word in _TITLE_WORDS and (index == 0 or words[index - 1] not in _NOT_TITLE_WORDS)
        for index, word in enumerate(words)
    )


def _keyed(entries: list[_ItemFields]) -> tuple[_ItemFields, ...]:
    """The entries with their keys unique among their siblings: each entry's key is
    its key base, rewritten here when a base is empty or shared (``unique_keys``)."""
    keys = unique_keys([entry["key"] for entry in entries])
    for entry, key in zip(entries, keys, strict=True):
        entry["key"] = key
    return tuple(entries)


def _keyed_across(entries: tuple[_ItemFields, ...]) -> tuple[_ItemFields, ...]:
    """The entries of a menu's several lists, each list keyed on its own, with their keys
    unique among them all: a later entry sharing an earlier one's key takes the next
    suffix (corpus hdate__elmundo.es-PSOE.html: "LOC" in the sections and among the
    supplements were both 'loc'). Copies, for the lists' entries are read elsewhere."""
    keys = [entry["key"] for entry in entries]
    if len(set(keys)) == len(keys):
        return entries  # most menus
    return _keyed([entry.copy() for entry in entries])


def _link_href(link: LexborNode) -> str:
    """``attr(link, "href")``: ``attrs[...]`` reads a present attribute ~2x cheaper than
    ``attrs.get`` or ``node.attributes``, and a link nearly always has one."""
    try:
        value = link.attrs["href"]
    except KeyError:
        return ""
    return value.strip() if value else ""


# Elements inside a link whose text is no part of its name: form controls (corpus
# hdate__hertie-school.org.leyen.html: ``<a>Study<label>Show subnavigation</label></a>``),
# and style or script text.
_CONTROL_TAG_IDS = frozenset(
    map(tag_id, ("label", "button", "input", "select", "textarea", "style", "script"))
)
_UNREAD_TAG_IDS = _CONTROL_TAG_IDS | {tag_id("span")}
# Class tokens of text kept for screen readers only (title.py's; not "hidden", which
# Tailwind's "hidden lg:block" shows on a wide screen), lower-cased: a set of tokens
# is looked up ~3x faster than a regex searches a class (~1800 spans in the menus).
_HIDING_CLASSES = frozenset(
    (
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "element-invisible",
        "unsichtbar",
        "offscreen",
    )
)


def _label_text(element: LexborNode) -> str:
    """The name of a menu entry or crumb as a reader reads it: its text without that of
    the controls and the screen-reader-only text inside it (corpus
    hdate__hertie-school.org.leyen.html "StudyShow subnavigation";
    traf__umweltbundesamt.de-atomkraft.html "ENSprache wechseln zu English";
    mercury__www.lemonde.fr.html "À la une nav_back_to_home"), unless that is all its
    text: an icon link's hidden "Facebook" is its name. A link of bare text, the most,
    costs one look for a child element; the list walk calls it only for the labels it
    saw such an element in (``_ListRead._walk``)."""
    text = node_text(element)
    if not text or next(element.iter(), None) is None:  # no element inside
        return text
    unread = _unread_in(element)
    if not unread:
        return text
    return clean_text("".join(_text_outside(element, unread))) or text


def _unread_in(element: LexborNode) -> set[int]:
    """The ``mem_id`` of the controls and screen-reader-only elements inside
    ``element`` (see ``_label_text``), not looking inside them."""
    unread: set[int] = set()
    pending = [element]
    while pending:
        for child in pending.pop().iter():
            if _unread(child, child.tag_id):
                unread.add(child.mem_id)
            else:
                pending.append(child)
    return unread


def _inside_link(node: LexborNode, link: LexborNode) -> bool:
    """Whether ``node`` lies inside ``link``, looking up no higher than the ``<li>``
    holding both (a button beside an entry's link lies in its ``<li>`` only)."""
    link_id = link.mem_id
    parent = node.parent
    while parent is not None and parent.tag_id != _LI:
        if parent.mem_id == link_id:
            return True
        parent = parent.parent
    return False


def _unread(element: LexborNode, element_tag_id: int) -> bool:
    """Whether an element inside a label is none of its name: a control, or a ``<span>``
    of screen-reader-only text (a span in every page met: its class is read for spans
    only)."""
    if element_tag_id != _SPAN:
        return element_tag_id in _CONTROL_TAG_IDS
    classes = element.attributes.get("class")
    return classes is not None and not _HIDING_CLASSES.isdisjoint(classes.lower().split())


def _text_outside(element: LexborNode, unread: set[int]) -> Iterator[str]:
    """The text pieces of ``element``, in page order, outside the elements ``unread``
    (a walk without recursion: nesting is unbounded)."""
    pending = [element.iter(include_text=True)]
    while pending:
        for child in pending[-1]:
            if child.is_text_node:
                yield child.text_content or ""
            elif child.mem_id not in unread:
                pending.append(child.iter(include_text=True))
                break
        else:
            pending.pop()


def _link_item(link: LexborNode, base_url: str | None) -> _ItemFields:
    label = _label_text(link)
    url = resolve_url(_link_href(link), base_url)
    key = slugify(label) or slugify(url or "") or "link"
    return {"key": key, "label": label, "url": url, "children": ()}


def _group_title(lst: LexborNode, root: LexborNode) -> str:
    """The title written just above a list: 'NOS COMBATS' over a footer column.

    Looks at the list's previous sibling, then its wrappers' (at most two levels
    up, never past the menu root unless the list is the root itself)."""
    root_id = root.mem_id
    stop_at_root = lst.mem_id != root_id
    node: LexborNode | None = lst
    for _ in range(3):
        if node is None or (stop_at_root and node.mem_id == root_id):
            return ""
        sibling = previous_element(node)
        if sibling is not None:
            return _title_in(sibling)
        node = node.parent
    return ""


def _title_in(sibling: LexborNode) -> str:
    """The text of a list's previous sibling, if it reads as the list's title. The
    length is checked before the query for a nested list, which costs more (~3 µs)."""
    if sibling.tag not in _GROUP_TITLE_TAGS:
        return ""
    text = node_text(sibling)
    if not 0 < len(text) <= _MAX_GROUP_TITLE or _holds_list_item(sibling):
        return ""
    return text


def _holds_list_item(node: LexborNode) -> bool:
    """Whether an ``<li>`` lies inside ``node``; a title is mostly bare text, whose
    missing children are cheaper to see than to query (~3 µs)."""
    if next(node.iter(), None) is None:
        return False
    return first_descendant(node, "li") is not None


def _menu_name(root: LexborNode, attributes: Attributes) -> str:
    """The menu's ARIA label, else the text its ``aria-labelledby`` points to, else
    its first heading outside a form and outside its entries (``attributes``: the
    root's)."""
    label = _aria_name(root, attributes)
    if label:
        return label
    for heading in root.css("h1, h2, h3, h4, h5, h6"):
        if not _inside_form_or_entry(heading, root):
            return node_text(heading)
    return _heading_before(root)


def _aria_name(node: LexborNode, attributes: Attributes) -> str:
    """The element's ARIA label, else the text its ``aria-labelledby`` points to."""
    label = attribute(attributes, "aria-label")
    if label:
        return label
    labelled_by = attribute(attributes, "aria-labelledby")
    if labelled_by:
        safe_id = labelled_by.split()[0].replace('"', "").replace("\\", "")
        target = node.parser.css_first(f'[id="{safe_id}"]')
        if target is not None:
            return node_text(target)
    return ""


def _wrapper_name(root: LexborNode) -> str:
    """The ARIA name of an element wrapping a menu without a name of its own, at most
    ``_MAX_WRAPPER_LEVELS`` up and below the page frame, if it wraps no other list:
    the name is the menu's alone (corpus hdate__elmundo.es-PSOE.html: a ``<section
    aria-label="Redes Sociales">`` in the footer held the fourth "footer menu"). ARIA
    names only: ids and classes are no names. A frame's name is the region's
    (edgi-wmp__fhwa-hpms.html: ``<header aria-label="Site header">``)."""
    node = root.parent
    for _ in range(_MAX_WRAPPER_LEVELS):
        # ``tag_id`` and ``attrs`` look up, where ``tag`` and ``attributes`` build
        if node is None or node.tag_id in _WRAPPER_STOP_TAG_IDS:
            return ""
        attrs = node.attrs
        if "role" in attrs and attrs["role"] in _FRAME_ROLES:
            return ""
        if "aria-label" in attrs or "aria-labelledby" in attrs:
            if _wraps_other_list(node, root):
                return ""
            return _aria_name(node, node.attributes)
        node = node.parent
    return ""


def _wraps_other_list(wrapper: LexborNode, root: LexborNode) -> bool:
    """Whether ``wrapper`` holds a list outside the menu ``root``."""
    return any(not contains(root, found) for found in wrapper.css("ul, ol, menu"))


def _heading_before(root: LexborNode) -> str:
    """The text of a sub-heading right before the menu: a mega-menu's columns are
    ``<h3>`` + ``<nav>`` pairs (corpus traf__bund.net-hermlin.html: "Mensch &
    Umwelt", "Natur & Landwirtschaft", "Tiere & Pflanzen" were three menus named
    "header menu"). Not an ``<h1>``: the site's name above its main menu. Nor over a
    language switcher, whose links name their language (``lang``, ``hreflang``): the
    heading is the next block's (corpus traf__wbf.admin.ch.14093.html: "DE FR IT EN"
    under "Medieninformationen")."""
    sibling = previous_element(root)
    if sibling is None or sibling.tag not in _SUB_HEADING_TAGS:
        return ""
    if root.css_first("a[lang], a[hreflang]") is not None:
        return ""
    return node_text(sibling)


def _inside_form_or_entry(node: LexborNode, root: LexborNode) -> bool:
    """Whether ``node`` lies in a ``<form>`` or an ``<li>`` below the element
    ``root``: a search form's hidden title ("Search form") names no menu (corpus
    edgi-wmd__energy-gov-home: the main menu was named "Search form"), nor does the
    label of one of its entries (corpus traf__umweltbundesamt.de-atomkraft.html: the
    mobile menu was named "Das Umweltbundesamt", the ``<h3>`` of its social links)."""
    return inside_tags(node, _FORM_OR_ENTRY, root)


_FORM_OR_ENTRY = frozenset((tag_id("form"), _LI))


class _MenuRegistry:
    """The menus kept so far, and the labels they hold.

    A hidden or mobile menu whose labels are already known anywhere is a copy; so is
    a visible menu repeating one of its own region. A footer group repeating header
    links is a menu of its own (fixture en-campaign-keyfacts.html, "Get involved").
    A hidden or mobile menu holding a kept menu's entries and many more replaces its
    entries (``_replaced_by_richer_copy``).
    """

    def __init__(self) -> None:
        self._menus: list[dict[str, object]] = []
        self._kept: list[_KeptMenu] = []  # one a menu, for ``_replaced_by_richer_copy``
        self._known_anywhere: set[str] = set()
        self._known_in_region: dict[str, set[str]] = {}

    def knows(self, labels: set[str], *, deferred: bool, region: str | None) -> bool:
        known = self._known_anywhere if deferred else self._known_in_region.get(region or "", set())
        return bool(labels) and len(labels & known) >= _DUPLICATE_SHARE * len(labels)

    def knows_links_of(self, root: LexborNode) -> bool:
        """``knows`` for the casefolded labels of the links of a hidden or mobile menu,
        read only until more than a fifth of its links have labels not known: a menu of
        its own is told from a copy after a few links (517.4 -> 509.3 M instructions
        for extract_menus over the corpus). The labels are the links' whole text, as
        read without a look at their elements: a copy whose links hold controls
        (``_label_text``) is only told when its entries are added."""
        links = root.css("a")
        known = self._known_anywhere
        labels: set[str] = set()
        new = 0
        for link in links:
            label = node_text(link).casefold()
            if label and label not in labels:
                labels.add(label)
                if label not in known:
                    new += 1
                    if new * _NEW_SHARE_DIVISOR > len(links):  # more than labels / 5
                        return False
        return self.knows(labels, deferred=True, region=None)

    def add(self, draft: _MenuDraft) -> None:
        labels = draft.labels
        if not _leads_somewhere(draft.items) or self.knows(
            labels, deferred=draft.deferred, region=draft.region
        ):
            return
        if draft.deferred and self._replaced_by_richer_copy(draft):
            return
        self._known_anywhere |= labels
        self._known_in_region.setdefault(draft.region, set()).update(labels)
        menu: dict[str, object] = {
            "key": draft.element_id or slugify(draft.name),  # its base: ``menus``
            "name": draft.name,
            "region": draft.region,
            "items": draft.items,
        }
        self._menus.append(menu)
        self._kept.append(_KeptMenu(menu, draft.region, _labels_of(draft.items), labels))

    def _replaced_by_richer_copy(self, draft: _MenuDraft) -> bool:
        """Whether a hidden or mobile menu is a richer copy of a kept one, whose entries
        it then replaces (the kept menu's key, name and region stay): the same top
        entries, mostly, and most of the kept menu's labels among many more (corpus
        traf__umweltbundesamt.de-atomkraft.html: the drill-down mobile menu holds the
        7 entries of "Hauptnavigation" and ~2000 below them, where the desktop menu
        shows 102)."""
        top = _labels_of(draft.items)
        for kept in self._kept:
            if _same_entries(kept.top, top) and _richer(draft.labels, kept.labels):
                kept.menu["items"] = draft.items
                kept.labels = kept.labels | draft.labels
                self._known_anywhere |= draft.labels
                self._known_in_region.setdefault(kept.region, set()).update(draft.labels)
                return True
        return False

    def menus(self) -> tuple[Menu, ...]:
        """The menus kept, keyed, built in one pydantic call (cheaper than one call a
        menu)."""
        assign_keys(self._menus, "menu")
        return _MENUS.validate_python(self._menus)


@dataclass(slots=True)
class _KeptMenu:
    """A menu the registry kept, with its region, the casefolded labels of its top
    entries and of all its entries."""

    menu: dict[str, object]
    region: str
    top: set[str]
    labels: set[str]


def _same_entries(kept: set[str], other: set[str]) -> bool:
    """Whether two sets of top labels (two or more) are mostly the same, both ways."""
    if len(kept) < 2:
        return False
    shared = len(kept & other)
    return shared >= _DUPLICATE_SHARE * len(kept) and shared >= _DUPLICATE_SHARE * len(other)


def _richer(labels: set[str], kept: set[str]) -> bool:
    """Whether ``labels`` hold most of ``kept`` and more."""
    return len(labels) > len(kept) and len(labels & kept) >= _DUPLICATE_SHARE * len(kept)


def _leads_somewhere(items: tuple[_ItemFields, ...]) -> bool:
    """Whether any entry, at any depth, links to a page: skip links ("Direkt zum
    Inhalt" to ``#content``) and buttons ("Toggle Font Size") lead nowhere and are no
    menu (corpus traf__be.ch-impfen.html "Sprunglinks", hdate__elmundo.es-PSOE.html)."""
    return any(item["url"] is not None or _leads_somewhere(item["children"]) for item in items)


_MENUS = TypeAdapter(tuple[Menu, ...])
