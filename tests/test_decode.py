"""bytes -> text: the order of evidence (header > BOM > meta > detection) and lying pages."""

from __future__ import annotations

import codecs

from pagevault.decode import decode_html, looks_binary
from tests.corpus import load_manifest

CAFE_LATIN1 = "<p>café à Zürich – 5 €</p>".encode("cp1252")


def test_bom_wins_over_a_contradicting_header() -> None:
    body = codecs.BOM_UTF16_LE + "<p>réfugiés</p>".encode("utf-16-le")
    decoded = decode_html(body, "text/html; charset=iso-8859-1")
    assert (decoded.encoding, decoded.source) == ("utf-16-le", "bom")
    assert "réfugiés" in decoded.text


def test_utf16_page_with_matching_header_and_bom() -> None:
    body = codecs.BOM_UTF16_LE + "<h1>Titre</h1><p>Plus de 29 000 personnes</p>".encode("utf-16-le")
    decoded = decode_html(body, "text/html; charset=utf-16")
    assert "Plus de 29 000 personnes" in decoded.text


def test_utf16_header_without_bom_is_honoured() -> None:
    body = "<p>Menschen über 300.000</p>".encode("utf-16-le")
    decoded = decode_html(body, "text/html; charset=utf-16le")
    assert (decoded.encoding, decoded.source) == ("utf-16-le", "http-header")
    assert "über 300.000" in decoded.text


def test_non_text_codec_labels_are_ignored() -> None:
    for label in ("hex", "base64", "rot13", "zip"):
        decoded = decode_html(f'<meta charset="{label}"><p>été</p>'.encode())
        assert "été" in decoded.text, label
        assert decoded.encoding == "utf-8"


def test_header_charset_wins_over_meta() -> None:
    body = b'<meta charset="utf-8">' + CAFE_LATIN1
    decoded = decode_html(body, "text/html; charset=windows-1252")
    assert decoded.source == "http-header"
    assert "café à Zürich – 5 €" in decoded.text


def test_bom_wins_over_meta() -> None:
    body = codecs.BOM_UTF8 + '<meta charset="iso-8859-1"><p>réfugié·e·s</p>'.encode()
    decoded = decode_html(body)
    assert (decoded.encoding, decoded.source) == ("utf-8", "bom")
    assert "réfugié·e·s" in decoded.text
    assert not decoded.text.startswith("\ufeff")


def test_meta_charset_is_used_without_header() -> None:
    decoded = decode_html(
        b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' + CAFE_LATIN1
    )
    assert decoded.source == "meta"
    assert decoded.encoding == "cp1252"  # browsers read latin-1 labels as windows-1252
    assert "– 5 €" in decoded.text


def test_first_meta_wins_when_two_conflict() -> None:
    body = b'<meta charset="iso-8859-15"><meta charset="utf-8">' + "<p>año</p>".encode(
        "iso-8859-15"
    )
    decoded = decode_html(body)
    assert decoded.encoding == "iso8859-15"
    assert "año" in decoded.text


def test_declared_charset_contradicted_by_valid_utf8_gives_way() -> None:
    body = '<meta charset="gb2312"><p>Ελληνικά – ünïcödé “quotes”</p>'.encode()
    decoded = decode_html(body)
    assert decoded.source == "utf-8-validation"
    assert "Ελληνικά – ünïcödé “quotes”" in decoded.text


def test_undeclared_legacy_page_is_detected() -> None:
    body = (
        "<html><body><p>"
        + "Les réfugiés déplacés sont protégés à l’étranger. " * 20
        + "</p></body></html>"
    ).encode("cp1252")
    decoded = decode_html(body)
    assert decoded.source == "detection"
    assert "réfugiés déplacés" in decoded.text


def test_undeclared_utf8_is_detected_as_utf8() -> None:
    decoded = decode_html("<p>Menschen über 300.000</p>".encode())
    assert (decoded.encoding, decoded.source) == ("utf-8", "detection")


def test_unknown_charset_label_is_ignored() -> None:
    decoded = decode_html('<meta charset="x-klingon"><p>ok é</p>'.encode())
    assert decoded.encoding == "utf-8"
    assert "ok é" in decoded.text


def test_invalid_bytes_never_raise() -> None:
    decoded = decode_html(b"<p>\xff\xfe\xfa broken \xc3</p>", "text/html; charset=utf-8")
    assert "broken" in decoded.text


def test_utf8_bytes_are_kept_only_when_the_text_is_exactly_them() -> None:
    utf8 = "<p>réfugiés – 43,7 millions</p>".encode()
    assert decode_html(utf8, "text/html; charset=utf-8").utf8 is utf8
    assert decode_html(utf8).utf8 is utf8  # detected
    contradicted = '<meta charset="gb2312"><p>Ελληνικά – “quotes”</p>'.encode()
    assert decode_html(contradicted).utf8 is contradicted  # the meta gave way to UTF-8
    assert decode_html(CAFE_LATIN1, "text/html; charset=cp1252").utf8 is None
    broken = b"<p>caf\xe9 " + utf8  # declared UTF-8, one stray Latin-1 byte: replaced
    decoded = decode_html(broken, "text/html; charset=utf-8")
    assert decoded.utf8 is None
    assert "\ufffd" in decoded.text


# An image's start: the PNG signature, a header chunk, then compressed bytes.
PNG_LIKE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16


def test_binary_data_is_told_from_a_page() -> None:
    assert looks_binary(decode_html(PNG_LIKE).text)
    assert looks_binary(decode_html(b"\x7fELF\x02\x01\x01" + b"\x00" * 500).text)


def test_a_few_bytes_of_controls_alone_are_no_page() -> None:
    assert looks_binary(decode_html(b"\x00\x01\x02").text)
    assert not looks_binary(decode_html(b"<p>\x00\x01\x02</p>").text)  # a page, stray bytes


def test_a_page_with_a_few_stray_controls_is_a_page() -> None:
    page = b"<html><h1>Titre</h1>\x00<p>Plus de 29 000\x0b personnes\x1b.</p></html>"
    assert not looks_binary(decode_html(page).text)


def test_no_corpus_page_looks_binary() -> None:
    entries = load_manifest()
    assert entries
    binary = [e.file for e in entries if looks_binary(decode_html(e.page.read_bytes()).text)]
    assert binary == []
