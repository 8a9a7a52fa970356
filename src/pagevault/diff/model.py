"""The result of a diff: a flat, ordered list of changes and a summary of them.

Plain frozen dataclasses rather than pydantic models: a diff is built and read in
one process, and ``to_json`` is all the renderers need. Every ``old``, ``new`` and
``detail`` value is made of JSON types (str, int, float, bool, None, list, dict).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal, get_args

from pydantic import BaseModel

Area = Literal["metadata", "navigation", "breadcrumbs", "section", "statistic", "related"]
Kind = Literal["added", "removed", "changed", "moved", "renamed", "reformatted"]

AREAS: tuple[Area, ...] = get_args(Area)
KINDS: tuple[Kind, ...] = get_args(Kind)
# Kinds that say how something is written, not what it says: not news for an analyst.
FORMAT_ONLY_KINDS: frozenset[Kind] = frozenset({"reformatted"})


def dump(model: BaseModel | None) -> dict[str, Any] | None:
    """``model.model_dump(mode="json")`` (None for None), asked of the model's serializer
    directly: ``model_dump`` only forwards its default arguments to it, at twice the cost."""
    return None if model is None else model.__pydantic_serializer__.to_python(model, mode="json")


@dataclass(frozen=True, init=False)
class Change:
    """One fact that differs between two snapshots, in the words of one area."""

    area: Area
    kind: Kind
    key: str
    old: Any
    new: Any
    detail: dict[str, Any]

    def __init__(
        self,
        area: Area,
        kind: Kind,
        key: str,
        old: Any,
        new: Any,
        detail: dict[str, Any] | None = None,
    ) -> None:
        # The generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__; filling __dict__ item by item costs a sixth of that (a
        # keyword ``update`` a fourth), and a diff makes hundreds of changes. Assignment
        # stays refused (frozen).
        fields = self.__dict__
        fields["area"] = area
        fields["kind"] = kind
        fields["key"] = key
        fields["old"] = old
        fields["new"] = new
        fields["detail"] = {} if detail is None else detail

    @property
    def is_content_change(self) -> bool:
        return self.kind not in FORMAT_ONLY_KINDS

    def to_json(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "kind": self.kind,
            "key": self.key,
            "old": self.old,
            "new": self.new,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class DiffResult:
    """All changes from an old snapshot to a new one, in area then page order."""

    changes: tuple[Change, ...]

    @property
    def content_changed(self) -> bool:
        """False when nothing changed or only the way figures are written did."""
        return any(change.is_content_change for change in self.changes)

    @property
    def summary(self) -> dict[str, Any]:
        """Counts by area and kind, for a one-line report and for ``history``."""
        by_area: dict[str, dict[str, int]] = {}
        for change in self.changes:
            kinds = by_area.setdefault(change.area, {})
            kinds[change.kind] = kinds.get(change.kind, 0) + 1
        by_kind = Counter(change.kind for change in self.changes)
        return {
            "total": len(self.changes),
            "content_changes": sum(change.is_content_change for change in self.changes),
            "by_area": by_area,
            "by_kind": dict(by_kind),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "content_changed": self.content_changed,
            "summary": self.summary,
            "changes": [change.to_json() for change in self.changes],
        }
