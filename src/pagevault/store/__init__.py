"""The archive on disk: content-addressed raw objects, snapshots, check logs, index, lock.

Public API::

    from pagevault.store import CheckRecord, Store

    with Store(root, lock_wait=0.0) as store:           # StoreLockedError if another writer
        sha = store.put_raw(body)                        # before parsing (RELIABILITY rule 1)
        outcome = store.record_check(check, snapshot, provenance)

The layout is described in ``pagevault.store.layout``; the modules behind this package are
private to it.
"""

from pagevault.store.core import Store
from pagevault.store.layout import normalize_url, page_key
from pagevault.store.records import (
    CheckOutcome,
    CheckRecord,
    CheckStatus,
    PageSummary,
    SnapshotRecord,
    VerifyReport,
)
from pagevault.store.snapfiles import RAW_BYTES, build_provenance

__all__ = [
    "RAW_BYTES",
    "CheckOutcome",
    "CheckRecord",
    "CheckStatus",
    "PageSummary",
    "SnapshotRecord",
    "Store",
    "VerifyReport",
    "build_provenance",
    "normalize_url",
    "page_key",
]
