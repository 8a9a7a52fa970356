"""Parsing in a worker process, under a time and memory budget.

RELIABILITY.md rule 1: the raw capture is stored before parsing, and parsing runs
where a crash (lexbor has segfaulted on real pages) or a pathological page (parse
time grows with the square of nesting depth) cannot take the run down. The worker
is restarted after a crash or a timeout; the caller gets a ``ParseFailure`` with a
one-line reason to record on the check, and goes on with the next page.

A worker is a fresh interpreter (``pagevault.isolation_worker``, started by
``pagevault.isolation_spawn``) that imports only the parser, in its own session (a Ctrl-C
is the parent's to handle); it is started without waiting, so that its start-up overlaps
whatever the parent does next, and it answers with the snapshot's JSON text, so the
parent never imports the snapshot model.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from pagevault.isolation_spawn import (
    DEFAULT_MEMORY_BUDGET,
    DEFAULT_TARGET,
    KEEP_OWN_PATH,
    Spawned,
    spawn,
)
from pagevault.isolation_worker import ERROR, LENGTH_BYTES, OK, READY
from pagevault.snapshot_json import SnapshotJson

if TYPE_CHECKING:
    import asyncio

DEFAULT_TIME_BUDGET = 30.0
START_BUDGET = 60.0  # seconds for a worker to load the parser; not part of a page's budget
MAX_ANSWER_BYTES = 2**30
_EXIT_WAIT = 1.0  # seconds for a worker that closed its pipe to finish dying


@dataclass(frozen=True)
class ParseFailure:
    """Why a page could not be parsed: 'time budget of 30s exceeded', 'parser crashed'."""

    reason: str


class _WorkerLost(Exception):
    """The worker cannot answer (it ended, timed out or never started): the reason why."""


class _Worker:
    """One worker process and the pipes to it (its stdin and stdout), non-blocking: the
    exchange waits on the running event loop, not in a thread (a thread per page, its
    hand-offs and their GIL contention, cost the fetching process ~0.8 ms a page in a run
    of 500)."""

    def __init__(self, spawned: Spawned) -> None:
        self.pid = spawned.pid
        self._requests, self._answers = spawned.requests, spawned.answers
        os.set_blocking(self._requests, False)
        os.set_blocking(self._answers, False)
        self.ready = False
        self.exit_code: int | None = None

    @classmethod
    def start(cls, target: str, memory_budget: int) -> _Worker:
        # The parent's path for other parsers (test doubles live in the tests package).
        path = KEEP_OWN_PATH if target == DEFAULT_TARGET else json.dumps(sys.path)
        return cls(spawn(target, memory_budget, path, warm_up=target == DEFAULT_TARGET))

    async def answer(self, request: tuple[bytes, ...], budget: float) -> bytes:
        """Send one request; its answer within ``budget`` seconds, sending included (once
        the worker is ready: loading the parser has its own budget), else _WorkerLost."""
        if not self.ready:
            async with _within(START_BUDGET, f"parser did not start within {START_BUDGET:g}s"):
                self._check_greeting(await self._read_frame())
            self.ready = True
        async with _within(budget, f"time budget of {budget:g}s exceeded"):
            try:
                await _write_frame(self._requests, request)
            except OSError as error:  # BrokenPipeError: it died since its last answer
                raise await self._ended() from error
            return await self._read_frame()

    @staticmethod
    def _check_greeting(greeting: bytes) -> None:
        if greeting.startswith(ERROR):
            raise _WorkerLost(greeting[len(ERROR) :].decode("utf-8", "replace"))
        if greeting != READY:
            raise _WorkerLost("parser did not start (unreadable greeting)")

    async def _read_frame(self) -> bytes:
        size = int.from_bytes(await self._read(LENGTH_BYTES), "big")
        if size > MAX_ANSWER_BYTES:
            raise _WorkerLost(f"unreadable result from the parser ({size} bytes)")
        return await self._read(size)

    async def _read(self, size: int) -> bytes:
        chunks: list[bytes] = []  # one, mostly (the pipe holds 1 MiB): no copy then
        missing = size
        while missing:
            try:
                chunk = os.read(self._answers, min(missing, 1 << 20))
            except BlockingIOError:
                await _ready(self._answers, for_writing=False)
                continue
            if not chunk:
                raise await self._ended()
            chunks.append(chunk)
            missing -= len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    async def _ended(self) -> _WorkerLost:
        """The worker closed its pipe: it is dying; how it ended, once it has."""
        import asyncio

        deadline = time.monotonic() + _EXIT_WAIT
        while not self._reaped(os.WNOHANG) and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        return _WorkerLost(f"parser crashed (exit code {self.exit_code})")

    def _reaped(self, flags: int) -> bool:
        """Collect the worker's exit status if it has ended (or, flags 0, once it has)."""
        if self.exit_code is None:
            pid, status = os.waitpid(self.pid, flags)
            if pid:
                self.exit_code = os.waitstatus_to_exitcode(status)
        return self.exit_code is not None

    def stop(self) -> None:
        """Kill the worker at once (it holds nothing worth a graceful end) and reap it."""
        if not self._reaped(os.WNOHANG):
            os.kill(self.pid, signal.SIGKILL)
            self._reaped(0)
        for fd in (self._requests, self._answers):
            with contextlib.suppress(OSError):
                os.close(fd)


async def _write_frame(fd: int, parts: tuple[bytes, ...]) -> None:
    """One frame made of ``parts`` (not joined first: a body can be tens of megabytes), to
    a non-blocking pipe, waiting on the event loop while it is full."""
    for part in _framed(parts):
        view = memoryview(part)
        while view:
            try:
                view = view[os.write(fd, view) :]
            except BlockingIOError:
                await _ready(fd, for_writing=True)


def _framed(parts: tuple[bytes, ...]) -> tuple[bytes, ...]:
    """The parts with the frame's length prefixed to the first, a short head (a write, and
    a wake-up of the worker, fewer per page)."""
    size = sum(len(part) for part in parts)
    return (size.to_bytes(LENGTH_BYTES, "big") + parts[0], *parts[1:])


async def _ready(fd: int, for_writing: bool) -> None:
    """Until the pipe ``fd`` can be written to (or read from) without blocking."""
    import asyncio

    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[None] = loop.create_future()
    if for_writing:
        loop.add_writer(fd, _wake, waiter)
    else:
        loop.add_reader(fd, _wake, waiter)
    try:
        await waiter
    finally:
        (loop.remove_writer if for_writing else loop.remove_reader)(fd)


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


@contextlib.asynccontextmanager
async def _within(seconds: float, overdue: str) -> AsyncIterator[None]:
    """A deadline for talking to a worker: past it, _WorkerLost(overdue)."""
    import asyncio

    try:
        async with asyncio.timeout(seconds):
            yield
    except TimeoutError:
        raise _WorkerLost(overdue) from None


def _request(body: bytes, url: str | None, content_type: str | None) -> tuple[bytes, ...]:
    head = json.dumps({"url": url, "content_type": content_type}).encode("utf-8")
    return head + b"\n", body


def _reading(answer: bytes) -> SnapshotJson | ParseFailure:
    """The worker's answer: a snapshot, or its one-line error."""
    if answer.startswith(ERROR):
        return ParseFailure(answer[len(ERROR) :].decode("utf-8", "replace"))
    try:
        if not answer.startswith(OK):
            raise ValueError("no status")
        return SnapshotJson.from_message(answer[len(OK) :])
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError included
        return ParseFailure(f"unreadable result from the parser: {error}".splitlines()[0])


class IsolatedParser:
    """A worker process that parses pages one at a time; use as a context manager."""

    def __init__(
        self,
        time_budget: float = DEFAULT_TIME_BUDGET,
        memory_budget: int = DEFAULT_MEMORY_BUDGET,
        target: str = DEFAULT_TARGET,
    ) -> None:
        self.time_budget = time_budget
        self.memory_budget = memory_budget
        self.target = target  # "module:function"; tests point it at a crashing parser
        self._worker: _Worker | None = None

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
    ) -> SnapshotJson | ParseFailure:
        """``parse_async`` for a caller with no event loop running."""
        import asyncio  # not at the top: the command line imports this module early

        return asyncio.run(self.parse_async(body, url, content_type))

    async def parse_async(
        self, body: bytes, url: str | None, content_type: str | None = None
    ) -> SnapshotJson | ParseFailure:
        """The page's snapshot, or why there is none (the worker is replaced if it was
        lost). Cancelled halfway, the worker is stopped: its pipes may hold half a page or
        an answer."""
        worker = self.start()
        try:
            answer = await worker.answer(_request(body, url, content_type), self.time_budget)
        except _WorkerLost as lost:
            self.close()
            return ParseFailure(str(lost))
        except BaseException:
            self.close()
            raise
        return _reading(answer)

    def start(self) -> _Worker:
        """Start the worker now (without waiting for it) rather than at the first page."""
        if self._worker is None:
            self._worker = _Worker.start(self.target, self.memory_budget)
        return self._worker

    @classmethod
    def adopt(cls, spawned: Spawned) -> IsolatedParser:
        """A parser (default target and budgets) around a worker already started."""
        parser = cls()
        parser._worker = _Worker(spawned)
        return parser

    def close(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None


class ParserPool:
    """Several workers, started up front (their start overlaps the first fetches), so
    that pages are parsed side by side while the store is written one page at a time.

    ``started``: a parser started earlier (by the command line, as soon as it knew a
    fetch was coming), used as the first worker.
    """

    def __init__(
        self,
        workers: int,
        time_budget: float = DEFAULT_TIME_BUDGET,
        started: IsolatedParser | None = None,
    ) -> None:
        first = [] if started is None else [started]
        more = max(workers, 1) - len(first)
        self._parsers = [*first, *(IsolatedParser(time_budget=time_budget) for _ in range(more))]
        for parser in self._parsers:
            parser.time_budget = time_budget
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
    ) -> SnapshotJson | ParseFailure:
        """Parse on the next idle worker (the event loop goes on meanwhile)."""
        import asyncio  # not at the top: the command line imports this module early

        if self._idle is None:
            self._idle = asyncio.Queue()
            for parser in self._parsers:
                self._idle.put_nowait(parser)
        parser = await self._idle.get()
        try:
            return await parser.parse_async(body, url, content_type)
        finally:
            self._idle.put_nowait(parser)
