"""The command line's start-up shortcuts: plain option values coerced without pydantic
(as typer's own coercion would), and only the command being run built."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer._adapters import try_build_adapter
from typer.models import OptionInfo

from pagevault.cli import _app_to_run, app
from pagevault.cli_coercion import (
    LEFT_TO_TYPER,
    PlainRuntimeParam,
    coerce_plain_values,
    plain_value,
)

VALUES: list[Any] = [
    *("0", "8", "08", "007", "123456789012345678", "1234567890123456789"),
    *("1.5", "0.000", "00.10", "1.", ".5", "1e3", "1_0", " 1", "-1", "+1", "inf", "nan", ""),
    *(0, 8, 1.5, True, False, "x", "-", Path("x")),
]


@pytest.mark.parametrize("annotation", [str, int, float, bool])
@pytest.mark.parametrize("value", VALUES)
def test_a_plain_value_is_what_the_adapter_gives(annotation: type, value: Any) -> None:
    plain = plain_value(annotation, value)
    if plain is LEFT_TO_TYPER:
        return
    adapter = try_build_adapter(annotation, OptionInfo())
    assert adapter is not None
    expected = adapter.validate_python(value)
    assert (type(plain), plain) == (type(expected), expected)


def test_every_parameter_of_every_command_is_coerced_plainly() -> None:
    command = typer.main.get_command(app)
    coerce_plain_values(command)
    commands = [command, *getattr(command, "commands", {}).values()]
    for each in commands:
        for param in each.params:
            assert isinstance(getattr(param, "_runtime_param", None), PlainRuntimeParam)


def test_a_fetch_command_line_is_read_without_pydantic(tmp_path: Path) -> None:
    """Every option of fetch given (an invalid concurrency ends the run before any fetch)."""
    arguments = ["--delay", "0", "--deadline", "5", "--concurrency", "0", "--json"]
    arguments += ["--store", str(tmp_path), "--user-agent", "x", "-i", "-", "--http2"]
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pagevault", "fetch", *arguments, "u"],
        input=b"https://example.test/\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert b"concurrency must be positive" in result.stderr
    assert b"pydantic" not in result.stderr


@pytest.mark.parametrize(
    ("arguments", "commands"),
    [
        (["fetch", "--delay", "0", "https://example.test/"], ["fetch"]),
        (["--debug", "list", "--json"], ["list"]),
        (["fetch", "--help"], None),
        (["--help", "fetch"], None),
        (["fetc", "https://example.test/"], None),
        (["--version"], None),
        ([], None),
    ],
)
def test_only_the_command_being_run_is_built(
    arguments: list[str], commands: list[str] | None
) -> None:
    built = typer.main.get_command(_app_to_run(arguments))
    every = typer.main.get_command(app)
    expected = commands if commands is not None else list(getattr(every, "commands", {}))
    assert list(getattr(built, "commands", {})) == expected
    assert [param.name for param in built.params] == [param.name for param in every.params]


@pytest.mark.parametrize("help_flag", ["--help", "-h"])
def test_a_request_for_help_runs_no_command_and_starts_no_parse_worker(help_flag: str) -> None:
    from pagevault.entry import command_to_run, early_worker

    assert command_to_run(["fetch", help_flag]) is None
    assert early_worker(["fetch", help_flag]) is None
    assert command_to_run(["fetch", "https://example.org/"]) == "fetch"


def test_ctrl_c_while_starting_up_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pagevault import entry
    from pagevault.errors import ExitCode

    def interrupted(arguments: list[str]) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "early_worker", interrupted)
    with pytest.raises(SystemExit) as exited:
        entry.main()
    assert exited.value.code == ExitCode.INTERRUPTED == 130
    assert capsys.readouterr().err == "pagevault: error: interrupted\n"
