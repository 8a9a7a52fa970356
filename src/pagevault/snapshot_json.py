"""A snapshot as JSON text: what the parse worker sends and the store writes.

The fetching process never builds the pydantic model of a snapshot it only stores (that
model costs a few hundred milliseconds to import): the worker serializes the snapshot
once, and the store writes that JSON into the snapshot file as it is. Standard library
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
    """A snapshot's JSON (indented by 2, UTF-8) and the fields its provenance records.

    Kept as bytes from the worker's answer to the snapshot file: the fetching process
    checks that they are UTF-8 but never holds them as text (decoding them to a str and
    encoding it again for the file cost ~0.1 ms a page, a snapshot being ~45 KB).
    """

    data: bytes
    parser_version: str
    encoding: dict[str, Any]

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")

    @classmethod
    def from_model(cls, snapshot: Snapshot) -> SnapshotJson:
        return cls(
            data=snapshot_json(snapshot),
            parser_version=snapshot.parser_version,
            encoding=snapshot.encoding.model_dump(),
        )

    def to_message(self) -> bytes:
        """The snapshot as a parse worker sends it: a JSON line with the provenance
        fields, then the snapshot's JSON (read back by ``from_message``)."""
        head = json.dumps({"parser_version": self.parser_version, "encoding": self.encoding})
        return b"%s\n%s" % (head.encode("utf-8"), self.data)

    @classmethod
    def from_message(cls, message: bytes) -> SnapshotJson:
        """Read what a parse worker sent; ValueError if it is not a snapshot. The JSON
        itself is not parsed again (the worker serialized a validated model): it is
        checked to be UTF-8, and its ends are checked, which catches a cut-off answer."""
        head, _, body = message.partition(b"\n")
        fields = json.loads(head.decode("utf-8"))
        if not isinstance(fields, dict):
            raise ValueError("no provenance fields")
        parser_version, encoding = fields.get("parser_version"), fields.get("encoding")
        if not isinstance(parser_version, str) or not isinstance(encoding, dict):
            raise ValueError("no parser_version or encoding")
        body.decode("utf-8")  # UnicodeDecodeError, a ValueError, if it is not UTF-8
        if not (body.startswith(b"{") and body.endswith(b"}")):
            raise ValueError("the snapshot is not a JSON object")
        return cls(data=body, parser_version=parser_version, encoding=encoding)


def snapshot_json(snapshot: Snapshot) -> bytes:
    """The snapshot's JSON, indented by 2, non-ASCII kept; ASCII escapes only where the
    text holds lone surrogates (undecodable bytes of a command-line URL), which valid
    UTF-8 cannot carry otherwise."""
    try:
        return snapshot.model_dump_json(indent=2).encode("utf-8")
    except ValueError:  # pydantic refuses to serialize lone surrogates
        text = json.dumps(snapshot.model_dump(mode="json"), indent=2, ensure_ascii=True)
        return text.encode("ascii")
