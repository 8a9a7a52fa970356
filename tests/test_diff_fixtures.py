"""The keyed diff on before/after fixture pairs, each with the exact changes it must give.

Pairs live in tests/fixtures/diff/NAME.{before,after}.html; the first line of each
file says what change it exercises.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pagevault import parse_html
from pagevault.diff import Change, DiffResult, diff_snapshots
from pagevault.model import Snapshot

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
URL = "https://exemple.org/refugies"


def load_pair(name: str) -> tuple[Snapshot, Snapshot]:
    before = parse_html((FIXTURES / f"{name}.before.html").read_bytes(), url=URL)
    after = parse_html((FIXTURES / f"{name}.after.html").read_bytes(), url=URL)
    return before, after


def diff_pair(name: str) -> DiffResult:
    return diff_snapshots(*load_pair(name))


def kinds(result: DiffResult) -> list[tuple[str, str]]:
    return [(change.area, change.kind) for change in result.changes]


def only(result: DiffResult, area: str) -> Change:
    [change] = [change for change in result.changes if change.area == area]
    return change


def test_every_fixture_says_what_it_exercises() -> None:
    files = sorted(FIXTURES.glob("*.html"))
    assert len(files) == 14
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("<!-- "), path.name


def test_statistic_value_change_with_rewritten_sentence() -> None:
    result = diff_pair("statistic-value-rewritten")
    assert kinds(result) == [("section", "changed"), ("statistic", "changed")]
    stat = only(result, "statistic")
    assert stat.old["text"] == "43,7 millions"
    assert stat.new["text"] == "45 millions"
    assert stat.detail["paired_by"] == "context"
    assert stat.detail["old_key"] != stat.key  # the key changed with the sentence
    assert stat.detail["old_value"] == 43_700_000
    assert stat.detail["new_value"] == 45_000_000
    assert stat.detail["delta"] == pytest.approx(1_300_000)
    assert stat.detail["relative_delta"] == pytest.approx(1_300_000 / 43_700_000, abs=1e-6)
    assert result.content_changed


def test_rewritten_sentence_gets_a_word_level_diff() -> None:
    section = only(diff_pair("statistic-value-rewritten"), "section")
    [block] = section.detail["paragraphs"]
    words = block["words"]
    deleted = "".join(s["text"] for s in words if s["op"] == "delete")
    inserted = "".join(s["text"] for s in words if s["op"] == "insert")
    assert "43,7" in deleted and "réfugiées" in deleted
    assert "45" in inserted and "déracinées" in inserted
    # Unchanged words are not reported as changed: the diff is word-level, not whole-line.
    assert "dans le monde." in "".join(s["text"] for s in words if s["op"] == "equal")


def test_format_only_change_is_reformatted_not_content() -> None:
    before, after = load_pair("format-only")
    assert [s.text for s in before.statistics][1:] == ["83%", "29\u00a0000"]
    assert [s.text for s in after.statistics][1:] == ["83\u00a0%", "29\u202f000"]
    result = diff_snapshots(before, after)
    # '29 000' with a no-break space or a narrow one reads the same: no change at all.
    assert kinds(result) == [("statistic", "reformatted")]
    assert [(c.old["text"], c.new["text"]) for c in result.changes] == [("83%", "83\u00a0%")]
    assert not result.content_changed
    assert result.summary["content_changes"] == 0


def test_section_renamed_is_one_change() -> None:
    result = diff_pair("section-renamed")
    assert kinds(result) == [("section", "renamed")]
    [change] = result.changes
    assert change.old["heading"] == "Une responsabilité mondiale"
    assert change.new["heading"] == "Un accueil inégalement partagé"
    assert change.detail["old_key"] == "une-responsabilite-mondiale"
    assert "paragraphs" not in change.detail  # same paragraphs


def test_statistics_follow_a_renamed_section() -> None:
    """Their keys start with the section key; the section pairing keeps them paired."""
    before, after = load_pair("section-renamed")
    assert {s.key for s in before.statistics} != {s.key for s in after.statistics}
    assert not [c for c in diff_snapshots(before, after).changes if c.area == "statistic"]


def test_related_card_added_and_removed() -> None:
    result = diff_pair("related-cards")
    assert kinds(result) == [("related", "removed"), ("related", "added")]
    removed, added = result.changes
    assert removed.old["title"].startswith("La vie en suspens de Célia")
    assert removed.new is None
    assert added.new["kind"] == "Rapport"
    assert added.new["url"] == "https://exemple.org/rapports/refoulements"


def test_menu_item_moved_to_another_parent() -> None:
    result = diff_pair("menu-item-moved")
    assert kinds(result) == [("navigation", "moved")]
    [change] = result.changes
    assert change.key == "menu-principal:agir-avec-nous/petitions"
    assert change.detail["from"] == {"parent": ["S’informer"], "position": 2}
    assert change.detail["to"] == {"parent": ["Agir avec nous"], "position": 2}


def test_typography_noise_is_no_change() -> None:
    before, after = load_pair("typography-noise")
    assert before != after  # the noise reaches the snapshots...
    result = diff_snapshots(before, after)
    assert result.changes == ()  # ...and the diff ignores it
    assert not result.content_changed


def test_identical_pages_give_nothing() -> None:
    result = diff_pair("identical")
    assert result.changes == ()
    assert result.to_json() == {
        "content_changed": False,
        "summary": {"total": 0, "content_changes": 0, "by_area": {}, "by_kind": {}},
        "changes": [],
    }


def test_summary_counts_by_area_and_kind() -> None:
    summary = diff_pair("statistic-value-rewritten").summary
    assert summary["by_area"] == {"section": {"changed": 1}, "statistic": {"changed": 1}}
    assert summary["by_kind"] == {"changed": 2}
    assert summary["total"] == summary["content_changes"] == 2
