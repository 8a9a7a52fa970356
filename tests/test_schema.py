"""The snapshot's JSON Schema is a public contract: the committed copy must be current."""

from __future__ import annotations

import json
from pathlib import Path

from pagevault.model import SCHEMA_VERSION, snapshot_json_schema

COMMITTED = Path(__file__).resolve().parents[1] / "schema" / "snapshot.schema.json"


def test_committed_schema_is_current() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == snapshot_json_schema(), (
        "model changed: run `pagevault schema > schema/snapshot.schema.json` and review"
    )


def test_schema_names_the_public_fields() -> None:
    properties = snapshot_json_schema()["properties"]
    for name in (
        "schema_version",
        "parser_version",
        "url",
        "title",
        "lang",
        "canonical",
        "description",
        "published",
        "modified",
        "metadata",
        "navigation",
        "breadcrumbs",
        "sections",
        "statistics",
        "related",
    ):
        assert name in properties
    assert properties["schema_version"]["const"] == SCHEMA_VERSION == 1


def test_list_elements_carry_keys() -> None:
    definitions = snapshot_json_schema()["$defs"]
    for model in ("Menu", "NavItem", "Section", "Statistic", "RelatedLink"):
        assert "key" in definitions[model]["required"], model
