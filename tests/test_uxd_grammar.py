"""Counts in diff and stats output agree with their nouns: '1 change', '2 changes'."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pagevault.text import plural
from tests.test_cli_diff import run as diff

PAIRS = Path(__file__).parent / "fixtures" / "diff"


def test_plural() -> None:
    assert plural(1, "change") == "1 change"
    assert plural(2, "change") == "2 changes"
    assert plural(0, "entry", "entries") == "0 entries"
    assert plural(1, "more field") == "1 more field"


def test_one_change_is_singular_in_every_view() -> None:
    sides = [str(PAIRS / f"section-renamed.{side}.html") for side in ("before", "after")]
    assert diff(*sides).stdout.startswith("1 change (content changed) — section: 1 renamed\n")
    markdown = diff(*sides, "--format", "markdown").stdout
    assert "\n1 change (content changed) — section: 1 renamed.\n" in markdown
    assert "<p>1 change (content changed)" in diff(*sides, "--format", "html").stdout


def test_one_more_missing_field_is_singular(tmp_path: Path) -> None:
    parsed = subprocess.run(
        [sys.executable, "-m", "pagevault", "parse", str(PAIRS / "identical.before.html")],
        capture_output=True,
        timeout=60,
        check=True,
    )
    document = json.loads(parsed.stdout)
    for name in ("url", "title", "lang", "canonical"):
        del document[name]
    side = tmp_path / "four.json"
    side.write_text(json.dumps(document))
    result = diff(str(side), str(side))
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "is not a pagevault snapshot (no url, title, lang and 1 more field)"
    )
