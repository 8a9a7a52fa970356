"""The command line: options, output choice and exit codes, nothing else.

Every error is turned into one line on stderr and an exit code in ``main``
(traceback only with ``--debug``); results go to stdout, messages to stderr.
"""

from __future__ import annotations

import copy
import gc
import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from pagevault.__about__ import __version__
from pagevault.errors import ExitCode, InputError, PagevaultError, is_interrupt
from pagevault.text import strip_controls

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from typer._click import Command
    from typer.models import CommandInfo

    from pagevault.isolation import IsolatedParser
    from pagevault.isolation_spawn import Spawned
    from pagevault.store import Store

MAX_INPUT_BYTES = 64 * 1024 * 1024
_UNWRAPPED_WIDTH = 4096

app = typer.Typer(
    name="pagevault",
    help="Archive advocacy web pages as structured JSON snapshots and track how they change.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: rendering it with rich costs ~100 ms of imports at every start.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# Options shared by every command that reads or writes the archive.
StoreOption = Annotated[
    Path,
    typer.Option(
        "--store",
        envvar="PAGEVAULT_STORE",
        help="Archive directory (default ./snapshots; env PAGEVAULT_STORE).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output on stdout.")]
DEFAULT_STORE = Path("snapshots")


def reader(store_dir: Path) -> Store:
    """The store for reading (no lock, no writes)."""
    from pagevault.store import Store

    return Store(store_dir, writable=False)


def page_url(store: Store, url: str) -> str:
    """The page ``url`` names: itself, or the page redirected to it (a note on stderr
    says so); a usage error if several pages were."""
    page = store.page_for(url)
    if page != url:
        note = f"pagevault: note: {url} is where {page} redirects to; shown is that page"
        sys.stderr.write(strip_controls(" ".join(note.split())) + "\n")
    return page


class OutputFormat(StrEnum):
    json = "json"
    text = "text"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pagevault {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    ctx.ensure_object(dict)["debug"] = debug


@app.command()
def parse(
    source: Annotated[str, typer.Argument(metavar="FILE|-", help="HTML file, or - for stdin.")],
    url: Annotated[
        str | None, typer.Option("--url", help="The page's URL, to resolve relative links.")
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json (default) or readable text.")
    ] = OutputFormat.json,
) -> None:
    """Read an HTML page and print its structured snapshot."""
    from pagevault.extract import parse_html

    if url is not None:
        _check_page_url(url)
    page = read_input(source)
    try:
        snapshot = parse_html(page, url=url)
    except InputError as error:  # what was wrong with it: name the input
        raise InputError(f"{_input_name(source)}: {error}") from error
    if output_format is OutputFormat.json:
        write_stdout(snapshot.to_json() + "\n")
    else:
        from pagevault.render.terminal import render_snapshot

        print_stdout(render_snapshot(snapshot))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the snapshot."""
    from pagevault.model import snapshot_json_schema

    write_stdout(json.dumps(snapshot_json_schema(), indent=2, ensure_ascii=False) + "\n")


def _check_page_url(url: str) -> None:
    """A page URL relative links can be resolved against: absolute, http or https."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(f"invalid --url {url!r}: not an absolute http(s) URL")


def _input_name(source: str) -> str:
    return "standard input" if source == "-" else source


def read_input(source: str) -> bytes:
    name = _input_name(source)
    try:
        if source == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with Path(source).open("rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from error
    if not data.strip():
        raise InputError(f"{name} is empty")
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name} is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB")
    return data


def write_stdout(text: str) -> None:
    """Results as UTF-8 whatever the locale; a reader that went away (``| head``) ends
    the command quietly with exit 0."""
    try:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        _reader_went_away()


def print_stdout(renderable: RenderableType) -> None:
    try:
        stdout_console().print(renderable)
    except BrokenPipeError:
        _reader_went_away()


def _reader_went_away() -> NoReturn:
    # Point stdout at /dev/null so that flushing it at exit does not fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(ExitCode.OK)


def stdout_console() -> Console:
    return _console(stderr=False)


def stderr_console() -> Console:
    return _console(stderr=True)


def _console(*, stderr: bool) -> Console:
    """rich honours NO_COLOR and drops colour when the stream is not a terminal; there
    lines must not be wrapped at 80 columns either (logs, pipes, cron mail)."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich exits 1 here, which reads as "damage" or "changes": a reader that
            # went away (``| head``) is not an error.
            self.quiet = True
            _reader_went_away()

    console = _Console(stderr=stderr, highlight=False, emoji=False, markup=False)
    if not console.is_terminal:
        console.width = _UNWRAPPED_WIDTH
    return console


# The archive and analysis commands register themselves on ``app``.
import pagevault.cli_analysis  # noqa: E402
import pagevault.cli_archive  # noqa: E402, F401


def load_config() -> dict[str, Any]:
    """Option defaults per command from ``$PAGEVAULT_CONFIG`` or ./pagevault.toml (see
    ``pagevault.config``), checked against the commands they set."""
    from pagevault.config import read_config

    return read_config(_commands)


def _commands() -> dict[str, Callable[..., Any]]:
    """Every command's function, by the name it is run by."""
    return {
        _command_name(info): info.callback
        for info in app.registered_commands
        if info.callback is not None
    }


def main(early: Spawned | None = None) -> None:
    """Run the app, map every error to an exit code (``pagevault.entry`` calls this with
    the parse worker it started for a fetch; called without, this starts it).

    At the end every object still alive is frozen (``gc.freeze``): interpreter shutdown
    then spares the collector's passes over them (~50 ms with pydantic, typer and rich
    loaded, several times that on a busy machine); the memory goes with the process."""
    from pagevault.entry import early_worker

    parser = _adopted(early if early is not None else early_worker(sys.argv[1:]))
    try:
        _run({"parser": parser})
    finally:
        if parser is not None:
            parser.close()
        gc.freeze()


def _adopted(spawned: Spawned | None) -> IsolatedParser | None:
    if spawned is None:
        return None
    from pagevault.isolation import IsolatedParser

    return IsolatedParser.adopt(spawned)


def _run(context: dict[str, Any]) -> NoReturn:
    """Run the app with ``context`` as its ``ctx.obj``; exit with the command's code.

    Typer runs in non-standalone mode so that nothing is turned into an exit code
    behind our back (it would exit 1 on a closed pipe, which reads as "damage")."""
    arguments, debug = _without_debug(sys.argv[1:])
    try:
        defaults = load_config()
        command = typer.main.get_command(_app_to_run(arguments))
        _coerce_plain_values(command)
        code = command(
            args=[*(["--debug"] if debug else []), *arguments],
            prog_name="pagevault",
            standalone_mode=False,
            default_map=defaults,
            obj=context,
        )
    except PagevaultError as error:
        _fail(str(error), error.exit_code, debug)
    except (KeyboardInterrupt, typer.Abort):
        _fail("interrupted", ExitCode.INTERRUPTED, debug)
    except BrokenPipeError:
        _reader_went_away()
    except typer.exceptions.TyperException as error:  # click's usage errors
        show = getattr(error, "show", None)
        if show is None:
            raise
        show()
        sys.exit(getattr(error, "exit_code", ExitCode.USAGE))
    except Exception as error:  # the boundary: nothing escapes as a traceback
        if is_interrupt(error):  # Python 3.11 wraps a Ctrl-C met in __set_name__
            _fail("interrupted", ExitCode.INTERRUPTED, debug)
        _fail(f"internal error: {type(error).__name__}: {error}", ExitCode.USAGE, debug)
    if code == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into Exit(130)
        _fail("interrupted", ExitCode.INTERRUPTED, debug)
    sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _without_debug(arguments: list[str]) -> tuple[list[str], bool]:
    """The arguments without ``--debug``, which may come before or after the command
    (``pagevault fetch --debug URL``), and whether it was given; after ``--`` it is an
    argument like any other."""
    end = arguments.index("--") if "--" in arguments else len(arguments)
    kept = [argument for argument in arguments[:end] if argument != "--debug"]
    return kept + arguments[end:], len(kept) < end


def _app_to_run(arguments: list[str]) -> typer.Typer:
    """``app`` with only the command the arguments run, when they name one of its commands
    and ask for no help: typer builds every command's parameters (from signatures and type
    hints) before parsing, ~55 M instructions for the eleven, ~6% of a one-page fetch. Only
    the root's help and usage errors list the commands, and these get the whole app.
    (``app`` has a callback, so typer keeps a group even with one command left.)"""
    from pagevault.entry import command_to_run

    name = command_to_run(arguments)
    chosen = [info for info in app.registered_commands if _command_name(info) == name]
    if not chosen:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = chosen
    return narrowed


def _command_name(info: CommandInfo) -> str:
    assert info.callback is not None  # every command here is a decorated function
    return info.name or typer.main.get_command_name(info.callback.__name__)


def _coerce_plain_values(command: Command) -> None:
    """Plain option values coerced without typer's pydantic adapters (~120 ms of CPU at
    each start; ``pagevault.cli_coercion``), where this typer's internals allow it."""
    try:
        from pagevault.cli_coercion import coerce_plain_values

        coerce_plain_values(command)
    except Exception:  # another typer's internals: its own coercion stays in place
        return


def _fail(message: str, code: ExitCode, debug: bool) -> NoReturn:
    if debug:
        import traceback

        traceback.print_exc()
    line = " ".join(strip_controls(message).split())
    sys.stderr.write(f"pagevault: error: {line}\n")
    sys.exit(code)
