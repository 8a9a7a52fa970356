"""Changes to the figures of a page: value changes, rewordings, new and dropped figures.

A statistic's key is its section key plus the words around the figure, so a value
change alone keeps the key. The same value written otherwise ('83%' → '83 %') is
``reformatted``; the same text with other spaces (no-break or not) is no change.

When the sentence is rewritten the key changes; such a figure is paired with a leftover
one standing in the same (paired) section, with the same unit and kind, by the similarity
of its sentence (fixture tests/fixtures/diff/statistic-value-rewritten.*.html).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from operator import itemgetter
from typing import Any

from rapidfuzz import fuzz

from pagevault.diff.match import Pair, pair_items
from pagevault.diff.model import Change, Kind, dump
from pagevault.diff.normalise import comparable_text
from pagevault.model import Statistic

CONTEXT_THRESHOLD = 50.0


# A statistic's fields, as its ``vars``: statistics are diffed on these, since reading a
# pydantic model's attribute costs ~8 times a dict lookup (its ``__getattr__`` hook) and
# each statistic is read a dozen times (every figure of a 50 KB page: -20% of the time).
Fields = dict[str, Any]


def diff_statistics(
    old: tuple[Statistic, ...], new: tuple[Statistic, ...], section_map: Mapping[str, str]
) -> list[Change]:
    """``section_map``: old section key -> new section key, from the section pairing."""
    contexts = _ContextScores(section_map)
    pairing = pair_items(
        [vars(s) for s in old],
        [vars(s) for s in new],
        itemgetter("key"),
        contexts.score,
        CONTEXT_THRESHOLD,
        accept=contexts.alike,
    )
    changes = [Change("statistic", "removed", s["key"], _dump(s), None) for s in pairing.removed]
    changes += [change for pair in pairing.pairs if (change := _pair_change(pair)) is not None]
    changes += [Change("statistic", "added", s["key"], None, _dump(s)) for s in pairing.added]
    return changes


class _ContextScores:
    """How alike the sentences of two statistics are, for statistics standing in the same
    (paired) section with the same kind and unit (0 otherwise). Each pair of sentences is
    scored once, though a sentence often holds several figures."""

    def __init__(self, section_map: Mapping[str, str]) -> None:
        self._section_map = section_map
        self._scores: dict[tuple[str, str], float] = {}

    def score(self, a: Fields, b: Fields) -> float:
        if not _same_place_and_unit(a, b, self._section_map):
            return 0.0
        sentences = (a["context"], b["context"])
        score = self._scores.get(sentences)
        if score is None:
            old, new = map(comparable_text, sentences)
            score = self._scores[sentences] = fuzz.token_set_ratio(old, new)
        return score

    def alike(self, a: Fields, b: Fields) -> bool:
        """Whether a key pair stands in like sentences: keys of figures in like sentences
        get suffixes (…-ont, …-ont-2) that shift when an earlier one disappears."""
        return a["context"] == b["context"] or self.score(a, b) >= CONTEXT_THRESHOLD


def _same_place_and_unit(a: Fields, b: Fields, section_map: Mapping[str, str]) -> bool:
    if a["kind"] != b["kind"] or section_map.get(a["section"] or "", a["section"]) != b["section"]:
        return False
    return a["unit"] == b["unit"] or (
        comparable_text(a["unit"]).lower() == comparable_text(b["unit"]).lower()
    )


def _pair_change(pair: Pair[Fields]) -> Change | None:
    a, b, score = pair
    if a == b:  # the usual case, told at once: every field the same
        return None
    detail: dict[str, Any] = {"paired_by": "key"}
    if a["key"] != b["key"]:
        detail = {"paired_by": "context", "score": score, "old_key": a["key"]}
    kind: Kind = "changed"
    if not math.isclose(a["value"], b["value"], rel_tol=1e-9, abs_tol=1e-12):
        detail.update(_deltas(a["value"], b["value"]))
    elif fields := _changed_fields(a, b):
        detail["fields"] = fields
    elif _spaced(a["text"]) != _spaced(b["text"]):
        kind = "reformatted"
    else:
        return None
    return Change("statistic", kind, b["key"], _dump(a), _dump(b), detail)


_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]")


def _spaced(text: str) -> str:
    """The text with every space one plain space: '29 000' with a no-break or a narrow
    no-break space reads the same and is no change at all (not even ``reformatted``),
    while '83%' → '83 %' is written differently."""
    return _SPACES.sub(" ", text)


def _dump(statistic: Fields) -> dict[str, Any]:
    """``dump()`` of the statistic: a validated statistic's fields are already of JSON
    types, in order, so a copy of them is its dump, at a tenth of the serializer's cost.
    A value not held as a float (``model_construct``) is left to the serializer."""
    if type(statistic["value"]) is not float:
        dumped = dump(Statistic.model_construct(**statistic))
        assert dumped is not None  # dump() is None only for None
        return dumped
    return dict(statistic)


def _deltas(old_value: float, new_value: float) -> dict[str, Any]:
    delta = new_value - old_value
    relative = delta / abs(old_value) if old_value else None
    return {
        "old_value": old_value,
        "new_value": new_value,
        "delta": delta,
        "relative_delta": None if relative is None else round(relative, 6),
    }


def _changed_fields(a: Fields, b: Fields) -> dict[str, Any]:
    """Same value, different meaning around it: 'plus de' -> 'près de', another unit."""
    fields: dict[str, Any] = {}
    for name in ("unit", "qualifier", "kind"):
        before, after = a[name], b[name]
        if comparable_text(before).lower() != comparable_text(after).lower():
            fields[name] = {"old": before, "new": after}
    return fields
