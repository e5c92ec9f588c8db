"""Store benchmark: accept-case transactions per second, and search latency over many cases.

Run: `.venv/bin/python bench/store_bench.py` (defaults: 2,000 accepts, 1,000,000 cached cases).
Prints each figure next to its target; exits 0 whatever the figures (speed lives here, never in
the test suite's assertions).

A durable commit waits for the disk (one fsync of the WAL per commit with `synchronous=FULL`),
so the accept rate can never pass the rate of the cheapest durable commit on the same disk. The
benchmark measures that ceiling too: a bare SQLite transaction (BEGIN IMMEDIATE, a one-row
INSERT, COMMIT; WAL, `synchronous=FULL`) on a file in the same folder, run in batches taken
in turns with the accepts, so that both see the same disk (a shared disk's speed drifts).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.catalog import load_catalogue
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.ports import DeviceIdentity
from clerk.staff import Actor, Role
from clerk.store import SqlUnitOfWork, Store, open_store, uuid7

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "catalogue" / "demo.json"
BUSINESS = "1133990000248201X8000120103000"
DEVICE = DeviceIdentity(uuid7(), "SF01", "W05", 1)
CLERK = Actor("c001", "王小明", Role.CLERK)
RECORDS = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}
BATCH = 50  # accepts and bare commits are timed in turns, this many at a time
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓"
    "曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰"


def person_id(rng: random.Random) -> str:
    """A random valid resident ID number."""
    birth = datetime(1950, 1, 1) + timedelta(days=rng.randrange(25_000))
    body = f"3301{rng.randrange(100):02d}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return body + resident_id_check_char(body)


@dataclass(frozen=True, slots=True)
class AcceptFigures:
    """Accept throughput and latency, and the durable-commit ceiling measured alongside."""

    rate: float  # accepts per second
    p50_ms: float  # median latency of one accept
    ceiling: float  # bare durable commits per second on the same disk


class BareCommits:
    """The cheapest durable SQLite transaction, on its own file: the disk's ceiling for us."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(path, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.execute("PRAGMA synchronous = FULL")
        self._connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")

    def commit_one(self) -> None:
        """BEGIN IMMEDIATE; a one-row INSERT; COMMIT (synced to disk)."""
        self._connection.execute("BEGIN IMMEDIATE")
        self._connection.execute("INSERT INTO t (v) VALUES (?)", ("x" * 100,))
        self._connection.execute("COMMIT")

    def close(self) -> None:
        """Close the file."""
        self._connection.close()


def open_cases(store: Store, count: int) -> list[str]:
    """Open cases with complete materials, ready to accept; returns their ids."""
    now = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TIMEZONE)
    rng = random.Random(7)
    ids = []
    for _ in range(count):
        applicant = Applicant.checked(
            kind=ApplicantKind.PERSON, name="张三", id_number=person_id(rng)
        )
        opened = services.open_case(
            store.unit_of_work(),
            case_id=uuid7(),
            item_code=BUSINESS,
            situation=None,
            applicant=applicant,
            actor=CLERK,
            now=now,
        )
        services.record_materials(
            store.unit_of_work(), case_id=opened.case.case_id, records=RECORDS, actor=CLERK, now=now
        )
        ids.append(opened.case.case_id)
    return ids


def bench_accepts(store: Store, count: int, bare: BareCommits) -> AcceptFigures:
    """Open cases, then time `accept` alone, in turns with as many bare durable commits."""
    now = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TIMEZONE)
    ids = open_cases(store, count)
    accepts: list[float] = []
    commits: list[float] = []
    for first in range(0, count, BATCH):
        batch = ids[first : first + BATCH]
        commits += time_calls(bare.commit_one, len(batch))
        for case_id in batch:
            start = time.perf_counter()
            services.accept(store.unit_of_work(), case_id=case_id, actor=CLERK, now=now)
            accepts.append(time.perf_counter() - start)
    return AcceptFigures(
        rate=len(accepts) / sum(accepts),
        p50_ms=statistics.median(accepts) * 1000,
        ceiling=len(commits) / sum(commits),
    )


def fake_rows(count: int, rng: random.Random) -> Iterator[tuple[object, ...]]:
    """Rows shaped like real cached cases (search columns plus a JSON body)."""
    base = datetime(2024, 1, 1, tzinfo=UTC)
    for index in range(count):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        at = (base + timedelta(seconds=index * 60)).isoformat(timespec="microseconds")
        yield (
            uuid7(),
            f"SF01-W05-1-2026-{index:07d}",
            "accepted",
            BUSINESS,
            1,
            name,
            person_id(rng),
            f"13{rng.randrange(10**9):09d}",
            at,
            at,
            1,
            '{"padding": "' + "x" * 600 + '"}',
        )


def fill(path: Path, count: int) -> list[tuple[str, str, str, str]]:
    """Insert `count` cases straight into the store file; returns a sample of keys to search."""
    rng = random.Random(11)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")  # bulk load only; the benchmark reads after
    sample: list[tuple[str, str, str, str]] = []
    rows = fake_rows(count, rng)
    with connection:
        for row in rows:
            connection.execute("INSERT INTO cases VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", row)
            if rng.random() < 2000 / count:
                sample.append((str(row[1]), str(row[6]), str(row[5])[:1], str(row[7])))
    connection.close()
    return sample


def p99_ms(timings: list[float]) -> float:
    """The 99th percentile in milliseconds."""
    return statistics.quantiles(timings, n=100)[98] * 1000


def time_calls(call: Callable[[], object], repeat: int) -> list[float]:
    """Wall time of each call."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        timings.append(time.perf_counter() - start)
    return timings


def bench_search(store: Store, sample: list[tuple[str, str, str, str]]) -> dict[str, float]:
    """p99 latency of each search kind through the use case (read-only unit of work included)."""
    rng = random.Random(3)

    def reader() -> SqlUnitOfWork:
        return store.unit_of_work(read_only=True)

    picks = [rng.choice(sample) for _ in range(1000)]
    kinds: dict[str, Callable[[tuple[str, str, str, str]], object]] = {
        "case number": lambda k: services.search_cases(reader(), number=k[0]),
        "ID number": lambda k: services.search_cases(reader(), id_number=k[1]),
        "name prefix": lambda k: services.search_cases(reader(), name_prefix=k[2]),
        "phone": lambda k: services.search_cases(reader(), phone=k[3]),
    }
    results = {}
    for label, search in kinds.items():
        timings = []
        for key in picks:
            start = time.perf_counter()
            search(key)
            timings.append(time.perf_counter() - start)
        results[label] = p99_ms(timings)
    return results


def print_accepts(figures: AcceptFigures) -> None:
    """Print the accept figures: against the target, and against the disk's ceiling."""
    print(
        f"accept-case transactions (synchronous=FULL): {figures.rate:8.0f}/s   target ≥ 500/s"
        f"   ratio {figures.rate / 500:.2f}"
    )
    print(f"  accept latency p50 {figures.p50_ms:6.2f} ms")
    print(
        f"  ceiling: bare durable commits on this disk {figures.ceiling:8.0f}/s"
        "   (BEGIN IMMEDIATE; 1-row INSERT; COMMIT; WAL, synchronous=FULL)"
    )
    print(f"  accepts reach {figures.rate / figures.ceiling:.2f} of that ceiling")


def main() -> None:
    """Run both benchmarks and print their figures against the targets."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accepts", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=1_000_000)
    args = parser.parse_args()
    catalogue = load_catalogue(DEMO)
    with tempfile.TemporaryDirectory(dir=ROOT / "bench") as folder:
        bare = BareCommits(Path(folder) / "bare.db")
        with open_store(Path(folder) / "accept.db", device=DEVICE) as store:
            services.install_catalogue(store.unit_of_work(), catalogue)
            figures = bench_accepts(store, args.accepts, bare)
        bare.close()
        print_accepts(figures)
        path = Path(folder) / "search.db"
        open_store(path, device=DEVICE).close()
        start = time.perf_counter()
        sample = fill(path, args.cases)
        print(f"filled {args.cases:,} cases in {time.perf_counter() - start:.1f} s")
        with open_store(path) as store:
            for label, p99 in bench_search(store, sample).items():
                print(
                    f"search by {label:<12} p99 {p99:6.2f} ms   target ≤ 20 ms"
                    f"   ratio {20 / p99:.1f}x under"
                )


if __name__ == "__main__":
    main()
