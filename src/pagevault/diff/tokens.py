"""Tokens of a text for the word diff, and the segments a word diff is made of (pure).

A token is a number with its digit groups ("29 000", "43,7"), a word with its
inclusive-writing points and hyphens ("réfugié·e·s", "peut-être"), a French elision
("l’", "qu’") or one punctuation mark.
"""

from __future__ import annotations

import re
from typing import Any, Literal

Op = Literal["equal", "insert", "delete"]
Segment = dict[str, Any]  # {"op", "text"}, and "old" for an equal text written otherwise

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
PIECE = re.compile(f"(?:{_TOKEN_PATTERN})\\s*", re.VERBOSE | re.IGNORECASE)


def tokenize(text: str) -> list[str]:
    """The tokens of ``text``, as written."""
    return _TOKEN.findall(text)


def token_pieces(text: str) -> list[str]:
    """Each token with the spacing up to the next one (the first also with the spacing
    before it): joined, the pieces give back ``text``. No token: ``text`` is one piece."""
    pieces = PIECE.findall(text)
    if not pieces:
        return [text] if text else []
    if text[0].isspace():
        pieces[0] = text[: len(text) - len(text.lstrip())] + pieces[0]
    return pieces


def append_segment(segments: list[Segment], op: Op, text: str) -> None:
    """A deleted or inserted text, if any."""
    if text:
        segments.append({"op": op, "text": text})


def append_equal(segments: list[Segment], old: str, new: str) -> None:
    """Words equal on both sides: the new text, and the old one when written otherwise."""
    segment = {"op": "equal", "text": new}
    if old != new:
        segment["old"] = old
    segments.append(segment)
