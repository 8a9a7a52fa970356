"""A unit word opening with "de" or "of" is read whole: "de" and "of" before a unit are
words of their own ("43,7 millions de personnes"), not the start of "degrees",
"demandes", "defenders" or "ofertas" (fixture legacy-layout.html read "142 500
demandes" as 142 500 "mandes")."""

from __future__ import annotations

import pytest

from tests.figures import figures


@pytest.mark.parametrize(
    ("text", "lang", "unit"),
    [
        ("It was 6 degrees colder than last winter.", "en", "degrees"),
        ("The court heard 7 defenders of the land.", "en", "defenders"),
        ("Plus de 142 500 demandes d'asile ont été déposées.", "fr", "demandes"),
        ("Recibimos 5 ofertas de empleo.", "es", "ofertas"),
        ("Es gab 12 Demonstrationen in der Stadt.", "de", "Demonstrationen"),
    ],
)
def test_a_unit_word_opening_with_de_or_of_is_read_whole(text: str, lang: str, unit: str) -> None:
    assert [found[2] for found in figures(text, lang)] == [unit]


@pytest.mark.parametrize(
    ("text", "lang", "unit"),
    [
        ("Aujourd'hui, 43,7 millions de personnes sont réfugiées.", "fr", "personnes"),
        ("Ils sont 2 millions d’habitants.", "fr", "habitants"),
        ("Ils sont 2 millions d'habitants.", "fr", "habitants"),
        ("Hay 3 millones de personas desplazadas.", "es", "personas"),
    ],
)
def test_de_and_d_apostrophe_before_a_unit_are_still_skipped(
    text: str, lang: str, unit: str
) -> None:
    assert [found[2] for found in figures(text, lang)] == [unit]
