"""The lean path answers the queue's busiest routes exactly as FastAPI does (`registry.lean`).

Two real registry processes serve one SQLite database: one with the lean path (the default), one
with `WINDOW_CLERK_REGISTRY_LEAN_QUEUE=off`, where FastAPI answers every route. The same
requests — refused credentials, malformed, oversized and gzipped bodies, rule violations and
successful calls and moves — must get the same status, the same JSON and the same headers
from both.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from clerk.wire import EPOCH_HEADER
from registry.access_log import REQUEST_ID_HEADER
from registry.api import create_app
from registry.db import create_registry_engine, migrate
from registry.errors import ConfigurationError
from registry.lean import LeanPath
from registry.settings import Settings, from_environment
from sync.queue_client import new_request_id
from tests.integration.queue.harness import QueueHall
from tests.integration.sync.harness import SECRET, RegistryProcess

API = "/api/v1"
BUSIEST = ("call/next", "counter/start", "counter/finish", "tickets", "call/again", "counter/park")
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RegistryProcess, ...]]:
    """(lean, plain): two registry processes over one database."""
    folder = tmp_path_factory.mktemp("lean")
    url = f"sqlite:///{folder / 'registry.sqlite'}"
    (folder / "lean").mkdir()
    (folder / "plain").mkdir()
    lean = RegistryProcess(url, folder / "lean")
    plain = RegistryProcess(url, folder / "plain")
    lean.start()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WINDOW_CLERK_REGISTRY_LEAN_QUEUE", "off")
        plain.start()
    yield lean, plain
    lean.close()
    plain.close()


@pytest.fixture
def hall(servers: tuple[RegistryProcess, ...], tmp_path: Path) -> Iterator[QueueHall]:
    with QueueHall.opened(servers[0], tmp_path) as opened:
        yield opened


def both(
    servers: tuple[RegistryProcess, ...],
    path: str,
    *,
    token: str | None,
    body: bytes,
    headers: dict[str, str] | None = None,
    method: str = "POST",
) -> tuple[requests.Response, requests.Response]:
    """The same request to the lean path's registry, then to the plain one."""
    sent = {**JSON, **(headers or {})}
    if token is not None:
        sent.setdefault("Authorization", f"Bearer {token}")
    return tuple(  # type: ignore[return-value]
        requests.request(method, f"{server.url}{API}{path}", data=body, headers=sent, timeout=30)
        for server in servers
    )


def same(answers: tuple[requests.Response, requests.Response]) -> dict[str, Any]:
    """Assert both answers are alike; return the lean path's JSON body."""
    lean, plain = answers
    assert (lean.status_code, lean.json()) == (plain.status_code, plain.json())
    assert lean.headers["content-type"] == plain.headers["content-type"] == "application/json"
    assert lean.headers[EPOCH_HEADER] == plain.headers[EPOCH_HEADER] != ""
    asked = lean.request.headers.get(REQUEST_ID_HEADER)
    assert lean.headers[REQUEST_ID_HEADER] == (asked or lean.headers[REQUEST_ID_HEADER]) != ""
    assert plain.headers[REQUEST_ID_HEADER] == (asked or plain.headers[REQUEST_ID_HEADER]) != ""
    body: dict[str, Any] = lean.json()
    return body


def call_body(hall: QueueHall, **changes: Any) -> bytes:
    return json.dumps({"request_id": new_request_id(), "staff_id": hall.clerk, **changes}).encode()


def test_refusals_are_answered_alike(servers: tuple[RegistryProcess, ...], hall: QueueHall) -> None:
    token = hall.device("W01").token
    asked = {"X-Request-ID": "same-id-1"}
    cases: list[tuple[str | None, bytes, dict[str, str], int, str]] = [
        (None, call_body(hall), {}, 401, "unauthorized"),
        ("x", call_body(hall), {"Authorization": "Basic dXNlcjpwYXNz"}, 401, "unauthorized"),
        ("wcd_not-a-token", call_body(hall), {}, 401, "unauthorized"),
        (token, b'{"request_id": ', {}, 422, "invalid"),
        (token, b"{}", {}, 422, "invalid"),
        (token, b"[1, 2]", {}, 422, "invalid"),
        (token, call_body(hall, request_id=5), {}, 422, "invalid"),
        (token, call_body(hall, request_id="x" * 65), {}, 422, "invalid"),
        (token, call_body(hall, staff_id="NOBODY"), {}, 422, "invalid"),
        (token, b"", {}, 422, "invalid"),
        (token, b"\x17j5\xff(\x07", {}, 400, "http"),
        (token, b"[" * 100_000 + b"]" * 100_000, {}, 400, "http"),
        (token, call_body(hall), {"Content-Type": "text/plain"}, 422, "invalid"),
        (token, b"\x1f\x8b broken", {"Content-Encoding": "gzip"}, 400, "bad_request"),
        (
            token,
            gzip.compress(b" " * (9 * 1024 * 1024)),
            {"Content-Encoding": "gzip"},
            413,
            "too_large",
        ),
    ]
    for credential, body, headers, status, code in cases:
        answers = both(
            servers, "/queue/call/next", token=credential, body=body, headers={**asked, **headers}
        )
        answer = same(answers)
        assert answers[0].status_code == status, body[:40]
        assert (answer.get("code"), bool(answer.get("message"))) == (code, True), body[:40]
    # An access record per request, on the route's template, in the lean path's log too.
    log = (servers[0].workdir / "registry.log").read_text()
    assert "/api/v1/queue/call/next" in log


def test_calls_and_moves_are_answered_alike(
    servers: tuple[RegistryProcess, ...], hall: QueueHall
) -> None:
    lean, plain = servers
    token = hall.device("W01").token
    first, second = hall.issue(), hall.issue()
    body = call_body(hall)
    # The lean claims; the plain registry answers the same request id as a replay.
    by_lean, replayed = both(servers, "/queue/call/next", token=token, body=body)
    assert by_lean.status_code == replayed.status_code == 200
    assert by_lean.json()["ticket"] == replayed.json()["ticket"]
    assert by_lean.json()["ticket"]["number"] == first.number
    assert replayed.json()["replayed"] is True
    # The loop rule refuses a new call while the ticket is unresolved, in the same words.
    loop = same(both(servers, "/queue/call/next", token=token, body=call_body(hall)))
    assert loop["code"] == "loop_rule"
    ticket_id = by_lean.json()["ticket"]["id"]
    start = json.dumps({"ticket_id": ticket_id}).encode()
    started, again = both(servers, "/queue/counter/start", token=token, body=start)
    assert started.status_code == 200
    assert again.status_code == 409  # started already: a rule, answered alike below
    assert again.json()["code"] == "queue_rule"
    assert same(both(servers, "/queue/counter/start", token=token, body=start))["code"]
    finish = json.dumps({"ticket_id": ticket_id, "outcome": "consultation"}).encode()
    finished = requests.post(
        f"{plain.url}{API}/queue/counter/finish",
        data=gzip.compress(finish),
        headers={**JSON, "Authorization": f"Bearer {token}", "Content-Encoding": "gzip"},
        timeout=30,
    )
    assert finished.status_code == 200
    assert finished.json()["ticket"]["state"] == "done"
    # The second ticket: called by the plain registry, replayed by the lean.
    body = call_body(hall)
    by_plain = requests.post(
        f"{plain.url}{API}/queue/call/next",
        data=body,
        headers={**JSON, "Authorization": f"Bearer {token}"},
        timeout=30,
    )
    replayed = requests.post(
        f"{lean.url}{API}/queue/call/next",
        data=body,
        headers={**JSON, "Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert by_plain.json()["ticket"] == replayed.json()["ticket"]
    assert replayed.json()["ticket"]["number"] == second.number
    # A kiosk's ticket from each: the same shape, numbers one after the other.
    kiosk = hall.kiosk.token
    issued = both(servers, "/queue/tickets", token=kiosk, body=b'{"service": "TAX"}')
    assert [answer.status_code for answer in issued] == [200, 200]
    shapes = [set(answer.json()) for answer in issued]
    assert shapes[0] == shapes[1] == {"ticket", "ahead", "estimate_seconds", "open_counters"}
    assert [answer.json()["ticket"]["number"] for answer in issued] == ["B001", "B002"]


def test_a_counters_view_is_answered_alike(
    servers: tuple[RegistryProcess, ...], hall: QueueHall
) -> None:
    token = hall.device("W02").token
    path = "/queue/counter"

    def get(**headers: str) -> tuple[requests.Response, requests.Response]:
        return both(servers, path, token=token, body=b"", headers=headers, method="GET")

    for credential in (None, "wcd_not-a-token"):
        answers = both(servers, path, token=credential, body=b"", method="GET")
        assert same(answers)["code"] == "unauthorized"
        assert answers[0].status_code == 401
    idle = same(get())
    assert (idle["counter"], idle["current"], idle["may_call_next"]) == ("W02", None, True)
    # A body and a query are ignored by both, as FastAPI ignores what an endpoint does not take.
    ignored = both(servers, f"{path}?after=5", token=token, body=b"{oops", method="GET")
    assert same(ignored) == idle
    # Parked tickets make the view long enough to be gzipped: alike, for a client that accepts
    # gzip (requests does), and plain for one that does not.
    counter = hall.device("W02")
    for _ in range(8):
        hall.issue()
        parked = hall.called("W02")
        counter.start(parked.id)
        counter.park(parked.id, note="the applicant fetches a copy of the contract")
    hall.issue()
    current = hall.called("W02")
    answers = get()
    busy = same(answers)
    assert (busy["current"]["id"], len(busy["parked"])) == (current.id, 8)
    assert [a.headers.get("content-encoding") for a in answers] == ["gzip", "gzip"]
    assert [a.headers.get("vary") for a in answers] == ["Accept-Encoding", "Accept-Encoding"]
    assert len(answers[0].content) >= 2048  # undone by requests
    plain = get(**{"Accept-Encoding": "identity"})
    assert same(plain) == busy
    assert [a.headers.get("content-encoding") for a in plain] == [None, None]
    assert [int(a.headers["content-length"]) for a in plain] == [len(a.content) for a in plain]


@pytest.mark.parametrize("turned_on", [True, False])
def test_the_lean_path_answers_the_busiest_queue_routes_unless_turned_off(
    turned_on: bool, tmp_path: Path
) -> None:
    engine = create_registry_engine(f"sqlite:///{tmp_path / 'registry.sqlite'}")
    migrate(engine)
    settings = Settings(database_url="sqlite://", secret=SECRET, lean_queue=turned_on)
    app = create_app(settings, engine)
    leans = [
        middleware.cls.__self__  # type: ignore[attr-defined]
        for middleware in app.user_middleware
        if isinstance(getattr(middleware.cls, "__self__", None), LeanPath)
    ]
    if not turned_on:
        assert leans == []
        return
    (lean,) = leans
    paths = {path for method, path in lean.answered if method == "POST"}
    assert {f"{API}/queue/{path}" for path in BUSIEST} <= paths
    assert not any("/admin/" in path or "display" in path for path in paths)
    reads = {path for method, path in lean.answered if method == "GET"}
    assert reads == {f"{API}/queue/counter"}


def test_the_switch_reads_on_and_off_and_refuses_anything_else() -> None:
    def lean_queue(value: str | None) -> bool:
        environ = {"WINDOW_CLERK_REGISTRY_SECRET": SECRET}
        if value is not None:
            environ["WINDOW_CLERK_REGISTRY_LEAN_QUEUE"] = value
        return from_environment(environ, database_url="sqlite://").lean_queue

    assert [lean_queue(value) for value in (None, "", "on", "1", "OFF", "0", "no")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    with pytest.raises(ConfigurationError, match="LEAN_QUEUE must be on or off"):
        lean_queue("sometimes")
