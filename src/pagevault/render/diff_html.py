"""A diff as one self-contained HTML file (inline style, no external assets, no script):
grouped by area, one entry per key (``diff_common.entries``)."""

from __future__ import annotations

import html

from pagevault.diff import AREAS, DiffResult
from pagevault.model import Snapshot
from pagevault.render.diff_common import AREA_TITLES, Entry, Line, entries, summary_text
from pagevault.text import strip_controls

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;border-bottom:1px solid #ccc;margin-top:2rem}
.kind{display:inline-block;min-width:6.5rem;font-weight:600}.key{color:#666;font-size:.85rem}
.added{color:#1a7f37}.removed{color:#cf222e}.changed{color:#9a6700}.renamed{color:#0969da}
.moved{color:#8250df}.reformatted{color:#777}del{background:#ffebe9}ins{background:#dafbe1;
text-decoration:none}blockquote{color:#555;margin:.2rem 0 .6rem 1rem}li{margin:.4rem 0}
.dim{color:#666}.line{margin:.2rem 0 .2rem 1rem}
"""
_TAGS = {"old": "del", "delete": "del", "new": "ins", "insert": "ins", "bold": "b"}


def _e(text: object) -> str:
    return html.escape(strip_controls(str(text)), quote=True)


def render_html(result: DiffResult, old: Snapshot, new: Snapshot) -> str:
    title = f"Changes to {new.title or new.url or 'the page'}"
    body = [f"<h1>{_e(title)}</h1>", f"<p>{_e(summary_text(result))}</p>"]
    for area in AREAS:
        changes = [change for change in result.changes if change.area == area]
        if changes:
            body.append(f"<h2>{_e(AREA_TITLES[area])}</h2><ul>")
            body += [_entry(entry) for entry in entries(changes)]
            body.append("</ul>")
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _entry(entry: Entry) -> str:
    head = f'<span class="kind {_e(entry.kind)}">{_e(entry.kind)}</span> '
    head += f'<span class="key">{_e(entry.key)}</span>'
    return f"<li>{head}{''.join(_line(line) for line in entry.lines)}</li>"


def _line(line: Line) -> str:
    if line and line[0][0] == "context":
        return f"<blockquote>{_e(line[0][1])}</blockquote>"
    parts = []
    for style, value in line:
        tag = _TAGS.get(style)
        if tag:
            parts.append(f"<{tag}>{_e(value)}</{tag}>")
        elif style == "dim":
            parts.append(f'<span class="dim">{_e(value)}</span>')
        else:
            parts.append(_e(value))
    return f'<div class="line">{"".join(parts)}</div>'
