"""What the number grammar returns: figures and the numbers it refused."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in text, with its number read out."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    kind: FigureKind
    qualifier: str | None
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Rejected:
    """A number deliberately not read as a figure, and why."""

    start: int
    end: int
    text: str
    reason: RejectReason
