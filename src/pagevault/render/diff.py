"""A readable rendering of a diff: grouped by area, word-level highlights in sections.

Page text goes through ``page_text`` (no markup, no terminal escapes).
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from pagevault.diff import AREAS, Change, DiffResult
from pagevault.render.terminal import heading, page_text

_KIND_STYLES = {
    "added": "green",
    "removed": "red",
    "changed": "yellow",
    "renamed": "cyan",
    "moved": "magenta",
    "reformatted": "dim",
}
_AREA_TITLES = {
    "metadata": "Page",
    "navigation": "Navigation",
    "breadcrumbs": "Breadcrumbs",
    "section": "Sections",
    "statistic": "Statistics",
    "related": "Related",
}


def render_diff(result: DiffResult, *, plain: bool = False) -> RenderableType:
    """``plain``: no colour to show deletions and insertions (a pipe, NO_COLOR), so
    they are marked in the text, as ``git diff --word-diff=plain`` does: [-old-]{+new+}."""
    parts: list[RenderableType] = [_summary_line(result)]
    for area in AREAS:
        changes = [change for change in result.changes if change.area == area]
        if changes:
            parts.append(heading(_AREA_TITLES[area]))
            parts.extend(_change_lines(change, plain) for change in changes)
    return Group(*parts)


def _summary_line(result: DiffResult) -> Text:
    summary = result.summary
    if not result.changes:
        return Text("no change")
    counts = ", ".join(
        f"{area}: " + ", ".join(f"{n} {kind}" for kind, n in kinds.items())
        for area, kinds in summary["by_area"].items()
    )
    verdict = "content changed" if result.content_changed else "format only"
    return Text(f"{summary['total']} changes ({verdict}) — {counts}", style="bold")


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
    if "delta" in change.detail:
        delta, relative = change.detail["delta"], change.detail.get("relative_delta")
        share = f", {relative:+.1%}" if isinstance(relative, float) else ""
        amount = f"{delta:+,.0f}" if float(delta).is_integer() else f"{delta:+,.4g}"
        line.append(f"  ({amount}{share})", style="bold")
    context = new.get("context") or old.get("context")
    if context:
        line.append("\n      ")
        line.append_text(page_text(context, "dim"))
    return line


_MARKERS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}
_WORD_STYLES = {"delete": "red strike", "insert": "green underline"}


def _word_diff(paragraph: dict[str, Any], plain: bool) -> Text:
    words = paragraph.get("words") or [
        {"op": "delete", "text": paragraph.get("old") or ""},
        {"op": "insert", "text": paragraph.get("new") or ""},
    ]
    line = Text("    ")
    for word in words:
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
        line.append_text(page_text(_short(change.old), "red"))
    if change.old is not None and change.new is not None:
        line.append(" → ")
    if change.new is not None:
        line.append_text(page_text(_short(change.new), "green"))
    return line


def _short(value: Any) -> str:
    """The readable part of an item: its label, title or heading (under its parent
    menu entries for a moved one), else the value."""
    if isinstance(value, dict) and value.get("parent"):
        return " › ".join([*value["parent"], _short({**value, "parent": None})])
    if isinstance(value, dict):
        for name in ("label", "title", "heading", "text", "url"):
            if value.get(name):
                return str(value[name])
    if isinstance(value, list):
        return " › ".join(_short(item) for item in value)
    return str(value)
