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
from pagevault.diff.sequence import Opcode, aligned_opcodes

Op = Literal["equal", "insert", "delete"]
MAX_TOKENS = 3000

# Numbers are tried only where a digit stands (the other alternatives never match there
# first), which spares most positions three failed alternatives.
_TOKEN_PATTERN = r"""
    (?=\d)(?:
      (?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)  # 29 000 / 1 234,5
      | \d+(?:[.,]\d+)*                                            # 43,7 / 2014 / 1.5
    )
    | (?<!\w)(?:jusqu|lorsqu|puisqu|qu|[cdjlmnst])['’](?=\w)         # l’ d’ qu’
    | \w+(?:[-·•'’]\w+|\.(?=(?-i:[a-zà-ÿ]{1,3})(?:\.|\b))\w+)*        # réfugié·e·s, aujourd’hui
    | [^\w\s]                                                      # one punctuation mark
"""
_TOKEN = re.compile(_TOKEN_PATTERN, re.VERBOSE | re.IGNORECASE)
# A token and the whitespace after it. Every character but whitespace starts a token, so
# these pieces, joined, give back the text but for any whitespace before the first token.
_PIECE = re.compile(f"(?:{_TOKEN_PATTERN})\\s*", re.VERBOSE | re.IGNORECASE)


def tokenize(text: str) -> list[str]:
    """The tokens of ``text``, as written."""
    return _TOKEN.findall(text)


def token_pieces(text: str) -> list[str]:
    """Each token with the spacing up to the next one (the first also with the spacing
    before it): joined, the pieces give back ``text``. No token: ``text`` is one piece."""
    pieces = _PIECE.findall(text)
    if not pieces:
        return [text] if text else []
    if text[0].isspace():
        pieces[0] = text[: len(text) - len(text.lstrip())] + pieces[0]
    return pieces


def word_diff(old: str, new: str) -> list[dict[str, Any]]:
    """Segments ``{"op", "text"}``: equal + insert rebuild ``new``; equal + delete
    rebuild ``old``, taking an equal segment's ``"old"`` text when it has one (the same
    words written with other spaces or quotes).

    Texts longer than ``MAX_TOKENS`` tokens come back as one delete and one insert.
    """
    old_pieces, new_pieces = token_pieces(old), token_pieces(new)
    if max(len(old_pieces), len(new_pieces)) > MAX_TOKENS:
        return _whole(old, new)
    old_keys = list(map(comparable_text, old_pieces))
    new_keys = list(map(comparable_text, new_pieces))
    segments: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in opcodes(old_keys, new_keys):
        if tag == "equal":
            _append_equal(segments, "".join(old_pieces[i1:i2]), "".join(new_pieces[j1:j2]))
            continue
        _append(segments, "delete", "".join(old_pieces[i1:i2]))
        _append(segments, "insert", "".join(new_pieces[j1:j2]))
    return segments


def opcodes(old: Sequence[str], new: Sequence[str]) -> list[Opcode]:
    """``SequenceMatcher(None, old, new, autojunk=False).get_opcodes()``, taking the
    shortcut for sequences that differ in a few places (``aligned_opcodes``)."""
    fast = aligned_opcodes(old, new)
    if fast is not None:
        return fast
    return SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def block_diff(old: Sequence[str], new: Sequence[str]) -> list[dict[str, Any]]:
    """Paragraph-level diff; words are diffed only inside replaced paragraphs.

    Returns the non-equal blocks, each ``{"op", "old_index", "new_index", "old",
    "new"}`` plus ``"words"`` for a replacement: near-linear on typical edits.
    """
    blocks: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in opcodes(
        list(map(comparable_text, old)), list(map(comparable_text, new))
    ):
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
