"""A readable rendering of a diff: grouped by area, one entry per key, each saying what
differs (``diff_common.entries``), with word-level highlights.

Page text goes through ``page_text`` (no markup, no terminal escapes).
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from pagevault.diff import AREAS, DiffResult
from pagevault.render.diff_common import AREA_TITLES, Entry, Line, entries, summary_text
from pagevault.render.terminal import heading, page_text

_KIND_STYLES = {
    "added": "green",
    "removed": "red",
    "changed": "yellow",
    "renamed": "cyan",
    "moved": "magenta",
    "reformatted": "dim",
}
_SPAN_STYLES = {
    "old": "red",
    "new": "green",
    "delete": "red strike",
    "insert": "green underline",
    "dim": "dim",
    "bold": "bold",
    "context": "dim",
}
_MARKERS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def render_diff(result: DiffResult, *, plain: bool = False) -> RenderableType:
    """``plain``: no colour to show deletions and insertions (a pipe, NO_COLOR), so
    they are marked in the text, as ``git diff --word-diff=plain`` does: [-old-]{+new+}."""
    parts: list[RenderableType] = [_summary_line(result)]
    for area in AREAS:
        changes = [change for change in result.changes if change.area == area]
        if changes:
            parts.append(heading(AREA_TITLES[area]))
            parts.extend(_entry_lines(entry, plain) for entry in entries(changes))
    return Group(*parts)


def _summary_line(result: DiffResult) -> Text:
    return Text(summary_text(result), style="bold" if result.changes else "")


def _entry_lines(entry: Entry, plain: bool) -> RenderableType:
    head = Text(f"{entry.kind:<12}", style=_KIND_STYLES.get(entry.kind, ""))
    head.append_text(page_text(entry.key, "dim"))
    return Group(head, *(_line(line, plain) for line in entry.lines))


def _line(line: Line, plain: bool) -> Text:
    context = bool(line) and line[0][0] == "context"
    text = Text("      " if context else "    ")
    for style, value in line:
        opening, closing = _MARKERS.get(style, ("", "")) if plain else ("", "")
        shown = value.rstrip() if opening else value
        text.append(opening)
        text.append_text(page_text(shown, _SPAN_STYLES.get(style, "")))
        text.append(closing + (" " if opening and shown != value else ""))
    return text
