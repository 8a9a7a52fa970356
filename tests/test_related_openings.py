"""The heading pre-check of related.py: ``_PHRASE_OPENINGS`` must hold the first two
and the first three characters of every RELATED_HEADING phrase, and lower-casing must fold every
character the regex's IGNORECASE matching takes for a phrase letter."""

from __future__ import annotations

import re
import sys
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from pagevault.extract.related import _PHRASE_OPENINGS, _related_title
from pagevault.extract.selectors import RELATED_HEADING


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


def _openings(length: int) -> set[str]:
    parsed = list(_parser.parse(RELATED_HEADING.pattern, RELATED_HEADING.flags))
    assert str(parsed[0][0]) == "AT"
    return {p.lower() for p in _prefixes(parsed[1:], length)}


def test_openings_cover_every_phrase() -> None:
    for length in (2, 3):
        openings = _openings(length)
        assert all(len(opening) == length for opening in openings)
        assert openings <= _PHRASE_OPENINGS


def test_lower_folds_every_character_taken_for_a_phrase_letter() -> None:
    letters = sorted({c for opening in _openings(3) for c in opening if c.isalpha()})
    any_letter = re.compile(f"[{''.join(letters)}]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if not any_letter.match(char) or not char.lower().isascii():
            continue
        for letter in letters:
            if re.match(letter, char, re.IGNORECASE):
                assert char.lower() == letter, (hex(code), letter)


def test_titles() -> None:
    assert _related_title("\n  Voir   aussi :\n")
    assert _related_title("\u200bSee also")
    assert _related_title("ſee also")  # IGNORECASE takes the long s for an s
    assert _related_title("À lire aussi")
    assert not _related_title("Europäische Union")
    assert not _related_title("The related news")
    assert not _related_title("")
    # the three-letter openings: a phrase, a word no phrase opens with, too short
    assert _related_title("Lesen Sie auch")
    assert _related_title("  LIRE AUSSI")
    assert _related_title("Weiterlesen")
    assert _related_title("Relacionados")
    assert _related_title("Ver también")
    assert not _related_title("Lecture")
    assert not _related_title("Seite teilen")
    assert not _related_title("Re")
    assert not _related_title("S")
