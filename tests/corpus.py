"""The shared corpus of real pages and the scores of our extraction against its ground truth.

Used by ``tests/test_corpus.py`` (the quality gate) and ``bench/`` (reports and timings).
The pages live outside the repository, in ``../shared/corpus`` (override: ``PAGEVAULT_CORPUS``),
with ``MANIFEST.tsv`` and ground truth beside some pages:

- ``*.expected.json`` from trafilatura: ``with`` / ``without`` snippets that must / must not be
  in the main content (htmldate's only carry ``date``; EDGI's carry a version-pair ``label``);
- ``*.expected.html`` from mozilla/readability: the expected main-content HTML, scored as a bag
  of words (token precision / recall / F1, as the readability and trafilatura evaluations do).

Apart from the loaders and ``timed_parse``, everything here is pure: text in, numbers out.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from statistics import fmean
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from pagevault import parse_html
from pagevault.model import Snapshot

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
CORPUS_ENV = "PAGEVAULT_CORPUS"
MANIFEST_NAME = "MANIFEST.tsv"
FLOOR_FILE = REPO_ROOT / "tests" / "quality_floor.json"


class CorpusMissingError(FileNotFoundError):
    """The corpus directory or its manifest is not where the tests look for it."""


# --- the manifest -------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusEntry:
    """One page of the corpus, as described by a row of ``MANIFEST.tsv``."""

    file: str
    page: Path
    url: str | None
    raw_url: str
    language: str
    kind: str
    repo: str
    repo_path: str
    ground_truth: tuple[Path, ...]
    notes: str


def corpus_dir() -> Path:
    """Where the corpus is: ``$PAGEVAULT_CORPUS`` if set, else ``../shared/corpus``."""
    override = os.environ.get(CORPUS_ENV)
    return Path(override) if override else DEFAULT_CORPUS


def load_manifest(directory: Path | None = None) -> tuple[CorpusEntry, ...]:
    """Every page of the manifest, in manifest order; fails loudly if the corpus is absent."""
    directory = directory or corpus_dir()
    manifest = directory / MANIFEST_NAME
    if not manifest.is_file():
        raise CorpusMissingError(
            f"corpus manifest not found: {manifest} — the corpus tests need the shared corpus "
            f"at ../shared/corpus next to the repository, or set {CORPUS_ENV}=/path/to/corpus"
        )
    with manifest.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    return tuple(_entry_from_row(row, directory) for row in rows)


def _entry_from_row(row: dict[str, str], directory: Path) -> CorpusEntry:
    names = (name.strip() for name in row["ground_truth_file"].split(";"))
    ground_truth = tuple(directory / name for name in names if name and name != "none")
    return CorpusEntry(
        file=row["file"],
        page=directory / row["file"],
        url=usable_url(row["site/url"]),
        raw_url=row["site/url"],
        language=row["language"],
        kind=row["kind"],
        repo=row["repo"],
        repo_path=row["path"],
        ground_truth=ground_truth,
        notes=row["notes"],
    )


def usable_url(raw: str) -> str | None:
    """An absolute http(s) URL from the manifest's URL column, or None.

    The column holds notes as well as URLs: ``http://tech.qq.com/ (article URL not recorded)``,
    protocol-relative ``//us.yahoo.com/news/``, or a bare path ``/nouvelle/...`` (no host: None).
    """
    words = raw.split()
    if not words:
        return None
    candidate = words[0]
    if candidate.startswith("//"):
        candidate = "https:" + candidate
    parts = urlsplit(candidate)
    if parts.scheme in ("http", "https") and parts.netloc:
        return candidate
    return None


def timed_parse(entry: CorpusEntry) -> tuple[Snapshot, float]:
    """``parse_html`` on the page's bytes and URL, and the seconds it took."""
    data = entry.page.read_bytes()
    start = time.perf_counter()
    snapshot = parse_html(data, entry.url)
    return snapshot, time.perf_counter() - start


# --- ground truth -------------------------------------------------------------------------


@dataclass(frozen=True)
class GroundTruth:
    """What the sources say about one page; empty fields mean "not given"."""

    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    date: str | None = None
    label: str | None = None
    expected_text: str | None = None

    @property
    def scores_text(self) -> bool:
        """True if the page has main-content ground truth (snippets or expected HTML)."""
        return bool(self.with_snippets or self.without_snippets or self.expected_text is not None)


def load_ground_truth(entry: CorpusEntry) -> GroundTruth:
    """Merge the ground-truth files of a page (metadata-only files are ignored)."""
    truth = GroundTruth()
    for path in entry.ground_truth:
        if path.name.endswith(".expected.html"):
            truth = replace(truth, expected_text=html_text(path.read_text(encoding="utf-8")))
        elif path.name.endswith(".expected.json"):
            truth = _merge_json(truth, json.loads(path.read_text(encoding="utf-8")))
    return truth


def _merge_json(truth: GroundTruth, data: dict[str, Any]) -> GroundTruth:
    return replace(
        truth,
        with_snippets=tuple(data.get("with", ())),
        without_snippets=tuple(data.get("without", ())),
        date=data.get("date") or None,
        label=data.get("label") or None,
    )


# Block elements get whitespace around them so that "<p>a</p><p>b</p>" reads "a b", not "ab".
_BLOCK_TAGS = (
    "address,article,aside,blockquote,br,dd,div,dl,dt,figcaption,figure,footer,h1,h2,h3,h4,h5,"
    "h6,header,hr,li,main,nav,ol,p,pre,section,table,td,th,tr,ul"
)


def html_text(html: str) -> str:
    """The visible text of an HTML fragment, block elements separated by whitespace."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "noscript", "template"])
    root = tree.body or tree.root
    if root is None:
        return ""
    for node in root.css(_BLOCK_TAGS):
        node.insert_before(" ")
        node.insert_after(" ")
    return root.text()


# --- text of a snapshot and normalisation -------------------------------------------------


def snapshot_text(snapshot: Snapshot) -> str:
    """The body text of a snapshot: section headings, paragraphs and items, one per line."""
    lines: list[str] = []
    for section in snapshot.sections:
        lines.extend((section.heading, *section.paragraphs, *section.items))
    return "\n".join(line for line in lines if line)


_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛′`´‹›", "'") | dict.fromkeys("“”„‟″«»", '"'))
# Soft hyphens, zero-width spaces/joiners and BOMs are invisible on the page.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_WHITESPACE = re.compile(r"\s+")  # str patterns match U+00A0, U+202F and the other Unicode spaces


def normalise(text: str) -> str:
    """Compare-ready text: one quote style, NFKC, casefolded, whitespace collapsed."""
    text = text.translate(_QUOTES).translate(_INVISIBLE)
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WHITESPACE.sub(" ", text).strip()


# Han and kana are written without spaces: each character counts as one token.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])\w)+")


def tokenise(text: str) -> list[str]:
    """Word tokens of normalised text (single characters for Chinese and Japanese)."""
    return _TOKEN.findall(normalise(text))


# --- per-page scores ----------------------------------------------------------------------


@dataclass(frozen=True)
class SnippetScore:
    """How a body text fares against trafilatura's ``with`` / ``without`` snippets."""

    with_recall: float | None
    without_leak: float | None
    missed: tuple[str, ...] = ()
    leaked: tuple[str, ...] = ()


@dataclass(frozen=True)
class TokenScore:
    """Bag-of-words agreement of a body text with an expected text."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score_snippets(
    body: str, with_snippets: Sequence[str], without_snippets: Sequence[str]
) -> SnippetScore:
    """Share of ``with`` snippets found in ``body`` and share of ``without`` ones found wrongly."""
    text = normalise(body)
    missed = tuple(s for s in with_snippets if normalise(s) not in text)
    leaked = tuple(s for s in without_snippets if normalise(s) in text)
    return SnippetScore(
        with_recall=_share(len(with_snippets) - len(missed), len(with_snippets)),
        without_leak=_share(len(leaked), len(without_snippets)),
        missed=missed,
        leaked=leaked,
    )


def score_tokens(body: str, expected: str) -> TokenScore:
    """Token precision and recall of ``body`` against ``expected``, counted as multisets.

    Empty against empty is a perfect score; an empty body against a non-empty expectation
    scores zero on both counts.
    """
    ours, theirs = Counter(tokenise(body)), Counter(tokenise(expected))
    common = (ours & theirs).total()
    if not ours and not theirs:
        return TokenScore(precision=1.0, recall=1.0)
    return TokenScore(
        precision=common / ours.total() if ours else 0.0,
        recall=common / theirs.total() if theirs else 1.0,
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def date_matches(published: str | None, expected: str | None) -> bool | None:
    """Whether the snapshot's publication day is the expected one (None: nothing expected)."""
    if not expected:
        return None
    return published is not None and published[:10] == expected[:10]


@dataclass(frozen=True)
class PageScore:
    """Every score of one page, plus what helps to explain it."""

    file: str
    language: str
    snippets: SnippetScore | None
    tokens: TokenScore | None
    date_match: bool | None
    sections: int
    statistics: int
    published: str | None = None
    error: str | None = None


def score_page(
    entry: CorpusEntry, truth: GroundTruth, snapshot: Snapshot | None, error: str | None = None
) -> PageScore:
    """Score a page's snapshot; a page that failed to parse (None) scores as an empty body."""
    body = snapshot_text(snapshot) if snapshot is not None else ""
    has_snippets = bool(truth.with_snippets or truth.without_snippets)
    return PageScore(
        file=entry.file,
        language=entry.language,
        snippets=score_snippets(body, truth.with_snippets, truth.without_snippets)
        if has_snippets
        else None,
        tokens=score_tokens(body, truth.expected_text) if truth.expected_text is not None else None,
        date_match=date_matches(snapshot.published if snapshot else None, truth.date),
        sections=len(snapshot.sections) if snapshot else 0,
        statistics=len(snapshot.statistics) if snapshot else 0,
        published=snapshot.published if snapshot else None,
        error=error,
    )


# --- aggregates and the floor -------------------------------------------------------------


@dataclass(frozen=True)
class Aggregates:
    """Corpus-wide means; None where no page has the ground truth for it."""

    with_recall: float | None
    without_leak: float | None
    readability_precision: float | None
    readability_recall: float | None
    readability_f1: float | None
    date_accuracy: float | None
    counts: dict[str, int] = field(default_factory=dict)


def aggregate(scores: Iterable[PageScore]) -> Aggregates:
    """Mean of each score over the pages that have it."""
    scores = list(scores)
    recalls = [s.snippets.with_recall for s in scores if s.snippets]
    leaks = [s.snippets.without_leak for s in scores if s.snippets]
    tokens = [s.tokens for s in scores if s.tokens]
    dates = [float(s.date_match) for s in scores if s.date_match is not None]
    return Aggregates(
        with_recall=_mean(recalls),
        without_leak=_mean(leaks),
        readability_precision=_mean(t.precision for t in tokens),
        readability_recall=_mean(t.recall for t in tokens),
        readability_f1=_mean(t.f1 for t in tokens),
        date_accuracy=_mean(dates),
        counts={
            "pages": len(scores),
            "with": sum(r is not None for r in recalls),
            "without": sum(v is not None for v in leaks),
            "readability": len(tokens),
            "date": len(dates),
        },
    )


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


@dataclass(frozen=True)
class Floor:
    """The pinned quality floor (``tests/quality_floor.json``)."""

    with_recall_min: float
    without_leak_max: float
    readability_f1_min: float
    tolerance: float
    date_accuracy_min: float = 0.0  # share of pages with a ground-truth date found right


def load_floor(path: Path = FLOOR_FILE) -> Floor:
    """The floor as pinned; the file's ``about`` key explains it to humans."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Floor(
        with_recall_min=data["with_recall_min"],
        without_leak_max=data["without_leak_max"],
        readability_f1_min=data["readability_f1_min"],
        tolerance=data["tolerance"],
        date_accuracy_min=data.get("date_accuracy_min", 0.0),
    )


FLOOR_ABOUT = (
    "Quality floor of the corpus gate (tests/test_corpus.py): means over the corpus pages with "
    "ground truth. The gate fails when a mean misses its bound by more than `tolerance`, a "
    "slack for tiny platform differences (lexbor build, Unicode tables), not for regressions. "
    "Re-pin after an intended change with `python bench/quality.py --pin`, which rounds each "
    "current mean to 0.01 toward the safe side (minimums down, the maximum up)."
)
DEFAULT_TOLERANCE = 0.005


def pinned_floor(found: Aggregates, tolerance: float = DEFAULT_TOLERANCE) -> Floor:
    """A floor at the current means, rounded to 0.01 toward the safe side."""
    leak = found.without_leak
    return Floor(
        with_recall_min=_round_down(found.with_recall or 0.0),
        without_leak_max=_round_up(1.0 if leak is None else leak),
        readability_f1_min=_round_down(found.readability_f1 or 0.0),
        tolerance=tolerance,
        date_accuracy_min=_round_down(found.date_accuracy or 0.0),
    )


def floor_json(floor: Floor) -> str:
    """The floor file's content, with its explanation."""
    return json.dumps({**asdict(floor), "about": FLOOR_ABOUT}, indent=2) + "\n"


def _round_down(value: float) -> float:
    # round() first so that 0.29 (28.999... hundredths in binary) stays 0.29
    return max(0.0, math.floor(round(value * 100, 6)) / 100)


def _round_up(value: float) -> float:
    return min(1.0, math.ceil(round(value * 100, 6)) / 100)


def floor_violations(found: Aggregates, floor: Floor) -> list[str]:
    """One line per mean that misses its bound by more than the tolerance."""
    checks = [
        ("mean with_recall", found.with_recall, floor.with_recall_min, 1),
        ("mean without_leak", found.without_leak, floor.without_leak_max, -1),
        ("mean readability F1", found.readability_f1, floor.readability_f1_min, 1),
        ("date accuracy", found.date_accuracy, floor.date_accuracy_min, 1),
    ]
    return [
        problem
        for name, value, bound, direction in checks
        if (problem := _violation(name, value, bound, direction, floor.tolerance))
    ]


def _violation(
    name: str, value: float | None, bound: float, direction: int, tolerance: float
) -> str | None:
    """direction 1: value must not drop below bound; -1: must not rise above it."""
    if value is None:
        return f"{name}: no page has ground truth for it"
    if direction * (value - bound) >= -tolerance:
        return None
    relation = "<" if direction > 0 else ">"
    return f"{name} = {value:.3f} {relation} bound {bound:.2f} (tolerance {tolerance})"


def worst_pages(scores: Iterable[PageScore], count: int = 5) -> list[PageScore]:
    """The pages with the lowest quality, worst first (see ``page_quality``).

    Among equals, content lost ranks worse than boilerplate kept.
    """
    rated = [s for s in scores if page_quality(s) is not None]
    return sorted(rated, key=lambda s: (page_quality(s), _content_recall(s), s.file))[:count]


def _content_recall(score: PageScore) -> float:
    if score.snippets and score.snippets.with_recall is not None:
        return score.snippets.with_recall
    return score.tokens.recall if score.tokens else 1.0


def page_quality(score: PageScore) -> float | None:
    """One number per page, 0 (bad) to 1 (good): mean of with_recall, 1 - leak, and token F1."""
    parts: list[float | None] = [score.tokens.f1 if score.tokens else None]
    if score.snippets:
        leak = score.snippets.without_leak
        parts += [score.snippets.with_recall, None if leak is None else 1 - leak]
    return _mean(parts)


def describe(score: PageScore) -> str:
    """A one-line account of a page's scores, naming missed and leaked snippets."""
    bits = [f"{score.file} [{score.language}] sections={score.sections}"]
    if score.error:
        bits.append(f"error={score.error}")
    if score.snippets:
        bits.append(f"with_recall={_fmt(score.snippets.with_recall)}")
        bits.append(f"without_leak={_fmt(score.snippets.without_leak)}")
        bits += [f"missed={s!r}" for s in score.snippets.missed]
        bits += [f"leaked={s!r}" for s in score.snippets.leaked]
    if score.tokens:
        t = score.tokens
        bits.append(f"tokens P={t.precision:.2f} R={t.recall:.2f} F1={t.f1:.2f}")
    return " ".join(bits)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
