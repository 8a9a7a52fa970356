"""A ``#main`` that is the whole page (banner, menu, teasers, article, footer): the
article's block is read instead. Page imitated: corpus
traf__cdu-fraktion-erfurt.de.waldorfschule.html."""

from __future__ import annotations

from pagevault import parse_html
from pagevault.extract.dom import parse_tree
from pagevault.extract.sections import find_main

TEASER = """<div class="teaser"><div>07.10.2016</div><div class="headline">Kein
Elefantengedächtnis in der Verwaltung</div><div class="text">CDU-Stadtratsfraktion gegen
drastische Erhöhung für Zoo-Eintritt: die Fraktion ist verärgert über die Diskussion.</div>
<a href="/n1">weiter lesen</a></div>"""
ARTICLE = "<p>Ein positives Signal gab es diese Woche für die Waldorfschule im Ort. </p>" * 12
FOOTER = '<div id="footer_breite"><div><a href="/impressum">Impressum</a></div></div>'


def _page(footer: str = FOOTER) -> str:
    return f"""<html><head><title>CDU-Fraktion - Waldorfschule</title></head><body>
<div id="main"><div>
<div id="top_breite"><div class="top_headline">CDU-Fraktion</div></div>
<div id="middle_breite"><div>
<div><div id="nav_start"><a href="/">START</a></div>{TEASER * 3}</div>
<div><div class="row-fluid"><div><a href="/list">Zurück zur Übersicht</a></div>
<div id="ReadSpeaker" class="span8"><div id="blog_date">22.05.2014 - Gemeinde</div>
<div id="blog_headline" class="blog_teaser_headline">Entwicklung der Waldorfschule</div>
<div id="blog_detail">{ARTICLE}</div>
<div class="blog_schlagworte">Schlagworte: <a href="/t/schule">Schule</a></div></div>
</div></div></div></div>
{footer}</div></div></body></html>"""


def test_a_main_candidate_ending_in_the_page_footer_gives_way_to_the_article() -> None:
    main = find_main(parse_tree(_page()))
    assert main is not None and main.attributes.get("id") != "main"
    assert "Ein positives Signal" in main.text()
    assert "Kein Elefantengedächtnis" not in main.text()


def test_the_article_keeps_its_headline_and_date_line_but_not_the_teasers() -> None:
    snapshot = parse_html(_page())
    text = [line for s in snapshot.sections for line in (s.heading, *s.paragraphs)]
    assert "22.05.2014 - Gemeinde" in text
    assert "Entwicklung der Waldorfschule" in text
    assert "Schlagworte: Schule" in text
    assert not [line for line in text if "Zoo-Eintritt" in line or line == "START"]


def test_a_main_candidate_ending_in_other_content_is_kept() -> None:
    main = find_main(parse_tree(_page(footer='<div id="more"><p>More text here.</p></div>')))
    assert main is not None and main.attributes.get("id") == "main"


def test_an_articles_own_footer_does_not_make_it_a_page() -> None:
    html = f"""<html><body><div class="nav"><a href="/">Home</a></div><article>
    <h1>Title</h1>{ARTICLE}<footer>Tags: <a href="/t">school</a></footer></article>
    </body></html>"""
    main = find_main(parse_tree(html))
    assert main is not None and main.tag == "article"
