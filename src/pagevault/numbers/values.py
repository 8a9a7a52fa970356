"""The value of a number as written: separators by page language, scale and currency."""

from __future__ import annotations

import re
from functools import cache

from pagevault.cldr import SEPARATORS
from pagevault.numbers.vocabulary import CURRENCY_CODES, SCALE_FACTORS, SPACE

_NOT_DIGIT = re.compile(r"\D")
_SPACE = re.compile(SPACE)
_SPACES = " \u00a0\u202f\u2009"


@cache
def separators(language: str) -> tuple[str, str]:
    """The decimal mark and thousands separator of a language, from CLDR; every kind
    of space counts as the space separator."""
    return SEPARATORS.get(language) or babel_separators(language)


def babel_separators(language: str) -> tuple[str, str]:
    """``separators`` asked of babel (languages ``pagevault.cldr`` does not list)."""
    from babel import Locale, UnknownLocaleError  # lazy: CLDR data loads on first use
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return ".", ","
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    return decimal, " " if group in _SPACES else group


def number_value(raw: str, language: str, is_percent: bool = False) -> tuple[float, bool]:
    """The value of a number written as on a page and whether that reading is a guess.

    fr "43,7" -> 43.7; fr "29 000" -> 29000; en "20,000" -> 20000; de "300.000" ->
    300000; fr "5,400 personnes" -> 5400, ambiguous (a comma and exactly three digits
    in a count reads as a group); de "2.5" -> 2.5, ambiguous (a foreign decimal mark).
    """
    if raw.isdigit():
        return float(raw), False  # most numbers: no mark to read
    compact = _SPACE.sub(" ", raw)
    marks = [char for char in compact if not char.isdigit()]
    if not marks:
        return float(compact), False
    last = marks[-1]
    head, tail = compact.rsplit(last, 1)
    if last in " '’" or (len(marks) > 1 and len(set(marks)) == 1):
        return float(_digits(compact)), False  # "29 000", "1.234.567": groups only
    if len(set(marks)) > 1:
        return float(f"{_digits(head)}.{tail}"), False  # "1,234.5", "1.234,5"
    decimal_mark, group_mark = separators(language)
    if len(tail) != 3 or is_percent:
        return float(f"{_digits(head)}.{tail}"), last != decimal_mark
    # One mark and three digits: a group in the page's convention; a guess otherwise
    # ("5,400 personnes" on a French page, "12.000" on a French page).
    return float(_digits(compact)), last != group_mark


def scale_factor(word: str, language: str) -> float:
    lowered = word.lower().rstrip(".")
    if lowered in ("billion", "billions"):
        return 1e9 if language == "en" else 1e12
    return SCALE_FACTORS.get(lowered, 1.0)


def currency_code(symbol: str | None) -> str | None:
    return CURRENCY_CODES.get(symbol.lower()) if symbol else None


def _digits(value: str) -> str:
    return _NOT_DIGIT.sub("", value) or "0"
