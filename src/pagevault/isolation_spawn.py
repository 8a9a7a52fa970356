"""Starting a parse worker process (``pagevault.isolation_worker``): ``os.posix_spawn``
with two pipes, the worker in a session of its own (a Ctrl-C is the parent's to handle).

Only ``os`` and ``sys`` are imported here, which every interpreter has loaded at start
(and ``fcntl``, ~0.3 ms, when spawning): the entry point starts a fetch's first worker with
this before loading anything else.
"""

from __future__ import annotations

import os
import sys

WORKER_CODE = "from pagevault.isolation_worker import serve; serve()"
KEEP_OWN_PATH = "-"  # the worker keeps the sys.path a fresh interpreter has
DEFAULT_TARGET = "pagevault.extract:parse_html"
DEFAULT_MEMORY_BUDGET = 2 * 2**30


class Spawned:
    """A worker process just started: its pid and the parent's ends of its pipes."""

    __slots__ = ("answers", "pid", "requests")

    def __init__(self, pid: int, requests: int, answers: int) -> None:
        self.pid = pid
        self.requests = requests  # the worker's stdin
        self.answers = answers  # the worker's stdout


def spawn(target: str, memory_budget: int, sys_path: str, warm_up: bool) -> Spawned:
    """Start a worker that loads ``target`` ("module:function") under ``memory_budget``
    bytes of address space; ``sys_path`` is a JSON list for its sys.path (tests point
    at parsers of their own) or KEEP_OWN_PATH; OSError if it cannot be started."""
    child_stdin, requests = os.pipe()
    answers, child_stdout = os.pipe()
    for pipe in (requests, answers):
        _widen(pipe)
    arguments = [sys.executable, "-c", WORKER_CODE, target, str(memory_budget), sys_path]
    try:
        pid = os.posix_spawn(
            sys.executable,
            [*arguments, "1" if warm_up else "0"],
            _environment(),
            file_actions=[
                (os.POSIX_SPAWN_DUP2, child_stdin, 0),
                (os.POSIX_SPAWN_DUP2, child_stdout, 1),
            ],
            setsid=True,
        )
    except OSError:
        os.close(requests)
        os.close(answers)
        raise
    finally:
        os.close(child_stdin)
        os.close(child_stdout)
    return Spawned(pid, requests, answers)


# A page (140 KB on average in the benchmark corpus) and its answer each go through in one
# write and one read, instead of 64 KiB (the default pipe size) at a time, each piece a
# wake-up of the other side. Linux only; elsewhere, or over the per-user limit, the
# default size stays.
PIPE_BYTES = 2**20


def _widen(pipe: int) -> None:
    import fcntl  # not at the top: this module is loaded before anything else

    setpipe = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setpipe is not None:
        # not contextlib.suppress: contextlib is not loaded yet at this point (~20 ms)
        try:  # noqa: SIM105
            fcntl.fcntl(pipe, setpipe, PIPE_BYTES)
        except OSError:  # EPERM: the user's pipe buffers are all used
            pass


def _environment() -> dict[str, str]:
    """The parent's environment; pydantic plugins (looked up in every installed
    distribution's metadata) are not loaded: the worker has no use for them."""
    return {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "1"}
