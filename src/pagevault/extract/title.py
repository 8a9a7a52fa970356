"""Which heading titles the page, if any.

A page may hold many ``<h1>``: a logo, hidden labels of its menus, the amounts of a
donation widget, slider teasers, a sidebar's "In This Section", a caption. The title
is the one the page's own title (``og:title`` or ``<title>``) opens with, the main
column's first one before any other, else an ``<h1>`` outside the page's header,
menus, side columns and footer, else a sub-heading of the main column the page's
title opens with; else none, and the page's own title stands.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault.extract.dom import contains, hidden_by, node_text
from pagevault.extract.legacy_roots import names_footer, names_sidebar

# At most this many <h1> are looked at: a page with more is a listing, or hostile.
_MAX_H1 = 50
# How many of a heading's nearest elements (itself included) may hide it or link it.
_NEAREST = 4
# The shortest heading text that may match the page's title ("Home" may not).
_MIN_MATCH = 5
# Whole class tokens of text kept for screen readers only (not "hidden", which
# Tailwind's "hidden lg:block" shows on a wide screen, nor "overflow-hidden").
_HIDING_CLASS = re.compile(
    r"(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|"
    r"element-invisible|unsichtbar|offscreen)(?:$|\s)",
    re.IGNORECASE,
)
# Class or id words of a page header ("header", "site-header", "navbar", "masthead").
_HEADER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:header|masthead|navbar|banner|branding|logo|brand)(?:$|[\s_-])",
    re.IGNORECASE,
)
_REGION_TAGS = frozenset(("header", "nav", "aside", "footer", "form"))
# What stands between a page's title and its site's name ("Highlights - Data.gov").
_SEPARATORS = " |-:·»›/"
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


class PageTitle(NamedTuple):
    """The heading titling the page (an ``<h1>``, rarely an ``<h2>``/``<h3>``; None if
    none does), whether it lies in the main column, and the title's text."""

    heading: LexborNode | None
    in_main: bool
    text: str


class _Heading(NamedTuple):
    node: LexborNode
    text: str
    in_main: bool


def find_title(
    tree: LexborHTMLParser,
    main: LexborNode | None,
    page_titles: tuple[str | None, ...],
    site_name: str | None = None,
) -> PageTitle:
    """The page's title; ``page_titles``: its ``og:title`` and ``<title>``, if any;
    ``site_name``: its ``og:site_name``, which names no heading as the page's title."""
    names = _PageNames([_comparable(title) for title in page_titles if title], site_name)
    first_in_main = main.css_first("h1") if main is not None else None
    if first_in_main is not None:  # the common case: no look at the page's other <h1>
        text = node_text(first_in_main)
        if text and _shown(first_in_main) and names.mention(text):
            return PageTitle(first_in_main, True, text)
    headings = _shown_headings(tree, main)
    named = [heading for heading in headings if _named_by(heading.text, names)]
    chosen = (
        _best_named([heading for heading in named if heading.in_main], names)
        or _best_named(named, names)
        or next((heading for heading in headings if heading.in_main), None)
        or next((heading for heading in headings if not _in_a_region(heading.node)), None)
    )
    if chosen is None and main is not None:
        chosen = _named_sub_heading(main, names)
    if chosen is not None:
        return PageTitle(chosen.node, chosen.in_main, chosen.text)
    return PageTitle(None, False, next((title for title in page_titles if title), ""))


def _named_sub_heading(main: LexborNode, names: _PageNames) -> _Heading | None:
    """The main column's first ``<h2>``/``<h3>`` the page's title opens with, for a page
    whose only ``<h1>`` is its logo (corpus traf__regards.fr.enquetes.html: its article's
    title is an ``<h2>`` under a byline "Par Loïc Le Clerc | 30 septembre 2018")."""
    for node in main.css("h2, h3")[:_MAX_H1]:
        text = node_text(node)
        if text and _named_by(text, names) and _shown(node):
            return _Heading(node, text, True)
    return None


def _shown_headings(tree: LexborHTMLParser, main: LexborNode | None) -> list[_Heading]:
    """The page's ``<h1>`` with text, shown, and not inside a link (a teaser's)."""
    headings = []
    for node in tree.css("h1")[:_MAX_H1]:
        text = node_text(node)
        if text and _shown(node):
            headings.append(_Heading(node, text, main is not None and contains(main, node)))
    return headings


def _shown(node: LexborNode) -> bool:
    """Whether a heading is neither hidden nor in a link, as far as it and its nearest
    parents say (a hidden label is hidden where it stands: bayern.de's
    ``h1.unsichtbar``; a teaser's link wraps it closely: diem25.org's donation boxes)."""
    current: LexborNode | None = node
    for _ in range(_NEAREST):
        if current is None or current.tag in ("body", "html"):
            break
        attributes = current.attributes
        if current.tag == "a" or hidden_by(attributes):
            return False
        if "class" in attributes and _HIDING_CLASS.search(attributes["class"] or ""):
            return False
        current = current.parent
    return True


def _in_a_region(node: LexborNode) -> bool:
    """Whether a heading lies in the page's header, a menu, a side column or the
    footer, by tag, role-like class or id words."""
    current = node.parent
    while current is not None and current.tag not in ("body", "html"):
        attributes = current.attributes
        names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
        if (
            current.tag in _REGION_TAGS
            or _HEADER_CLASS.search(names) is not None
            or names_sidebar(attributes)
            or names_footer(attributes)
        ):
            return True
        current = current.parent
    return False


def _comparable(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHY).casefold().split())


class _PageNames:
    """The page's own titles (comparable), and its site's name (``og:site_name``)."""

    def __init__(self, titles: list[str], site_name: str | None) -> None:
        self.titles = titles
        self.site = _comparable(site_name) if site_name else None

    def mention(self, text: str) -> bool:
        """Whether a page title holds the heading's text anywhere, as its start or its
        end: "Amnesty International - Réfugiés et migrants" holds the main column's
        "Réfugiés et migrants", which beats a logo the title opens with."""
        heading = _comparable(text)
        return (
            len(heading) >= _MIN_MATCH
            and heading != self.site
            and any(heading in title for title in self.titles)
        )

    def overlap(self, text: str) -> int:
        """How much of a heading's text a page title opens with (0: it names no heading).

        Not a heading the title ends with: the site's name in "Löchrige Lebensversicherung
        | Greenpeace" is the logo's (corpus traf__greenpeace.org.artenvielfalt.html); nor
        the site's name, nor a heading shorter than the rest of the title: the logo's
        "Greenpeace" in "Greenpeace | Löchrige Lebensversicherung"."""
        heading = _comparable(text)
        if heading == self.site:
            return 0
        return max((_opening(heading, title) for title in self.titles), default=0)


def _opening(heading: str, title: str) -> int:
    if title.startswith(heading):
        rest = title[len(heading) :].strip(_SEPARATORS)
        return len(heading) if len(heading) >= max(len(rest), _MIN_MATCH) else 0
    if heading.startswith(title) and len(title) >= _MIN_MATCH:
        return len(title)
    return 0


def _named_by(text: str, names: _PageNames) -> bool:
    """Whether the page's own title opens with the heading's text (see ``overlap``)."""
    return names.overlap(text) > 0


def _best_named(headings: list[_Heading], names: _PageNames) -> _Heading | None:
    """The heading sharing the most text with the page's title (the first of equals):
    "Highlights", not the logo's "Data.gov", in "Highlights - Data.gov"."""
    best: _Heading | None = None
    best_overlap = 0
    for heading in headings:
        overlap = names.overlap(heading.text)
        if overlap > best_overlap:
            best, best_overlap = heading, overlap
    return best
