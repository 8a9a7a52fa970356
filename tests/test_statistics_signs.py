"""Round 8 of the statistics: the sign of a figure ("-3,2 %", "−1,5 milliard", "minus 12
Grad") and the dashes that are no sign (ranges, codes, dates, phone numbers, list
dashes). The corpus holds no signed figure in its body text (every dash before a digit
there joins a code, a range or a phone number): the cases are written here inline."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pagevault.diff import diff_snapshots
from pagevault.extract import parse_html
from pagevault.numbers import find_figures
from tests.cli_runs import pagevault
from tests.figures import figures as _figures
from tests.figures import rejected as _rejected
from tests.figures import section_statistics

# --- signs read -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Temperatures fell to -6 degrees", "en", ("-6", -6.0, "degrees", "count")),
        ("prices dropped −3.2% last year", "en", ("−3.2%", -3.2, "%", "percent")),
        ("Les prix ont baissé de -3,2 % en un an.", "fr", ("-3,2 %", -3.2, "%", "percent")),
        (
            "la dette atteint −1,5 milliard d'euros",
            "fr",
            ("−1,5 milliard", -1.5e9, "EUR", "money"),
        ),
        ("Der Absatz sank um -4,5 Prozent.", "de", ("-4,5 Prozent", -4.5, "%", "percent")),
        ("El PIB cayó un -2,1 % en el año.", "es", ("-2,1 %", -2.1, "%", "percent")),
        ("Die Exporte (-4,5 Prozent) sanken.", "de", ("-4,5 Prozent", -4.5, "%", "percent")),
        ("a -$5 million deficit", "en", ("-$5 million", -5e6, "USD", "money")),
        ("a drop of -12,000 jobs", "en", ("-12,000", -12000.0, "jobs", "count")),
        ("-3,2 %", "fr", ("-3,2 %", -3.2, "%", "percent")),  # a stat card
        ("−12 000 emplois", "fr", ("−12 000", -12000.0, "emplois", "count")),
    ],
)
def test_a_minus_before_a_figure_is_its_sign(
    text: str, lang: str, expected: tuple[str, float, str, str]
) -> None:
    """The sign was never read: "-6 degrees" was 6 degrees, "−3.2%" 3.2 %, "−1,5
    milliard" 1.5e9; an analyst following a growth rate or a temperature got it wrong."""
    assert _figures(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The index rose +5 % this year.", "en", ("+5 %", 5.0, "%", "percent")),
        ("+5 % de hausse", "fr", ("+5 %", 5.0, "%", "percent")),
        ("soit +12 000 emplois", "fr", ("+12 000", 12000.0, "emplois", "count")),
        ("Der Umsatz stieg um +3,5 Prozent.", "de", ("+3,5 Prozent", 3.5, "%", "percent")),
        ("las ventas subieron un +4 %", "es", ("+4 %", 4.0, "%", "percent")),
    ],
)
def test_a_plus_before_a_figure_is_part_of_its_text(
    text: str, lang: str, expected: tuple[str, float, str, str]
) -> None:
    assert _figures(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Es war minus 12 Grad kalt.", "de", ("minus 12", -12.0, "Grad", "count")),
        (
            "Der Absatz lag bei minus 3,2 Prozent.",
            "de",
            ("minus 3,2 Prozent", -3.2, "%", "percent"),
        ),
        ("It was minus 40 degrees outside.", "en", ("minus 40", -40.0, "degrees", "count")),
        ("Il fait moins 5 degrés ce matin.", "fr", ("moins 5", -5.0, "degrés", "count")),
        ("La temperatura bajó a menos 3 grados.", "es", ("menos 3", -3.0, "grados", "count")),
        (
            "Die SPD kommt auf minus 2 Prozentpunkte.",
            "de",
            ("minus 2", -2.0, "Prozentpunkte", "count"),
        ),
    ],
)
def test_a_word_for_minus_before_a_percent_or_degrees_is_a_sign(
    text: str, lang: str, expected: tuple[str, float, str, str]
) -> None:
    """The word was never read: "minus 12 Grad" was 12."""
    assert _figures(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("La température était de −6 °C en janvier.", "fr", ("−6", -6.0, "°C", "count")),
        ("Il faisait -3° hier.", "fr", ("-3", -3.0, "°", "count")),
        ("to limit warming to 2 °C above", "en", ("2", 2.0, "°C", "count")),
        ("Es war minus 5 °C kalt.", "de", ("minus 5", -5.0, "°C", "count")),
    ],
)
def test_a_digit_before_degrees_is_a_figure(
    text: str, lang: str, expected: tuple[str, float, str, str]
) -> None:
    """Corpus traf__diem25.org.climate: "the “well below 2°C” target" was rejected as a
    small number, and so was every temperature of one digit ("−6 °C")."""
    assert _figures(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Les prix varient de -3 à 5 %.", "fr", ("-3 à 5 %", -3.0, "%", "range")),
        ("la température passe de -10 à 5 °C", "fr", ("-10 à 5", -10.0, "°C", "range")),
        ("between −2 and 3 percent", "en", ("−2 and 3 percent", -2.0, "%", "range")),
    ],
)
def test_a_range_from_a_negative_low_end(
    text: str, lang: str, expected: tuple[str, float, str, str]
) -> None:
    """A range from below zero was lost: "de -3 à 5 %" was the percent 5 alone (its
    low end "3" a small number)."""
    assert _figures(text, lang) == [expected]


# --- dashes that are no sign ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("between 10-20 people", "en", [("10-20", 10.0, "people", "range")]),  # a range
        ("Es sind 30 -40 Prozent.", "de", [("30 -40 Prozent", 30.0, "%", "range")]),
        ("in 52–58 GtCO2 per year", "en", [("52–58", 52.0, "GtCO2", "range")]),  # en dash
        ("- 5 things to know", "en", [("5", 5.0, "things", "count")]),  # a list's dash
        ("-5 things to know", "en", [("5", 5.0, "things", "count")]),  # glued to it
        ("Tarif réduit pour les -25 ans", "fr", [("25", 25.0, "ans", "duration")]),  # under 25
        ("Score final 3 -2 pour Lyon", "fr", []),  # a score: no sign after a number
        ("the F-35 jets and the A-1 grade", "en", []),  # codes
        ("Since COVID-19, G-20 governments cut aid.", "en", []),
        ("the 2019-2020 season", "en", []),  # years
        ("de 1914 -1918", "fr", []),
        ("52–58 GtCO 2 eq yr −1 (medium confidence)", "en", [("52–58", 52.0, "GtCO2eq", "range")]),
        ("Tel. 030 / 2325 786 -122 Deutsche", "de", []),  # a phone extension
        ("Appelez le +33 1-53-38-65-65.", "fr", []),  # a phone number
        ("Tel. +49 (0)30 275 86-40, Fax +49 (0)30 275 86-440", "de", []),  # trunk prefix
        ("Hotline: +41 (0) 58 462 20 00.", "de", []),
        ("Call 212-306-6794 for more information", "en", []),
    ],
)
def test_a_dash_joining_or_listing_is_no_sign(
    text: str, lang: str, expected: list[tuple[str, float, str, str]]
) -> None:
    assert _figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "rise by 5% -10% each year",
            "en",
            [("5%", 5.0, "%", "percent"), ("10%", 10.0, "%", "percent")],
        ),
        (
            "une remise de 5 % -10 %",
            "fr",
            [("5 %", 5.0, "%", "percent"), ("10 %", 10.0, "%", "percent")],
        ),
        (
            "steigen um 1,5 Mio. -2 Mio. Euro",
            "de",
            [("1,5 Mio.", 1.5e6, None, "count"), ("2 Mio. Euro", 2e6, "EUR", "money")],
        ),
        (
            "zwischen 40 −45 Prozent",
            "de",
            [("40", 40.0, None, "count"), ("45 Prozent", 45.0, "%", "percent")],
        ),
        (
            "coûte 5 000 € −2 000 € de plus",
            "fr",
            [("5 000 €", 5000.0, "EUR", "money"), ("2 000 €", 2000.0, "EUR", "money")],
        ),
    ],
)
def test_a_dash_after_a_figure_and_its_unit_is_no_sign(
    text: str, lang: str, expected: list[tuple[str, float, str | None, str]]
) -> None:
    """The second end of a range written after the first one's unit ("5% -10%") was
    read as negative: only a digit was seen as the end of a number, not a unit or a
    scale word; the minus sign U+2212 after a number was always read as a sign."""
    assert _figures(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Emissionen seit 1990 −40 %", "de", [("−40 %", -40.0)]),  # after a year
        ("Gewinn 2022 −3,2 %", "de", [("−3,2 %", -3.2)]),
        ("les émissions depuis 1990 −40 %", "fr", [("−40 %", -40.0)]),
        ("emissions since 2005 −17%", "en", [("−17%", -17.0)]),
        ("el empleo en 2023 −2,5 %", "es", [("−2,5 %", -2.5)]),
        ("am 12.03.2019 −5 %", "de", [("−5 %", -5.0)]),  # after a date
        ("the 2019 −2020 season", "en", [("2020", 2020.0)]),  # years: no sign (as main)
        ("Tel. 030 2325 786 −122 Deutsche", "de", [("122", 122.0)]),  # a phone's extension
        (
            "Energie −2,5 % −1,2 % −0,3 %",  # a series of changes
            "de",
            [("−2,5 %", -2.5), ("−1,2 %", -1.2), ("−0,3 %", -0.3)],
        ),
        ("Exporte: -5 % -10 %", "de", [("-5 %", -5.0), ("-10 %", -10.0)]),
        ("exports fell -5% -10% in two years", "en", [("-5%", -5.0), ("-10%", -10.0)]),
        ("les ventes : -3 % -7 %", "fr", [("-3 %", -3.0), ("-7 %", -7.0)]),
        (
            "Beitrag 5 € −2 Prozent",  # another unit: no range's first end
            "de",
            [("5 €", 5.0), ("−2 Prozent", -2.0)],
        ),
    ],
)
def test_a_minus_after_a_year_or_a_negative_figure_is_a_sign(
    text: str, lang: str, expected: list[tuple[str, float]]
) -> None:
    """The minus sign U+2212 after a year was dropped (read as a range's dash), and so
    was the sign of every figure after a negative one: "−2,5 % −1,2 %" gave -2.5 and
    1.2, "seit 1990 −40 %" gave 40."""
    assert [(f.text, f.value) for f in find_figures(text, lang)[0]] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "<p>Key facts:<br>\n-5,000 volunteers<br>\n-300 staff members</p>",
            "en",
            [("5,000", 5000.0), ("300", 300.0)],
        ),
        (
            "<p>Bilan de l'année :<br>\n-5 000 bénévoles<br>\n-300 salariés<br>\n-12 antennes</p>",
            "fr",
            [("5 000", 5000.0), ("300", 300.0), ("12", 12.0)],
        ),
        (
            "<p>Bilanz:<br>\n-300 Mitglieder<br>\n-12 Gruppen</p>",
            "de",
            [("300", 300.0), ("12", 12.0)],
        ),
        ("<p>Resumen:<br>\n-300 socios<br>\n-12 sedes</p>", "es", [("300", 300.0), ("12", 12.0)]),
        ("<p>a drop of -12,000 jobs</p>", "en", [("-12,000", -12000.0)]),  # after "of"
        ("<p>le solde est de −300 emplois</p>", "fr", [("−300", -300.0)]),  # U+2212
        ("<p>Hiring fell (-300 jobs) in May.</p>", "en", [("-300", -300.0)]),  # a bracket
        ("<p>Bilan : -12 °C et -5 points</p>", "fr", [("-12", -12.0), ("-5", -5.0)]),  # units
    ],
)
def test_a_hyphen_before_a_count_is_a_list_dash(
    text: str, lang: str, expected: list[tuple[str, float]]
) -> None:
    """Items of a list written with dashes, a line break each (gone from the text:
    "Key facts: -5,000 volunteers -300 staff members"), gave negative counts."""
    page = f"<html lang={lang}><body><main><h1>T</h1>{text}</main></body></html>"
    snapshot = parse_html(page.encode(), "https://example.org/p")
    assert [(s.text, s.value) for s in snapshot.statistics] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a list's dash or a minus: read as a dash, in doubt
        ("<p>Saldo: -12.000 Arbeitsplätze</p>", "de", [("12.000", 12000.0, True)]),
        ("<p>Solde : -3 000 emplois</p>", "fr", [("3 000", 3000.0, True)]),
        ("<p>Variación: -500 empleos</p>", "es", [("500", 500.0, True)]),
        ("<p>Net change: -12,000 jobs</p>", "en", [("12,000", 12000.0, True)]),
        (
            "<p>Key facts:<br>\n-5,000 volunteers<br>\n-300 staff members</p>",
            "en",
            [("5,000", 5000.0, True), ("300", 300.0, True)],
        ),
        (
            "<p>Bilan :<br>\n-5 000 bénévoles<br>\n-300 salariés</p>",
            "fr",
            [("5 000", 5000.0, True), ("300", 300.0, True)],
        ),
        (
            "<p>Key facts: 5,000 volunteers -300 staff</p>",  # a list item after a figure
            "en",
            [("5,000", 5000.0, False), ("300", 300.0, True)],
        ),
        # after a verb: a minus, in doubt (a list's introduction may end with one)
        ("<p>Employment fell -12,000 jobs</p>", "en", [("-12,000", -12000.0, True)]),
        ("<p>Die Beschäftigung sank -12.000 Stellen</p>", "de", [("-12.000", -12000.0, True)]),
        ("<p>L'emploi a reculé -3 000 postes</p>", "fr", [("-3 000", -3000.0, True)]),
        ("<p>La plantilla cayó -500 empleos</p>", "es", [("-500", -500.0, True)]),
        (
            "<p>In 2023 we achieved<br>\n-5,000 volunteers<br>\n-300 staff</p>",
            "en",
            [("-5,000", -5000.0, True), ("-300", -300.0, True)],  # the series in doubt too
        ),
        (
            "<p>a drop of -12,000 jobs -300 firms</p>",  # a series after a negative figure
            "en",
            [("-12,000", -12000.0, False), ("-300", -300.0, False)],
        ),
        ("<p>les -25 ans</p>", "fr", [("25", 25.0, False)]),  # the under-25s: no doubt
    ],
)
def test_a_list_dash_that_may_be_a_minus_is_marked_ambiguous(
    text: str, lang: str, expected: list[tuple[str, float, bool]]
) -> None:
    """ "Saldo: -12.000 Arbeitsplätze" and a list item after "Key facts:" have the same
    shape: read as a list's dash, the figure was positive and nothing said it might be
    negative; after a verb ("fell -12,000 jobs") the hyphen was a list's dash too: now a
    minus, in doubt, as a list introduced by a verb has the same shape."""
    page = f"<html lang={lang}><body><main><h1>T</h1>{text}</main></body></html>"
    snapshot = parse_html(page.encode(), "https://example.org/p")
    assert [(s.text, s.value, s.ambiguous) for s in snapshot.statistics] == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("plus or minus 3 percent", "en", ("3 percent", 3.0, "%", "percent")),  # a margin
        ("plus ou moins 5 % des voix", "fr", ("5 %", 5.0, "%", "percent")),
        ("au moins 5 % des voix", "fr", ("5 %", 5.0, "%", "percent")),  # a floor
        ("al menos 5 % de los votos", "es", ("5 %", 5.0, "%", "percent")),
        ("más o menos 5 % de los votos", "es", ("5 %", 5.0, "%", "percent")),  # an estimate
        ("por lo menos 20 grados", "es", ("20", 20.0, "grados", "count")),
        ("plus minus 3 Prozent", "de", ("3 Prozent", 3.0, "%", "percent")),
        ("It was 10 minus 3 percent.", "en", ("3 percent", 3.0, "%", "percent")),
        ("the budget minus 30 people", "en", ("30", 30.0, "people", "count")),  # no measure
    ],
)
def test_a_word_for_minus_that_is_no_sign(
    text: str, lang: str, expected: tuple[str, float, str, str]
) -> None:
    assert _figures(text, lang)[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nous visons une baisse d'au moins 5 % des émissions",
        "Nous visons une baisse d’au moins 5 % des émissions",
        "Il faut qu'au moins 5 % des voix",
        "Il faut qu’au moins 5 % des voix",
        "de tout au moins 5 % des émissions",
    ],
)
def test_au_moins_after_an_elided_word_is_a_floor_not_a_sign(text: str) -> None:
    """ "d'au moins 5 %" was -5 % ("d'au", the word before "moins", was not "au"): a
    floor, qualified "au moins" as "de tout au moins 5 %" is."""
    (figure,) = find_figures(text, "fr")[0]
    assert (figure.text, figure.value, figure.qualifier) == ("5 %", 5.0, "au moins")


def test_a_rejected_number_keeps_its_text_without_the_dash() -> None:
    assert _rejected("the 2019 -2020 season", "en") == [("2019 -2020", "year")]
    assert _rejected("GtCO 2 eq yr −1 (medium confidence)", "en")[-1] == ("1", "small")


# --- statistics, keys and diffs -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        ("fr", "Les prix ont baissé de -3,2 % en un an.", "Les prix ont baissé de 1,5 % en un an."),
        ("de", "Es war minus 12 Grad kalt.", "Es war 3 Grad kalt."),
        (
            "en",
            "Temperatures fell to −6 degrees overnight.",
            "Temperatures fell to +4 degrees overnight.",
        ),
    ],
)
def test_a_statistic_keeps_its_key_when_its_sign_changes(lang: str, old: str, new: str) -> None:
    """Keys are built from the words around a figure: a sign, written or as "minus", is
    none of them."""
    (before,) = section_statistics(lang, [old])
    (after,) = section_statistics(lang, [new])
    assert before.key == after.key
    assert before.value < 0 <= after.value


def test_a_stat_card_caption_telling_its_change_in_words_is_not_counted_again() -> None:
    """A card's figure is signed ("−3.2%"), its caption tells the fall in words ("fell
    3.2%"): the same statistic, once."""
    statistics = section_statistics("en", ["−3.2%", "Prices fell 3.2% over the year."])
    assert [(s.text, s.value) for s in statistics] == [("−3.2%", -3.2)]


_PAGE = "<html lang=fr><body><main><h1>Prix</h1><p>{}</p></main></body></html>"
_OLD = "Les prix ont baissé de -3,2 % en un an, selon l'Insee."
_NEW = "Les prix ont baissé de 1,5 % en un an, selon l'Insee."


def test_a_diff_shows_a_value_going_from_negative_to_positive() -> None:
    old = parse_html(_PAGE.format(_OLD).encode(), "https://example.org/prix")
    new = parse_html(_PAGE.format(_NEW).encode(), "https://example.org/prix")
    (change,) = [c for c in diff_snapshots(old, new).changes if c.area == "statistic"]
    assert change.kind == "changed"
    assert change.detail["old_value"] == -3.2
    assert change.detail["new_value"] == 1.5
    assert change.detail["delta"] == pytest.approx(4.7)


def test_the_diff_command_shows_the_signed_texts(tmp_path: Path) -> None:
    sides = []
    for name, text in (("old", _OLD), ("new", _NEW)):
        path = tmp_path / f"{name}.html"
        path.write_text(_PAGE.format(text), "utf-8")
        sides.append(str(path))
    result = pagevault(tmp_path / "store", "diff", *sides)
    assert result.returncode == 1, result.stderr
    assert "-3,2 % → 1,5 %  (+4.7, +146.9%)" in result.stdout


@pytest.mark.parametrize(
    ("lang", "paragraph"),
    [
        ("de", "es sank um minus 5 Prozent " * 4000),
        ("fr", "soit -5 % et " * 4000),
        ("fr", "d'au moins 5 % " * 4000),
    ],
    ids=["minus-word", "hyphen", "elided-floor"],
)
def test_repeated_signed_figures_are_read_in_bounded_time(lang: str, paragraph: str) -> None:
    """Each sign is read from the figure back, a few characters (RELIABILITY.md rule 1)."""
    page = f"<html lang={lang}><body><main><h1>T</h1><p>{paragraph}</p></main></body></html>"
    started = time.monotonic()
    snapshot = parse_html(page.encode(), "https://example.org/p")
    assert time.monotonic() - started < 3.0
    assert len(snapshot.statistics) == 4000
    assert {statistic.value for statistic in snapshot.statistics} == {
        5.0 if "au moins" in paragraph else -5.0
    }


def test_dashes_after_figures_are_read_in_bounded_time() -> None:
    """Whether a figure ends before a dash is read from what was read before it, not by
    looking back over the text (RELIABILITY.md rule 1)."""
    page = f"<html lang=en><body><main><h1>T</h1><p>{'5% -' * 4000}</p></main></body></html>"
    started = time.monotonic()
    snapshot = parse_html(page.encode(), "https://example.org/p")
    assert time.monotonic() - started < 3.0
    assert {statistic.value for statistic in snapshot.statistics} == {5.0}
