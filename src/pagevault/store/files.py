"""Durable file writes: atomic replace, durable append, directory fsync, temp-file sweep.

RELIABILITY rule 2: a file appears under its final name only once its bytes are on disk
(unique temp file in the same directory, write, fsync, ``os.replace``, fsync the directory),
so a kill -9 or a full disk leaves either the old state or the new one, plus at worst a
``.tmp-*`` file that ``sweep_temp_files`` removes on the next writer open.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pagevault.errors import StoreError
from pagevault.store.layout import TEMP_PREFIX, is_temp_name

_FILE_MODE = 0o644
_GZIP_LEVEL = 6


def compress(data: bytes) -> bytes:
    """gzip with a fixed mtime, so an object's bytes depend on its content only (zcat reads it)."""
    return gzip.compress(data, compresslevel=_GZIP_LEVEL, mtime=0)


def decompress(data: bytes) -> bytes:
    return gzip.decompress(data)


def encode_json(value: Any, **options: Any) -> bytes:
    """UTF-8 JSON with non-ASCII kept; all-ASCII escapes when the text holds lone surrogates
    (undecodable bytes of a command-line URL), so every file stays valid UTF-8."""
    try:
        return json.dumps(value, ensure_ascii=False, **options).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True, **options).encode("ascii")


def write_failure(path: Path, error: OSError) -> StoreError:
    """A one-line StoreError naming the path (disk full, permissions, I/O error)."""
    return StoreError(f"cannot write {path}: {error.strerror or error}")


def write_all(fd: int, data: bytes) -> None:
    """``os.write`` until every byte is written (a regular file may take less per call)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_dir(path: Path) -> None:
    """fsync a directory so a new or renamed entry in it survives a crash (rule 2)."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_dir(path: Path) -> None:
    """Create ``path`` and missing parents, fsyncing the parent of each one created."""
    if path.is_dir():
        return
    ensure_dir(path.parent)
    try:
        path.mkdir(exist_ok=True)
        fsync_dir(path.parent)
    except OSError as error:
        raise write_failure(path, error) from error


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and durably; StoreError naming ``path`` if not."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    except OSError as error:
        raise write_failure(path, error) from error
    temp = Path(temp_name)
    try:
        _fill(fd, data)
        temp.replace(path)  # os.replace: atomic within one directory
        fsync_dir(path.parent)
    except OSError as error:
        _discard(temp)
        raise write_failure(path, error) from error


def _fill(fd: int, data: bytes) -> None:
    try:
        os.fchmod(fd, _FILE_MODE)
        write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(temp: Path) -> None:
    """Best effort: a temp file that cannot be removed now is swept on the next open."""
    with contextlib.suppress(OSError):
        temp.unlink()


def append_line(path: Path, line: bytes) -> int:
    """Append one newline-terminated line durably; return the offset it starts at.

    A torn tail left by a kill -9 (bytes after the last newline) is cut first, so the new
    line never merges with it. On a failed write the file is cut back to where it was.
    """
    created = not path.exists()
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, _FILE_MODE)
    except OSError as error:
        raise write_failure(path, error) from error
    try:
        start = _cut_torn_tail(fd)
        _append(fd, start, line)
    except OSError as error:
        raise write_failure(path, error) from error
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)
    return start


def _append(fd: int, start: int, line: bytes) -> None:
    try:
        write_all(fd, line)
        os.fsync(fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, start)
        raise


def _cut_torn_tail(fd: int) -> int:
    """Truncate the file after its last newline; return the new size."""
    size = os.fstat(fd).st_size
    end = last_newline_end(fd, size)
    if end != size:
        os.ftruncate(fd, end)
        os.fsync(fd)
    return end


def last_newline_end(fd: int, size: int, block: int = 65536) -> int:
    """Offset just after the last b"\\n" in the first ``size`` bytes (0 if none)."""
    position = size
    while position > 0:
        start = max(0, position - block)
        found = os.pread(fd, position - start, start).rfind(b"\n")
        if found >= 0:
            return start + found + 1
        position = start
    return 0


def temp_files(directories: Iterable[Path]) -> list[Path]:
    """Leftover ``.tmp-*`` files directly inside the given directories."""
    found: list[Path] = []
    for directory in directories:
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            found.extend(entry for entry in directory.iterdir() if is_temp_name(entry.name))
    return sorted(found)


def remove_files(paths: Iterable[Path]) -> int:
    """Delete files, ignoring ones already gone; return how many were removed."""
    removed = 0
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1
    return removed
