"""Ancestor sets: containment tests as set look-ups instead of walks up the tree."""

from __future__ import annotations

from selectolax.lexbor import LexborNode


def lineage(node: LexborNode, last: LexborNode | None = None) -> set[int]:
    """``mem_id`` of ``node`` and of its ancestors, up to ``last`` included if given.

    ``other.mem_id in lineage(node)`` is ``dom.contains(other, node)``: one walk up
    serves any number of such tests."""
    found = set()
    current: LexborNode | None = node
    while current is not None:
        found.add(current.mem_id)
        if last is not None and current.mem_id == last.mem_id:
            break
        current = current.parent
    return found


def outermost(blocks: list[LexborNode], within: LexborNode | None = None) -> list[LexborNode]:
    """``blocks`` without those inside another one, each once (in the order kept): the
    blocks to remove as wholes (decomposing one inside another reads freed memory).
    Each block's ancestors are listed once (up to ``within``, which holds them all, if
    given), so that each containment test is a set look-up, not a walk up the tree."""
    if len(blocks) < 2:
        return list(blocks)  # the common case for blocks: no ancestor walk at all
    lineages = [lineage(block, within) for block in blocks]
    kept: list[int] = []
    for index, block in enumerate(blocks):
        if any(blocks[other].mem_id in lineages[index] for other in kept):
            continue
        kept = [other for other in kept if block.mem_id not in lineages[other]]
        kept.append(index)
    return [blocks[index] for index in kept]
