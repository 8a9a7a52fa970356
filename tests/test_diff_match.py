"""Pairing and the pieces every change is made of, against the plain forms they replace."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from pagevault import parse_html
from pagevault.diff.match import Pair, Pairing, fuzzy_pairs, pair_items
from pagevault.diff.model import Change, dump
from pagevault.diff.normalise import comparable_text
from pagevault.diff.statistics import CONTEXT_THRESHOLD, _ContextScores
from pagevault.model import Snapshot

FIXTURES = Path(__file__).parent / "fixtures" / "diff"


def plain_pair_items(
    old: Sequence[str],
    new: Sequence[str],
    key: Callable[[str], str],
    scorer: Callable[[str, str], float] | None,
    threshold: float,
    accept: Callable[[str, str], bool] | None,
) -> Pairing[str]:
    """pair_items as first written: every key asked for again where needed."""
    new_by_key = {key(item): item for item in new}
    pairs = [
        Pair(item, new_by_key[key(item)], 100.0)
        for item in old
        if key(item) in new_by_key and (accept is None or accept(item, new_by_key[key(item)]))
    ]
    paired_keys = {key(pair.old) for pair in pairs}
    old_left = [item for item in old if key(item) not in paired_keys]
    new_left = [item for item in new if key(item) not in paired_keys]
    if scorer is not None and old_left and new_left:
        pairs += fuzzy_pairs(old_left, new_left, key, scorer, threshold)
    old_paired = {key(pair.old) for pair in pairs}
    new_paired = {key(pair.new) for pair in pairs}
    order = {key(item): index for index, item in enumerate(new)}
    return Pairing(
        pairs=tuple(sorted(pairs, key=lambda pair: order[key(pair.new)])),
        removed=tuple(item for item in old if key(item) not in old_paired),
        added=tuple(item for item in new if key(item) not in new_paired),
    )


items = st.lists(st.text(alphabet="abcab", min_size=1, max_size=4), max_size=8)


def first_letter(item: str) -> str:
    return item[0]  # duplicate keys on purpose


def overlap(a: str, b: str) -> float:
    return 100.0 * len(set(a) & set(b)) / len(set(a) | set(b))


@settings(max_examples=400, deadline=None)
@given(items, items, st.booleans(), st.booleans())
def test_pair_items_is_the_plain_pairing(
    old: list[str], new: list[str], fuzzy: bool, refuse: bool
) -> None:
    scorer = overlap if fuzzy else None
    accept = (lambda a, b: a[-1] == b[-1]) if refuse else None
    for key in (first_letter, str):
        expected = plain_pair_items(old, new, key, scorer, 50.0, accept)
        assert pair_items(old, new, key, scorer, 50.0, accept) == expected


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    html = (FIXTURES / "statistic-value-rewritten.before.html").read_bytes()
    return parse_html(html, url="https://exemple.org/refugies")


def test_dump_is_model_dump_in_json_mode(snapshot: Snapshot) -> None:
    models = [*snapshot.statistics, *snapshot.sections, *snapshot.related, *snapshot.breadcrumbs]
    assert models
    for model in models:
        assert dump(model) == model.model_dump(mode="json")
    assert dump(None) is None


def test_change_is_a_frozen_dataclass() -> None:
    change = Change("metadata", "changed", "title", "Avant", "Après")
    assert change.detail == {}
    assert change == Change("metadata", "changed", "title", "Avant", "Après", {})
    assert dataclasses.replace(change, key="description").key == "description"
    assert dataclasses.asdict(change)["new"] == "Après"
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.key = "autre"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("En 2024, 12 000 personnes ont été aidées.", "En 2025, 13 000 personnes ont été aidées."),
        ("Le budget atteint 4,5 millions.", "Nos bénévoles ont tenu 300 permanences."),
        ("", "Une phrase."),
    ],
)
def test_context_score_is_rapidfuzz(old: str, new: str) -> None:
    contexts = _ContextScores({"s": "s"})
    a = {"kind": "count", "unit": "personnes", "section": "s", "context": old}
    b = {**a, "context": new}
    expected = fuzz.token_set_ratio(comparable_text(old), comparable_text(new))
    assert contexts.score(a, b) == expected
    assert contexts.score(a, b) == expected  # from memory
    assert contexts.alike(a, b) is (old == new or expected >= CONTEXT_THRESHOLD)


def test_context_score_is_zero_across_sections_kinds_or_units() -> None:
    contexts = _ContextScores({"s": "t"})
    a = {
        "kind": "count",
        "unit": "personnes",
        "section": "s",
        "context": "Plus de 12 000 personnes.",
    }
    assert contexts.score(a, {**a, "section": "t"}) == 100.0  # s was paired with t
    assert contexts.score(a, {**a, "section": "s"}) == 0.0
    assert contexts.score(a, {**a, "section": "t", "kind": "money"}) == 0.0
    assert contexts.score(a, {**a, "section": "t", "unit": "%"}) == 0.0
    assert contexts.alike(a, {**a, "section": "s"})  # the same sentence is always alike
