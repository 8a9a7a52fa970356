"""A diff as Markdown, for a report, an issue or a mail: grouped by area."""

from __future__ import annotations

import re
from typing import Any

from pagevault.diff import AREAS, Change, DiffResult
from pagevault.model import Snapshot
from pagevault.render.diff_common import (
    AREA_TITLES,
    delta_text,
    short_label,
    summary_text,
    words_of,
)
from pagevault.text import strip_controls

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")  # what could turn page text into markup


def escape(text: object) -> str:
    """Page text as literal Markdown: no emphasis, links or HTML from the page."""
    return _SPECIAL.sub(r"\\\1", " ".join(strip_controls(str(text)).split()))


def render_markdown(result: DiffResult, old: Snapshot, new: Snapshot) -> str:
    lines = [f"# Changes to {escape(new.title or new.url or 'the page')}", ""]
    lines.append(escape(summary_text(result)).capitalize() + ".")
    for area in AREAS:
        changes = [change for change in result.changes if change.area == area]
        if changes:
            lines += ["", f"## {AREA_TITLES[area]}", ""]
            lines += [line for change in changes for line in _change(change)]
    return "\n".join(lines) + "\n"


def _change(change: Change) -> list[str]:
    head = f"- **{change.kind}** `{change.key.replace('`', '')}`"
    if change.area == "statistic":
        return [head + ": " + _statistic(change), *_context(change)]
    if change.area == "section" and change.detail.get("paragraphs"):
        return [head, *(f"  - {_words(paragraph)}" for paragraph in change.detail["paragraphs"])]
    return [head + ": " + _old_new(change)]


def _statistic(change: Change) -> str:
    old, new = change.old or {}, change.new or {}
    text = f"{escape(old.get('text', '—'))} → {escape(new.get('text', '—'))}"
    delta = delta_text(change.detail)
    return f"{text} ({escape(delta)})" if delta else text


def _context(change: Change) -> list[str]:
    context = (change.new or {}).get("context") or (change.old or {}).get("context")
    return [f"  > {escape(context)}"] if context else []


def _words(paragraph: dict[str, Any]) -> str:
    marks = {"delete": ("~~", "~~"), "insert": ("**", "**")}
    parts = []
    for word in words_of(paragraph):
        text = escape(word["text"].strip())
        if not text:
            continue
        opening, closing = marks.get(word["op"], ("", ""))
        parts.append(f"{opening}{text}{closing}")
    return " ".join(parts)


def _old_new(change: Change) -> str:
    old = escape(short_label(change.old)) if change.old is not None else ""
    new = escape(short_label(change.new)) if change.new is not None else ""
    return f"{old} → {new}" if old and new else old or new
