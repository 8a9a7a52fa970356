"""The diff's statistics are dumped as a copy of their fields: that copy must stay what
pydantic's serializer gives (a computed field, alias or serializer on Statistic would
make them differ)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from pagevault import parse_html
from pagevault.diff.model import dump
from pagevault.diff.statistics import _dump
from pagevault.model import Statistic

FIXTURES = Path(__file__).parent / "fixtures"


def _statistics() -> list[Statistic]:
    found: list[Statistic] = []
    for page in sorted(FIXTURES.glob("*.html")):
        found += parse_html(page.read_bytes(), url="https://example.org/page").statistics
    return found


def test_fixture_statistics_dump_as_their_fields() -> None:
    statistics = _statistics()
    assert len(statistics) > 10
    for statistic in statistics:
        copied, serialized = _dump(vars(statistic)), dump(statistic)
        assert copied == serialized
        assert copied is not None and list(copied) == list(serialized or {})
        assert all(type(copied[name]) is type(value) for name, value in (serialized or {}).items())


@pytest.mark.parametrize("value", [math.inf, 12.0])
def test_odd_values_dump_alike(value: float) -> None:
    statistic = _statistics()[0].model_copy(update={"value": value})
    assert _dump(vars(statistic)) == dump(statistic)
