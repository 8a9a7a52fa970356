"""A hub page ("Nos combats", a section front) is made of cards: each card's title and
summary are its body (``sections._holding_close_rivals``; fixture body-hub.html), and a
card's "En savoir plus" link is no text (``sections._ends_in_navigation_link``)."""

from __future__ import annotations

import pytest

from pagevault import parse_html
from pagevault.model import Snapshot
from tests.body_texts import FIXTURES, body_texts

URL = "https://droits-ici.example/nos-combats"
CAUSES = [
    "Climat",
    "Personnes réfugiées",
    "Liberté d’expression",
    "Discriminations",
    "Peine de mort",
    "Commerce des armes",
]


def _hub(html: str | None = None) -> Snapshot:
    page = (FIXTURES / "body-hub.html").read_text(encoding="utf-8") if html is None else html
    return parse_html(page, url=URL)


def test_a_hub_page_keeps_its_cards_as_sections() -> None:
    sections = _hub().sections
    assert [section.heading for section in sections] == ["Nos combats", *CAUSES]
    assert [section.level for section in sections] == [1, 3, 3, 3, 3, 3, 3]
    assert sections[0].paragraphs[0].startswith("Depuis 1985, notre association")
    assert sections[1].paragraphs == (
        "Le dérèglement climatique menace les droits de millions de personnes : nous "
        "exigeons une sortie rapide des énergies fossiles et une transition juste.",
    )
    assert all(len(section.paragraphs) == 1 for section in sections)
    assert all(not section.items for section in sections)


def test_a_hub_page_keeps_no_menu_newsletter_nor_footer() -> None:
    texts = body_texts(_hub())
    assert "En savoir plus" not in texts
    assert not any("Restez informé" in text or "Recevez chaque mois" in text for text in texts)
    assert not any("Association loi 1901" in text or "Mentions légales" in text for text in texts)
    assert not any(text in ("Agir", "Actualités", "Faire un don") for text in texts)


def test_a_hub_page_in_a_main_element_reads_the_same() -> None:
    page = (FIXTURES / "body-hub.html").read_text(encoding="utf-8")
    in_main = page.replace('<div class="site-content">', "<main>").replace(
        "  </div>\n</div>\n<footer", "  </div>\n</main>\n<footer"
    )
    assert "</main>" in in_main
    assert _hub(in_main).sections == _hub().sections


def _card(number: int, summary_length: int) -> str:
    return (
        f"<div class='card'><div class='body'><h3><a href='/cause/{number}'>Cause {number}"
        f"</a></h3><p>{'Summary of the cause. ' * (summary_length // 22)}</p></div></div>"
    )


def _page(intro_length: int, cards: int, summary_length: int) -> str:
    intro = "Our association works for human rights. " * (intro_length // 40)
    grid = "".join(_card(number, summary_length) for number in range(cards))
    return (
        "<html><body><div class='page'><div class='intro'><h1>Our causes</h1>"
        f"<p>{intro}</p></div><section class='grid'>{grid}</section></div>"
        "<footer><p>Footer text of the association, with its address and phone.</p>"
        "</footer></body></html>"
    )


def test_cards_nearly_as_long_as_the_intro_are_the_body() -> None:
    texts = body_texts(parse_html(_page(200, 3, 170)))
    assert all(f"Cause {number}" in texts for number in range(3))
    assert any("human rights" in text for text in texts)


def test_two_cards_are_no_hub() -> None:
    # readability's rule: three blocks or more credited nearly as much as the densest
    texts = body_texts(parse_html(_page(200, 2, 170)))
    assert "Cause 0" not in texts and any("human rights" in text for text in texts)


def test_teasers_beside_a_text_are_no_hub() -> None:
    # a page's own text, far longer than each teaser's summary, is the column alone
    texts = body_texts(parse_html(_page(1200, 4, 170)))
    assert "Cause 0" not in texts and any("human rights" in text for text in texts)


def test_a_read_more_link_after_a_text_is_left_out() -> None:
    html = (
        "<main><h1>News</h1><div class='teaser'><h2>Our report</h2>"
        "<p>We counted 300 sites in 12 countries over two years of field work.</p>"
        "<a href='/report'>Read more</a></div>"
        "<div class='teaser'><h2>Our data</h2><p>All counts are public and free to reuse.</p>"
        "<a href='/data'>View this dataset</a></div></main>"
    )
    texts = body_texts(parse_html(html))
    assert "Read more" not in texts
    assert "View this dataset" in texts  # other lone links may be content


def test_the_read_more_label_of_a_card_that_is_one_link_is_left_out() -> None:
    cards = "".join(
        f"<a class='card' href='/cause/{number}'><h3>Cause {number}</h3>"
        f"<p>What cause {number} asks of the government, in a line or two.</p>"
        "<span class='button'>En savoir plus</span></a>"
        for number in range(3)
    )
    texts = body_texts(parse_html(f"<main><h1>Nos combats</h1>{cards}</main>"))
    assert "Cause 2" in texts and any("cause 2 asks" in text for text in texts)
    assert "En savoir plus" not in texts


@pytest.mark.parametrize(
    "name",
    [
        "site-footer",
        # review h1: names of the page's footer missed ("footer_breite": the corpus's
        # traf__cdu-fraktion-erfurt.de.waldorfschule.html)
        "main-footer",
        "footer-area",
        "l-footer",
        "footer_breite",
        "footer-bottom",
        "globalFooter",
        "fusszeile-unten",
    ],
)
def test_a_footer_ending_the_hub_column_is_no_body(name: str) -> None:
    # no <main>, <header> nor <footer>: the cards' column is the page's wrapper, whose
    # last block is the page's footer, named so
    cards = "".join(_card(number, 170) for number in range(4))
    html = (
        "<html><body><div id='page'><div class='intro'><h1>Our causes</h1>"
        f"<p>{'Our association works for human rights. ' * 5}</p></div>"
        f"<section class='grid'>{cards}</section><div class='{name}'>"
        "<p>Registered charity 1234567, funded by the generosity of the public alone.</p>"
        "<ul><li><a href='/legal'>Legal notice</a></li></ul></div></div></body></html>"
    )
    texts = body_texts(parse_html(html))
    assert all(f"Cause {number}" in texts for number in range(4))
    assert not any("Registered charity" in text or text == "Legal notice" for text in texts)


_REPORT = "The association worked with local partners to support families in the region. "
_METHODOLOGY = (
    "Figures were collected from 240 food banks between January and March; 18% of them "
    "did not answer the survey and were estimated."
)


@pytest.mark.parametrize("name", ["foot-notes", "content-footer", "report-footer", "footNotes"])
@pytest.mark.parametrize("column", ["main", "div role='main'", "article"])
def test_a_note_ending_a_main_column_is_body_whatever_its_class(column: str, name: str) -> None:
    # only a page wrapper's last block, named as the page's footer, is removed
    tag = column.split()[0]
    html = (
        f"<html><body><{column}><h1>Report</h1><p>{_REPORT * 3}</p><p>{_REPORT * 2}</p>"
        f"<div class='{name}'><h2>Methodology</h2><p>{_METHODOLOGY}</p></div></{tag}>"
        "<footer><p>Copyright 2024 Association.</p></footer></body></html>"
    )
    snapshot = parse_html(html)
    assert [section.heading for section in snapshot.sections] == ["Report", "Methodology"]
    assert _METHODOLOGY in body_texts(snapshot)


@pytest.mark.parametrize("name", ["foot-notes", "content-footer", "report-footer", "footNotes"])
def test_a_note_ending_the_hub_column_not_named_the_page_footer_is_body(name: str) -> None:
    cards = "".join(_card(number, 170) for number in range(4))
    html = (
        "<html><body><div id='page'><div class='intro'><h1>Our causes</h1>"
        f"<p>{'Our association works for human rights. ' * 5}</p></div>"
        f"<section class='grid'>{cards}</section><div class='{name}'>"
        f"<p>{_METHODOLOGY}</p></div></div></body></html>"
    )
    texts = body_texts(parse_html(html))
    assert all(f"Cause {number}" in texts for number in range(4))
    assert _METHODOLOGY in texts


def test_a_card_s_date_line_above_its_title_is_in_its_section() -> None:
    cards = "".join(
        f"<div class='col'><div class='card'><span class='date'>{date}</span>"
        f"<h3><a href='/n{number}'>Campaign {number}</a></h3>"
        f"<p>{'What the campaign asks of the government. ' * 5}</p></div></div>"
        for number, date in enumerate(["12.03.2019", "01.02.2018", "05.05.2017"])
    )
    html = (
        "<html><body><div class='wrap'><div class='intro'><h1>Our work</h1>"
        f"<p>{'Our association works for the right to food. ' * 5}</p></div>"
        f"<div class='row'>{cards}</div></div></body></html>"
    )
    sections = parse_html(html).sections
    assert [section.heading for section in sections] == [
        "Our work",
        "Campaign 0",
        "Campaign 1",
        "Campaign 2",
    ]
    assert [section.paragraphs[0] for section in sections[1:]] == [
        "12.03.2019",
        "01.02.2018",
        "05.05.2017",
    ]
    assert all(len(section.paragraphs) == 1 for section in sections[:1])


def test_a_date_line_ending_a_text_stays_in_its_section() -> None:
    html = (
        f"<main><h1>Statements</h1><h2>On the budget</h2><p>{_REPORT * 2}</p>"
        f"<p>12 March 2019</p><h2>On housing</h2><p>{_REPORT * 2}</p></main>"
    )
    sections = parse_html(html).sections
    assert sections[1].heading == "On the budget"
    assert sections[1].paragraphs[-1] == "12 March 2019"
    assert sections[2].paragraphs == ((_REPORT * 2).strip(),)


@pytest.mark.parametrize(
    "page",
    [
        # review d2: the byline opens the part after the title's
        "<main><section><h1>Annual review</h1></section><section><p>Published 12 March 2024"
        f"</p><h2>Summary</h2><p>{_REPORT}</p></section><section><h2>Our work</h2>"
        f"<p>{_REPORT * 3}</p></section></main>",
        # the byline opens the column, the title above it
        "<h1>Annual review</h1><main><div class='text'><p>Published 12 March 2024</p>"
        f"<h2>Summary</h2><p>{_REPORT}</p><h2>Our work</h2><p>{_REPORT * 3}</p></div></main>",
    ],
)
def test_a_byline_above_the_first_heading_stays_in_the_title_s_section(page: str) -> None:
    sections = parse_html(f"<html lang='en'><body>{page}</body></html>").sections
    assert [section.heading for section in sections] == ["Annual review", "Summary", "Our work"]
    assert sections[0].paragraphs == ("Published 12 March 2024",)
    assert sections[1].paragraphs == (_REPORT.strip(),)
