"""Each fixture page against its reviewed expected snapshot (tests/fixtures/*.expected.json).

A difference fails with the first differing path. After an intended extractor change,
regenerate with ``PAGEVAULT_UPDATE_EXPECTED=1 pytest tests/test_expected_snapshots.py``
and review the diff of the JSON files before committing them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from pagevault import parse_html

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = {
    "amnesty-fr-refugies.html": "https://www.amnesty.fr/refugies-et-migrants",
    "en-campaign-keyfacts.html": "https://www.harbouraid.org.uk/campaigns/safe-passage",
    "de-kampagne.html": "https://www.fluechtlingshilfe-netz.de/themen/asyl-in-deutschland/fluechtlingsschutz-europa",
    "es-campana.html": "https://www.puertorefugio.org/campanas/derecho-de-asilo/",
}


def _first_difference(expected: Any, actual: Any, path: str = "$") -> str | None:
    if type(expected) is not type(actual):
        return f"{path}: expected {expected!r}, got {actual!r}"
    if isinstance(expected, dict):
        for key in sorted(set(expected) | set(actual)):
            if key not in expected or key not in actual:
                return f"{path}.{key}: present on one side only"
            found = _first_difference(expected[key], actual[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list):
        for index, (left, right) in enumerate(zip(expected, actual, strict=False)):
            found = _first_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        if len(expected) != len(actual):
            return f"{path}: expected {len(expected)} elements, got {len(actual)}"
        return None
    return None if expected == actual else f"{path}: expected {expected!r}, got {actual!r}"


@pytest.mark.parametrize("page", sorted(PAGES))
def test_fixture_matches_reviewed_snapshot(page: str) -> None:
    snapshot = parse_html((FIXTURES / page).read_bytes(), url=PAGES[page])
    actual = json.loads(snapshot.to_json())
    expected_file = FIXTURES / page.replace(".html", ".expected.json")
    if os.environ.get("PAGEVAULT_UPDATE_EXPECTED") == "1":
        expected_file.write_text(snapshot.to_json() + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    difference = _first_difference(expected, actual)
    assert difference is None, difference
