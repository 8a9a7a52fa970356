"""Menu roots of pages written before <nav>, <header> and <footer>: named by class or id.

A page with no navigation element, no page frame and no ARIA landmark for them (Plone's
``ul#portal-globalnav``, SPIP's ``div.menu``, ``div#navPrimary``, ``div#footer``) would
otherwise show no menu at all (corpus: zamg.ac.at, sauvonsluniversite.com, thw.de,
greenpeace.org 2017). Only such pages are read this way, so a page that marks its menus
up is never second-guessed from class names.

A class or id is split into words (at ``-``, ``_`` and a lower-to-upper case change:
"navPrimary" is "nav primary"); an element names a menu when a word is one of, or ends
with, the menu words ("globalnav", "submenu"), and a page frame when a word is a
header or footer word ("pied", "fusszeile"), unless another word says it is something
else: skip links, a trail, a toggle button, or the header of an entry, card or modal.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault.extract.dom import Attributes, has_ancestor_in, unique_matches

# Case-sensitive substrings (as lexbor compares values) that every name below holds.
_CANDIDATES = ", ".join(
    f"[{attribute}*={part}]"
    for part in ("nav", "Nav", "menu", "Menu", "head", "Head", "foot", "Foot", "pied", "zeile")
    for attribute in ("id", "class")
)
_CONTAINER_TAGS = frozenset({"div", "ul", "ol", "menu", "section", "td", "dl", "table"})
_MENU_ENDINGS = ("nav", "navigation", "navbar", "menu", "menue", "menus")
_MENU_STARTS = ("navtree", "navlist", "navmain")
_FRAME_WORDS = frozenset(
    {"header", "footer", "head", "foot", "masthead", "pied", "piedpage", "kopfzeile", "fusszeile"}
)
# Words that make a named element something else than a menu or a page frame.
_OTHER_WORDS = frozenset(
    {
        "skip",
        "skiplink",
        "skiplinks",
        "breadcrumb",
        "breadcrumbs",
        "toggle",
        "button",
        "btn",
        "bouton",
        "burger",
        "icon",
        "entry",
        "post",
        "article",
        "card",
        "modal",
        "panel",
        "widget",
        "page",
        "section",
        "table",
    }
)
# Lists that are no menu, whatever holds them (SPIP's div#navigation holding a forum).
_NOT_MENU_LIST_WORDS = frozenset({"forum", "comment", "comments", "commentlist", "reactions"})
_SIDEBAR_WORDS = frozenset({"aside", "sidebar", "marginal", "seitenleiste", "barre"})
_FOOTER_WORDS = frozenset({"footer", "foot", "pied", "piedpage", "fusszeile"})
_WORD_BREAK = re.compile(r"[\s_-]+|(?<=[a-z])(?=[A-Z])")


def legacy_root_candidates(
    tree: LexborHTMLParser,
) -> tuple[list[LexborNode], list[LexborNode]]:
    """The elements whose class or id names a menu (holding a list) and those naming
    a page frame (holding a link), each in page order."""
    menus: list[LexborNode] = []
    frames: list[LexborNode] = []
    # Menu candidates whose lists were looked at: one inside them has no other lists (a
    # subset), so it is not looked at again (nested named divs cost one list scan).
    listed: set[int] = set()
    for node in unique_matches(tree, _CANDIDATES):
        if node.tag not in _CONTAINER_TAGS:
            continue
        words = name_words(node.attributes)
        if not words or not words.isdisjoint(_OTHER_WORDS):
            continue
        if _names_menu(words):
            if node.parent is None or not has_ancestor_in(node.parent, listed):
                listed.add(node.mem_id)
                if _holds_menu_list(node):
                    menus.append(node)
        elif not words.isdisjoint(_FRAME_WORDS) and node.css_first("a[href]") is not None:
            frames.append(node)
    return menus, frames


def name_words(attributes: Attributes) -> set[str]:
    """The lower-cased words of an element's class and id ("navPrimary" -> nav,
    primary): split before lower-casing, which would hide the case change."""
    return set(name_word_list(f"{attributes.get('class') or ''} {attributes.get('id') or ''}"))


def name_word_list(name: str) -> list[str]:
    """The lower-cased words of a class or id, in order ("pageFooter" -> page, footer)."""
    return [word.lower() for word in _WORD_BREAK.split(name) if word]


def names_footer(attributes: Attributes) -> bool:
    """Whether an element's class or id names a page footer ("footer", "pageFooter")."""
    words = name_words(attributes)
    return not words.isdisjoint(_FOOTER_WORDS) and words.isdisjoint(_OTHER_WORDS)


def names_sidebar(attributes: Attributes) -> bool:
    """Whether an element's class or id names a side column ("aside", "sidebar")."""
    return not name_words(attributes).isdisjoint(_SIDEBAR_WORDS)


def _names_menu(words: set[str]) -> bool:
    return any(word.endswith(_MENU_ENDINGS) or word.startswith(_MENU_STARTS) for word in words)


def _holds_menu_list(node: LexborNode) -> bool:
    """Whether ``node`` is or holds a list of links that is no forum or comment thread."""
    lists = [node] if node.tag in ("ul", "ol", "menu") else node.css("ul, ol, menu")
    return any(_is_menu_list(element) for element in lists)


def _is_menu_list(element: LexborNode) -> bool:
    words = name_words(element.attributes)
    return words.isdisjoint(_NOT_MENU_LIST_WORDS) and element.css_first("a[href]") is not None
