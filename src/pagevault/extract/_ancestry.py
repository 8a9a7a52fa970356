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
