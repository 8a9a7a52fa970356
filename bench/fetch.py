"""Speed of `pagevault fetch` against a bare httpx script, on a loopback site.

    python bench/fetch.py [--repeat N] [--urls N] [--concurrency N] [--startup-repeat N]
                          [--env-bytecode] [--json]

A site in its own process (bench/loopback_site.py, on 127.0.0.1) serves N URLs (default 500),
/p/0 ... /p/N-1, each a page of the shared corpus (cycling through the manifest) as text/html;
/robots.txt is 404 (everything allowed). Every command below runs as a subprocess, so
interpreter start-up counts on both sides, and its wall time is measured; the sides are
interleaved (in rotating order) so machine noise hits them alike, and each figure is a median.
  (1) throughput, --repeat runs (default 3), a fresh store or directory each run:
      `pagevault fetch --delay 0 --store DIR -i urls.txt` (fetch, durable store, isolated parse,
      index) against a bare httpx.AsyncClient script fetching the same URLs with the same
      concurrency (default 8, pagevault's default) and writing each body to a file;
      target: pagevault's throughput at least MIN_THROUGHPUT_RATIO of the bare script's.
  (2) cold start, --startup-repeat runs (default 9): `pagevault --help` against `python -c pass`;
      target: at most MAX_COLD_START_RATIO times as long.
  (3) one page, --startup-repeat runs: `pagevault fetch --delay 0 --store DIR URL` against the
      bare script fetching that one URL; target: at most MAX_ONE_PAGE_RATIO times as long.
The politeness delay is 0 (the default of 1 s per host would time the sleeping).
Each run writes into a directory of its own, kept until the benchmark ends: removing a run's
files just before the next run is timed slowed that run down (measured here, 500 URLs: the
fetching process's system time 0.9-1.4 s after no removal, 1.0-2.1 s right after removing a
store of ~2000 files; the file system scans recently freed inodes when it allocates new ones).
Bytecode: the commands run with a private bytecode cache (PYTHONPYCACHEPREFIX in a temporary
directory, PYTHONDONTWRITEBYTECODE unset), filled by untimed warm-up runs, so both sides start
as an installed package does; where PYTHONDONTWRITEBYTECODE=1 is set, an editable install
would otherwise compile pagevault's modules afresh at every start. --env-bytecode keeps the
environment's setting instead. The whole run gives up after TIME_BUDGET seconds.
The exit status is 1 when a target is missed or a run fails, 2 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Run as a script, the repository root is not on sys.path; `tests` is a package in it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import CorpusMissingError, load_manifest

MIN_THROUGHPUT_RATIO = 0.5  # pagevault URLs/s / bare URLs/s, at least
MAX_COLD_START_RATIO = 10.0  # `pagevault --help` time / `python -c pass` time, at most
MAX_ONE_PAGE_RATIO = 1.5  # one-page `pagevault fetch` time / bare one-page time, at most
SITE_SCRIPT = Path(__file__).resolve().with_name("loopback_site.py")
SITE_START_TIMEOUT = 30.0  # seconds for the site to read the corpus and listen
RUN_TIMEOUT = 120.0  # seconds for one timed command, at most
STARTUP_TIMEOUT = 30.0
TIME_BUDGET = 280.0  # seconds for the whole benchmark, at most

# The peer: what any script that fetches pages and keeps their bodies has to do, no more.
BARE_SCRIPT = """\
import asyncio
import sys
from pathlib import Path

import httpx


async def main(out: Path, concurrency: int, urls: list[str]) -> int:
    todo = list(enumerate(urls))
    todo.reverse()
    failures = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=60.0) as client:

        async def worker() -> None:
            while todo:
                index, url = todo.pop()
                response = await client.get(url)
                if response.status_code != 200:
                    failures.append(f"{url}: HTTP {response.status_code}")
                (out / f"{index}.html").write_bytes(response.content)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


out, concurrency, url_file = sys.argv[1:]
urls = Path(url_file).read_text().split()
sys.exit(asyncio.run(main(Path(out), int(concurrency), urls)))
"""


# --- running and timing commands ----------------------------------------------------------


class RunFailed(Exception):
    """A timed command exited non-zero or timed out: its figures would mean nothing."""


def run_timed(command: list[str], timeout: float, env: dict[str, str]) -> float:
    """Wall seconds of one run of `command`; RunFailed unless it exits 0 in time."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RunFailed(f"{_show(command)}: no end within {timeout:g}s") from None
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise RunFailed(f"{_show(command)}: exit {done.returncode}: {' | '.join(tail)}")
    return seconds


def environment(bytecode_cache: Path | None) -> dict[str, str]:
    """The commands' environment; with a cache directory, bytecode is written and read there."""
    env = dict(os.environ)
    env.pop("PAGEVAULT_STORE", None)  # every run names its own store
    if bytecode_cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode_cache)
    return env


def _show(command: list[str]) -> str:
    shown = " ".join(Path(command[0]).name if i == 0 else part for i, part in enumerate(command))
    return shown if len(shown) <= 120 else shown[:117] + "..."


@dataclass
class Side:
    """One side of a comparison: its command (built fresh for each run) and its samples."""

    name: str
    command: Callable[[Path], list[str]]  # given a fresh empty directory for the run
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None


@dataclass(frozen=True)
class Runner:
    """Where and how the timed commands run."""

    scratch: Path  # each run gets a fresh directory in here, removed with it at the end
    env: dict[str, str]
    deadline: float  # time.monotonic() at which the whole benchmark gives up

    def compare(self, sides: list[Side], runs: int, timeout: float) -> None:
        """Run every side `runs` times, interleaved in rotating order."""
        for run in range(runs):
            for side in sides[run % len(sides) :] + sides[: run % len(sides)]:
                left = self.deadline - time.monotonic()
                if left <= 0:
                    raise RunFailed(f"time budget of {TIME_BUDGET:g}s used up ({side.name})")
                directory = Path(tempfile.mkdtemp(dir=self.scratch))
                command = side.command(directory)
                side.samples.append(run_timed(command, min(timeout, left), self.env))


# --- the loopback site --------------------------------------------------------------------


@contextmanager
def loopback_site(urls: int, scratch: Path) -> Iterator[str]:
    """Start bench/loopback_site.py in its own process; yield its base URL; always stop it."""
    log = scratch / "site.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [sys.executable, str(SITE_SCRIPT), "--urls", str(urls)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
    try:
        yield f"http://127.0.0.1:{_ready_port(process, log)}"
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        if process.stdout is not None:
            process.stdout.close()


def _ready_port(process: subprocess.Popen[bytes], log: Path) -> int:
    assert process.stdout is not None
    readable, _, _ = select.select([process.stdout], [], [], SITE_START_TIMEOUT)
    line = process.stdout.readline().decode() if readable else ""
    if not line.startswith("ready "):
        process.poll()
        detail = log.read_text("utf-8", "replace").strip() or "no output"
        raise RunFailed(f"loopback site did not start (exit {process.returncode}): {detail}")
    return int(line.split()[1])


# --- the benchmark ------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """Medians of two sides and their ratio against a target."""

    name: str
    subject: str
    peer: str
    subject_s: float | None
    peer_s: float | None
    samples: dict[str, list[float]]
    ratio: float | None
    target: str
    ok: bool


def throughput(subject: Side, peer: Side) -> Comparison:
    """URLs/s of `subject` over URLs/s of `peer` (the same URLs): peer time / subject time."""
    ratio = peer.median / subject.median if subject.median and peer.median else None
    ok = ratio is not None and ratio >= MIN_THROUGHPUT_RATIO
    return _comparison("throughput", subject, peer, ratio, f">= {MIN_THROUGHPUT_RATIO:g}x", ok)


def time_ratio(name: str, subject: Side, peer: Side, maximum: float) -> Comparison:
    ratio = subject.median / peer.median if subject.median and peer.median else None
    ok = ratio is not None and ratio <= maximum
    return _comparison(name, subject, peer, ratio, f"<= {maximum:g}x", ok)


def _comparison(
    name: str, subject: Side, peer: Side, ratio: float | None, target: str, ok: bool
) -> Comparison:
    return Comparison(
        name=name,
        subject=subject.name,
        peer=peer.name,
        subject_s=subject.median,
        peer_s=peer.median,
        samples={subject.name: subject.samples, peer.name: peer.samples},
        ratio=ratio,
        target=target,
        ok=ok,
    )


@dataclass
class Report:
    urls: int
    concurrency: int
    repeat: int
    startup_repeat: int
    corpus_pages: int
    bytecode_cache: bool
    comparisons: list[Comparison] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        complete = len(self.comparisons) == 3
        return complete and not self.failures and all(c.ok for c in self.comparisons)


@dataclass(frozen=True)
class Commands:
    """The commands compared, against the site at `base`."""

    pagevault: list[str]  # the installed script
    bare: list[str]  # the bare httpx script
    concurrency: int
    url_file: Path  # every URL of the site, one a line
    one_url: str
    one_file: Path  # one_url alone

    def pagevault_fetch(self, store: Path, *targets: str) -> list[str]:
        delay = ["--delay", "0", "--concurrency", str(self.concurrency)]
        return [*self.pagevault, "fetch", *delay, "--store", str(store), *targets]

    def sides(self) -> dict[str, list[Side]]:
        many, one = ["-i", str(self.url_file)], [self.one_url]
        width = str(self.concurrency)
        return {
            "throughput": [
                Side("pagevault fetch", lambda d: self.pagevault_fetch(d / "store", *many)),
                Side("bare httpx", lambda d: [*self.bare, str(d), width, str(self.url_file)]),
            ],
            "cold start": [
                Side("pagevault --help", lambda d: [*self.pagevault, "--help"]),
                Side("python -c pass", lambda d: [sys.executable, "-c", "pass"]),
            ],
            "one page": [
                Side("pagevault fetch", lambda d: self.pagevault_fetch(d / "store", *one)),
                Side("bare httpx", lambda d: [*self.bare, str(d), width, str(self.one_file)]),
            ],
        }


def benchmark(args: argparse.Namespace, corpus_pages: int) -> Report:
    report = Report(
        args.urls,
        args.concurrency,
        args.repeat,
        args.startup_repeat,
        corpus_pages,
        bytecode_cache=not args.env_bytecode,
    )
    pagevault = _pagevault_command()
    deadline = time.monotonic() + TIME_BUDGET
    with tempfile.TemporaryDirectory(prefix="pagevault-bench-fetch-") as name:
        scratch = Path(name)
        cache = None if args.env_bytecode else scratch / "pycache"
        runner = Runner(scratch, environment(cache), deadline)
        try:
            with loopback_site(args.urls, scratch) as base:
                commands = _commands(scratch, base, pagevault, args)
                _measure(runner, commands, args, report)
        except RunFailed as error:
            report.failures.append(str(error))
    return report


def _commands(scratch: Path, base: str, pagevault: list[str], args: argparse.Namespace) -> Commands:
    bare = scratch / "bare.py"
    bare.write_text(BARE_SCRIPT)
    url_file = scratch / "urls.txt"
    url_file.write_text("".join(f"{base}/p/{i}\n" for i in range(args.urls)))
    one_url = f"{base}/p/0"
    one_file = scratch / "one.txt"
    one_file.write_text(one_url + "\n")
    return Commands(
        pagevault=pagevault,
        bare=[sys.executable, str(bare)],
        concurrency=args.concurrency,
        url_file=url_file,
        one_url=one_url,
        one_file=one_file,
    )


def _measure(runner: Runner, commands: Commands, args: argparse.Namespace, report: Report) -> None:
    # Untimed warm-up: bytecode compiled, files in the page cache, the site awake.
    warm_up = commands.sides()
    runner.compare([*warm_up["one page"], *warm_up["cold start"]], 1, STARTUP_TIMEOUT)

    sides = commands.sides()
    runner.compare(sides["throughput"], args.repeat, RUN_TIMEOUT)
    report.comparisons.append(throughput(*sides["throughput"]))
    runner.compare(sides["cold start"], args.startup_repeat, STARTUP_TIMEOUT)
    report.comparisons.append(time_ratio("cold start", *sides["cold start"], MAX_COLD_START_RATIO))
    runner.compare(sides["one page"], args.startup_repeat, STARTUP_TIMEOUT)
    report.comparisons.append(time_ratio("one page", *sides["one page"], MAX_ONE_PAGE_RATIO))


def _pagevault_command() -> list[str]:
    """The installed `pagevault` script of this interpreter's environment (as users run it)."""
    script = Path(sys.executable).with_name("pagevault")
    if script.is_file():
        return [str(script)]
    found = shutil.which("pagevault")
    if found:
        return [found]
    raise SystemExit("bench/fetch.py needs pagevault installed: pip install -e .")


# --- summary ------------------------------------------------------------------------------


def print_summary(report: Report) -> None:
    print(
        f"loopback site: {report.urls} URLs over {report.corpus_pages} corpus pages, "
        f"concurrency {report.concurrency}, "
        f"bytecode {'cached' if report.bytecode_cache else 'as the environment sets it'}"
    )
    titles = {
        "throughput": f"{report.urls} URLs, median of {report.repeat} runs",
        "cold start": f"cold start, median of {report.startup_repeat} runs",
        "one page": f"one page, median of {report.startup_repeat} runs",
    }
    for c in report.comparisons:
        print(f"  {titles[c.name]}")
        for side, seconds in ((c.subject, c.subject_s), (c.peer, c.peer_s)):
            rate = ""
            if c.name == "throughput" and seconds:
                rate = f"   {report.urls / seconds:8.1f} URLs/s"
            print(f"    {side:<18} {_ms(seconds):>10} ms{rate}")
        label = "pagevault / bare throughput" if c.name == "throughput" else "time ratio"
        ratio = "n/a" if c.ratio is None else f"{c.ratio:.2f}x"
        print(f"    {label} = {ratio} (target {c.target})  {_verdict(c.ok)}")
    for failure in report.failures:
        print(f"  failed: {failure}")
    if report.failures:
        print("  FAIL (a run failed)")


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{1000 * seconds:.1f}"


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report_json(report: Report) -> dict[str, Any]:
    return {
        "urls": report.urls,
        "concurrency": report.concurrency,
        "repeat": report.repeat,
        "startup_repeat": report.startup_repeat,
        "corpus_pages": report.corpus_pages,
        "bytecode_cache": report.bytecode_cache,
        "targets": {
            "throughput_ratio_min": MIN_THROUGHPUT_RATIO,
            "cold_start_ratio_max": MAX_COLD_START_RATIO,
            "one_page_ratio_max": MAX_ONE_PAGE_RATIO,
        },
        "comparisons": {
            c.name: {
                "subject": c.subject,
                "peer": c.peer,
                "subject_median_s": c.subject_s,
                "peer_median_s": c.peer_s,
                "ratio": c.ratio,
                "target": c.target,
                "ok": c.ok,
                "samples_s": c.samples,
            }
            for c in report.comparisons
        },
        "failures": report.failures,
        "ok": report.ok,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="throughput runs (default 3)")
    parser.add_argument("--urls", type=int, default=500, help="URLs per run (default 500)")
    parser.add_argument(
        "--concurrency", type=int, default=8, help="requests in flight, both sides (default 8)"
    )
    parser.add_argument(
        "--startup-repeat",
        type=int,
        default=9,
        help="cold-start and one-page runs (default 9)",
    )
    parser.add_argument(
        "--env-bytecode",
        action="store_true",
        help="no private bytecode cache: keep the environment's PYTHONDONTWRITEBYTECODE",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)
    for option in ("repeat", "urls", "concurrency", "startup_repeat"):
        if getattr(args, option) < 1:
            parser.error(f"--{option.replace('_', '-')} must be at least 1")
    try:
        corpus_pages = len(load_manifest())
    except CorpusMissingError as error:
        print(error, file=sys.stderr)
        return 2
    report = benchmark(args, corpus_pages)
    if args.json:
        print(json.dumps(report_json(report), indent=2))
    else:
        print_summary(report)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
