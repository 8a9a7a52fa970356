"""Options and commands that must refuse what cannot work, before writing anything."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli_runs import pagevault as run


@pytest.mark.parametrize("budget", ["0", "0.0", "nan"])
def test_a_parse_budget_that_cannot_be_met_is_a_usage_error(tmp_path: Path, budget: str) -> None:
    store = tmp_path / "store"
    result = run(store, "fetch", "--parse-budget", budget, "http://127.0.0.1:9/")
    assert result.returncode == 2
    assert result.stderr == (
        f"pagevault: error: fetch option parse_budget must be positive, got {float(budget)}\n"
    )
    assert not store.exists()


def test_reindex_of_no_store_creates_none(tmp_path: Path) -> None:
    store = tmp_path / "nonexist"
    result = run(store, "reindex", "--store", str(store))
    assert result.returncode == 74
    assert result.stderr == f"pagevault: error: no store at {store}\n"
    assert not store.exists()


def test_a_run_ends_with_one_stamped_summary_line_on_stderr() -> None:
    from pagevault.archive import UrlOutcome, run_summary

    def outcome(status: str) -> UrlOutcome:
        return UrlOutcome("https://x.test/", status, 200, None, None, None)

    statuses = ["new"] + ["changed"] * 3 + ["unchanged"] * 12 + ["not_modified"]
    statuses += ["failed", "failed", "disallowed"]
    summary = run_summary([outcome(status) for status in statuses])
    assert summary == "20 URLs: 17 ok (1 new, 3 changed), 2 failed, 1 disallowed"
    assert run_summary([outcome("unchanged")]) == "1 URL: 1 ok"


def test_the_summary_is_on_stderr_only_with_json(tmp_path: Path) -> None:
    result = run(tmp_path / "store", "fetch", "--json", "example.org/typo")
    assert result.returncode == 2
    assert '"status": "failed"' in result.stdout
    assert "pagevault fetch" not in result.stdout
    last = result.stderr.splitlines()[-1]
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ pagevault fetch: 1 URL: 0 ok, 1 failed", last
    )
