"""A schema-driven fuzzer over the live registry: no 5xx, no answer outside the OpenAPI description.

schemathesis reads /api/v1/openapi.json from a real registry process (SQLite and PostgreSQL) and
generates requests for every operation. A first pass sends them without credentials (schemathesis
invents its own bearer tokens), valid ones and invalid ones (its positive and negative modes). A
second pass sends valid requests with valid credentials, so the handlers themselves run on
generated values: a counter's token on the device endpoints, an admin's session on the staff and
admin ones. Invalid requests need no second pass: FastAPI refuses them (422) before any route
looks at a credential. Every answer must not be a server error, must have a documented status
code and content type, and its body must match the documented schema. Examples are bounded and
derandomized, so CI runs are repeatable and short; REGISTRY_FUZZ_EXAMPLES=200 explores further.

schemathesis' own pytest integration (`schemathesis.pytest.from_fixture`) does not run under
pytest 9 (it sets `Function._nodeid`, which pytest 9 no longer has), so each operation is driven
by a plain hypothesis test over `APIOperation.as_strategy`, and the failures of every operation
are reported together.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import APIOperation, Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from registry.server import listening_socket
from tests.integration.sync.harness import HALL, STAFF, RegistryProcess

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = int(os.environ.get("REGISTRY_FUZZ_EXAMPLES", "12"))
LOGIN_EXAMPLES = max(1, EXAMPLES // 3)  # each login verifies an argon2 hash: slow on purpose
DEVICE_TAGS = frozenset({"sync", "blobs"})
STAFF_TAGS = frozenset({"cases", "admin"})
Operation = APIOperation[Any, Any, Any, Any]
Headers = Callable[[Operation], dict[str, str]]


@dataclass(frozen=True, slots=True)
class Pass:
    """One run of the fuzzer over the operations, with some credentials (or none)."""

    name: str
    headers: Headers
    modes: tuple[GenerationMode, ...]
    public: bool  # the public operations take no credential: one pass over them is enough


def _no_credentials(_operation: Operation) -> dict[str, str]:
    return {}


def _valid_credentials(registry: RegistryProcess, http: requests.Session) -> Headers:
    """A counter's token for the device endpoints, an admin's session for the staff ones."""
    api = f"{registry.url}/api/v1"
    enrolled = http.post(f"{api}/enrol", json={"code": registry.enrolment_code("W01")}, timeout=10)
    _, _, password = STAFF["A001"]
    login = {"staff_id": f"{HALL}A001", "password": password}
    session = http.post(f"{api}/auth/login", json=login, timeout=10)
    assert enrolled.status_code == session.status_code == 200, enrolled.text + session.text
    device = {"Authorization": f"Bearer {enrolled.json()['token']}"}
    admin = {"Authorization": f"Bearer {session.json()['token']}"}

    def headers(operation: Operation) -> dict[str, str]:
        tags = set(operation.tags or ())
        if tags & DEVICE_TAGS:
            return device
        return admin if tags & STAFF_TAGS else {}

    return headers


def _can_be_invalid(operation: Operation) -> bool:
    """Whether a request of `operation` has anything to make invalid (GET /health has not)."""
    return any(True for _ in operation.iter_parameters()) or any(True for _ in operation.body)


def _fuzz(
    operation: Operation,
    mode: GenerationMode,
    fixed: dict[str, str],
    http: requests.Session,
    statuses: Counter[int],
) -> None:
    """Send generated requests of one operation, counting statuses; raises what checks found."""
    examples = LOGIN_EXAMPLES if operation.path.endswith("/auth/login") else EXAMPLES

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=operation.as_strategy(generation_mode=mode, headers=fixed or None))
    def requests_of(case: Case[Operation]) -> None:
        response = case.call_and_validate(session=http, headers=fixed, checks=CHECKS, timeout=10)
        statuses[response.status_code] += 1

    requests_of()


def _run(
    run: Pass, registry: RegistryProcess, http: requests.Session, statuses: Counter[int]
) -> list[str]:
    """One pass over every operation; returns what failed, operation by operation."""
    schema = schemathesis.openapi.from_url(f"{registry.url}/api/v1/openapi.json")
    failures = []
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            failures.append(f"[{run.name}] the schema is invalid: {result.err()}")
            continue
        operation = result.ok()
        if "public" in (operation.tags or ()) and not run.public:
            continue
        for mode in run.modes:
            if mode is GenerationMode.NEGATIVE and not _can_be_invalid(operation):
                continue
            try:
                _fuzz(operation, mode, run.headers(operation), http, statuses)
            except (AssertionError, FailureGroup) as failure:
                failures.append(f"[{run.name}, {mode.value}] {operation.label}:\n{failure}")
    return failures


@pytest.fixture
def http() -> Iterator[requests.Session]:
    """One kept-alive HTTP session for every generated request."""
    with requests.Session() as session:
        yield session


def test_fuzzing_every_operation_finds_no_server_error_and_no_answer_outside_the_schema(
    registry: RegistryProcess, http: requests.Session
) -> None:
    passes = [
        Pass(
            "no credentials",
            _no_credentials,
            (GenerationMode.POSITIVE, GenerationMode.NEGATIVE),
            public=True,
        ),
        Pass(
            "valid credentials",
            _valid_credentials(registry, http),
            (GenerationMode.POSITIVE,),
            public=False,
        ),
    ]
    statuses: dict[str, Counter[int]] = {run.name: Counter() for run in passes}
    failures = [f for run in passes for f in _run(run, registry, http, statuses[run.name])]
    assert not failures, "\n\n".join(failures)
    assert statuses["no credentials"][401] > 0, statuses  # the credential checks were reached
    assert statuses["valid credentials"][200] > 0, statuses  # and so were the handlers


async def _accepted_nodelay(sock: socket.socket) -> int:
    """TCP_NODELAY of a connection accepted by asyncio (as uvicorn accepts them) from `sock`."""
    loop = asyncio.get_running_loop()
    seen: asyncio.Future[int] = loop.create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            accepted = transport.get_extra_info("socket")
            seen.set_result(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await loop.create_server(Probe, sock=sock)
    async with server:
        _, writer = await asyncio.open_connection(*sock.getsockname())
        nodelay = await asyncio.wait_for(seen, timeout=5)
        writer.close()
        await writer.wait_closed()
    return nodelay


def test_the_registry_answers_kept_alive_connections_without_waiting_for_delayed_acks() -> None:
    """Regression (found running this fuzzer over one kept-alive session).

    The listening socket named no protocol (0), so asyncio left Nagle's algorithm on: every
    answer on a kept-alive connection (the counters' sessions too) waited ~40 ms for the
    client's delayed ACK, 48 ms a request instead of 5. asyncio sets TCP_NODELAY only on
    sockets whose protocol is IPPROTO_TCP.
    """
    assert asyncio.run(_accepted_nodelay(listening_socket("127.0.0.1", 0))) == 1
