"""Plain-text helpers shared by the extractor and the renderers (pure)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Control and format characters: C0/C1 controls (ESC starts terminal sequences),
# zero-width and bidi controls (they reorder or hide text), BOM, and the soft hyphen
# (U+00AD, "&shy;": a place a word may break, unseen otherwise; German pages put one in
# every long word, "Künst\u00adliche", which would split words for search, diff and the
# statistics' key words).
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
# Collapse ordinary whitespace runs; keep U+00A0 / U+202F, which carry meaning in
# French figures ("29 000") and punctuation ("83 %"). Only the runs that change are
# matched (two or more spaces, or one that is not U+0020): a pattern matching every
# run would also rewrite each single space by itself, measurably slower.
_SPACE_FIX = re.compile(
    r"[ \t\n\r\f\v\u2000-\u200a\u2028\u2029\u3000]{2,}|[\t\n\r\f\v\u2000-\u200a\u2028\u2029\u3000]"
)
_SPACES = re.compile(" {2,}")
_SLUG_DROP = re.compile(r"[^\w]+")


def strip_controls(value: str) -> str:
    """Text safe to print on a terminal (RELIABILITY.md rule 11): no escape sequences,
    no bidi or zero-width tricks; newlines and tabs are kept."""
    return _CONTROL.sub("", value)


def clean_text(value: str) -> str:
    """Page text with control/format characters removed and whitespace collapsed."""
    # Two texts in three are printable: no control or format character and no space
    # but U+0020. ``str.isprintable`` tells so in one C pass, cheaper than the regexes.
    if value.isprintable():
        if "  " in value:
            value = _SPACE_FIX.sub(" ", value)
    else:
        # Text indented in the HTML source: printable once its newlines and tabs are
        # spaces, so its only whitespace is ASCII and str.split collapses it exactly.
        flat = value.replace("\n", " ").replace("\t", " ")
        if flat.isprintable():
            return " ".join(flat.split())
        # Printable but for no-break spaces (French figures, "83 %"), which are not
        # collapsed: its only whitespace is then U+0020. _SPACE_FIX scanned such text
        # at ~450 instructions a character (a third of extract_sections); this ~15.
        if flat.replace("\u00a0", " ").replace("\u202f", " ").isprintable():
            if "  " in flat:
                flat = _SPACES.sub(" ", flat)
            return flat.strip(" \u00a0\u202f")
        if _CONTROL.search(value):
            value = _CONTROL.sub("", value)
        value = _SPACE_FIX.sub(" ", value)
    # No-break spaces at the ends are still just padding.
    return value.strip(" \u00a0\u202f")


def slugify(value: str, max_length: int = 60) -> str:
    """ASCII slug: 'Réfugié·e·s et migrant·e·s' -> 'refugiees-et-migrantes'.

    Words of plain ASCII letters and digits (two menu labels in three) are lower-cased
    and joined here, ~2k instructions; others take the normalizing path, ~15k on a
    cache miss, which is most labels of a page parsed once."""
    if len(value) <= max_length and value.isascii() and value.replace(" ", "").isalnum():
        return "-".join(value.lower().split())
    return _slug_of(value, max_length)


@lru_cache(maxsize=4096)
def _slug_of(value: str, max_length: int) -> str:
    """``slugify`` for any text: typography marks dropped, accents folded, runs of
    other characters made one hyphen, cut at a hyphen within ``max_length``."""
    value = value.replace("·", "").replace("’", "-").replace("'", "-")
    ascii_value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_DROP.sub("-", ascii_value.lower()).strip("-_")
    slug = slug.replace("_", "-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


class KeyAllocator:
    """Hands out keys unique within one list: a duplicate base gets '-2', '-3'...,
    skipping a key already handed out, so that "Annual report 2" and a second "Annual
    report" do not both get 'annual-report-2' (the later one gets the next free one)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._issued: set[str] = set()

    def allocate(self, base: str, fallback: str = "item") -> str:
        base = base or fallback
        count = self._seen.get(base, 0) + 1
        key = base if count == 1 else f"{base}-{count}"
        while key in self._issued:
            count += 1
            key = f"{base}-{count}"
        self._seen[base] = count
        self._issued.add(key)
        return key


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 change', '2 changes'; ``nouns`` for an irregular plural ('entries')."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
