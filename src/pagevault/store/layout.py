"""Where things live in a store. Every name is made of hashes and timestamps only.

RELIABILITY rule 8: no path component is ever taken from URL text, so ``../``, ``%2e%2e``,
NUL bytes or a 4 KB URL cannot escape the root or exceed 255 bytes::

    <root>/.lock                                  flock target (rule 3)
    <root>/index.sqlite                           derived index, WAL (rule 2)
    <root>/objects/ab/ab12…(64 hex)               gzip of the decoded entity body (rule 10)
    <root>/pages/<sha256 of normalised URL>/checks.jsonl
    <root>/pages/<url hash>/snapshots/<YYYYmmddTHHMMSSZ>-<12 hex>[-<n>].json
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

OBJECTS = "objects"
PAGES = "pages"
SNAPSHOTS = "snapshots"
CHECKS = "checks.jsonl"
INDEX = "index.sqlite"
LOCK = ".lock"
TEMP_PREFIX = ".tmp-"

_SHA256 = re.compile(r"[0-9a-f]{64}\Z")
SNAPSHOT_NAME = re.compile(
    r"(?P<stamp>\d{8}T\d{6}Z)-(?P<sha>[0-9a-f]{12})(?:-(?P<n>[1-9]\d{0,5}))?\.json\Z"
)
SNAPSHOT_ID = re.compile(
    r"(?P<page>[0-9a-f]{12})-(?P<stem>\d{8}T\d{6}Z-[0-9a-f]{12}(?:-[1-9]\d{0,5})?)\Z"
)
# A snapshot id may be given shortened, as a git hash, to this many characters or more.
MIN_ID_PREFIX = 6
SNAPSHOT_ID_PREFIX = re.compile(r"(?:[0-9a-f]{6,11}|[0-9a-f]{12}(?:-[0-9A-Za-z-]*)?)\Z")
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}


def is_sha256(text: str) -> bool:
    return bool(_SHA256.match(text))


def normalize_url(url: str) -> str:
    """The URL a page is filed under: scheme and host lower-cased, default port and
    fragment dropped, empty path as "/". Anything unparsable is kept as given.

    Applied to a fixed point, so it is idempotent even where ``urlunsplit`` output splits
    differently (an empty "?" dropped, whitespace exposed at the ends).
    """
    text = url
    for _ in range(8):
        normal = _normalize_once(text)
        if normal == text:
            break
        text = normal
    return text


def _normalize_once(url: str) -> str:
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    userinfo, at, host = parts.netloc.rpartition("@")
    host = host.lower()
    if scheme in _DEFAULT_PORTS:
        host = host.removesuffix(_DEFAULT_PORTS[scheme])
    netloc = f"{userinfo}{at}{host}"
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def page_key(url: str) -> str:
    """The page's directory name: sha256 of its normalised URL (any text, even NUL bytes)."""
    data = normalize_url(url).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def object_path(root: Path, sha256: str) -> Path:
    """Path of a raw object; ValueError unless ``sha256`` is 64 lower-case hex digits."""
    if not is_sha256(sha256):
        raise ValueError(f"not a sha256 hex digest: {sha256[:80]!r}")
    return root / OBJECTS / sha256[:2] / sha256


def page_dir(root: Path, key: str) -> Path:
    return root / PAGES / key


def checks_path(root: Path, key: str) -> Path:
    return page_dir(root, key) / CHECKS


def snapshots_dir(root: Path, key: str) -> Path:
    return page_dir(root, key) / SNAPSHOTS


def name_stamp(moment: datetime) -> str:
    """The timestamp part of a snapshot name (UTC, to the second)."""
    return moment.strftime("%Y%m%dT%H%M%SZ")


def snapshot_name(stamp: str, sha256: str, n: int = 1) -> str:
    """File name of a snapshot; ``n`` > 1 for the n-th snapshot of the page in that second."""
    suffix = f"-{n}" if n > 1 else ""
    return f"{stamp}-{sha256[:12]}{suffix}.json"


def snapshot_id(key: str, name: str) -> str:
    """Store-wide id of a snapshot: page hash prefix + file stem."""
    return f"{key[:12]}-{name.removesuffix('.json')}"


def is_temp_name(name: str) -> bool:
    return name.startswith(TEMP_PREFIX)
