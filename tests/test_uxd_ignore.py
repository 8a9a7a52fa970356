"""`diff --ignore`: area names as the views title them, and a warning for a selector that
matches nothing on either page (most likely a typo, which used to pass in silence)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAIRS = Path(__file__).parent / "fixtures" / "diff"


def diff(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    sides = (str(PAIRS / f"{name}.before.html"), str(PAIRS / f"{name}.after.html"))
    return subprocess.run(
        [sys.executable, "-m", "pagevault", "diff", *sides, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_areas_in_the_singular_or_plural_or_by_their_heading() -> None:
    for area in ("navigation", "menus", "menu"):
        result = diff("menu-item-moved", "--ignore", area)
        assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "no change", "")
    for area in ("sections", "Section"):
        result = diff("section-renamed", "--ignore", area)
        assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "no change", "")


def test_a_selector_matching_nothing_is_warned_about() -> None:
    result = diff("menu-item-moved", "--ignore", ".share-linkz")
    assert result.returncode == 1  # the move is still there
    assert result.stderr.strip() == (
        "warning: --ignore '.share-linkz' matched nothing on either page (it is read as a CSS "
        "selector; areas: metadata, navigation, breadcrumbs, sections, statistics, related)"
    )


def test_a_misspelt_area_gets_a_suggestion() -> None:
    result = diff("menu-item-moved", "--ignore", "navigaton")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "warning: --ignore 'navigaton' matched nothing on either page; "
        "did you mean the area 'navigation'?"
    )


def test_a_selector_matching_on_one_page_is_not_warned_about() -> None:
    result = diff("menu-item-moved", "--ignore", "#menu-principal")
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "no change", "")
