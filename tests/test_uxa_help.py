"""Help: -h as --help, an example in each archive command's help, --debug anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from pagevault.cli import _without_debug
from tests.cli_runs import pagevault as run


@pytest.mark.parametrize("command", ["fetch", "list", "history", "show", "verify", "reindex"])
def test_each_archive_command_has_help_by_h_with_an_example(tmp_path: Path, command: str) -> None:
    result = run(tmp_path, command, "-h")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Usage: pagevault {command} ")
    assert f"Example: pagevault {command} " in result.stdout


def test_h_gives_the_root_help(tmp_path: Path) -> None:
    result = run(tmp_path, "-h")
    assert result.returncode == 0
    assert "fetch" in result.stdout


def test_debug_is_taken_after_the_command_too(tmp_path: Path) -> None:
    result = run(tmp_path / "none", "list", "--debug")
    assert result.returncode == 74
    assert "Traceback" in result.stderr
    assert result.stderr.endswith(f"pagevault: error: no store at {tmp_path / 'none'}\n")


def test_debug_after_a_double_dash_is_an_argument() -> None:
    assert _without_debug(["--debug", "list"]) == (["list"], True)
    assert _without_debug(["fetch", "--debug", "u"]) == (["fetch", "u"], True)
    assert _without_debug(["fetch", "--", "--debug"]) == (["fetch", "--", "--debug"], False)
