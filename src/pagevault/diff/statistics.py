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
    context_score = _context_scorer()

    def scorer(a: Statistic, b: Statistic) -> float:
        if not _same_place_and_unit(a, b, section_map):
            return 0.0
        return context_score(a.context, b.context)

    def same_statistic(a: Statistic, b: Statistic) -> bool:
        # Keys of figures in like sentences get suffixes (…-ont, …-ont-2) that shift
        # when an earlier one disappears: a key pair must still stand in a like sentence.
        return a.context == b.context or scorer(a, b) >= CONTEXT_THRESHOLD

    pairing = pair_items(
        old, new, attrgetter("key"), scorer, CONTEXT_THRESHOLD, accept=same_statistic
    )
    changes = [Change("statistic", "removed", s.key, dump(s), None) for s in pairing.removed]
    changes += [change for pair in pairing.pairs if (change := _pair_change(pair)) is not None]
    changes += [Change("statistic", "added", s.key, None, dump(s)) for s in pairing.added]
    return changes


def _context_scorer() -> Callable[[str, str], float]:
    """How alike two sentences are; each pair of sentences is scored once, though a
    sentence often holds several figures."""
    scores: dict[tuple[str, str], float] = {}

    def score(old: str, new: str) -> float:
        pair = (old, new)
        if pair not in scores:
            scores[pair] = fuzz.token_set_ratio(comparable_text(old), comparable_text(new))
        return scores[pair]

    return score


def _same_place_and_unit(a: Statistic, b: Statistic, section_map: Mapping[str, str]) -> bool:
    if a.kind != b.kind or section_map.get(a.section or "", a.section) != b.section:
        return False
    return a.unit == b.unit or comparable_text(a.unit).lower() == comparable_text(b.unit).lower()


def _pair_change(pair: Pair[Statistic]) -> Change | None:
    a, b, score = pair
    if vars(a) == vars(b):  # the usual case, told at once: every field the same
        return None
    detail: dict[str, Any] = {"paired_by": "key"}
    if a.key != b.key:
        detail = {"paired_by": "context", "score": score, "old_key": a.key}
    kind: Kind = "changed"
    if not math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-12):
        detail.update(_deltas(a.value, b.value))
    elif fields := _changed_fields(a, b):
        detail["fields"] = fields
    elif a.text != b.text:
        kind = "reformatted"
    else:
        return None
    return Change("statistic", kind, b.key, dump(a), dump(b), detail)


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
