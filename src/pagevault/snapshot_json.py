"""A snapshot as JSON text: what the parse worker sends and the store writes.

The fetching process never builds the pydantic model of a snapshot it only stores (that
model costs a few hundred milliseconds to import): the worker serializes the snapshot
once, and the store writes that text into the snapshot file as it is. Standard library
only, so that the worker and the fetching process import it at no cost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pagevault.model import Snapshot


@dataclass(frozen=True)
class SnapshotJson:
    """A snapshot's JSON text (indented by 2) and the fields its provenance records."""

    text: str
    parser_version: str
    encoding: dict[str, Any]

    @classmethod
    def from_model(cls, snapshot: Snapshot) -> SnapshotJson:
        return cls(
            text=snapshot_text(snapshot),
            parser_version=snapshot.parser_version,
            encoding=snapshot.encoding.model_dump(),
        )

    def to_message(self) -> bytes:
        """The snapshot as a parse worker sends it: a JSON line with the provenance
        fields, then the snapshot's text (read back by ``from_message``)."""
        head = json.dumps({"parser_version": self.parser_version, "encoding": self.encoding})
        return f"{head}\n{self.text}".encode()

    @classmethod
    def from_message(cls, message: bytes) -> SnapshotJson:
        """Read what a parse worker sent; ValueError if it is not a snapshot. The text
        itself is not parsed again (the worker serialized a validated model): only its
        ends are checked, which catches a cut-off answer."""
        head, _, body = message.decode("utf-8").partition("\n")
        fields = json.loads(head)
        if not isinstance(fields, dict):
            raise ValueError("no provenance fields")
        parser_version, encoding = fields.get("parser_version"), fields.get("encoding")
        if not isinstance(parser_version, str) or not isinstance(encoding, dict):
            raise ValueError("no parser_version or encoding")
        if not (body.startswith("{") and body.endswith("}")):
            raise ValueError("the snapshot is not a JSON object")
        return cls(text=body, parser_version=parser_version, encoding=encoding)


def snapshot_text(snapshot: Snapshot) -> str:
    """The snapshot's JSON, indented by 2, non-ASCII kept; ASCII escapes only where the
    text holds lone surrogates (undecodable bytes of a command-line URL), which valid
    UTF-8 cannot carry otherwise."""
    try:
        return snapshot.model_dump_json(indent=2)
    except ValueError:  # pydantic refuses to serialize lone surrogates
        return json.dumps(snapshot.model_dump(mode="json"), indent=2, ensure_ascii=True)
