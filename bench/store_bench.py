"""Store benchmark: accept-case transactions per second, and search latency over many cases.

Run: `.venv/bin/python bench/store_bench.py` (defaults: 2,000 accepts, 1,000,000 cached cases).
Prints each figure next to its target; exits 0 whatever the figures (speed lives here, never in
the test suite's assertions).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from clerk import services
from clerk.cases import ApplicantKind
from clerk.catalog import load_catalogue
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.ports import DeviceIdentity
from clerk.staff import Actor, Role
from clerk.store import Store, open_store, uuid7

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
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰"


def person_id(rng: random.Random) -> str:
    """A random valid resident ID number."""
    birth = datetime(1950, 1, 1) + timedelta(days=rng.randrange(25_000))
    body = f"3301{rng.randrange(100):02d}{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return body + resident_id_check_char(body)


def bench_accepts(store: Store, count: int) -> float:
    """Open cases with complete materials, then time `accept` alone; returns accepts/s."""
    now = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TIMEZONE)
    rng = random.Random(7)
    ids = []
    for _ in range(count):
        applicant = services.applicant(
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
    start = time.perf_counter()
    for case_id in ids:
        services.accept(store.unit_of_work(), case_id=case_id, actor=CLERK, now=now)
    return count / (time.perf_counter() - start)


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
    """p99 latency of each search kind through the use case (unit of work included)."""
    rng = random.Random(3)
    picks = [rng.choice(sample) for _ in range(1000)]
    kinds: dict[str, Callable[[tuple[str, str, str, str]], object]] = {
        "case number": lambda k: services.search_cases(store.unit_of_work(), number=k[0]),
        "ID number": lambda k: services.search_cases(store.unit_of_work(), id_number=k[1]),
        "name prefix": lambda k: services.search_cases(store.unit_of_work(), name_prefix=k[2]),
        "phone": lambda k: services.search_cases(store.unit_of_work(), phone=k[3]),
    }
    results = {}
    for label, search in kinds.items():
        iterator = iter(picks)
        results[label] = p99_ms(time_calls(lambda s=search, i=iterator: s(next(i)), len(picks)))
    return results


def main() -> None:
    """Run both benchmarks and print their figures against the targets."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accepts", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=1_000_000)
    args = parser.parse_args()
    catalogue = load_catalogue(DEMO)
    with tempfile.TemporaryDirectory(dir=ROOT / "bench") as folder:
        with open_store(Path(folder) / "accept.db", device=DEVICE) as store:
            services.install_catalogue(store.unit_of_work(), catalogue)
            rate = bench_accepts(store, args.accepts)
        print(
            f"accept-case transactions (synchronous=FULL): {rate:8.0f}/s   target ≥ 500/s"
            f"   ratio {rate / 500:.2f}"
        )
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
