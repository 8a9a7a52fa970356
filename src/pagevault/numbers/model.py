"""What the number grammar returns: figures and the numbers it refused."""

from __future__ import annotations

from typing import Literal, NamedTuple

FigureKind = Literal["count", "percent", "money", "ratio", "range", "duration"]
RejectReason = Literal[
    "year",
    "date",
    "time",
    "phone",
    "postcode",
    "ordinal",
    "numbering",
    "version",
    "code",
    "footnote",
    "small",
]


# Named tuples, not frozen dataclasses: just as immutable, and built in half the
# time (a frozen dataclass sets each field through object.__setattr__: ~17,000
# instructions a Figure against ~8,000, measured; a page builds a few dozen).
class Figure(NamedTuple):
    """A figure found in text, with its number read out."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    kind: FigureKind
    qualifier: str | None
    ambiguous: bool = False


class Rejected(NamedTuple):
    """A number deliberately not read as a figure, and why."""

    start: int
    end: int
    text: str
    reason: RejectReason
