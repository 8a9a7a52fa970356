"""pagevault: archive advocacy web pages as structured snapshots and track how they change.

Public API::

    from pagevault import parse_html
    snapshot = parse_html(html_bytes_or_text, url="https://example.org/page")
"""

from pagevault.__about__ import PARSER_VERSION, __version__
from pagevault.extract import parse_html
from pagevault.model import SCHEMA_VERSION, Snapshot

__all__ = ["PARSER_VERSION", "SCHEMA_VERSION", "Snapshot", "__version__", "parse_html"]
