"""Sync benchmark: reconnect to reconciled, push-apply rate, replayed duplicates, scan uploads.

Run: `.venv/bin/python bench/sync_bench.py [--quick] [--backend sqlite|postgresql|both]`.
Prints each figure next to its target (issue 3); exits 0 whatever the figures.

For each registry backend: a real registry process on 127.0.0.1 (SQLite, or a throwaway
PostgreSQL started by `tests.support.postgres`) and one counter enrolled with it. The registry
is stopped, the counter opens cases offline (setup, not measured), the registry comes back, and
one `SyncEngine.run_once()` is timed until nothing is pending and the pull reached the
registry's last position. Then the same operations are pushed again and answered as duplicates,
scans are uploaded, and an upload whose connection is killed mid-chunk is resumed by the engine,
counting the bytes sent twice. Targets are for 10,000 operations; smaller runs scale them.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import random
import socket
import sqlite3
import struct
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, insert, select, text

from clerk import services
from clerk.clock import HALL_TIMEZONE
from clerk.materials import MaterialRecord, Provision
from clerk.ports import OpState
from clerk.scans import ScanFolder
from clerk.staff import Actor, Role
from clerk.store import Store, open_store, uuid7
from clerk.store.schema import BLOBS, OUTBOX
from clerk.wire import (
    API_PREFIX,
    BLOB_CHUNK_BYTES,
    ChangePage,
    Operation,
    PushResponse,
    ResultState,
    hall_space,
)
from registry.db import create_registry_engine
from registry.schema import SPACES
from sync.client import Offline, RegistryClient
from sync.engine import BATCH_BYTES, BATCH_OPS, Report, SyncEngine
from sync.enrol import enrol

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the tests' support package is importable, not installed
from tests.integration.sync.harness import HALL, RegistryProcess, person  # noqa: E402
from tests.support.postgres import PostgresServer, PostgresUnavailable  # noqa: E402

BUSINESS = "1133990000248201X8000120103000"
COMPLETE = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}
CLERK = Actor("C001", "王芳", Role.CLERK)
WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TIMEZONE)
MB = 1024 * 1024
SCAN_BYTES = 5 * MB
RECONCILE_TARGET = {"sqlite": 10.0, "postgresql": 15.0}  # seconds for 10,000 operations
DUPLICATES_TARGET = 3.0  # seconds for 10,000 operations
UPLOAD_TARGET = 50.0  # MB/s
PUBLISHED_RATE = (2000, 6000)  # operations per second of published offline-first engines
TIMEOUT = (3.05, 120.0)
PULL_PAGE = inspect.signature(RegistryClient.changes).parameters["limit"].default


@dataclass(frozen=True, slots=True)
class Config:
    """How much work each backend gets."""

    cases: int  # cases opened offline, one operation each
    flow_cases: int  # cases opened, recorded and accepted offline, three operations each
    scans: int  # scans of SCAN_BYTES each


def scaled(target: float, operations: int) -> float:
    """A target for 10,000 operations, scaled to `operations`."""
    return target * operations / 10_000


class TimedClient(RegistryClient):
    """The registry client, adding up the time spent in push and pull requests."""

    def __init__(self, base_url: str) -> None:
        super().__init__(base_url, timeout=TIMEOUT)
        self.http = {"push": 0.0, "pull": 0.0}

    def push(self, operations: list[Operation]) -> PushResponse:
        """Push, timed (serialising, the request, the registry's work, decoding the answer)."""
        start = time.perf_counter()
        try:
            return super().push(operations)
        finally:
            self.http["push"] += time.perf_counter() - start

    def changes(self, space: str, *, after: int, limit: int = PULL_PAGE) -> ChangePage:
        """Pull a page, timed."""
        start = time.perf_counter()
        try:
            return super().changes(space, after=after, limit=limit)
        finally:
            self.http["pull"] += time.perf_counter() - start


class TimedEngine(SyncEngine):
    """The sync engine, adding up the time of each phase of a round."""

    phases: dict[str, float]

    def reset(self, client: TimedClient) -> None:
        """Start counting again."""
        self.phases = {"push": 0.0, "scans": 0.0, "pull": 0.0}
        client.http = {"push": 0.0, "pull": 0.0}

    @contextmanager
    def _timed(self, phase: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.phases[phase] += time.perf_counter() - start

    def _push(self, report: Report) -> None:
        with self._timed("push"):
            super()._push(report)

    def _upload_scans(self, report: Report) -> None:
        with self._timed("scans"):
            super()._upload_scans(report)

    def _pull(self, report: Report, *, hall: str) -> None:
        with self._timed("pull"):
            super()._pull(report, hall=hall)


@dataclass(frozen=True, slots=True)
class Round:
    """One timed sync round."""

    seconds: float
    report: Report
    phases: dict[str, float]
    http: dict[str, float]


@dataclass(frozen=True, slots=True)
class Bench:
    """One registry and its counter."""

    registry: RegistryProcess
    store: Store
    client: TimedClient
    engine: TimedEngine
    scans: ScanFolder

    def timed_round(self) -> Round:
        """One `run_once`, timed, with its phases."""
        self.engine.reset(self.client)
        start = time.perf_counter()
        report = self.engine.run_once()
        seconds = time.perf_counter() - start
        return Round(seconds, report, dict(self.engine.phases), dict(self.client.http))

    def pending(self) -> int:
        """Operations still waiting in the outbox."""
        with self.store.engine.connect() as connection:
            query = select(func.count()).where(OUTBOX.c.state == OpState.PENDING.value)
            return int(connection.execute(query).scalar_one())

    def pulled_all(self) -> bool:
        """Whether the counter's hall cursor reached the registry's last position."""
        space = hall_space(HALL)
        with self.registry.db() as connection:
            last = connection.execute(select(SPACES.c.version).where(SPACES.c.space == space))
            version = int(last.scalar_one())
        return self.store.ledger().cursor(space) == version

    def pushed(self, count: int) -> list[Operation]:
        """The first `count` operations of the outbox, as they were pushed."""
        query = select(OUTBOX).order_by(OUTBOX.c.client_seq).limit(count)
        with self.store.engine.connect() as connection:
            return [
                Operation(
                    op_id=row.op_id,
                    client_seq=row.client_seq,
                    op_type=row.op_type,
                    payload_version=row.payload_version,
                    entity_id=row.entity_id,
                    base_version=row.base_version,
                    payload=json.loads(row.payload),
                    payload_sha256=row.payload_sha256,
                )
                for row in connection.execute(query)
            ]

    def close(self) -> None:
        """Stop the registry, close the counter."""
        self.client.close()
        self.store.close()
        self.registry.close()


def setup(url: str, folder: Path) -> Bench:
    """A registry with hall SF01 and one enrolled counter that pulled the catalogue."""
    folder.mkdir(parents=True)
    registry = RegistryProcess(url, folder)
    try:
        registry.setup_hall()
        registry.start()
        store = open_store(folder / "counter.db")
    except BaseException:
        registry.close()
        raise
    client = TimedClient(registry.url)
    scans = ScanFolder(folder / "scans")
    bench = Bench(registry, store, client, TimedEngine(store, client, scans=scans), scans)
    try:
        enrol(store, client, registry.enrolment_code("W01"))
        bench.timed_round()
    except BaseException:
        bench.close()
        raise
    return bench


def go_offline(bench: Bench) -> None:
    """Stop the registry and check that the counter sees it gone."""
    bench.registry.stop()
    try:
        bench.engine.run_once()
    except Offline:
        return
    raise RuntimeError("the counter still reaches the registry")


def open_offline(bench: Bench, count: int, *, flow: bool, first: int) -> float:
    """Open `count` cases (and record and accept them if `flow`); returns the seconds taken."""
    start = time.perf_counter()
    for n in range(first, first + count):
        case_id = services.open_case(
            bench.store.unit_of_work(),
            case_id=uuid7(),
            item_code=BUSINESS,
            situation=None,
            applicant=person(n),
            actor=CLERK,
            now=WHEN,
        ).case.case_id
        if flow:
            services.record_materials(
                bench.store.unit_of_work(), case_id=case_id, records=COMPLETE, actor=CLERK, now=WHEN
            )
            services.accept(bench.store.unit_of_work(), case_id=case_id, actor=CLERK, now=WHEN)
    return time.perf_counter() - start


def reconnect(bench: Bench, label: str, target: float) -> None:
    """Bring the registry back, time the round that reconciles, and print its figures."""
    bench.registry.start()
    done = bench.timed_round()
    reconciled = bench.pending() == 0 and bench.pulled_all()
    report = done.report
    print(
        f"  {label}: reconnect → reconciled {done.seconds:6.2f} s   target ≤ {target:.2f} s"
        f"   ratio {done.seconds / target:.2f}   {'reconciled' if reconciled else 'NOT RECONCILED'}"
    )
    print(
        f"    {report.pushed:,} operations pushed ({report.applied:,} applied,"
        f" {report.rejected} rejected), {report.pulled:,} changes pulled"
    )
    rate = report.pushed / done.phases["push"]
    low, high = PUBLISHED_RATE
    print(
        f"    push-apply {rate:7.0f} ops/s   (published engines {low:,}–{high:,}/s;"
        f" ratio to {low:,}: {rate / low:.2f})"
    )
    print_phases(done)


def print_phases(done: Round) -> None:
    """Where a round's time went: requests (the registry's work included) and the counter's."""
    push, pull = done.phases["push"], done.phases["pull"]
    http_push, http_pull = done.http["push"], done.http["pull"]
    other = done.seconds - push - pull - done.phases["scans"]
    print(
        f"    phases: push {push:5.2f} s (requests {http_push:5.2f} s,"
        f" counter {push - http_push:5.2f} s); pull {pull:5.2f} s (requests {http_pull:5.2f} s,"
        f" counter {pull - http_pull:5.2f} s); other {other:5.2f} s"
    )


def replay(bench: Bench, operations: int) -> None:
    """Push every operation again: straight to the registry, then through the counter's round."""
    wire = bench.pushed(operations)
    target = scaled(DUPLICATES_TARGET, len(wire))
    start = time.perf_counter()
    states: dict[ResultState, int] = {}
    for first in range(0, len(wire), BATCH_OPS):
        for result in bench.client.push(wire[first : first + BATCH_OPS]).results:
            states[result.state] = states.get(result.state, 0) + 1
    seconds = time.perf_counter() - start
    answered = ", ".join(f"{count:,} {state.value}" for state, count in states.items())
    print(
        f"  {len(wire):,} replayed duplicates answered by the registry in {seconds:5.2f} s"
        f"   target ≤ {target:.2f} s   ratio {seconds / target:.2f}   ({answered};"
        f" RegistryClient.push, batches of {BATCH_OPS})"
    )
    again = bench.store.ledger().rewind(after_seq=0, now=WHEN)
    done = bench.timed_round()
    print(
        f"    through the counter (outbox rewound, {again:,} pushed again):"
        f" {done.phases['push']:5.2f} s   ratio {done.phases['push'] / target:.2f}"
        f"   ({done.report.duplicates:,} duplicate; the round then pulled"
        f" {done.report.pulled:,} changes again: {done.seconds:.2f} s in all)"
    )


def add_scans(bench: Bench, count: int, size: int, seed: int) -> list[str]:
    """Put random scans in the scan folder and index them as waiting for upload."""
    rng = random.Random(seed)
    made = [bench.scans.put(rng.randbytes(size)) for _ in range(count)]
    rows = [
        {"sha256": sha, "size": size, "media_type": "image/jpeg", "created_at": WHEN}
        for sha in made
    ]
    with bench.store.engine.begin() as connection:
        connection.execute(insert(BLOBS), rows)
    return made


def upload(bench: Bench, count: int) -> None:
    """Time the round that uploads `count` scans of SCAN_BYTES."""
    add_scans(bench, count, SCAN_BYTES, seed=1)
    done = bench.timed_round()
    megabytes = done.report.uploaded_bytes / MB
    rate = megabytes / done.phases["scans"]
    waiting = bench.store.ledger().pending_scans()[0]
    print(
        f"  {megabytes:.0f} MB of scans ({count} × {SCAN_BYTES // MB} MB) uploaded at"
        f" {rate:6.1f} MB/s   target ≥ {UPLOAD_TARGET:.0f} MB/s   ratio {rate / UPLOAD_TARGET:.2f}"
        f"   ({done.phases['scans']:.2f} s; {waiting} left unverified)"
    )


def cut_mid_chunk(bench: Bench, sha256: str, size: int, offset: int, sent: int) -> None:
    """Start a chunk upload at `offset` and kill the connection after `sent` of its bytes."""
    length = min(BLOB_CHUNK_BYTES, size - offset)
    path = f"{API_PREFIX}/blobs/{sha256}?size={size}&offset={offset}"
    head = (
        f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {bench.client.token}\r\n"
        f"Content-Type: application/octet-stream\r\nContent-Length: {length}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", bench.registry.port)) as connection:
        connection.sendall(head.encode())
        connection.sendall(next(bench.scans.read_from(sha256, offset, chunk=sent)))
        # Reset, not a clean close: the connection dies as when a cable is pulled.
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def interrupted(bench: Bench) -> None:
    """A scan of 2½ chunks: one chunk sent, the next cut halfway, then the engine resumes."""
    size = BLOB_CHUNK_BYTES * 5 // 2
    (sha256,) = add_scans(bench, 1, size, seed=2)
    first = next(bench.scans.read_from(sha256, 0, chunk=BLOB_CHUNK_BYTES))
    bench.client.upload_chunk(sha256, size=size, offset=0, data=first)
    half = BLOB_CHUNK_BYTES // 2
    cut_mid_chunk(bench, sha256, size, len(first), half)
    done = bench.timed_round()
    resent = len(first) + half + done.report.uploaded_bytes - size
    verified = bench.store.ledger().pending_scans()[0] == 0
    print(
        f"  interrupted upload ({size / MB:.0f} MB, killed {half / MB:.0f} MB into chunk 2 of 3):"
        f" resumed re-sending {resent / MB:.1f} MB   target ≤ one chunk"
        f" ({BLOB_CHUNK_BYTES / MB:.0f} MB)   {'verified' if verified else 'NOT VERIFIED'}"
    )


def run_backend(backend: str, url: str, folder: Path, config: Config) -> None:
    """Every measurement on one registry backend."""
    bench = setup(url, folder)
    try:
        go_offline(bench)
        seconds = open_offline(bench, config.cases, flow=False, first=0)
        print(f"  setup: {config.cases:,} cases opened offline in {seconds:.1f} s (not measured)")
        target = scaled(RECONCILE_TARGET[backend], config.cases)
        reconnect(bench, f"{config.cases:,} cases opened offline", target)
        replay(bench, config.cases)
        upload(bench, config.scans)
        interrupted(bench)
        if config.flow_cases:
            go_offline(bench)
            seconds = open_offline(bench, config.flow_cases, flow=True, first=config.cases)
            operations = 3 * config.flow_cases
            print(
                f"  setup: {config.flow_cases:,} cases opened, recorded and accepted offline"
                f" ({operations:,} operations) in {seconds:.1f} s (not measured)"
            )
            target = scaled(RECONCILE_TARGET[backend], operations)
            reconnect(bench, f"{operations:,} open/record/accept operations", target)
    finally:
        bench.close()


def fsync_rate(folder: Path, count: int = 200) -> float:
    """Bare durable SQLite commits per second on this disk (WAL, synchronous=FULL)."""
    connection = sqlite3.connect(folder / "fsync.db", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    start = time.perf_counter()
    for _ in range(count):
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO t (v) VALUES (?)", ("x" * 100,))
        connection.execute("COMMIT")
    seconds = time.perf_counter() - start
    connection.close()
    return count / seconds


def print_configuration(config: Config, folder: Path) -> None:
    """The exact configuration, and the disk's durable-commit rate."""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version},"
        f" {os.cpu_count()} CPUs (load average {load}), {platform.platform()}"
    )
    print(
        f"{config.cases:,} cases opened offline (open_case: one operation with its audit entry"
        f" each); {config.flow_cases:,} cases opened, recorded and accepted (three operations"
        f" each); {config.scans} scans of {SCAN_BYTES // MB} MB"
    )
    print(
        f"push batches ≤ {BATCH_OPS} operations / {BATCH_BYTES // MB} MB (gzip), pull pages of"
        f" {PULL_PAGE} changes, upload chunks of {BLOB_CHUNK_BYTES // MB} MB; one registry process"
        " (uvicorn) on 127.0.0.1; counter store and SQLite registry WAL with synchronous=FULL;"
        " PostgreSQL with fsync=on"
    )
    rate = fsync_rate(folder)
    print(
        f"disk: {rate:,.0f} bare durable SQLite commits/s. Each push batch and each pulled page is"
        " one durable commit on the counter and one at the registry (a few dozen per run), so"
        " the figures below barely depend on it; the offline setup (one commit per clerk action)"
        " does. A shared disk's rate drifts tenfold within minutes: compare runs with care."
    )


def postgres_version(url: str) -> str:
    """The PostgreSQL server's version."""
    engine = create_registry_engine(url)
    with engine.connect() as connection:
        version = str(connection.execute(text("SHOW server_version")).scalar_one())
    engine.dispose()
    return version


def run_postgresql(folder: Path, config: Config) -> None:
    """The PostgreSQL half, on a throwaway server (said so, not failed, when there is none)."""
    try:
        server = PostgresServer()
        server.start()
    except PostgresUnavailable as missing:
        print(f"\nPostgreSQL registry: not measured ({missing})")
        return
    try:
        server.create_database("sync_bench")
        url = server.url("sync_bench")
        print(f"\nPostgreSQL {postgres_version(url)} registry (throwaway server, fsync on)")
        run_backend("postgresql", url, folder / "postgresql", config)
    finally:
        server.stop()


def main() -> None:
    """Run the measurements on the chosen backends and print them against the targets."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 cases and 10 MB of scans")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--cases", type=int, help="cases opened offline (default 10,000)")
    parser.add_argument("--flow-cases", type=int, help="open/record/accept cases (default 3,334)")
    args = parser.parse_args()
    flow = 0 if args.quick else 3334
    config = Config(
        cases=args.cases or (1000 if args.quick else 10_000),
        flow_cases=flow if args.flow_cases is None else args.flow_cases,
        scans=2 if args.quick else 20,
    )
    with tempfile.TemporaryDirectory(dir=ROOT / "bench") as name:
        folder = Path(name)
        print_configuration(config, folder)
        if args.backend in ("sqlite", "both"):
            print(f"\nSQLite {sqlite3.sqlite_version} registry (a file next to the counter's)")
            url = f"sqlite:///{folder / 'sqlite' / 'registry.sqlite'}"
            run_backend("sqlite", url, folder / "sqlite", config)
        if args.backend in ("postgresql", "both"):
            run_postgresql(folder, config)


if __name__ == "__main__":
    main()
