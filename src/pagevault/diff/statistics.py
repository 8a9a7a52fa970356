"""Changes to the figures of a page: value changes, rewordings, new and dropped figures.

A statistic's key is its section key plus the words around the figure, so a value
change alone keeps the key. When the sentence is rewritten the key changes; such a
figure is paired with a leftover one standing in the same (paired) section, with the
same unit and kind, by the similarity of its sentence (fixture
tests/fixtures/diff/statistic-value-rewritten.*.html).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from operator import attrgetter
from typing import Any

from rapidfuzz import fuzz

from pagevault.diff.match import Pair, pair_items
from pagevault.diff.model import Change, Kind, dump
from pagevault.diff.normalise import comparable_text
from pagevault.model import Statistic

CONTEXT_THRESHOLD = 50.0


def diff_statistics(
    old: tuple[Statistic, ...], new: tuple[Statistic, ...], section_map: Mapping[str, str]
) -> list[Change]:
    """``section_map``: old section key -> new section key, from the section pairing."""
    context_score, like_contexts = _context_scorers()

    def scorer(a: Statistic, b: Statistic) -> float:
        if not _same_place_and_unit(a, b, section_map):
            return 0.0
        return context_score(a.context, b.context)

    def same_statistic(a: Statistic, b: Statistic) -> bool:
        # Keys of figures in like sentences get suffixes (…-ont, …-ont-2) that shift
        # when an earlier one disappears: a key pair must still stand in a like sentence.
        if a.context == b.context:
            return True
        return _same_place_and_unit(a, b, section_map) and like_contexts(a.context, b.context)

    pairing = pair_items(
        old, new, attrgetter("key"), scorer, CONTEXT_THRESHOLD, accept=same_statistic
    )
    changes = [_dump_change("removed", s.key, s, None) for s in pairing.removed]
    changes += [c for pair in pairing.pairs if (c := _pair_change(pair)) is not None]
    changes += [_dump_change("added", s.key, None, s) for s in pairing.added]
    return changes


def _context_scorers() -> tuple[Callable[[str, str], float], Callable[[str, str], bool]]:
    """How alike two sentences are, and whether they are alike enough (a bound that lets
    rapidfuzz stop early); each pair of sentences is scored once, though a sentence often
    holds several figures."""
    scores: dict[tuple[str, str], float] = {}
    alike: dict[tuple[str, str], bool] = {}

    def score(old: str, new: str) -> float:
        pair = (old, new)
        if pair not in scores:
            scores[pair] = fuzz.token_set_ratio(comparable_text(old), comparable_text(new))
        return scores[pair]

    def like(old: str, new: str) -> bool:
        pair = (old, new)
        if pair not in alike:
            bounded = fuzz.token_set_ratio(
                comparable_text(old), comparable_text(new), score_cutoff=CONTEXT_THRESHOLD
            )
            alike[pair] = bounded >= CONTEXT_THRESHOLD
        return alike[pair]

    return score, like


def _same_place_and_unit(a: Statistic, b: Statistic, section_map: Mapping[str, str]) -> bool:
    same_section = section_map.get(a.section or "", a.section) == b.section
    same_unit = comparable_text(a.unit).lower() == comparable_text(b.unit).lower()
    return same_section and same_unit and a.kind == b.kind


def _pair_change(pair: Pair[Statistic]) -> Change | None:
    a, b = pair.old, pair.new
    if vars(a) == vars(b):  # the usual case, told at once: every field the same
        return None
    detail = _pairing_detail(pair)
    if not math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-12):
        detail.update(_deltas(a.value, b.value))
        return _dump_change("changed", b.key, a, b, detail)
    fields = _changed_fields(a, b)
    if fields:
        detail["fields"] = fields
        return _dump_change("changed", b.key, a, b, detail)
    if a.text != b.text:
        return _dump_change("reformatted", b.key, a, b, detail)
    return None


def _pairing_detail(pair: Pair[Statistic]) -> dict[str, Any]:
    if pair.old.key == pair.new.key:
        return {"paired_by": "key"}
    return {"paired_by": "context", "score": pair.score, "old_key": pair.old.key}


def _deltas(old_value: float, new_value: float) -> dict[str, Any]:
    delta = new_value - old_value
    relative = delta / abs(old_value) if old_value else None
    return {
        "old_value": old_value,
        "new_value": new_value,
        "delta": delta,
        "relative_delta": None if relative is None else round(relative, 6),
    }


def _changed_fields(a: Statistic, b: Statistic) -> dict[str, Any]:
    """Same value, different meaning around it: 'plus de' -> 'près de', another unit."""
    fields: dict[str, Any] = {}
    for name in ("unit", "qualifier", "kind"):
        before, after = getattr(a, name), getattr(b, name)
        if comparable_text(before).lower() != comparable_text(after).lower():
            fields[name] = {"old": before, "new": after}
    return fields


def _dump_change(
    kind: Kind,
    key: str,
    old: Statistic | None,
    new: Statistic | None,
    detail: dict[str, Any] | None = None,
) -> Change:
    return Change("statistic", kind, key, dump(old), dump(new), detail or {})
