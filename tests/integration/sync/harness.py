"""A real registry process and real counters for the sync tests, and the invariants of SYNC.md.

`RegistryProcess` runs `python -m registry serve` on 127.0.0.1 (SQLite or PostgreSQL) and can
be stopped, killed and restarted on the same port. `Counter` is a counter's store, client and
sync engine. `check_invariants` asserts what must hold once faults heal and queues drain.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import Connection, Engine, select

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.catalog import DEMO_CATALOGUE, load_catalogue
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.ports import OpState
from clerk.scans import ScanFolder
from clerk.staff import Actor, Role
from clerk.store import Store, open_store, uuid7
from clerk.wire import GLOBAL_SPACE, hall_space
from registry import admin
from registry.auth import set_password_cost
from registry.db import create_registry_engine, migrate, utc_now
from registry.schema import AUDIT, BLOBS, CASE_BLOBS, CASES, DOCUMENTS, OPS
from sync.client import RegistryClient
from sync.engine import SyncEngine
from sync.enrol import enrol
from tests.support.net import free_port

ROOT = Path(__file__).resolve().parents[3]
SECRET = "test-secret-" + "x" * 40
HALL = "SF01"
BUSINESS = "1133990000248201X8000120103000"
COMPLETE = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}
STAFF = {
    "C001": ("王芳", Role.CLERK, "clerk-pass-1"),
    "S001": ("张敏", Role.SUPERVISOR, "super-pass-1"),
    "A001": ("管理员", Role.ADMIN, "admin-pass-1"),
}
_START_TIMEOUT = 30.0
# Real argon2id, at a cost fit for tests that create staff by the dozen (checks read the cost
# from each verifier, so the registry process verifies them just as it verifies dear ones).
set_password_cost(time_cost=1, memory_kib=8 * 1024)


def at(text: str) -> datetime:
    """A moment in the hall's time zone."""
    return datetime.fromisoformat(text).replace(tzinfo=HALL_TIMEZONE)


def person(n: int) -> Applicant:
    """A valid applicant, different for each n."""
    body = f"33010619850312{n % 1000:03d}"
    return Applicant.checked(
        kind=ApplicantKind.PERSON,
        name=f"张{n}",
        id_number=body + resident_id_check_char(body),
        phone="13812345678",
    )


class RegistryProcess:
    """A registry server in its own process, over real HTTP on loopback."""

    def __init__(self, database_url: str, workdir: Path, *, workers: int = 1) -> None:
        """A registry on `database_url` keeping its log in `workdir`; not started yet.

        `workers` > 1 serves with that many worker processes on one port (`serve --workers`,
        as the Linux service runs it).
        """
        self.database_url = database_url
        self.workdir = workdir
        self.workers = workers
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.engine: Engine = create_registry_engine(database_url)
        migrate(self.engine)

    @property
    def url(self) -> str:
        """The registry's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start serving (on the port of the previous run, if there was one)."""
        port_file = self.workdir / "registry.port"
        port_file.unlink(missing_ok=True)
        command = [sys.executable, "-m", "registry", "serve", "--host", "127.0.0.1"]
        if self.workers > 1:  # the workers bind the port themselves: no port file then
            self.port = self.port or free_port()
            command += ["--port", str(self.port), "--workers", str(self.workers)]
        else:
            command += ["--port", str(self.port), "--port-file", str(port_file)]
        command += ["--database-url", self.database_url]
        env = dict(os.environ, WINDOW_CLERK_REGISTRY_SECRET=SECRET)
        log = open(self.workdir / "registry.log", "ab")  # noqa: SIM115  (owned by the process)
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        log.close()
        if self.workers == 1:
            self.port = self._wait_for_port(port_file)
        self._wait_healthy()

    def _wait_for_port(self, port_file: Path) -> int:
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            self._require_running()
            if port_file.exists() and port_file.read_text().strip():
                return int(port_file.read_text())
            time.sleep(0.02)
        raise RuntimeError(f"the registry did not start: {self.log_tail()}")

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            self._require_running()
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=2).ok:
                    return
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.02)
        raise RuntimeError(f"the registry does not answer: {self.log_tail()}")

    def _require_running(self) -> None:
        assert self.process is not None
        if self.process.poll() is not None:
            raise RuntimeError(f"the registry exited: {self.log_tail()}")

    def log_tail(self) -> str:
        """The end of the registry's log."""
        path = self.workdir / "registry.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        """Stop gracefully."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def kill(self) -> None:
        """Kill -9."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=20)
        self.process = None

    def restart(self) -> None:
        """Stop and start again on the same port."""
        self.stop()
        self.start()

    def close(self) -> None:
        """Stop and release the database engine."""
        self.stop()
        self.engine.dispose()

    @contextmanager
    def db(self) -> Iterator[Connection]:
        """A transaction on the registry's database (for setting up and checking)."""
        with self.engine.begin() as connection:
            yield connection

    def setup_hall(self, hall: str = HALL, counters: Sequence[str] = ("W01", "W02", "W03")) -> None:
        """A hall with counters, staff and the demo catalogue."""
        now = utc_now()
        with self.db() as connection:
            admin.import_catalogue(connection, load_catalogue(DEMO_CATALOGUE), now=now)
            admin.create_hall(connection, code=hall, name="测试大厅", now=now)
            for code in counters:
                admin.create_counter(connection, hall=hall, code=code)
            for staff_id, (name, role, password) in STAFF.items():
                admin.create_staff(
                    connection,
                    staff_id=f"{hall}{staff_id}",
                    hall=hall,
                    name=name,
                    role=role,
                    password=password,
                    now=now,
                )

    def enrolment_code(self, counter: str, hall: str = HALL) -> str:
        """A fresh one-time code for a counter."""
        with self.db() as connection:
            return admin.enrolment_code(connection, hall=hall, code=counter, now=utc_now(), hours=1)


def sqlite_registry(folder: Path) -> Iterator[RegistryProcess]:
    """A running registry on a SQLite file in `folder` with hall SF01, its staff and the demo
    catalogue; stopped after (a fixture's body: `yield from sqlite_registry(tmp_path)`)."""
    process = RegistryProcess(f"sqlite:///{folder / 'registry.sqlite'}", folder)
    process.setup_hall()
    process.start()
    yield process
    process.close()


@dataclass
class Counter:
    """A counter: its store on disk, its client of the registry, its sync engine."""

    name: str
    store: Store
    client: RegistryClient
    scans: ScanFolder
    engine: SyncEngine = field(init=False)
    clerk: Actor = field(default_factory=lambda: Actor("C001", "王芳", Role.CLERK))
    cursors_seen: dict[tuple[str | None, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.engine = SyncEngine(self.store, self.client, scans=self.scans)

    @classmethod
    def enrolled(
        cls, registry: RegistryProcess, code_name: str, folder: Path, *, url: str | None = None
    ) -> Counter:
        """A new counter store enrolled with the registry (through `url` if given, e.g. a proxy)."""
        folder.mkdir(parents=True, exist_ok=True)
        store = open_store(folder / "counter.db")
        client = RegistryClient(url or registry.url, timeout=(2.0, 5.0))
        enrol(store, client, registry.enrolment_code(code_name))
        counter = cls(code_name, store, client, ScanFolder(folder / "scans"))
        counter.sync()  # the catalogue, calendar and staff arrive before any work
        return counter

    @classmethod
    def reopened(cls, code_name: str, store_path: Path) -> Counter:
        """The counter started again on its store, with the credential the store keeps."""
        store = open_store(store_path)
        credentials = store.ledger().credentials()
        assert credentials is not None
        client = RegistryClient(
            credentials.registry_url, token=credentials.token, timeout=(2.0, 5.0)
        )
        return cls(code_name, store, client, ScanFolder(store_path.parent / "scans"))

    def open_and_accept(self, n: int, *, when: str = "2026-03-02 09:00") -> str:
        """Open a complete business case, record its materials and accept it."""
        now = at(when)
        case_id = services.open_case(
            self.store.unit_of_work(),
            case_id=uuid7(),
            item_code=BUSINESS,
            situation=None,
            applicant=person(n),
            actor=self.clerk,
            now=now,
        ).case.case_id
        services.record_materials(
            self.store.unit_of_work(), case_id=case_id, records=COMPLETE, actor=self.clerk, now=now
        )
        services.accept(self.store.unit_of_work(), case_id=case_id, actor=self.clerk, now=now)
        return case_id

    def attach_scan(self, case_id: str, data: bytes, *, material: str = "M01") -> str:
        """Scan a material of a case (bytes to the scan folder first); returns its SHA-256."""
        sha256 = self.scans.put(data)
        services.attach_scan(
            self.store.unit_of_work(),
            case_id=case_id,
            material=material,
            sha256=sha256,
            size=len(data),
            media_type="application/pdf",
            actor=self.clerk,
            now=at("2026-03-02 09:20"),
        )
        return sha256

    def sync(self) -> None:
        """One sync round, then note the cursors (they must never move back)."""
        self.engine.run_once()
        ledger = self.store.ledger()
        epoch = ledger.server_epoch()
        for space in (GLOBAL_SPACE, hall_space(self.store.device.hall)):
            cursor = ledger.cursor(space)
            before = self.cursors_seen.get((epoch, space), 0)
            assert cursor >= before, (
                f"{self.name}: cursor of {space} moved back {before} → {cursor}"
            )
            self.cursors_seen[(epoch, space)] = cursor

    def close(self) -> None:
        """Close the store and the client."""
        self.client.close()
        self.store.close()


def staff_session(
    registry: RegistryProcess, staff: str = "S001", hall: str = HALL
) -> dict[str, str]:
    """Authorization headers of a staff member of the hall (see STAFF)."""
    password = STAFF[staff][2]
    answer = requests.post(
        f"{registry.url}/api/v1/auth/login",
        json={"staff_id": f"{hall}{staff}", "password": password},
        timeout=10,
    )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def local_ops(counter: Counter) -> list[tuple[str, str]]:
    """(op_id, state) of every operation in a counter's outbox."""
    with counter.store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT op_id, state FROM outbox ORDER BY client_seq")
        return [(row[0], row[1]) for row in rows]


def local_cases(counter: Counter) -> dict[str, tuple[str, Any]]:
    """case_id → (status, data) of a counter's cache."""
    with counter.store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT case_id, status, data FROM cases")
        return {row[0]: (row[1], json.loads(row[2])) for row in rows}


def check_invariants(
    registry: RegistryProcess, counters: Sequence[Counter], *, hall: str = HALL
) -> None:
    """Assert SYNC.md's invariants once every queue drained."""
    with registry.db() as connection:
        held = {
            row.op_id: row.state for row in connection.execute(select(OPS.c.op_id, OPS.c.state))
        }
        cases = {
            row.case_id: (row.status, json.loads(row.data))
            for row in connection.execute(select(CASES).where(CASES.c.hall == hall))
        }
        numbers = [row.number for row in connection.execute(select(DOCUMENTS.c.number))]
        missing_blobs = connection.execute(
            select(CASE_BLOBS.c.sha256)
            .outerjoin(BLOBS, BLOBS.c.sha256 == CASE_BLOBS.c.sha256)
            .where((BLOBS.c.verified.is_(None)) | (BLOBS.c.verified.is_(False)))
        ).all()
        audit_count = connection.execute(select(AUDIT.c.hash)).all()
    for counter in counters:
        ops = local_ops(counter)
        assert [op for op, state in ops if state == OpState.PENDING.value] == [], (
            f"{counter.name} still has pending operations"
        )
        for op_id, state in ops:
            assert op_id in held, f"{counter.name}: operation {op_id} never reached the registry"
            assert held[op_id] == state or state == OpState.DUPLICATE.value, (
                f"{op_id}: local {state}, registry {held[op_id]}"
            )
        assert local_cases(counter) == cases, f"{counter.name} did not converge with the registry"
    assert len(numbers) == len(set(numbers)), "a document number is used twice"
    assert missing_blobs == [], f"scans referenced but not verified: {missing_blobs}"
    assert audit_count, "the registry holds no audit entries"
