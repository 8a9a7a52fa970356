"""Plain-text helpers: whitespace collapsing keeps the spaces figures need."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pagevault.text import _slug_of, clean_text, slugify, unique_keys

_PIECES = [
    " ",
    "\n",
    "\t",
    "\r",
    "\u00a0",
    "\u202f",
    "\u2003",
    "\u200b",
    "\u00ad",
    "\x1b",
    "a",
    "é",
    "43",
]


def test_indented_source_text_collapses_to_single_spaces() -> None:
    indented = "\n\t\tNos combats\n\t\t pour  les\tdroits\n"
    assert clean_text(indented) == "Nos combats pour les droits"


def test_no_break_spaces_inside_figures_are_kept() -> None:
    figures = "\n  29\u00a0000 personnes, 83\u202f%\n"
    assert clean_text(figures) == "29\u00a0000 personnes, 83\u202f%"


def test_controls_and_zero_width_characters_are_removed() -> None:
    assert clean_text("a\x1b[2Jb\u200bc\n d") == "a[2Jbc d"


def test_soft_hyphens_are_removed() -> None:
    """ "&shy;" marks where a word may break; a reader sees the whole word."""
    assert clean_text("Künst\u00adliche In\u00adtel\u00adli\u00adgenz") == "Künstliche Intelligenz"


@given(st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
def test_cleaned_text_has_no_runs_controls_or_padding(value: str) -> None:
    cleaned = clean_text(value)
    assert "  " not in cleaned
    assert not any(char in cleaned for char in "\n\t\r\u2003\u200b\u00ad\x1b")
    assert cleaned == cleaned.strip(" \u00a0\u202f")
    dropped = " \u00a0\u202f\n\t\r\u2003\u200b\u00ad\x1b"
    assert [c for c in cleaned if c not in dropped] == [c for c in value if c not in dropped]


_SPACING_RUN = re.compile(r"[ \t\n\r\f\v\u2000-\u200a\u2028\u2029\u3000]+")


def _reference_clean(value: str) -> str:
    """clean_text spelled the slow, obvious way: controls out, whitespace runs (but
    U+00A0 / U+202F) made one space, padding stripped."""
    value = re.sub(
        "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]",
        "",
        value,
    )
    return _SPACING_RUN.sub(" ", value).strip(" \u00a0\u202f")


@given(st.lists(st.sampled_from(_PIECES), max_size=24).map("".join))
def test_every_fast_path_agrees_with_the_plain_rule(value: str) -> None:
    # Samples hit each path: printable text, indented text, indented text with no-break
    # spaces (French figures), and text with controls or other spaces.
    assert clean_text(value) == _reference_clean(value)


def test_indented_french_figures_keep_their_no_break_spaces() -> None:
    indented = "\n\t\t29\u00a0000  personnes,\n\t 83\u202f%\u00a0\n"
    assert clean_text(indented) == "29\u00a0000 personnes, 83\u202f%"


_SLUG_LABELS = [
    "Home",
    "About us",
    "Get Involved 2024",
    " padded  label ",
    "a\tb",
    "snake_case",
    "L'association",
    "Réfugiés et migrants",
    "Nos combats · Agir",
    "Don’t miss",
    "数据",
    "",
    " ",
    "x" * 60,
    "x" * 61,
    "word " * 12 + "end",
    "ab" * 30 + " c",
    "C++ & Co.",
    "3 500 personnes",
    "ÉQUIPE",
]


@pytest.mark.parametrize("label", _SLUG_LABELS)
def test_the_plain_ascii_slug_is_the_normalizing_one(label: str) -> None:
    assert slugify(label) == _slug_of(label, 60)


@given(st.text(alphabet=st.sampled_from("aZ09 _-'é·"), max_size=70))
def test_every_label_gets_the_normalizing_slug(label: str) -> None:
    assert slugify(label) == _slug_of(label, 60)


def test_duplicate_bases_get_numbered_suffixes() -> None:
    assert unique_keys(["a", "a", "b", "a", ""]) == ["a", "a-2", "b", "a-3", "item"]
    assert unique_keys(["", ""], "section") == ["section", "section-2"]


def test_a_suffixed_key_is_never_handed_out_twice() -> None:
    """A card titled "Annual report 2" and a second "Annual report" would both be
    'annual-report-2': a diff then pairs the wrong items."""
    bases = ["annual-report-2", "annual-report", "annual-report"]
    assert unique_keys(bases) == ["annual-report-2", "annual-report", "annual-report-3"]


def test_an_entry_with_a_base_of_its_own_keeps_it_when_twins_come_before_it() -> None:
    """Snapshot 1 has "Annual report" and "Annual report 2"; snapshot 2 inserts a second
    "Annual report" before "Annual report 2": that one keeps 'annual-report-2'."""
    first = unique_keys(["annual-report", "annual-report-2"])
    second = unique_keys(["annual-report", "annual-report", "annual-report-2"])
    assert first == ["annual-report", "annual-report-2"]
    assert second == ["annual-report", "annual-report-3", "annual-report-2"]


@given(st.lists(st.sampled_from(["a", "a-2", "a-3", "a-2-2", "b", ""]), max_size=12))
def test_keys_are_unique_and_a_lone_base_is_kept(bases: list[str]) -> None:
    keys = unique_keys(bases)
    assert len(set(keys)) == len(keys)
    for base, key in zip(bases, keys, strict=True):
        if base and bases.count(base) == 1:
            assert key == base
