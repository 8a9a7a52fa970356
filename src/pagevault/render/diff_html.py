"""A diff as one self-contained HTML file (inline style, no external assets, no script)."""

from __future__ import annotations

import html
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

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;border-bottom:1px solid #ccc;margin-top:2rem}
.kind{display:inline-block;min-width:6.5rem;font-weight:600}.key{color:#666;font-size:.85rem}
.added{color:#1a7f37}.removed{color:#cf222e}.changed{color:#9a6700}.renamed{color:#0969da}
.moved{color:#8250df}.reformatted{color:#777}del{background:#ffebe9}ins{background:#dafbe1;
text-decoration:none}blockquote{color:#555;margin:.2rem 0 .6rem 1rem}li{margin:.4rem 0}
"""


def _e(text: object) -> str:
    return html.escape(strip_controls(str(text)), quote=True)


def render_html(result: DiffResult, old: Snapshot, new: Snapshot) -> str:
    title = f"Changes to {new.title or new.url or 'the page'}"
    body = [f"<h1>{_e(title)}</h1>", f"<p>{_e(summary_text(result))}</p>"]
    for area in AREAS:
        changes = [change for change in result.changes if change.area == area]
        if changes:
            body.append(f"<h2>{_e(AREA_TITLES[area])}</h2><ul>")
            body += [_change(change) for change in changes]
            body.append("</ul>")
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _change(change: Change) -> str:
    head = f'<span class="kind {_e(change.kind)}">{_e(change.kind)}</span> '
    head += f'<span class="key">{_e(change.key)}</span>'
    if change.area == "statistic":
        return f"<li>{head}<br>{_statistic(change)}</li>"
    if change.area == "section" and change.detail.get("paragraphs"):
        paragraphs = "".join(f"<p>{_words(p)}</p>" for p in change.detail["paragraphs"])
        return f"<li>{head}{paragraphs}</li>"
    return f"<li>{head}<br>{_old_new(change)}</li>"


def _statistic(change: Change) -> str:
    old, new = change.old or {}, change.new or {}
    text = f"<del>{_e(old.get('text', '—'))}</del> → <ins>{_e(new.get('text', '—'))}</ins>"
    delta = delta_text(change.detail)
    if delta:
        text += f" <b>({_e(delta)})</b>"
    context = new.get("context") or old.get("context")
    return text + (f"<blockquote>{_e(context)}</blockquote>" if context else "")


def _words(paragraph: dict[str, Any]) -> str:
    tags = {"delete": "del", "insert": "ins"}
    parts = []
    for word in words_of(paragraph):
        tag = tags.get(word["op"])
        text = _e(word["text"])
        parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return "".join(parts)


def _old_new(change: Change) -> str:
    old = f"<del>{_e(short_label(change.old))}</del>" if change.old is not None else ""
    new = f"<ins>{_e(short_label(change.new))}</ins>" if change.new is not None else ""
    return f"{old} → {new}" if old and new else old or new
