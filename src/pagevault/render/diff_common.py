"""What every diff view says the same way: area titles, item labels, the summary, deltas."""

from __future__ import annotations

from typing import Any

from pagevault.diff import DiffResult

AREA_TITLES = {
    "metadata": "Page",
    "navigation": "Navigation",
    "breadcrumbs": "Breadcrumbs",
    "section": "Sections",
    "statistic": "Statistics",
    "related": "Related",
}


def summary_text(result: DiffResult) -> str:
    if not result.changes:
        return "no change"
    verdict = "content changed" if result.content_changed else "format only"
    by_area = ", ".join(
        f"{area}: " + ", ".join(f"{count} {kind}" for kind, count in kinds.items())
        for area, kinds in result.summary["by_area"].items()
    )
    return f"{result.summary['total']} changes ({verdict}) — {by_area}"


def delta_text(detail: dict[str, Any]) -> str:
    """'+1,300,000, +3.0%' from a statistic change's detail; '' when there is none."""
    if "delta" not in detail:
        return ""
    delta, relative = detail["delta"], detail.get("relative_delta")
    amount = f"{delta:+,.0f}" if float(delta).is_integer() else f"{delta:+,.4g}"
    return amount + (f", {relative:+.1%}" if isinstance(relative, float) else "")


def short_label(value: Any) -> str:
    """The readable part of an item: its label, title or heading (under its parent
    menu entries for a moved one), else the value."""
    if isinstance(value, dict) and value.get("parent"):
        return " › ".join([*value["parent"], short_label({**value, "parent": None})])
    if isinstance(value, dict):
        for name in ("label", "title", "heading", "text", "url"):
            if value.get(name):
                return str(value[name])
    if isinstance(value, list):
        return " › ".join(short_label(item) for item in value)
    return str(value)


def words_of(paragraph: dict[str, Any]) -> list[dict[str, str]]:
    """A paragraph's word diff, or the whole old and new text when there is none."""
    words: list[dict[str, str]] = paragraph.get("words") or [
        {"op": "delete", "text": paragraph.get("old") or ""},
        {"op": "insert", "text": paragraph.get("new") or ""},
    ]
    return words
