"""A layout column of links beside the one holding the page's article is no body
(``_boilerplate.beside_main_article``; corpus rdbl__cnn.html)."""

from __future__ import annotations

from pagevault import parse_html
from tests.body_texts import FIXTURES, body_texts


def test_a_rail_of_offers_beside_the_article_is_no_body() -> None:
    page = (FIXTURES / "body-rail.html").read_bytes()
    snapshot = parse_html(page, url="https://money.example/birth-lottery")
    texts = body_texts(snapshot)
    assert not any("Search for Jobs" in text or "point bonus" in text for text in texts)
    assert 40000 not in [statistic.value for statistic in snapshot.statistics]
    assert any("10th of 10" in text for text in texts)
    assert any("27%" in text for text in texts)


ARTICLE = (
    "<div class=col><article><h2>Figures</h2>"
    + "<p>We count 4,000 volunteers in 120 towns, who met 30,000 people last year.</p>" * 5
    + "</article></div>"
)


def _columnbody_texts(column: str) -> list[str]:
    return body_texts(
        parse_html(f"<main><h1>Our work</h1><div class=row>{ARTICLE}{column}</div></main>")
    )


def test_a_column_of_the_pages_own_list_is_kept() -> None:
    # no links: the page's own demands
    demands = "<h3>Our demands</h3><ul><li>Stop the cuts</li><li>Fund shelters</li></ul>"
    column = f"<div class=col>{demands}</div>"
    assert "Stop the cuts" in _columnbody_texts(column)


def test_a_column_with_a_paragraph_of_text_is_kept() -> None:
    text = (
        "A shelter in each of the 120 towns would cost 3 million euros a year, the study"
        " published by the federation of welfare associations says."
    )
    column = f"<div class=col><p><a href='/study'>{text}</a></p></div>"
    assert text in _columnbody_texts(column)


def test_a_column_of_another_class_is_kept() -> None:
    column = "<div class=box><ul><li><a href='/a'>Our annual report</a></li></ul></div>"
    assert "Our annual report" in _columnbody_texts(column)
    column = column.replace("box", "col")
    assert "Our annual report" not in _columnbody_texts(column)


def test_the_indentation_of_a_rail_is_no_text() -> None:
    # deep indentation (rdbl__cnn.html) would make the rail outweigh the article
    indent = "\n" + " " * 400
    items = "".join(f"{indent}<li><a href='/jobs/{n}'>Jobs {n}</a></li>" for n in range(8))
    column = f"<div class=col>{indent}<ul>{items}{indent}</ul>{indent}</div>"
    assert "Jobs 0" not in _columnbody_texts(column)
