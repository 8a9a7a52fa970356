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
from collections.abc import Iterable
from itertools import chain

from pagevault.diff.normalise import comparable_text
from pagevault.diff.tokens import PIECE, Segment, append_equal, append_segment

Span = tuple[int, int]
Unit = tuple[str, str, bool]  # old text, new text, whether their tokens compare equal

_DIGITS = re.compile(r"\d+")
# From the start of a word holding a digit: the word, the digit groups continuing it
# (after one of the token pattern's digit-group spaces: "29 000"), the spacing after.
_WINDOW = re.compile(r"[^\s\d]*\d\S*(?:[ \u00a0\u202f]\d\S*)*\s*")


def figure_word_diff(old: str, new: str) -> list[Segment] | None:
    """``word_diff(old, new)`` when the texts differ only inside windows; else None."""
    if old[:1].isspace() or new[:1].isspace():  # the first token would take that spacing
        return None
    old_windows = windows(old)
    gaps = _gaps(old, old_windows)
    new_windows = windows_between(new, gaps)
    if new_windows is None:
        return None
    old_texts = [old[start:end] for start, end in old_windows]
    new_texts = [new[start:end] for start, end in new_windows]
    units = _units(gaps, old_texts, new_texts)
    return None if units is None else _segments(units)


def windows(text: str) -> list[Span]:
    r"""The spans of the words holding a digit, each with the digit groups continuing it
    and the spacing after it: what ``(?<!\S)`` followed by ``_WINDOW`` would find, without
    trying a pattern at every word."""
    spans: list[Span] = []
    end = 0
    for match in _DIGITS.finditer(text):
        start = match.start()
        if start < end:
            continue  # in the previous window already
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        window = _WINDOW.match(text, start)
        assert window is not None  # the word holds a digit
        end = window.end()
        spans.append((start, end))
    return spans


def _gaps(text: str, spans: list[Span]) -> list[str]:
    """The texts before, between and after the spans."""
    bounds = [0, *chain.from_iterable(spans), len(text)]
    return [text[start:end] for start, end in zip(bounds[::2], bounds[1::2], strict=True)]


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


def _units(gaps: list[str], old_windows: list[str], new_windows: list[str]) -> list[Unit] | None:
    """The text in page order: gaps and windows the same on both sides as one unit each,
    the tokens of other windows side by side; None if those windows do not line up or a
    changed token occurs elsewhere."""
    units: list[Unit] = [(gaps[0], gaps[0], True)] if gaps[0] else []
    keys: tuple[set[str], set[str]] = (set(), set())  # of the windows that differ
    changed: list[tuple[str, str]] = []
    for old_window, new_window, gap in zip(old_windows, new_windows, gaps[1:], strict=True):
        if old_window == new_window:
            units.append((old_window, new_window, True))
        else:
            old_pieces, new_pieces = PIECE.findall(old_window), PIECE.findall(new_window)
            if len(old_pieces) != len(new_pieces):
                return None
            units += _token_units(old_pieces, new_pieces, keys, changed)
        if gap:
            units.append((gap, gap, True))
    if changed:
        same = _keys(old for old, new in zip(old_windows, new_windows, strict=True) if old == new)
        if not _changes_stay_in_place(changed, keys[0] | same, keys[1] | same):
            return None
    return units


def _token_units(
    old_pieces: list[str],
    new_pieces: list[str],
    keys: tuple[set[str], set[str]],
    changed: list[tuple[str, str]],
) -> list[Unit]:
    """Tokens side by side; their keys go to ``keys``, those of changed ones to ``changed``."""
    units: list[Unit] = []
    for old_piece, new_piece in zip(old_pieces, new_pieces, strict=True):
        old_key, new_key = comparable_text(old_piece), comparable_text(new_piece)
        keys[0].add(old_key)
        keys[1].add(new_key)
        units.append((old_piece, new_piece, old_key == new_key))
        if old_key != new_key:
            changed.append((old_key, new_key))
    return units


def _keys(windows: Iterable[str]) -> set[str]:
    return {comparable_text(piece) for window in windows for piece in PIECE.findall(window)}


def _changes_stay_in_place(
    changed: list[tuple[str, str]], old_keys: set[str], new_keys: set[str]
) -> bool:
    """No changed token lacks a digit, nor equals a token of the other side."""
    return all(
        _DIGITS.search(old) and _DIGITS.search(new) and old not in new_keys and new not in old_keys
        for old, new in changed
    )


def _segments(units: list[Unit]) -> list[Segment]:
    """Runs of equal units become one equal segment; of changed ones, a delete and an insert."""
    segments: list[Segment] = []
    run: list[Unit] = []
    for unit in units:
        if run and unit[2] != run[0][2]:
            _add_run(segments, run)
            run = []
        run.append(unit)
    if run:
        _add_run(segments, run)
    return segments


def _add_run(segments: list[Segment], run: list[Unit]) -> None:
    old = run[0][0] if len(run) == 1 else "".join(unit[0] for unit in run)
    new = run[0][1] if len(run) == 1 else "".join(unit[1] for unit in run)
    if run[0][2]:
        append_equal(segments, old, new)
    else:
        append_segment(segments, "delete", old)
        append_segment(segments, "insert", new)
