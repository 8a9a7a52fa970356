"""Speed of pagevault.parse_html against trafilatura.extract and a bare lexbor parse.

    python bench/extract.py [--repeat N] [--verbose] [--json]

Over every corpus page, in one process and one run, each page is timed N times (default 5) with
the three engines interleaved (in rotating order), so machine noise hits them alike; a page's
time is its median.
  (a) pagevault   parse_html(bytes, url)
  (b) trafilatura trafilatura.extract(text), default settings
  (c) parse-only  LexborHTMLParser(text) - the floor any selectolax-based extractor stands on
(b) and (c) get the same text, decoded once per page by pagevault's own decoder (declared or
detected encoding). The summary compares the median per-page times against two targets; the exit
status is 1 when a target is missed.
It also reports the share of pagevault's time spent reading statistics on the
statistics-heavy pages (the STAT_HEAVY_PAGES pages where pagevault finds the most
statistics): extract_statistics on the page's sections, timed against the whole
parse_html (target: at most MAX_STATISTICS_SHARE).
Needs the `bench` extra (trafilatura): pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

# Run as a script, the repository root is not on sys.path; `tests` is a package in it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import CorpusEntry, CorpusMissingError, load_manifest

import pagevault
from pagevault.decode import decode_html
from pagevault.extract.statistics import extract_statistics

try:
    import trafilatura
except ImportError:
    raise SystemExit("bench/extract.py needs trafilatura: pip install -e '.[bench]'") from None

STAT_HEAVY_PAGES = 10
MAX_STATISTICS_SHARE = 0.40
MIN_SPEEDUP_VS_TRAFILATURA = 8.0  # trafilatura time / pagevault time, at least
MAX_COST_VS_PARSE = 6.0  # pagevault time / parse-only time, at most
ENGINES = ("pagevault", "trafilatura", "parse-only")


@dataclass(frozen=True)
class Page:
    file: str
    url: str | None
    data: bytes
    text: str


def decode(data: bytes) -> str:
    """The page's text for trafilatura and lexbor, read the way pagevault reads the bytes."""
    return decode_html(data).text


def load_pages(entries: tuple[CorpusEntry, ...]) -> list[Page]:
    pages = []
    for entry in entries:
        data = entry.page.read_bytes()
        pages.append(Page(file=entry.file, url=entry.url, data=data, text=decode(data)))
    return pages


def engine_calls(page: Page) -> dict[str, Callable[[], object]]:
    return {
        "pagevault": lambda: pagevault.parse_html(page.data, page.url),
        "trafilatura": lambda: trafilatura.extract(page.text),
        "parse-only": lambda: LexborHTMLParser(page.text),
    }


@dataclass(frozen=True)
class PageTiming:
    """Median seconds per engine for one page; an engine that raised has an error instead."""

    file: str
    kilobytes: float
    seconds: dict[str, float]
    errors: dict[str, str]

    @property
    def complete(self) -> bool:
        return not self.errors


def time_page(page: Page, repeat: int) -> PageTiming:
    calls = engine_calls(page)
    samples: dict[str, list[float]] = {name: [] for name in calls}
    errors: dict[str, str] = {}
    gc.collect()
    names = list(calls)
    for run in range(repeat):
        # rotate the order each run: no engine always runs right after another one
        for name in names[run % len(names) :] + names[: run % len(names)]:
            if name not in errors:
                _time_call(calls[name], samples[name], errors, name)
    medians = {name: statistics.median(v) for name, v in samples.items() if name not in errors}
    return PageTiming(page.file, len(page.data) / 1024, medians, errors)


def _time_call(
    call: Callable[[], object], samples: list[float], errors: dict[str, str], name: str
) -> None:
    start = time.perf_counter()
    try:
        call()
    except Exception as error:  # one broken page must not end the benchmark
        errors[name] = f"{type(error).__name__}: {error}"
        return
    samples.append(time.perf_counter() - start)


def warm_up(page: Page) -> None:
    """One call of each engine first: imports, caches and lazy set-up are not timed."""
    for call in engine_calls(page).values():
        with contextlib.suppress(Exception):  # failures are reported by the timed runs
            call()


# --- summary ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Medians over the pages every engine handled (the ratios compare like with like).

    With no such page - pagevault failing everywhere - each engine's median is over the pages
    it handled and there are no ratios.
    """

    pages: int
    complete_pages: int
    failures: list[str]
    median_ms: dict[str, float | None]
    total_ms: dict[str, float]
    trafilatura_over_pagevault: float | None
    pagevault_over_parse: float | None

    @property
    def speed_ok(self) -> bool:
        ratio = self.trafilatura_over_pagevault
        return ratio is not None and ratio >= MIN_SPEEDUP_VS_TRAFILATURA

    @property
    def cost_ok(self) -> bool:
        ratio = self.pagevault_over_parse
        return ratio is not None and ratio <= MAX_COST_VS_PARSE


def summarise(timings: list[PageTiming]) -> Summary:
    complete = [t for t in timings if t.complete]
    median_ms = {e: _median_ms(complete or timings, e) for e in ENGINES}
    pv, traf, parse = (median_ms[e] for e in ENGINES)
    return Summary(
        pages=len(timings),
        complete_pages=len(complete),
        failures=[f"{t.file}: {e}: {msg}" for t in timings for e, msg in t.errors.items()],
        median_ms=median_ms,
        total_ms={e: 1000 * sum(t.seconds[e] for t in complete) for e in ENGINES},
        trafilatura_over_pagevault=traf / pv if complete and traf and pv else None,
        pagevault_over_parse=pv / parse if complete and pv and parse else None,
    )


def _median_ms(timings: list[PageTiming], engine: str) -> float | None:
    values = [t.seconds[engine] for t in timings if engine in t.seconds]
    return 1000 * statistics.median(values) if values else None


ROW = "{:<52} {:>7} {:>10} {:>11} {:>10} {:>8} {:>8}"


def print_pages(timings: list[PageTiming]) -> None:
    print(ROW.format("file", "KB", *ENGINES, "traf/pv", "pv/parse"))
    for t in timings:
        ms = {e: 1000 * t.seconds[e] if e in t.seconds else None for e in ENGINES}
        pv, traf, parse = (ms[e] for e in ENGINES)
        cells = [_ms(ms[e]) for e in ENGINES]
        ratios = [_ratio(traf, pv), _ratio(pv, parse)]
        print(ROW.format(t.file[:52], f"{t.kilobytes:.0f}", *cells, *ratios))
    print()


def print_summary(summary: Summary, repeat: int) -> None:
    print(
        f"{summary.pages} pages ({summary.complete_pages} handled by every engine), "
        f"median of {repeat} interleaved runs per page"
    )
    for engine in ENGINES:
        median, total = _ms(summary.median_ms[engine]), summary.total_ms[engine]
        print(f"  {engine:<12} median per page {median:>8} ms   total {total:9.1f} ms")
    print(
        f"  trafilatura / pagevault = {_ratio(summary.trafilatura_over_pagevault)} "
        f"(target >= {MIN_SPEEDUP_VS_TRAFILATURA:.0f}x)  {_verdict(summary.speed_ok)}"
    )
    print(
        f"  pagevault / parse-only  = {_ratio(summary.pagevault_over_parse)} "
        f"(target <= {MAX_COST_VS_PARSE:.0f}x)  {_verdict(summary.cost_ok)}"
    )
    for failure in summary.failures:
        print(f"  failed: {failure}")


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _ratio(numerator: float | None, denominator: float | None = 1.0) -> str:
    if numerator is None or not denominator:
        return "n/a"
    return f"{numerator / denominator:.1f}x"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def summary_json(summary: Summary, timings: list[PageTiming], repeat: int) -> dict[str, Any]:
    return {
        "repeat": repeat,
        "targets": {
            "trafilatura_over_pagevault_min": MIN_SPEEDUP_VS_TRAFILATURA,
            "pagevault_over_parse_max": MAX_COST_VS_PARSE,
        },
        "summary": {**asdict(summary), "speed_ok": summary.speed_ok, "cost_ok": summary.cost_ok},
        "pages": [asdict(t) for t in timings],
    }


@dataclass(frozen=True)
class StatisticsShare:
    """Share of parse_html's time spent in extract_statistics, per stat-heavy page."""

    shares: dict[str, float]

    @property
    def median(self) -> float:
        return statistics.median(self.shares.values())

    @property
    def ok(self) -> bool:
        return self.median <= MAX_STATISTICS_SHARE


def statistics_share(pages: list[Page], repeat: int) -> StatisticsShare:
    snapshots = {page.file: pagevault.parse_html(page.data, page.url) for page in pages}
    heavy = sorted(pages, key=lambda page: -len(snapshots[page.file].statistics))
    shares = {}
    for page in heavy[:STAT_HEAVY_PAGES]:
        snapshot = snapshots[page.file]
        whole = _median_seconds(lambda p=page: pagevault.parse_html(p.data, p.url), repeat)
        part = _median_seconds(lambda s=snapshot: extract_statistics(s.sections, s.lang), repeat)
        shares[page.file] = part / whole
    return StatisticsShare(shares)


def _median_seconds(call: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def print_statistics_share(share: StatisticsShare, verbose: bool) -> None:
    if verbose:
        for file, value in share.shares.items():
            print(f"    {file:<52} {value:6.1%}")
    print(
        f"  statistics share on the {len(share.shares)} stat-heavy pages = {share.median:.1%} "
        f"(median; target <= {MAX_STATISTICS_SHARE:.0%})  {_verdict(share.ok)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per page (default 5)")
    parser.add_argument("--verbose", action="store_true", help="print the per-page table")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        pages = load_pages(load_manifest())
    except CorpusMissingError as error:
        print(error, file=sys.stderr)
        return 2
    warm_up(pages[0])
    timings = [time_page(page, args.repeat) for page in pages]
    summary = summarise(timings)
    share = statistics_share(pages, args.repeat)
    if args.json:
        report = summary_json(summary, timings, args.repeat)
        report["statistics_share"] = {"median": share.median, "pages": share.shares}
        print(json.dumps(report, indent=2))
    else:
        if args.verbose:
            print_pages(timings)
        print_summary(summary, args.repeat)
        print_statistics_share(share, args.verbose)
    return 0 if summary.speed_ok and summary.cost_ok and share.ok else 1


if __name__ == "__main__":
    sys.exit(main())
