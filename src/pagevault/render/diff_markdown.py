"""A diff as Markdown, for a report, an issue or a mail: grouped by area, one entry per
key (``diff_common.entries``)."""

from __future__ import annotations

import re

from pagevault.diff import AREAS, DiffResult
from pagevault.model import Snapshot
from pagevault.render.diff_common import AREA_TITLES, Entry, Line, entries, summary_text
from pagevault.text import strip_controls

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")  # what could turn page text into markup
_MARKS = {"delete": "~~", "insert": "**"}


def escape(text: object) -> str:
    """Page text as literal Markdown: no emphasis, links or HTML from the page."""
    return _SPECIAL.sub(r"\\\1", " ".join(strip_controls(str(text)).split()))


def render_markdown(result: DiffResult, old: Snapshot, new: Snapshot) -> str:
    lines = [f"# Changes to {escape(new.title or new.url or 'the page')}", ""]
    summary = escape(summary_text(result))
    lines.append(summary[:1].upper() + summary[1:] + ".")
    for area in AREAS:
        changes = [change for change in result.changes if change.area == area]
        if changes:
            lines += ["", f"## {AREA_TITLES[area]}", ""]
            lines += [line for entry in entries(changes) for line in _entry(entry)]
    return "\n".join(lines) + "\n"


def _entry(entry: Entry) -> list[str]:
    head = f"- **{entry.kind}** `{entry.key.replace('`', '')}`"
    body = [line for line in entry.lines if not _is_context(line)]
    context = [f"  > {escape(line[0][1])}" for line in entry.lines if _is_context(line)]
    if len(body) == 1:
        return [f"{head}: {_line(body[0])}", *context]
    return [head, *(f"  - {_line(line)}" for line in body), *context]


def _is_context(line: Line) -> bool:
    return bool(line) and line[0][0] == "context"


def _line(line: Line) -> str:
    parts = []
    for style, value in line:
        mark = _MARKS.get(style, "")
        core = escape(value)
        if not core:
            parts.append(" " if value else "")
            continue
        lead = " " if value[:1].isspace() else ""
        trail = " " if value[-1:].isspace() else ""
        if mark and parts and parts[-1].endswith(("~~", "**")) and not lead:
            lead = " "  # ~~old~~**new** would read as one run
        parts.append(f"{lead}{mark}{core}{mark}{trail}")
    return re.sub(r" {2,}", " ", "".join(parts)).strip()
