"""Parsing in a worker process, under a time and memory budget.

RELIABILITY.md rule 1: the raw capture is stored before parsing, and parsing runs
where a crash (lexbor has segfaulted on real pages) or a pathological page (parse
time grows with the square of nesting depth) cannot take the run down. The worker
is restarted after a crash or a timeout; the caller gets a ``ParseFailure`` with a
one-line reason to record on the check, and goes on with the next page.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import multiprocessing
import resource
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from pagevault.model import Snapshot

DEFAULT_TIME_BUDGET = 30.0
DEFAULT_MEMORY_BUDGET = 2 * 2**30


@dataclass(frozen=True)
class ParseFailure:
    """Why a page could not be parsed: 'time budget of 30s exceeded', 'parser crashed'."""

    reason: str


class IsolatedParser:
    """A worker process that parses pages one at a time; use as a context manager."""

    def __init__(
        self,
        time_budget: float = DEFAULT_TIME_BUDGET,
        memory_budget: int = DEFAULT_MEMORY_BUDGET,
        target: str = "pagevault.extract:parse_html",
    ) -> None:
        self.time_budget = time_budget
        self.memory_budget = memory_budget
        self.target = target  # "module:function"; tests point it at a crashing parser
        # forkserver: a clean child, not a copy of a parent that may run threads.
        self._context = multiprocessing.get_context("forkserver")
        self._process: Any = None
        self._connection: Connection | None = None

    def __enter__(self) -> IsolatedParser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def parse(
        self, body: bytes, url: str | None, content_type: str | None = None
    ) -> Snapshot | ParseFailure:
        connection = self._ensure_worker()
        try:
            connection.send((body, url, content_type))
            if not connection.poll(self.time_budget):
                self._stop_worker()
                return ParseFailure(f"time budget of {self.time_budget:g}s exceeded")
            outcome, payload = connection.recv()
        except (EOFError, OSError):
            code = self._process.exitcode if self._process is not None else None
            self._stop_worker()
            return ParseFailure(f"parser crashed (exit code {code})")
        if outcome == "error":
            return ParseFailure(str(payload))
        try:
            return Snapshot.model_validate_json(payload)
        except ValueError as error:
            return ParseFailure(f"unreadable result from the parser: {error}".splitlines()[0])

    def start(self) -> None:
        """Start the worker now rather than at the first page."""
        self._ensure_worker()

    def close(self) -> None:
        self._stop_worker()

    def _ensure_worker(self) -> Connection:
        if self._connection is not None and self._process is not None and self._process.is_alive():
            return self._connection
        self._stop_worker()
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child_end, self.memory_budget, self.target), daemon=True
        )
        process.start()
        child_end.close()
        self._process, self._connection = process, parent_end
        return parent_end

    def _stop_worker(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        if self._process is not None:
            self._process.join(timeout=5)
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.close()
        self._process, self._connection = None, None


def _serve(connection: Connection, memory_budget: int, target: str) -> None:
    """The worker's loop: parse what arrives, answer with JSON or a one-line error."""
    # Ctrl-C reaches the whole process group; the parent decides what it means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(ValueError, OSError):  # a limit the platform refuses
        resource.setrlimit(resource.RLIMIT_AS, (memory_budget, memory_budget))
    module_name, function_name = target.split(":")
    parse_html = getattr(importlib.import_module(module_name), function_name)

    while True:
        try:
            body, url, content_type = connection.recv()
        except EOFError:
            return
        try:
            snapshot = parse_html(body, url=url, content_type=content_type)
            connection.send(("ok", snapshot.to_json(indent=None)))
        except MemoryError:
            connection.send(("error", "memory budget exceeded"))
        except Exception as error:  # reported on the check; the worker goes on
            connection.send(("error", f"{type(error).__name__}: {error}"))


class ParserPool:
    """Several workers, started up front (their start overlaps the first fetches), so
    that pages are parsed side by side while the store is written one page at a time."""

    def __init__(self, workers: int, time_budget: float = DEFAULT_TIME_BUDGET) -> None:
        self._parsers = [IsolatedParser(time_budget=time_budget) for _ in range(max(workers, 1))]
        self._idle: asyncio.Queue[IsolatedParser] | None = None

    @property
    def size(self) -> int:
        return len(self._parsers)

    def __enter__(self) -> ParserPool:
        for parser in self._parsers:
            parser.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for parser in self._parsers:
            parser.close()

    async def parse(
        self, body: bytes, url: str | None, content_type: str | None = None
    ) -> Snapshot | ParseFailure:
        """Parse on the next idle worker (in a thread: the event loop goes on)."""
        if self._idle is None:
            self._idle = asyncio.Queue()
            for parser in self._parsers:
                self._idle.put_nowait(parser)
        parser = await self._idle.get()
        try:
            return await asyncio.to_thread(parser.parse, body, url, content_type)
        finally:
            self._idle.put_nowait(parser)
