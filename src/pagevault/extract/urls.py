"""URL resolution and clean-up for links found in a page (pure)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that identify a campaign or a click, never a page.
_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid",
     "yclid", "twclid", "ref_src", "xtor", "at_medium", "at_campaign", "wt_mc", "wt.mc_id"}
)
_LINK_SCHEMES = ("http", "https", "mailto", "tel")


def resolve_url(href: str, base_url: str | None) -> str | None:
    """Absolute, tracker-free URL of a link; None for script/data links and empty hrefs."""
    href = href.strip()
    if not href or href.startswith(("javascript:", "data:", "#")) and not href.startswith("#/"):
        return None
    try:
        absolute = urljoin(base_url, href) if base_url else href
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme and parts.scheme.lower() not in _LINK_SCHEMES:
        return None
    query = _strip_tracking(parts.query)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, query, parts.fragment))


def _strip_tracking(query: str) -> str:
    if not query:
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_tracking(k)]
    return query if len(kept) == len(pairs) else urlencode(kept)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith(("utm_", "pk_", "mtm_", "hsa_")) or lowered in _TRACKING_PARAMS
