"""Speed of pagevault.diff.diff_snapshots against difflib over the two paragraph lists.

    python bench/diff.py [--repeat N] [--json]

In one process and one run, each case is timed N times (default 21), the two engines
interleaved (in rotating order) so machine noise hits them alike; a case's time is the median.
  (a) diff     diff_snapshots(old, new), the keyed structural diff of two snapshots
  (b) difflib  difflib.SequenceMatcher(None, old_paragraphs, new_paragraphs).get_opcodes(),
               where a snapshot's paragraphs are every section's paragraphs then its items,
               in page order - the peer: a plain paragraph-level text diff
Both snapshots are parsed (pagevault.parse_html) and the paragraph lists built beforehand:
neither is timed. The cases:
  - the version pairs of the shared corpus (MANIFEST.tsv "version-series" S01, S03, S06,
    S08, S09, S10);
  - a synthetic ~50 KB NGO page (menu of 60 links, 20 sections of paragraphs full of
    figures, a "Voir aussi" block) against itself with one paragraph rewritten, and
    against itself with every figure changed.
Targets (issue 5), for every case: diff at most MAX_RATIO times the difflib time and at most
MAX_PAIR_MS per pair. The exit status is 1 when a case misses a target, 2 when the corpus is
missing.
Sanity (untimed, not a test): one extra diff per case with difflib's SequenceMatcher and
rapidfuzz's scorers wrapped, recording the largest input each is given inside pagevault.diff.
No SequenceMatcher may be handed a whole string (a character-level diff) and no rapidfuzz
input may be as long as the page's body text; the exit status is 1 otherwise.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import rapidfuzz.fuzz

# Run as a script, the repository root is not on sys.path; `tests` is a package in it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import CorpusMissingError, load_manifest

import pagevault
import pagevault.diff.breadcrumbs
import pagevault.diff.words
from pagevault.diff import diff_snapshots
from pagevault.model import Snapshot

MAX_RATIO = 3.0  # diff time / difflib time, at most
MAX_PAIR_MS = 10.0  # diff time per pair, at most
ENGINES = ("diff", "difflib")
CORPUS_PAIRS = {
    "S01": ("edgi-wmd__energy-gov-home__v1.html", "edgi-wmd__energy-gov-home__v2.html"),
    "S03": ("edgi-wmp__doi-mission-statement__a.html", "edgi-wmp__doi-mission-statement__b.html"),
    "S06": ("edgi-wmp__datagov-highlights__a.html", "edgi-wmp__datagov-highlights__b.html"),
    "S08": (
        "edgi-wmp__epa-climate-federal-partner-collab__a.html",
        "edgi-wmp__epa-climate-federal-partner-collab__b.html",
    ),
    "S09": (
        "edgi-wmp__epa-hfstudy-research__20190101033033.html",
        "edgi-wmp__epa-hfstudy-research__20190101051123.html",
    ),
    "S10": ("edgi-wmp__fws-birds__id-raw.html", "edgi-wb__fws-birds__view-mode.html"),
}
SYNTHETIC_URL = "https://exemple.org/nos-combats/exil"


@dataclass(frozen=True)
class Case:
    """Two parsed snapshots and their paragraph lists, ready to be timed."""

    name: str
    description: str
    kilobytes: tuple[float, float]
    old: Snapshot
    new: Snapshot
    old_paragraphs: list[str]
    new_paragraphs: list[str]


def paragraphs(snapshot: Snapshot) -> list[str]:
    """Every section's paragraphs then items, in page order."""
    return [text for s in snapshot.sections for text in (*s.paragraphs, *s.items)]


def make_case(name: str, description: str, old: bytes, new: bytes, url: str | None) -> Case:
    old_snapshot, new_snapshot = pagevault.parse_html(old, url), pagevault.parse_html(new, url)
    return Case(
        name=name,
        description=description,
        kilobytes=(len(old) / 1024, len(new) / 1024),
        old=old_snapshot,
        new=new_snapshot,
        old_paragraphs=paragraphs(old_snapshot),
        new_paragraphs=paragraphs(new_snapshot),
    )


def corpus_cases() -> list[Case]:
    entries = {entry.file: entry for entry in load_manifest()}
    cases = []
    for series, names in CORPUS_PAIRS.items():
        missing = [name for name in names if name not in entries]
        if missing:
            raise CorpusMissingError(f"{series}: not in the corpus manifest: {', '.join(missing)}")
        old, new = (entries[name] for name in names)
        if f"version-series {series}" not in old.notes:
            raise CorpusMissingError(f"{series}: the manifest no longer calls {old.file} that")
        label = f"{names[0]} -> {names[1]}"
        data = old.page.read_bytes(), new.page.read_bytes()
        cases.append(make_case(f"{series} {_short(old.file)}", label, *data, old.url))
    return cases


def _short(file: str) -> str:
    return file.split("__")[1] if file.count("__") == 2 else file


def synthetic_cases() -> list[Case]:
    base = ngo_page().encode()
    return [
        make_case(
            "synthetic: one paragraph",
            "50 KB NGO page, one paragraph rewritten",
            base,
            ngo_page(rewrite=(9, 2)).encode(),
            SYNTHETIC_URL,
        ),
        make_case(
            "synthetic: every figure",
            "50 KB NGO page, every figure changed",
            base,
            ngo_page(figure_shift=1).encode(),
            SYNTHETIC_URL,
        ),
    ]


# --- the synthetic page -------------------------------------------------------------------

NBSP = "\u00a0"
MENU = {
    "S’informer": "Actualités|Par pays|Rapports|Pétitions|Podcasts|Vidéos|Presse"
    "|Chiffres clés|Lexique",
    "Nos combats": "Exil|Asile|Santé|Logement|Enfance|Travail|Détention|Frontières|Égalité",
    "Agir avec nous": "Comment agir ?|Nos campagnes|Bénévolat|Groupes locaux|Événements"
    "|Formations|Écrire aux élus|Partager|Témoigner",
    "Qui sommes-nous": "Notre histoire|Nos valeurs|Gouvernance|Équipe|Rapports annuels"
    "|Transparence|Partenaires|Recrutement|Contact",
    "Ressources": "Guides pratiques|Fiches droits|Cartes|Données ouvertes|Bibliothèque"
    "|Kit militant|Enseignant·es|Traductions|FAQ",
    "Soutenir": "Faire un don|Don mensuel|Legs|Entreprises|Fondations|Reçu fiscal"
    "|Boutique|Parrainage|Collecte en ligne",
}
TOPICS = (
    "Droit d’asile",
    "Accès aux soins",
    "Hébergement d’urgence",
    "Mineur·es non accompagné·es",
    "Travailleur·euses sans papiers",
    "Centres de rétention",
    "Frontière franco-italienne",
    "Méditerranée centrale",
    "Regroupement familial",
    "Apatridie",
    "Accès à l’école",
    "Santé mentale",
    "Violences faites aux femmes exilées",
    "Procédures Dublin",
    "Aide juridique",
    "Bénévolat et groupes locaux",
    "Plaidoyer européen",
    "Financement et transparence",
    "Partenariats locaux",
    "Nos comptes 2025",
)
# Each paragraph: sentences with {figure} slots, filled from the (section, paragraph) seed.
SENTENCES = (
    "En {year}, plus de {count} personnes ont été accompagnées par nos équipes sur la "
    "question « {topic} », soit une hausse nette par rapport à l’année précédente.",
    "Selon notre enquête, {pct} des personnes reçues n’avaient eu accès à aucune information "
    "fiable avant d’arriver dans nos permanences.",
    "Le budget consacré à ce programme atteint {amount} millions d’euros, dont {pct2} "
    "proviennent de dons de particuliers.",
    "Les délais moyens d’instruction sont passés à {days} jours, contre {days2} jours il y a "
    "trois ans, ce qui laisse des familles entières sans réponse.",
    "Nos {volunteers} bénévoles ont tenu {sessions} permanences dans {cities} villes, "
    "souvent dans des locaux prêtés par des partenaires.",
    "Près de {count2} demandes d’aide juridique ont été traitées, et {pct3} ont abouti à une "
    "décision favorable après un recours.",
    "Aujourd’hui, environ {thousands} personnes attendent encore une place d’hébergement "
    "adaptée, dont une majorité de réfugié·e·s et de demandeur·euses d’asile.",
)
REWRITE = (
    "Cette année, nous avons choisi de concentrer nos moyens sur les départements où "
    "l’accueil est le plus difficile, en lien avec les collectifs qui y agissent déjà."
)


def _figures(seed: int, shift: int) -> dict[str, str]:
    draw = random.Random(seed)

    def grouped(value: int) -> str:
        return f"{value:,}".replace(",", NBSP)

    pct = [draw.randint(5, 90) + shift for _ in range(3)]
    return {
        "year": str(draw.choice((2023, 2024, 2025))),  # a year, not a figure: never shifted
        "count": grouped(draw.randint(1000, 90000) + 1000 * shift),
        "count2": grouped(draw.randint(1000, 20000) + 100 * shift),
        "thousands": grouped(draw.randint(2, 60) * 1000 + 500 * shift),
        "pct": f"{pct[0]}{NBSP}%",
        "pct2": f"{pct[1]}{NBSP}%",
        "pct3": f"{pct[2]}{NBSP}%",
        "amount": f"{draw.randint(10, 450) / 10 + shift * 0.3:.1f}".replace(".", ","),
        "days": str(draw.randint(60, 400) + 7 * shift),
        "days2": str(draw.randint(30, 200) + 3 * shift),
        "volunteers": str(draw.randint(40, 900) + 5 * shift),
        "sessions": str(draw.randint(100, 999) + 11 * shift),
        "cities": str(draw.randint(12, 80) + shift),
    }


def _paragraph(section: int, index: int, shift: int) -> str:
    figures = _figures(1000 * section + index, shift)
    topic = TOPICS[section].lower()
    picks = random.Random(section * 31 + index).sample(range(len(SENTENCES)), 3)
    return " ".join(SENTENCES[i].format(topic=topic, **figures) for i in picks)


def ngo_page(rewrite: tuple[int, int] | None = None, figure_shift: int = 0) -> str:
    """A ~50 KB French advocacy page; ``rewrite`` replaces one paragraph's last sentence,
    ``figure_shift`` moves every figure (not the years) by that many steps."""
    menu = []
    for top, children in MENU.items():
        links = "".join(
            f'<li><a href="/{top[:4].lower()}/{n}">{label}</a></li>'
            for n, label in enumerate(children.split("|"))
        )
        menu.append(f'<li><a href="/{top[:4].lower()}">{top}</a><ul>{links}</ul></li>')
    sections = []
    for s, topic in enumerate(TOPICS):
        body = []
        for p in range(5):
            text = _paragraph(s, p, figure_shift)
            if rewrite == (s, p):
                text = text[: text.rindex(". ") + 2] + REWRITE
            body.append(f"<p>{text}</p>")
        items = "".join(
            f"<li>Demande {i + 1} : garantir l’accès effectif aux droits ({topic.lower()}).</li>"
            for i in range(3)
        )
        sections.append(f"<h2>{topic}</h2>{''.join(body)}<ul>{items}</ul>")
    cards = "".join(
        f'<article class="card"><div class="card__content"><p class="card__type">Actualité</p>'
        f'<time class="card__date" datetime="2025-0{n + 1}-15">2025-0{n + 1}-15</time>'
        f'<h3 class="card__title"><a href="/actualites/{n}">{TOPICS[n]} : ce qui change '
        f"en 2026</a></h3></div></article>"
        for n in range(6)
    )
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Exil : nos combats en chiffres - Exemple</title>
<meta name="description" content="Ce que nous faisons pour les personnes exilées, en chiffres.">
<link rel="canonical" href="{SYNTHETIC_URL}"></head>
<body><header><nav id="menu-principal" aria-label="Menu principal"><ul>{"".join(menu)}</ul>
</nav></header>
<nav class="breadcrumb" aria-label="Fil d'Ariane"><ol><li><a href="/">Accueil</a></li>
<li><a href="/nos-combats">Nos combats</a></li><li><span aria-current="page">Exil</span></li>
</ol></nav>
<main id="main"><article><h1>Exil : nos combats en chiffres</h1>
<p>Chaque jour, nos équipes accompagnent des personnes exilées partout en France.</p>
{"".join(sections)}</article>
<section class="related-content" aria-labelledby="related-title">
<h2 id="related-title">Voir aussi</h2><div class="cards-grid">{cards}</div></section></main>
<footer><p>Exemple, association loi 1901.</p></footer></body></html>
"""


# --- timing -------------------------------------------------------------------------------


def engine_calls(case: Case) -> dict[str, Callable[[], object]]:
    return {
        "diff": lambda: diff_snapshots(case.old, case.new),
        "difflib": lambda: difflib.SequenceMatcher(
            None, case.old_paragraphs, case.new_paragraphs
        ).get_opcodes(),
    }


@dataclass(frozen=True)
class CaseTiming:
    name: str
    description: str
    kilobytes: tuple[float, float]
    paragraphs: tuple[int, int]
    changes: int
    diff_ms: float
    difflib_ms: float

    @property
    def ratio(self) -> float:
        return self.diff_ms / self.difflib_ms if self.difflib_ms else float("inf")

    @property
    def ratio_ok(self) -> bool:
        return self.ratio <= MAX_RATIO

    @property
    def time_ok(self) -> bool:
        return self.diff_ms <= MAX_PAIR_MS

    @property
    def ok(self) -> bool:
        return self.ratio_ok and self.time_ok


def time_case(case: Case, repeat: int) -> CaseTiming:
    calls = engine_calls(case)
    for call in calls.values():  # warm-up: lazy set-up and caches are not timed
        call()
    samples: dict[str, list[float]] = {name: [] for name in calls}
    names = list(calls)
    gc.collect()
    for run in range(repeat):
        # rotate the order each run: neither engine always runs right after the other
        for name in names[run % len(names) :] + names[: run % len(names)]:
            start = time.perf_counter()
            calls[name]()
            samples[name].append(time.perf_counter() - start)
    return CaseTiming(
        name=case.name,
        description=case.description,
        kilobytes=case.kilobytes,
        paragraphs=(len(case.old_paragraphs), len(case.new_paragraphs)),
        changes=len(diff_snapshots(case.old, case.new).changes),
        diff_ms=1000 * statistics.median(samples["diff"]),
        difflib_ms=1000 * statistics.median(samples["difflib"]),
    )


# --- sanity: what pagevault.diff hands to difflib and rapidfuzz ---------------------------


@dataclass
class Inputs:
    """The largest inputs seen by the diff's sequence matchers and similarity scorers."""

    body_chars: int = 0  # the larger side's paragraphs + items, in characters
    matcher_max_elements: int = 0  # longest sequence given to a SequenceMatcher
    matcher_string_chars: int = 0  # longest *string* given to one (a character-level diff)
    fuzz_max_chars: int = 0  # longest string given to a rapidfuzz scorer
    fuzz_calls: int = 0

    @property
    def ok(self) -> bool:
        return self.matcher_string_chars == 0 and self.fuzz_max_chars < self.body_chars


# Where pagevault.diff imported difflib.SequenceMatcher under its own name (words, breadcrumbs).
MATCHER = "SequenceMatcher"
SCORERS = ("ratio", "token_set_ratio", "token_sort_ratio", "partial_ratio", "WRatio", "QRatio")


@contextmanager
def recording(inputs: Inputs) -> Iterator[None]:
    """Wrap SequenceMatcher where pagevault.diff imported it, and the rapidfuzz scorers
    (called as ``fuzz.<scorer>`` there), for the duration; nothing in src/ is edited."""

    class RecordingMatcher(difflib.SequenceMatcher):  # type: ignore[type-arg]
        def set_seq1(self, a: Any) -> None:
            _matcher_input(inputs, a)
            super().set_seq1(a)

        def set_seq2(self, b: Any) -> None:
            _matcher_input(inputs, b)
            super().set_seq2(b)

    def scorer(original: Callable[..., float]) -> Callable[..., float]:
        def wrapped(a: Any, b: Any, *args: Any, **kwargs: Any) -> float:
            inputs.fuzz_calls += 1
            inputs.fuzz_max_chars = max(inputs.fuzz_max_chars, len(a or ""), len(b or ""))
            return original(a, b, *args, **kwargs)

        return wrapped

    modules = (pagevault.diff.words, pagevault.diff.breadcrumbs)
    saved_scorers = {name: getattr(rapidfuzz.fuzz, name) for name in SCORERS}
    try:
        for module in modules:
            setattr(module, MATCHER, RecordingMatcher)
        for name, original in saved_scorers.items():
            setattr(rapidfuzz.fuzz, name, scorer(original))
        yield
    finally:
        for module in modules:
            setattr(module, MATCHER, difflib.SequenceMatcher)
        for name, original in saved_scorers.items():
            setattr(rapidfuzz.fuzz, name, original)


def _matcher_input(inputs: Inputs, sequence: Any) -> None:
    inputs.matcher_max_elements = max(inputs.matcher_max_elements, len(sequence))
    if isinstance(sequence, str):
        inputs.matcher_string_chars = max(inputs.matcher_string_chars, len(sequence))


def diff_inputs(case: Case) -> Inputs:
    inputs = Inputs(
        body_chars=max(sum(map(len, case.old_paragraphs)), sum(map(len, case.new_paragraphs)))
    )
    with recording(inputs):
        diff_snapshots(case.old, case.new)
    return inputs


# --- report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    cases: int
    missed_ratio: list[str]
    missed_time: list[str]
    ratio_max: float
    ratio_median: float
    diff_ms_max: float
    diff_ms_median: float
    sanity_failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missed_ratio and not self.missed_time and not self.sanity_failures


def summarise(timings: list[CaseTiming], inputs: dict[str, Inputs]) -> Summary:
    ratios = [t.ratio for t in timings]
    times = [t.diff_ms for t in timings]
    return Summary(
        cases=len(timings),
        missed_ratio=[t.name for t in timings if not t.ratio_ok],
        missed_time=[t.name for t in timings if not t.time_ok],
        ratio_max=max(ratios),
        ratio_median=statistics.median(ratios),
        diff_ms_max=max(times),
        diff_ms_median=statistics.median(times),
        sanity_failures=[name for name, i in inputs.items() if not i.ok],
    )


ROW = "{:<38} {:>11} {:>11} {:>8} {:>10} {:>8} {:>8}  {}"


def print_cases(timings: list[CaseTiming]) -> None:
    print(ROW.format("case", "KB", "paragraphs", "changes", "diff ms", "difflib", "ratio", ""))
    for t in timings:
        misses = [m for m, ok in (("ratio", t.ratio_ok), ("time", t.time_ok)) if not ok]
        print(
            ROW.format(
                t.name[:38],
                f"{t.kilobytes[0]:.0f}/{t.kilobytes[1]:.0f}",
                f"{t.paragraphs[0]}/{t.paragraphs[1]}",
                t.changes,
                f"{t.diff_ms:.2f}",
                f"{t.difflib_ms:.3f}",
                f"{t.ratio:.1f}x",
                "PASS" if t.ok else "FAIL (" + ", ".join(misses) + ")",
            )
        )
    print()


def print_inputs(inputs: dict[str, Inputs]) -> None:
    print("Largest inputs inside pagevault.diff (untimed run):")
    for name, i in inputs.items():
        print(
            f"  {name[:38]:<38} matcher {i.matcher_max_elements:>5} elements"
            f" (strings: {i.matcher_string_chars} chars)   rapidfuzz {i.fuzz_max_chars:>4} chars"
            f" x {i.fuzz_calls:>6} calls   body {i.body_chars:>6} chars"
            f"  {'ok' if i.ok else 'CHARACTER-LEVEL'}"
        )
    print()


def print_summary(summary: Summary, repeat: int) -> None:
    print(f"{summary.cases} cases, median of {repeat} interleaved runs per case")
    print(
        f"  diff / difflib   median {summary.ratio_median:6.1f}x   max {summary.ratio_max:6.1f}x"
        f"   (target <= {MAX_RATIO:.0f}x per case)"
    )
    print(
        f"  diff per pair    median {summary.diff_ms_median:6.2f} ms  max "
        f"{summary.diff_ms_max:6.2f} ms  (target <= {MAX_PAIR_MS:.0f} ms per case)"
    )
    for target, missed in (("ratio", summary.missed_ratio), ("time", summary.missed_time)):
        verdict = "PASS" if not missed else f"FAIL in {len(missed)}: " + ", ".join(missed)
        print(f"  {target + ' target:':<14} {verdict}")
    sanity = "no character-level diff over a page"
    if summary.sanity_failures:
        sanity = "CHARACTER-LEVEL input in: " + ", ".join(summary.sanity_failures)
    print(f"  sanity: {sanity}")


def report_json(
    summary: Summary, timings: list[CaseTiming], inputs: dict[str, Inputs], repeat: int
) -> dict[str, Any]:
    return {
        "repeat": repeat,
        "targets": {"diff_over_difflib_max": MAX_RATIO, "diff_ms_max": MAX_PAIR_MS},
        "summary": {**asdict(summary), "ok": summary.ok},
        "cases": [
            {**asdict(t), "ratio": t.ratio, "ratio_ok": t.ratio_ok, "time_ok": t.time_ok}
            for t in timings
        ],
        "inputs": {name: {**asdict(i), "ok": i.ok} for name, i in inputs.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=21, help="timed runs per case (default 21)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        cases = corpus_cases()
    except CorpusMissingError as error:
        print(error, file=sys.stderr)
        return 2
    cases += synthetic_cases()
    timings = [time_case(case, args.repeat) for case in cases]
    inputs = {case.name: diff_inputs(case) for case in cases}
    summary = summarise(timings, inputs)
    if args.json:
        print(json.dumps(report_json(summary, timings, inputs, args.repeat), indent=2))
    else:
        print_cases(timings)
        print_inputs(inputs)
        print_summary(summary, args.repeat)
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
