"""Round 7 of the statistics (an audit of every figure of the corpus): inline list
markers, phrases for "round the clock", comment counters, fractions and the units of
German adjectives (each from a corpus page, written here inline)."""

from __future__ import annotations

import pytest

from pagevault.numbers import find_figures
from tests.figures import figures as _figures
from tests.figures import rejected as _rejected

# --- numbers that are no figure --------------------------------------------------------


def test_the_markers_of_a_list_written_inline_are_no_figures() -> None:
    """Corpus rdbl__cnn: "10" of "9. Spain 10. United States" was a count of nothing."""
    text = "The rankings were as follows: 1. Finland 2. Norway 9. Spain 10. United States"
    assert _figures(text, "en") == []
    assert ("10", "numbering") in _rejected(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "It rose to 9. Then it fell. It grew to 10. Then it stayed.",  # sentences between
        "Items 19. Foo 10. Bar",  # "19" is no "9"
    ],
)
def test_a_number_ending_a_sentence_after_its_predecessor_stays(text: str) -> None:
    assert ("10", 10.0, None, "count") in _figures(text, "en")


@pytest.mark.parametrize(
    ("text", "lang", "phrases"),
    [
        ("une supérette ouverte 24 heures sur 24.", "fr", ["24 heures sur 24"]),
        ("ouverte 24 h sur 24, 7 jours sur 7.", "fr", ["24 h sur 24", "7 jours sur 7"]),
        ("Die Hotline ist 24 Stunden am Tag, 7 Tage die Woche erreichbar.", "de", None),
        ("We are open 24 hours a day, 7 days a week, 365 days a year.", "en", None),
        ("Atención 24 horas al día y 7 días a la semana.", "es", None),
    ],
)
def test_round_the_clock_written_with_numbers_is_no_figure(
    text: str, lang: str, phrases: list[str] | None
) -> None:
    """Corpus traf__blog.mondediplo.net.turpitude: "24 heures sur 24" was two figures,
    24 hours and a count of 24."""
    assert _figures(text, lang) == []
    if phrases is not None:
        assert [number for number, _ in _rejected(text, lang)] == phrases


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("Staff work 24 hours a week and 7 days a month.", "en", [24.0, 7.0]),
        ("Il reste 24 heures sur 240 prévues.", "fr", [0.1]),  # a ratio
    ],
)
def test_hours_of_a_week_and_other_numbers_stay(text: str, lang: str, values: list[float]) -> None:
    assert [value for _, value, _, _ in _figures(text, lang)] == values


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("dass sich Bayern von der 10-H- Abstandsregel verabschiedet", "de"),
        ("als Alternative zu 10-H lehnen wir ab.", "de"),
        ("Join one of the 4-H clubs near you.", "en"),
        ("The annual 10-K filing is due.", "en"),
    ],
)
def test_a_number_joined_to_capitals_is_a_name(text: str, lang: str) -> None:
    """Corpus traf__bund-naturschutz.de-habeck: the "10-H" rule (ten times a wind
    turbine's height) was five counts of 10."""
    assert _figures(text, lang) == []
    assert [reason for _, reason in _rejected(text, lang)] == ["code"]


def test_a_number_joined_to_a_word_keeps_it() -> None:
    """A word of more than two letters ("10-Mile") is no code."""
    assert _figures("a 100-day period and a 10-Mile run", "en") == [
        ("100", 100.0, "day", "duration"),
        ("10", 10.0, None, "count"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Blog entry by Annisa Rahmawati | 21 February, 2017 1 comment", "en"),
        ("Posted by Jane | 12 comments", "en"),
        ("Publié le 3 mars 2020 | 4 commentaires", "fr"),
        ("Von Max | 12 Kommentare", "de"),
        ("Por Ana | 3 comentarios", "es"),
    ],
)
def test_a_comment_counter_under_a_title_is_no_figure(text: str, lang: str) -> None:
    """Corpus hdate__greenpeace.org.forests: "1 comment" after a post's date was a
    count of comments."""
    assert _figures(text, lang) == []


@pytest.mark.parametrize(
    "text", ["40,000 comments", "The rule drew 40,000 comments", "The rule drew 40,000 comments."]
)
def test_a_count_of_comments_in_a_sentence_or_a_card_stays(text: str) -> None:
    assert _figures(text, "en") == [("40,000", 40000.0, "comments", "count")]


# --- figures lost --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "It stopped transmitting data 6 ½ minutes after the launch.",
            "en",
            [("6 ½", 6.5, "minutes", "duration")],
        ),
        (
            "Il a fallu 2½ ans et 3 ¼ %.",
            "fr",
            [("2½", 2.5, "ans", "duration"), ("3 ¼ %", 3.25, "%", "percent")],
        ),
        (
            "It cost 1 ¾ million dollars.",
            "en",
            [("1 ¾ million dollars", 1_750_000.0, "USD", "money")],
        ),
    ],
)
def test_a_fraction_after_a_number_is_part_of_it(
    text: str, lang: str, expected: list[tuple[str, float, str, str]]
) -> None:
    """Corpus rdbl__yahoo-2: "6 ½ minutes" was dropped as the small number 6."""
    assert _figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("and levy a .07% fee on the biggest banks", [(".07%", 0.07, "%", "percent")]),
        ("It costs $.50 a day.", [("$.50", 0.5, "USD", "money")]),
        ("The rate rose .075 percent.", [(".075 percent", 0.075, "%", "percent")]),
    ],
)
def test_a_decimal_written_without_its_zero_is_read(
    text: str, expected: list[tuple[str, float, str, str]]
) -> None:
    """Corpus mercury__obamawhitehouse.archives.gov--speeches: ".07%" was lost."""
    assert _figures(text, "en") == expected


@pytest.mark.parametrize("text", ["a .45 caliber gun", "the end.07 of it"])
def test_a_point_before_digits_without_a_unit_reads_no_figure(text: str) -> None:
    """A bare decimal without its zero is a name as often (".45 caliber")."""
    assert _figures(text, "en") == []


# --- units ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "Jede:r Deutsche kauft im Schnitt rund 60 neue Kleidungsstücke pro Jahr.",
            "Kleidungsstücke",
        ),
        (
            "Ein Bündnis aus mehr als 50 zivilgesellschaftlichen Organisationen fordert",
            "Organisationen",
        ),
        ("Es kamen 30 ehrenamtliche Helfer.", "Helfer"),
        ("Dazu 12 finanzielle Zusagen.", "Zusagen"),
    ],
)
def test_a_german_adjective_before_its_noun_leaves_the_noun_the_unit(text: str, unit: str) -> None:
    """Corpus traf__greenpeace.de.nachhaltigleben: "60 neue Kleidungsstücke" and "50
    zivilgesellschaftlichen Organisationen" had no unit."""
    assert [figure_unit for _, _, figure_unit, _ in _figures(text, "de")] == [unit]


@pytest.mark.parametrize(
    "text",
    [
        "Schon im Jahr 2019 konnten zwei Millionen ihre Wohnung nicht mehr heizen.",
        "Rund 300 benötigen Hilfe.",
        "Die Arbeitslosigkeit hat um 48.000 abgenommen.",
        "Mehr als 180 internationalen, regionalen und nationalen Organisationen.",
    ],
)
def test_a_german_verb_or_pronoun_after_a_number_is_no_adjective(text: str) -> None:
    assert [unit for _, _, unit, _ in _figures(text, "de") if unit] == []


# --- ranges --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "wäre bis zur Mitte des Jahrhunderts zehn bis 13 Prozent des Budgets aufgebraucht",
            "de",
            ("zehn bis 13 Prozent", 10.0, "%", "range"),
        ),
        (
            "between five and 15 percent of the budget",
            "en",
            ("five and 15 percent", 5.0, "%", "range"),
        ),
        ("entre cinq et 20 % du budget", "fr", ("cinq et 20 %", 5.0, "%", "range")),
        (
            "entre dos y 15 millones de personas",
            "es",
            ("dos y 15 millones", 2_000_000.0, "personas", "range"),
        ),
    ],
)
def test_a_range_opened_by_a_spelled_out_number_is_one_figure(
    text: str, lang: str, expected: tuple[str, float, str, str]
) -> None:
    """Corpus traf__greenpeace.de.nachhaltigleben: "zehn bis 13 Prozent" was 13 %."""
    assert _figures(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it rose by five and 15 percent", ("15 percent", 15.0, "%", "percent")),  # no opener
        ("between ten and 5 people", ("5", 5.0, "people", "count")),  # not rising
        ("no one to 10 people", ("10", 10.0, "people", "count")),  # "one" opens none
    ],
)
def test_a_spelled_out_number_that_opens_no_range_is_left(
    text: str, expected: tuple[str, float, str, str]
) -> None:
    assert _figures(text, "en") == [expected]


def test_a_word_ending_a_ratio_opens_no_range() -> None:
    assert _figures("une personne sur cinq à 10 % près", "fr") == [
        ("une personne sur cinq", 0.2, "personne", "ratio"),
        ("10 %", 10.0, "%", "percent"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "community colleges create partnerships with Fortune 500 companies",
        "The S&P 500 rose, and so did the Euro Stoxx 50.",
        "She made the Forbes 400 list.",
    ],
)
def test_a_ranking_or_an_index_named_with_a_number_is_no_figure(text: str) -> None:
    """Corpus mercury__obamawhitehouse.archives.gov--speeches: "Fortune 500 companies"
    was a count of 500 companies."""
    assert _figures(text, "en") == []


def test_a_fortune_in_lower_case_names_no_ranking() -> None:
    assert _figures("It cost a fortune 500 people could not pay.", "en") == [
        ("500", 500.0, "people", "count")
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Solar Decathlon: 3 STEM Resources for Teachers", "Resources"),
        ("the ports included in the 38 unique Custom Districts.", "Districts"),
        ("the charges for 30 common outpatient services.", "services"),
        ("7 outrageous credit cards if you have excellent credit", "cards"),
        ("resulting in over 25 peer-reviewed research papers", "papers"),
    ],
)
def test_an_english_count_counts_the_plural_after_a_singular_noun(text: str, unit: str) -> None:
    """Corpus edgi-wmd__energy-gov-home__v1, edgi-wmp__datagov-highlights__a,
    edgi-wmp__epa-hfstudy-research: the unit was the noun qualifying the plural
    ("STEM", "Custom", "outpatient", "research")."""
    assert [figure_unit for _, _, figure_unit, _ in _figures(text, "en")] == [unit]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("limits of the 12 nautical mile Territorial Sea", "mile"),
        ("The company offers 5 year warranties.", "year"),
        ("A jaw-dropping 40,000 point bonus has arrived", "point"),
        ("Only 1 student loans it.", "student"),  # one takes no plural
    ],
)
def test_a_unit_or_a_singular_count_keeps_its_noun(text: str, unit: str) -> None:
    assert [figure_unit for _, _, figure_unit, _ in _figures(text, "en")] == [unit]


# --- shares written with words -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "drei Viertel der Landfläche und zwei Drittel der Meere erheblich beeinträchtigt",
            "de",
            [
                ("drei Viertel", 0.75, "Landfläche", "ratio"),
                ("zwei Drittel", 0.666666666667, "Meere", "ratio"),
            ],
        ),
        (
            "Australia otorga más de la mitad de los territorios del norte del país",
            "es",
            [("la mitad", 0.5, "territorios", "ratio")],
        ),
        (
            "Nearly two-thirds of Americans and one third of the population.",
            "en",
            [
                ("two-thirds", 0.666666666667, "Americans", "ratio"),
                ("one third", 0.333333333333, "population", "ratio"),
            ],
        ),
        (
            "La moitié des Français et les trois quarts des électeurs.",
            "fr",
            [("La moitié", 0.5, "Français", "ratio"), ("trois quarts", 0.75, "électeurs", "ratio")],
        ),
        ("Half of them are children.", "en", [("Half", 0.5, None, "ratio")]),
    ],
)
def test_a_share_written_with_words_is_a_ratio(
    text: str, lang: str, expected: list[tuple[str, float, str | None, str]]
) -> None:
    """Corpus traf__greenpeace.org.artenvielfalt: "drei Viertel der Landfläche" was
    lost; rdbl__la-nacion ("más de la mitad de los territorios") names no language."""
    assert _figures(text, lang) == expected


def test_a_share_keeps_its_qualifier() -> None:
    found, _ = find_figures("Zwar wurde fast die Hälfte der deutschen Nordsee geschützt.", "de")
    assert [(figure.text, figure.qualifier, figure.unit) for figure in found] == [
        ("die Hälfte", "fast", "Nordsee")
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("and a third is to join the Preservation Trust", "en"),  # an ordinal: no "of"
        ("In the second half of 2020 and the first quarter of 2021.", "en"),  # periods
        ("It took a quarter of an hour, half of the time.", "en"),  # durations
        ("Il a attendu un quart d'heure.", "fr"),
        ("the three tiers of government", "en"),
        ("Die erste Hälfte des Jahres.", "de"),
    ],
)
def test_a_period_an_ordinal_or_a_duration_is_no_share(text: str, lang: str) -> None:
    assert [kind for _, _, _, kind in _figures(text, lang) if kind == "ratio"] == []
