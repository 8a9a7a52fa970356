"""`stats` and `diff` name a reworded figure so that an analyst can match them, and `stats`
marks the figures gone from the newest snapshot and those new since the first."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.cli_runs import archive_versions
from tests.cli_runs import pagevault as run_pagevault

PAGE = (Path(__file__).parent / "fixtures" / "amnesty-fr-refugies.html").read_bytes()
REWORDED = (
    PAGE.replace(
        "plus de 43,7 millions de personnes sont réfugiées".encode(),
        "près de 45 millions de personnes sont aujourd’hui déracinées".encode(),
    )
    .replace(
        "Depuis 2014, plus de 29\u202f000 personnes ont perdu la vie en tentant de rejoindre "
        "l’Europe. ".encode(),
        b"",
    )
    .replace(
        b"Elles ont des droits.",
        "Elles ont des droits. Nous comptons 6 000 bénévoles.".encode(),
    )
)
HEADLINE_OLD = "proteger-les-refugiees-et-les-migrantes.aujourd-hui-personnes-sont-refugiees"
HEADLINE_NEW = "proteger-les-refugiees-et-les-migrantes.aujourd-hui-personnes-sont-aujourd-hui"
GONE = "une-responsabilite-mondiale-encore-trop-inegalement-partagee.depuis-personnes-ont-perdu"


def pagevault(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_pagevault(store, *args, columns=250)


@pytest.fixture(scope="module")
def archived(
    tmp_path_factory: pytest.TempPathFactory, make_httpserver: HTTPServer
) -> tuple[Path, str]:
    store = tmp_path_factory.mktemp("store")
    return store, archive_versions(store, make_httpserver, "/stats", [PAGE, REWORDED])


def test_the_diff_shows_old_key_to_key_and_stats_both(archived: tuple[Path, str]) -> None:
    store, url = archived
    shown = pagevault(store, "diff", url).stdout
    assert f"changed     {HEADLINE_OLD} → {HEADLINE_NEW}\n" in shown
    rows = json.loads(pagevault(store, "stats", url, "--format", "json").stdout)
    headline = [row for row in rows if row["key"] == HEADLINE_OLD]
    assert [row["statistic_key"] for row in headline] == [HEADLINE_OLD, HEADLINE_NEW]
    table = pagevault(store, "stats", url).stdout
    assert f"now {HEADLINE_NEW}" in table


def test_stats_marks_figures_gone_and_new(archived: tuple[Path, str]) -> None:
    store, url = archived
    rows = json.loads(pagevault(store, "stats", url, "--format", "json").stdout)
    status = {row["key"]: row["status"] for row in rows}
    assert status[GONE] == "removed"
    assert status[HEADLINE_OLD] == "kept"
    [new_key] = [key for key, value in status.items() if value == "new"]
    assert new_key == "proteger-les-refugiees-et-les-migrantes.nous-comptons-benevoles"
    table = pagevault(store, "stats", url).stdout.splitlines()
    assert next(line for line in table if GONE in line).rstrip().endswith("removed")
    assert next(line for line in table if new_key in line).rstrip().endswith("new")
    assert next(line for line in table if HEADLINE_OLD in line).rstrip().endswith("changed")


def test_csv_keeps_its_columns_and_adds_status_and_statistic_key(
    archived: tuple[Path, str],
) -> None:
    store, url = archived
    text = pagevault(store, "stats", url, "--format", "csv").stdout
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == [
        "fetched_at",
        "key",
        "text",
        "value",
        "unit",
        "kind",
        "qualifier",
        "context",
        "status",
        "statistic_key",
    ]
    assert {row["status"] for row in reader if row["key"] == GONE} == {"removed"}
