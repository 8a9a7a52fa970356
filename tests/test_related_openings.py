"""The heading pre-check of related.py: ``_SEE_ALSO_OPENINGS`` must hold the first two
and the first three characters of every RELATED_HEADING phrase (``_LISTING_OPENINGS``: of
every RELATED_LISTING_HEADING phrase), and lower-casing must fold every character the
regexes' IGNORECASE matching takes for a phrase letter."""

from __future__ import annotations

import re
import sys
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from pagevault.extract.related import (
    _LISTING_OPENINGS,
    _SEE_ALSO_OPENINGS,
    _related_title,
    _Title,
)
from pagevault.extract.selectors import RELATED_HEADING, RELATED_LISTING_HEADING

_REGEX_OPENINGS = [
    (RELATED_HEADING, _SEE_ALSO_OPENINGS),
    (RELATED_LISTING_HEADING, _LISTING_OPENINGS),
]


def _prefixes(items: list[Any], length: int) -> set[str]:
    """Every string of ``length`` characters a sequence of parsed items can start with."""
    if length == 0 or not items:
        return {""}
    op, av = items[0]
    rest = list(items[1:])
    name = str(op)
    if name == "LITERAL":
        return {chr(av) + tail for tail in _prefixes(rest, length - 1)}
    if name == "IN":
        chars = [chr(value) for kind, value in av if str(kind) == "LITERAL"]
        assert len(chars) == len(av), av
        return {c + tail for c in chars for tail in _prefixes(rest, length - 1)}
    if name == "BRANCH":
        return {p for branch in av[1] for p in _prefixes(list(branch) + rest, length)}
    if name == "SUBPATTERN":
        return _prefixes(list(av[3]) + rest, length)
    if name == "MAX_REPEAT" and av[0] == 0 and av[1] == 1:
        return _prefixes(list(av[2]) + rest, length) | _prefixes(rest, length)
    raise AssertionError(f"unexpected regex item {op} {av}")


def _openings(regex: re.Pattern[str], length: int) -> set[str]:
    parsed = list(_parser.parse(regex.pattern, regex.flags))
    assert str(parsed[0][0]) == "AT"
    return {p.lower() for p in _prefixes(parsed[1:], length)}


@pytest.mark.parametrize(("regex", "known"), _REGEX_OPENINGS)
def test_openings_cover_every_phrase(regex: re.Pattern[str], known: frozenset[str]) -> None:
    for length in (2, 3):
        openings = _openings(regex, length)
        assert all(len(opening) == length for opening in openings)
        assert openings <= known


@pytest.mark.parametrize(("regex", "known"), _REGEX_OPENINGS)
def test_openings_are_all_used(regex: re.Pattern[str], known: frozenset[str]) -> None:
    # a stray opening costs headings a regex call for nothing
    assert known == _openings(regex, 2) | _openings(regex, 3)


@pytest.mark.parametrize("regex", [RELATED_HEADING, RELATED_LISTING_HEADING])
def test_lower_folds_every_character_taken_for_a_phrase_letter(regex: re.Pattern[str]) -> None:
    letters = sorted({c for opening in _openings(regex, 3) for c in opening if c.isalpha()})
    any_letter = re.compile(f"[{''.join(letters)}]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if not any_letter.match(char) or not char.lower().isascii():
            continue
        for letter in letters:
            if re.match(letter, char, re.IGNORECASE):
                assert char.lower() == letter, (hex(code), letter)


def test_titles() -> None:
    see_also, listing = _Title.SEE_ALSO, _Title.LISTING
    assert _related_title("\n  Voir   aussi :\n") is see_also
    assert _related_title("\u200bSee also") is see_also
    assert _related_title("ſee also") is see_also  # IGNORECASE takes the long s for an s
    assert _related_title("À lire aussi") is see_also
    assert _related_title("À lire également...") is see_also
    assert _related_title("Europäische Union") is None
    assert _related_title("The related news") is None
    assert _related_title("") is None
    # the three-letter openings: a phrase, a word no phrase opens with, too short
    assert _related_title("Lesen Sie auch") is see_also
    assert _related_title("  LIRE AUSSI") is see_also
    assert _related_title("Weiterlesen") is see_also
    assert _related_title("Relacionados") is see_also
    assert _related_title("Ver también") is see_also
    assert _related_title("Lecture") is None
    assert _related_title("Seite teilen") is None
    assert _related_title("Re") is None
    assert _related_title("S") is None
    # lists of other content
    assert _related_title("Aktuell") is listing
    assert _related_title("Les plus lus") is listing
    assert _related_title("ÚLTIMAS NOTICIAS") is listing
    assert _related_title("Lo más leído:") is listing
    assert _related_title("Du même auteur") is listing
    assert _related_title("Aktuelle Themen") is None
    assert _related_title("Der Verband") is None
