"""Options and commands that must refuse what cannot work, before writing anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_uxa_urls import run


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
