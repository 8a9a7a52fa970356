"""The fast paths of the word diff give exactly what the slower forms they replace gave."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pagevault.diff.words import token_pieces, tokenize


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
