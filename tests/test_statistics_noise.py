"""Round 5 of the statistics: units read from signs and compounds, and the numbers of a
page that are no figure about its subject (a document's size, hours, départements)."""

from __future__ import annotations

import pytest

from pagevault.numbers import find_figures
from tests.figures import figures as _figures
from tests.figures import rejected as _rejected
from tests.figures import section_statistics

# --- units ---------------------------------------------------------------------------


def test_a_unit_joined_by_a_hyphen_is_read() -> None:
    """Corpus edgi-wmp__datagov-highlights__a: the unit was lost, and "1-mile" was
    dropped as a tiny bare number."""
    text = "Indicators using 12-mile and 1-mile demarcations, 10-mile and 20-mile ones."
    assert _figures(text, "en") == [
        ("12", 12.0, "mile", "count"),
        ("1", 1.0, "mile", "count"),
        ("10", 10.0, "mile", "count"),
        ("20", 20.0, "mile", "count"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "unit", "kind"),
    [
        ("You can go to an 18-week coding bootcamp.", "en", "week", "duration"),
        ("NYCHA launched a 100-day engagement period.", "en", "day", "duration"),
        ("Eine 2-Zimmer-Wohnung kostet dort viel.", "de", "Zimmer", "count"),
    ],
)
def test_a_hyphen_compound_gives_unit_and_kind(text: str, lang: str, unit: str, kind: str) -> None:
    assert [(u, k) for _, _, u, k in _figures(text, lang)] == [(unit, kind)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Detecting 2-Butoxyethanol in ground waters.", "en"),  # a name
        ("1-prendre en considération la valeur du travail.", "fr"),  # a list item
        ("Ein 3-fach höherer Wert.", "de"),  # no German noun
        ("Sessions held 1-to-1 with each tenant.", "en"),  # a function word
    ],
)
def test_a_hyphen_word_that_is_no_unit_leaves_the_number_bare(text: str, lang: str) -> None:
    assert _figures(text, lang) == []


def test_a_year_joined_to_a_word_stays_a_year() -> None:
    assert _rejected("A 2016-era policy.", "en") == [("2016", "year")]


@pytest.mark.parametrize("text", ["below 1.5°C above", "The 1.5 °C rise", "a 1.5\u00a0°F rise"])
def test_degrees_are_the_unit(text: str) -> None:
    """Corpus traf__diem25.org.climate, traf__elpais.com.ciencia: "1.5°C" had no unit."""
    assert [unit for _, _, unit, _ in _figures(text, "en")] == ["°F" if "F" in text else "°C"]


def test_a_key_keeps_its_words_when_the_degrees_become_its_unit() -> None:
    """The words after "1.5°C" hold "C": the unit is not put before them again."""
    statistics = section_statistics("en", paragraphs=["Warming below 1.5°C now."])
    assert [(s.key, s.unit) for s in statistics] == [("s.warming-below-c-now", "°C")]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Ils ont imposé 6 millions de dollars en pénalités.", "fr", 6e6),
        ("Microsoft pagó 68.700 millones de dólares por ella.", "es", 68.7e9),
        ("Un budget de 2 millions d’euros par an.", "fr", 2e6),
    ],
)
def test_a_scale_word_before_a_currency_is_money(text: str, lang: str, value: float) -> None:
    """Corpus mercury__ici.radio-canada.ca, rdbl__nytimes-5: counts of "dollars"."""
    figures = _figures(text, lang)
    assert [(v, u, k) for _, v, u, k in figures] == [
        (value, "EUR" if "euros" in text else "USD", "money")
    ]


def test_a_percent_word_before_a_bracket_is_read() -> None:
    """Corpus traf__weisser-ring.de-Erfolgsgechichte: "18,1 Prozent)" was a count of
    "Prozent"."""
    text = "Die Quote lag bei 17,6 Prozent (2019: 17,4%, 2018: 18,1 Prozent) und sank."
    assert _figures(text, "de")[-1] == ("18,1 Prozent", 18.1, "%", "percent")


# --- no figures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "kept"),
    [
        ("The National Action Plan (PDF)(76 pp, 28.52 MB, About PDF) explains it.", "en", []),
        ("Addition of Global Warming Potentials (PDF)(1 pg, 46 K)", "en", []),
        ("Download the report (PDF, 245 KB): 43% of them agree.", "en", ["43%"]),
        ("Le rapport (PDF, 2 Mo) montre que 43 % des gens sont d’accord.", "fr", ["43 %"]),
        ("Appell an die Bundesregierung: 1.27 MB", "de", []),
    ],
)
def test_a_documents_size_and_page_count_are_no_figures(
    text: str, lang: str, kept: list[str]
) -> None:
    """Corpus edgi-wmp__epa-climate-federal-partner-collab__a, edgi-wmp__epa-ghgrp-
    factsheet, traf__greenpeace.de.nachhaltigleben."""
    figures, rejected = find_figures(text, lang)
    assert [figure.text for figure in figures] == kept
    assert rejected and {number.reason for number in rejected} == {"code"}


def test_a_parenthesis_without_a_format_or_size_keeps_its_figures() -> None:
    text = "Les salaires ont baissé (76 pages, 28 entreprises) et 12 Mo de données."
    assert [t for t, *_ in _figures(text, "en")] == ["76", "28", "12"]


@pytest.mark.parametrize(
    ("text", "lang", "rejected"),
    [
        ("Montag von 10 bis 12 Uhr und 17 bis 18 Uhr", "de", ["10 bis 12 Uhr", "17 bis 18 Uhr"]),
        ("Am 12. November 2021 um 10.30 Uhr", "de", ["12. November 2021", "10.30 Uhr"]),
        ("Se ha reunido a las 17.15 horas.", "es", ["17.15 horas"]),
        ("Vote in person between 12 and 8 p.m.On the first day", "en", ["12 and 8 p.m."]),
        ("Open from 9 to 5 pm daily.", "en", ["9 to 5 pm"]),
    ],
)
def test_hours_of_the_day_are_times(text: str, lang: str, rejected: list[str]) -> None:
    """Corpus hdate__blog.campact.de-Demokratie-Stiftung, traf__diakonie.de-
    Lebensgefuhl, hdate__elmundo.es-PSOE, traf__citylimits.org-Nycha: ranges of hours
    and "10.30 Uhr" were figures."""
    figures, refused = find_figures(text, lang)
    assert figures == []
    assert [number.text for number in refused] == rejected
    assert {number.reason for number in refused} <= {"time", "date", "year"}


def test_a_decimal_duration_in_hours_stays_a_figure() -> None:
    assert _figures("Es dauert 2,5 Stunden.", "de") == [("2,5", 2.5, "Stunden", "duration")]


def test_a_span_of_years_after_annees_is_years() -> None:
    """Corpus traf__blog.mondediplo.net.turpitude: "des années 1880-1990" was a range."""
    assert _rejected("80 % des constructions des années 1880-1990 ne respectent", "fr") == [
        ("1880-1990", "year")
    ]


def test_a_tax_code_section_is_a_code() -> None:
    """Corpus edgi-wb__whitehouse-ostp-student-faqs__view-mode: "501(c)(3)"."""
    assert _figures("the Internet Archive, a 501(c)(3) non-profit", "en") == []


def test_an_abbreviation_in_brackets_before_a_number_makes_it_a_code() -> None:
    """Corpus hdate__paris-luttes.info: "(CORG 81)" was a count."""
    assert _rejected("signalé au Centre (CORG 81), à 01h57", "fr")[0] == ("81", "code")
    assert _figures("un montant (EUR 5) versé", "fr") == [("EUR 5", 5.0, "EUR", "money")]


def test_a_french_departement_after_a_place_name_is_no_figure() -> None:
    """Corpus traf__sauvonsluniversite.com.spip: "(Saint-Denis, 93)", "(Mitry-Mory, 77)"."""
    text = (
        "lycée Angela Davis (Saint-Denis, 93), lycée Balzac (Mitry-Mory, 77), (Fort-de-France, 972)"
    )
    assert _rejected(text, "fr") == [("93", "postcode"), ("77", "postcode"), ("972", "postcode")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ils étaient (soit 93) au total.", "fr"),  # no place name
        ("Les résultats (Paris, 96) sont là.", "fr"),  # no département
        ("Results (Saint-Denis, 93) are in.", "en"),  # not a French page
    ],
)
def test_a_number_in_brackets_that_is_no_departement_stays_a_figure(text: str, lang: str) -> None:
    assert len(_figures(text, lang)) == 1


@pytest.mark.parametrize(
    ("text", "lang", "rejected"),
    [
        (
            "l’escadron 28/2 était venu relayer l’EGM 47/3",
            "fr",
            [("28/2", "date"), ("47/3", "code")],
        ),
        ("RSVP for our Zoom panel on 11/9: Trust", "en", [("11/9", "date")]),
        ("a 50/50 split", "en", [("50/50", "code")]),
    ],
)
def test_two_numbers_parted_by_a_slash_are_no_figure(
    text: str, lang: str, rejected: list[tuple[str, str]]
) -> None:
    """Corpus hdate__paris-luttes.info, traf__citylimits.org-Nycha: "28", "47", "11"
    were counts."""
    assert _figures(text, lang) == []
    assert _rejected(text, lang) == rejected


def test_a_fraction_is_left_as_it_was_read() -> None:
    assert _rejected("1/3 des personnes", "fr") == [("1", "small"), ("3", "small")]


def test_a_month_and_a_comma_before_a_day_and_year_make_a_date() -> None:
    """Corpus rdbl__yahoo-2: "Tuesday, Nov, 29, 2016" gave the count 29."""
    text = "In this photo dated Tuesday, Nov, 29, 2016 the rocket is installed."
    assert _figures(text, "en") == []
    assert _rejected(text, "en") == [("Nov, 29, 2016", "date")]
    assert _figures("In January, 5 people died.", "en") == [("5", 5.0, "people", "count")]


def test_a_day_after_its_weekday_is_a_date() -> None:
    """Corpus traf__sauvonsluniversite.com.spip: "le samedi 21 au matin"."""
    assert _rejected("Elle appelle à participer le samedi 21 au matin.", "fr") == [("21", "date")]
    assert _figures("Samedi 21 personnes ont manifesté.", "fr") == [
        ("21", 21.0, "personnes", "count")
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("voting in-person, at 2344 Bragg St., Apt. 1C between", "2344"),
        ("Washington Convention Center, 801 Mt Vernon Pl NW, Washington", "801"),
    ],
)
def test_a_street_number_is_no_figure(text: str, number: str) -> None:
    """Corpus traf__citylimits.org-Nycha, edgi-wmp__datagov-highlights__a."""
    assert _figures(text, "en") == []
    assert (number, "numbering") in _rejected(text, "en")


def test_a_number_before_capitalised_words_without_a_street_stays_a_figure() -> None:
    assert [t for t, *_ in _figures("Energy Announces 18 New Projects today.", "en")] == ["18"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The report assessed 10 wealthy countries.", "countries"),  # corpus rdbl__cnn
        ("to deliver 2.5 metric tons of fuel", "tons"),  # corpus rdbl__yahoo-2
        ("NGDC manages over 15 million nautical miles of data.", "miles"),
        ("more than 250 Arctic-related datasets (32 of which", "datasets"),
        ("Energy Announces 18 New Projects to Accelerate", "Projects"),
        ("Then 5 additional federal agencies joined.", "agencies"),
    ],
)
def test_an_english_figure_counts_the_noun_after_its_adjectives(text: str, unit: str) -> None:
    """Corpus edgi-wmp__datagov-highlights__a, edgi-wmd__energy-gov-home__v1: the unit
    was the adjective ("nautical", "Arctic-related", "New")."""
    assert _figures(text, "en")[0][2] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("At least 100 killed in the attack.", "killed"),  # no noun after it
        ("Only 1 animal survived.", "animal"),  # a singular noun after one
    ],
)
def test_a_word_without_a_noun_after_it_stays_the_unit(text: str, unit: str) -> None:
    assert _figures(text, "en")[0][2] == unit


@pytest.mark.parametrize(
    ("text", "lang"),
    [("1 - 5 of 218 results.", "en"), ("1-10 sur 1 245 résultats", "fr")],
)
def test_a_page_of_search_results_is_no_figure(text: str, lang: str) -> None:
    """Corpus hdate__greenpeace.org.forests: "1 - 5" and "218 results" were figures."""
    assert _figures(text, lang) == []
    assert _rejected(text, lang) == [(text.rstrip("."), "numbering")]


def test_bare_numbers_listed_alone_are_no_statistics() -> None:
    """Corpus hdate__greenpeace.org.forests: a "results per page" list ("10", "20")
    gave two counts, one the caption of the other. A stat card keeps its caption, and
    a figure with a unit alone in its text stays."""
    items = ("Results per page", "10", "20", "83 %", "des réfugiés", "40 %", "12 %")
    statistics = section_statistics("fr", items=items)
    assert [(s.text, s.context) for s in statistics] == [
        ("83 %", "des réfugiés"),
        ("40 %", "12 %"),
        ("12 %", "12 %"),
    ]


def test_a_scale_word_joined_by_a_hyphen_is_no_unit() -> None:
    """The march of "a 2-million-strong march" is no count of "million" worth 2: the
    number stays bare (and tiny, as before)."""
    assert _figures("They held a 2-million-strong march.", "en") == []
