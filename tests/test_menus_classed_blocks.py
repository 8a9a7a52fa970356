"""Menus written without lists: entries as ``<div class="menu-item">`` blocks nested in
one another (Drupal themes; corpus traf__awo.org-Menschenrechte.html, whose main menu
came out as 61 flat entries) are read as the tree they form."""

from __future__ import annotations

import time

from pagevault import parse_html
from tests.menu_trees import menu_tree


def _page(menu: str) -> str:
    return (
        f'<html><body><header><nav aria-label="Hauptnavigation">{menu}</nav></header>'
        "<main><h1>Menschenrechte</h1><p>Ein Text.</p></main></body></html>"
    )


BLOCKS = """<div class="menu--main"><div class="menu">
<div class="menu-item"><a href="/arbeit">Unsere Arbeit</a>
  <div class="sub-menu">
    <div class="menu-item"><a href="/aktuell">Aktuell</a>
      <div class="sub-menu"><div class="menu-item"><a href="/wahl">Bundestagswahl</a></div></div>
    </div>
    <div class="menu-item"><a href="/blog">Blog</a></div>
  </div>
</div>
<div class="menu-item"><a href="/beratung">Beratung finden</a>
  <div class="sub-menu"><div class="wrap">
    <div class="menu-item"><a href="/sucht">Suchtberatung</a></div>
    <div class="menu-item"><a href="/krebs">Krebsberatung</a></div></div></div>
</div>
</div></div>"""


def test_nested_menu_item_blocks_are_read_as_amenu_tree() -> None:
    (menu,) = parse_html(_page(BLOCKS), url="https://www.verband.example/").navigation
    assert menu.name == "Hauptnavigation"
    assert menu_tree(menu.items) == [
        "Unsere Arbeit",
        ["Aktuell", ["Bundestagswahl"], "Blog"],
        "Beratung finden",
        ["Suchtberatung", "Krebsberatung"],
    ]
    assert [item.key for item in menu.items] == ["unsere-arbeit", "beratung-finden"]


def test_a_link_outside_the_blocks_keeps_the_menu_flat() -> None:
    # The blocks do not hold every link: they are no entries, and no link is lost.
    page = _page(BLOCKS.removesuffix("</div></div>") + '<a href="/kontakt">Kontakt</a></div></div>')
    (menu,) = parse_html(page, url="https://www.verband.example/").navigation
    assert [item.label for item in menu.items] == [
        "Unsere Arbeit",
        "Aktuell",
        "Bundestagswahl",
        "Blog",
        "Beratung finden",
        "Suchtberatung",
        "Krebsberatung",
        "Kontakt",
    ]
    assert all(not item.children for item in menu.items)


def test_thousands_of_blocks_under_hundreds_of_wrappers_are_read_in_bounded_time() -> None:
    # hostile: each block would walk up through every wrapper to find its holder
    block = '<div class="menu-item"><a href="/p{n}">Page {n}</a></div>'
    menu = "<div>" * 390 + "".join(block.format(n=n) for n in range(8000)) + "</div>" * 390
    started = time.monotonic()
    (found,) = parse_html(_page(menu), url="https://www.verband.example/").navigation
    assert time.monotonic() - started < 3.0  # generous, as tests/test_hostile_markup.py
    assert len(found.items) == 8000


def test_a_block_is_looked_for_a_dozen_levels_up_at_most() -> None:
    # The bound that keeps the walk up short: a block farther below another one is an
    # entry of the menu itself.
    def nested(levels: int) -> str:
        inner = "<div>" * levels + '<div class="menu-item"><a href="/b">B</a></div>'
        return f'<div class="menu-item"><a href="/a">A</a>{inner}{"</div>" * levels}</div>'

    (near,) = parse_html(_page(nested(11)), url="https://www.verband.example/").navigation
    assert menu_tree(near.items) == ["A", ["B"]]
    (far,) = parse_html(_page(nested(12)), url="https://www.verband.example/").navigation
    assert menu_tree(far.items) == ["A", "B"]
