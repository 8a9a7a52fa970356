"""Hostile and broken markup: bounded work, no exception, text kept."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pagevault import parse_html
from pagevault.errors import InputError
from pagevault.extract.dom import MAX_BLOCK_DEPTH, guard_nesting, parse_tree


def test_deep_nesting_is_flattened_and_text_kept() -> None:
    depth = 50_000  # unguarded, lexbor needs ~6 s for this (RELIABILITY.md rule 1)
    page = "<html><body>" + "<div>" * depth + "<p>deep text 12 000 personnes</p>" + "</div>" * depth
    started = time.monotonic()
    snapshot = parse_html(page)
    elapsed = time.monotonic() - started
    assert elapsed < 3.0, f"deep nesting took {elapsed:.1f}s"
    assert any("deep text" in p for s in snapshot.sections for p in s.paragraphs)


def test_guard_keeps_ordinary_pages_untouched() -> None:
    page = "<div><section><ul><li>x</li></ul></section></div>" * 3000
    assert guard_nesting(page) == page


def test_guard_caps_depth() -> None:
    page = "<div>" * (MAX_BLOCK_DEPTH * 8) + "x" + "</div>" * (MAX_BLOCK_DEPTH * 8)
    guarded = guard_nesting(page)
    assert guarded.count("<div>") == MAX_BLOCK_DEPTH
    assert "x" in guarded


def test_guarded_text_is_parsed_not_the_original_bytes() -> None:
    page = "<div>" * (MAX_BLOCK_DEPTH * 8) + "<p>x</p>" + "</div>" * (MAX_BLOCK_DEPTH * 8)
    tree = parse_tree(page, page.encode())
    assert len(tree.css("div")) == MAX_BLOCK_DEPTH
    plain = "<div><p>x</p></div>"
    assert parse_tree(plain, plain.encode()).css_first("p") is not None


def test_inline_nesting_in_a_menu_entry_is_read_without_recursion_error() -> None:
    # Inline tags are not capped by the nesting guard; the menu walk recursed once per level.
    page = (
        '<nav><ul><li><a href="/first">First</a></li><li>'
        + "<span>" * 3000
        + '<a href="/deep">Deep</a></li><li><a href="/last">Last</a></li></ul></nav>'
    )
    (menu,) = parse_html(page, url="https://example.org/").navigation
    labels = [item.label for item in menu.items]
    assert labels[0] == "First" and labels[-1] == "Last"


def test_deeply_nested_menu_lists_are_read_to_a_bounded_depth() -> None:
    page = "<nav>" + '<ul><li><a href="/a">a</a>' * 390 + "</nav>"
    (menu,) = parse_html(page, url="https://example.org/").navigation
    depth, items = 0, menu.items
    while items:
        depth += 1
        items = items[0].children
    assert 10 <= depth <= 100


def test_huge_attribute_and_long_text() -> None:
    page = f'<p title="{"a" * 5_000_000}">ok</p><p>{"mot " * 200_000}</p>'
    snapshot = parse_html(page)
    assert snapshot.sections


def test_unclosed_and_misnested_tags() -> None:
    page = (
        "<html><body><main><h1>Titre</h3><p>Plus de 3 000 personnes"
        "<div><h2>Suite</h2></b></i><li>un<li>deux"
    )
    snapshot = parse_html(page)
    assert snapshot.title == "Titre"
    assert [s.heading for s in snapshot.sections] == ["Titre", "Suite"]
    assert snapshot.sections[1].items == ("un", "deux")
    assert [s.value for s in snapshot.statistics] == [3000]


def test_binary_garbage_is_refused_as_such() -> None:
    with pytest.raises(InputError, match="binary data"):
        parse_html(bytes(range(256)) * 100)


_PIECES = [
    *"<>/=\"' abcdhpuli123,.%€\n",
    "<div>",
    "</div>",
    "<h2>",
    "<p>",
    "<ul><li>",
    "<nav>",
    "<main>",
    "<footer>",
    "<a href=x>",
    "43,7 millions",
    "5 janvier 2026",
    "1 in 5",
    "<br>",
    "<section class=related><h2>Voir aussi</h2>",
    "<strong>",
    "<table><tr><td>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=120).map("".join))
def test_extractor_never_raises_on_arbitrary_markup(page: str) -> None:
    snapshot = parse_html(page, url="https://example.org/a/b")
    assert snapshot.schema_version == 1


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_extractor_reads_arbitrary_bytes_or_refuses_them_as_binary(body: bytes) -> None:
    try:
        assert parse_html(body).schema_version == 1
    except InputError as error:
        assert str(error) == "binary data, not an HTML page"


def test_a_heading_level_written_in_superscript_digits_is_no_crash() -> None:
    # "²".isdigit() is true but int("²") raises: the level falls back to 2.
    page = '<main><h1>T</h1><div role="heading" aria-level="²">Sub</div><p>x</p></main>'
    snapshot = parse_html(page)
    assert [(section.heading, section.level) for section in snapshot.sections][1] == ("Sub", 2)


def test_a_jsonld_script_with_an_itemprop_is_read_once() -> None:
    page = (
        '<html><head><script type="application/ld+json" itemprop="x">{"a": 1}</script>'
        "</head><body><main><h1>T</h1></main></body></html>"
    )
    assert parse_html(page).metadata.jsonld == ({"a": 1},)


def test_a_date_deep_below_the_title_is_told_from_a_card_in_bounded_time() -> None:
    """``visible_dates._in_card_below_title`` walked up from a dated text to the column,
    each level looking for the title (a walk up from it) and into the whole subtree:
    6000 spans around the title and the date took 8 s (RELIABILITY.md rule 1). A hang
    guard, no performance target."""
    depth = 6000
    spans, ends = "<span>" * depth, "</span>" * depth
    page = (
        f"<html lang='en'><body><main>{spans}<h1>Title of page</h1>{ends}<div class='a'>"
        f"{spans}<b>12.03.2019</b>{ends}</div><p>{'body text ' * 50}</p></main></body></html>"
    )
    started = time.monotonic()
    parse_html(page, url="https://example.org/a")
    assert time.monotonic() - started < 3.0


def test_many_deep_dated_cards_below_the_title_are_read_in_bounded_time() -> None:
    """20 cards of 4000 spans each holding a date and a heading (1 MB) took 13 s."""
    spans, ends = "<span>" * 4000, "</span>" * 4000
    cards = "".join(
        f"<span class='c{n}'>{spans}<b>12.03.2019</b><h3>x</h3>{ends}</span>" for n in range(20)
    )
    page = (
        f"<html lang='en'><body><main><h1>Title of page</h1><div>{cards}</div><p>"
        + "body text " * 50
        + "</p></main></body></html>"
    )
    started = time.monotonic()
    parse_html(page, url="https://example.org/a")
    assert time.monotonic() - started < 3.0


def test_a_date_deep_in_nested_photo_credits_is_told_in_bounded_time() -> None:
    """``visible_dates.photo_caption_around`` looked for the title from each credit
    around a date: 6000 credit spans, the title 6000 spans deep, took 8 s."""
    depth = 6000
    title = "<span>" * depth + "<h1>Title of page</h1>" + "</span>" * depth
    credits = "<span class='image-credit'>" * depth + "12 March 2019" + "</span>" * depth
    page = (
        f"<html lang='en'><body><main>{title}<div>{credits}</div><p>{'body text ' * 50}</p>"
        "</main></body></html>"
    )
    started = time.monotonic()
    snapshot = parse_html(page, url="https://example.org/a")
    assert time.monotonic() - started < 3.0
    assert snapshot.published is None
