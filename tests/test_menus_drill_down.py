"""Drill-down menus: sub-lists standing beside the top list, each opened by a control
in an entry (a data attribute shared with the list, or ``aria-controls`` naming its
id), read as the tree they show; a richer mobile copy of a menu replaces its entries."""

from __future__ import annotations

from pathlib import Path

from pagevault import parse_html
from pagevault.model import Menu
from tests.menu_trees import menu_tree

FIXTURE = Path(__file__).parent / "fixtures" / "menus-drill-down.html"
URL = "https://www.umweltamt.example/atomkraft"


def _menus(html: str | bytes) -> tuple[Menu, ...]:
    return parse_html(html, url=URL).navigation


def test_sub_lists_are_grafted_under_the_entry_whose_button_opens_them() -> None:
    # fixture menus-drill-down.html, as corpus traf__umweltbundesamt.de-atomkraft.html
    main = _menus(FIXTURE.read_bytes())[0]
    assert menu_tree(main.items) == [
        "Start",
        "Das Amt",
        ["Wer wir sind", ["Organisation", "Leitbild"], "Unsere Geschichte"],
        "Themen",
        ["Klima", "Wasser", "Luft"],
        "Presse",
        "Daten",
    ]  # no back entries, nor the list of "Unsere Geschichte" holding its back entry alone,
    # nor the mobile menu's block of social links (test_menus_social_blocks.py)


def test_the_richer_mobile_copy_replaces_the_desktop_menus_entries_keeping_its_name() -> None:
    menus = _menus(FIXTURE.read_bytes())
    assert [(menu.key, menu.name) for menu in menus] == [
        ("navigation", "Hauptnavigation"),
        ("social", "Soziale Netzwerke"),
    ]
    main = menus[0]
    assert main.region == "header"
    # the keys of the desktop's entries stay
    assert [item.key for item in main.items][:5] == [
        "start",
        "das-amt",
        "themen",
        "presse",
        "daten",
    ]
    assert [child.key for child in main.items[1].children] == ["wer-wir-sind", "unsere-geschichte"]


def test_a_mobile_menu_of_other_entries_stays_a_menu_of_its_own() -> None:
    html = FIXTURE.read_text(encoding="utf-8")
    other = html.replace(">Presse<", ">Blog<", 1).replace(">Daten<", ">Shop<", 1)
    names = [menu.name for menu in _menus(other)]
    assert names[:2] == ["Hauptnavigation", "Soziale Netzwerke"]
    assert len(names) == 3


def test_a_heading_in_one_of_its_entries_does_not_name_a_menu() -> None:
    # the mobile menu was named "Das Umweltamt", the <h3> of its social links' entry
    html = FIXTURE.read_text(encoding="utf-8")
    alone = html[: html.index("<header>")] + html[html.index("</header>") + len("</header>") :]
    (menu,) = _menus(alone)
    assert menu.name == "Menü"  # the text over its top list
    assert [item.label for item in menu.items][-1] == "Daten"


ARIA = """<html><body><header><nav aria-label="Menu">
<ul><li><a href="/a">Alpha</a><button aria-controls="sub-a">More</button></li>
<li><a href="/b">Beta</a><button aria-controls="sub-b other">More</button></li>
<li><a href="/c">Gamma</a></li></ul>
<ul id="sub-a"><li><a href="#">Back</a></li><li><a href="/a/1">Alpha one</a></li>
<li><a href="/a/2">Alpha two</a></li></ul>
<ul id="sub-b"><li><a href="/b">All of Beta</a></li><li><a href="/b/1">Beta one</a></li></ul>
</nav></header><main><h1>Title</h1><p>Text of the page.</p></main></body></html>"""


def test_aria_controls_names_the_list_a_button_opens() -> None:
    (menu,) = _menus(ARIA)
    assert menu_tree(menu.items) == [
        "Alpha",
        ["Alpha one", "Alpha two"],  # "Back" leads nowhere: dropped
        "Beta",
        ["All of Beta", "Beta one"],  # a first entry leading somewhere stays
        "Gamma",
    ]


def test_a_list_opened_twice_is_grafted_once() -> None:
    looped = ARIA.replace(
        '<li><a href="/a/2">Alpha two</a></li>',
        '<li><a href="/a/2">Alpha two</a><button aria-controls="sub-a">Again</button></li>'
        '<li><a href="/a/3">Alpha three</a><button aria-controls="sub-b">Beta</button></li>',
    )
    (menu,) = _menus(looped)
    assert menu_tree(menu.items) == [
        "Alpha",
        ["Alpha one", "Alpha two", "Alpha three"],
        "Beta",
        ["All of Beta", "Beta one"],
        "Gamma",
    ]


def test_a_list_is_never_grafted_into_itself_nor_below_itself() -> None:
    looped = """<html><body><header><nav>
<ul id="top"><li><a href="/a">Alpha</a><button aria-controls="top">Self</button></li>
<li><a href="/b">Beta</a></li></ul>
<ul id="x"><li><a href="/x">Ex</a><button aria-controls="y">+</button></li>
<li><a href="/x2">Ex two</a></li></ul>
<ul id="y"><li><a href="/y">Why</a><button aria-controls="x">+</button></li>
<li><a href="/y2">Why two</a></li></ul>
</nav></header><main><h1>Title</h1><p>Text of the page.</p></main></body></html>"""
    (menu,) = _menus(looped)
    assert menu_tree(menu.items) == ["Alpha", "Beta", "Ex", ["Why", "Why two"], "Ex two"]


def test_a_data_attribute_several_lists_share_names_none_of_them() -> None:
    shared = """<html><body><header><nav>
<ul data-level="1"><li><a href="/a">Alpha</a><button data-level="2">+</button></li>
<li><a href="/b">Beta</a></li></ul>
<ul data-level="2"><li><a href="/a/1">Alpha one</a></li><li><a href="/a/2">Alpha two</a></li></ul>
<ul data-level="2"><li><a href="/b/1">Beta one</a></li><li><a href="/b/2">Beta two</a></li></ul>
</nav></header><main><h1>Title</h1><p>Text of the page.</p></main></body></html>"""
    (menu,) = _menus(shared)
    assert [item.label for item in menu.items] == [
        "Alpha",
        "Beta",
        "Alpha one",
        "Alpha two",
        "Beta one",
        "Beta two",
    ]


def test_a_long_chain_of_drill_down_lists_is_grafted_to_a_bounded_depth() -> None:
    # hostile: each list opens the next, the lists in page order and in reverse order
    lists = [
        f'<ul id="l{n}"><li><a href="/p{n}">Page {n}</a>'
        f'<button aria-controls="l{n + 1}">+</button></li>'
        f'<li><a href="/q{n}">Other {n}</a></li></ul>'
        for n in range(1000)
    ]
    for order in (lists, lists[::-1]):
        html = f"<html><body><header><nav>{''.join(order)}</nav></header></body></html>"
        (menu,) = _menus(html)
        depth, items = 0, menu.items
        while items:
            depth += 1
            items = items[0].children
        assert 2 <= depth <= 100
        assert "Page 0" in {item.label for item in menu.items}


def test_drill_down_lists_of_deep_entries_are_grafted_no_deeper_than_a_list_is_read() -> None:
    # hostile: each list opens the next from an entry 45 levels deep
    def deep_list(n: int) -> str:
        opened = "".join(f'<ul><li><a href="/d{n}/{k}">D {n} {k}</a>' for k in range(45))
        return (
            f'<ul id="l{n}"><li><a href="/p{n}">Page {n}</a>{opened}'
            f'<button aria-controls="l{n + 1}">+</button>{"</li></ul>" * 45}</li>'
            f'<li><a href="/q{n}">Other {n}</a></li></ul>'
        )

    html = "<html><body><header><nav>" + "".join(map(deep_list, range(20))) + "</nav></header>"
    (menu,) = _menus(html + "</body></html>")
    depth, items = 0, menu.items
    while items:
        depth += 1
        items = items[0].children
    assert 46 <= depth <= 100


# Bootstrap's mega menus (corpus hdate__hertie-school.org.leyen.html): each top entry's
# link names a panel of column lists by its id.
MEGA_MENU = """<html><body><header><nav class="mainnav">
<ul class="main-menu">
<li><a data-toggle="dropdown" data-target="#mega-1" href="/study/">Study</a></li>
<li><a data-bs-toggle="dropdown" data-bs-target="#mega-2" href="/research/">Research</a></li>
<li><a href="/news/">News</a></li></ul>
<div class="mega-menus">
<div id="mega-1" class="dropdown-menu"><div class="row">
<div class="column"><ul><li><a href="/mpp/">Master of Public Policy</a></li>
<li><a href="/phd/">PhD</a></li></ul></div>
<div class="column"><ul><li><a href="/admissions/">Admissions</a></li>
<li><a href="/phd/">PhD</a></li></ul></div></div></div>
<div id="mega-2" class="dropdown-menu"><div class="column">
<ul><li><a href="/research/about/">About our research</a></li>
<li><a href="/library/">Library</a></li></ul></div></div>
</div></nav></header><main><h1>A page</h1><p>Its text.</p></main></body></html>"""


def test_a_mega_menu_panel_is_grafted_under_the_entry_whose_link_names_it() -> None:
    (menu,) = _menus(MEGA_MENU)
    assert menu_tree(menu.items) == [
        "Study",
        ["Master of Public Policy", "PhD", "Admissions", "PhD"],
        "Research",
        ["About our research", "Library"],
        "News",
    ]
    study = menu.items[0]
    assert [item.key for item in study.children] == [
        "master-of-public-policy",
        "phd",
        "admissions",
        "phd-2",
    ]


def test_a_toggle_naming_a_panel_that_holds_its_own_list_grafts_nothing() -> None:
    # A "Menu" entry opening the whole menu is no parent of the menu's other lists.
    page = """<html><body><header><nav><div id="all">
<ul><li><a data-target="#all" href="/menu">Menu</a></li><li><a href="/a">A</a></li></ul>
<ul><li><a href="/b">B</a></li><li><a href="/c">C</a></li></ul>
</div></nav></header><main><h1>A page</h1><p>Its text.</p></main></body></html>"""
    (menu,) = _menus(page)
    assert menu_tree(menu.items) == ["Menu", "A", "B", "C"]
