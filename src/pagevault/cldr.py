"""CLDR facts read on every page, written out for the four languages pagevault targets.

Loading them from babel cost ~0.1 s of a process's first parse (four locales' data, for
month names alone), paid by every parse worker and every one-page fetch. These are the
same values: tests/test_cldr.py rebuilds them from babel and compares. Other languages'
number separators are still asked of babel (``pagevault.numbers.values.separators``).
"""

from __future__ import annotations

# Month number and its names: CLDR's wide and abbreviated names (babel 2.18), format and
# stand-alone, of fr/en/de/es, lower-cased without a final "." - which include the short
# forms pages write (sept, juil, févr, mär, märz).
_NAMES_BY_MONTH = (
    (1, "ene enero jan januar january janv janvier"),
    (2, "feb febrero februar february févr février"),
    (3, "mar march mars marzo mär märz"),
    (4, "abr abril apr april avr avril"),
    (5, "mai may mayo"),
    (6, "juin jun june juni junio"),
    (7, "juil juillet jul juli julio july"),
    (8, "ago agosto août aug august"),
    (9, "sep sept september septembre septiembre"),
    (10, "oct october octobre octubre okt oktober"),
    (11, "nov november novembre noviembre"),
    (12, "dec december dez dezember dic diciembre déc décembre"),
)
MONTH_NAMES: dict[str, int] = {
    name: month for month, names in _NAMES_BY_MONTH for name in names.split()
}

# Decimal mark and thousands separator (any space is " ").
SEPARATORS: dict[str, tuple[str, str]] = {
    "fr": (",", " "),
    "en": (".", ","),
    "de": (",", "."),
    "es": (",", "."),
}
