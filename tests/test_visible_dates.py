"""A page's publication date read next to its title when its metadata has none."""

from __future__ import annotations

import pytest

from pagevault import parse_html
from pagevault.extract.dates import parse_text_date, short_year_date

BODY = "<p>Le texte de l'article, assez long pour être une vraie phrase du contenu.</p>"


def _published(main: str, head: str = "", lang: str = "fr") -> str | None:
    html = f"<html lang={lang}><head>{head}</head><body><main>{main}</main></body></html>"
    return parse_html(html, url="https://www.asso.example/article").published


def test_a_byline_under_the_title_dates_the_page() -> None:
    main = f'<h1>Droit d\'asile</h1><p class="meta">Publié le 5 janvier 2024</p>{BODY}'
    assert _published(main) == "2024-01-05"


def test_a_dateline_over_the_title_dates_the_page() -> None:
    main = f'<div class="headline-info"><span>02. November 2021</span></div><h1>Waffen</h1>{BODY}'
    assert _published(main, lang="de") == "2021-11-02"


def test_the_metadata_date_wins() -> None:
    head = '<meta property="article:published_time" content="2023-03-01">'
    main = f"<h1>Titre</h1><p>Publié le 5 janvier 2024</p>{BODY}"
    assert _published(main, head) == "2023-03-01"


@pytest.mark.parametrize(
    "main",
    [
        # no title in the main column: a home page or a listing, its dates are teasers'
        f'<div class="teaser"><span class="date">22.09.2017</span></div>{BODY}',
        # a date in a sentence of the text, not a byline
        "<h1>Titre</h1><p>Le 5 janvier 2024, plus de 29 000 personnes ont manifesté.</p>",
        # a date in a link: a comment thread, a list of other articles
        f'<h1>Titre</h1>{BODY}<ul><li><a href="/c1">Anne (3 mai 2024) :</a></li></ul>',
        # a byline too far below the title
        "<h1>Titre</h1>" + BODY * 10 + "<p>Publié le 5 janvier 2024</p>",
    ],
)
def test_no_date_is_guessed_from_teasers_sentences_links_or_far_text(main: str) -> None:
    assert _published(main) is None


@pytest.mark.parametrize(
    ("lang", "iso"),
    [("en", "2016-05-04"), ("en-US", "2016-05-04"), ("en-GB", "2016-04-05"), ("fr", "2016-04-05")],
)
def test_numeric_dates_put_the_month_first_only_in_american_english(lang: str, iso: str) -> None:
    assert parse_text_date("05/04/2016", lang) == iso


def test_a_dateline_opening_the_first_paragraph_dates_the_page() -> None:
    """traf__arbeitsagentur.de-arbeitsmarkt.html: the month's report opens with its date."""
    main = (
        "<h1>Arbeitslosenquote 2022</h1><p>Die Bundesagentur veröffentlicht monatlich.</p>"
        "<h2>Entwicklung 2022</h2><h3>Auf Erholungskurs</h3>"
        "<p><strong>01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr 2022 gestartet.“, sagte"
        "</strong> der Vorstand heute in Nürnberg.</p>"
    )
    assert _published(main, lang="de") == "2022-02-01"


@pytest.mark.parametrize(
    "paragraph",
    [
        # a date inside the sentence, not opening it
        "<p>Seit dem 01.02.2022 ist die Zahl der arbeitslosen Menschen gestiegen.</p>",
        # a linked text opening with a date: another page's teaser
        '<p><a href="/meldung">01.02.2022 Der Arbeitsmarkt ist gut gestartet</a></p>',
        # a date glued to other text is a number, not a dateline
        "<p>01.02.2022-Bericht: der Arbeitsmarkt ist gut in das Jahr gestartet.</p>",
    ],
)
def test_only_a_date_opening_an_unlinked_text_is_a_dateline(paragraph: str) -> None:
    assert _published(f"<h1>Arbeitsmarkt</h1>{paragraph}", lang="de") is None


def test_a_byline_indented_over_several_source_lines_is_short() -> None:
    """traf__bund.net-hermlin.html: the byline's text node is 58 characters in the source,
    37 as shown."""
    byline = "\n    01. November 2021\n    \n        |\n        Naturschutz, BUND\n    \n\n"
    main = f'<h1>Unser Tipp im November</h1><p class="caption">{byline}</p>{BODY}'
    assert _published(main, lang="de") == "2021-11-01"


def test_a_title_above_the_main_column_is_dated_by_its_intro_block() -> None:
    """traf__bund.net-hermlin.html: the <h1> and its byline stand in an intro block
    above the article's column."""
    page = """<html lang=de><body>
      <div class="intro"><h1>Unser Tipp im November: Das Hermelin</h1>
        <p class="caption">01. November 2021 | Naturschutz, BUND</p></div>
      <main><p>Das Hermelin ist ein kleiner Marder.</p>
        <p>Es lebt in Hecken und Wiesen und jagt Mäuse.</p></main></body></html>"""
    assert parse_html(page).published == "2021-11-01"


def test_a_logo_title_in_the_page_header_is_not_dated_by_the_header() -> None:
    page = """<html lang=fr><body>
      <header><h1>Regards</h1><span>Dimanche 30 septembre 2018</span></header>
      <main><h2>Enquête</h2><p>Un long texte sur le logement.</p>
        <p>Et encore un paragraphe.</p></main></body></html>"""
    assert parse_html(page).published is None


def test_a_byline_of_a_two_digit_year_date_dates_the_page() -> None:
    """hdate__hertie-school.org.leyen.html: "02.12.19" stands alone over the title."""
    main = f'<span class="date">02.12.19</span><h1>What is on the cards?</h1>{BODY}'
    assert _published(main, lang="en") == "2019-12-02"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("02.12.19", "2019-12-02"),
        ("24.12.98", "1998-12-24"),
        ("31.02.19", None),  # no 31 February
        # the window's ends: 2000..2030, then 1990..1999
        ("01.01.00", "2000-01-01"),
        ("31.12.30", "2030-12-31"),
        ("01.01.90", "1990-01-01"),
        ("31.12.99", "1999-12-31"),
    ],
)
def test_a_two_digit_year_is_a_year_of_the_web(text: str, iso: str | None) -> None:
    assert short_year_date(text) == iso


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("12/03/98", "fr", "1998-03-12"),
        ("12/03/98", "en-GB", "1998-03-12"),
        ("12/03/98", "en-US", "1998-12-03"),
        ("12/03/98", "en_us", "1998-12-03"),
        # plain "en" (UK, Irish, international sites): ambiguous, no date
        ("12/03/98", "en", None),
        ("12/03/98", "EN", None),
        # ... unless only one reading is a date
        ("13/03/98", "en", "1998-03-13"),
        ("03/13/98", "en", "1998-03-13"),
        ("05/05/98", "en", "1998-05-05"),
        ("02.12.19", "en", "2019-12-02"),  # dotted: day first, whatever the language
        ("12/03-98", "fr", None),  # one separator, not two
    ],
)
def test_a_slashed_two_digit_year_reads_as_the_page_language_writes_dates(
    text: str, lang: str, iso: str | None
) -> None:
    assert short_year_date(text, lang) == iso


def test_an_ambiguous_slashed_two_digit_year_on_a_plain_english_page_is_no_date() -> None:
    """Many UK, Irish and international NGO sites declare only "en": "12/03/98" there
    may be 12 March or 3 December, and a wrong date is worse than none."""
    main = f'<p class="byline">12/03/98</p><h1>Rights</h1>{BODY}'
    assert _published(main, lang="en") is None
    assert _published(main, lang="en-US") == "1998-12-03"


def test_a_byline_of_a_slashed_two_digit_year_dates_the_page() -> None:
    main = f'<span class="date">03/11/21</span><h1>Droit d\'asile</h1>{BODY}'
    assert _published(main) == "2021-11-03"


@pytest.mark.parametrize("text", ["01.05.45", "01.01.31", "31.12.89", "01.01.69", "01/05/45"])
def test_a_two_digit_year_outside_the_web_years_is_no_date(text: str) -> None:
    """POSIX's pivot read "01.05.45" as 2045, a date in the future of any page, and
    "01.01.69" as 1969, before the web: neither is a page's date."""
    assert short_year_date(text) is None


def test_a_byline_of_a_two_digit_year_out_of_the_window_leaves_the_page_undated() -> None:
    main = f'<span class="date">01.05.45</span><h1>Kriegsende in Bonn</h1>{BODY}'
    assert _published(main, lang="de") is None


@pytest.mark.parametrize(
    "byline",
    [
        "Version 02.12.19",  # not the text's only content: a number among words
        "2.12.19",  # not zero-padded: a section number as well as a date
    ],
)
def test_a_two_digit_year_is_read_only_from_a_text_made_of_the_date(byline: str) -> None:
    assert _published(f"<span>{byline}</span><h1>Titre</h1>{BODY}") is None


def test_a_dateline_after_its_place_dates_the_page() -> None:
    """traf__wbf.admin.ch.14093.html: the Swiss government's news open with their place
    and date."""
    main = (
        "<h1>Städteschutz statt Alpentrutz</h1><p><strong>Bern,&nbsp;17.08.2007&nbsp;-&nbsp;"
        "Rede von Moritz Leuenberger beim SP-Städtegipfel, Basel, 18. August 2007</strong></p>"
        f"{BODY}"
    )
    assert _published(main, lang="de") == "2007-08-17"


@pytest.mark.parametrize(
    "paragraph",
    [
        # a weekday and a date opening a sentence: no dash after the date
        "Am Montag, 17.08.2007 hat der Bundesrat die Vorlage beschlossen, sagte er heute.",
        # a sentence's words before the date are not a place
        "Die Regierung hat gestern, 17.08.2007 - so der Sprecher - die Vorlage beschlossen.",
    ],
)
def test_a_place_before_a_dateline_is_capitalised_words_and_a_dash_follows(
    paragraph: str,
) -> None:
    assert _published(f"<h1>Städteschutz</h1><p>{paragraph}</p>", lang="de") is None


@pytest.mark.parametrize(
    ("main", "lang"),
    [
        (f"<h1>Mindestlohn</h1><p>Stand: 12.03.2021</p>{BODY}", "de"),
        (f"<p>Zuletzt aktualisiert am 12.03.2021</p><h1>Mindestlohn</h1>{BODY}", "de"),
        (f"<h1>Logement</h1><p><i>Article mis à jour le 7 janvier 2020.</i></p>{BODY}", "fr"),
        (f"<h1>Wages</h1><p><span>Last updated:</span> <time>May 5, 2020</time></p>{BODY}", "en"),
        (f"<h1>Salarios</h1><p>Actualizado el 5 de mayo de 2020</p>{BODY}", "es"),
    ],
)
def test_a_date_labelled_as_an_update_is_not_the_publication(main: str, lang: str) -> None:
    assert _published(main, lang=lang) is None


@pytest.mark.parametrize(
    ("main", "lang", "iso"),
    [
        # the publication comes first, the update after it
        (f"<h1>Mindestlohn</h1><p>01.02.2021 (Stand: 05.02.2021)</p>{BODY}", "de", "2021-02-01"),
        # a title with an update word is not the byline's label
        (f"<h1>Stand der Dinge</h1><p>12.03.2021</p>{BODY}", "de", "2021-03-12"),
        # an update's date skipped, the publication's read after it
        (
            f"<h1>Wages</h1><p>Updated May 7, 2020</p><p>Published May 5, 2020</p>{BODY}",
            "en",
            "2020-05-05",
        ),
    ],
)
def test_a_publication_date_beside_an_update_label_is_read(main: str, lang: str, iso: str) -> None:
    assert _published(main, lang=lang) == iso
