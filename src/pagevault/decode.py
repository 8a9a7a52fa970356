"""Bytes -> text, remembering which evidence decided the encoding.

Order: byte-order mark > HTTP ``Content-Type`` charset > ``<meta>`` charset (first
one in the first 4 KiB, as browsers' prescan does) > detection. The BOM comes first,
as in browsers (WHATWG "decode"): a page whose header says one thing and whose bytes
start with a UTF-16 or UTF-8 BOM is read by its BOM. A declaration
that the bytes contradict (they fail to decode with it but are valid UTF-8, as
on corpus page ``rdbl__qq.html``: "gb2312" declared, UTF-8 bytes) gives way to
UTF-8 and is recorded as ``utf-8-validation``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from pagevault.model import EncodingSource

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG: these labels mean windows-1252 in browsers, which is what page authors tested with.
_BROWSER_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
# Binary data read as text: C0 controls other than tab, line feed, form feed and carriage
# return. Pages of the corpus have none in their first 4 KiB; executables, images and
# fonts have one character in eight or more.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_BINARY_SAMPLE = 4096
_BINARY_SHARE = 20  # more than one character in this many: binary
_BINARY_MIN_CONTROLS = 8  # a page with a few stray NULs is still a page


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    source: EncodingSource
    # The body itself when ``text`` is exactly its bytes read as strict UTF-8: the parser
    # takes them as they are instead of encoding ``text`` again (~50 us a middle page).
    utf8: bytes | None = None


def decode_html(body: bytes, content_type: str | None = None) -> DecodedText:
    """Decode an HTML body, choosing its encoding from the best evidence available."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return DecodedText(body[len(bom) :].decode(name, "replace"), name, "bom")
    declared = _charset_from_header(content_type)
    if declared:
        return _decode_declared(body, declared, "http-header")
    declared = _charset_from_meta(body)
    if declared:
        return _decode_declared(body, declared, "meta")
    return _detect(body)


def looks_binary(text: str) -> bool:
    """Whether decoded text is binary data rather than a page (an image, a PDF, an
    executable): its start holds NULs, and control characters make up more than a
    twentieth of it, eight of them at least or with no markup beside them (a few bytes
    of controls alone are no page either)."""
    # Executables, images, fonts and archives hold NULs in their first bytes; a page
    # has none: one C search (~0.3 us) spares the regex scan (~30 us) on every page.
    if text.find("\x00", 0, _BINARY_SAMPLE) < 0:
        return False
    sample = text[:_BINARY_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    return controls * _BINARY_SHARE > len(sample) and (
        controls >= _BINARY_MIN_CONTROLS or "<" not in sample
    )


def _charset_from_header(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _known_codec(match.group(1)) if match else None


def _charset_from_meta(body: bytes) -> str | None:
    match = _META_CHARSET.search(body, 0, _META_PRESCAN_BYTES)
    if not match:
        return None
    name = _known_codec(match.group(1).decode("ascii", "replace"))
    # A meta that could be read at all was not UTF-16: it is lying (WHATWG rule).
    return "utf-8" if name and name.startswith("utf-16") else name


def _known_codec(label: str) -> str | None:
    """The codec of a charset label; None for unknown labels and for codecs that are
    not text encodings ('hex', 'base64', 'rot13' exist in Python's registry)."""
    label = label.strip().lower()
    label = _BROWSER_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _decode_declared(body: bytes, encoding: str, source: EncodingSource) -> DecodedText:
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:
        pass
    else:
        return DecodedText(text, encoding, source, body if encoding == "utf-8" else None)
    if encoding != "utf-8":
        try:
            return DecodedText(body.decode("utf-8"), "utf-8", "utf-8-validation", body)
        except UnicodeDecodeError:
            pass
    return DecodedText(body.decode(encoding, "replace"), encoding, source)


def _detect(body: bytes) -> DecodedText:
    try:
        return DecodedText(body.decode("utf-8"), "utf-8", "detection", body)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported lazily: only undeclared legacy pages

    best = from_bytes(body[:65536]).best()
    encoding = codecs.lookup(best.encoding).name if best is not None else "cp1252"
    return DecodedText(body.decode(encoding, "replace"), encoding, "detection")
