"""Changes to "see also" / related-content cards: added, removed, edited (pure).

Cards are paired by key, then by the same link or a similar title, so a retitled
card is one ``changed`` listing the fields that differ (title, url, kind, date, tags).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from rapidfuzz import fuzz

from pagevault.diff.match import Pair, pair_items
from pagevault.diff.model import Change, Kind, dump
from pagevault.diff.normalise import comparable_text, comparable_url
from pagevault.model import RelatedLink

TITLE_THRESHOLD = 75.0

_FIELDS: dict[str, Callable[[RelatedLink], Any]] = {
    "title": lambda card: comparable_text(card.title),
    "url": lambda card: comparable_url(card.url),
    "kind": lambda card: comparable_text(card.kind).lower(),
    "date": lambda card: (card.date or "").strip(),
    "tags": lambda card: sorted(comparable_text(tag).lower() for tag in card.tags),
}


def diff_related(old: tuple[RelatedLink, ...], new: tuple[RelatedLink, ...]) -> list[Change]:
    pairing = pair_items(old, new, attrgetter("key"), _similarity, TITLE_THRESHOLD)
    changes = [_change("removed", c.key, c, None, {}) for c in pairing.removed]
    changes += [c for pair in pairing.pairs if (c := _pair_change(pair)) is not None]
    changes += [_change("added", c.key, None, c, {}) for c in pairing.added]
    return changes


def _similarity(a: RelatedLink, b: RelatedLink) -> float:
    """The same target is the same card; else titles must be close."""
    if a.url and comparable_url(a.url) == comparable_url(b.url):
        return 100.0
    return fuzz.token_set_ratio(comparable_text(a.title), comparable_text(b.title))


def _pair_change(pair: Pair[RelatedLink]) -> Change | None:
    a, b = pair.old, pair.new
    fields = {
        name: {"old": _raw(a, name), "new": _raw(b, name)}
        for name, comparable in _FIELDS.items()
        if comparable(a) != comparable(b)
    }
    if not fields:
        return None
    detail: dict[str, Any] = {"fields": fields}
    if a.key != b.key:
        detail.update(old_key=a.key, score=pair.score)
    return _change("changed", b.key, a, b, detail)


def _raw(card: RelatedLink, name: str) -> Any:
    value = getattr(card, name)
    return list(value) if isinstance(value, tuple) else value


def _change(
    kind: Kind, key: str, old: RelatedLink | None, new: RelatedLink | None, detail: dict[str, Any]
) -> Change:
    return Change(
        "related",
        kind,
        key,
        dump(old),
        dump(new),
        detail,
    )
