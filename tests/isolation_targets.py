"""Parsers that misbehave, for tests/test_isolation.py (run inside the worker process)."""

from __future__ import annotations

import os
import signal
import time

from pagevault.model import Snapshot


def crash(body: bytes, url: str | None = None, content_type: str | None = None) -> Snapshot:
    """A segfault, as lexbor has had on real pages."""
    os.kill(os.getpid(), signal.SIGSEGV)
    raise AssertionError("unreachable")


def hang(body: bytes, url: str | None = None, content_type: str | None = None) -> Snapshot:
    time.sleep(60)
    raise AssertionError("unreachable")


def explode(body: bytes, url: str | None = None, content_type: str | None = None) -> Snapshot:
    raise ValueError("broken page")


def slow(body: bytes, url: str | None = None, content_type: str | None = None) -> Snapshot:
    """A parse that takes a while: its answer finds the parent gone."""
    from pagevault import parse_html

    time.sleep(0.5)
    return parse_html(body, url=url, content_type=content_type)
