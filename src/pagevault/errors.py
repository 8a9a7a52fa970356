"""The exception tree and the exit codes it maps to.

    PagevaultError            any failure pagevault reports (exit 2 unless said otherwise)
    ├── InputError            the input cannot be read: missing, unreadable or empty file
    ├── ExtractionError       the page cannot be turned into a snapshot
    ├── StoreError            the archive cannot be read or written (disk full, I/O error)
    ├── StoreLockedError      another pagevault process holds the store (exit 75)
    └── FetchConfigError      fetch options that cannot work (negative delay, http2 without h2)

The CLI catches ``PagevaultError`` in one place and prints ``str(error)`` as a
single line; anything else is a bug and is reported the same way (traceback only
with ``--debug``).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes, documented in the README."""

    OK = 0
    DAMAGE = 1  # verify found damage
    SOME_FAILED = 3
    USAGE = 2
    STORE_IO = 74
    STORE_LOCKED = 75
    INTERRUPTED = 130


class PagevaultError(Exception):
    """Base class of every error pagevault reports to the user."""

    exit_code: ExitCode = ExitCode.USAGE


class InputError(PagevaultError):
    """An input file or stream cannot be read, or holds nothing."""


class ExtractionError(PagevaultError):
    """A page could not be read into a snapshot."""


class StoreError(PagevaultError):
    """The archive on disk cannot be read or written; the message names the path."""

    exit_code = ExitCode.STORE_IO


class StoreLockedError(PagevaultError):
    """Another process is writing to the store (RELIABILITY rule 3)."""

    exit_code = ExitCode.STORE_LOCKED


class FetchConfigError(PagevaultError):
    """Fetch options are invalid or need a package that is not installed.

    Network and HTTP trouble is never raised: the fetcher reports it on each result.
    """


def is_interrupt(error: BaseException) -> bool:
    """Whether ``error`` is a Ctrl-C: a KeyboardInterrupt, or the RuntimeError Python 3.11
    wraps one in when it arrives while a class is being created (``__set_name__``: an
    import under way, a ``cached_property`` in it)."""
    return isinstance(error, KeyboardInterrupt) or isinstance(error.__cause__, KeyboardInterrupt)
