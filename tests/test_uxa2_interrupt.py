"""Ctrl-C at any moment of ``python -m pagevault`` ends with one line and exit 130, also
when it arrives where Python 3.11 words it otherwise: inside code run from a string (the
methods dataclasses make, while a module is imported), or inside ``__set_name__``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import pagevault

# Run as `python -m interrupting WHERE HOW`: pagevault's entry point, with a Ctrl-C raised
# while it starts (WHERE=startup) or once the command line runs (WHERE=command), from code
# run from a string (HOW=exec) or while a class is created (HOW=set_name).
_RUNNER = """
import sys

from pagevault import cli, entry

where, how = sys.argv[1:]


class _Interrupting:
    def __set_name__(self, owner, name):
        raise KeyboardInterrupt


def interrupted(*arguments):
    if how == "exec":
        exec("raise KeyboardInterrupt")  # as in a dataclass's generated method
    type("Imported", (), {"attribute": _Interrupting()})


if where == "startup":
    entry.early_worker = interrupted
else:
    cli.load_config = interrupted
sys.argv = ["pagevault", "list"]
entry.main()
"""


@pytest.mark.parametrize(
    ("where", "how"),
    [
        ("startup", "exec"),
        ("startup", "set_name"),
        ("command", "exec"),
        ("command", "set_name"),
    ],
)
def test_ctrl_c_however_python_words_it_exits_130_with_one_line(
    tmp_path: Path, where: str, how: str
) -> None:
    (tmp_path / "interrupting.py").write_text(_RUNNER)
    source = str(Path(pagevault.__file__).parents[1])
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), source])}
    result = subprocess.run(
        [sys.executable, "-m", "interrupting", where, how],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        cwd=tmp_path,
        check=False,
    )
    assert (result.returncode, result.stderr) == (130, "pagevault: error: interrupted\n")
