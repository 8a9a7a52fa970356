"""What two texts or URLs are compared on: meaning, not typography (pure).

Whitespace runs, no-break spaces (U+00A0, U+202F), the space French puts before
``% : ; ! ?`` and inside « », digit-group separators, and quote style (’ vs ',
« » vs " ") are all erased, so that a site re-typesetting its page is not news.
The original texts are kept in the changes; only the comparison uses these forms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pagevault.extract.urls import resolve_url
from pagevault.text import clean_text

_QUOTES = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‛": "'",
        "ʼ": "'",
        "′": "'",
        "`": "'",
        "´": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "‹": '"',
        "›": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
    }
)
_SPACES = re.compile(r"\s+")
# A space that typography adds or removes: before high punctuation, inside quotes,
# between digit groups ("29 000" = "29000").
_OPTIONAL_SPACE = re.compile(r' (?=[%:;!?"\'])|(?<=["\']) |(?<=\d) (?=\d{3}(?!\d))')


@lru_cache(maxsize=8192)
def comparable_text(value: str | None) -> str:
    """The form two texts are compared on; '' for None."""
    if not value:
        return ""
    text = _SPACES.sub(" ", clean_text(value).translate(_QUOTES)).strip()
    return _OPTIONAL_SPACE.sub("", text)


def comparable_url(value: str | None) -> str:
    """A URL without tracking parameters (utm_*, fbclid, gclid...) nor a trailing
    slash; '' for None.

    Snapshots from the current extractor are already cleaned, but a stored
    snapshot from an older parser may not be.
    """
    if not value:
        return ""
    url = resolve_url(value, None) or value.strip()
    # "/local" and "/local/" name the same page on every server we have seen
    # (corpus pair S06, data.gov menu); a trailing slash is not news.
    head, sep, rest = url.partition("?")
    return head.rstrip("/") + sep + rest
