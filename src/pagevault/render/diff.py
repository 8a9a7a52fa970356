"""A readable rendering of a diff: grouped by area, word-level highlights in sections.

Page text goes through ``page_text`` (no markup, no terminal escapes).
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from pagevault.diff import AREAS, Change, DiffResult
from pagevault.render.diff_common import (
    AREA_TITLES,
    delta_text,
    short_label,
    summary_text,
    words_of,
)
from pagevault.render.terminal import heading, page_text

_KIND_STYLES = {
    "added": "green",
    "removed": "red",
    "changed": "yellow",
    "renamed": "cyan",
    "moved": "magenta",
    "reformatted": "dim",
}


def render_diff(result: DiffResult, *, plain: bool = False) -> RenderableType:
    """``plain``: no colour to show deletions and insertions (a pipe, NO_COLOR), so
    they are marked in the text, as ``git diff --word-diff=plain`` does: [-old-]{+new+}."""
    parts: list[RenderableType] = [_summary_line(result)]
    for area in AREAS:
        changes = [change for change in result.changes if change.area == area]
        if changes:
            parts.append(heading(AREA_TITLES[area]))
            parts.extend(_change_lines(change, plain) for change in changes)
    return Group(*parts)


def _summary_line(result: DiffResult) -> Text:
    return Text(summary_text(result), style="bold" if result.changes else "")


def _change_lines(change: Change, plain: bool) -> RenderableType:
    head = Text(f"{change.kind:<12}", style=_KIND_STYLES.get(change.kind, ""))
    head.append_text(page_text(change.key, "dim"))
    body = _describe(change, plain)
    return Group(head, *body) if body else head


def _describe(change: Change, plain: bool) -> list[Text]:
    if change.area == "statistic":
        return [_statistic(change)]
    if change.area == "section" and change.detail.get("paragraphs"):
        return [_word_diff(paragraph, plain) for paragraph in change.detail["paragraphs"]]
    return [_old_new(change)]


def _statistic(change: Change) -> Text:
    old, new = change.old or {}, change.new or {}
    line = Text("    ")
    line.append_text(page_text(old.get("text", "—"), "red" if change.old else ""))
    line.append(" → ")
    line.append_text(page_text(new.get("text", "—"), "green" if change.new else ""))
    delta = delta_text(change.detail)
    if delta:
        line.append(f"  ({delta})", style="bold")
    context = new.get("context") or old.get("context")
    if context:
        line.append("\n      ")
        line.append_text(page_text(context, "dim"))
    return line


_MARKERS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
_WORD_STYLES = {"delete": "red strike", "insert": "green underline"}


def _word_diff(paragraph: dict[str, Any], plain: bool) -> Text:
    line = Text("    ")
    for word in words_of(paragraph):
        if not word["text"]:
            continue
        opening, closing = _MARKERS.get(word["op"], ("", "")) if plain else ("", "")
        text = word["text"].rstrip() if opening else word["text"]
        line.append(opening)
        line.append_text(page_text(text, _WORD_STYLES.get(word["op"], "")))
        line.append(closing + (" " if opening and text != word["text"] else ""))
    return line


def _old_new(change: Change) -> Text:
    line = Text("    ")
    if change.old is not None:
        line.append_text(page_text(short_label(change.old), "red"))
    if change.old is not None and change.new is not None:
        line.append(" → ")
    if change.new is not None:
        line.append_text(page_text(short_label(change.new), "green"))
    return line
