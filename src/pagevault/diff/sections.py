"""Changes to the body sections: added, removed, renamed, rewritten, reordered.

Sections are paired by key (the slug of the heading), then by the similarity of
heading and opening text, so a new heading over the same paragraphs is one
``renamed`` (fixture tests/fixtures/diff/section-renamed.*.html). Inside a paired
section the paragraphs are diffed as blocks and only replaced blocks word by word.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from rapidfuzz import fuzz

from pagevault.diff.match import Pair, out_of_order, pair_items
from pagevault.diff.model import Change, Kind, dump
from pagevault.diff.normalise import comparable_text
from pagevault.diff.words import block_diff, word_diff
from pagevault.model import Section

SIMILARITY_THRESHOLD = 60.0
# How much of a section's text the similarity looks at: enough to recognise it,
# bounded so that pairing stays cheap on long pages.
_SIMILARITY_CHARS = 600


def diff_sections(
    old: tuple[Section, ...], new: tuple[Section, ...]
) -> tuple[list[Change], dict[str, str]]:
    """The changes, and the old key -> new key map that statistics are paired with."""
    pairing = pair_items(old, new, attrgetter("key"), _similarity, SIMILARITY_THRESHOLD)
    moved = _moved(old, new, pairing.pairs)
    old_index = {s.key: index for index, s in enumerate(old)}
    new_index = {s.key: index for index, s in enumerate(new)}
    changes = [_change("removed", s.key, s, None, {}) for s in pairing.removed]
    for pair in pairing.pairs:
        where = None
        if pair.new.key in moved:
            where = {
                "old_position": old_index[pair.old.key],
                "new_position": new_index[pair.new.key],
            }
        changes += _pair_changes(pair, where)
    changes += [_change("added", s.key, None, s, {}) for s in pairing.added]
    section_map = {pair.old.key: pair.new.key for pair in pairing.pairs}
    return changes, section_map


def _similarity(a: Section, b: Section) -> float:
    return fuzz.ratio(_fingerprint(a), _fingerprint(b))


def _fingerprint(section: Section) -> str:
    body = " ".join((*section.paragraphs, *section.items))
    return comparable_text(f"{section.heading} {body[:_SIMILARITY_CHARS]}")


def _moved(
    old: tuple[Section, ...], new: tuple[Section, ...], pairs: tuple[Pair[Section], ...]
) -> set[str]:
    """New keys of paired sections whose order relative to the others changed."""
    to_new = {pair.old.key: pair.new.key for pair in pairs}
    old_order = [to_new[s.key] for s in old if s.key in to_new]
    return out_of_order(old_order, [s.key for s in new])


def _pair_changes(pair: Pair[Section], where: dict[str, Any] | None) -> list[Change]:
    """A rename or rewrite, and a move: separate facts, separate changes."""
    a, b = pair.old, pair.new
    changes = []
    if where is not None:
        changes.append(_change("moved", b.key, a, b, where))
    detail = _content_detail(a, b)
    renamed = comparable_text(a.heading) != comparable_text(b.heading)
    if renamed:
        detail["heading"] = word_diff(a.heading, b.heading)
    if a.level != b.level:
        detail["level"] = {"old": a.level, "new": b.level}
    if detail:
        if a.key != b.key:
            detail.update(old_key=a.key, score=pair.score)
        changes.append(_change("renamed" if renamed else "changed", b.key, a, b, detail))
    return changes


def _content_detail(a: Section, b: Section) -> dict[str, Any]:
    detail: dict[str, Any] = {}
    paragraphs = block_diff(a.paragraphs, b.paragraphs)
    if paragraphs:
        detail["paragraphs"] = paragraphs
    items = block_diff(a.items, b.items)
    if items:
        detail["items"] = items
    return detail


def _change(
    kind: Kind, key: str, old: Section | None, new: Section | None, detail: dict[str, Any]
) -> Change:
    return Change(
        "section",
        kind,
        key,
        dump(old),
        dump(new),
        detail,
    )
