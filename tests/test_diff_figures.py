"""The figures-only word diff gives exactly the token word diff, or declines.

Texts are built from French fragments and figures written every way the token pattern
knows (grouped with a space, a no-break or a narrow no-break space, decimals, years);
the new text changes some figures, often to a value found elsewhere in the text, which
is the case where difflib's alignment is not position by position.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pagevault.diff.figures import _is_one_piece, figure_word_diff, windows, windows_between
from pagevault.diff.tokens import PIECE
from pagevault.diff.words import token_word_diff, word_diff

FRAGMENTS = ["de", "la", "l’", "qu’", "puis", "et", ",", ".", "(", ")", "%", "«", "»", "n°"]
FRAGMENTS += ["COVID-", "1er", "2e", "millions", "personnes", "aujourd’hui", "e.s", "x"]
SPACES = [" ", " ", " ", "\u00a0", "\u202f", "  ", "\t", "\n", ""]
GROUP = st.sampled_from([" ", "\u00a0", "\u202f"])
FIGURES = st.one_of(
    st.integers(0, 99).map(str),
    st.tuples(st.integers(1, 999), GROUP, st.integers(0, 999)).map(
        lambda t: f"{t[0]}{t[1]}{t[2]:03d}"
    ),
    st.tuples(st.integers(0, 99), st.sampled_from(",."), st.integers(0, 9)).map(
        lambda t: f"{t[0]}{t[1]}{t[2]}"
    ),
    st.sampled_from(["10", "20", "30", "2020", "2021", "1 000"]),
)
WINDOW = re.compile(r"(?<!\S)[^\s\d]*\d\S*(?:[ \u00a0\u202f]\d\S*)*\s*")


@st.composite
def figure_edits(draw: st.DrawFn) -> tuple[str, str]:
    """A text, and the same text with some of its figures changed."""
    parts = draw(
        st.lists(
            st.tuples(st.one_of(FIGURES, st.sampled_from(FRAGMENTS)), st.sampled_from(SPACES)),
            min_size=1,
            max_size=14,
        )
    )
    old = "".join(word + space for word, space in parts)
    figures = [word for word, _ in parts if word[:1].isdecimal()]
    new_parts = []
    for word, space in parts:
        if word[:1].isdecimal() and draw(st.booleans()):
            word = draw(st.one_of(FIGURES, st.sampled_from(figures)))
        new_parts.append(word + space)
    return old, "".join(new_parts)


@settings(max_examples=800, deadline=None)
@given(figure_edits())
def test_figure_word_diff_is_the_token_word_diff(pair: tuple[str, str]) -> None:
    old, new = pair
    fast = figure_word_diff(old, new)
    if fast is not None:
        assert fast == token_word_diff(old, new)
    assert word_diff(old, new) == token_word_diff(old, new)


def test_changed_figures_take_the_short_road() -> None:
    old = "En 2024, plus de 12\u00a0345 personnes, soit 38\u00a0% des demandes (43,7 millions)."
    new = "En 2024, plus de 13\u00a0345 personnes, soit 39\u00a0% des demandes (44,0 millions)."
    segments = figure_word_diff(old, new)
    assert segments is not None
    assert segments == token_word_diff(old, new)
    assert {"op": "delete", "text": "12\u00a0345 "} in segments  # one grouped number
    assert {"op": "insert", "text": "44,0 "} in segments
    assert segments[0] == {"op": "equal", "text": "En 2024, plus de "}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("plus de 12 personnes", "près de 12 personnes"),  # a word changed
        ("Au total 5 puis 10 puis 20 morts", "Au total 10 puis 20 puis 30 morts"),  # recurs
        ("soit 1 000 personnes", "soit 1 0001 personnes"),  # one token becomes two
        (" 12 personnes", " 13 personnes"),  # spacing before the first token
    ],
)
def test_figure_word_diff_declines(old: str, new: str) -> None:
    assert figure_word_diff(old, new) is None
    assert word_diff(old, new) == token_word_diff(old, new)


ALPHABET = "ab d'’.,-·0123456789 \u00a0\u202f\t\n%«»_é"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_windows_are_those_of_the_pattern(text: str) -> None:
    spans = windows(text)
    assert spans == [match.span() for match in WINDOW.finditer(text)]
    bounds = [0, *(i for span in spans for i in span), len(text)]
    gaps = [text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    assert not any(char.isdecimal() for gap in gaps for char in gap)
    if not text[:1].isspace():
        assert windows_between(text, gaps) == spans


def test_windows_between_refuses_other_gaps() -> None:
    gaps = ["plus de ", "personnes"]
    assert windows_between("plus de 12 personnes", gaps) == [(8, 11)]
    assert windows_between("plus de 12 personnes.", gaps) is None
    assert windows_between("près de 12 personnes", gaps) is None
    assert windows_between("plus de x personnes", gaps) is None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789\u0663\u0967 \u00a0\u202f\t\n,.%", min_size=1, max_size=12))
def test_a_window_told_one_piece_is_one_piece(window: str) -> None:
    # Arabic-Indic and Devanagari digits: \\d and isdecimal() agree on them too.
    if _is_one_piece(window):
        assert PIECE.findall(window) == [window]
