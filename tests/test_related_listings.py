"""Lists of OTHER content under a title of their own ("Aktuell", "Les plus lus",
"Últimas noticias"): related cards when they are teaser lists in the main column, and
left alone anywhere else (a section of the page's own, a menu, a sidebar outside it)."""

from __future__ import annotations

from pathlib import Path

from pagevault import parse_html
from pagevault.model import Snapshot

FIXTURES = Path(__file__).parent / "fixtures"


def _paragraphs(snapshot: Snapshot) -> list[str]:
    return [text for section in snapshot.sections for text in section.paragraphs]


def test_a_latest_articles_block_beside_the_article_becomes_dated_cards() -> None:
    # fixture related-latest.html imitates corpus traf__awo.org-Menschenrechte.html
    page = (FIXTURES / "related-latest.html").read_bytes()
    snapshot = parse_html(page, url="https://www.verband.example/menschenrechte")
    cards = [(card.title, card.url, card.date) for card in snapshot.related]
    assert cards == [
        (
            "Geflüchtete in Belarus: schnelles Handeln der EU gefordert",
            "https://www.verband.example/gefluechtete-belarus",
            "2021-11-10",
        ),
        (
            "Suchtberatung wirkt – aber die Finanzierung fehlt!",
            "https://www.verband.example/suchtberatung-wirkt",
            "2021-11-10",
        ),
        (
            "Fachtagung 2021: Teilhabe von Kindern stärken",
            "https://www.verband.example/fachtagung-2021",
            "2021-11-09",
        ),
    ]
    # the article's own section titled "Aktuelles" stays, and nothing of the teasers
    assert _paragraphs(snapshot)[1:] == [
        "Am 10. November haben wir unseren Appell an die Verhandlungsgruppen übergeben. "
        "Die Stellungnahme können Sie hier herunterladen.",
        "Bis Jahresende begleiten wir die Verhandlungen mit unserer Kampagne.",
    ]
    assert snapshot.statistics == ()  # "1.300 Beratungsstellen" is a teaser's figure
    # a menu titled "Aktuelles" in the main column stays a menu
    menus = {menu.name: [item.label for item in menu.items] for menu in snapshot.navigation}
    assert menus["Aktuelles"] == ["Pressemitteilungen", "Termine"]


FRENCH = """<html lang="fr"><body><main><h1>Mort de Rémi Fraisse</h1>
<p>Le déroulé des faits qui ont conduit à la mort de Rémi Fraisse, reconstitué pièce par pièce.</p>
<section class="suggestion-article"><h2>À lire également...</h2><div class="row">
<article class="apercu"><a href="/appel-tgi"><figure><img src="a.jpg" alt=""></figure>
<h2 class="h3">Appel à aller au TGI ce mardi</h2><time datetime="2019-07-08T19:00:00Z">Publié le
8 juillet</time></a></article>
<article class="apercu"><a href="/acte-36"><figure><img src="b.jpg" alt=""></figure>
<h2 class="h3">Acte 36 : ripostons à l'autoritarisme</h2><time datetime="2019-07-08T16:35:49Z">
Publié le 8 juillet</time></a></article></div></section>
<div class="container"><h2>Les plus lus</h2>
<div class="-item"><span class="-meta">18 février 2020</span>
<h2><a href="/des-tweets">Des tweets et des gauches</a></h2></div>
<div class="-item"><span class="-meta">21 février 2020</span>
<h2><a href="/libre-d-obeir">Peut-on être libre d'obéir ?</a></h2></div></div>
</main></body></html>"""


def test_french_further_reading_and_most_read_blocks_become_cards() -> None:
    # corpus hdate__paris-luttes.info.html ("À lire également...") and
    # traf__regards.fr.enquetes.html ("Les plus lus")
    snapshot = parse_html(FRENCH, url="https://paris-luttes.example/remi")
    cards = [(card.title, card.date) for card in snapshot.related]
    assert cards == [
        ("Appel à aller au TGI ce mardi", "2019-07-08"),
        ("Acte 36 : ripostons à l'autoritarisme", "2019-07-08"),
        ("Des tweets et des gauches", "2020-02-18"),
        ("Peut-on être libre d'obéir ?", "2020-02-21"),
    ]
    assert [section.heading for section in snapshot.sections] == ["Mort de Rémi Fraisse"]


SPANISH_OWN_SECTION = """<html lang="es"><body><main><h1>Derecho de asilo</h1>
<p>Miles de personas piden protección cada año en las fronteras del sur de Europa.</p>
<div class="bloque"><h2>Más información</h2>
<p>Para solicitar asesoría jurídica gratuita, escríbanos o llame de lunes a viernes a nuestra
oficina de Madrid: le atenderemos en español, francés, inglés y árabe.</p>
<ul><li><a href="/guia.pdf">Guía del solicitante de asilo</a></li>
<li><a href="/contacto">Formulario de contacto</a></li></ul></div>
</main></body></html>"""


def test_a_section_of_the_page_under_such_a_title_stays_a_section() -> None:
    snapshot = parse_html(SPANISH_OWN_SECTION, url="https://www.asilo.example/derecho")
    assert snapshot.related == ()
    assert [section.heading for section in snapshot.sections][-1] == "Más información"
    assert _paragraphs(snapshot)[-1].startswith("Para solicitar asesoría jurídica gratuita")


OUTSIDE_MAIN = """<html lang="es"><body><main><h1>Ucrania</h1>
<p>El periodista sostuvo que la guerra supondría el fin de la Rusia que conocemos hoy.</p></main>
<div class="feed"><h2>Últimas noticias</h2>
<a class="card" href="/a"><h3>Aseguraron a 310 migrantes en Veracruz</h3></a>
<a class="card" href="/b"><h3>Borrell cree que Europa dejará el petróleo ruso</h3></a></div>
</body></html>"""


def test_a_latest_news_block_outside_the_main_column_is_no_related_block() -> None:
    assert parse_html(OUTSIDE_MAIN, url="https://www.infobae.example/ucrania").related == ()
    inside = OUTSIDE_MAIN.replace("</main>", "").replace("</body>", "</main></body>")
    titles = [card.title for card in parse_html(inside, url="https://x.example/u").related]
    assert titles == [
        "Aseguraron a 310 migrantes en Veracruz",
        "Borrell cree que Europa dejará el petróleo ruso",
    ]


HEADLINE_WITH_KICKER = """<html lang="fr"><body><main>
<div class="article-head"><span class="rubrique-title">À la une</span>
<h1>Parité : la loi enfin votée</h1><ul class="partage">
<li><a href="https://facebook.example/share">Partager sur Facebook</a></li>
<li><a href="https://twitter.example/share">Partager sur Twitter</a></li></ul></div>
<p>L'Assemblée a adopté mardi la loi sur la parité dans les conseils municipaux du pays.</p>
</main></body></html>"""


def test_a_block_holding_the_page_title_is_no_list_of_other_content() -> None:
    snapshot = parse_html(HEADLINE_WITH_KICKER, url="https://www.presse.example/parite")
    assert snapshot.related == ()
    assert snapshot.sections[0].heading == "Parité : la loi enfin votée"


ONE_LINK = """<html lang="de"><body><main><h1>Mitglieder</h1>
<p>Unser Verein zählt heute mehr als zweitausend Mitglieder in allen Teilen der Stadt.</p>
<h2>Aktuelles</h2>
<p><a href="/versammlung">Am 3. Mai laden wir zur Mitgliederversammlung ein</a></p>
</main></body></html>"""


def test_a_single_link_under_such_a_title_stays_a_section() -> None:
    snapshot = parse_html(ONE_LINK, url="https://www.verein.example/mitglieder")
    assert snapshot.related == ()
    assert _paragraphs(snapshot)[-1] == "Am 3. Mai laden wir zur Mitgliederversammlung ein"


def test_a_card_linking_to_the_page_itself_is_left_out() -> None:
    """corpus traf__awo.org-Menschenrechte.html: the page's own "latest" list holds it."""
    page = (FIXTURES / "related-latest.html").read_text(encoding="utf-8")
    own_card = page.replace('href="/fachtagung-2021"', 'href="/menschenrechte/"')
    snapshot = parse_html(own_card, url="https://www.verband.example/menschenrechte")
    assert [card.url for card in snapshot.related] == [
        "https://www.verband.example/gefluechtete-belarus",
        "https://www.verband.example/suchtberatung-wirkt",
    ]
    canonical = own_card.replace(
        "<head>", '<head><link rel="canonical" href="https://www.verband.example/menschenrechte">'
    )
    other_address = parse_html(canonical, url="https://www.verband.example/m?id=7")
    assert len(other_address.related) == 2
