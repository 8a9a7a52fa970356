"""pagevault.toml: unknown tables and keys are named, wrong values blamed on the file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli_runs import pagevault


def _run(tmp_path: Path, config: str, *args: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "pagevault.toml"
    path.write_text(config)
    return pagevault(tmp_path / "store", *args, env={"PAGEVAULT_CONFIG": str(path)})


def test_unknown_tables_and_keys_are_warned_about_and_ignored(tmp_path: Path) -> None:
    result = _run(tmp_path, "top = 1\n[fetch]\ndealy = 2.0\n[dif]\nignore = []\n", "schema")
    assert result.returncode == 0
    path = tmp_path / "pagevault.toml"
    warnings = result.stderr.splitlines()
    assert warnings[0].startswith(f"pagevault: warning: {path}: unknown key 'top' (tables are ")
    assert warnings[1] == f"pagevault: warning: {path}: unknown key 'dealy' in [fetch], ignored"
    assert warnings[2].startswith(f"pagevault: warning: {path}: unknown [dif] (tables are ")
    assert len(warnings) == 3


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[fetch]\ndelay = "two"\n', '[fetch] delay = "two": expected a number'),
        ("[fetch]\nconcurrency = 2.5\n", "[fetch] concurrency = 2.5: expected a whole number"),
        ("[fetch]\nhttp2 = 1\n", "[fetch] http2 = 1: expected true or false"),
        (
            '[diff]\nignore = "navigation"\n',
            '[diff] ignore = "navigation": expected a list of strings, like ["a", "b"]',
        ),
        (
            '[diff]\nformat = "yaml"\n',
            '[diff] format = "yaml": expected one of text, json, markdown, html',
        ),
    ],
)
def test_a_wrong_value_names_the_file_and_key(tmp_path: Path, config: str, message: str) -> None:
    store = tmp_path / "store"
    result = _run(tmp_path, config, "fetch", "--store", str(store), "http://127.0.0.1:9/")
    assert result.returncode == 2
    assert result.stderr == f"pagevault: error: {tmp_path / 'pagevault.toml'}: {message}\n"
    assert not store.exists()


def test_an_option_is_set_by_its_name_or_its_flag(tmp_path: Path) -> None:
    result = _run(tmp_path, "[fetch]\nparse-budget = 0\n", "fetch", "http://127.0.0.1:9/")
    assert (
        result.stderr == "pagevault: error: fetch option parse_budget must be positive, got 0.0\n"
    )
    result = _run(tmp_path, "[fetch]\nparse_budget = 0\n", "fetch", "http://127.0.0.1:9/")
    assert (
        result.stderr == "pagevault: error: fetch option parse_budget must be positive, got 0.0\n"
    )
