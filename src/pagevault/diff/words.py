"""Word-level diff of two texts, with tokens that respect French and inclusive writing.

A token is a number with its digit groups ("29 000", "43,7"), a word with its
inclusive-writing points and hyphens ("réfugié·e·s", "peut-être"), a French elision
("l’", "qu’") or one punctuation mark. Tokens are compared on their typographic-free
form (``comparable_text``), so NBSP vs space or ’ vs ' never shows as a change.

Inputs are capped (``MAX_TOKENS``): difflib is quadratic in the worst case and a diff
must stay within milliseconds on a 50 KB page (issue 5, benchmark section).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any, Literal

from pagevault.diff.normalise import comparable_text

Op = Literal["equal", "insert", "delete"]
MAX_TOKENS = 3000

_TOKEN = re.compile(
    r"""
    (?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)   # 29 000 / 1 234,5
    | \d+(?:[.,]\d+)*                                              # 43,7 / 2014 / 1.5
    | (?<!\w)(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])['’](?=\w)         # l’ d’ qu’
    | \w+(?:[-·•'’]\w+|\.(?=(?-i:[a-zà-ÿ]{1,3})(?:\.|\b))\w+)*        # réfugié·e·s, aujourd’hui
    | [^\w\s]                                                      # one punctuation mark
    """,
    re.VERBOSE | re.IGNORECASE,
)


def tokenize(text: str) -> list[str]:
    """The tokens of ``text``, as written."""
    return _TOKEN.findall(text)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Where each token starts and where the next one starts (keeps the spacing)."""
    starts = [match.start() for match in _TOKEN.finditer(text)]
    if not starts:
        return [(0, len(text))] if text else []
    starts[0] = 0
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def word_diff(old: str, new: str) -> list[dict[str, Any]]:
    """Segments ``{"op", "text"}``: equal + insert rebuild ``new``; equal + delete
    rebuild ``old``, taking an equal segment's ``"old"`` text when it has one (the same
    words written with other spaces or quotes).

    Texts longer than ``MAX_TOKENS`` tokens come back as one delete and one insert.
    """
    old_spans, new_spans = token_spans(old), token_spans(new)
    if max(len(old_spans), len(new_spans)) > MAX_TOKENS:
        return _whole(old, new)
    old_keys = [comparable_text(old[a:b]) for a, b in old_spans]
    new_keys = [comparable_text(new[a:b]) for a, b in new_spans]
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    segments: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append_equal(segments, _join(old, old_spans, i1, i2), _join(new, new_spans, j1, j2))
            continue
        _append(segments, "delete", _join(old, old_spans, i1, i2))
        _append(segments, "insert", _join(new, new_spans, j1, j2))
    return segments


def block_diff(old: Sequence[str], new: Sequence[str]) -> list[dict[str, Any]]:
    """Paragraph-level diff; words are diffed only inside replaced paragraphs.

    Returns the non-equal blocks, each ``{"op", "old_index", "new_index", "old",
    "new"}`` plus ``"words"`` for a replacement: near-linear on typical edits.
    """
    matcher = SequenceMatcher(
        None, [comparable_text(p) for p in old], [comparable_text(p) for p in new], autojunk=False
    )
    blocks: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_text, new_text = "\n".join(old[i1:i2]), "\n".join(new[j1:j2])
        block: dict[str, Any] = {
            "op": {"replace": "replace", "delete": "delete", "insert": "insert"}[tag],
            "old_index": i1,
            "new_index": j1,
            "old": old_text or None,
            "new": new_text or None,
        }
        if tag == "replace" and i2 - i1 == j2 - j1 > 1:
            # As many paragraphs on each side: diff them pair by pair (one big word diff
            # of joined paragraphs is near-quadratic when every figure changed).
            blocks += [
                _replacement(i1 + offset, j1 + offset, old[i1 + offset], new[j1 + offset])
                for offset in range(i2 - i1)
                if comparable_text(old[i1 + offset]) != comparable_text(new[j1 + offset])
            ]
            continue
        if tag == "replace":
            block["words"] = word_diff(old_text, new_text)
        blocks.append(block)
    return blocks


def _replacement(old_index: int, new_index: int, old: str, new: str) -> dict[str, Any]:
    return {
        "op": "replace",
        "old_index": old_index,
        "new_index": new_index,
        "old": old,
        "new": new,
        "words": word_diff(old, new),
    }


def _join(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    return text[spans[start][0] : spans[end - 1][1]] if end > start else ""


def _append(segments: list[dict[str, Any]], op: Op, text: str) -> None:
    if text:
        segments.append({"op": op, "text": text})


def _append_equal(segments: list[dict[str, Any]], old: str, new: str) -> None:
    segment = {"op": "equal", "text": new}
    if old != new:
        segment["old"] = old
    segments.append(segment)


def _whole(old: str, new: str) -> list[dict[str, Any]]:
    segments: list[dict[str, Any]] = []
    _append(segments, "delete", old)
    _append(segments, "insert", new)
    return segments
