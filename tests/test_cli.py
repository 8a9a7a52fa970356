"""The command line as a user meets it: real process, real streams, exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pagevault import __version__

FIXTURE = Path(__file__).parent / "fixtures" / "amnesty-fr-refugies.html"
URL = "https://www.amnesty.fr/refugies-et-migrants"


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pagevault", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        env=environment,
        check=False,
    )


def test_parse_prints_utf8_json_on_stdout() -> None:
    result = run("parse", str(FIXTURE), "--url", URL, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    text = result.stdout.decode("utf-8")
    assert "réfugié·e·s" in text  # not ASCII-escaped
    assert json.loads(text)["canonical"] == URL


def test_parse_reads_stdin() -> None:
    result = run("parse", "-", stdin=b"<html lang=fr><h1>Titre</h1><p>Plus de 5 000 personnes.</p>")
    assert result.returncode == 0, result.stderr
    snapshot = json.loads(result.stdout)
    assert snapshot["title"] == "Titre"
    assert snapshot["statistics"][0]["value"] == 5000


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["parse", "/nonexistent/page.html"], None, "cannot read /nonexistent/page.html"),
        (["parse", "-"], b"   \n", "standard input is empty"),
        (["parse", "."], None, "cannot read ."),
        (["parse", "-", "--url", "example.org/page"], b"<p>x</p>", "invalid --url"),
        (["parse", "-", "--url", "ftp://example.org/"], b"<p>x</p>", "not an absolute http(s) URL"),
    ],
)
def test_unreadable_input_is_one_line_exit_2(
    args: list[str], stdin: bytes | None, message: str
) -> None:
    result = run(*args, stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.stderr.decode()


def test_binary_input_is_refused_in_one_line(tmp_path: Path) -> None:
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)
    result = run("parse", str(image))
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().splitlines() == [
        f"pagevault: error: {image}: binary data, not an HTML page"
    ]


def test_debug_shows_the_traceback() -> None:
    result = run("--debug", "parse", "/nonexistent/page.html")
    assert result.returncode == 2
    assert "Traceback" in result.stderr.decode()


def test_usage_error_exits_2() -> None:
    result = run("parse", str(FIXTURE), "--format", "yaml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr.decode()


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"pagevault {__version__}"


def test_text_format_shows_menus_sections_statistics_related() -> None:
    result = run("parse", str(FIXTURE), "--url", URL, "--format", "text", env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    for expected in (
        "Menu principal",
        "S’informer",
        "Une responsabilité mondiale",
        "43,7 millions",
        "43,700,000",
        "Campagne",
        "Accueil › Nous connaître › Nos combats",
    ):
        assert expected in out
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_text_before_any_heading_is_shown_without_an_empty_heading() -> None:
    result = run("parse", "-", "--format", "text", stdin=b"<p>Plus de 43,7 millions</p>")
    assert result.returncode == 0, result.stderr
    lines = [line.strip() for line in result.stdout.decode().splitlines()]
    assert "Plus de 43,7 millions" in lines
    assert "#" not in lines


def test_page_text_is_not_interpreted_as_markup_or_escapes() -> None:
    page = b"<h1>[bold]Title[/bold]</h1><p>[link=http://evil.example]click[/link] \x1b[2J ok</p>"
    result = run(
        "parse", "-", "--format", "text", stdin=page, env={"TERM": "xterm", "COLUMNS": "120"}
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "[bold]Title[/bold]" in out
    assert "[link=http://evil.example]click[/link]" in out
    assert "\x1b" not in out


def test_no_color_is_respected_on_a_terminal_console() -> None:
    from rich.console import Console

    from pagevault.extract import parse_html
    from pagevault.render.terminal import render_snapshot

    snapshot = parse_html(FIXTURE.read_bytes(), url=URL)
    os.environ["NO_COLOR"] = "1"
    try:
        console = Console(force_terminal=True, record=True, width=120)
        console.print(render_snapshot(snapshot))
        rendered = console.export_text(styles=True)
    finally:
        del os.environ["NO_COLOR"]
    assert "\x1b[3" not in rendered  # no foreground colours


def test_schema_command_prints_the_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["properties"]["schema_version"]["const"] == 1


def test_every_command_has_help() -> None:
    for command in ("parse", "schema"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert b"Usage" in result.stdout


@pytest.mark.parametrize(
    "command",
    ["schema", f"parse {FIXTURE} --format text", "demo"],
)
def test_a_closed_pipe_is_not_an_error(command: str) -> None:
    pipeline = subprocess.run(
        f"{sys.executable} -m pagevault {command} 2>/dev/null | head -c 10 >/dev/null;"
        " echo ${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert pipeline.stdout.strip() == "0"


def test_ctrl_c_exits_130_with_one_line(tmp_path: Path) -> None:
    import signal

    process = subprocess.Popen(
        [sys.executable, "-m", "pagevault", "parse", "-"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    _wait_until_reading_stdin(process.pid)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.decode().strip() == "pagevault: error: interrupted"


# The number of read(2) on Linux, by machine (the first field of /proc/PID/syscall).
_READ_SYSCALL = {"x86_64": "0", "aarch64": "63"}


def _wait_until_reading_stdin(pid: int, timeout: float = 60.0) -> None:
    """Until process ``pid`` waits in read(0, ...): started, imports done, waiting on its
    input (a signal sent after a fixed pause lands in its start-up on a loaded machine).
    Where /proc does not tell (not Linux), a pause."""
    import platform
    import time

    syscall = Path(f"/proc/{pid}/syscall")
    read = _READ_SYSCALL.get(platform.machine())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            fields = syscall.read_text().split()
        except OSError:  # no /proc, or not allowed to read it
            read = None
        if read is None:
            time.sleep(1.5)
            return
        if fields[:2] == [read, "0x0"]:
            return
        time.sleep(0.02)
    raise AssertionError(f"the command did not wait on stdin within {timeout} s")


def test_text_format_shows_section_headings_and_unlabelled_groups() -> None:
    page = (
        "<main><h1>Réfugiés</h1><h2>Une responsabilité mondiale</h2>"
        "<p>Plus de 43,7 millions de personnes sont réfugiées.</p></main>"
        "<footer><ul><li><ul><li><a href='/fb'>Facebook</a></li>"
        "<li><a href='/x'>X</a></li></ul></li><li><a href='/dons'>Dons</a></li></ul></footer>"
    ).encode()
    result = run("parse", "-", "--url", URL, "--format", "text", stdin=page, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    row = next(line for line in out.splitlines() if "43,7 millions" in line and "│" in line)
    assert "Une responsabilité mondiale" in row
    assert "une-responsabilite-mondiale" not in out
    assert "(no label)" in out


def test_text_format_shortens_a_long_section_heading_at_a_word() -> None:
    from pagevault.render.terminal import _shortened

    heading = "Malgré les acquis réalisés au profit de la femme depuis l’indépendance, la suite"
    short = _shortened(heading)
    assert short == "Malgré les acquis réalisés au profit de la femme depuis…"
    assert _shortened("Des actions à entreprendre") == "Des actions à entreprendre"
    assert _shortened(" " * 70 + "suite") == " " * 59 + "…"  # no word to cut at


def test_text_format_wraps_urls_rather_than_cutting_them() -> None:
    from rich.console import Console

    from pagevault.extract import parse_html
    from pagevault.render.terminal import render_snapshot

    long_path = "/allgemein/pressemitteilung/eu-rechtsstaatsmechanismus-muss-angewendet-werden"
    page = (
        "<main><h1>Autonome Waffensysteme</h1><p>Ein Text.</p></main>"
        f"<section><h2>Mehr zum Thema</h2><ul><li><a href='{long_path}'>EU-Rechtsstaat</a></li>"
        "<li><a href='/aktuell/usa'>USA: Gesichtserkennung</a></li></ul></section>"
    )
    snapshot = parse_html(page, url="https://www.amnesty.de/x")
    console = Console(width=60, record=True, file=io.StringIO())
    console.print(render_snapshot(snapshot))
    rendered = console.export_text()
    related = rendered[rendered.index("Related") :]
    joined = "".join(related.replace("│", " ").split())
    assert f"https://www.amnesty.de{long_path}" in joined
    assert "…" not in related
