"""Word-level diff of two texts, with tokens that respect French and inclusive writing.

Tokens (``tokens.py``) are compared on their typographic-free form
(``comparable_text``), so NBSP vs space or ’ vs ' never shows as a change. Texts that
differ only inside their figures take a shorter road to the same result (``figures.py``).

Inputs are capped (``MAX_TOKENS``): difflib is quadratic in the worst case and a diff
must stay within milliseconds on a 50 KB page (issue 5, benchmark section).
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from pagevault.diff.figures import figure_word_diff
from pagevault.diff.normalise import comparable_text
from pagevault.diff.sequence import Opcode, aligned_opcodes
from pagevault.diff.tokens import Segment, append_equal, append_segment, token_pieces

MAX_TOKENS = 3000


def word_diff(old: str, new: str) -> list[Segment]:
    """Segments ``{"op", "text"}``: equal + insert rebuild ``new``; equal + delete
    rebuild ``old``, taking an equal segment's ``"old"`` text when it has one (the same
    words written with other spaces or quotes).

    Texts longer than ``MAX_TOKENS`` tokens come back as one delete and one insert.
    """
    # A text has at most as many tokens as characters: within the cap, figures may tell.
    if max(len(old), len(new)) <= MAX_TOKENS:
        figures_only = figure_word_diff(old, new)
        if figures_only is not None:
            return figures_only
    return token_word_diff(old, new)


def token_word_diff(old: str, new: str) -> list[Segment]:
    """``word_diff`` from all the tokens of both texts (``figure_word_diff`` agrees with it)."""
    old_pieces, new_pieces = token_pieces(old), token_pieces(new)
    if max(len(old_pieces), len(new_pieces)) > MAX_TOKENS:
        return _whole(old, new)
    old_keys = list(map(comparable_text, old_pieces))
    new_keys = list(map(comparable_text, new_pieces))
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in opcodes(old_keys, new_keys):
        if tag == "equal":
            append_equal(segments, "".join(old_pieces[i1:i2]), "".join(new_pieces[j1:j2]))
            continue
        append_segment(segments, "delete", "".join(old_pieces[i1:i2]))
        append_segment(segments, "insert", "".join(new_pieces[j1:j2]))
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
    if old == new:  # the usual case, told at once
        return []
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


def _whole(old: str, new: str) -> list[Segment]:
    segments: list[Segment] = []
    append_segment(segments, "delete", old)
    append_segment(segments, "insert", new)
    return segments
