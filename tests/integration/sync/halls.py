"""One registry process per test module and backend, and a hall of its own for every test.

Starting a registry takes seconds; the access and bad-input tests need little more than a hall,
so each module shares one process per backend and every test works in a fresh `Hall` (its own
counters, staff and change space): what one test revokes, locks or uploads touches no other.
A module declares the two fixtures itself (fixtures imported by name trip the linters):

    @pytest.fixture(scope="module", params=BACKENDS)
    def live(request, tmp_path_factory):
        yield from shared_registry(request, tmp_path_factory)

    @pytest.fixture
    def hall(live, tmp_path):
        with Hall.opened(live, tmp_path) as opened:
            yield opened
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from clerk.catalog import DEMO_CATALOGUE, Catalogue, load_catalogue
from clerk.scans import ScanFolder
from clerk.store import open_store
from clerk.wire import API_PREFIX, Operation
from registry import admin
from registry.db import utc_now
from sync.client import RegistryClient
from sync.enrol import enrol
from tests.integration.sync.harness import STAFF, Counter, RegistryProcess
from tests.support.fixtures import unique_database_name

BACKENDS = ("sqlite", "postgresql")
COUNTERS = ("W01", "W02", "W03")
_HALL_NUMBERS = itertools.count(1)
_TIMEOUT = 10.0


@functools.cache
def _demo_catalogue() -> Catalogue:
    return load_catalogue(DEMO_CATALOGUE)


def shared_registry(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    """Body of a module-scoped fixture parametrised by `BACKENDS`: a registry, then its end."""
    backend = str(request.param)
    workdir = tmp_path_factory.mktemp(f"registry-{backend}")
    with fresh_database(request, backend, workdir) as url:
        yield from _serve(url, workdir)


@contextmanager
def fresh_database(request: pytest.FixtureRequest, backend: str, workdir: Path) -> Iterator[str]:
    """A new, empty database: a SQLite file in `workdir`, or (any other `backend`) a database
    of the session's PostgreSQL server, dropped at the end. Yields its URL."""
    if backend == "sqlite":
        yield f"sqlite:///{workdir / 'registry.sqlite'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = unique_database_name()
    server.create_database(name)
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


def _serve(database_url: str, workdir: Path) -> Iterator[RegistryProcess]:
    process = RegistryProcess(database_url, workdir)
    try:
        process.start()
        yield process
    finally:
        process.close()


class Api:
    """Raw HTTP calls to the registry's API, with a bearer token or none."""

    def __init__(self, base_url: str, session: requests.Session) -> None:
        self.base = base_url + API_PREFIX
        self.session = session

    def call(
        self, method: str, path: str, *, token: str | None = None, **kwargs: Any
    ) -> requests.Response:
        """One request to `path` (below /api/v1); `kwargs` go to `requests`."""
        headers = dict(kwargs.pop("headers", None) or {})
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.session.request(
            method, self.base + path, headers=headers, timeout=_TIMEOUT, **kwargs
        )

    def enrol(self, code: str) -> dict[str, Any]:
        """Enrol with a one-time code; the Enrolment as JSON."""
        response = self.call("POST", "/enrol", json={"code": code})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def login(self, staff_id: str, password: str) -> str:
        """A staff session token."""
        login = {"staff_id": staff_id, "password": password}
        response = self.call("POST", "/auth/login", json=login)
        assert response.status_code == 200, response.text
        return str(response.json()["token"])


@dataclass
class Hall:
    """A fresh hall of the shared registry: counters W01–W03, and staff when first asked for.

    The staff are those of `STAFF`: C001 (clerk), S001 (supervisor) and A001 (admin).
    """

    registry: RegistryProcess
    code: str
    api: Api
    folder: Path
    counters: list[Counter] = field(default_factory=list)
    staff: set[str] = field(default_factory=set)

    @classmethod
    @contextmanager
    def opened(cls, registry: RegistryProcess, folder: Path) -> Iterator[Hall]:
        """Set up a new hall; close its counters and HTTP session at the end."""
        code, now = f"T{next(_HALL_NUMBERS):03d}", utc_now()
        with registry.db() as connection:
            admin.import_catalogue(connection, _demo_catalogue(), now=now)  # once per registry
            admin.create_hall(connection, code=code, name="测试大厅", now=now)
            for counter in COUNTERS:
                admin.create_counter(connection, hall=code, code=counter)
        with requests.Session() as session:
            hall = cls(registry, code, Api(registry.url, session), folder)
            try:
                yield hall
            finally:
                for opened in hall.counters:
                    opened.close()

    def staff_id(self, member: str) -> str:
        """The staff number of "C001", "S001" or "A001" here, created on first use.

        Created lazily because hashing a password with argon2 takes about 0.4 s.
        """
        staff_id = f"{self.code}{member}"
        if member not in self.staff:
            name, role, password = STAFF[member]
            with self.registry.db() as connection:
                admin.create_staff(
                    connection,
                    staff_id=staff_id,
                    hall=self.code,
                    name=name,
                    role=role,
                    password=password,
                    now=utc_now(),
                )
            self.staff.add(member)
        return staff_id

    def session(self, member: str) -> str:
        """A staff session of one of the hall's members ("C001", "S001", "A001")."""
        return self.api.login(self.staff_id(member), STAFF[member][2])

    def token(self, counter: str = "W01") -> str:
        """Enrol a counter of the hall over HTTP (no store behind it); its token."""
        return str(self.api.enrol(self.registry.enrolment_code(counter, hall=self.code))["token"])

    def counter(self, code: str = "W01") -> Counter:
        """A counter of the hall with its own store, enrolled and synced once."""
        folder = self.folder / f"{self.code}-{code}"
        folder.mkdir(parents=True)
        store = open_store(folder / "counter.db")
        client = RegistryClient(self.registry.url, timeout=(2.0, 5.0))
        counter = Counter(code, store, client, ScanFolder(folder / "scans"))
        self.counters.append(counter)
        enrol(store, client, self.registry.enrolment_code(code, hall=self.code))
        counter.sync()
        return counter


def assert_problem(response: requests.Response, status: int, code: str | None = None) -> str:
    """Assert an error answer: `status`, a Problem body with a message; returns the message."""
    assert response.status_code == status, f"{response.status_code}: {response.text}"
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert isinstance(body.get("code"), str), body
    assert isinstance(body.get("message"), str), body
    assert body["code"], body
    assert body["message"], body
    assert isinstance(body.get("details"), list), body
    if code is not None:
        assert body["code"] == code, body
    return str(body["message"])


def outbox(counter: Counter) -> list[Operation]:
    """A counter's pending operations as it would push them."""
    batch = counter.store.ledger().outbox_batch(limit=10_000, max_bytes=1 << 30)
    return [
        Operation(
            op_id=op.op_id,
            client_seq=op.client_seq,
            op_type=op.op_type,
            payload_version=op.payload_version,
            entity_id=op.entity_id,
            base_version=op.base_version,
            payload=dict(op.payload),
            payload_sha256=op.payload_sha256,
        )
        for op in batch
    ]
