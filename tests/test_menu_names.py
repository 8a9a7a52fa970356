"""Which heading names a menu: its own, else a sub-heading right before it."""

from __future__ import annotations

from pagevault import parse_html

# A mega-menu of <h3> + <nav> columns (corpus traf__bund.net-hermlin.html), a
# language switcher under the next block's heading (traf__wbf.admin.ch.14093.html)
# and the site's name in an <h1> above the main menu.
HEADER = """<html><body><header>
<h1>Umweltverband</h1>
<nav><ul><li><a href="/themen/">Themen</a></li><li><a href="/spenden/">Spenden</a></li></ul></nav>
<div class="topics"><div class="topic"><h3>Mensch &amp; Umwelt</h3>
<nav><ul><li><a href="/atomkraft/">Atomkraft</a></li><li><a href="/chemie/">Chemie</a></li>
</ul></nav>
</div><div class="topic"><h3>Tiere &amp; Pflanzen</h3>
<nav><ul><li><a href="/luchs/">Luchs</a></li><li><a href="/wildkatze/">Wildkatze</a></li></ul></nav>
</div></div>
<section><h2>Medieninformationen</h2><nav><ul>
<li><a href="/de/" lang="de">DE</a></li><li><a href="/fr/" lang="fr">FR</a></li></ul></nav>
</section></header>
<main><h1>Das Hermelin</h1><p>Das Hermelin ist im Winter gut getarnt.</p></main></body></html>"""


def _names_by_first_label() -> dict[str, str]:
    snapshot = parse_html(HEADER, url="https://www.bund.net/hermelin")
    return {menu.items[0].label: menu.name for menu in snapshot.navigation}


def test_a_sub_heading_right_before_a_menu_names_it() -> None:
    names = _names_by_first_label()
    assert names["Atomkraft"] == "Mensch & Umwelt"
    assert names["Luchs"] == "Tiere & Pflanzen"


def test_neither_the_site_title_nor_a_heading_over_a_language_switcher_names_a_menu() -> None:
    names = _names_by_first_label()
    assert names["Themen"] != "Umweltverband"
    assert names["DE"] != "Medieninformationen"
