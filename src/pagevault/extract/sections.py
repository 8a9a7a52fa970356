"""Body sections: the main column's headings and the text under each, in page order.

The main column is ``<main>`` (or role=main, #content...), else the element
holding the most paragraph text. Boilerplate inside it (share bars, donation
widgets, newsletter forms, photo captions, cookie notices, and teasers and rails
beside the page's article) is removed first; a paragraph calling to sign up to a
newsletter is left out as the blocks are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault.extract._ancestry import lineage
from pagevault.extract._boilerplate import BoilerplateSweep, beside_main_article
from pagevault.extract._tag_ids import TEXT as _TEXT
from pagevault.extract._tag_ids import tag_id, tag_ids
from pagevault.extract.dates import parse_text_date, short_text_date
from pagevault.extract.dom import (
    Attributes,
    attr,
    element_id,
    node_text,
    previous_element,
)
from pagevault.extract.legacy_roots import name_word_list, names_footer
from pagevault.extract.selectors import (
    LAST_MODIFIED_LINE,
    MAIN_CANDIDATES,
    NON_BODY_HEADING,
    PAGE_LABEL,
    STYLED_HEADING_TOKEN,
)
from pagevault.model import Section
from pagevault.numbers import find_figures
from pagevault.text import assign_keys, clean_text, slugify

_HEADINGS = {tag_id(f"h{level}"): level for level in range(1, 7)}
_SUBHEADINGS = frozenset(tag_id(f"h{level}") for level in range(2, 7))
# The longest date line read as a card's date: "Published 3 May 2021", "12 septembre 2019".
_MAX_DATE_LINE = 24
_PARAGRAPHS = tag_ids("p, blockquote, pre, dd, dt, address, figcaption, summary, caption")
_LISTS = tag_ids("ul, ol, dl, menu")
_LIST_ENTRIES = tag_ids("li, dd, dt")
_INLINE = tag_ids(
    "a, abbr, b, bdi, bdo, cite, code, data, dfn, em, font, i, kbd, mark, q, s, samp, small, "
    "span, strong, sub, sup, time, u, var, wbr, del, ins, nobr, big, tt, img, picture"
)
_SKIPPED = tag_ids("hr, img, picture, video, audio, source, track, map")
_BOLD = tag_ids("strong, b")
_LINK_OR_SPAN = tag_ids("a, span")
_A = tag_id("a")
_P = tag_id("p")
_BR = tag_id("br")
_LI = tag_id("li")
_TABLE = tag_id("table")
_H1 = tag_id("h1")
_BODY = tag_id("body")
_ARTICLE = tag_id("article")
_FOOTER = tag_id("footer")
_HTML = tag_id("html")
_MAIN = tag_id("main")
# What clean_text maps to "" when a text is made of nothing else.
_ASCII_BLANKS = " \t\n\r\f\v"
_MAX_STYLED_HEADING = 120
_MAX_LONE_LINK = 40
# A paragraph calling to sign up to a newsletter (``_is_sign_up_call``): its longest
# text and the link it holds.
_MAX_SIGN_UP_CALL = 300
_SIGN_UP_LINK = (
    "a[href*=newsletter], a[href*=subscribe], a[href*=signup], a[href*=sign-up], "
    "a[href*=suscri], a[href*=abonn]"
)
# The call itself: a verb of signing up as a whole word, imperative or infinitive, not
# the nouns sharing its stem ("subscribers", "Abonnentinnen", "abonnés", "suscriptores":
# review finding, a survey of subscribers linking to the newsletter was dropped).
_SIGN_UP_CALL = re.compile(
    r"\b(?:sign(?:ing)?[- ]up|subscrib(?:e|ing)"  # en
    r"|suscr[ií]b(?:e|ete|ase|anse|ir|irse|irte|iendo)"  # es
    r"|abonnez|abonne-toi|abonner|inscrivez|inscris-toi|inscrire"  # fr
    r"|abonnier(?:en|e)|anmeld(?:en|ung)|melde dich|melden sie sich)\b"  # de
)
# The longest label PAGE_LABEL is tried on: a "last modified" line ("Actualizado
# Jueves, 2 noviembre 2023 - 15:05" is 44).
_MAX_PAGE_LABEL = 60
# The label of a link back to a listing ("Zurück zur Übersicht", "Back to overview") or
# on to the page a card sums up ("En savoir plus", "Read more").
_NAVIGATION_LINK = re.compile(
    r"(?:zurück|back|retour|volver|torna|terug|"
    r"en savoir plus|lire la suite|read more|learn more|find out more|mehr erfahren|"
    r"weiterlesen|mehr lesen|leer más|saber más|seguir leyendo)\b",
    re.IGNORECASE,
)
_MIN_MAIN_TEXT = 200
# Wrappers of one element each looked through (to a page's footer, to a text's part).
_MAX_WRAPPERS = 3
_BOILERPLATE_SHARE = 0.5
# The kind of a heading block that is a <p> of one short bold phrase (``_p``).
_BOLD_PHRASE = "bold phrase"


_SIMPLE_NAME_SELECTOR = re.compile(r"[#.][\w-]+")


def _attribute_guarded(selector: str) -> str:
    """``selector``, a list of plain ``#id`` and ``.class`` selectors, rewritten as
    ``[id]:is(#a, #b), .c``: the same elements match (``css`` lists an element once
    per member it matches, so only ``css_first`` is unchanged), and lexbor tries the
    ids only on elements having one. Class selectors are left bare: guarded, they
    cost more (the corpus's scans for the main column's two classes: 26.6M
    instructions bare, 36.0M guarded; its eight ids: 9.8M guarded). Other selectors
    are kept."""
    members = [member.strip() for member in selector.split(",")]
    if not all(_SIMPLE_NAME_SELECTOR.fullmatch(member) for member in members):
        return selector
    ids = [member for member in members if member.startswith("#")]
    classes = [member for member in members if member.startswith(".")]
    guarded = [f"[id]:is({', '.join(ids)})"] if ids else []
    return ", ".join(guarded + classes)


_MAIN_CANDIDATES = tuple(_attribute_guarded(selector) for selector in MAIN_CANDIDATES)
# The ids and classes: unlike <main> and role=main, a name may be the whole page's.
_NAMED_MAIN = _MAIN_CANDIDATES[2]


def find_main(tree: LexborHTMLParser) -> LexborNode | None:
    """The element holding the page's main text."""
    page: LexborNode | None = None  # a candidate that is the whole page
    for selector in _MAIN_CANDIDATES:  # css_first stops at the first match: cheap
        node = tree.css_first(selector)
        if node is None or not _holds_text(node, _MIN_MAIN_TEXT):
            continue
        if node.tag == "article" and len(tree.css("article")) > 1:
            continue
        if selector is _NAMED_MAIN and _page_footer_ending(node) is not None:
            page = node
            continue
        return _with_title_header(tree, node)
    densest = _densest_block(tree)
    if densest is None:
        return None
    if page is not None and densest.mem_id != page.mem_id and page.mem_id in lineage(densest):
        densest = _with_close_ancestors(densest, page)
    return _with_title_header(tree, densest)


# How much longer than the column its parent's text may be for the parent to be read
# as the column holding its title header (corpus: 1.06 to 1.22).
_MAX_HEADER_GROWTH = 1.5
# Elements before the column looked into for its title header.
_HEADER_DISTANCE = 2


def _with_title_header(tree: LexborHTMLParser, main: LexborNode) -> LexborNode:
    """``main``'s parent when the page's title is in a header just before ``main``:
    the page's first ``<h1>`` in one of the two elements before it, none in ``main``,
    and little text besides (corpus traf__infobae.com-ucrania.html: a ``<header>``
    with the title and its standfirst, then the ``<article>`` with the text;
    traf__be.ch-impfen.html: the date shown above the title)."""
    parent = main.parent
    if parent is None or parent.tag_id in (_BODY, _HTML):
        return main
    header_h1 = _h1_before(main)
    first_h1 = tree.css_first("h1") if header_h1 is not None else None
    if header_h1 is None or first_h1 is None or header_h1.mem_id != first_h1.mem_id:
        return main
    if main.css_first("h1") is not None:
        return main
    if len(parent.text(deep=True)) > _MAX_HEADER_GROWTH * len(main.text(deep=True)):
        return main
    return parent


def _h1_before(main: LexborNode) -> LexborNode | None:
    """The first ``<h1>`` of the nearest of the two elements before ``main`` holding
    one (a title header is next to its text, or a toolbar apart: be.ch-impfen)."""
    sibling = main.prev
    looked = 0
    while sibling is not None and looked < _HEADER_DISTANCE:
        if sibling.is_element_node:
            looked += 1
            tag = sibling.tag_id
            if tag == _H1:
                return sibling
            # Inline and empty elements hold no header: spared a search (~1 in 4).
            if tag not in _INLINE and sibling.first_child is not None:
                h1 = sibling.css_first("h1")
                if h1 is not None:
                    return h1
        sibling = sibling.prev
    return None


def _holds_text(node: LexborNode, length: int) -> bool:
    """Whether ``len(node.text(deep=True)) >= length``, reading text nodes only until
    it is: a main column holds thousands of characters, and its whole text cost
    ~10-60 µs to build (~2-3 times what ``find_main`` spends besides)."""
    held = 0
    for child in node.traverse(include_text=True):
        if child.tag_id == _TEXT:
            held += len(child.text_content or "")
            if held >= length:
                return True
    return held >= length


def _densest_block(tree: LexborHTMLParser) -> LexborNode | None:
    """Readability's idea, cheaply: credit each paragraph's length to its parent
    (and half to the grandparent); the best-credited element wins. ``<body>`` is
    credited too, for the paragraphs written straight in it (pages from before
    layout divs, whose only other blocks are tables). On a hub page, whose cards are
    credited nearly as much as the best, their nearest common ancestor wins instead
    (``_holding_close_rivals``); else the best with its sibling parts
    (``_with_sibling_parts``)."""
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for paragraph in tree.css("p, pre, td, blockquote"):
        length = len(paragraph.text(deep=True).strip())
        if length < 25:
            continue
        parent = paragraph.parent
        for share in (1.0, 0.5):
            if parent is None or parent.tag_id == _HTML:
                break
            key = parent.mem_id
            scores[key] = scores.get(key, 0.0) + length * share
            nodes[key] = parent
            parent = parent.parent
    if not scores:
        return tree.body
    best = max(scores, key=scores.__getitem__)
    hub = _holding_close_rivals(best, scores, nodes)
    if hub is not None:
        return hub
    return _with_sibling_parts(nodes[best], scores)


# Readability's rule for a page with no text of its own: the blocks credited nearly as
# much as the densest (this share of its credit), how many of the best credited are
# looked at, and how many of them an ancestor must hold.
_RIVAL_SHARE = 0.75
_RIVALS_LOOKED_AT = 10
_MIN_RIVALS = 3


def _holding_close_rivals(
    best: int, scores: dict[int, float], nodes: dict[int, LexborNode]
) -> LexborNode | None:
    """The nearest ancestor of the densest block ``best`` (a ``mem_id``) below
    ``<body>`` holding ``_MIN_RIVALS`` blocks credited nearly as much, if there are
    so many: a hub page, whose cards (a title, a summary, a link) are its content, none
    of them the page's text (fixture body-hub.html, an "our causes" page: its intro, one
    paragraph longer than each summary, was read as the whole column). A rival holding
    another is not counted (a grid, credited half of each card's text: two cards are no
    hub). None on a page with one text: most pages, answered by the scores alone."""
    floor = _RIVAL_SHARE * scores[best]
    rivals = [key for key, score in scores.items() if score >= floor and key != best]
    if len(rivals) < _MIN_RIVALS:
        return None
    rivals.sort(key=scores.__getitem__, reverse=True)
    lineages = {key: lineage(nodes[key]) for key in rivals[:_RIVALS_LOOKED_AT]}
    holders = {held for key, found in lineages.items() for held in found if held != key}
    card_lineages = [found for key, found in lineages.items() if key not in holders]
    if len(card_lineages) < _MIN_RIVALS:
        return None
    ancestor = nodes[best].parent
    while ancestor is not None and ancestor.tag_id not in (_BODY, _HTML):
        if sum(1 for found in card_lineages if ancestor.mem_id in found) >= _MIN_RIVALS:
            return ancestor
        ancestor = ancestor.parent
    return None


# How much more text than the densest block an ancestor may hold to be read instead.
_MAX_ANCESTOR_GROWTH = 1.15


def _with_close_ancestors(best: LexborNode, page: LexborNode) -> LexborNode:
    """The outermost ancestor of ``best`` below ``page`` holding little more text: the
    densest block is the paragraphs' parent, which leaves out the headline, date line
    and tags written beside them (corpus traf__cdu-fraktion-erfurt.de.waldorfschule.html:
    ``div#blog_detail`` in ``div#ReadSpeaker`` with its date and headline). Only done
    in a page wrapper: elsewhere the ancestors add bylines and appeals as much."""
    limit = _MAX_ANCESTOR_GROWTH * len(best.text(deep=True))
    chosen = best
    parent = best.parent
    while parent is not None and parent.mem_id != page.mem_id:
        if len(parent.text(deep=True)) > limit:
            break
        chosen = parent
        parent = parent.parent
    return chosen


def _page_footer_ending(column: LexborNode) -> LexborNode | None:
    """The page's footer (``<footer>``, or named so) ending ``column`` (``#main``,
    ``.main-content``...), under wrappers of one element, if any: then the column is the
    whole page, not its main column (corpus traf__cdu-fraktion-erfurt.de.waldorfschule.html:
    ``div#main`` holds the banner, the menu, news teasers and ``div#footer_breite``).
    An article's own footer is none."""
    if column.tag_id == _ARTICLE:
        return None
    node = column
    for _ in range(_MAX_WRAPPERS + 1):
        last = node.last_child
        while last is not None and not last.is_element_node:
            last = last.prev
        if last is None:
            return None
        if previous_element(last) is not None:
            return last if last.tag_id == _FOOTER or names_footer(last.attributes) else None
        node = last
    return None


def _with_sibling_parts(best: LexborNode, scores: dict[int, float]) -> LexborNode:
    """The parent of the part holding ``best`` when a sibling of that part is another
    part of the same kind (same tag and class) holding credited text: a text cut into
    components, each its own block (corpus traf__weisser-ring.de-Erfolgsgechichte.html:
    Drupal's ``div.paragraph--text``, the second holding the list of advice)."""
    part = best
    for _ in range(_MAX_WRAPPERS):
        parent = part.parent
        if parent is None or _element_children(parent) != 1:
            break
        part = parent
    classes = part.attributes.get("class")
    parent = part.parent
    if not classes or parent is None or parent.tag_id in (_BODY, _HTML):
        return best
    for sibling in parent.iter():
        if (
            sibling.mem_id != part.mem_id
            and sibling.tag_id == part.tag_id
            and sibling.attributes.get("class") == classes
            and sibling.mem_id in scores
        ):
            return parent
    return best


def _element_children(node: LexborNode) -> int:
    return sum(1 for _ in node.iter())


# The words naming the page's own footer in a class or id, one of its words (split at
# hyphens, underscores and case changes): "site-footer", "main-footer", "footer-area",
# "l-footer", "footer_breite" (corpus traf__cdu-fraktion-erfurt.de.waldorfschule.html),
# "footer-bottom", "pageFooter", "fusszeile", "pied-de-page"; or written as one word
# ("sitefooter", "footerwrapper"). (``_page_footer_ending`` finds a block ending the
# column by ``legacy_roots.names_footer``, which takes no name with "page" in it.)
_PAGE_FOOTER_WORDS = frozenset({"footer", "fusszeile", "fußzeile", "piedpage", "piedepage"})
_PAGE_FOOTER_JOINED = frozenset(
    {
        "sitefooter",
        "pagefooter",
        "globalfooter",
        "mainfooter",
        "footerwrapper",
        "footerwrap",
        "footercontainer",
    }
)
# The words before it naming a text's or a block's footer, not the page's:
# "content-footer", "report-footer", "article-footer", "entry-footer", "card-footer".
_TEXT_FOOTER_WORDS = frozenset(
    {
        "content",
        "report",
        "article",
        "entry",
        "post",
        "text",
        "story",
        "news",
        "teaser",
        "card",
        "section",
        "comment",
        "comments",
        "table",
        "figure",
        "modal",
        "panel",
        "widget",
        "box",
        "block",
        "form",
        "dialog",
    }
)
_PAGE = (["page"], ["de", "page"])  # the words after "pied" in "pied-de-page"


def _may_hold_page_footer(column: LexborNode) -> bool:
    """Whether ``column`` may be a page wrapper ending with the page's footer: no
    ``<main>``, role=main nor ``<article>``, whose last block is theirs (a methodology
    note in ``div.foot-notes``, tests/test_body_hub.py)."""
    if column.tag_id in (_MAIN, _ARTICLE):
        return False
    role = column.attributes.get("role")
    return not (role and role.strip().lower() == "main")


def _names_page_footer(element: LexborNode) -> bool:
    """Whether a class or the id of ``element`` names the page's footer: one of its
    words is ``_PAGE_FOOTER_WORDS``'s ("pied-de-page" read as one), after no word naming
    a text's or a block's own (``_TEXT_FOOTER_WORDS``: "content-footer" ends a text; and
    "foot-notes" names no footer)."""
    attributes = element.attributes
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    return any(_names_footer_words(name) for name in names.split())


def _names_footer_words(name: str) -> bool:
    words = name_word_list(name)
    if "".join(words) in _PAGE_FOOTER_JOINED:
        return True
    for index, word in enumerate(words):
        if (
            word in _PAGE_FOOTER_WORDS
            or word in _PAGE_FOOTER_JOINED
            or (
                word == "pied"
                and (words[index + 1 : index + 2] in _PAGE or words[index + 1 : index + 3] in _PAGE)
            )
        ):
            return _TEXT_FOOTER_WORDS.isdisjoint(words[:index])
    return False


def remove_boilerplate(root: LexborNode, keep: LexborNode | None) -> None:
    """Remove what is not body text from ``root``; never an element holding ``keep``."""
    # An element holds ``keep`` when it is ``keep`` or one of its ancestors: one walk
    # up instead of one per candidate.
    protected = lineage(keep) if keep is not None else set()
    protected.add(root.mem_id)
    # A page's footer named so, not a <footer>, ending a column that is a page wrapper:
    # a hub page's column may be one (``_holding_close_rivals``; the sweep takes <footer>).
    footer = _page_footer_ending(root) if _may_hold_page_footer(root) else None
    if footer is not None and footer.mem_id not in protected and _names_page_footer(footer):
        footer.decompose()
    sweep = BoilerplateSweep(root, protected, _BOILERPLATE_SHARE)
    sweep.sweep()
    for node in sweep.doomed:  # none inside another: the sweep does not enter them
        node.decompose()
    for node in beside_main_article(root, sweep, protected):  # none inside the doomed
        node.decompose()


@dataclass
class _Draft:
    heading: str
    level: int
    element_id: str = ""
    bold_phrase: bool = False  # the heading is a <p> of one short bold phrase
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)

    def add_paragraph(self, text: str) -> None:
        if text and (not self.paragraphs or self.paragraphs[-1] != text):
            self.paragraphs.append(text)


def extract_sections(root: LexborNode, title: str) -> tuple[Section, ...]:
    drafts = [_Draft(title, 1)]
    collector = _BlockCollector()
    collector.walk(root)
    follows_title = False  # whether the block before was the title's <h1>
    for kind, text, level, heading_id in collector.blocks:
        if kind == "heading" or kind == _BOLD_PHRASE:
            if level == 1 and _is_untouched_title(drafts):
                drafts[0] = _Draft(text, 1, heading_id)
            elif len(drafts) == 1 and text == drafts[0].heading:
                # the page title below a kicker or date line: same section; an <h2> too
                # (corpus traf__regards.fr.enquetes.html: its title is the column's <h2>)
                follows_title = True
                continue
            elif follows_title and len(text) > _MAX_STYLED_HEADING:
                drafts[-1].add_paragraph(text)  # a standfirst set as a heading
            else:
                drafts.append(_Draft(text, level, heading_id, kind == _BOLD_PHRASE))
            follows_title = level == 1 and len(drafts) == 1
        elif kind == "item":
            drafts[-1].items.append(text)
            follows_title = False
        else:
            drafts[-1].add_paragraph(text)
            follows_title = False
    return _sections_from(drafts)


def _is_untouched_title(drafts: list[_Draft]) -> bool:
    return len(drafts) == 1 and not drafts[0].paragraphs and not drafts[0].items


def _is_empty(draft: _Draft) -> bool:
    """Whether a section holds no text under a heading: at the column's end, a heading
    whose content went as boilerplate (corpus traf__regards.fr.enquetes.html: "Vos
    réactions" above the comments; mercury__ici.radio-canada.ca.html: the titles of
    teasers). A paragraph of one bold phrase read as a heading may be text of its own
    (rdbl__qq.html: its closing copyright line, which readability keeps)."""
    return not draft.paragraphs and not draft.items and not draft.bold_phrase


# One validation of the whole list instead of a model per section: pydantic's
# per-instance ``__init__`` overhead was ~2.5 µs of ~5 per section.
_SECTIONS = TypeAdapter(tuple[Section, ...])


def _sections_from(drafts: list[_Draft]) -> tuple[Section, ...]:
    sections: list[dict[str, Any]] = []
    while len(drafts) > 1 and _is_empty(drafts[-1]):
        drafts.pop()
    for index, draft in enumerate(drafts):
        if index > 0 and (
            (not draft.paragraphs and not draft.items and not draft.heading)
            or NON_BODY_HEADING.match(draft.heading)
        ):
            continue
        base = draft.element_id or slugify(draft.heading)
        sections.append(
            {
                "key": base,
                "heading": draft.heading,
                "level": draft.level,
                "paragraphs": draft.paragraphs,
                "items": draft.items,
            }
        )
    assign_keys(sections, "section")
    return _SECTIONS.validate_python(sections)


_Block = tuple[str, str, int, str]


class _BlockCollector:
    """Headings, paragraphs and list items under a node, in page order.

    Appends to one list while walking: generators chained through every level of
    nested ``<div>`` cost a frame per level for each block passed up. Tags are
    compared by lexbor id (``tag_id``, an int, half the cost of the ``tag`` string)."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []

    def walk(self, node: LexborNode) -> None:
        # Blank text nodes (two text nodes in three: the indentation between blocks)
        # are skipped in C: one matters only between two pieces of a run of text,
        # where ``_add_skipped`` reads it back; before a run or after it, clean_text
        # would drop it anyway.
        pending: list[str] = []
        previous = node
        start = len(self.blocks)  # a date line opening ``node`` is its first block
        for child in node.iter(include_text=True, skip_empty=True):
            if pending and (prior := child.prev) is not None and prior.mem_id != previous.mem_id:
                _add_skipped(previous, prior, pending)
            previous = child
            tag = child.tag_id
            if tag == _TEXT:
                pending.append(child.text_content or "")
            elif tag in _INLINE:
                self._inline(child, tag, pending)
            elif tag == _BR:
                if pending and pending[-1] == "\n":
                    self._flush(pending)
                else:
                    pending.append("\n")
            elif child.is_element_node:  # not a comment, CDATA or processing instruction
                if pending:
                    self._flush(pending)
                if tag in _SUBHEADINGS and len(self.blocks) == start + 1:
                    self._heading_below_date_line(child, tag)
                else:
                    self._block(child, tag)
        if pending and not _ends_in_navigation_link(node, previous, pending):
            self._flush(pending)

    def _inline(self, element: LexborNode, tag: int, pending: list[str]) -> None:
        if _holds_blocks(element):
            self._flush(pending)
            self._block(element, tag)
            return
        level = _styled_level(element, tag)
        if level:
            self._flush(pending)
            self._heading(element, level)
        else:
            pending.append(element.text(deep=True))

    def _block(self, element: LexborNode, tag: int) -> None:
        """An element that is not inline text."""
        if tag in _HEADINGS:
            self._heading(element, _HEADINGS[tag])
            return
        styled_level = _styled_level(element, tag)
        if styled_level:
            self._heading(element, styled_level)
        elif tag == _P:
            self._p(element)
        elif tag in _LISTS:
            self._list(element)
        elif tag == _LI:  # a list entry outside any list, as broken pages have
            self._list_entry(element)
        elif tag in _PARAGRAPHS and not _holds_blocks(element):
            self._paragraph(element)
        elif tag == _TABLE:
            self._table(element)
        elif tag not in _SKIPPED:
            self.walk(element)

    def _heading_below_date_line(self, heading: LexborNode, tag: int) -> None:
        """A heading after one block opening its parent: when that block is a date line
        ("12.03.2019"), it is the date of the heading's card or part, read after the
        heading, in its section, not at the end of the section before (a hub page's
        cards: ``<div class="card"><span class="date">12.03.2019</span><h3>...``). Not
        when it follows the title or opens the column: the page's byline, the title's
        section left without it (tests/test_body_hub.py)."""
        kind, text, _, _ = self.blocks[-1]
        if (
            kind != "paragraph"
            or len(self.blocks) < 2
            or (self.blocks[-2][0] == "heading" and self.blocks[-2][2] == 1)
            or short_text_date(text, None, _MAX_DATE_LINE) is None
        ):
            self._block(heading, tag)
            return
        date_line = self.blocks.pop()
        self._block(heading, tag)
        self.blocks.append(date_line)

    def _heading(self, element: LexborNode, level: int) -> None:
        text = node_text(element)
        if text:
            self.blocks.append(("heading", text, level, element_id(element)))

    def _p(self, paragraph: LexborNode) -> None:
        """A <p> with no title class or heading role: one short bold phrase is a
        heading, as ``_styled_heading_level`` says of other elements. Its text is read
        first: most paragraphs are too long for a heading, which spares the look at
        their children (``_sole_element``)."""
        text = node_text(paragraph)
        if _is_short_phrase(text) and _is_sole_bold(paragraph):
            self.blocks.append((_BOLD_PHRASE, text, 3, element_id(paragraph)))
        elif _holds_blocks(paragraph):
            self.walk(paragraph)
        elif not _is_lone_link(paragraph, text) and not _is_sign_up_call(paragraph, text):
            self._add("paragraph", text)

    def _paragraph(self, element: LexborNode) -> None:
        text = node_text(element)
        if not _is_lone_link(element, text):
            self._add("paragraph", text)

    def _list(self, element: LexborNode) -> None:
        for child in element.iter():
            tag = child.tag_id
            if tag in _LIST_ENTRIES:
                self._list_entry(child)
            elif child.is_element_node:
                self._block(child, tag)

    def _list_entry(self, entry: LexborNode) -> None:
        if _holds_blocks(entry):
            self.walk(entry)
        else:
            self._add("item", node_text(entry))

    def _table(self, table: LexborNode) -> None:
        for row in table.css("tr"):
            cells = [node_text(cell) for cell in row.css("th, td")]
            self._add("paragraph", " | ".join(cell for cell in cells if cell))

    def _flush(self, pending: list[str]) -> None:
        if pending:
            text = "".join(pending)
            # Most runs are the ASCII blanks between two blocks, which clean_text
            # turns into "" (its whitespace regex is its slow path).
            if text.strip(_ASCII_BLANKS):
                self._add("paragraph", clean_text(text))
            pending.clear()

    def _add(self, kind: str, text: str) -> None:
        if text and not (
            kind == "paragraph" and len(text) <= _MAX_PAGE_LABEL and _is_page_label(text)
        ):
            self.blocks.append((kind, text, 0, ""))


def _is_page_label(text: str) -> bool:
    """Whether a short paragraph is only the label of a share bar or a tag list
    ("Seite teilen", "Schlagworte:"), its buttons and links gone as boilerplate
    (corpus traf__be.ch-impfen.html ``<div data-testid="share-label">Seite
    teilen</div>``), of an advertisement (``AD_LABEL``), or the page's "last modified"
    line (``LAST_MODIFIED_LINE``) when a complete date follows its label: "Last updated in
    2019, the guide covers 12 countries." is body text."""
    lowered = text.lower()
    if PAGE_LABEL.match(lowered) is None:
        return False
    return LAST_MODIFIED_LINE.match(lowered) is None or parse_text_date(text) is not None


def _ends_in_navigation_link(node: LexborNode, last: LexborNode, pending: list[str]) -> bool:
    """Whether the run of text left at the end of ``node``'s walk is a short link back
    to a listing (its label starting with "back", "zurück"...: ``_NAVIGATION_LINK``)
    and nothing else: the block's only content, ``<div class="button--wrapper"><a>
    Zurück zur Übersicht</a></div>`` (corpus traf__weisser-ring.de-Erfolgsgechichte.html,
    traf__be.ch-impfen.html), or the last thing of a block after its text
    (traf__malteser.de-Bevolkerungsschutz.html: ``<hr/><a class="button">Zurück zu
    allen Meldungen</a></article>``); or a link on to the page a card sums up, after
    its title and summary ("En savoir plus", "Read more": fixture body-hub.html, as a
    lone link in a <p> is left out by ``_is_lone_link``). Other lone links in a block
    may be content: data.gov's "View this Dataset", whose removal EDGI labels a
    change. ``last`` is the last child walked: the link, or the label of a card that is
    one link (``<a class="card"><h3>...</h3><p>...</p><span>En savoir
    plus</span></a>``)."""
    if len(pending) != 1:
        return False
    link = last if last.tag_id == _A else node if node.tag_id == _A else None
    if link is None:
        return False
    text = pending[0].strip()
    return _NAVIGATION_LINK.match(text) is not None and _is_link_label(link, text)


def _add_skipped(previous: LexborNode, last: LexborNode, pending: list[str]) -> None:
    """Append to ``pending`` the text of the blank nodes after ``previous`` up to
    ``last``, which ``iter(skip_empty=True)`` passed over."""
    skipped = []
    node: LexborNode | None = last
    while node is not None and node.mem_id != previous.mem_id:
        skipped.append(node.text_content or "")
        node = node.prev
    pending.extend(reversed(skipped))


def _styled_level(element: LexborNode, tag: int) -> int:
    """``_styled_heading_level`` of an element that is no <hN>: only one with a role or
    a title class may be a styled heading, and most elements are told so here."""
    attributes = element.attributes
    classes = attributes.get("class")
    if "role" in attributes or (classes and _title_class_level(classes)):
        return _styled_heading_level(element, tag, attributes)
    return 0


def _styled_heading_level(element: LexborNode, tag: int, attributes: Attributes) -> int:
    """Level of an element a reader sees as a heading though it is no <hN>: role=heading
    or a title class ('p.h2', 'p.titulo'); a <p> that is one short bold phrase is told
    by ``_BlockCollector._p``. ``tag`` is ``element.tag_id``, which every caller has
    already read, ``attributes`` its ``attributes``."""
    if tag in _HEADINGS:
        return 0
    role = attributes.get("role")
    if role and role.strip() == "heading":
        level = attr(element, "aria-level")
        return int(level) if level.isascii() and level.isdigit() and 1 <= int(level) <= 6 else 2
    classes = attributes.get("class")
    class_level = _title_class_level(classes) if classes else 0
    if not class_level:
        return 0
    if tag in _LINK_OR_SPAN and not _is_bold_phrase(element):
        return 0
    if _holds_blocks(element):
        return 0
    text = node_text(element)
    if not text or len(text) > _MAX_STYLED_HEADING or text.endswith((".", ",", ";")):
        return 0
    return class_level


@lru_cache(maxsize=4096)
def _title_class_level(classes: str) -> int:
    """The heading level a class attribute names ('h3' -> 3, 'titulo' -> 2), 0 if none.
    Cached: class attributes repeat within a page, and the token regex (backtracking
    over ``[\\w-]*``) on every element's classes was ~2% of extraction."""
    match = STYLED_HEADING_TOKEN.search(classes.strip().lower())
    if match is None:
        return 0
    return int(match.group(1)) if match.group(1) else 2


def _is_lone_link(paragraph: LexborNode, text: str) -> bool:
    """A short paragraph that is only a link ('Zurück zur Übersicht', 'Read more'):
    navigation, not text (corpus traf__cdu-fraktion-erfurt.de.waldorfschule.html).
    ``text`` is the paragraph's ``node_text``: its length is tested first, as most
    paragraphs are longer than a link's label."""
    if len(text) > _MAX_LONE_LINK:
        return False
    child = _sole_element(paragraph)
    return child is not None and child.tag_id == _A and _is_link_label(child, text)


def _is_sign_up_call(paragraph: LexborNode, text: str) -> bool:
    """Whether a short paragraph asks the reader to sign up to a newsletter, linking to
    it: an appeal, not the page's text (corpus traf__diem25.org.climate.html "Do you
    want to be informed of DiEM25's actions? <a href=".../newsletter/">Sign up
    here</a>", traf__elpais.com.ciencia.html "... o suscribirse aquí a nuestra <a
    href=".../newsletters/...">newsletter</a>"). A call holds no figure: a paragraph
    that does is text, whatever its words (review finding: "In a survey of 1,500
    subscribers to our newsletter, 62% said ..." was dropped with its statistics).
    ``text`` is the paragraph's ``node_text``: its length and words are tested before
    its links are looked up, and its figures last (a rare paragraph gets there)."""
    if len(text) > _MAX_SIGN_UP_CALL or not _has_sign_up_verb(text.lower()):
        return False
    return paragraph.css_first(_SIGN_UP_LINK) is not None and not _holds_figure(text)


def _has_sign_up_verb(lowered: str) -> bool:
    """Whether a lowercased text holds a verb of signing up (``_SIGN_UP_CALL``): verbs
    only, as "as our newsletter reported, ..." linking to an issue is text. The stems
    are looked for first, written out: the pattern costs ~8x as much, on every short
    paragraph (``any()`` over a tuple cost twice as much as the stems)."""
    return (
        "sign" in lowered
        or "subscrib" in lowered
        or "suscr" in lowered
        or "abonn" in lowered
        or "inscri" in lowered
        or "meld" in lowered
    ) and _SIGN_UP_CALL.search(lowered) is not None


def _holds_figure(text: str) -> bool:
    """Whether ``text`` holds a figure the page's statistics would read (a number with
    a unit or a percent; not a year, a date or a name's digits: "DiEM25's"). The
    language is not known here: the figures of any are read."""
    figures, _ = find_figures(text, None)
    return bool(figures)


def _is_link_label(link: LexborNode, text: str) -> bool:
    """Whether ``text``, the text of ``link`` (an <a>), is a short label of navigation:
    an address or a URL written out is content ("write to x@y.org")."""
    if len(text) > _MAX_LONE_LINK:
        return False
    href = attr(link, "href").lower()
    return not ("@" in text or "://" in text or href.startswith(("mailto:", "tel:")))


def _is_bold_phrase(element: LexborNode) -> bool:
    """Whether ``element`` is one short bold phrase: a sole <strong> or <b>."""
    return _is_sole_bold(element) and _is_short_phrase(node_text(element))


def _is_sole_bold(element: LexborNode) -> bool:
    child = _sole_element(element)
    return child is not None and child.tag_id in _BOLD


def _is_short_phrase(text: str) -> bool:
    return 0 < len(text) <= _MAX_STYLED_HEADING and not text.endswith((".", ",", ";", ":"))


def _sole_element(element: LexborNode) -> LexborNode | None:
    """The only child of ``element`` that is not blank text, if it has exactly one
    and it is no text (callers look for a <strong> or an <a>).

    Most paragraphs start with text: answered at their first child."""
    sole = None
    child = element.first_child
    while child is not None:
        if child.tag_id == _TEXT:
            if (child.text_content or "").strip():
                return None
        elif sole is not None:
            return None
        else:
            sole = child
        child = child.next
    return sole


def _holds_blocks(element: LexborNode) -> bool:
    """Whether a child of ``element`` is a block (one level deep: inline elements
    wrapping blocks two levels down are rare, and their text is kept anyway)."""
    for child in element.iter():
        tag = child.tag_id
        if tag not in _INLINE and tag != _BR and child.is_element_node:
            return True
    return False
