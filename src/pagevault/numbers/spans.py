"""The union of the spans a scan has read, asked whether a span overlaps it.

A scan asks this for most numbers it reads; a list searched from its start made a
text of n figures cost n² ("half of " 4000 times: 2.8 s, RELIABILITY.md rule 1).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class SpanUnion:
    """Disjoint, sorted spans (start, end): two spans that overlap are merged, two that
    only touch are not, so that a span overlaps the union exactly when it overlaps one
    of the spans added. Their ends are then sorted as their starts are: the one span
    starting last before a span's end tells whether they overlap (a bisection)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._points: list[int] = []  # empty spans (none is expected): no union holds them

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start < span_end and span_start < end`` for one span added."""
        index = bisect_left(self._starts, end)  # the spans starting before ``end``
        if index > 0 and self._ends[index - 1] > start:
            return True
        return bool(self._points) and any(start < point < end for point in self._points)

    def add(self, start: int, end: int) -> None:
        """Add ``(start, end)``, merged with the spans it overlaps."""
        if start >= end:
            self._points.append(start)
            return
        first = bisect_right(self._ends, start)  # spans ending at or before start stay
        last = bisect_left(self._starts, end)  # spans starting at or after end stay
        if first < last:  # overlapped: merged into one
            start = min(start, self._starts[first])
            end = max(end, self._ends[last - 1])
        self._starts[first:last] = [start]
        self._ends[first:last] = [end]
