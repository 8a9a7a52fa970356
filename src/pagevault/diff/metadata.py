"""Changes to the page head: title, description, canonical URL, language, dates (pure)."""

from __future__ import annotations

from collections.abc import Callable

from pagevault.diff.model import Change, Kind
from pagevault.diff.normalise import comparable_text, comparable_url
from pagevault.model import Snapshot

# Field -> the form it is compared on. Language tags are case-insensitive (BCP 47).
_FIELDS: dict[str, Callable[[str | None], str]] = {
    "title": comparable_text,
    "description": comparable_text,
    "canonical": comparable_url,
    "lang": lambda value: (value or "").strip().lower().replace("_", "-"),
    "published": lambda value: (value or "").strip(),
    "modified": lambda value: (value or "").strip(),
}


def diff_metadata(old: Snapshot, new: Snapshot) -> list[Change]:
    """One change per head field whose meaning differs."""
    changes = []
    for name, comparable in _FIELDS.items():
        before, after = getattr(old, name), getattr(new, name)
        if comparable(before) == comparable(after):
            continue
        kind: Kind = "added" if not before else "removed" if not after else "changed"
        changes.append(Change("metadata", kind, name, before, after, {}))
    return changes
