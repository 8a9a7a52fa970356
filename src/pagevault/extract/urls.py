"""URL resolution and clean-up for links found in a page (pure)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that identify a campaign or a click, never a page.
_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "igshid",
        "yclid",
        "twclid",
        "ref_src",
        "xtor",
        "at_medium",
        "at_campaign",
        "wt_mc",
        "wt.mc_id",
    }
)
_LINK_SCHEMES = ("http", "https", "mailto", "tel")


@lru_cache(maxsize=8192)
def resolve_url(href: str, base_url: str | None) -> str | None:
    """Absolute, tracker-free URL of a link; None for script/data links and empty hrefs."""
    href = href.strip()
    if not href or href.startswith(("javascript:", "data:", "vbscript:", "#")):
        return None
    absolute = _absolute(href, base_url)
    if absolute is None:
        return None
    if "?" not in absolute:
        return absolute
    try:
        parts = urlsplit(absolute)
    except ValueError:
        return None
    return urlunsplit(parts._replace(query=_strip_tracking(parts.query)))


def _absolute(href: str, base_url: str | None) -> str | None:
    """``urljoin`` with the common cases done by hand (it dominated menu extraction)."""
    if href.startswith(("https://", "http://")) or not base_url:
        return href
    if href.startswith("/") and not href.startswith("//"):
        origin = _origin(base_url)
        if origin:
            return origin + href
    try:
        absolute = urljoin(base_url, href)
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    return absolute if not scheme or scheme in _LINK_SCHEMES else None


@lru_cache(maxsize=64)
def _origin(base_url: str) -> str | None:
    try:
        parts = urlsplit(base_url)
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _strip_tracking(query: str) -> str:
    if not query:
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_tracking(k)]
    return query if len(kept) == len(pairs) else urlencode(kept)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(("utm_", "pk_", "mtm_", "hsa_")) or lowered in _TRACKING_PARAMS
