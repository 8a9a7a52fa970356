"""Changes to the breadcrumb trail, compared as one ordered list of labels (pure)."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from pagevault.diff.model import Change, Kind, dump
from pagevault.diff.normalise import comparable_text, comparable_url
from pagevault.model import Breadcrumb
from pagevault.text import slugify


def diff_breadcrumbs(old: tuple[Breadcrumb, ...], new: tuple[Breadcrumb, ...]) -> list[Change]:
    """Labels aligned with difflib; a label replaced in place is ``renamed``."""
    matcher = SequenceMatcher(
        None, [comparable_text(b.label) for b in old], [comparable_text(b.label) for b in new]
    )
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = old[i1:i2], new[j1:j2]
        kind: Kind = "renamed" if tag == "replace" else "changed"
        for offset, (a, b) in enumerate(zip(olds, news, strict=False)):
            change = _pair_change(kind, i1 + offset, j1 + offset, a, b)
            if change is not None:
                changes.append(change)
        paired = min(len(olds), len(news))
        changes += [_change("removed", i1 + k, a, None) for k, a in enumerate(olds) if k >= paired]
        changes += [_change("added", j1 + k, None, b) for k, b in enumerate(news) if k >= paired]
    return changes


def _pair_change(kind: Kind, i: int, j: int, a: Breadcrumb, b: Breadcrumb) -> Change | None:
    if kind == "changed" and comparable_url(a.url) == comparable_url(b.url):
        return None
    return _change(kind, j, a, b, {"old_position": i, "new_position": j})


def _change(
    kind: Kind,
    position: int,
    old: Breadcrumb | None,
    new: Breadcrumb | None,
    detail: dict[str, Any] | None = None,
) -> Change:
    crumb = new or old
    assert crumb is not None
    key = f"{position}:{slugify(crumb.label) or 'crumb'}"
    return Change(
        "breadcrumbs",
        kind,
        key,
        dump(old),
        dump(new),
        detail or {},
    )
