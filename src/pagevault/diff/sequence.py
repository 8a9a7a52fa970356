"""difflib's opcodes for two equal-length sequences that differ in a few places, found fast.

A paragraph whose figures changed tokenizes to as many tokens as before, equal but at the
figures: the matching blocks are then, most often, just the runs of positions where the
two sides agree ("diagonal runs"). ``SequenceMatcher`` still searches every pair of equal
tokens (every "de", every comma) again at each step of its recursion.

``aligned_opcodes`` returns exactly what ``SequenceMatcher(None, a, b,
autojunk=False).get_opcodes()`` returns, by the same recursion (in a part of both sides,
the longest common block, the earliest in ``a`` then in ``b`` of equal ones; then the parts
left and right of it), with a shortcut for the parts that span the same positions on both
sides: there, a diagonal run longer than ``limit`` is the block difflib finds, where
``limit`` is the longest off-diagonal common stretch (``a[i:i+k] == b[j:j+k]``, ``i != j``)
that covers a position where the sides differ. Why: an off-diagonal stretch covering no
such position lies inside one diagonal run on each side, so it is no longer than the
longest run of the part; and if as long, it is a whole run equal to another whole run,
and the earlier of the two, taken diagonally, comes first in difflib's order. Parts where
the shortcut does not apply are searched as difflib does (``longest_match``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import compress, count, pairwise
from operator import ne
from typing import Literal

Tag = Literal["replace", "delete", "insert", "equal"]
Opcode = tuple[Tag, int, int, int, int]
Block = tuple[int, int, int]  # start in a, start in b, length
# Below this share of positions that agree, the shortcut rarely applies: use difflib.
MIN_AGREEING = 0.5


def aligned_opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode] | None:
    """difflib's opcodes from ``a`` to ``b``; None unless they have the same length and
    agree at most positions (the caller then asks ``SequenceMatcher``)."""
    if len(a) != len(b) or not a:
        return None
    changed = differing_positions(a, b)
    if len(changed) > (1 - MIN_AGREEING) * len(a):
        return None
    limit = longest_off_diagonal(a, b, changed)
    starts, ends = runs = diagonal_runs(changed, len(a))
    if limit == 0:  # every part's block is its longest run: every run is a block
        blocks = [(start, start, end - start) for start, end in zip(starts, ends, strict=True)]
    else:
        blocks = _merge_adjacent(_Recursion(a, b, runs, limit).matching_blocks())
    return _opcodes(blocks, len(a), len(b))


def differing_positions(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[int]:
    """Positions where two sequences of the same length differ."""
    return list(compress(count(), map(ne, a, b)))


def diagonal_runs(changed: list[int], length: int) -> tuple[list[int], list[int]]:
    """Starts and ends of the maximal runs of positions not in ``changed``."""
    cuts = [-1, *changed, length]
    runs = [(cut + 1, next_cut) for cut, next_cut in pairwise(cuts) if next_cut > cut + 1]
    return [start for start, _ in runs], [end for _, end in runs]


def longest_off_diagonal(a: Sequence[Hashable], b: Sequence[Hashable], changed: list[int]) -> int:
    """Length of the longest ``a[i:i+k] == b[j:j+k]``, ``i != j``, that covers a changed
    position on either side (``changed``: where ``a`` and ``b`` differ)."""
    values_a, values_b = set(a), set(b)
    crossings = [(d, j) for d in changed if a[d] in values_b for j in _indexes(b, a[d])]
    crossings += [(i, d) for d in changed if b[d] in values_a for i in _indexes(a, b[d])]
    return max((common_stretch(a, b, i, j) for i, j in crossings), default=0)


def _indexes(sequence: Sequence[Hashable], value: Hashable) -> list[int]:
    return [index for index, item in enumerate(sequence) if item == value]


def common_stretch(a: Sequence[Hashable], b: Sequence[Hashable], i: int, j: int) -> int:
    """Length of the maximal ``a[i-s:i+e] == b[j-s:j+e]`` through ``a[i] == b[j]``."""
    before = 0
    while min(i, j) > before and a[i - before - 1] == b[j - before - 1]:
        before += 1
    after = 1
    while _agree(a, b, i + after, j + after):
        after += 1
    return before + after


def _agree(a: Sequence[Hashable], b: Sequence[Hashable], i: int, j: int) -> bool:
    return i < len(a) and j < len(b) and a[i] == b[j]


@dataclass
class _Recursion:
    """difflib's ``get_matching_blocks`` recursion, with the diagonal shortcut."""

    a: Sequence[Hashable]
    b: Sequence[Hashable]
    runs: tuple[list[int], list[int]]  # starts, ends of the diagonal runs
    limit: int  # diagonal runs longer than this are blocks (module docstring)
    positions: dict[Hashable, list[int]] | None = None  # difflib's b2j, made when needed

    def matching_blocks(self) -> list[Block]:
        """The blocks, before adjacent ones are merged."""
        blocks: list[Block] = []
        queue = [(0, len(self.a), 0, len(self.b))]
        while queue:
            alo, ahi, blo, bhi = queue.pop()
            i, j, k = self._block(alo, ahi, blo, bhi)
            if k:
                blocks.append((i, j, k))
                if alo < i and blo < j:
                    queue.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    queue.append((i + k, ahi, j + k, bhi))
        return sorted(blocks)

    def _block(self, alo: int, ahi: int, blo: int, bhi: int) -> Block:
        block = (
            _diagonal_block(self.runs, alo, ahi, self.limit) if (alo, ahi) == (blo, bhi) else None
        )
        if block is not None:
            return block
        if self.positions is None:
            self.positions = _positions(self.b)
        return longest_match(self.a, self.positions, alo, ahi, blo, bhi)


def _positions(b: Sequence[Hashable]) -> dict[Hashable, list[int]]:
    positions: dict[Hashable, list[int]] = {}
    for j, value in enumerate(b):
        positions.setdefault(value, []).append(j)
    return positions


def _diagonal_block(
    runs: tuple[list[int], list[int]], lo: int, hi: int, limit: int
) -> Block | None:
    """The earliest longest diagonal run inside ``[lo, hi)`` on both sides, when it is
    longer than ``limit`` (then it is the block difflib finds); else None. With no run
    there and no off-diagonal stretch at all (``limit`` 0), nothing matches there."""
    starts, ends = runs
    best: Block = (lo, lo, 0)
    for run in range(bisect_right(ends, lo), bisect_left(starts, hi)):
        start = max(starts[run], lo)
        length = min(ends[run], hi) - start
        if length > best[2]:
            best = (start, start, length)
    return best if best[2] > limit or limit == 0 else None


def longest_match(
    a: Sequence[Hashable],
    positions: dict[Hashable, list[int]],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
) -> Block:
    """``SequenceMatcher.find_longest_match`` without junk (so without its widening step,
    which only junk or popular elements feed), ``positions`` being its ``b2j``."""
    best: Block = (alo, blo, 0)
    run_ending: dict[int, int] = {}  # j -> length of the common stretch ending at (i-1, j)
    for i in range(alo, ahi):
        ending: dict[int, int] = {}
        for j in positions.get(a[i], ()):
            if j < blo:
                continue
            if j >= bhi:
                break
            length = ending[j] = run_ending.get(j - 1, 0) + 1
            if length > best[2]:
                best = (i - length + 1, j - length + 1, length)
        run_ending = ending
    return best


def _merge_adjacent(blocks: list[Block]) -> list[Block]:
    """difflib's last step of ``get_matching_blocks``: blocks that touch become one."""
    merged: list[Block] = []
    for i, j, k in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + k)
        else:
            merged.append((i, j, k))
    return merged


def _opcodes(blocks: list[Block], len_a: int, len_b: int) -> list[Opcode]:
    """difflib's ``get_opcodes`` over the matching blocks."""
    opcodes: list[Opcode] = []
    i = j = 0
    for block_i, block_j, size in [*blocks, (len_a, len_b, 0)]:
        tag = _gap_tag(i < block_i, j < block_j)
        if tag is not None:
            opcodes.append((tag, i, block_i, j, block_j))
        i, j = block_i + size, block_j + size
        if size:
            opcodes.append(("equal", block_i, i, block_j, j))
    return opcodes


def _gap_tag(old_left: bool, new_left: bool) -> Tag | None:
    """What fills the gap before a block: elements left on both sides, one, or none."""
    if old_left:
        return "replace" if new_left else "delete"
    return "insert" if new_left else None
