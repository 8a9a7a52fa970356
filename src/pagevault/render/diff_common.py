"""What every diff view says the same way: area titles, the summary, deltas, and what
each change shows (``entries``).

A view never prints a change as "X → X": ``entries`` turns the changes of an area into
entries, one per key (a move and an edit of the same item are one entry), each with
the lines that say what differs: the words of a paragraph, the list items added or
removed, a link's old and new URL, a figure's old and new value, the fields of a card.
A run of like changes under one menu entry (share links all pointing at a new page)
is one entry with one short line per item. Lines are spans of text with a style
(``Span``) that each view (terminal, Markdown, HTML) renders its own way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from pagevault.diff import Change, DiffResult
from pagevault.text import plural, slugify

AREA_TITLES = {
    "metadata": "Page",
    "navigation": "Navigation",
    "breadcrumbs": "Breadcrumbs",
    "section": "Sections",
    "statistic": "Statistics",
    "related": "Related",
}

# "old"/"new": a value before/after (coloured, never marked); "delete"/"insert": words
# taken out/put in (marked [-…-]/{+…+} where there is no colour); "context": the sentence
# around a figure, a line of its own.
Style = Literal["", "old", "new", "delete", "insert", "dim", "bold", "context"]
Span = tuple[Style, str]
Line = tuple[Span, ...]

# A run of at least this many like changes under one parent is shown compactly.
GROUP_MIN = 3
# An unchanged stretch of a paragraph longer than this is shortened around the changes.
_EQUAL_MAX = 240
_EQUAL_KEEP = 80
# The same for an unchanged part of a URL shown as a difference.
_URL_EQUAL_MAX = 30
_URL_EQUAL_KEEP = 14
_URL_DELIMITERS = re.compile(r"([/?&=#])")


def summary_text(result: DiffResult) -> str:
    if not result.changes:
        return "no change"
    verdict = "content changed" if result.content_changed else "format only"
    by_area = ", ".join(
        f"{area}: " + ", ".join(f"{count} {kind}" for kind, count in kinds.items())
        for area, kinds in result.summary["by_area"].items()
    )
    return f"{plural(result.summary['total'], 'change')} ({verdict}) — {by_area}"


def delta_text(detail: dict[str, Any]) -> str:
    """'+1,300,000, +3.0%' from a statistic change's detail; '' when there is none."""
    if "delta" not in detail:
        return ""
    delta, relative = detail["delta"], detail.get("relative_delta")
    amount = f"{delta:+,.0f}" if float(delta).is_integer() else f"{delta:+,.4g}"
    return amount + (f", {relative:+.1%}" if isinstance(relative, float) else "")


def short_label(value: Any) -> str:
    """The readable part of an item: its label, title, heading or name (under its parent
    menu entries for a menu item), else the value; '(no label)' for an empty one."""
    if isinstance(value, dict) and value.get("parent"):
        return " › ".join([*value["parent"], short_label({**value, "parent": None})])
    if isinstance(value, dict):
        for name in ("label", "title", "heading", "name", "text", "url"):
            if value.get(name):
                return str(value[name])
        return "(no label)"
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


# --- entries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """What a view shows of one key (or of a run of like keys): its kind, the key (``old
    → new`` when it changed), and lines saying what differs."""

    kind: str
    key: str
    lines: tuple[Line, ...]


def entries(changes: Iterable[Change]) -> list[Entry]:
    """One entry per key, in the order of the changes; like runs made compact."""
    by_key: dict[tuple[str, str], list[Change]] = {}
    for change in changes:
        by_key.setdefault((change.area, change.key), []).append(change)
    single = [_entry(group) for group in by_key.values()]
    return _compact(single)


def _entry(changes: list[Change]) -> Entry:
    """A move and an edit of one key: the edit's kind, the move as a line of its own."""
    main = next((c for c in changes if c.kind != "moved"), changes[0])
    old_key = next((c.detail["old_key"] for c in changes if c.detail.get("old_key")), None)
    key = f"{old_key} → {main.key}" if old_key and old_key != main.key else main.key
    lines = [line for change in changes for line in _split(describe(change, len(changes) > 1))]
    return Entry(main.kind, key, tuple(lines))


def describe(change: Change, merged: bool = False) -> list[Line]:
    """The lines saying what differs in one change (never the same text on both sides);
    ``merged``: shown with another change of the same key, which names the item."""
    if change.area == "navigation" and change.kind == "moved":
        return [_moved_item(change, named=not merged)]
    describer = _DESCRIBERS.get(change.area, _generic)
    return [line for line in describer(change) if line]


def old_new(old: object, new: object) -> list[Span]:
    """'old → new'; just one side when the other is missing or the two read the same."""
    before = "" if old is None else str(old)
    after = "" if new is None else str(new)
    if before == after or not after:
        return [("old" if not after and before else "", before)]
    if not before:
        return [("new", after)]
    return [("old", before), ("", " → "), ("new", after)]


def _generic(change: Change) -> list[Line]:
    if change.kind == "added":
        return [(("new", short_label(change.new)),)]
    if change.kind == "removed":
        return [(("old", short_label(change.old)),)]
    return [tuple(old_new(short_label(change.old), short_label(change.new)))]


def _metadata(change: Change) -> list[Line]:
    return [tuple(old_new(change.old, change.new))]


# Sections --------------------------------------------------------------------------------


def _section(change: Change) -> list[Line]:
    old, new, detail = change.old or {}, change.new or {}, change.detail
    if change.kind in ("added", "removed"):
        section = new if change.kind == "added" else old
        heading = section.get("heading") or "(no heading)"
        sizes = [
            plural(len(section.get("paragraphs") or ()), "paragraph"),
            plural(len(section.get("items") or ()), "list item"),
        ]
        style: Style = "new" if change.kind == "added" else "old"
        return [((style, heading), ("dim", f"  ({', '.join(sizes)})"))]
    if change.kind == "moved":
        return [_moved_place(detail.get("old_position"), detail.get("new_position"))]
    lines: list[Line] = []
    if "heading" in detail:
        lines.append((("", "heading: "), *old_new(old.get("heading"), new.get("heading"))))
    if "level" in detail:
        level = detail["level"]
        lines.append((("", "heading level: "), *old_new(level["old"], level["new"])))
    lines += [_block(block, "") for block in detail.get("paragraphs") or ()]
    lines += [_block(block, "• ") for block in detail.get("items") or ()]
    return lines


def _moved_place(old_position: Any, new_position: Any) -> Line:
    if isinstance(old_position, int) and isinstance(new_position, int):
        places = old_new(f"place {old_position + 1}", f"place {new_position + 1}")
        return (("", "moved: "), *places)
    return (("", "moved"),)


def _block(block: dict[str, Any], bullet: str) -> Line:
    """A paragraph or list item: its words when replaced, else the text taken out/put in."""
    prefix: tuple[Span, ...] = (("dim", bullet),) if bullet else ()
    if block.get("op") == "delete":
        return (*prefix, ("delete", block.get("old") or ""))
    if block.get("op") == "insert":
        return (*prefix, ("insert", block.get("new") or ""))
    spans: list[Span] = []
    for word in words_of(block):
        op = word.get("op")
        style: Style = "delete" if op == "delete" else "insert" if op == "insert" else ""
        if word.get("text"):
            spans.append((style, word["text"]))
    return (*prefix, *_shorten_equal(spans))


def _shorten_equal(spans: list[Span]) -> list[Span]:
    """Long unchanged stretches cut to their ends near the changes: '… '."""
    shortened: list[Span] = []
    last = len(spans) - 1
    for index, (style, text) in enumerate(spans):
        if style or len(text) <= _EQUAL_MAX:
            shortened.append((style, text))
            continue
        head = text[:_EQUAL_KEEP].rsplit(" ", 1)[0] if index > 0 else ""
        tail = text[-_EQUAL_KEEP:].split(" ", 1)[-1] if index < last else ""
        shortened.append(("", f"{head} … {tail}".strip(" ") + (" " if tail == "" else "")))
    return shortened


# Navigation ------------------------------------------------------------------------------


def _navigation(change: Change) -> list[Line]:
    if ":" not in change.key:  # a whole menu
        return _menu(change)
    old, new, detail = change.old or {}, change.new or {}, change.detail
    item = new or old
    where = " › ".join(item.get("parent") or ())
    path: tuple[Span, ...] = (("dim", where + " › "),) if where else ()
    if change.kind in ("added", "removed"):
        style: Style = "new" if change.kind == "added" else "old"
        line: Line = (*path, (style, item.get("label") or "(no label)"))
        if item.get("url") and item["url"] != item.get("label"):
            line += (("dim", "  " + item["url"]),)
        if detail.get("descendants"):
            line += (("dim", f"  (and {plural(detail['descendants'], 'item')} under it)"),)
        return [line]
    lines: list[Line] = []
    label = detail.get("label")
    if label:
        lines.append((*path, *old_new(label["old"] or "(no label)", label["new"] or "(no label)")))
    url = detail.get("url")
    if url:
        lead = () if label else (*path, ("", (item.get("label") or "(no label)") + ": "))
        lines.append((*lead, *old_new(url["old"] or "(no link)", url["new"] or "(no link)")))
    return lines


def _menu(change: Change) -> list[Line]:
    old, new = change.old or {}, change.new or {}
    if change.kind == "renamed":
        return [(("", "menu name: "), *old_new(old.get("name"), new.get("name")))]
    menu = new or old
    style: Style = "new" if change.kind == "added" else "old"
    size = plural(menu.get("items") or 0, "entry", "entries")
    what = f"  ({menu.get('region') or 'page'} menu, {size})"
    return [((style, menu.get("name") or "(no label)"), ("dim", what))]


def _moved_item(change: Change, named: bool) -> Line:
    """'Label: moved under A → under B' (the label left out when another line names it)."""
    before, after = change.detail.get("from") or {}, change.detail.get("to") or {}
    label = (change.new or change.old or {}).get("label") or "(no label)"
    lead: tuple[Span, ...] = (("", f"{label}: "),) if named else ()
    old_parent = " › ".join(before.get("parent") or ()) or "(top level)"
    new_parent = " › ".join(after.get("parent") or ()) or "(top level)"
    if old_parent == new_parent:
        places = old_new(
            f"place {before.get('position', 0) + 1}", f"place {after.get('position', 0) + 1}"
        )
        return (*lead, ("", f"moved under {old_parent}: "), *places)
    return (*lead, ("", "moved "), *old_new(f"under {old_parent}", f"under {new_parent}"))


# Breadcrumbs, statistics, related --------------------------------------------------------


def _breadcrumb(change: Change) -> list[Line]:
    old, new = change.old or {}, change.new or {}
    crumb = new or old
    if change.kind in ("added", "removed"):
        return [
            _added_or_removed(change.kind, crumb.get("label") or "(no label)", crumb.get("url"))
        ]
    lines: list[Line] = []
    if old.get("label") != new.get("label"):
        lines.append(tuple(old_new(old.get("label"), new.get("label"))))
    if old.get("url") != new.get("url"):
        lead = "link: " if lines else f"{crumb.get('label') or '(no label)'}: "
        lines.append(
            (("", lead), *old_new(old.get("url") or "(no link)", new.get("url") or "(no link)"))
        )
    return lines


def _statistic(change: Change) -> list[Line]:
    old, new, detail = change.old or {}, change.new or {}, change.detail
    context = new.get("context") or old.get("context")
    if change.kind in ("added", "removed"):
        style: Style = "new" if change.kind == "added" else "old"
        line: Line = ((style, (new or old).get("text") or ""),)
    elif "delta" in detail:
        line = (*old_new(old.get("text"), new.get("text")), ("bold", f"  ({delta_text(detail)})"))
    elif change.kind == "reformatted":
        line = (
            *old_new(old.get("text"), new.get("text")),
            ("dim", "  (same value, written differently)"),
        )
    else:
        fields = detail.get("fields") or {}
        line = tuple(old_new(old.get("text"), new.get("text")))
        for name, values in fields.items():
            line += (
                ("", f"  {name}: "),
                *old_new(values["old"] or "(none)", values["new"] or "(none)"),
            )
    return [line, (("context", context),)] if context else [line]


def _related(change: Change) -> list[Line]:
    old, new = change.old or {}, change.new or {}
    if change.kind in ("added", "removed"):
        card = new or old
        return [_added_or_removed(change.kind, card.get("title") or "(no title)", card.get("url"))]
    lines: list[Line] = []
    fields = change.detail.get("fields") or {}
    if "title" not in fields:
        lines.append((("", new.get("title") or old.get("title") or "(no title)"),))
    for name, values in fields.items():
        before, after = (_field_text(values.get(side)) for side in ("old", "new"))
        lines.append((("", f"{name}: "), *old_new(before or "(none)", after or "(none)")))
    return lines


def _added_or_removed(kind: str, label: str, url: str | None) -> Line:
    """A crumb or card put in or taken out: its label, and its link when it has one."""
    line: Line = (("new" if kind == "added" else "old", label),)
    return (*line, ("dim", "  " + url)) if url else line


def _field_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


_DESCRIBERS = {
    "metadata": _metadata,
    "section": _section,
    "navigation": _navigation,
    "breadcrumbs": _breadcrumb,
    "statistic": _statistic,
    "related": _related,
}


def _split(lines: Sequence[Line]) -> list[Line]:
    """Lines whose spans hold line breaks (paragraphs joined) cut into one line each."""
    result: list[Line] = []
    for line in lines:
        current: list[Span] = []
        for style, text in line:
            pieces = text.split("\n")
            for number, piece in enumerate(pieces):
                if number:
                    result.append(tuple(current))
                    current = [line[0]] if line[:1] == (("dim", "• "),) else []
                if piece:
                    current.append((style, piece))
        result.append(tuple(current))
    return [line for line in result if any(text.strip() for _, text in line)]


# Compact runs ----------------------------------------------------------------------------


def _compact(single: list[Entry]) -> list[Entry]:
    """Runs of like one-line entries under one parent key (``menu:parent/…``) as one
    entry: ``menu:parent/*`` with one line per item, its own key part first."""
    compacted: list[Entry] = []
    run: list[Entry] = []
    for entry in [*single, None]:
        if entry is not None and run and _alike(run[0], entry):
            run.append(entry)
            continue
        compacted += [_group(run)] if len(run) >= GROUP_MIN else run
        run = [entry] if entry is not None else []
    return compacted


def _parent_key(key: str) -> str | None:
    if " → " in key or "/" not in key.partition(":")[2]:
        return None
    return key.rsplit("/", 1)[0]


def _alike(first: Entry, entry: Entry) -> bool:
    """Same parent, same kind, and the same lines but the last (a shared move)."""
    parent = _parent_key(first.key)
    return (
        parent is not None
        and parent == _parent_key(entry.key)
        and first.kind == entry.kind
        and len(first.lines) == len(entry.lines)
        and first.lines[:-1] == entry.lines[:-1]
    )


def _group(run: list[Entry]) -> Entry:
    parent = _parent_key(run[0].key)
    lines = list(run[0].lines[:-1])
    for entry in run:
        own = entry.key.rsplit("/", 1)[1]
        spans = _without_path(_url_compact(entry.lines[-1]))
        label = spans[0][1].rstrip(": ") if spans else ""
        slug = slugify(label)
        named = bool(slug) and (own == slug or own.startswith(slug + "-"))
        lines.append(tuple(spans) if named else (("dim", f"{own}: "), *spans))
    return Entry(run[0].kind, f"{parent}/* ({len(run)} items)", tuple(lines))


def _without_path(spans: Sequence[Span]) -> list[Span]:
    """The parent path ('Share › ') is said by the group's key: drop it from each line."""
    return [span for span in spans if not (span[0] == "dim" and span[1].endswith(" › "))]


def _url_compact(line: Line) -> list[Span]:
    """'label: old url → new url' as 'label: …/[-old part-]{+new part+}…'."""
    spans = list(line)
    for index in range(len(spans) - 2):
        (old_style, old), (_, arrow), (new_style, new) = spans[index : index + 3]
        if (old_style, arrow, new_style) == ("old", " → ", "new") and "://" in old + new:
            return [*spans[:index], *url_diff(old, new), *spans[index + 3 :]]
    return spans


def url_diff(old: str, new: str) -> list[Span]:
    """Two URLs as one, the parts that differ marked and long equal parts cut: '…'."""
    old_parts, new_parts = _url_parts(old), _url_parts(new)
    opcodes = _url_opcodes(old_parts, new_parts)
    spans: list[Span] = []
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "equal":
            spans.append(("delete", "".join(old_parts[i1:i2])))
            spans.append(("insert", "".join(new_parts[j1:j2])))
            continue
        equal = "".join(old_parts[i1:i2])
        if len(equal) > _URL_EQUAL_MAX:
            # Its end is kept: next to the change, or the page the link names.
            head = "" if number == 0 else equal[:_URL_EQUAL_KEEP]
            equal = f"{head}…{equal[-_URL_EQUAL_KEEP:]}"
        spans.append(("", equal))
    return [span for span in spans if span[1]]


# The most parts of two URLs' differing middles matched part by part (SequenceMatcher's
# time grows faster than their length: two hostile 4 KB URLs took 7 s); beyond, the
# middles are shown whole, one deleted and one inserted.
_URL_MATCHED_PARTS = 60


def _url_opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """``SequenceMatcher`` opcodes of two URLs' parts: their common start and end are
    found in linear time, and only a short differing middle is matched."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    old_end, new_end = len(old) - end, len(new) - end
    codes: list[tuple[str, int, int, int, int]] = []
    if start:
        codes.append(("equal", 0, start, 0, start))
    if max(old_end - start, new_end - start) <= _URL_MATCHED_PARTS:
        matcher = SequenceMatcher(None, old[start:old_end], new[start:new_end], autojunk=False)
        codes += [
            (tag, i1 + start, i2 + start, j1 + start, j2 + start)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        ]
    elif old_end > start or new_end > start:
        codes.append(("replace", start, old_end, start, new_end))
    if end:
        codes.append(("equal", old_end, len(old), new_end, len(new)))
    return codes


def _url_parts(url: str) -> list[str]:
    """A URL cut at its delimiters, each delimiter a part of its own."""
    return [part for part in _URL_DELIMITERS.split(url) if part]
