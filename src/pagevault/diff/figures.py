"""The word diff of two texts that differ only inside their figures, tokenizing only those.

When a page's figures are updated, a paragraph keeps its words: only the words holding
digits change. ``figure_word_diff`` then tokenizes only the "windows" (each word holding
a digit, with the digit groups that continue it and the spacing after it), checks that
the text between windows is the same on both sides, and builds the segments that
``words.word_diff`` builds from all the tokens. It declines (None) whenever that would
not be exactly so. Why the result is the same:

- A window starts where a token must start (after whitespace, and not inside a grouped
  number such as "29 000", whose groups the window takes in) and ends after the spacing
  that follows it, where the next token starts: tokenizing a text is tokenizing its
  windows and the text between them, apart. Only window tokens hold digits.
- The text between windows being the same on both sides, so are its tokens. If each
  window has as many tokens on both sides, the token lists line up and differ only at
  window tokens.
- difflib's opcodes for two lists that line up are then the position-by-position ones,
  unless a changed token equals a token elsewhere on the other side (``sequence.py``:
  ``limit`` 0). Changed tokens must hold a digit, so looking for them among the other
  side's window tokens is enough.
"""

from __future__ import annotations

import re

from pagevault.diff.normalise import comparable_text
from pagevault.diff.tokens import PIECE, Segment, append_equal, append_segment

Span = tuple[int, int]

_DIGITS = re.compile(r"\d+")
# From a word's first digit: the rest of the word, the digit groups continuing it (after
# one of the token pattern's digit-group spaces: "29 000"), the spacing after.
_FROM_DIGIT = r"\d\S*(?:[ \u00a0\u202f]\d\S*)*\s*"
_WINDOW_FROM_DIGIT = re.compile(_FROM_DIGIT)
_WINDOW = re.compile(r"[^\s\d]*" + _FROM_DIGIT)  # the same, from the start of the word


def figure_word_diff(old: str, new: str) -> list[Segment] | None:
    """``word_diff(old, new)`` when the texts differ only inside windows; else None."""
    if old[:1].isspace() or new[:1].isspace():  # the first token would take that spacing
        return None
    old_windows = windows(old)
    new_windows = windows_between(new, _gaps(old, old_windows))
    if new_windows is None:
        return None
    tokens = _WindowTokens()
    for (old_start, old_end), (new_start, new_end) in zip(old_windows, new_windows, strict=True):
        old_window, new_window = old[old_start:old_end], new[new_start:new_end]
        if old_window == new_window:
            tokens.same.append(old_window)
        elif not tokens.add(old_start, old_window, new_start, new_window):
            return None
    if not tokens.changes_stay_in_place():
        return None
    return _segments(old, new, tokens.changes)


def windows(text: str) -> list[Span]:
    r"""The spans of the words holding a digit, each with the digit groups continuing it
    and the spacing after it: what ``(?<!\S)`` followed by ``_WINDOW`` would find, without
    trying a pattern at every word."""
    return [(_word_start(text, m.start()), m.end()) for m in _WINDOW_FROM_DIGIT.finditer(text)]


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _gaps(text: str, spans: list[Span]) -> list[str]:
    """The texts before, between and after the spans."""
    gaps: list[str] = []
    cut = 0
    for start, end in spans:
        gaps.append(text[cut:start])
        cut = end
    gaps.append(text[cut:])
    return gaps


def windows_between(text: str, gaps: list[str]) -> list[Span] | None:
    """``windows(text)`` if ``text`` is ``gaps`` (texts without digits, the first empty or
    ending with a space) with a window between each two; else None. Only the windows are
    read by a pattern, the gaps compared as they are."""
    if not text.startswith(gaps[0]):
        return None
    spans: list[Span] = []
    position = len(gaps[0])
    for gap in gaps[1:]:
        window = _WINDOW.match(text, position)
        if window is None or not text.startswith(gap, window.end()):
            return None
        spans.append(window.span())
        position = window.end() + len(gap)
    return spans if position == len(text) else None


def _is_one_piece(window: str) -> bool:
    """Whether the window is digits and the spacing after them, which ``PIECE`` reads as
    one piece: its number takes every digit (a digit group would need digits after a
    space). ``isdecimal`` takes the characters ``\\d`` takes, and ``rstrip`` the spaces
    ``\\s`` takes; this costs a seventh of the pattern."""
    return window.rstrip().isdecimal()


def _holds_digit(key: str) -> bool:
    return key[:1].isdecimal() or _DIGITS.search(key) is not None


Change = tuple[int, int, int, int]  # old start, old end, new start, new end


class _WindowTokens:
    """The tokens of the windows that differ, lined up: the keys met on each side, the
    changed tokens' keys and where they stand; the windows the same on both sides."""

    def __init__(self) -> None:
        self.old_keys: set[str] = set()
        self.new_keys: set[str] = set()
        self.changed: list[tuple[str, str]] = []  # keys of the changed tokens
        self.changes: list[Change] = []  # where they stand
        self.same: list[str] = []

    def add(self, old_start: int, old_window: str, new_start: int, new_window: str) -> bool:
        """The tokens of a window that differs, side by side; False if they do not line up."""
        if _is_one_piece(old_window) and _is_one_piece(new_window):
            self._add_token(old_start, old_window, new_start, new_window)
            return True
        old_pieces, new_pieces = PIECE.findall(old_window), PIECE.findall(new_window)
        if len(old_pieces) != len(new_pieces):
            return False
        for old_piece, new_piece in zip(old_pieces, new_pieces, strict=True):
            self._add_token(old_start, old_piece, new_start, new_piece)
            old_start += len(old_piece)
            new_start += len(new_piece)
        return True

    def _add_token(self, old_start: int, old_piece: str, new_start: int, new_piece: str) -> None:
        old_key, new_key = comparable_text(old_piece), comparable_text(new_piece)
        self.old_keys.add(old_key)
        self.new_keys.add(new_key)
        if old_key != new_key:
            self.changed.append((old_key, new_key))
            self.changes.append(
                (old_start, old_start + len(old_piece), new_start, new_start + len(new_piece))
            )

    def changes_stay_in_place(self) -> bool:
        """No changed token lacks a digit, nor equals a token of the other side (only window
        tokens hold digits)."""
        if not self.changed:
            return True
        same = {comparable_text(piece) for window in self.same for piece in PIECE.findall(window)}
        old_keys, new_keys = self.old_keys, self.new_keys
        for old, new in self.changed:
            if not (_holds_digit(old) and _holds_digit(new)):
                return False
            if old in new_keys or new in old_keys or old in same or new in same:
                return False
        return True


def _segments(old: str, new: str, changes: list[Change]) -> list[Segment]:
    """Equal text between changes; changes with nothing between them make one."""
    segments: list[Segment] = []
    old_cut = new_cut = 0  # where the text not told yet starts
    old_start = new_start = -1  # the change being grown, if any
    for change_old_start, old_end, change_new_start, new_end in changes:
        if change_old_start != old_cut or old_start < 0:  # not right after the one grown
            if old_start >= 0:
                _append_change(segments, old[old_start:old_cut], new[new_start:new_cut])
            old_start, new_start = change_old_start, change_new_start
            if old_start > old_cut:  # equal tokens between: as many on both sides
                append_equal(segments, old[old_cut:old_start], new[new_cut:new_start])
        old_cut, new_cut = old_end, new_end
    if old_start >= 0:
        _append_change(segments, old[old_start:old_cut], new[new_start:new_cut])
    if old_cut < len(old):  # hence the same on the new side
        append_equal(segments, old[old_cut:], new[new_cut:])
    return segments


def _append_change(segments: list[Segment], deleted: str, inserted: str) -> None:
    append_segment(segments, "delete", deleted)
    append_segment(segments, "insert", inserted)
