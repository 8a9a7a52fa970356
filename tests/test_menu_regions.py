"""Where a menu sits (``region``) when the page's landmarks nest oddly."""

from __future__ import annotations

from pagevault import parse_html

# corpus traf__elpais.com.ciencia.html: <main> holds the page header and its menu
HEADER_IN_MAIN = """<html><body><main id="principal">
<header class="cabecera"><nav><ul>
<li><a href="/internacional/">Internacional</a></li><li><a href="/opinion/">Opinión</a></li>
<li><a href="/espana/">España</a></li></ul></nav></header>
<div class="cuerpo"><h1>¿Ha llegado la Antártida a los 20 grados?</h1>
<p>Los científicos cuestionan el reciente récord de temperatura y advierten de que lo más
importante es la tendencia gradual al calentamiento que afecta al continente desde hace 60 años.</p>
<p>Que en la Antártida se registren temperaturas de más de 20 grados no tiene por qué deberse
al cambio climático, explican los glaciólogos consultados.</p>
<nav class="etiquetas"><ul><li><a href="/tag/antartida/">Antártida</a></li>
<li><a href="/tag/clima/">Clima</a></li></ul></nav></div></main></body></html>"""


def test_a_page_header_inside_the_main_column_is_still_the_header() -> None:
    snapshot = parse_html(HEADER_IN_MAIN, url="https://elpais.com/ciencia/antartida")
    regions = {menu.items[0].label: menu.region for menu in snapshot.navigation}
    assert regions["Internacional"] == "header"
    assert regions["Antártida"] == "body"
