"""Plain-text helpers shared by the extractor and the renderers (pure)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import MutableMapping, Sequence
from functools import lru_cache
from typing import Any

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


def unique_keys(bases: Sequence[str], fallback: str = "item") -> list[str]:
    """Keys unique within one list, from each entry's key base (``fallback`` when
    empty): the first entry with a base keeps it; a later one takes the first of '-2',
    '-3'... that is neither a base of the list nor a key already given. Every base is set
    aside first, so an entry whose base is its own keeps it whatever its twins elsewhere:
    "Annual report 2" stays 'annual-report-2' when a second "Annual report" is added
    before it (that one is 'annual-report-3')."""
    keys = [base or fallback for base in bases]
    taken = set(keys)
    if len(taken) == len(keys):  # most lists
        return keys
    given: set[str] = set()
    next_suffix: dict[str, int] = {}
    for index, base in enumerate(keys):
        if base in given:
            suffix = next_suffix.get(base, 2)
            while f"{base}-{suffix}" in taken:
                suffix += 1
            keys[index] = f"{base}-{suffix}"
            next_suffix[base] = suffix + 1
            taken.add(keys[index])
        given.add(keys[index])
    return keys


def assign_keys(entries: Sequence[MutableMapping[str, Any]], fallback: str = "item") -> None:
    """Replace each entry's "key", its key base, by its key (``unique_keys``)."""
    keys = unique_keys([entry["key"] for entry in entries], fallback)
    for entry, key in zip(entries, keys, strict=True):
        entry["key"] = key


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 change', '2 changes'; ``nouns`` for an irregular plural ('entries')."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
