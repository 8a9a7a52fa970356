"""Links back to a listing at the end of a block, the labels of share bars and ad
slots, a page's "last modified" line: no body text. Pages imitated: corpus
traf__malteser.de-Bevolkerungsschutz.html (a press release whose <article> ends with
``<hr/><a class="button">Zurück zu allen Meldungen</a>``), traf__be.ch-impfen.html (a
share bar's label in a <div>), traf__wbf.admin.ch.14093.html ("Letzte Änderung"),
rdbl__nytimes-5.html ("Advertisement")."""

from __future__ import annotations

from pagevault import parse_html

TEXT = "<p>The aid organisations call for better conditions for their volunteers. </p>" * 3
PRESS_RELEASE = f"""<html><body><main><article><h1>Bessere Rahmenbedingungen</h1>
{TEXT}<p>Pressekontakte: <a href="mailto:presse@example.org">presse@example.org</a></p>
<div class="news-article__related"></div><hr/>
<a class="button button--grey" href="/">Zurück zu allen Meldungen</a></article>
<article><p>A second block of the page, with text long enough to be read.</p>
<a href="/report.pdf">Read the full report</a></article></main></body></html>"""


def _paragraphs(html: str) -> list[str]:
    return [text for section in parse_html(html).sections for text in section.paragraphs]


def test_a_back_link_ending_a_block_after_its_text_is_dropped() -> None:
    paragraphs = _paragraphs(PRESS_RELEASE)
    assert "Zurück zu allen Meldungen" not in paragraphs
    assert "Pressekontakte: presse@example.org" in paragraphs


def test_another_link_ending_a_block_is_kept() -> None:
    # data.gov's "View this Dataset": a link that is no way back may be content.
    assert "Read the full report" in _paragraphs(PRESS_RELEASE)


SHARE_BAR = f"""<html><body><main><h1>Stationäre Impforte</h1>{TEXT}
<div data-testid="share-page" class="css-dgczb1"><div class="css-2cf85e">Seite teilen</div>
<ul><li><button aria-label="facebook"><span>Seite teilen</span></button></li></ul></div>
<p>Teilen Sie diese Seite mit allen, die sich impfen lassen möchten.</p>
</main></body></html>"""


def test_the_label_left_of_a_share_bar_is_dropped() -> None:
    # corpus traf__be.ch-impfen.html: the buttons go as form controls, the label stayed.
    paragraphs = _paragraphs(SHARE_BAR)
    assert "Seite teilen" not in paragraphs
    assert "Teilen Sie diese Seite mit allen, die sich impfen lassen möchten." in paragraphs


LAST_MODIFIED = f"""<html><body><main><h1>Medienmitteilung</h1>{TEXT}
<p class="pull-left"><small><span class="text-dimmed">Letzte Änderung&nbsp;14.02.2019</span>
</small></p><div>Last Updated Aug. 28, 2020</div>
<p>Last updated in 2019, the guide lists every place where people can get vaccinated.</p>
<p>Letzte Änderung der Verordnung</p>
<p>Last updated in 2019, the guide covers 12 countries.</p>
<p>Actualizado: 300 muertos.</p></main></body></html>"""


def test_a_last_modified_line_is_dropped_a_sentence_starting_so_is_kept() -> None:
    # corpus traf__wbf.admin.ch.14093.html, edgi-wmp__cdc-after-travel-precautions__ja.html
    paragraphs = _paragraphs(LAST_MODIFIED)
    assert not [text for text in paragraphs if "14.02.2019" in text or "Aug. 28" in text]
    assert "Letzte Änderung der Verordnung" in paragraphs  # no date: a title, not the line
    assert any(text.startswith("Last updated in 2019, the guide") for text in paragraphs)
    # short sentences (under the label length) without a complete date are body text
    assert "Last updated in 2019, the guide covers 12 countries." in paragraphs
    assert "Actualizado: 300 muertos." in paragraphs


COMMENTS = f"""<html><body><main><h1>Deux ans et demi en Macronie</h1>
<h2>Une condamnation</h2><h3>Mustapha Laabid</h3>{TEXT}
<h3>Vos réactions</h3><div class="comments"><p>Un commentaire de lecteur.</p></div>
</main></body></html>"""
COPYRIGHT_LINE = f"""<html><body><main><h1>Title</h1>{TEXT}
<p><strong>【版权所有，未经授权不得转载】</strong></p></main></body></html>"""


def test_a_heading_with_nothing_under_it_at_the_end_is_dropped() -> None:
    # corpus traf__regards.fr.enquetes.html: the comments went as boilerplate, not their title.
    headings = [section.heading for section in parse_html(COMMENTS).sections]
    assert headings == ["Deux ans et demi en Macronie", "Une condamnation", "Mustapha Laabid"]


def test_a_closing_bold_paragraph_is_kept() -> None:
    # corpus rdbl__qq.html: read as a heading, it may be text (readability keeps it).
    headings = [section.heading for section in parse_html(COPYRIGHT_LINE).sections]
    assert headings[-1] == "【版权所有，未经授权不得转载】"


AD_SLOT = f"""<html><body><main><h1>Title</h1>{TEXT}
<div id="mid1-slug"><p>Advertisement</p></div><div class="teads-inread">
<div class="teads-ui-components-label">ADVERTISING</div></div>
<p>Werbung für Waffen ist in vielen Ländern verboten.</p></main></body></html>"""


def test_the_label_of_an_advertisement_slot_is_dropped() -> None:
    # corpus rdbl__nytimes-5.html "Advertisement", rdbl__cnn.html "ADVERTISING".
    paragraphs = _paragraphs(AD_SLOT)
    assert not {"Advertisement", "ADVERTISING"} & set(paragraphs)
    assert "Werbung für Waffen ist in vielen Ländern verboten." in paragraphs
