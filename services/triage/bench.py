"""Measure triage throughput and latency on one core: `python -m services.triage.bench`.

Classifies every message of both data parts, repeated, after a warm-up pass. The main number
clears the tokenization cache before each message, so Sudachi tokenizes every message. A
second run keeps the cache, as the service does for repeated texts, and a third runs the rules
without the learned model. Prints the results and writes them into the "Triage" section of
docs/benchmarks.md.
"""

import argparse
import os
import platform
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sudachipy

from benchmarks.report import BENCHMARKS_PAGE, write_section
from services.triage import morphology
from services.triage.classifier import by_rules, classify, read
from services.triage.dataset import PARTS, load_part

SECTION_TITLE = "## Triage"
DEFAULT_REPEAT = 20
COMMAND = ".venv/bin/python -m services.triage.bench"


@dataclass(frozen=True)
class Run:
    name: str
    messages: int
    seconds: float
    p50_us: float
    p99_us: float

    @property
    def per_second(self) -> float:
        return self.messages / self.seconds


def pin_to_one_core() -> str:
    """Pin this process to one CPU so the numbers are single-core; return what was done."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def classify_by_rules(text: str) -> None:
    reading = read(text)
    if reading is not None:
        by_rules(reading)


def measure(
    name: str,
    texts: list[str],
    before_each: Callable[[], None],
    classifier: Callable[[str], object] = classify,
) -> Run:
    durations = []
    # NOTE: messages/s includes the time of before_each (the cache clear), so it slightly
    # understates the rate of classify alone. p50 and p99 time classify only.
    started = time.perf_counter()
    for text in texts:
        before_each()
        begin = time.perf_counter_ns()
        classifier(text)
        durations.append(time.perf_counter_ns() - begin)
    seconds = time.perf_counter() - started
    quantiles = statistics.quantiles(durations, n=100)
    return Run(name, len(texts), seconds, quantiles[49] / 1000, quantiles[98] / 1000)


def run_benchmark(repeat: int) -> tuple[list[Run], int]:
    texts = [example.text for part in PARTS for example in load_part(part)]
    for text in texts:
        # Warm-up: loads the dictionary, builds the lexicon indexes and fills CPU caches.
        classify(text)
    workload = texts * repeat
    uncached = measure("uncached", workload, morphology.tokenize.cache_clear)
    morphology.tokenize.cache_clear()
    # A cycle through more distinct texts than the cache can contain would evict each text
    # before it comes back, so the cached run repeats only as many texts as fit.
    cached = measure("cached", cached_texts(texts) * repeat, lambda: None)
    rules = measure(
        "rules only, uncached", workload, morphology.tokenize.cache_clear, classify_by_rules
    )
    return [uncached, cached, rules], len(texts)


def cached_texts(texts: list[str]) -> list[str]:
    return texts[: morphology.TOKEN_CACHE_SIZE]


def cpu_model() -> str:
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return platform.processor() or "unknown CPU"
    match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    return match.group(1).strip() if match else "unknown CPU"


def format_section(runs: list[Run], distinct: int, repeat: int, pinning: str) -> str:
    lines = [
        SECTION_TITLE,
        "",
        f"Command: `{COMMAND}` (measured {datetime.now(UTC):%Y-%m-%d}).",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu_model()}), Linux {platform.release()}, "
        f"Python {platform.python_version()}, SudachiPy {sudachipy.__version__} with "
        f"sudachidict-core; the process was {pinning}.",
        "",
        f"Workload: the {distinct} messages of tests/data/triage (tune and held-out), "
        f'repeated {repeat} times after one warm-up pass. "uncached" clears the '
        "tokenization cache before every message, so each one is tokenized by Sudachi; "
        f'"cached" keeps it and repeats the first {min(distinct, morphology.TOKEN_CACHE_SIZE)} '
        "messages, as many as fit in the cache, so repeats of a text skip Sudachi. "
        '"rules only" skips the learned model and its word vectors, to show what they cost.',
        "",
        "| run | messages | messages/s | p50 per message | p99 per message |",
        "|---|---|---|---|---|",
    ]
    for run in runs:
        lines.append(
            f"| {run.name} | {run.messages} | {run.per_second:,.0f} | "
            f"{run.p50_us:.0f} µs | {run.p99_us:.0f} µs |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=DEFAULT_REPEAT, help="times the data set is classified"
    )
    parser.add_argument(
        "--no-write", action="store_true", help="print only; leave docs/benchmarks.md as it is"
    )
    args = parser.parse_args(argv)
    pinning = pin_to_one_core()
    runs, distinct = run_benchmark(args.repeat)
    section = format_section(runs, distinct, args.repeat, pinning)
    print(section)
    if not args.no_write:
        write_section("triage", section)
        print(f"wrote the Triage section of {BENCHMARKS_PAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
