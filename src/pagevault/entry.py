"""``pagevault``'s entry point: the console script and ``python -m pagevault``.

A fetch parses what it fetches, and a parse worker (a new interpreter importing the
extractor) takes longer to start than this process takes to reach its first page. So the
command line is glanced at before anything else is loaded (typer alone is a third of
this process's start): for a fetch, the first worker starts at once, and the command line
interface, loaded next, uses it.
"""

from __future__ import annotations

import sys

from pagevault.errors import is_interrupt
from pagevault.isolation_spawn import (
    DEFAULT_MEMORY_BUDGET,
    DEFAULT_TARGET,
    KEEP_OWN_PATH,
    Spawned,
    spawn,
)


def main() -> None:
    try:
        _start_and_run()
    except SystemExit as stop:
        if stop.code == _INTERRUPTED:
            _forget_caught_interrupt()
        raise


def _start_and_run() -> None:
    try:
        early = early_worker(sys.argv[1:])
        from pagevault.cli import main as run_command_line
    except (KeyboardInterrupt, RuntimeError) as error:
        if not is_interrupt(error):
            raise
        # Ctrl-C while starting up: as after, one line and 130.
        sys.stderr.write("pagevault: error: interrupted\n")
        sys.exit(_INTERRUPTED)
    run_command_line(early)


_INTERRUPTED = 130  # errors.ExitCode.INTERRUPTED, not imported: this module starts light


def _forget_caught_interrupt() -> None:
    """Let an interrupted run end with its exit code, 130. CPython marks a
    KeyboardInterrupt that leaves code run from a string (``exec``: dataclasses and
    namedtuple make their methods so, while a module is imported) as unhandled even once
    it is caught, and under ``python -m`` then ends the process by SIGINT after its exit
    (status -2). Running code from a string clears that mark."""
    exec("")


def early_worker(arguments: list[str]) -> Spawned | None:
    """A fetch's first parse worker, started now; None for any other command."""
    if command_to_run(arguments) != "fetch":
        return None
    try:
        return spawn(DEFAULT_TARGET, DEFAULT_MEMORY_BUDGET, KEEP_OWN_PATH, warm_up=True)
    except OSError:  # started again, and reported, when the fetch needs it
        return None


def command_to_run(arguments: list[str]) -> str | None:
    """The command the arguments run, None when they ask for help. The root options take
    no value, so the first argument that is not an option is the command."""
    if "--help" in arguments or "-h" in arguments:
        return None
    return next((argument for argument in arguments if not argument.startswith("-")), None)
