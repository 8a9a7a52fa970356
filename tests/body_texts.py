"""What a snapshot keeps as body text, for the tests of what is no body."""

from __future__ import annotations

from pathlib import Path

from pagevault.model import Snapshot

FIXTURES = Path(__file__).parent / "fixtures"


def body_texts(snapshot: Snapshot) -> list[str]:
    """Every heading, paragraph and list entry of the snapshot's sections, in order."""
    return [
        text
        for section in snapshot.sections
        for text in (section.heading, *section.paragraphs, *section.items)
    ]


def body_paragraphs(snapshot: Snapshot) -> list[str]:
    """Every paragraph of the snapshot's sections, in order (no headings, no list entries)."""
    return [text for section in snapshot.sections for text in section.paragraphs]
