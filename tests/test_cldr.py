"""The CLDR facts written out in pagevault.cldr are babel's (a babel upgrade that
changes them shows here)."""

from __future__ import annotations

import pytest
from babel import Locale

from pagevault.cldr import MONTH_NAMES, SEPARATORS
from pagevault.numbers.values import babel_separators, separators

LANGUAGES = ("fr", "en", "de", "es")


def _babel_month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for code in LANGUAGES:
        months = Locale.parse(code).months
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in months[context][width].items():
                    names[name.lower().rstrip(".")] = number
    return names


def test_month_names_are_babels() -> None:
    expected = _babel_month_names()
    assert expected == MONTH_NAMES
    assert {"sept", "juil", "févr", "mär", "märz"} <= set(MONTH_NAMES)  # short forms pages use


@pytest.mark.parametrize("language", LANGUAGES)
def test_separators_are_babels(language: str) -> None:
    assert SEPARATORS[language] == babel_separators(language)
    assert separators(language) == babel_separators(language)


def test_other_languages_are_asked_of_babel() -> None:
    assert "it" not in SEPARATORS
    assert separators("it") == (",", ".")
    assert separators("not a language") == (".", ",")
