"""Plain-text helpers: whitespace collapsing keeps the spaces figures need."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pagevault.text import clean_text

_PIECES = [" ", "\n", "\t", "\r", "\u00a0", "\u202f", "\u2003", "\u200b", "\x1b", "a", "é", "43"]


def test_indented_source_text_collapses_to_single_spaces() -> None:
    indented = "\n\t\tNos combats\n\t\t pour  les\tdroits\n"
    assert clean_text(indented) == "Nos combats pour les droits"


def test_no_break_spaces_inside_figures_are_kept() -> None:
    figures = "\n  29\u00a0000 personnes, 83\u202f%\n"
    assert clean_text(figures) == "29\u00a0000 personnes, 83\u202f%"


def test_controls_and_zero_width_characters_are_removed() -> None:
    assert clean_text("a\x1b[2Jb\u200bc\n d") == "a[2Jbc d"


@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_cleaned_text_has_no_runs_controls_or_padding(value: str) -> None:
    cleaned = clean_text(value)
    assert "  " not in cleaned
    assert not any(char in cleaned for char in "\n\t\r\u2003\u200b\x1b")
    assert cleaned == cleaned.strip(" \u00a0\u202f")
    dropped = " \u00a0\u202f\n\t\r\u2003\u200b\x1b"
    assert [c for c in cleaned if c not in dropped] == [c for c in value if c not in dropped]
