"""A correction or editor's note in a short <article> after the page's article is body
text, not a signpost to other pages (``_boilerplate._is_correction``; fixture
body-correction.html)."""

from __future__ import annotations

from pagevault import parse_html
from tests.body_texts import FIXTURES, body_texts

ARTICLE = (
    "<article><h2>Figures</h2>"
    + "<p>Unemployment rose by 133,000 to 2,462,000 in January, less than in past years.</p>" * 20
    + "</article>"
)


def test_a_correction_after_the_article_is_kept() -> None:
    page = (FIXTURES / "body-correction.html").read_bytes()
    snapshot = parse_html(page, url="https://shore.example/news/beaches")
    texts = body_texts(snapshot)
    assert texts[-1] == (
        "Correction: An earlier version of this article misstated the weight of waste "
        "collected. It was 38 tonnes, not 83 tonnes."
    )
    # the tip pointing to the archive is still no body
    assert not any("Tip" in text or "archive" in text for text in texts)


def _last_paragraph(note: str) -> str:
    snapshot = parse_html(f"<main><h1>Jobs</h1>{ARTICLE}{note}</main>")
    return body_texts(snapshot)[-1]


def test_a_correction_holding_a_link_is_kept() -> None:
    note = (
        "<article><p><strong>Correction:</strong> the rise was 133,000, as <a "
        "href='/data/january'>the January figures</a> show, not 113,000.</p></article>"
    )
    assert _last_paragraph(note).startswith("Correction: the rise was 133,000")


def test_an_editors_note_is_kept() -> None:
    note = "<article><p>Editor’s note: this article was updated on 3 February.</p></article>"
    assert _last_paragraph(note).startswith("Editor’s note")


def test_a_note_pointing_to_other_pages_goes() -> None:
    note = "<article><p>Tip: all news of 2021 are on "
    note += "<a href='/news'>our news page</a>.</p></article>"
    assert _last_paragraph(note).startswith("Unemployment rose")
