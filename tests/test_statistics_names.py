"""Round 8 of the statistics: a whole number counting nothing right after a name is part
of the name ("Firefox for iOS 124", "Sud Ptt 92"), not a count; a number after one
capitalised word, a place ("In Chicago 300 were arrested"), stays a figure."""

from __future__ import annotations

import pytest

from tests.figures import figures as _figures
from tests.figures import rejected as _rejected


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("Security vulnerabilities fixed in Firefox for iOS 124", "en", "124"),
        ("Die Software läuft unter macOS 14 nicht.", "de", "14"),
        ("La versión para iOS 17 ya está disponible.", "es", "17"),
        (
            "cogérée à ce jour avec la CGT Goodyear et Sud Ptt 92 a pour but de soutenir",
            "fr",
            "92",
        ),
        ("Der Verein Hannover 96 hat gestern verloren.", "de", "96"),
    ],
)
def test_a_whole_number_after_a_name_is_part_of_it(text: str, lang: str, number: str) -> None:
    """Corpus hdate__mozilla.org.mfsa2024-17 ("Firefox for iOS 124": a version) and
    traf__infocomcgt.fr.caisse ("la CGT Goodyear et Sud Ptt 92": a union) gave counts
    of nothing, 124 and 92."""
    assert _figures(text, lang) == []
    assert (number, "code") in _rejected(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("In Chicago 300 were arrested.", "en", ("300", 300.0, None, "count")),  # one capital
        ("Police said in New York 300 were arrested.", "en", ("300", 300.0, None, "count")),
        ("Hier à Lyon 300 ont manifesté.", "fr", ("300", 300.0, None, "count")),
        ("Ayer en Madrid 300 se manifestaron.", "es", ("300", 300.0, None, "count")),
        ("Gestern kamen in Berlin 300 zusammen.", "de", ("300", 300.0, None, "count")),
        ("Firefox for iOS 124 users were hit.", "en", ("124", 124.0, "users", "count")),
        ("It was 25 °C in Berlin and in Hamburg Altona 20 °C.", "en", ("20", 20.0, "°C", "count")),
        ("Sud Ptt 92 a pour but", "fr", ("92", 92.0, None, "count")),  # opening the text
        ("She joined Maroon Five 5 years later.", "en", ("5", 5.0, "years", "duration")),
    ],
)
def test_a_number_after_a_place_or_with_a_unit_stays_a_figure(
    text: str, lang: str, expected: tuple[str, float, str | None, str]
) -> None:
    assert _figures(text, lang)[-1] == expected


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("The strike was organised by Sud Ptt 92 and others.", "en", "92"),
        ("She joined SEIU Local 1199, the health care union.", "en", "1199"),
        ("Le collectif avec Sud Ptt 92 a pour but de soutenir", "fr", "92"),
        ("Il a rejoint Sud Rail 75, le syndicat des cheminots.", "fr", "75"),
        ("Firmó con Comisiones Obreras 21, el sindicato local.", "es", "21"),
        ("Gegründet von Eintracht Frankfurt 1899 und anderen.", "de", "1899"),
    ],
)
def test_a_number_in_a_name_after_a_preposition_or_before_an_apposition_is_a_code(
    text: str, lang: str, number: str
) -> None:
    """A name after "by", "avec" (no place, no source) or before a comma opening an
    apposition ("SEIU Local 1199, the health care union") was read as a count: only
    place and source prepositions, and only a comma before a list, keep the count."""
    assert _figures(text, lang) == []
    assert (number, "code") in _rejected(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Arrests by city: Chicago 300, New Orleans 120, Los Angeles 450.",
            "en",
            ["300", "120", "450"],
        ),
        ("Madrid 300, Buenos Aires 120, Ciudad Juárez 450", "es", ["300", "120", "450"]),
        ("Paris 300, Seine Saint Denis 120, Val Marne 450", "fr", ["300", "120", "450"]),
        ("Im Jahr zählte Tafel Deutschland 960", "de", ["960"]),
        ("Im Jahr zählte Tafel Deutschland 960.", "de", ["960"]),
        ("Im Jahr zählte Tafel Deutschland 960, mehr als je zuvor.", "de", ["960"]),
        ("Laut Statistischem Bundesamt 300 mehr als im Vorjahr.", "de", ["300"]),
        ("Según Amnistía Internacional 300 murieron.", "es", ["300"]),
        ("According to Human Rights Watch 300 were killed.", "en", ["300"]),
        ("Selon Médecins Sans Frontières 300 ont été soignés.", "fr", ["300"]),
        ("The average household uses in kWh 3500 a year.", "en", ["3500"]),
        ("Die Batterie hat in mAh 4500 mehr als genug.", "de", ["4500"]),
    ],
)
def test_a_count_after_a_list_of_places_a_preposition_or_a_unit_is_no_name(
    text: str, lang: str, expected: list[str]
) -> None:
    """Counts rejected as part of a name: a list of places and their counts ("New
    Orleans 120,"), a name after "according to", a unit written before its number
    ("in kWh 3500", camel case as "iOS")."""
    assert [figure[0] for figure in _figures(text, lang)] == expected
    assert not [number for number, reason in _rejected(text, lang) if reason == "code"]
