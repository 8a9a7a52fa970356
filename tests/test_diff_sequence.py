"""The fast paths of the word diff give exactly what difflib and the token regex give.

``aligned_opcodes`` must return ``SequenceMatcher(None, a, b, autojunk=False)
.get_opcodes()`` for any two sequences it accepts; sequences are drawn from a tiny
alphabet, with repeated stretches, so that off-diagonal matches (the case its shortcut
must refuse) are common.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pagevault.diff.sequence import (
    aligned_opcodes,
    common_stretch,
    diagonal_runs,
    differing_positions,
    longest_match,
    longest_off_diagonal,
)
from pagevault.diff.tokens import token_pieces, tokenize
from pagevault.diff.words import opcodes


def difflib_opcodes(a: list[int], b: list[int]) -> list[tuple[str, int, int, int, int]]:
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


@st.composite
def edited_pairs(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    """A sequence (often periodic) and a copy with a few positions changed."""
    unit = draw(st.lists(st.integers(0, 3), min_size=1, max_size=5))
    length = draw(st.integers(1, 60))
    a = (unit * length)[:length]
    b = list(a)
    for _ in range(draw(st.integers(0, max(1, length // 4)))):
        b[draw(st.integers(0, length - 1))] = draw(st.integers(0, 6))
    return a, b


@settings(max_examples=600, deadline=None)
@given(edited_pairs())
def test_aligned_opcodes_are_difflibs(pair: tuple[list[int], list[int]]) -> None:
    a, b = pair
    fast = aligned_opcodes(a, b)
    if fast is not None:
        assert fast == difflib_opcodes(a, b)
    assert opcodes([str(x) for x in a], [str(x) for x in b]) == difflib_opcodes(a, b)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=30), st.lists(st.integers(0, 4), max_size=30))
def test_opcodes_of_any_two_sequences_are_difflibs(a: list[int], b: list[int]) -> None:
    assert opcodes([str(x) for x in a], [str(x) for x in b]) == difflib_opcodes(a, b)


def test_shifted_figures_are_not_taken_for_changes_in_place() -> None:
    # "... 10 puis 20 puis 30" -> "... 20 puis 30 puis 40": difflib keeps "20 puis 30".
    a, b = [1, 2, 3, 10, 0, 20, 0, 30], [1, 2, 3, 20, 0, 30, 0, 40]
    fast = aligned_opcodes(a, b)
    assert fast is not None
    assert fast == difflib_opcodes(a, b)
    assert ("equal", 5, 8, 3, 6) in fast


def test_aligned_opcodes_decline_what_they_do_not_shortcut() -> None:
    assert aligned_opcodes([1, 2, 3], [1, 2]) is None  # lengths differ
    assert aligned_opcodes([], []) is None
    assert aligned_opcodes([1, 2, 3, 4], [5, 6, 7, 4]) is None  # mostly different


def test_differing_positions_and_diagonal_runs() -> None:
    a, b = [1, 2, 3, 4, 5, 6], [9, 2, 3, 9, 9, 6]
    changed = differing_positions(a, b)
    assert changed == [0, 3, 4]
    assert diagonal_runs(changed, len(a)) == ([1, 5], [3, 6])
    assert diagonal_runs([], 3) == ([0], [3])


def test_longest_off_diagonal_only_counts_stretches_through_a_change() -> None:
    # "7 8" repeats in both sides (positions 0 and 3) but touches no change: not counted.
    a, b = [7, 8, 1, 7, 8, 2], [7, 8, 1, 7, 8, 3]
    assert longest_off_diagonal(a, b, differing_positions(a, b)) == 0
    # The old value 1 now stands at position 0, followed by what followed it before.
    a, b = [5, 1, 2, 3], [1, 2, 3, 9]
    assert longest_off_diagonal(a, b, differing_positions(a, b)) == 3


def test_common_stretch_extends_both_ways() -> None:
    a, b = [0, 1, 2, 3, 9], [5, 1, 2, 3, 4]
    assert common_stretch(a, b, 2, 2) == 3
    assert common_stretch([1, 2], [0, 1, 2], 0, 1) == 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 3), max_size=20), st.lists(st.integers(0, 3), max_size=20))
def test_longest_match_is_difflibs(a: list[int], b: list[int]) -> None:
    positions: dict[object, list[int]] = {}
    for j, value in enumerate(b):
        positions.setdefault(value, []).append(j)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for alo, ahi, blo, bhi in ((0, len(a), 0, len(b)), (1, len(a), 0, max(0, len(b) - 1))):
        if alo <= ahi:
            expected = tuple(matcher.find_longest_match(alo, ahi, blo, bhi))
            assert longest_match(a, positions, alo, ahi, blo, bhi) == expected


@pytest.mark.parametrize(
    "text",
    [
        "plus de 29\u202f000 personnes",
        "  depuis 2014  200 morts\n",
        "l’État qu’il aujourd’hui, « oui » !",
        "",
        "   ",
        "1 000 0000 et 12345 678",
    ],
)
def test_token_pieces_rebuild_the_text_one_token_each(text: str) -> None:
    pieces = token_pieces(text)
    assert "".join(pieces) == text
    tokens = tokenize(text)
    assert len(pieces) == (len(tokens) or (1 if text else 0))
    for piece, token in zip(pieces, tokens, strict=False):
        assert piece.strip().startswith(token)


ALPHABET = "ab cdjlmnstqu'’.,-·•0123456789 \u00a0\u202f\t\nIİıſK%«»_é"
OLD_TOKEN = re.compile(
    r"""
    (?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)
    | \d+(?:[.,]\d+)*
    | (?<!\w)(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])['’](?=\w)
    | \w+(?:[-·•'’]\w+|\.(?=(?-i:[a-zà-ÿ]{1,3})(?:\.|\b))\w+)*
    | [^\w\s]
    """,
    re.VERBOSE | re.IGNORECASE,
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_tokens_are_those_of_the_unguarded_pattern(text: str) -> None:
    """The digit guard in the token pattern is a speed-up only: same tokens as without it."""
    assert tokenize(text) == OLD_TOKEN.findall(text)
    starts = [match.start() for match in OLD_TOKEN.finditer(text)]
    if starts:
        starts[0] = 0
        expected = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
        assert token_pieces(text) == expected
