"""Statistics on real pages: no year, date or tiny bare number passes for a statistic."""

from __future__ import annotations

import re

import pytest

from pagevault import parse_html
from pagevault.model import Statistic
from tests.corpus import CorpusEntry, load_manifest

ENTRIES = {entry.file: entry for entry in load_manifest()}
_YEAR = re.compile(r"(?:19|20)\d\d")


def _is_bare_year(statistic: Statistic) -> bool:
    """An integer 1900-2099 written alone, with no unit or counted noun."""
    return (
        statistic.kind == "count"
        and statistic.unit is None
        and _YEAR.fullmatch(statistic.text) is not None
    )


def _snapshot(entry: CorpusEntry) -> list[Statistic]:
    return list(parse_html(entry.page.read_bytes(), entry.url).statistics)


@pytest.mark.parametrize("file", sorted(ENTRIES))
def test_no_statistic_is_a_bare_year(file: str) -> None:
    years = [s.text for s in _snapshot(ENTRIES[file]) if _is_bare_year(s)]
    assert years == [], f"years read as statistics: {years}"


def test_years_and_dates_are_reported_as_rejected_on_real_pages() -> None:
    """The corpus has dated articles: their years and dates are listed as not statistics."""
    rejected = [
        number
        for entry in ENTRIES.values()
        for number in parse_html(entry.page.read_bytes(), entry.url).rejected_numbers
    ]
    reasons = {number.reason for number in rejected}
    assert {"year", "date"} <= reasons
    assert len(rejected) > 50
