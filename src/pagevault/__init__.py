"""pagevault: archive advocacy web pages as structured snapshots and track how they change.

Public API::

    from pagevault import parse_html
    snapshot = parse_html(html_bytes_or_text, url="https://example.org/page")

The heavy modules (the extractor, pydantic models) load on first use, so that
``pagevault --help`` and other commands that do not parse start quickly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pagevault.__about__ import PARSER_VERSION, __version__

if TYPE_CHECKING:
    from pagevault.extract import parse_html
    from pagevault.model import SCHEMA_VERSION, Snapshot

__all__ = ["PARSER_VERSION", "SCHEMA_VERSION", "Snapshot", "__version__", "parse_html"]


def __getattr__(name: str) -> Any:
    if name == "parse_html":
        from pagevault.extract import parse_html

        return parse_html
    if name in ("Snapshot", "SCHEMA_VERSION"):
        from pagevault import model

        return getattr(model, name)
    raise AttributeError(f"module 'pagevault' has no attribute {name!r}")
