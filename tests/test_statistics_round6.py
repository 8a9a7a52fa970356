"""Round 6 of the statistics: units shared by alternatives, cents, slash and formula
units, ranges opened a few words before, and numbers of names, addresses and widgets
that are no figure (each from a corpus page, written here inline)."""

from __future__ import annotations

import pytest

from tests.figures import figures as _figures
from tests.figures import rejected as _rejected
from tests.figures import section_statistics

# --- 1. kind and unit ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Das bedeutet eine Reduktion um 85 beziehungsweise. 44 Prozent.", "de"),
        ("Das bedeutet eine Reduktion um 85 beziehungsweise 44 Prozent.", "de"),
        ("Eine Reduktion um 85 bzw. 44 Prozent.", "de"),
    ],
)
def test_the_first_of_two_alternatives_shares_the_unit_of_the_second(text: str, lang: str) -> None:
    """Corpus traf__greenpeace.de.nachhaltigleben: "85" was a count of nothing."""
    assert [(value, unit, kind) for _, value, unit, kind in _figures(text, lang)] == [
        (85.0, "%", "percent"),
        (44.0, "%", "percent"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Of the 500 respondents, 150 or 30 percent said they had been harassed.", "en"),
        ("De los 500 encuestados, 150 o 30 por ciento dijeron que sí.", "es"),
        ("Sur 500 personnes, 150 ou 30 % ont répondu.", "fr"),
    ],
)
def test_a_count_or_its_share_in_percent_stays_a_count(text: str, lang: str) -> None:
    """(review) "150 or 30 percent": 150 people, 30 % of them; only "beziehungsweise"
    (respectively) makes both alternatives percents."""
    counts = [value for _, value, _, kind in _figures(text, lang) if kind == "count"]
    assert 150.0 in counts


def test_alternatives_share_a_scale_and_a_currency() -> None:
    first = _figures("2 or 3 million euros", "en")[0]
    assert first[1:] == (2e6, "EUR", "money")


def test_a_number_with_its_own_noun_keeps_it() -> None:
    assert _figures("15 people or 10 percent", "en")[0] == ("15", 15.0, "people", "count")


def test_a_year_before_an_alternative_is_no_percent() -> None:
    assert _rejected("Sales fell since 2019 or 45 percent of them closed.", "en") == [
        ("2019", "year")
    ]


def test_euro_cents_are_money_in_euros() -> None:
    """Corpus traf__linksfraktion.de-Abzocke: "1,4 Cent" was a count of "Cent"."""
    text = "Barenberg: Es geht um 1,4 Cent bei Sprit."
    assert _figures(text, "de") == [("1,4", 0.014, "EUR", "money")]


def test_english_cents_are_left_as_they_were() -> None:
    """Dollar or euro cents: the page does not say which."""
    assert _figures("a rise of 15 cents a gallon", "en")[0][2:] == ("cents", "count")


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "die Grenze von 270 g/kWh direkten Emissionen oder 550 kg/kW durchschnittlichen",
            ["g/kWh", "kg/kW"],
        ),
        ("mit 30 km/h durch die Stadt", ["km/h"]),
    ],
)
def test_a_unit_written_with_a_slash_is_kept_whole(text: str, units: list[str]) -> None:
    """Corpus traf__umweltbundesamt.de-atomkraft: "270 g/kWh" had no unit (a German
    lower-case word after a number is no noun; a unit with a slash is one)."""
    assert [unit for _, _, unit, _ in _figures(text, "de")] == units


def test_and_or_after_a_number_is_no_unit() -> None:
    assert _figures("5 and/or 6 people", "en") == [("6", 6.0, "people", "count")]


def test_a_subscript_written_apart_stays_in_its_formula() -> None:
    """Corpus traf__diem25.org.climate: "GtCO<sub>2</sub>eq" reads "GtCO 2 eq"."""
    text = "emissions in 2030 of 52–58 GtCO 2 eq yr −1 (medium confidence)."
    assert _figures(text, "en") == [("52–58", 52.0, "GtCO2eq", "range")]


def test_a_key_does_not_repeat_a_unit_its_words_spell() -> None:
    statistics = section_statistics(
        "de", paragraphs=["Die Grenze von 270 g/kWh direkten Emissionen."]
    )
    assert [(s.key, s.unit) for s in statistics] == [("s.grenze-von-g-kwh", "g/kWh")]


# --- 2. ranges -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "range_text"),
    [
        (
            "the ratio of employed men and women between the ages of 25 and 54 compared to",
            "en",
            "25 and 54",
        ),
        ("Menschen zwischen den Altersstufen 25 und 54 arbeiten", "de", "25 und 54"),
        ("les personnes entre les âges de 25 et 54 ans", "fr", "25 et 54"),
    ],
)
def test_a_range_opened_a_few_words_before_is_one_figure(
    text: str, lang: str, range_text: str
) -> None:
    """Corpus rdbl__cnn: "25" and "54" were two counts."""
    assert [(t, kind) for t, _, _, kind in _figures(text, lang)] == [(range_text, "range")]


def test_a_number_between_the_opener_and_the_range_keeps_them_apart() -> None:
    text = "between 2010 and 2015, 5 and 10 people"
    assert "range" not in [kind for *_, kind in _figures(text, "en")]


# --- 3. names and listicles ----------------------------------------------------------


def test_a_year_inside_a_name_is_a_year() -> None:
    """Corpus edgi-wmp__datagov-highlights__a: "Data Transparency 2016 website"."""
    text = "Data Transparency 2016 website: http://www.datafoundation.org/dt-2016"
    assert _figures(text, "en") == []
    assert _rejected(text, "en") == [("2016", "year")]


@pytest.mark.parametrize(
    "text", ["About 2000 people came.", "Nearly 2000 people came.", "There were 2000 people."]
)
def test_a_year_like_count_after_no_name_stays_a_count(text: str) -> None:
    assert [value for _, value, _, _ in _figures(text, "en")] == [2000.0]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("EPA Analysis of FracFocus 1.0 Data", "en"), ("Die Industrie 4.0 kommt.", "de")],
)
def test_a_point_zero_after_a_name_is_a_version(text: str, lang: str) -> None:
    """Corpus edgi-wmp__epa-hfstudy-research: "FracFocus 1.0" was a count of "Data"."""
    assert _figures(text, lang) == []
    assert _rejected(text, lang)[0][1] == "version"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Top 10 Things You Didn't Know About Wind Power", "en"),
        ("On vous aurait bien fait un top 10 des macronistes.", "fr"),
    ],
)
def test_a_top_ten_is_a_ranking(text: str, lang: str) -> None:
    """Corpus edgi-wmd__energy-gov-home, traf__regards.fr.enquetes."""
    assert _figures(text, lang) == []
    assert _rejected(text, lang) == [("10", "numbering")]


def test_the_top_one_percent_stays_a_figure() -> None:
    assert _figures("the top 1% own half", "en") == [("1%", 1.0, "%", "percent")]


def test_a_german_count_before_a_noun_stays() -> None:
    assert _figures("Es gibt 100 Kinder hier.", "de") == [("100", 100.0, "Kinder", "count")]


# --- 4. codes --------------------------------------------------------------------------


def test_a_four_digit_postcode_in_an_address_line_is_no_figure() -> None:
    """Corpus traf__wbf.admin.ch.14093: "3003 Bern" was a count of "Bern"."""
    text = "Presse- und Informationsdienst UVEK, Bundeshaus Nord, 3003 Bern +41.31.322.55.11"
    assert _figures(text, "de") == []
    assert ("3003", "postcode") in _rejected(text, "de")


@pytest.mark.parametrize(
    "text",
    [
        "Insgesamt, 3000 Menschen.",
        "Im Jahr, 3000 Menschen",
        "Im Jahr, 3000 Menschen | 12 Länder",  # (review) a bar is no address's end
        "Im Jahr, 3000 Menschen 24 Tage lang",
    ],
)
def test_a_four_digit_count_after_a_comma_stays(text: str) -> None:
    assert next(value for _, value, _, _ in _figures(text, "de")) == 3000.0


def test_another_extension_of_a_phone_number_is_no_figure() -> None:
    """Corpus traf__malteser.de-Bevolkerungsschutz: "2202" was a count."""
    text = "Malteser Hilfsdienst: presse@malteser.org; Tel. 0221 / 9822 – 2220 oder - 2202"
    assert _figures(text, "de") == []
    assert _rejected(text, "de") == [("0221 / 9822 – 2220", "phone"), ("2202", "phone")]


def test_a_count_after_a_phone_number_stays() -> None:
    text = "Tel. 0221 / 9822 – 2220. Es kamen 2202 Menschen."
    assert [value for _, value, _, _ in _figures(text, "de")] == [2202.0]


# --- 5. widgets ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0% vom Ziel erreicht", "45% of goal reached"])
def test_a_donation_progress_widget_is_no_figure(text: str) -> None:
    """Corpus traf__greenpeace.de.nachhaltigleben: "0% vom Ziel erreicht"."""
    assert _figures(text, "de") == []


def test_a_percent_of_a_goal_inside_a_sentence_stays() -> None:
    text = "Wir haben 80% vom Ziel erreicht."
    assert [kind for *_, kind in _figures(text, "de")] == ["percent"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Last year in Gaza 2000 children were killed.", 2000.0),
        ("Flooding Leaves 2000 Families Homeless", 2000.0),
        ("The Arctic Warms 2.0 Degrees Faster than the rest.", 2.0),
    ],
)
def test_a_count_of_a_plural_noun_after_a_name_stays_a_count(text: str, count: float) -> None:
    """(review) the edition-year and version rules read "2016 website", "1.0 Data": a
    count of more than one takes a plural noun."""
    assert count in [value for _, value, _, _ in _figures(text, "en")]


def test_a_range_closed_before_the_number_opens_none() -> None:
    """(review) "between men and women 10 and 20 years ago": two figures, not a range."""
    figures = _figures("The gap between men and women 10 and 20 years ago was smaller.", "en")
    assert [(text, kind) for text, _, _, kind in figures] == [
        ("10", "count"),
        ("20", "duration"),
    ]


def test_spanish_centimos_are_no_euro_money() -> None:
    """(review) a céntimo is also a sol's or a colón's: not EUR on a Spanish page."""
    figures = _figures("Subió 3 céntimos por litro.", "es")
    assert all(unit != "EUR" for _, _, unit, _ in figures)
