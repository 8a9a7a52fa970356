"""'See also' blocks and their cards: title, link, label, date and tags.

A block is found by its title ("Voir aussi", "Related content", "Mehr zum Thema",
"Contenidos relacionados"...) or by a ``related`` class. A title of a list of other
content ("Aktuell", "Les plus lus", "Últimas noticias") names a block only when that is
a list of teasers in the main column. Fixtures: amnesty-fr-refugies.html (article cards
with type, date, title, tags), en-campaign-keyfacts.html (a list), de-kampagne.html and
es-campana.html (teasers), related-latest.html (latest articles beside the article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple

from pydantic import TypeAdapter
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault.extract._ancestry import lineage, outermost
from pagevault.extract._tag_ids import tag_id
from pagevault.extract.dates import normalize_iso_date, parse_text_date, short_text_date
from pagevault.extract.dom import (
    Attributes,
    attr,
    attribute,
    class_and_id,
    contains,
    descendants,
    descriptor_of,
    element_id,
    first_descendant,
    in_page_order,
    node_text,
    unique_matches,
)
from pagevault.extract.selectors import (
    CARD_DATE_TOKEN,
    CARD_KIND_TOKEN,
    CARD_TAGS_TOKEN,
    RELATED_CONTAINER,
    RELATED_CONTAINER_HINTS,
    RELATED_CONTAINER_TOKEN,
    RELATED_HEADING,
    RELATED_LISTING_HEADING,
)
from pagevault.extract.urls import resolve_url
from pagevault.extract.visible_dates import photo_caption_around
from pagevault.model import RelatedLink
from pagevault.text import assign_keys, clean_text, slugify

_HEADINGS = "h2, h3, h4, h5, h6, strong, [class*=title]"
_MAX_HEADING_LENGTH = 60
_CARD_SELECTORS = ("article", "li", "[class*=card]", "[class*=teaser]", "[class*=item]")
_MAX_KIND_LENGTH = 40
_MAX_DATE_LENGTH = 30  # "Mercredi 12 septembre 2024" fits; a card's summary does not
_FEW_CANDIDATES = 8
# A block under a ``listing`` title: its fewest cards, and the most text (characters)
# it may hold besides them and its title ("Alle Meldungen", a "more" link).
_MIN_TEASERS = 2
_MAX_LOOSE_TEXT = 60
_BOILERPLATE_REGIONS = frozenset(("nav", "aside", "footer"))
_A = tag_id("a")


def find_related_blocks(
    tree: LexborHTMLParser, source: str, main: LexborNode | None = None
) -> tuple[list[LexborNode], list[LexborNode]]:
    """Outermost 'see also' containers of the page in page order, and the titles
    that stand outside them (a bare ``<h2>`` followed by a list). ``main``: the main
    column, which no container holding it can be (nor ``<body>`` and ``<html>``)."""
    blocks: list[LexborNode] = []
    loose_titles: list[LexborNode] = []
    for heading in unique_matches(tree, _HEADINGS):
        title = _related_title(heading.text(deep=True))
        if title is None or (title is _Title.LISTING and not _in_body_text(heading, main)):
            continue  # a listing's title in a menu or a sidebar: no costly _block_around
        block = _block_around(heading)
        if block is None:
            continue
        if title is _Title.LISTING and not _is_teaser_list(block, heading, main):
            continue
        blocks.append(block)
        if not contains(block, heading):
            loose_titles.append(heading)
    containers = (
        tree.css(RELATED_CONTAINER)
        if any(hint in source for hint in RELATED_CONTAINER_HINTS)
        else []
    )
    holding_page = _holding_page(tree, main) if containers else set()
    titled_blocks = len(blocks)
    for node in containers:
        # the page test last: most matches are no block ("relative" classes of Tailwind);
        # a link is no block (Drupal spells a link's URL in its class: "…-employment-
        # related-…", corpus edgi-wmp__fhwa-hpms.html)
        if (
            node.tag_id != _A
            and RELATED_CONTAINER_TOKEN.search(class_and_id(node))
            and node.mem_id not in holding_page
            and node.css_first("a[href]")
        ):
            blocks.append(node)
    if 0 < titled_blocks < len(blocks):
        blocks = in_page_order(blocks)  # each query's finds are in page order, not both
    return outermost(blocks), loose_titles


def _holding_page(tree: LexborHTMLParser, main: LexborNode | None) -> set[int]:
    """The elements that hold the main column (it included), or the whole page: never
    a "see also" block, whatever their classes say - removed as one, the article would
    go with them (corpus traf__pamelaandersonfoundation.org.yellow.html: Squarespace's
    ``<body class="... tweak-v1-related-products-...">``)."""
    if main is not None:
        return lineage(main)
    return lineage(tree.body) if tree.body is not None else set()


# The first two and the first three characters of every RELATED_HEADING phrase and of
# every RELATED_LISTING_HEADING phrase, lower-cased (tests/test_related_openings.py
# derives them from the regexes).
_SEE_ALSO_OPENINGS = frozenset(
    {"vo", "à ", "a ", "li", "su", "po", "ar", "co", "se", "re", "mo", "yo", "fu", "me", "le"}
    | {"au", "da", "we", "ve", "no", "te", "ta", "zu"}
    | {"voi", "à l", "a l", "lir", "sur", "pou", "art", "con", "see", "rel", "mor", "you"}
    | {"fur", "meh", "zum", "wei", "les", "auc", "das", "ver", "te ", "tam", "lee", "not"}
)
_LISTING_OPENINGS = frozenset(
    {"a ", "ac", "ak", "de", "du", "la", "le", "lo", "me", "mo", "má", "ne", "re", "à "}
    | {"úl", "a l", "act", "akt", "der", "du ", "lat", "les", "let", "lo ", "mei", "mor"}
    | {"mos", "más", "neu", "rec", "à l", "últ"}
)


class _Title(Enum):
    """What a block title names: a 'see also' block, or a list of other content."""

    SEE_ALSO = "see also"
    LISTING = "listing"


def _related_title(raw: str) -> _Title | None:
    """What a heading's text (as read, uncleaned) names, if a 'see also' block
    (RELATED_HEADING) or a list of other content (RELATED_LISTING_HEADING).

    Nine headings in ten open with three letters (or two and a non-letter) no phrase
    opens with: they are told from ``raw`` alone, before ``clean_text`` and the regexes
    (~3 µs together; an IGNORECASE alternation of 30 phrases is slow even to fail), and
    the others meet only the regex whose phrases share their opening.
    Exact: the letters after the leading spaces are the cleaned text's first
    characters, and a character ``lower()`` makes ASCII matches a phrase letter only
    as its lower case.
    """
    if len(raw) > 4 * _MAX_HEADING_LENGTH:
        return None
    opening = raw.lstrip()[:3]
    if not opening.isalpha():
        opening = opening[:2]
    see_also = listing = True
    if opening.isalpha() and (key := opening.lower()).isascii():
        see_also = key in _SEE_ALSO_OPENINGS
        listing = key in _LISTING_OPENINGS
        if not (see_also or listing):
            return None
    text = clean_text(raw)
    if len(text) > _MAX_HEADING_LENGTH:
        return None
    if see_also and RELATED_HEADING.match(text) is not None:
        return _Title.SEE_ALSO
    if listing and RELATED_LISTING_HEADING.match(text) is not None:
        return _Title.LISTING
    return None


def _block_around(heading: LexborNode) -> LexborNode | None:
    """The smallest ancestor of a block title that also holds links; for a title
    standing directly in the page's main column, the element after it."""
    node = heading.parent
    while node is not None and node.tag not in ("body", "main", "html", "article"):
        if any(not contains(heading, a) for a in node.css("a[href]")):
            return node
        node = node.parent
    following = heading.next
    while following is not None and not following.is_element_node:
        following = following.next
    if following is not None and following.css_first("a[href]") is not None:
        return following
    return None


def _is_teaser_list(block: LexborNode, heading: LexborNode, main: LexborNode | None) -> bool:
    """Whether the block a ``listing`` title ("Aktuell", "Les plus lus") names is a list
    of teasers of other pages in the main column's text: at least two titled cards and,
    besides them and the title, hardly any text - not a section of the page's own that
    happens to bear such a title, nor a menu or a sidebar the page's boilerplate goes
    with (corpus traf__awo.org-Menschenrechte.html: four dated teasers under "Aktuell"
    beside the article; fixture related-latest.html)."""
    if not _in_body_text(block, main) or block.css_first("h1") is not None:
        return False
    reader = _CardReader(None, None)
    card_lengths = [
        len(node_text(card))
        for card in reader.cards_of(block)
        if reader.title_link(card) is not None
    ]
    if sum(1 for length in card_lengths if length) < _MIN_TEASERS:
        return False
    loose_text = len(node_text(block)) - sum(card_lengths)
    if contains(block, heading):
        loose_text -= len(node_text(heading))
    return loose_text <= _MAX_LOOSE_TEXT


def _in_body_text(node: LexborNode, main: LexborNode | None) -> bool:
    """Whether ``node`` lies inside ``main`` (not being it) and outside the regions
    removed as boilerplate anyway (a menu, a sidebar, a footer)."""
    if main is None:
        return False
    start = node.mem_id
    current: LexborNode | None = node
    while current is not None:
        if current.mem_id == main.mem_id:
            return current.mem_id != start
        if current.tag in _BOILERPLATE_REGIONS:
            return False
        current = current.parent
    return False


class _Roles(NamedTuple):
    """Card parts a class/id names: label (kind), date, tag list."""

    kind: bool
    date: bool
    tags: bool


def _link_holders(block: LexborNode) -> set[int]:
    """``mem_id`` of the links of ``block`` and of their ancestors up to ``block``.
    A walk up stops where an earlier one passed."""
    holders: set[int] = set()
    block_id = block.mem_id
    for link in block.css("a[href]"):
        node: LexborNode | None = link
        while node is not None and node.mem_id not in holders:
            holders.add(node.mem_id)
            if node.mem_id == block_id:
                break
            node = node.parent
    return holders


def _with_wrapping_links(
    candidates: list[LexborNode], holding: list[LexborNode], block: LexborNode
) -> list[LexborNode]:
    """``candidates`` holding a link (``holding``), and for each other one a link wraps,
    that link: ``<a href><div class="teaser">...</div></a>`` (corpus
    traf__awo.org-Menschenrechte.html, where one teaser's summary holds a link of its
    own). Asked only when at most one card holds a link: a parent look-up each."""
    holding_ids = {card.mem_id for card in holding}
    cards = []
    for candidate in candidates:
        if candidate.mem_id in holding_ids:
            cards.append(candidate)
            continue
        parent = candidate.parent
        if (
            parent is not None
            and parent.tag == "a"
            and parent.mem_id != block.mem_id
            and "href" in parent.attributes
        ):
            cards.append(parent)
    return cards


# One validation for the whole list: pydantic's per-instance overhead is about
# half the cost of a model built item by item.
_RELATED_LINKS = TypeAdapter(tuple[RelatedLink, ...])


def extract_related(
    blocks: list[LexborNode],
    base_url: str | None,
    lang: str | None,
    page_urls: tuple[str | None, ...] = (),
) -> tuple[RelatedLink, ...]:
    """The cards of ``blocks``, each link once; none linking to the page itself (one of
    ``page_urls``, a trailing slash aside): a list of the latest articles may hold the
    page it stands on (corpus traf__awo.org-Menschenrechte.html)."""
    reader = _CardReader(base_url, lang)
    links: list[dict[str, Any]] = []
    own_urls = {page_url.rstrip("/") for page_url in page_urls if page_url}
    seen_urls: set[str] = set()
    for block in blocks:
        for card in reader.cards_of(block):
            link = reader.read(card)
            if link is None or not _leads_to_a_page(card, link["url"]):
                continue
            url = link["url"]
            if url is None or (url not in seen_urls and url.rstrip("/") not in own_urls):
                seen_urls.add(url or "")
                links.append(link)
    assign_keys(links)  # kept cards only: one left out takes no suffix
    return _RELATED_LINKS.validate_python(links)


def _leads_to_a_page(card: LexborNode, url: str | None) -> bool:
    """Whether a card links to a page to read: not to a mail address or a phone
    number, and is no button ("Alle Meldungen" under a list of news, corpus
    traf__bund-naturschutz.de-habeck.html, whose "related-content" block also holds
    its press contacts' addresses)."""
    if url is not None and (scheme := _SCHEME.match(url)) and scheme[1].lower() not in _WEB:
        return False  # a relative URL (no page URL to resolve it against) leads to a page
    return card.tag != "a" or _BUTTON_TOKEN.search(attr(card, "class")) is None


_BUTTON_TOKEN = re.compile(r"(?:^|[\s_-])(?:button|btn)(?:$|[\s_-])", re.IGNORECASE)
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_WEB = frozenset(("http", "https"))


class _CardReader:
    """Reads the cards of one page's 'see also' blocks. Cards and the tag-list test
    look at the same elements' class/id several times: each is read once here."""

    def __init__(self, base_url: str | None, lang: str | None) -> None:
        self.base_url = base_url
        self.lang = lang
        self._names: dict[int, str] = {}
        self._roles: dict[str, _Roles] = {}
        self._link_holders: dict[int, set[int]] = {}

    def names(self, node: LexborNode) -> str:
        """``class_and_id`` of ``node``."""
        mem_id = node.mem_id
        found = self._names.get(mem_id)
        if found is None:
            found = self._names[mem_id] = class_and_id(node)
        return found

    def roles(self, names: str) -> _Roles:
        """Which card parts a ``class_and_id`` names. Cards of a block repeat the same
        classes: each distinct string meets the three regexes once."""
        found = self._roles.get(names)
        if found is None:
            found = self._roles[names] = _Roles(
                kind=CARD_KIND_TOKEN.search(names) is not None,
                date=CARD_DATE_TOKEN.search(names) is not None,
                tags=CARD_TAGS_TOKEN.search(names) is not None,
            )
        return found

    def cards_of(self, block: LexborNode) -> list[LexborNode]:
        for selector in _CARD_SELECTORS:
            candidates = block.css(selector)
            holding = self.holding_links(candidates, block)
            outer = self.outermost_cards(holding, block)
            if len(outer) <= 1 and len(holding) < len(candidates):
                # one card at most: links may wrap the others (no link inside them)
                outer = self.outermost_cards(
                    _with_wrapping_links(candidates, holding, block), block
                )
            if len(outer) >= 1:
                return outer
        return [a for a in block.css("a[href]") if not self.is_tag_list_part(a, block)]

    def outermost_cards(self, cards: list[LexborNode], block: LexborNode) -> list[LexborNode]:
        """``cards`` but tag lists and those inside another."""
        return outermost([c for c in cards if not self.is_tag_list_part(c, block)], within=block)

    def holding_links(self, candidates: list[LexborNode], block: LexborNode) -> list[LexborNode]:
        """``candidates`` (in ``block``) holding a link: a ``css_first`` call each
        (~3 µs) when they are few, one walk up from each link of the block when they
        are many (blog.campact.de: 87 teaser parts; 1.6 -> 0.7 ms for the block)."""
        if len(candidates) <= _FEW_CANDIDATES:
            return [c for c in candidates if c.css_first("a[href]") is not None]
        holders = self._link_holders.get(block.mem_id)
        if holders is None:
            holders = self._link_holders[block.mem_id] = _link_holders(block)
        return [c for c in candidates if c.mem_id in holders]

    def is_tag_list_part(self, node: LexborNode, block: LexborNode) -> bool:
        current: LexborNode | None = node
        while current is not None and current.mem_id != block.mem_id:
            if self.roles(self.names(current)).tags:
                return True
            current = current.parent
        return False

    def read(self, card: LexborNode) -> dict[str, Any] | None:
        """The card's ``RelatedLink`` fields, or None when it has no titled link; its
        key is the key's base, made unique once the card is kept."""
        title_link = self.title_link(card)
        if title_link is None:
            return None
        parts = self.parts(card)
        title = node_text(parts.title if parts.title is not None else title_link)
        if not title:
            return None
        url = resolve_url(attr(title_link, "href"), self.base_url)
        return {
            "key": element_id(card) or slugify(title) or slugify(url or ""),
            "title": title,
            "url": url,
            "kind": _card_kind(parts.classed),
            "date": _card_date(card, parts, (title_link, parts.title), self.lang),
            "tags": _card_tags(parts.classed),
        }

    def parts(self, card: LexborNode) -> _CardParts:
        """The title, ``<time>`` and classed elements of a card, from one lexbor query
        instead of three (each ~3 µs fixed and a walk of the card)."""
        parts = _CardParts(title=None, times=[], classed=[])
        for node in unique_matches(card, _CARD_PARTS):
            attributes = node.attributes
            tag = node.tag
            if parts.title is None and _is_card_title(tag, attributes):
                parts.title = node
            if tag == "time":
                parts.times.append((node, attributes))
            if "class" in attributes and node.mem_id != card.mem_id:
                parts.classed.append((node, self.roles(self.descriptor(node, attributes))))
        return parts

    def descriptor(self, node: LexborNode, attributes: Attributes) -> str:
        """``class_and_id`` of ``node``, whose attributes are at hand."""
        found = self._names.get(node.mem_id)
        if found is None:
            found = self._names[node.mem_id] = descriptor_of(attributes)
        return found

    def title_link(self, card: LexborNode) -> LexborNode | None:
        if card.tag == "a":
            return card
        heading = card.css_first(
            "h2 a[href], h3 a[href], h4 a[href], h5 a[href], [class*=title] a[href]"
        )
        if heading is not None:
            return heading
        links = [a for a in card.css("a[href]") if not self.is_tag_list_part(a, card)]
        return max(links, key=lambda a: len(node_text(a)), default=None)


# ``classed``: a card's descendants having a class attribute, with their roles.
_Classed = list[tuple[LexborNode, _Roles]]

# A card's parts: the first of its titles (``h2``-``h6`` or ``[class*=title]``, the
# card itself included), its ``<time>`` elements, its classed descendants.
_CARD_PARTS = "h2, h3, h4, h5, h6, time, [class]"
_TITLE_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6"))


@dataclass
class _CardParts:
    title: LexborNode | None
    times: list[tuple[LexborNode, Attributes]]
    classed: _Classed


def _is_card_title(tag: str | None, attributes: Attributes) -> bool:
    """Whether an element matches ``h2, h3, h4, h5, h6, [class*=title]``."""
    return tag in _TITLE_TAGS or "title" in (attributes.get("class") or "")


def _card_kind(classed: _Classed) -> str | None:
    for node, roles in classed:
        if roles.kind and not roles.tags:
            text = node_text(node)
            if 0 < len(text) <= _MAX_KIND_LENGTH:
                return text
    return None


def _card_date(
    card: LexborNode,
    parts: _CardParts,
    title: tuple[LexborNode, LexborNode | None],
    lang: str | None,
) -> str | None:
    """The date of a card's ``<time>``, else of an element its class names a date, else
    of an element made of a date (``_date_only_element``); for the last two, not one in
    the card's photo caption or credit ("Foto: dpa, 12.03.2019"): it dates the photo
    (tests/test_related_card_dates.py; no corpus card changed). A caption holding the
    card's ``title`` (its title link, its title element if any) is the card's text: a
    card written as a figure; a credit inside that caption, or a photo's own figure
    inside the card's, is still the photo's (``photo_caption_around``)."""
    held = tuple(node for node in title if node is not None)
    for node, attributes in parts.times:
        iso = normalize_iso_date(attribute(attributes, "datetime")) or parse_text_date(
            node_text(node), lang
        )
        if iso:
            return iso[:10]  # a card's date is a day; the clock time adds only noise
    for node, roles in parts.classed:
        if roles.date:
            iso = parse_text_date(node_text(node), lang)
            if iso and photo_caption_around(node, card, *held) is None:
                return iso
    return _date_only_element(card, parts.classed, held, lang)


def _date_only_element(
    card: LexborNode, classed: _Classed, held: tuple[LexborNode, ...], lang: str | None
) -> str | None:
    """The date of an element whose whole (short) text is one, whatever its class:
    '<li class="Teaser-metaItem">09.07.2021</li>' (corpus greenpeace.de). A card's
    summary may mention dates too: it is longer than ``_MAX_DATE_LENGTH``; a photo's
    credit too ("Foto: dpa, 12.03.2019"), in a figure or a class naming one."""
    for node, roles in classed:
        if roles.tags:
            continue
        iso = short_text_date(node_text(node), lang, _MAX_DATE_LENGTH)
        # the innermost classed element holding the date: its text is its own (asked
        # only of a date found, the query costing ~3 µs)
        if (
            iso
            and first_descendant(node, "[class]") is None
            and photo_caption_around(node, card, *held) is None
        ):
            return iso
    return None


def _card_tags(classed: _Classed) -> tuple[str, ...]:
    for node, roles in classed:
        if roles.tags:
            entries = descendants(node, "a, li") or [node]
            tags = [node_text(e) for e in entries if first_descendant(e, "a, li") is None]
            return tuple(dict.fromkeys(tag for tag in tags if tag))
    return ()
