"""A snapshot id may be given shortened, as a git hash: a unique prefix of 6 characters or
more; an ambiguous one is a one-line error saying how many snapshots it matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from pagevault.errors import InputError
from pagevault.store import Store
from tests.cli_runs import pagevault as run
from tests.test_store_support import at, capture

ONE = "https://example.org/one"  # one snapshot
TWO = "https://example.org/two"  # two snapshots, a second apart


def _archive(root: Path) -> tuple[str, str, str]:
    with Store(root) as store:
        one = capture(store, ONE, b"one", at(0)).snapshot
        first = capture(store, TWO, b"first", at(0)).snapshot
        second = capture(store, TWO, b"second", at(1)).snapshot
    assert one is not None and first is not None and second is not None
    assert one[:6] != first[:6]  # the pages' hash prefixes differ from the start
    return one, first, second


def test_a_unique_prefix_names_its_snapshot(tmp_path: Path) -> None:
    one, first, second = _archive(tmp_path)
    store = Store(tmp_path, writable=False)
    for prefix in (one, one[:6], one[:12], one[:20], first[:28], second[:28]):
        assert store.snapshot_id(prefix) in (one, first, second)
        assert store.snapshot_id(prefix).startswith(prefix)
        assert store.snapshot(prefix)[1]["fetched_at"]
    assert store.snapshot_id(first[:28]) == first
    assert store.snapshot_id(second[:28]) == second


def test_an_ambiguous_or_too_short_prefix_is_an_error_saying_so(tmp_path: Path) -> None:
    one, first, _ = _archive(tmp_path)
    store = Store(tmp_path, writable=False)
    with pytest.raises(InputError, match=r"is ambiguous: 2 snapshots start with it; give more"):
        store.snapshot(first[:13])
    with pytest.raises(InputError, match=r"shortened to 6 characters, no fewer"):
        store.snapshot(one[:5])
    with pytest.raises(InputError, match="no snapshot"):
        store.snapshot(one[:12] + "-2099")


def test_show_takes_a_prefix_and_names_the_whole_id(tmp_path: Path) -> None:
    one, first, _ = _archive(tmp_path)
    shown = run(tmp_path, "show", one[:8])
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0].split() == ["snapshot", one]
    ambiguous = run(tmp_path, "show", first[:12])
    assert ambiguous.returncode == 2
    assert ambiguous.stdout == ""
    assert ambiguous.stderr.splitlines() == [
        f"pagevault: error: snapshot id '{first[:12]}' is ambiguous: 2 snapshots start with "
        "it; give more of it"
    ]


def test_show_of_a_store_file_that_is_no_snapshot_says_so(tmp_path: Path) -> None:
    # Not an id made up from the path ("pages-checks.jsonl"): the file read is named.
    _archive(tmp_path)
    checks = next((tmp_path / "pages").glob("*/checks.jsonl"))
    result = run(tmp_path, "show", str(checks))
    assert result.returncode != 0
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "not a snapshot document" in result.stderr
    assert "checks.jsonl" in result.stderr
