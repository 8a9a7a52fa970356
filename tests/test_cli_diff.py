"""`pagevault diff` as a user meets it: files, the store, formats and diff(1) exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Response

from tests.corpus import corpus_dir

PAIRS = Path(__file__).parent / "fixtures" / "diff"
PAGE = (Path(__file__).parent / "fixtures" / "amnesty-fr-refugies.html").read_bytes()


def run(*args: str, store: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **({"PAGEVAULT_STORE": str(store)} if store else {})}
    return subprocess.run(
        [sys.executable, "-m", "pagevault", "diff", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )


def pair(name: str) -> tuple[str, str]:
    return str(PAIRS / f"{name}.before.html"), str(PAIRS / f"{name}.after.html")


def test_a_changed_statistic_exits_1_with_words_marked_in_a_pipe() -> None:
    result = run(*pair("statistic-value-rewritten"))
    assert result.returncode == 1
    assert "43,7 millions → 45 millions" in result.stdout
    assert "[-43,7-] {+45+}" in result.stdout
    assert "\x1b[" not in result.stdout


def test_json_format() -> None:
    result = run(*pair("statistic-value-rewritten"), "--format", "json")
    report = json.loads(result.stdout)
    assert report["content_changed"] is True
    statistic = next(c for c in report["changes"] if c["area"] == "statistic")
    assert statistic["detail"]["delta"] == 1_300_000


def test_format_only_and_identical_pages_exit_0() -> None:
    reformatted = run(*pair("format-only"))
    assert reformatted.returncode == 0
    assert "format only" in reformatted.stdout
    identical = run(*pair("identical"))
    assert identical.returncode == 0
    assert identical.stdout.strip() == "no change"


def test_snapshot_json_files_from_parse(tmp_path: Path) -> None:
    before, after = pair("related-cards")
    sides = []
    for name, html in (("old", before), ("new", after)):
        parsed = subprocess.run(
            [sys.executable, "-m", "pagevault", "parse", html],
            capture_output=True,
            timeout=60,
            check=True,
        )
        target = tmp_path / f"{name}.json"
        target.write_bytes(parsed.stdout)
        sides.append(str(target))
    result = run(*sides, "--format", "json")
    assert result.returncode == 1
    kinds = sorted(c["kind"] for c in json.loads(result.stdout)["changes"])
    assert kinds == ["added", "removed"]


def test_a_missing_file_is_one_line_exit_2() -> None:
    result = run(str(PAIRS / "identical.before.html"), "missing.html")
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "pagevault: error: cannot read missing.html: No such file or directory"
    )


def test_diff_url_compares_the_last_two_snapshots(httpserver: HTTPServer, tmp_path: Path) -> None:
    bodies = iter([PAGE, PAGE.replace(b"43,7 millions", b"45,1 millions")])
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/p").respond_with_handler(
        lambda request: Response(next(bodies), headers={"Content-Type": "text/html"})
    )
    url = httpserver.url_for("/p")

    def fetch() -> None:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pagevault",
                "fetch",
                "--delay",
                "0",
                "--store",
                str(tmp_path),
                url,
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )

    fetch()
    lonely = run(url, store=tmp_path)
    assert lonely.returncode == 2
    assert "only one snapshot" in lonely.stderr
    fetch()
    result = run(url, "--format", "json", store=tmp_path)
    assert result.returncode == 1
    statistic = next(c for c in json.loads(result.stdout)["changes"] if c["area"] == "statistic")
    assert (statistic["old"]["value"], statistic["new"]["value"]) == (43_700_000, 45_100_000)


def test_markdown_and_html_formats_escape_page_text(tmp_path: Path) -> None:
    before, after = pair("statistic-value-rewritten")
    markdown = run(before, after, "--format", "markdown")
    assert markdown.returncode == 1
    assert "## Statistics" in markdown.stdout
    assert "43,7 millions → 45 millions" in markdown.stdout
    assert "~~43,7~~ **45**" in markdown.stdout
    page = tmp_path / "evil.html"
    page.write_text(
        "<h1>T</h1><p>[link](javascript:x) <script>alert(1)</script> 3 000 personnes</p>"
    )
    other = tmp_path / "evil2.html"
    other.write_text(
        "<h1>T</h1><p>[link](javascript:x) <b>&lt;img src=x&gt;</b> 4 000 personnes</p>"
    )
    html_report = run(str(page), str(other), "--format", "html")
    assert html_report.stdout.startswith("<!doctype html>")
    assert "<img" not in html_report.stdout
    assert "&lt;img src=x&gt;" in html_report.stdout
    assert "<script" not in html_report.stdout.split("</style>", 1)[1]
    escaped = run(str(page), str(other), "--format", "markdown").stdout
    assert "\\[link\\](javascript:x)" in escaped


def test_stats_follows_a_rewritten_figure_and_history_counts_changes(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    rewritten = PAGE.replace(
        "plus de 43,7 millions de personnes sont réfugiées".encode(),
        "près de 45 millions de personnes sont aujourd’hui déracinées".encode(),
    )
    bodies = iter([PAGE, rewritten])
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/p").respond_with_handler(
        lambda request: Response(next(bodies), headers={"Content-Type": "text/html"})
    )
    url = httpserver.url_for("/p")
    for _ in range(2):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pagevault",
                "fetch",
                "--delay",
                "0",
                "--store",
                str(tmp_path),
                url,
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
    environment = {**os.environ, "PAGEVAULT_STORE": str(tmp_path)}

    def pagevault(*args: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "pagevault", *args],
            capture_output=True,
            text=True,
            timeout=60,
            env=environment,
            check=True,
        ).stdout

    rows = json.loads(pagevault("stats", url, "--format", "json"))
    headline = [row for row in rows if row["unit"] == "personnes" and row["value"] > 1e7]
    assert [row["value"] for row in headline] == [43_700_000, 45_000_000]
    assert headline[0]["key"] == headline[1]["key"]  # one series despite the new wording
    csv_text = pagevault("stats", url, "--format", "csv")
    assert csv_text.splitlines()[0] == (
        "fetched_at,key,text,value,unit,kind,qualifier,context,status,statistic_key"
    )
    table = pagevault("stats", url)
    assert "43,7 millions → 45 millions" in table
    assert "changed" in table
    history = json.loads(pagevault("history", url, "--json"))
    assert history[0]["changes"] is None
    assert history[1]["changes"]["by_area"]["statistic"] == {"changed": 1}


def test_ignore_areas_and_selectors(tmp_path: Path) -> None:
    moved = run(*pair("menu-item-moved"), "--ignore", "navigation")
    assert (moved.returncode, moved.stdout.strip()) == (0, "no change")
    corpus = corpus_dir()  # $PAGEVAULT_CORPUS, else ../shared/corpus
    noisy = (
        str(corpus / "edgi-wmp__doi-mission-statement__a.html"),
        str(corpus / "edgi-wmp__doi-mission-statement__b.html"),
    )
    before = json.loads(run(*noisy, "--format", "json").stdout)["summary"]["total"]
    after = json.loads(run(*noisy, "--ignore", ".share-links", "--format", "json").stdout)
    assert before > 50  # share links carrying the rotating photo's URL (EDGI: false positive)
    assert after["summary"]["total"] <= 2
    bad = run(*noisy, "--ignore", "div[[[")
    assert bad.returncode == 2
    assert "invalid CSS selector" in bad.stderr


def test_ignore_rules_from_a_config_file(tmp_path: Path) -> None:
    (tmp_path / "pagevault.toml").write_text('[diff]\nignore = ["navigation"]\n')
    result = subprocess.run(
        [sys.executable, "-m", "pagevault", "diff", *pair("menu-item-moved")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "no change")
    (tmp_path / "pagevault.toml").write_text("[diff\n")
    broken = subprocess.run(
        [sys.executable, "-m", "pagevault", "diff", *pair("menu-item-moved")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert broken.returncode == 2
    assert "cannot read the configuration" in broken.stderr
