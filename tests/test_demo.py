"""``pagevault demo``: the bundled pages served on 127.0.0.1, fetched twice, diffed."""

from __future__ import annotations

import pytest

from pagevault.archive import UrlOutcome
from pagevault.demo import PAGE_FILES, DemoResult, demo_page, run_demo
from pagevault.diff import Change
from pagevault.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[DemoResult, list[UrlOutcome]]:
    reported: list[UrlOutcome] = []
    result = run_demo(tmp_path_factory.mktemp("store"), reported.append)
    return result, reported


def changes(result: DemoResult, area: str, kind: str) -> list[Change]:
    return [c for c in result.diff.changes if c.area == area and c.kind == kind]


def test_bundled_pages_say_what_they_are() -> None:
    for name in PAGE_FILES:
        text = demo_page(name).decode("utf-8")
        assert text.startswith("<!-- pagevault demo page, version "), name
        assert "Refuge Europe" in text
        assert "Amnesty" not in text


def test_fetches_a_new_then_a_changed_page(demo: tuple[DemoResult, list[UrlOutcome]]) -> None:
    result, reported = demo
    assert [o.status for o in result.outcomes] == ["new", "changed"]
    assert reported == result.outcomes
    assert all(o.http_status == 200 and o.snapshot for o in result.outcomes)
    assert result.url.startswith("http://127.0.0.1:")
    assert result.url.endswith("/refuge-europe/refugies")
    assert not result.temporary


def test_diff_shows_what_an_analyst_cares_about(
    demo: tuple[DemoResult, list[UrlOutcome]],
) -> None:
    result = demo[0]
    assert result.diff.content_changed

    [figure] = changes(result, "statistic", "changed")
    assert (figure.old["text"], figure.new["text"]) == ("1,1 million", "1,3 million")
    assert figure.detail["old_value"] == 1_100_000
    assert figure.detail["new_value"] == 1_300_000
    assert figure.detail["paired_by"] == "context"  # the sentence was rewritten

    [reformatted] = changes(result, "statistic", "reformatted")
    assert (reformatted.old["text"], reformatted.new["text"]) == ("83%", "83\u00a0%")
    assert not reformatted.is_content_change

    [renamed] = changes(result, "section", "renamed")
    assert renamed.old["heading"] == "Un accueil encore trop fragile"
    assert renamed.new["heading"] == "Un système d’accueil à bout de souffle"

    [removed] = changes(result, "related", "removed")
    [added] = changes(result, "related", "added")
    assert removed.old["title"] == "Le pacte européen sur l’asile, en cinq questions"
    assert added.new["kind"] == "Rapport"

    [moved] = changes(result, "navigation", "moved")
    assert moved.key == "menu-principal:agir/interpeller-les-elus"
    assert moved.detail["from"]["parent"] == ["Comprendre"]
    assert moved.detail["to"]["parent"] == ["Agir"]


def test_diff_matches_the_store(demo: tuple[DemoResult, list[UrlOutcome]]) -> None:
    result = demo[0]
    with Store(result.store_dir, writable=False) as store:
        assert store.verify().ok
        assert [c.status for c in store.history(result.url)] == ["new", "changed"]
        latest = store.latest(result.url)
    assert latest is not None and latest.id == result.outcomes[-1].snapshot


def test_without_a_store_uses_a_temporary_one() -> None:
    with run_demo(None, lambda outcome: None) as result:
        store_dir = result.store_dir
        assert result.temporary
        assert [o.status for o in result.outcomes] == ["new", "changed"]
        assert result.diff.content_changed
        with Store(store_dir, writable=False) as store:
            assert store.verify().ok
    assert not store_dir.exists()  # closed: the temporary store is gone


def test_the_server_is_stopped(demo: tuple[DemoResult, list[UrlOutcome]]) -> None:
    import httpx

    with pytest.raises(httpx.ConnectError):
        httpx.get(demo[0].url, timeout=2, trust_env=False)


def test_the_two_checks_are_ordered_in_time(
    demo: tuple[DemoResult, list[UrlOutcome]],
) -> None:
    """``diff URL`` finds the older snapshot as the latest one strictly before the newer."""
    result = demo[0]
    with Store(result.store_dir, writable=False) as store:
        older, newer = (c.fetched_at for c in store.history(result.url))
    assert older < newer


def test_the_demo_command_shows_the_diff_and_the_statistics() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "pagevault", "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "1,1 million → 1,3 million" in result.stdout
    assert "Statistics over time" in result.stdout
    assert result.stderr.splitlines()[0].startswith("new ")
