"""A page's ``checks.jsonl``: one JSON line per check, appended durably, read tolerantly.

A kill -9 (or power loss) can leave a torn last line; readers skip it and report it
(``torn_tail``), and the next append cuts it (``files.append_line``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pagevault.store.files import encode_json, last_newline_end
from pagevault.store.records import CheckRecord

_BLOCK = 65536


@dataclass
class CheckLog:
    """The readable lines of a check log, each with its byte offset, and what was not."""

    entries: list[tuple[int, CheckRecord]] = field(default_factory=list)
    bad_lines: list[tuple[int, str]] = field(default_factory=list)
    torn_tail: bool = False
    end: int = 0


def encode_check(check: CheckRecord) -> bytes:
    """One log line: compact JSON, newline-terminated."""
    return encode_json(check.to_json(), separators=(",", ":")) + b"\n"


def decode_check(line: bytes) -> CheckRecord:
    """A log line as a CheckRecord; ValueError (incl. JSON and UTF-8 errors) if unreadable."""
    return CheckRecord.from_json(json.loads(line.decode("utf-8")))


def read_checks(path: Path, start: int = 0) -> CheckLog:
    """Every complete line from byte ``start`` on; a missing file is an empty log."""
    log = CheckLog(end=start)
    try:
        with path.open("rb") as stream:
            stream.seek(start)
            data = stream.read()
    except FileNotFoundError:
        return log
    complete = data.rfind(b"\n") + 1
    log.torn_tail = complete < len(data)
    log.end = start + complete
    _parse_lines(data[:complete], start, log)
    return log


def _parse_lines(data: bytes, start: int, log: CheckLog) -> None:
    offset = start
    for line in data.splitlines(keepends=True):
        try:
            log.entries.append((offset, decode_check(line)))
        except ValueError as error:
            log.bad_lines.append((offset, str(error).splitlines()[0][:200]))
        offset += len(line)


def checks_newest_first(path: Path) -> Iterator[CheckRecord]:
    """Readable checks from the end of the log backwards, reading it in blocks."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        yield from _reverse_lines(fd)
    finally:
        os.close(fd)


def _reverse_lines(fd: int) -> Iterator[CheckRecord]:
    end = last_newline_end(fd, os.fstat(fd).st_size)
    while end > 0:
        start = max(0, end - _BLOCK)
        chunk = os.pread(fd, end - start, start)
        # The chunk ends with a line's own newline; the one before it bounds the lines.
        cut = chunk.find(b"\n", 0, len(chunk) - 1) + 1 if start > 0 else 0
        if start > 0 and cut == 0:
            start, chunk, cut = _whole_line(fd, end)
        for line in reversed(chunk[cut:].splitlines()):
            try:
                yield decode_check(line)
            except ValueError:
                continue
        end = start + cut


def _whole_line(fd: int, end: int) -> tuple[int, bytes, int]:
    """The single line ending at ``end`` when it is longer than one block."""
    start = last_newline_end(fd, end - 1)
    return start, os.pread(fd, end - start, start), 0
