"""The parse worker's side of ``pagevault.isolation``: a plain interpreter that loads the
parser, says it is ready, then parses one page at a time from its stdin to its stdout.

Started by ``pagevault.isolation_spawn`` as ``python -c "from pagevault.isolation_worker
import serve; serve()" TARGET MEMORY SYS_PATH WARM_UP``; it imports only the standard
library before the parser itself, so it is ready as soon as the parser's own imports allow
(no CLI, no multiprocessing).
With WARM_UP "1" it parses a small sample page before saying it is ready: a process's
first parse also loads the parser's lazy data (the extractor's month names from babel,
~0.1 s), which had better happen while the parent is still starting than once the first
page is waiting.

Frames are a 4-byte big-endian length, then that many bytes:

    worker -> parent, once   b"ready", or b"error\\n" + one line (the parser cannot load)
    parent -> worker         a JSON line {"url": ..., "content_type": ...}, b"\\n", the body
    worker -> parent         b"ok\\n" + ``SnapshotJson.to_message()`` (a JSON line with
                             its provenance fields, then the snapshot's JSON indented
                             by 2), or b"error\\n" + one line
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import resource
import sys
from collections.abc import Callable
from io import FileIO
from typing import Any

from pagevault.isolation_spawn import KEEP_OWN_PATH
from pagevault.snapshot_json import SnapshotJson

READY = b"ready"
WARM_UP_PAGE = (
    b"<html lang=fr><body><main><h1>Titre</h1>"
    b"<p>Le 5 janvier 2024, plus de 29 000 personnes.</p></main></body></html>"
)
OK = b"ok\n"
ERROR = b"error\n"
LENGTH_BYTES = 4


def serve() -> None:
    """The worker's main: load the parser named on the command line, then answer pages
    until the parent closes the pipe, or is gone: a parent killed while a page was
    parsed (kill -9, a cron job's timeout) leaves a pipe with no reader, and the worker
    then ends quietly (a traceback would land on the parent's terminal)."""
    try:
        _serve()
    except (BrokenPipeError, ConnectionResetError):
        return


def _serve() -> None:
    # Loading allocates much and frees little: no collections until it is done (they
    # cost ~3% of the instructions of a worker's start).
    gc.disable()
    target, memory_budget, sys_path, warm_up = sys.argv[1:5]
    requests, answers = _private_channel()
    with contextlib.suppress(ValueError, OSError):  # a limit the platform refuses
        resource.setrlimit(resource.RLIMIT_AS, (int(memory_budget), int(memory_budget)))
    if sys_path != KEEP_OWN_PATH:
        sys.path[:] = json.loads(sys_path)  # the parent's, so that its target is found
    try:
        parse_html = _load(target)
    except Exception as error:
        write_frame(answers, ERROR + _one_line(f"cannot load the parser {target}", error))
        return
    if warm_up == "1":
        _parse(parse_html, WARM_UP_PAGE, "https://example.org/", None)
    gc.freeze()  # what is loaded now lives as long as the worker: later collections skip it
    gc.enable()
    write_frame(answers, READY)
    _answer_pages(requests, answers, parse_html)


def _private_channel() -> tuple[FileIO, FileIO]:
    """The pipes to the parent, moved off fds 0 and 1: whatever a library prints goes to
    stderr instead of into the answers."""
    requests = os.fdopen(os.dup(0), "rb", buffering=0)
    answers = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.dup2(2, 1)
    return requests, answers


def _load(target: str) -> Callable[..., Any]:
    module_name, function_name = target.split(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module_name), function_name)
    return function


def _answer_pages(requests: FileIO, answers: FileIO, parse_html: Callable[..., Any]) -> None:
    while (request := read_frame(requests)) is not None:
        head_end = request.index(b"\n")
        page = json.loads(request[:head_end])
        body = bytes(memoryview(request)[head_end + 1 :])  # the one copy of the page
        write_frame(answers, _parse(parse_html, body, page["url"], page["content_type"]))


def _parse(
    parse_html: Callable[..., Any], body: bytes, url: str | None, content_type: str | None
) -> bytes:
    """The answer to one page: the snapshot's JSON or a one-line error (the worker goes on)."""
    try:
        snapshot = parse_html(body, url=url, content_type=content_type)
        return OK + SnapshotJson.from_model(snapshot).to_message()
    except MemoryError:
        return ERROR + b"memory budget exceeded"
    except Exception as error:
        return ERROR + _one_line(type(error).__name__, error)


def _one_line(label: str, error: BaseException) -> bytes:
    line = " ".join(f"{label}: {error}".split())
    return line.encode("utf-8", "replace")


def read_frame(stream: FileIO) -> bytearray | None:
    """One frame, or None at the end of the stream (the parent went away)."""
    head = _read_exactly(stream, LENGTH_BYTES)
    if head is None:
        return None
    return _read_exactly(stream, int.from_bytes(head, "big"))


def _read_exactly(stream: FileIO, size: int) -> bytearray | None:
    """``size`` bytes read into one buffer of that size: growing a buffer as pieces come,
    then copying it out, costs up to ~0.3 ms for a 140 KB page (a micro-benchmark; the
    allocator hands back fresh pages at each step)."""
    data = bytearray(size)
    with memoryview(data) as view:
        filled = 0
        while filled < size:
            count = stream.readinto(view[filled:])
            if not count:
                return None
            filled += count
    return data


def write_frame(stream: FileIO, payload: bytes) -> None:
    stream.write(len(payload).to_bytes(LENGTH_BYTES, "big"))
    view = memoryview(payload)
    while view:
        written = stream.write(view)
        view = view[written or 0 :]
