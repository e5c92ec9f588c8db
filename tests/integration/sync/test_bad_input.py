"""Bad input gets a 4xx with a clear message and changes nothing (SQLite and PostgreSQL).

Oversized bodies (declared, streamed in chunks, or a gzip bomb), damaged payloads, malformed
JSON and values the database cannot hold are refused whole; unknown operations are refused one
by one while the rest of their batch is applied; scans with a wrong hash or at a wrong offset are
refused, and an interrupted upload resumes re-sending at most one chunk. Every test works in a
hall of its own on a registry process shared by the module (see `halls.py`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import hashlib
import json
import socket
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import func, select

from clerk.wire import (
    MAX_BATCH_OPS,
    MAX_BODY_BYTES,
    Operation,
    canonical_json,
    hall_space,
    sha256_text,
    to_wire,
)
from registry.schema import BLOBS, CASES, OPS, SPACES
from sync.client import Offline, RegistryClient
from tests.integration.sync.halls import BACKENDS, Hall, assert_problem, outbox, shared_registry
from tests.integration.sync.harness import RegistryProcess
from tests.support.faultproxy import DROP_REQUEST, DROP_RESPONSE, Fault, FaultProxy
from tests.support.http11 import Response, SocketReader, read_response

CHUNK = 64 * 1024


@pytest.fixture(scope="module", params=BACKENDS)
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    """One registry for the module's tests, on each backend."""
    yield from shared_registry(request, tmp_path_factory)


@pytest.fixture
def hall(live: RegistryProcess, tmp_path: Path) -> Iterator[Hall]:
    """A fresh hall of the shared registry."""
    with Hall.opened(live, tmp_path) as opened:
        yield opened


# -- helpers --------------------------------------------------------------------------------


def push(hall: Hall, token: str, ops: Iterable[Operation]) -> requests.Response:
    """Push operations exactly as given."""
    return hall.api.call("POST", "/sync/push", token=token, json={"ops": to_wire(list(ops))})


def resealed(op: Operation, **changes: Any) -> Operation:
    """`op` changed, with a payload hash that matches its (possibly new) payload."""
    changed = dataclasses.replace(op, **changes)
    return dataclasses.replace(changed, payload_sha256=sha256_text(canonical_json(changed.payload)))


def forged(seq: int, **changes: Any) -> Operation:
    """An operation no counter wrote, with a new op_id and a payload hash that matches.

    op_ids are unique across the whole registry, so every forged one is new.
    """
    base = Operation(
        op_id=str(uuid.uuid4()),
        client_seq=seq,
        op_type="case.open",
        payload_version=1,
        entity_id=f"forged-{seq}",
        base_version=None,
        payload={"note": "forged"},
        payload_sha256="",
    )
    return resealed(base, **changes)


def held(hall: Hall, op_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """op_id → (state, payload_sha256) of the operations the registry holds among `op_ids`."""
    query = select(OPS.c.op_id, OPS.c.state, OPS.c.payload_sha256)
    with hall.registry.db() as connection:
        rows = connection.execute(query.where(OPS.c.op_id.in_(list(op_ids))))
        return {row.op_id: (row.state, row.payload_sha256) for row in rows}


def footprint(hall: Hall) -> tuple[int, ...]:
    """What a refused request must not change: operations, cases, blobs, the hall's position."""
    space = select(SPACES.c.version).where(SPACES.c.space == hall_space(hall.code))
    with hall.registry.db() as connection:
        counts = [
            connection.scalar(select(func.count()).select_from(table))
            for table in (OPS, CASES, BLOBS)
        ]
        counts.append(connection.scalar(space))
    return tuple(int(count or 0) for count in counts)


def raw_exchange(base_url: str, head: bytes, body: Iterable[bytes] = ()) -> Response:
    """Send a hand-framed request over a plain socket and read the answer.

    The registry may answer and close before the whole body is sent, which `requests` reports
    as a broken connection; here the answer is read whatever became of the rest.
    """
    address = urlsplit(base_url)
    assert address.hostname is not None
    assert address.port is not None
    with socket.create_connection((address.hostname, address.port), timeout=20) as sock:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(head)
            for piece in body:
                sock.sendall(piece)
        return read_response(SocketReader(sock), request_method="POST")


def raw_head(method: str, target: str, token: str, *headers: str) -> bytes:
    """A request head for `raw_exchange`."""
    lines = [f"{method} /api/v1{target} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"Authorization: Bearer {token}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def raw_problem(response: Response, status: int) -> str:
    """Assert a raw answer is a Problem with `status`; returns its message."""
    assert response.status == status, response.raw[:500]
    assert (response.header("content-type") or "").startswith("application/json")
    body = json.loads(response.body)
    assert body["code"], body
    assert body["message"], body
    return str(body["message"])


def scan_of(hall: Hall, size: int) -> bytes:
    """A scan's bytes, different in every hall (blobs are shared by hash across halls)."""
    seed = hashlib.sha256(hall.code.encode()).digest()
    return (seed * (size // len(seed) + 1))[:size]


def sha(data: bytes) -> str:
    """The hex SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()


def put(hall: Hall, token: str, blob: bytes, offset: int, data: bytes) -> requests.Response:
    """Upload `data` at `offset` of the scan `blob` (named by its real hash)."""
    return hall.api.call(
        "PUT",
        f"/blobs/{sha(blob)}",
        token=token,
        params={"size": len(blob), "offset": offset},
        data=data,
        headers={"Content-Type": "application/octet-stream"},
    )


def received(hall: Hall, token: str, digest: str) -> int | None:
    """How many bytes of a blob the registry holds (None when no upload started)."""
    response = hall.api.call("GET", f"/blobs/{digest}", token=token)
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.text
    return int(response.json()["received"])


# -- oversized bodies -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "target"),
    [("POST", "/sync/push"), ("PUT", f"/blobs/{'a' * 64}?size=9000000"), ("POST", "/enrol")],
)
def test_a_body_declared_larger_than_the_limit_is_refused_before_it_is_read(
    hall: Hall, method: str, target: str
) -> None:
    token, before = hall.token(), footprint(hall)
    declared = f"Content-Length: {MAX_BODY_BYTES + 1}"
    head = raw_head(method, target, token, "Content-Type: application/json", declared)
    answer = raw_exchange(hall.registry.url, head)  # not one byte of the body is sent
    assert str(MAX_BODY_BYTES) in raw_problem(answer, 413)
    assert footprint(hall) == before


def test_a_chunked_body_that_grows_past_the_limit_is_cut_off(hall: Hall) -> None:
    token, before = hall.token(), footprint(hall)
    head = raw_head(
        "POST", "/sync/push", token, "Content-Type: application/json", "Transfer-Encoding: chunked"
    )
    pieces = [b'{"ops": [], "pad": "'.ljust(CHUNK * 16, b"0")]
    pieces += [b"0" * (CHUNK * 16)] * (MAX_BODY_BYTES // (CHUNK * 16) - 1)
    pieces.append(b"0")  # the one byte too many; no closing chunk follows
    framed = [f"{len(piece):x}\r\n".encode() + piece + b"\r\n" for piece in pieces]
    assert sum(len(piece) for piece in pieces) == MAX_BODY_BYTES + 1
    message = raw_problem(raw_exchange(hall.registry.url, head, framed), 413)
    assert f"larger than {MAX_BODY_BYTES} bytes" in message
    assert footprint(hall) == before


def test_a_gzip_bomb_is_refused_once_it_inflates_past_the_limit(hall: Hall) -> None:
    token, before = hall.token(), footprint(hall)
    bomb = gzip.compress(b'{"ops": [], "pad": "' + b"0" * MAX_BODY_BYTES + b'"}')
    assert len(bomb) < 64 * 1024  # small on the wire
    response = hall.api.call(
        "POST",
        "/sync/push",
        token=token,
        data=bomb,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert f"inflates to more than {MAX_BODY_BYTES}" in assert_problem(response, 413)
    assert footprint(hall) == before


def test_more_operations_than_a_batch_holds_are_refused_whole(hall: Hall) -> None:
    token, before = hall.token(), footprint(hall)
    ops = [forged(seq) for seq in range(1, MAX_BATCH_OPS + 2)]
    assert f"at most {MAX_BATCH_OPS} operations" in assert_problem(push(hall, token, ops), 413)
    assert footprint(hall) == before
    assert push(hall, token, ops[:MAX_BATCH_OPS]).status_code == 200  # one fewer is a batch


# -- damaged and malformed pushes -----------------------------------------------------------


def test_a_payload_that_does_not_match_its_hash_refuses_the_whole_batch(hall: Hall) -> None:
    counter = hall.counter("W01")
    counter.open_and_accept(1)
    counter.open_and_accept(2)
    ops = outbox(counter)
    victim = ops[len(ops) // 2]
    damaged = list(ops)
    damaged[len(ops) // 2] = dataclasses.replace(victim, payload=dict(victim.payload, note="!"))
    assert counter.client.token is not None
    before = footprint(hall)
    message = assert_problem(push(hall, counter.client.token, damaged), 422, "invalid")
    assert f"operation {victim.op_id}" in message
    assert "nothing in this batch was applied" in message
    assert held(hall, [op.op_id for op in ops]) == {}
    assert footprint(hall) == before
    answer = push(hall, counter.client.token, ops)  # the intact batch goes through
    assert [r["state"] for r in answer.json()["results"]] == ["applied"] * len(ops)


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (b'{"ops": [', "JSON decode error"),
        (b'{"ops": "all of them"}', "body.ops"),
        (b'{"ops": [{"op_id": "x"}]}', "body.ops.0.payload_sha256"),
        (b'{"ops": [{"op_id": "x", "client_seq": "one"}]}', "body.ops.0.client_seq"),
        (b"[]", "body"),
    ],
    ids=["malformed", "not-a-list", "missing-fields", "wrong-type", "not-an-object"],
)
def test_a_push_that_does_not_fit_the_schema_gets_422_with_details(
    hall: Hall, body: bytes, named: str
) -> None:
    token, before = hall.token(), footprint(hall)
    response = hall.api.call(
        "POST", "/sync/push", token=token, data=body, headers={"Content-Type": "application/json"}
    )
    assert_problem(response, 422, "invalid")
    details = response.json()["details"]
    assert any(named in detail for detail in details), details
    assert footprint(hall) == before


@pytest.mark.parametrize(
    ("target", "body", "named"),
    [
        ("/auth/login", {"staff_id": 5}, "body.password"),
        ("/enrol", {"code": ["AAAA"]}, "body.code"),
        ("/cases/x/decisions", {"action": "approve", "base_version": "latest"}, "base_version"),
        ("/admin/staff", {"staff_id": "X", "role": "boss"}, "body.role"),
        ("/admin/halls", {"code": 7}, "body.name"),
    ],
)
def test_other_requests_with_wrong_types_or_missing_fields_get_422_with_details(
    hall: Hall, target: str, body: dict[str, Any], named: str
) -> None:
    token = hall.session("A001")
    before = footprint(hall)
    response = hall.api.call("POST", target, token=token, json=body)
    assert_problem(response, 422, "invalid")
    assert any(named in detail for detail in response.json()["details"]), response.text
    assert footprint(hall) == before


def test_unknown_operation_types_and_payload_versions_are_refused_one_by_one(
    hall: Hall,
) -> None:
    counter = hall.counter("W01")
    case_id = counter.open_and_accept(1)
    ops = outbox(counter)
    strange_type = forged(1001, op_type="queue.teleport")
    future_version = resealed(ops[0], op_id=str(uuid.uuid4()), client_seq=1002, payload_version=9)
    assert counter.client.token is not None
    answer = push(hall, counter.client.token, [strange_type, *ops, future_version])
    assert answer.status_code == 200, answer.text
    results = {r["op_id"]: (r["state"], r["code"]) for r in answer.json()["results"]}
    assert results.pop(strange_type.op_id) == ("rejected", "malformed_payload")
    assert results.pop(future_version.op_id) == ("rejected", "unsupported_payload_version")
    assert results == {op.op_id: ("applied", None) for op in ops}
    with hall.registry.db() as connection:
        status = connection.scalar(select(CASES.c.status).where(CASES.c.case_id == case_id))
    assert status == "accepted"
    attention = hall.api.call("GET", "/attention", token=hall.session("S001")).json()["items"]
    assert {item["op_id"] for item in attention} == {strange_type.op_id, future_version.op_id}


def test_an_op_id_reused_for_another_payload_is_refused_and_the_first_stands(hall: Hall) -> None:
    counter = hall.counter("W01")
    case_id = counter.open_and_accept(1)
    first = outbox(counter)[0]
    token = counter.client.token
    assert token is not None
    assert push(hall, token, [first]).json()["results"][0]["state"] == "applied"
    case = dict(first.payload["case"], notes="another story")
    impostor = resealed(first, payload=dict(first.payload, case=case))
    result = push(hall, token, [impostor]).json()["results"][0]
    assert (result["state"], result["code"]) == ("rejected", "op_id_reused")
    assert held(hall, [first.op_id]) == {first.op_id: ("applied", first.payload_sha256)}
    with hall.registry.db() as connection:
        data = connection.scalar(select(CASES.c.data).where(CASES.c.case_id == case_id))
    assert json.loads(str(data)) == first.payload["case"]
    assert push(hall, token, [first]).json()["results"][0]["state"] == "duplicate"


# -- values the database cannot hold (regressions: each of these was answered 500) -----------


def test_a_client_seq_beyond_64_bits_is_refused_and_nothing_is_applied(hall: Hall) -> None:
    token, before = hall.token(), footprint(hall)
    ops = [forged(1), forged(2, client_seq=2**64)]
    assert "out of range" in assert_problem(push(hall, token, ops), 422, "invalid")
    assert footprint(hall) == before


def _long_staff(hall: str) -> dict[str, Any]:
    return {"staff_id": "S" * 100, "hall": hall, "name": "n", "role": "clerk", "password": "p" * 8}


UNSTORABLE: dict[str, tuple[str, str, Callable[[str], Any], str | None]] = {
    "login-nul": (
        "POST",
        "/auth/login",
        lambda h: {"staff_id": f"{h}\0", "password": "p" * 8},
        None,
    ),
    "case-id-nul": ("GET", "/cases/nul%00byte", lambda h: None, "S001"),
    "hall-name-nul": ("POST", "/admin/halls", lambda h: {"code": "NUL1", "name": "a\0b"}, "A001"),
    "staff-id-too-long": ("POST", "/admin/staff", _long_staff, "A001"),
    "op-id-too-long": ("POST", "/sync/push", lambda h: [forged(1, op_id="o" * 100)], "W01"),
    "op-id-nul": ("POST", "/sync/push", lambda h: [forged(1, op_id="nul\0")], "W01"),
}


@pytest.mark.parametrize("case", UNSTORABLE.values(), ids=UNSTORABLE.keys())
def test_values_the_database_cannot_hold_get_a_4xx_not_a_500(
    hall: Hall, case: tuple[str, str, Callable[[str], Any], str | None]
) -> None:
    """PostgreSQL refuses NUL characters and strings longer than their column; SQLite keeps them."""
    method, target, body_for, who = case
    token = None if who is None else hall.token(who) if who.startswith("W") else hall.session(who)
    body = body_for(hall.code)
    if isinstance(body, list):
        body = {"ops": to_wire(body)}
    response = hall.api.call(method, target, token=token, json=body)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert_problem(response, response.status_code)


# -- scans ----------------------------------------------------------------------------------


def test_a_scan_with_a_wrong_hash_is_refused_and_its_upload_starts_again_at_zero(
    hall: Hall,
) -> None:
    token = hall.token()
    scan = scan_of(hall, 4 * CHUNK)
    damaged = scan[: 3 * CHUNK] + b"\xff" * CHUNK
    for offset in range(0, 3 * CHUNK, CHUNK):
        assert put(hall, token, scan, offset, damaged[offset : offset + CHUNK]).status_code == 200
    last = put(hall, token, scan, 3 * CHUNK, damaged[3 * CHUNK :])
    assert "starts again" in assert_problem(last, 422, "invalid")
    assert received(hall, token, sha(scan)) == 0
    missing = hall.api.call("POST", "/blobs/missing", token=token, json={"hashes": [sha(scan)]})
    assert missing.json()["hashes"] == [sha(scan)]
    answers = [
        put(hall, token, scan, offset, scan[offset : offset + CHUNK]).json()
        for offset in range(0, len(scan), CHUNK)
    ]
    assert answers[-1]["verified"] is True


def test_a_chunk_at_the_wrong_offset_gets_409_saying_where_the_upload_stands(
    hall: Hall,
) -> None:
    token = hall.token()
    scan = scan_of(hall, 4 * CHUNK)
    assert put(hall, token, scan, 0, scan[:CHUNK]).status_code == 200
    for offset in (0, 2 * CHUNK):  # the first chunk again; skipping the second
        answer = put(hall, token, scan, offset, scan[offset : offset + CHUNK])
        assert f"stands at byte {CHUNK}, not {offset}" in assert_problem(answer, 409, "conflict")
    assert received(hall, token, sha(scan)) == CHUNK


def _upload_through(
    client: RegistryClient, scan: bytes, offsets: Iterable[int]
) -> Iterator[tuple[int, bool]]:
    for offset in offsets:
        state = client.upload_chunk(
            sha(scan), size=len(scan), offset=offset, data=scan[offset : offset + CHUNK]
        )
        yield state.received, state.verified


@pytest.mark.parametrize(
    ("fault", "sent_again"),
    [(DROP_RESPONSE, 0), (DROP_REQUEST, 1)],
    ids=["answer-lost-after-commit", "request-lost"],
)
def test_an_interrupted_upload_resumes_re_sending_at_most_one_chunk(
    hall: Hall, fault: Fault, sent_again: int
) -> None:
    token = hall.token()
    scan = scan_of(hall, 8 * CHUNK)
    with FaultProxy("127.0.0.1", hall.registry.port) as proxy:
        client = RegistryClient(proxy.url, token=token, timeout=(2.0, 5.0))
        try:
            list(_upload_through(client, scan, [0, CHUNK, 2 * CHUNK]))
            proxy.inject(fault, path_prefix="/api/v1/blobs/")
            with pytest.raises(Offline):
                list(_upload_through(client, scan, [3 * CHUNK]))
            state = client.upload_state(sha(scan))  # resume where the registry stands
            assert state is not None
            rest = list(_upload_through(client, scan, range(state.received, len(scan), CHUNK)))
        finally:
            client.close()
        puts = [(entry.path, str(entry.fault)) for entry in proxy.log if entry.method == "PUT"]
    assert rest[-1] == (len(scan), True)
    assert len(puts) - len(scan) // CHUNK == sent_again, puts
