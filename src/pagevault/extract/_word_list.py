"""The words a plain word-list regex can match, to test its first words with a set.

``BOILERPLATE_TOKEN`` is a list of ~100 alternatives between separators; searched
on every class/id pair of a column it was a fifth of the boilerplate stage, and
most pairs hold none of the words that can start a match (about 85% in the
corpus). Those are answered by one set test on the pair's words instead.
"""

from __future__ import annotations

import re

_LITERAL = re.compile(r"[a-z0-9-]")


def leading_words(pattern: re.Pattern[str], prefix: str, suffix: str) -> frozenset[str] | None:
    """The words (text up to the first '-') that start the strings ``pattern``
    matches between ``prefix`` and ``suffix``, or None if it is not of that form:
    only lower-case letters, digits, '-', '|', '(?:...)' groups and '?' in between."""
    source = pattern.pattern
    if pattern.flags != re.UNICODE or not (source.startswith(prefix) and source.endswith(suffix)):
        return None
    try:
        strings = expand(source[len(prefix) : len(source) - len(suffix)])
    except ValueError:
        return None
    words = frozenset(string.split("-")[0] for string in strings)
    return None if "" in words else words


def expand(source: str) -> set[str]:
    """Every string the regex ``source`` matches (a finite set for this dialect)."""
    strings, end = _alternatives(source, 0)
    if end != len(source):
        raise ValueError(f"unexpected {source[end]!r} at {end} in {source!r}")
    return strings


def _alternatives(source: str, at: int) -> tuple[set[str], int]:
    found: set[str] = set()
    while True:
        strings, at = _sequence(source, at)
        found |= strings
        if not source.startswith("|", at):
            return found, at
        at += 1


def _sequence(source: str, at: int) -> tuple[set[str], int]:
    strings = {""}
    while at < len(source) and source[at] not in "|)":
        if source.startswith("(?:", at):
            item, at = _alternatives(source, at + 3)
            if not source.startswith(")", at):
                raise ValueError(f"unclosed group in {source!r}")
            at += 1
        elif _LITERAL.fullmatch(source[at]):
            item, at = {source[at]}, at + 1
        else:
            raise ValueError(f"not a plain word list: {source[at]!r} at {at} in {source!r}")
        if source.startswith("?", at):
            item, at = item | {""}, at + 1
        strings = {start + end for start in strings for end in item}
    return strings, at
