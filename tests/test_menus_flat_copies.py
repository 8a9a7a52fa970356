"""A list of a menu repeating, flat, the entries of the lists before it is a copy: its
repeated entries are listed once, the entries it alone holds are kept."""

from __future__ import annotations

from pagevault import parse_html
from pagevault.model import Menu
from tests.menu_trees import menu_tree

# As corpus hdate__elmundo.es-PSOE.html: the sections' tree, then a side panel with the
# sections again, flat, and a list of supplements holding one of them ("LOC").
MENU = """<html><body><header><nav aria-label="Menú principal">
<div id="js-menuSections"><ul class="ue-c-main-navigation__list">
<li><a href="/espana.html">España</a><ul><li><a href="/madrid.html">Madrid</a></li>
<li><a href="/andalucia.html">Andalucía</a></li></ul></li>
<li><a href="/opinion.html">Opinión</a><ul><li><a href="/blogs.html">Blogs</a></li></ul></li>
<li><a href="/loc.html">LOC</a></li>
<li><a href="/cultura.html">Cultura</a></li>
</ul></div>
<div class="ue-l-side-panel" id="js-menutop-panel">
<ul class="ue-c-main-navigation__list">
<li><a href="/espana.html">España</a></li><li><a href="/opinion.html">Opinión</a></li>
<li><a href="/loc.html">LOC</a></li><li><a href="/cultura.html">Cultura</a></li>
<li><a href="/la-lectura.html">La Lectura</a></li>
</ul>
<ul class="ue-c-main-navigation__list">
<li><a href="/cronica.html">Crónica</a></li><li><a href="/loc.html">LOC</a></li>
<li><a href="/viajes.html">Viajes</a></li>
</ul></div></nav></header><main><h1>PSOE</h1><p>Text.</p></main></body></html>"""


def _menu(html: str) -> Menu:
    (menu,) = parse_html(html, url="https://www.elmundo.example/").navigation
    return menu


def test_a_flat_copy_of_the_tree_is_left_out_but_for_its_own_entries() -> None:
    assert menu_tree(_menu(MENU).items) == [
        "España",
        ["Madrid", "Andalucía"],
        "Opinión",
        ["Blogs"],
        "LOC",
        "Cultura",
        "La Lectura",  # in the flat list alone
        "Crónica",
        "LOC",  # one repeat among a list's own entries: that list stays whole
        "Viajes",
    ]


def test_a_flat_copy_of_sub_entries_is_a_copy_too() -> None:
    flat = (
        '<ul><li><a href="/madrid.html">Madrid</a></li>'
        '<li><a href="/andalucia.html">Andalucía</a></li>'
        '<li><a href="/blogs.html">Blogs</a></li></ul></div>'
    )
    html = MENU.replace("</div></nav>", flat + "</nav>", 1)
    labels = [item.label for item in _menu(html).items]
    assert labels[-3:] == ["Crónica", "LOC", "Viajes"]


def test_a_list_repeating_entries_with_other_urls_is_no_copy() -> None:
    html = MENU.replace(
        '<li><a href="/espana.html">España</a></li>', '<li><a href="/es">España</a></li>'
    )
    html = html.replace(
        '<li><a href="/opinion.html">Opinión</a></li>', '<li><a href="/op">Opinión</a></li>'
    )
    labels = [item.label for item in _menu(html).items]
    assert labels.count("España") == 2


def test_an_entry_in_two_lists_of_a_menu_gets_a_key_of_its_own_in_each() -> None:
    """Each list is keyed on its own; the menu's entries are one list: two 'loc' keys
    would make a diff pair the wrong entries."""
    keys = [item.key for item in _menu(MENU).items]
    assert keys[2] == "loc" and keys[6] == "loc-2"
    assert len(set(keys)) == len(keys)
