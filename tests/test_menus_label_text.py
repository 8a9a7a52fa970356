"""A menu entry's label is what a reader reads as the link's name: the text of a form
control inside the link (a ``<label>``, a ``<button>``) and screen-reader-only text are
no part of it, unless they are all the link says (an icon link's hidden name)."""

from __future__ import annotations

from pagevault import parse_html
from pagevault.model import Menu
from tests.menu_trees import menu_tree

# As corpus hdate__hertie-school.org.leyen.html: the slide nav's entries hold the
# <label> of the checkbox opening their sub-list.
SLIDE_NAV = """<html><body><header><nav aria-label="Slide navigation"><ul>
<li class="slide-nav-item"><a href="/en/study/">Study<label class="slide-nav-label
 slide-nav-label-sub" for="sub-16">Show subnavigation</label></a>
<input type="checkbox" class="slide-nav-checkbox" id="sub-16">
<ul class="slide-nav-sub"><li><a href="/en/mpp/">Master of Public Policy</a></li>
<li><a href="/en/phd/">PhD</a></li></ul></li>
<li class="slide-nav-item"><a href="/en/research/">Research<label class="slide-nav-label"
 for="sub-17">Show subnavigation</label></a></li>
<li><a href="/en/events/">Events<button type="button">Open submenu</button></a></li>
</ul></nav></header><main><h1>Hertie</h1><p>Text.</p></main></body></html>"""

# As corpus traf__umweltbundesamt.de-atomkraft.html ("EN" with a hidden "Sprache
# wechseln zu English") and mercury__www.lemonde.fr.html ("nav_back_to_home"); the
# icon links name themselves by their hidden text alone.
HIDDEN_TEXT = """<html><body><header><nav aria-label="Meta"><ul>
<li><a href="/en/">EN<span class="visuallyhidden" lang="en">Sprache wechseln zu
 English</span></a></li>
<li><a href="/"><span>À la une</span> <span class="sr-only">nav_back_to_home</span></a></li>
<li><a href="/contact"><span class="screen-reader-text">Go to the </span>Contact
 <span class="icon" aria-hidden="true"></span></a></li>
<li><a href="/news"><span class="label">News<span class="SR-ONLY"> (current)</span></span></a>
<button class="sr-only">Open News</button></li>
<li><a href="https://facebook.com/uba"><i class="icon-facebook"></i><span
 class="visually-hidden">Facebook</span></a></li>
</ul></nav></header><main><h1>UBA</h1><p>Text.</p></main></body></html>"""


def _menus(html: str) -> tuple[Menu, ...]:
    return parse_html(html, url="https://www.example.org/").navigation


def test_the_text_of_a_control_inside_a_link_is_no_part_of_its_label() -> None:
    (menu,) = _menus(SLIDE_NAV)
    assert menu_tree(menu.items) == [
        "Study",
        ["Master of Public Policy", "PhD"],
        "Research",
        "Events",
    ]
    assert [item.key for item in menu.items] == ["study", "research", "events"]


def test_screen_reader_only_text_is_no_part_of_a_visible_label() -> None:
    (menu,) = _menus(HIDDEN_TEXT)
    assert [item.label for item in menu.items] == [
        "EN",
        "À la une",
        "Contact",
        "News",  # hidden text nested deeper; a button beside the link is no part of it
        "Facebook",
    ]


def test_a_mobile_copy_is_told_by_the_labels_a_reader_reads() -> None:
    """The labels a mobile copy is compared by are read the same way: its controls'
    text does not make it a menu of its own."""
    desktop = """<nav aria-label="Main"><ul><li><a href="/en/study/">Study</a></li>
<li><a href="/en/research/">Research</a></li><li><a href="/en/events/">Events</a></li>
</ul></nav>"""
    mobile = SLIDE_NAV.replace('aria-label="Slide navigation"', 'class="mobile-nav"')
    menus = _menus(mobile.replace("<header>", "<header>" + desktop))
    assert [menu.name for menu in menus] == ["Main"]


def test_a_crumb_is_named_as_a_reader_reads_it() -> None:
    html = """<html><body><nav aria-label="breadcrumb"><ol>
<li><a href="/"><span class="sr-only">You are here: </span>Home</a></li>
<li><a href="/news/">News<button class="toggle">More</button></a></li>
<li aria-current="page">Article</li></ol></nav>
<main><h1>Article</h1><p>Text.</p></main></body></html>"""
    crumbs = parse_html(html, url="https://www.example.org/").breadcrumbs
    assert [crumb.label for crumb in crumbs] == ["Home", "News", "Article"]
