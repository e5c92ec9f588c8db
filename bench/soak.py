"""Long-offline soak: a month of a busy counter without the registry, then the catch-up.

Run: `.venv/bin/python bench/soak.py [--days 30] [--per-day 150] [--scan-kb 200]
[--kbps 2000] [--latency-ms 50] [--backend sqlite|postgresql] [--keep DIR]`.
Prints each figure next to its target (issue 7); exits 0 when everything reconciled exactly
once, 1 otherwise (the figures are printed either way).

1. A real registry process (SQLite file, or a throwaway PostgreSQL) with hall SF01; counter W01
   enrols, pulls the catalogue, and the registry stops: nothing is reachable from now on.
2. Offline: `--days` working days of `--per-day` cases each through the real use cases, with
   one to three PNG scans of about `--scan-kb` each (`bench/soak_fill.py`).
3. Reconnect: the registry starts again behind a `FaultProxy` with a slow `Link` (`--kbps`
   each way, `--latency-ms` one way); the counter's registry address becomes the proxy's. The
   counter application — window, status bar, sync loop — runs in a child process
   (`bench/soak_catchup.py`) with the stall monitor, while a clerk browses its pages.
4. Check: nothing pending, every scan verified, every local operation held by the registry
   exactly once, the counter's cases equal to the registry's (`harness.check_invariants`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the tests' support package is importable, not installed

from sqlalchemy import func, select  # noqa: E402

from bench.soak_fill import FillFigures, FillPlan, fill  # noqa: E402
from clerk.scans import ScanFolder  # noqa: E402
from clerk.store import open_store  # noqa: E402
from registry.schema import CASES, OPS  # noqa: E402
from sync.client import RegistryClient  # noqa: E402
from sync.engine import SyncEngine  # noqa: E402
from sync.enrol import enrol  # noqa: E402
from tests.integration.sync.harness import (  # noqa: E402
    HALL,
    Counter,
    RegistryProcess,
    check_invariants,
)
from tests.support.faultproxy import FaultProxy  # noqa: E402
from tests.support.postgres import PostgresServer  # noqa: E402
from tests.support.throttle import Link  # noqa: E402

MB = 1024 * 1024
STALL_TARGET = 0.100  # seconds: the longest the event loop may stand still
COUNTER = "W01"


@dataclass(frozen=True, slots=True)
class Soak:
    """The counter's folder and the registry it belongs to."""

    folder: Path
    registry: RegistryProcess

    @property
    def counter_folder(self) -> Path:
        """The counter's data folder (store, scans)."""
        return self.folder / "counter"


def enrolled(folder: Path, database_url: str) -> Soak:
    """A registry with the hall, and counter W01 enrolled with it and synchronised once."""
    registry_folder = folder / "registry"
    registry_folder.mkdir(parents=True)
    registry = RegistryProcess(database_url, registry_folder)
    try:
        registry.setup_hall()
        registry.start()
        soak = Soak(folder, registry)
        soak.counter_folder.mkdir()
        store = open_store(soak.counter_folder / "counter.db")
        client = RegistryClient(registry.url)
        try:
            enrol(store, client, registry.enrolment_code(COUNTER))
            SyncEngine(store, client, scans=ScanFolder(soak.counter_folder / "scans")).run_once()
        finally:
            client.close()
            store.close()
    except BaseException:
        registry.close()
        raise
    return soak


def go_offline_and_work(soak: Soak, plan: FillPlan) -> FillFigures:
    """Stop the registry, then work the offline days; prints progress and the store's size."""
    soak.registry.stop()
    store = open_store(soak.counter_folder / "counter.db")
    total = plan.days * plan.per_day

    def progress(day: int, figures: FillFigures) -> None:
        rate = figures.actions / figures.seconds if figures.seconds else 0.0
        print(
            f"    day {day:3}/{plan.days}: {figures.cases:6,}/{total:,} cases,"
            f" {figures.actions:7,} actions, {figures.scans:6,} scans"
            f" ({figures.scan_bytes / MB:7.1f} MB)  {figures.seconds:6.1f} s,"
            f" {rate:5.0f} actions/s",
            flush=True,
        )

    try:
        figures = fill(store, ScanFolder(soak.counter_folder / "scans"), plan, progress=progress)
        pending = store.health().pending
    finally:
        store.close()
    size = sum(p.stat().st_size for p in soak.counter_folder.glob("counter.db*"))
    print(
        f"  offline: {figures.cases:,} cases {figures.kinds} in {figures.seconds:.0f} s;"
        f" store {size / MB:.1f} MB, outbox {pending:,} operations,"
        f" {figures.scans:,} scans {figures.scan_bytes / MB:.1f} MB,"
        f" {figures.printed:,} documents printed"
    )
    return figures


def point_at(soak: Soak, url: str) -> None:
    """The counter reaches its registry at `url` from now on (the same registry)."""
    store = open_store(soak.counter_folder / "counter.db")
    try:
        store.ledger().move_registry(url)
    finally:
        store.close()


def catch_up(
    soak: Soak,
    *,
    url: str,
    timeout: float,
    browse_ms: int,
    pages: str = "search,deadlines,attention",
) -> dict[str, Any]:
    """Run the counter application's catch-up in a child process; its figures.

    `pages` are those the clerk turns to in turn (with the counter page), see soak_catchup.
    """
    out = soak.folder / "catch-up.json"
    command = [sys.executable, "-m", "bench.soak_catchup", "--folder", str(soak.counter_folder)]
    command += ["--registry-url", url, "--out", str(out), "--timeout", str(timeout)]
    command += ["--browse-ms", str(browse_ms), "--pages", pages]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.multimedia*=false")
    subprocess.run(command, cwd=ROOT, env=env, check=False, timeout=timeout + 120)
    figures: dict[str, Any] = json.loads(out.read_text())
    return figures


def held_exactly_once(soak: Soak) -> tuple[int, int, int, int]:
    """(local operations, registry operations of W01, local cases, registry cases of the hall)."""
    store = open_store(soak.counter_folder / "counter.db")
    try:
        with store.engine.connect() as connection:
            local_ops = connection.exec_driver_sql("SELECT count(*) FROM outbox").scalar_one()
            local_cases = connection.exec_driver_sql("SELECT count(*) FROM cases").scalar_one()
    finally:
        store.close()
    with soak.registry.db() as connection:
        ops = connection.execute(select(func.count()).select_from(OPS)).scalar_one()
        cases = connection.execute(
            select(func.count()).select_from(CASES).where(CASES.c.hall == HALL)
        ).scalar_one()
    return int(local_ops), int(ops), int(local_cases), int(cases)


def invariants(soak: Soak) -> str | None:
    """SYNC.md's invariants between the counter and the registry (None: they hold)."""
    store = open_store(soak.counter_folder / "counter.db")
    client = RegistryClient(soak.registry.url)
    counter = Counter(COUNTER, store, client, ScanFolder(soak.counter_folder / "scans"))
    try:
        check_invariants(soak.registry, [counter])
    except AssertionError as failed:
        return str(failed)[:500]
    finally:
        counter.close()
    return None


@contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    """The registry's database URL: a SQLite file, or a throwaway PostgreSQL server."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'registry.sqlite'}"
        return
    with PostgresServer() as server:
        server.create_database("soak")
        yield server.url("soak")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the soak found."""

    offline: FillFigures
    catch: dict[str, Any]
    link: Link
    counts: tuple[int, int, int, int]
    broken: str | None

    @property
    def exactly_once(self) -> bool:
        """Every local operation and case is at the registry once (counts and invariants)."""
        local_ops, ops, local_cases, cases = self.counts
        return local_ops == ops and local_cases == cases and self.broken is None

    @property
    def passed(self) -> bool:
        """Reconciled, exactly once, and no stall over the target."""
        longest = float(self.catch["stall_longest"])
        return bool(self.catch["reconciled"]) and self.exactly_once and longest <= STALL_TARGET


def report(outcome: Outcome) -> None:
    """Print the catch-up's figures against the targets."""
    report_sync(outcome)
    report_ui(outcome.catch)


def report_sync(outcome: Outcome) -> None:
    """Time to reconciled, throughput, the exactly-once check."""
    catch, link = outcome.catch, outcome.link
    seconds = float(catch["seconds"])
    ops, scan_bytes = int(catch["pending_at_start"]), int(catch["scan_bytes_at_start"])
    state = "reconciled" if catch["reconciled"] else f"NOT RECONCILED ({catch['last_error']})"
    print(f"  reconnect → {state} in {seconds:.1f} s ({catch['rounds']} sync rounds)")
    print(
        f"    {ops:,} operations ({ops / seconds:.0f} ops/s), {catch['scans_at_start']:,} scans"
        f" {scan_bytes / MB:.1f} MB ({scan_bytes / MB / seconds:.2f} MB/s of scans);"
        f" the link carried {link.up.carried / MB:.1f} MB up, {link.down.carried / MB:.1f} MB down"
        f" (capacity {link.bytes_per_second * seconds / MB:.1f} MB each way in that time)"
    )
    local_ops, held_ops, local_cases, held_cases = outcome.counts
    once = "exactly once" if outcome.exactly_once else "NOT EXACTLY ONCE"
    print(
        f"    registry holds {held_ops:,} of {local_ops:,} operations and {held_cases:,} of"
        f" {local_cases:,} cases: {once}{'' if outcome.broken is None else ': ' + outcome.broken}"
    )


def report_ui(catch: dict[str, Any]) -> None:
    """Memory and event-loop stalls of the counter process during the catch-up."""
    before, peak = int(catch["rss_before"]), int(catch["rss_peak"])
    samples = [rss for _, rss, _ in catch["rss_samples"]] or [peak]
    print(
        f"  peak RSS of the counter {peak / MB:.0f} MB (window shown, before the catch-up"
        f" {before / MB:.0f} MB; during it {min(samples) / MB:.0f}–{max(samples) / MB:.0f} MB)"
    )
    longest, p99 = float(catch["stall_longest"]), float(catch["stall_p99"])
    print(
        f"  UI: longest stall {longest * 1000:.0f} ms   target ≤ {STALL_TARGET * 1000:.0f} ms"
        f"   ratio {longest / STALL_TARGET:.2f};  p99 lateness {p99 * 1000:.1f} ms,"
        f" p50 {float(catch['stall_p50']) * 1000:.1f} ms over {catch['ticks']:,} ticks;"
        f" {catch['stalls_over_threshold']} stalls ≥ 50 ms, {len(catch['blamed_on_sync'])}"
        f" with sync code on the GUI thread; {catch['pages_shown']} page turns"
    )
    by_page = ", ".join(f"{page} {n}" for page, n in catch["over_100ms_by_page"].items())
    print(f"    stalls over 100 ms by the page showing: {by_page or 'none'}")
    culprits = sorted(catch["over_100ms_by_culprit"].items(), key=lambda item: -item[1])
    for culprit, count in culprits[:4]:
        print(f"      {count:4} × {culprit}")
    for stall in catch["long_stalls"][:5]:
        print(
            f"    {stall['duration'] * 1000:5.0f} ms {stall['kind']:8} on {stall['page']}:"
            f" {stall['culprit']}"
            + (f"  (busy elsewhere: {stall['elsewhere'][0]})" if stall["elsewhere"] else "")
        )


def run(args: argparse.Namespace, folder: Path) -> Outcome:
    """Set up, work offline, reconnect through the slow link, check."""
    plan = FillPlan(
        days=args.days,
        per_day=args.per_day,
        scan_kb=args.scan_kb,
        first_day=date.today() - timedelta(days=args.days * 7 // 5 + 7),
    )
    with database(args.backend, folder) as url:
        soak = enrolled(folder, url)
        try:
            offline = go_offline_and_work(soak, plan)
            soak.registry.start()
            link = Link.kilobits(args.kbps, latency_ms=args.latency_ms)
            with FaultProxy("127.0.0.1", soak.registry.port, link=link) as proxy:
                point_at(soak, proxy.url)
                print(
                    f"  reconnecting through {args.kbps:,} kbit/s each way,"
                    f" {args.latency_ms:.0f} ms one way…",
                    flush=True,
                )
                catch = catch_up(
                    soak, url=proxy.url, timeout=args.timeout, browse_ms=700, pages=args.pages
                )
            counts = held_exactly_once(soak)
            return Outcome(offline, catch, link, counts, invariants(soak))
        finally:
            soak.registry.close()


def main() -> int:
    """Run the soak and print its figures; 0 when it passed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=30, help="offline working days")
    parser.add_argument("--per-day", type=int, default=150, help="cases a day")
    parser.add_argument("--scan-kb", type=int, default=200, help="size of a scan (KiB)")
    parser.add_argument("--kbps", type=float, default=2000, help="link, kbit/s each way")
    parser.add_argument("--latency-ms", type=float, default=50, help="link, one way")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--timeout", type=float, default=4 * 3600, help="catch-up limit (s)")
    parser.add_argument("--keep", type=Path, help="keep the stores in this (new) folder")
    parser.add_argument(
        "--pages",
        default="search,deadlines,attention",
        help="pages the clerk turns to during the catch-up, comma-separated (with the counter)",
    )
    args = parser.parse_args()
    print(
        f"soak: {args.days} days × {args.per_day} cases, scans ≈ {args.scan_kb} KiB,"
        f" {args.backend} registry; load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs"
    )
    start = time.perf_counter()
    if args.keep is not None:
        args.keep.mkdir(parents=True)
        outcome = run(args, args.keep)
    else:
        folder = Path(tempfile.mkdtemp(prefix="soak-", dir=ROOT / "bench"))
        try:
            outcome = run(args, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    report(outcome)
    print(f"  ({time.perf_counter() - start:.0f} s in all)")
    return 0 if outcome.passed else 1


if __name__ == "__main__":
    sys.exit(main())
