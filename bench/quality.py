"""Extraction quality on the shared corpus: per-page scores and the means the test gate checks.

    python bench/quality.py           per-page table, means by ground-truth source, floor check
    python bench/quality.py --json    the same as JSON on stdout
    python bench/quality.py --pin     write the current means to tests/quality_floor.json

Exit status: 0 when the means keep the pinned floor (or after --pin), 1 when they do not.
Scoring is shared with the test gate: see tests/corpus.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

# Run as a script, the repository root is not on sys.path; `tests` is a package in it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import (
    FLOOR_FILE,
    Aggregates,
    CorpusEntry,
    CorpusMissingError,
    PageScore,
    aggregate,
    describe,
    floor_json,
    floor_violations,
    load_floor,
    load_ground_truth,
    load_manifest,
    page_quality,
    pinned_floor,
    score_page,
    worst_pages,
)

from pagevault import parse_html


def score_corpus(entries: tuple[CorpusEntry, ...]) -> list[PageScore]:
    """Parse and score every page; a page that fails to parse scores as an empty body."""
    return [_score_entry(entry) for entry in entries]


def _score_entry(entry: CorpusEntry) -> PageScore:
    truth = load_ground_truth(entry)
    try:
        snapshot = parse_html(entry.page.read_bytes(), entry.url)
    except Exception as error:  # a report must cover every page, failing ones included
        return score_page(entry, truth, None, f"{type(error).__name__}: {error}")
    return score_page(entry, truth, snapshot)


def by_source(entries: tuple[CorpusEntry, ...], scores: list[PageScore]) -> dict[str, Aggregates]:
    """Means per source repository of the ground truth (trafilatura, readability, htmldate...)."""
    groups: dict[str, list[PageScore]] = defaultdict(list)
    for entry, score in zip(entries, scores, strict=True):
        groups[entry.repo].append(score)
    return {repo: aggregate(group) for repo, group in sorted(groups.items())}


# --- text output --------------------------------------------------------------------------

COLUMNS = "{:<52} {:<4} {:>6} {:>6} {:>5} {:>5} {:>5} {:>5} {:>4} {:>4}"


def print_table(scores: list[PageScore]) -> None:
    print(COLUMNS.format("file", "lang", "with", "leak", "P", "R", "F1", "date", "#sec", "#stat"))
    for score in scores:
        print(COLUMNS.format(*_row(score)))
        if score.error:
            print(f"    error: {score.error}")


def _row(score: PageScore) -> list[str]:
    snippets, tokens = score.snippets, score.tokens
    return [
        score.file[:52],
        score.language,
        _num(snippets.with_recall if snippets else None),
        _num(snippets.without_leak if snippets else None),
        _num(tokens.precision if tokens else None),
        _num(tokens.recall if tokens else None),
        _num(tokens.f1 if tokens else None),
        _date_cell(score),
        str(score.sections),
        str(score.statistics),
    ]


def _date_cell(score: PageScore) -> str:
    if score.date_match is None:
        return "-"
    if score.date_match:
        return "ok"
    return "none" if score.published is None else "MISS"


MEANS = "{:<48} {:>5} | {:>4} {:>5} {:>5} | {:>4} {:>5} {:>5} {:>5} | {:>4} {:>5}"


def print_means(groups: dict[str, Aggregates]) -> None:
    """Means per ground-truth source; n = pages that have the ground truth for the column."""
    print(MEANS.format("source", "pages", "n", "with", "leak", "n", "P", "R", "F1", "n", "date"))
    for label, found in groups.items():
        n = found.counts
        cells = [
            n["with"],
            _num(found.with_recall),
            _num(found.without_leak),
            n["readability"],
            _num(found.readability_precision),
            _num(found.readability_recall),
            _num(found.readability_f1),
            n["date"],
            _num(found.date_accuracy),
        ]
        print(MEANS.format(label[:48], n["pages"], *cells))


def print_report(
    entries: tuple[CorpusEntry, ...], scores: list[PageScore], problems: list[str]
) -> None:
    print_table(scores)
    print()
    print_means({**by_source(entries, scores), "ALL": aggregate(scores)})
    print("\nworst pages:")
    for score in worst_pages(scores):
        print(f"  {page_quality(score):.2f}  {describe(score)}")
    print(f"\nfloor ({FLOOR_FILE.name}): " + ("FAIL" if problems else "PASS"))
    for problem in problems:
        print(f"  {problem}")


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


# --- JSON output and pinning --------------------------------------------------------------


def report_json(
    entries: tuple[CorpusEntry, ...], scores: list[PageScore], problems: list[str]
) -> dict[str, Any]:
    return {
        "pages": [{**asdict(s), "quality": page_quality(s)} for s in scores],
        "aggregates": asdict(aggregate(scores)),
        "by_source": {repo: asdict(found) for repo, found in by_source(entries, scores).items()},
        "floor": asdict(load_floor()),
        "violations": problems,
    }


def pin(scores: list[PageScore]) -> None:
    floor = pinned_floor(aggregate(scores))
    FLOOR_FILE.write_text(floor_json(floor), encoding="utf-8")
    print(f"pinned {FLOOR_FILE}: {json.dumps(asdict(floor))}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--pin", action="store_true", help=f"write the means to {FLOOR_FILE}")
    args = parser.parse_args(argv)
    try:
        entries = load_manifest()
    except CorpusMissingError as error:
        print(error, file=sys.stderr)
        return 2
    scores = score_corpus(entries)
    if args.pin:
        pin(scores)
        return 0
    problems = floor_violations(aggregate(scores), load_floor())
    if args.json:
        print(json.dumps(report_json(entries, scores, problems), indent=2, ensure_ascii=False))
    else:
        print_report(entries, scores, problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
