"""HTML -> Snapshot (placeholder until the extractor lands)."""

from __future__ import annotations

from pagevault.model import Snapshot


def parse_html(html: str | bytes, url: str | None = None) -> Snapshot:
    raise NotImplementedError
