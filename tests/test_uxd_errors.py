"""`pagevault diff` errors are one line that says what is wrong with the input, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PAIRS = Path(__file__).parent / "fixtures" / "diff"
HTML = str(PAIRS / "identical.before.html")
# The package under test, also from another working directory (PYTHONPATH=src is relative).
SOURCE = str(Path(__import__("pagevault").__file__).resolve().parents[1])


def diff(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pagevault", "diff", "--store", str(cwd / "store"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": SOURCE},
        check=False,
    )


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("pagevault: error: ") and "internal error" not in line
    return line.removeprefix("pagevault: error: ")


def test_json_that_is_no_snapshot_says_so_briefly(tmp_path: Path) -> None:
    cases = {
        "junk.json": '{"a": 1}',
        "list.json": "[1, 2]",
        "text.json": "not json at all",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
    assert one_error(diff("junk.json", HTML, cwd=tmp_path)) == (
        "junk.json is not a pagevault snapshot (no parser_version, url, title and 12 more fields)"
    )
    assert one_error(diff(HTML, "list.json", cwd=tmp_path)) == (
        "list.json is not a pagevault snapshot (a JSON array, not an object)"
    )
    assert one_error(diff("text.json", HTML, cwd=tmp_path)).startswith(
        "text.json is not a pagevault snapshot (not JSON: "
    )


def test_a_snapshot_with_a_bad_field_names_it(tmp_path: Path) -> None:
    parsed = subprocess.run(
        [sys.executable, "-m", "pagevault", "parse", HTML],
        capture_output=True,
        timeout=60,
        check=True,
    )
    document = json.loads(parsed.stdout)
    document["lang"] = 5
    (tmp_path / "bad.json").write_text(json.dumps({"snapshot": document}))
    message = one_error(diff("bad.json", HTML, cwd=tmp_path))
    assert message.startswith("bad.json is not a pagevault snapshot (lang: ")
    assert "pydantic" not in message


def test_an_unknown_side_says_what_a_side_may_be(tmp_path: Path) -> None:
    message = one_error(diff("foo", "bar", cwd=tmp_path))
    assert message == (
        "'foo' is no file and no snapshot id; each side is a snapshot id (pagevault history "
        "URL lists them), a snapshot JSON file or an HTML file"
    )
