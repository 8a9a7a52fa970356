"""Hostile texts of numbers: bounded work, every figure read, keys unique.

Each phrase repeated in one paragraph made the number reader or the statistics' keys
cost n² (RELIABILITY.md rule 1): seconds for a page of a few dozen KB. The time bound
is generous, as in test_hostile_markup: it catches n² work, it is no performance target.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pagevault import parse_html
from pagevault.numbers.spans import SpanUnion

_SECONDS = 3.0


def _page(lang: str, paragraph: str) -> str:
    return (
        f'<html lang="{lang}"><head><title>T</title></head><body><main><h1>Titel</h1>'
        f"<p>{paragraph}</p></main></body></html>"
    )


@pytest.mark.parametrize(
    ("lang", "paragraph", "statistics", "rejected"),
    [
        # a figure without a word around it: its key's window grew to the whole text
        ("en", " .07% " * 4000, 4000, 0),
        ("en", " 7% " * 4000, 4000, 0),
        # figures found out of order, each checked against all those found before
        ("en", "half of " * 4000, 4000, 0),
        ("de", "drei Viertel der " * 4000, 4000, 0),
        ("en", "between five and 15 percent " * 4000, 4000, 0),
        # list markers: each number read back to the first marker, and as a phone number
        ("en", "1) a " + "2) " * 8000, 0, 8001),
        # a phone number's trunk prefix "(0)": matched two ways, it backtracked for 24 s
        ("de", "(0) " * 5000, 0, 5000),
        ("de", "Tel. +49 (0)30 275 86-40. " * 1000, 0, 1000),
        # signs read after a year and after a negative figure (_number_ended_at)
        ("de", "1990 −40 % " * 4000, 4000, 4000),
        ("de", "−2,5 % " * 4000, 4000, 0),
        # hyphens before counts: a verb, a list item before each (_hyphen_reading)
        ("en", "jobs fell -12,000 " * 4000, 4000, 0),
        ("en", "-5,000 volunteers " * 4000, 4000, 0),
        # names before a comma: an apposition after each, or a list (_name_before)
        ("fr", "avec Sud Rail 75, le syndicat " * 4000, 0, 4000),
        ("de", "zählte Tafel Deutschland 960, " * 4000, 4000, 0),
    ],
    ids=[
        "point-decimal",
        "percent",
        "half",
        "drei-viertel",
        "word-range",
        "list-markers",
        "trunk-prefixes",
        "phones",
        "signs-after-years",
        "negative-series",
        "hyphens-after-verbs",
        "list-dashes",
        "names-before-appositions",
        "names-before-commas",
    ],
)
def test_repeated_figures_are_read_in_bounded_time(
    lang: str, paragraph: str, statistics: int, rejected: int
) -> None:
    started = time.monotonic()
    snapshot = parse_html(_page(lang, paragraph), url="https://example.org/p")
    elapsed = time.monotonic() - started
    assert elapsed < _SECONDS, f"{paragraph[:20]!r}… took {elapsed:.1f}s"
    assert len(snapshot.statistics) == statistics
    assert len(snapshot.rejected_numbers) == rejected
    keys = [statistic.key for statistic in snapshot.statistics]
    assert len(set(keys)) == len(keys)


def test_a_list_of_markers_inline_is_still_read_as_numbering() -> None:
    snapshot = parse_html(
        _page("en", "Ranking: 1. Finland 2. Norway 3. Denmark"), url="https://example.org/p"
    )
    reasons = [number.reason for number in snapshot.rejected_numbers]
    assert reasons == ["small", "numbering", "numbering"]


_SPANS = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 8)).map(lambda s: (s[0], s[0] + s[1])),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(spans=_SPANS, queries=_SPANS)
def test_span_union_overlaps_as_the_spans_do(
    spans: list[tuple[int, int]], queries: list[tuple[int, int]]
) -> None:
    union = SpanUnion()
    for start, end in spans:
        union.add(start, end)
    for start, end in queries:
        expected = any(start < span_end and span_start < end for span_start, span_end in spans)
        assert union.overlaps(start, end) == expected, (spans, start, end)
