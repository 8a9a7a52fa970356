"""Pairing the items of two lists: by key first, then by similarity (pure).

Keys are stable across versions only while the text they are slugged from stays
the same; a renamed section or a retitled card gets a new key. Leftovers are then
paired greedily by a rapidfuzz score above a threshold, best pairs first, so a
rename is one change rather than a removal plus an addition.

Ties are broken on the pair of keys, not on positions, so that pairing old with
new and new with old gives the same pairs (``diff(b, a)`` mirrors ``diff(a, b)``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")
Scorer = Callable[[T, T], float]
# Similarity pairing is quadratic; past this many leftovers on a side, the rest stay
# unpaired (reported as added/removed) rather than blowing the time budget.
MAX_FUZZY_ITEMS = 300


class Pair(NamedTuple, Generic[T]):
    """Two items taken for the same one (a named tuple: a diff makes hundreds of them)."""

    old: T
    new: T
    score: float  # 100.0 for a key match


@dataclass(frozen=True)
class Pairing(Generic[T]):
    pairs: tuple[Pair[T], ...]
    removed: tuple[T, ...]
    added: tuple[T, ...]


def pair_items(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], str],
    scorer: Scorer[T] | None = None,
    threshold: float = 100.0,
    accept: Callable[[T, T], bool] | None = None,
) -> Pairing[T]:
    """Pairs by equal ``key`` (that ``accept`` does not refuse), then leftovers by
    ``scorer`` >= ``threshold``; pairs in new order."""
    old_keys, new_keys = [key(item) for item in old], [key(item) for item in new]
    new_index = {item_key: index for index, item_key in enumerate(new_keys)}  # last one wins
    if old_keys == new_keys and len(new_index) == len(new_keys):
        in_step = _in_step(old, new, accept)
        if in_step is not None:
            return in_step
    placed = _key_pairs(old, old_keys, new, new_index, accept)
    old_paired = {key(pair.old) for _, pair in placed}
    new_paired = set(old_paired)
    if scorer is not None:
        old_left = [item for item, k in zip(old, old_keys, strict=True) if k not in old_paired]
        new_left = [item for item, k in zip(new, new_keys, strict=True) if k not in old_paired]
        fuzzy = (
            fuzzy_pairs(old_left, new_left, key, scorer, threshold) if old_left and new_left else []
        )
        for pair in fuzzy:
            old_paired.add(key(pair.old))
            new_paired.add(key(pair.new))
            placed.append((new_index[key(pair.new)], pair))
    placed.sort(key=itemgetter(0))  # stable: pairs of one new item keep the order above
    return Pairing(
        pairs=tuple(pair for _, pair in placed),
        removed=tuple(item for item, k in zip(old, old_keys, strict=True) if k not in old_paired),
        added=tuple(item for item, k in zip(new, new_keys, strict=True) if k not in new_paired),
    )


def _in_step(
    old: Sequence[T], new: Sequence[T], accept: Callable[[T, T], bool] | None
) -> Pairing[T] | None:
    """The usual case (the same keys, each once, in the same order), told without the
    bookkeeping of leftovers: every item paired with its counterpart, if ``accept``
    takes every pair; else None. Saves a third of the pairing of 500 figures."""
    if accept is not None and not all(map(accept, old, new)):
        return None
    return Pairing(tuple([Pair(a, b, 100.0) for a, b in zip(old, new, strict=True)]), (), ())


def _key_pairs(
    old: Sequence[T],
    old_keys: list[str],
    new: Sequence[T],
    new_index: dict[str, int],
    accept: Callable[[T, T], bool] | None,
) -> list[tuple[int, Pair[T]]]:
    """Old items paired with the new item of the same key, each with that item's index."""
    found = [(new_index.get(k), item) for item, k in zip(old, old_keys, strict=True)]
    return [
        (index, Pair(item, new[index], 100.0))
        for index, item in found
        if index is not None and (accept is None or accept(item, new[index]))
    ]


def fuzzy_pairs(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], str], scorer: Scorer[T], threshold: float
) -> list[Pair[T]]:
    """Greedy best-first pairing of two lists of unpaired items."""
    old, new = old[:MAX_FUZZY_ITEMS], new[:MAX_FUZZY_ITEMS]
    candidates = [
        (score, tuple(sorted((key(a), key(b)))), a, b)
        for a in old
        for b in new
        if (score := scorer(a, b)) >= threshold
    ]
    candidates.sort(key=lambda candidate: (-candidate[0], candidate[1]))
    used_old: set[str] = set()
    used_new: set[str] = set()
    pairs: list[Pair[T]] = []
    for score, _, a, b in candidates:
        if key(a) in used_old or key(b) in used_new:
            continue
        used_old.add(key(a))
        used_new.add(key(b))
        pairs.append(Pair(a, b, round(score, 1)))
    return pairs


def out_of_order(old_order: Sequence[str], new_order: Sequence[str]) -> set[str]:
    """Identities (present in both lists) that moved relative to the others.

    Those outside one longest common subsequence, so that an insertion shifting
    everything after it moves nothing. Both lists hold each identity once, so the
    LCS is a longest increasing run of old positions in new order: O(n log n), and
    of the same length whichever list is called old (``diff(b, a)`` mirrors).
    """
    common = set(old_order) & set(new_order)
    if list(old_order) == list(new_order) and len(common) == len(old_order):
        return set()  # the usual case, told at once: the same identities, in the same order
    old_position = {item: index for index, item in enumerate(i for i in old_order if i in common)}
    sequence = [item for item in new_order if item in common]
    return common - set(_longest_increasing(sequence, old_position))


def _longest_increasing(items: Sequence[str], rank: dict[str, int]) -> list[str]:
    """Patience sorting: one longest subsequence of ``items`` with increasing ``rank``."""
    tails: list[int] = []  # rank of the smallest tail of each run length
    tail_items: list[int] = []  # index in items of that tail
    previous: list[int] = []
    for index, item in enumerate(items):
        length = bisect_left(tails, rank[item])
        previous.append(tail_items[length - 1] if length else -1)
        if length == len(tails):
            tails.append(rank[item])
            tail_items.append(index)
        else:
            tails[length] = rank[item]
            tail_items[length] = index
    run: list[str] = []
    cursor = tail_items[-1] if tail_items else -1
    while cursor >= 0:
        run.append(items[cursor])
        cursor = previous[cursor]
    return run[::-1]
