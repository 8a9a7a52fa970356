"""One writer per store, enforced by the kernel (RELIABILITY rule 3).

``flock`` on ``<root>/.lock``, held through an open file for the writer's lifetime. The
kernel drops it when the process dies, so a kill -9 never leaves a stale lock; the pid
written into the file is only for the message a second writer prints.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from pathlib import Path

from pagevault.errors import StoreError, StoreLockedError
from pagevault.store.files import write_all

_POLL_SECONDS = 0.05


class StoreLock:
    """An exclusive flock on a file; ``release`` (or process death) frees it."""

    def __init__(self, path: Path, *, wait: float = 0.0) -> None:
        self.path = path
        try:
            self._fd: int | None = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreError(f"cannot open {path}: {error.strerror or error}") from error
        try:
            self._acquire(wait)
        except BaseException:
            self.release()
            raise
        self._note_pid()

    def _acquire(self, wait: float) -> None:
        deadline = time.monotonic() + max(wait, 0.0)
        while not self._try_lock():
            if time.monotonic() >= deadline:
                raise StoreLockedError(self._locked_message())
            time.sleep(_POLL_SECONDS)

    def _try_lock(self) -> bool:
        assert self._fd is not None
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _locked_message(self) -> str:
        holder = ""
        with contextlib.suppress(OSError, ValueError):
            holder = f" (pid {int(self.path.read_text(encoding='ascii').strip())})"
        return f"store {self.path.parent} is locked by another pagevault process{holder}"

    def _note_pid(self) -> None:
        """Best effort: the pid only makes the other writer's message clearer."""
        assert self._fd is not None
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            write_all(self._fd, f"{os.getpid()}\n".encode("ascii"))

    def release(self) -> None:
        """Close the file, which drops the flock. Idempotent."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
