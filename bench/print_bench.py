"""Printing benchmark: the time to build each document, the first one after start and warm.

Run: `.venv/bin/python bench/print_bench.py` (default 200 warm builds per document).
The first document is timed in fresh processes (import of `printing`, then the first build of
an acceptance receipt, whose font must be loaded; and the first build after `warm_up()`, as an
application that warms the printing lane at start sees it); the warm figures are the median and
p95 of N builds of each document in this process, with their CPU time. Prints each figure next
to its target; exits 0 whatever the figures (speed lives here, never in the test suite's
assertions).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from printing import DocumentKind, Paper, build, papers  # noqa: E402
from tests.printing import samples  # noqa: E402

FIRST_TARGET_MS = 300.0
WARM_TARGET_MS = 30.0
COLD_PROBE = """
import json, time
started = time.perf_counter()
import printing
from printing import DocumentKind, build
imported = time.perf_counter()
from tests.printing import samples
data = samples.receipt()
before = time.perf_counter()
build(DocumentKind.ACCEPTANCE_RECEIPT, data)
done = time.perf_counter()
print(json.dumps({"import": imported - started, "first": done - before}))
"""
WARMED_PROBE = """
import json, time
from printing import DocumentKind, build, warm_up
from tests.printing import samples
data = samples.receipt()
warm_up()
before = time.perf_counter()
build(DocumentKind.ACCEPTANCE_RECEIPT, data)
print(json.dumps({"first": time.perf_counter() - before}))
"""


def probe(code: str, runs: int) -> list[dict[str, float]]:
    """The figures (ms) a probe prints, from `runs` fresh processes."""
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        results.append({key: value * 1000 for key, value in json.loads(done.stdout).items()})
    return results


def warm(kind: DocumentKind, paper: Paper, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU build times (ms) of one document, after two builds to warm caches.

    The CPU time is what the build costs; the wall-clock time is what a clerk waits, and on a
    busy machine it is the larger.
    """
    data = samples.sample(kind)
    for _ in range(2):
        build(kind, data, paper=paper)
    wall, cpu = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        build(kind, data, paper=paper)
        cpu.append((time.process_time() - used) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return wall, cpu


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20)[-1]


def report_cold(runs: int) -> None:
    """Print the first-document figures (and how busy the machine is)."""
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    cold = probe(COLD_PROBE, runs)
    first = statistics.median(r["first"] for r in cold)
    imported = statistics.median(r["import"] for r in cold)
    total = statistics.median(r["import"] + r["first"] for r in cold)
    warmed = statistics.median(r["first"] for r in probe(WARMED_PROBE, runs))
    print(f"first document after start ({runs} fresh processes, median):")
    print(f"  import printing          {imported:7.1f} ms")
    print(
        f"  first acceptance receipt {first:7.1f} ms   target ≤ {FIRST_TARGET_MS:.0f} ms"
        f"   ratio {first / FIRST_TARGET_MS:.2f}"
    )
    print(
        f"  import + first build     {total:7.1f} ms   target ≤ {FIRST_TARGET_MS:.0f} ms"
        f"   ratio {total / FIRST_TARGET_MS:.2f}"
    )
    print(
        f"  first after warm_up()    {warmed:7.1f} ms   target ≤ {FIRST_TARGET_MS:.0f} ms"
        f"   ratio {warmed / FIRST_TARGET_MS:.2f}"
    )


def report_warm(runs: int) -> None:
    """Print the warm figures of every document on every paper."""
    print(f"\nwarm builds ({runs} per document), target ≤ {WARM_TARGET_MS:.0f} ms:")
    print(f"  {'document':<20} {'paper':<13} {'median':>8} {'p95':>8} {'ratio':>6} {'CPU':>8}")
    for kind in DocumentKind:
        for paper in papers(kind):
            wall, cpu = warm(kind, paper, runs)
            median = statistics.median(wall)
            mark = "  ← target" if kind is DocumentKind.ACCEPTANCE_RECEIPT else ""
            print(
                f"  {kind.value:<20} {paper.value:<13} {median:6.1f}ms {p95(wall):6.1f}ms"
                f" {median / WARM_TARGET_MS:6.2f} {statistics.median(cpu):6.1f}ms{mark}"
            )


def main() -> None:
    """Parse the options and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200, help="warm builds per document")
    parser.add_argument("--starts", type=int, default=7, help="fresh processes for the first")
    options = parser.parse_args()
    report_cold(options.starts)
    report_warm(options.runs)


if __name__ == "__main__":
    main()
