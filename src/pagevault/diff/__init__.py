"""A keyed structural diff of two snapshots (pure: snapshots in, changes out).

    from pagevault.diff import diff_snapshots
    result = diff_snapshots(old, new)
    result.content_changed, result.summary, result.to_json()

Each area is diffed on its own, on the stable keys the extractor gives: metadata,
navigation, breadcrumbs, sections, statistics (paired with the help of the section
pairing), related cards. Typography (spaces, no-break spaces, quote style) and URL
tracking parameters never count (a figure's text differing only in its kind of spaces is
no change); a figure written differently with the same value ('83%' → '83 %') is
``reformatted``, which is not a content change.

Whether a snapshot is fit to be diffed at all (failed or truncated capture) is for
the caller to decide: a snapshot does not record how its fetch went.
"""

from __future__ import annotations

from pagevault.diff.breadcrumbs import diff_breadcrumbs
from pagevault.diff.metadata import diff_metadata
from pagevault.diff.model import AREAS, KINDS, Area, Change, DiffResult, Kind
from pagevault.diff.navigation import diff_navigation
from pagevault.diff.related import diff_related
from pagevault.diff.sections import diff_sections
from pagevault.diff.statistics import diff_statistics
from pagevault.diff.tokens import tokenize
from pagevault.diff.words import word_diff
from pagevault.gcpause import gc_paused
from pagevault.model import Snapshot

__all__ = [
    "AREAS",
    "KINDS",
    "Area",
    "Change",
    "DiffResult",
    "Kind",
    "diff_snapshots",
    "tokenize",
    "word_diff",
]


def diff_snapshots(old: Snapshot, new: Snapshot) -> DiffResult:
    """Every change from ``old`` to ``new``, grouped by area in page order."""
    with gc_paused():
        section_changes, section_map = diff_sections(old.sections, new.sections)
        changes = [
            *diff_metadata(old, new),
            *diff_navigation(old.navigation, new.navigation),
            *diff_breadcrumbs(old.breadcrumbs, new.breadcrumbs),
            *section_changes,
            *diff_statistics(old.statistics, new.statistics, section_map),
            *diff_related(old.related, new.related),
        ]
    return DiffResult(tuple(changes))
