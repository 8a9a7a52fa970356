"""Durable file writes: atomic replace, durable append, directory fsync, temp-file sweep.

RELIABILITY rule 2: a file appears under its final name only once its bytes are on disk
(unique temp file in the same directory, write, fsync, ``os.replace``, fsync the directory),
so a kill -9 or a full disk leaves either the old state or the new one, plus at worst a
``.tmp-*`` file that ``sweep_temp_files`` removes on the next writer open.

Several files can go through those steps together (``write_temp``, a ``Barrier``,
``os.replace``, a ``Barrier``): the same fsyncs, in the same order for each file, but
waited for together, so that the file system merges their journal commits.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import os
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from pagevault.errors import StoreError
from pagevault.store.layout import TEMP_PREFIX, is_temp_name

_FILE_MODE = 0o644
_GZIP_LEVEL = 6
_FSYNC_THREADS = 8
# Up to this many fsyncs are made one after the other: handing them to threads costs
# more than it saves (after the first, the file system has little left to commit).
_INLINE_FSYNCS = 3


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


def make_dirs(path: Path, changed: Barrier) -> None:
    """Create ``path`` and missing parents, adding the parent of each one created to
    ``changed`` (whose sync makes the new entries durable)."""
    if path.is_dir():
        return
    try:
        try:
            path.mkdir(exist_ok=True)
        except (FileNotFoundError, NotADirectoryError):
            # The parent is looked at only now, when it is missing (or no directory): a
            # stat less for each directory created (two a new page).
            make_dirs(path.parent, changed)
            path.mkdir(exist_ok=True)
    except OSError as error:
        raise write_failure(path, error) from error
    changed.add(path.parent)


def write_temp(path: Path, data: bytes) -> Path:
    """``data`` in a new temp file beside ``path``, not yet durable: sync it (``Barrier``),
    then ``publish`` it under ``path``, then sync its directory."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)
    except OSError as error:
        raise write_failure(path, error) from error
    temp = Path(temp_name)
    try:
        _fill(fd, data)
    except OSError as error:
        _discard(temp)
        raise write_failure(path, error) from error
    return temp


def publish(temp: Path, path: Path) -> None:
    """Give a synced temp file its name (atomic within one directory); sync the
    directory next for the name to be durable."""
    try:
        temp.replace(path)
    except OSError as error:
        _discard(temp)
        raise write_failure(path, error) from error


def _fill(fd: int, data: bytes) -> None:
    try:
        os.fchmod(fd, _FILE_MODE)
        write_all(fd, data)
    finally:
        os.close(fd)


class Barrier:
    """Files and directories to fsync before the next step, all at once: in parallel
    threads, so the waits overlap and the file system can merge its journal commits."""

    def __init__(self) -> None:
        self._paths: dict[Path, Path] = {}  # path -> the name an error shows

    def add(self, path: Path, shown: Path | None = None) -> None:
        """Sync ``path``; a failure names ``shown`` (a temp file's future name)."""
        self._paths[path] = shown or path

    def sync(self) -> None:
        """fsync every path; StoreError naming the first that failed."""
        paths = list(self._paths.items())
        self._paths.clear()
        if len(paths) <= _INLINE_FSYNCS:
            errors = [_fsync_path(path) for path, _ in paths]
        else:
            errors = list(_pool().map(_fsync_path, (path for path, _ in paths)))
        for (_, shown), error in zip(paths, errors, strict=True):
            if error is not None:
                raise write_failure(shown, error) from error


def sync_temps(temps: dict[Path, Path]) -> None:
    """fsync temp files (final path -> temp file) together; on failure remove them all
    (none has its name yet) and name the file that could not be written."""
    barrier = Barrier()
    for path, temp in temps.items():
        barrier.add(temp, shown=path)
    try:
        barrier.sync()
    except StoreError:
        remove_files(temps.values())
        raise


def _fsync_path(path: Path) -> OSError | None:
    """fsync a file or a directory by name; the error, if any (raised by the caller)."""
    try:
        fd = os.open(path, os.O_RDONLY)  # a directory opens so too
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        return error
    return None


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(_FSYNC_THREADS, thread_name_prefix="pagevault-fsync")


# A forked child has none of the pool's threads: it makes its own pool.
os.register_at_fork(after_in_child=_pool.cache_clear)


def _discard(temp: Path) -> None:
    """Best effort: a temp file that cannot be removed now is swept on the next open."""
    with contextlib.suppress(OSError):
        temp.unlink()


def append_unsynced(path: Path, line: bytes) -> int:
    """Append one newline-terminated line, not yet durable (sync the file next); return
    the offset it starts at.

    A torn tail left by a kill -9 (bytes after the last newline) is cut first, so the new
    line never merges with it. On a failed write the file is cut back to where it was.
    """
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
    return start


def create_empty(path: Path, changed: Barrier) -> None:
    """Create ``path`` empty if it does not exist, adding its directory to ``changed``."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _FILE_MODE)
    except FileExistsError:
        return
    except OSError as error:
        raise write_failure(path, error) from error
    os.close(fd)
    changed.add(path.parent)


def _append(fd: int, start: int, line: bytes) -> None:
    try:
        write_all(fd, line)
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
