"""`pagevault fetch`: what is a URL to archive, and how a list of URLs is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from pagevault.cli_archive import url_lines
from pagevault.store import Store
from tests.cli_runs import pagevault as run

PAGE = (Path(__file__).parent / "fixtures" / "amnesty-fr-refugies.html").read_bytes()


@pytest.fixture
def page_url(httpserver: HTTPServer) -> str:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/page.html").respond_with_data(PAGE, content_type="text/html")
    return httpserver.url_for("/page.html")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("example.org/page", "no scheme"),
        ("not a url at all", "no scheme"),
        ("ftp://example.org/file", "refused scheme ftp"),
        ("http:///path", "no host"),
        ("http://example.org/\x1b[2Jpage", "control characters"),
        ("https://exa mple.org/", "a space"),
    ],
)
def test_an_invalid_url_alone_fails_and_creates_no_store(
    tmp_path: Path, url: str, reason: str
) -> None:
    store = tmp_path / "store"
    result = run(store, "fetch", "--delay", "0", url)
    assert result.returncode == 2
    line, summary = result.stderr.splitlines()
    assert line.startswith("failed")
    assert summary.endswith(" pagevault fetch: 1 URL: 0 ok, 1 failed")
    assert reason in line
    assert not store.exists()


def test_an_invalid_url_among_good_ones_is_reported_never_recorded(
    tmp_path: Path, page_url: str
) -> None:
    result = run(tmp_path, "fetch", "--delay", "0", "--json", page_url, "example.org/page")
    assert result.returncode == 3
    rows = {row["url"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert rows[page_url]["status"] == "new"
    assert rows["example.org/page"]["status"] == "failed"
    assert rows["example.org/page"]["error"] == "invalid URL example.org/page: no scheme"
    with Store(tmp_path, writable=False) as store:
        assert [page.url for page in store.pages()] == [page_url]
        assert store.history("example.org/page") == []


def test_a_binary_url_list_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    binary = tmp_path / "bin.dat"
    binary.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8 + b"\nhttp://x.test/\n")
    store = tmp_path / "store"
    result = run(store, "fetch", "-i", str(binary))
    assert result.returncode == 2
    assert result.stderr == f"pagevault: error: {binary}: binary data, not a list of URLs\n"
    assert not store.exists()


def test_url_lines_drop_comments_blank_lines_and_a_byte_order_mark() -> None:
    text = (
        "\ufeffhttps://x.test/a\n"
        "# a whole-line comment\n"
        "   \n"
        "https://x.test/b.html # why this page\n"
        "https://x.test/c#section\n"
        "  https://x.test/d\t# tab, then comment\r\n"
    )
    assert url_lines(text) == [
        "https://x.test/a",
        "https://x.test/b.html",
        "https://x.test/c#section",
        "https://x.test/d",
    ]


def test_a_notepad_url_list_with_a_comment_is_fetched(tmp_path: Path, page_url: str) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_bytes(b"\xef\xbb\xbf" + f"{page_url} # the campaign page\r\n".encode())
    result = run(tmp_path / "store", "fetch", "--delay", "0", "--json", "-i", str(urls))
    assert result.returncode == 0, result.stderr
    [row] = map(json.loads, result.stdout.splitlines())
    assert (row["url"], row["status"]) == (page_url, "new")


def test_a_utf16_url_list_is_read(tmp_path: Path, page_url: str) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# saved as Unicode\r\n{page_url}\r\n", encoding="utf-16")
    result = run(tmp_path / "store", "fetch", "--delay", "0", "--json", "-i", str(urls))
    assert result.returncode == 0, result.stderr
    [row] = map(json.loads, result.stdout.splitlines())
    assert row["url"] == page_url
