"""A menu without a name of its own takes the ARIA name of an element wrapping it
alone; not that of a page frame, nor of a wrapper of several lists."""

from __future__ import annotations

from pagevault import parse_html

# Footer lists in a <section aria-label> (corpus hdate__elmundo.es-PSOE.html "Redes
# Sociales"), in a panel labelled by the tab after it, and two lists in one
# labelled block; a header landmark named "Site header" (edgi-wmp__fhwa-hpms.html).
PAGE = """<html><body>
<header role="banner" aria-label="Site header"><ul>
<li><a href="/a">Actualidad</a></li><li><a href="/b">Deportes</a></li></ul></header>
<main><h1>Título</h1><p>Texto.</p></main>
<footer>
<section aria-label="Otras webs"><ul><li><a href="https://a.es/">Marca</a></li>
<li><a href="https://b.es/">Telva</a></li></ul>
<ul><li><a href="https://c.es/">Expansión</a></li><li><a href="https://d.es/">Yo Dona</a></li>
</ul></section>
<div class="card"><div aria-labelledby="card-2" class="collapse"><div class="card-body"><ul>
<li><a href="/jobs">Jobs</a></li><li><a href="/funding">Funding</a></li></ul></div></div>
<div id="card-2" role="tab"><button>ABOUT US</button></div></div>
<div class="about"><section aria-label="Redes Sociales"><ul>
<li><a href="https://facebook.com/site">Facebook</a></li>
<li><a href="https://twitter.com/site">Twitter</a></li></ul></section></div>
</footer></body></html>"""


def _names_by_first_label() -> dict[str, str]:
    snapshot = parse_html(PAGE, url="https://example.org/")
    return {menu.items[0].label: menu.name for menu in snapshot.navigation}


def test_a_wrappers_aria_label_names_the_menu_it_alone_holds() -> None:
    assert _names_by_first_label()["Facebook"] == "Redes Sociales"


def test_a_wrappers_aria_labelledby_names_the_menu_it_alone_holds() -> None:
    assert _names_by_first_label()["Jobs"] == "ABOUT US"


def test_neither_a_frame_nor_a_wrapper_of_several_lists_names_a_menu() -> None:
    names = _names_by_first_label()
    assert names["Actualidad"] == "header menu"
    assert names["Marca"] == names["Expansión"] == "footer menu"
