"""A counter's call or move is one request: its answer carries the counter's view after it.

The registry answers every call and move with the counter's view once the action has committed
(`CallAnswer.counter`, `TicketAnswer.counter`), so the counter's panel needs no second request
for it; and `ui.queue.remote.RegistryQueue` moves the ticket of the view it last returned (the
one on the clerk's screen) instead of reading the view before each move. A real hall's panel
sent three requests to start or finish a visit and two to call; it now sends one.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from clerk.errors import RuleViolation
from clerk.queue import Outcome, Placement, TicketState
from clerk.queue.wire import CallAnswer, CallNext, CounterView, IssueRequest, ProfileSpec
from clerk.wire import API_PREFIX
from registry import admin
from registry.db import is_postgres, utc_now
from registry.lean import LeanPath
from registry.queue_api import queue_router
from registry.settings import Settings
from sync.queue_client import QueueClient, new_request_id
from tests.integration.queue.harness import TIMEOUT, QueueHall, add_counters, configure
from tests.integration.sync.halls import BACKENDS, fresh_database
from tests.integration.sync.harness import HALL, SECRET, RegistryProcess
from ui.queue.port import CounterView as PanelView
from ui.queue.port import Seat
from ui.queue.remote import RegistryQueue

S = TicketState


def test_every_call_and_move_is_answered_with_the_counters_view_after_it(
    hall: QueueHall,
) -> None:
    w01, clerk = hall.device("W01"), hall.clerk
    hall.profile("W01", ProfileSpec(recall_cooldown_seconds=0))
    numbers = [hall.issue("BIZ").number for _ in range(4)]
    seen: list[tuple[str, CounterView | None]] = []

    def view(kind: str, counter: CounterView | None) -> CounterView:
        """The view an answer carried, which must be what the counter reads right after."""
        seen.append((kind, counter))
        assert counter is not None, kind
        assert counter == w01.counter(), kind
        return counter

    def rid() -> str:
        return new_request_id()

    first = w01.call_next(request_id=rid(), staff_id=clerk)
    assert first.ticket is not None
    assert first.ticket.number == numbers[0]
    assert view("call next", first.counter).current == first.ticket
    ticket = first.ticket.id
    view("again", w01.again(ticket, request_id=rid(), staff_id=clerk).counter)
    assert view("missed", w01.missed(ticket).counter).current is not None
    recalled = w01.recall(ticket, request_id=rid(), staff_id=clerk)
    assert view("recall", recalled.counter).current == recalled.ticket
    started = view("start", w01.start(ticket).counter)
    assert started.current is not None
    assert started.current.state == S.SERVING
    parked = view("park", w01.park(ticket, note="复印身份证").counter)
    assert [t.number for t in parked.parked] == [numbers[0]]
    assert parked.may_call_next
    second = w01.call_next(request_id=rid(), staff_id=clerk)
    assert second.ticket is not None
    view("call next", second.counter)
    transferred = w01.transfer(second.ticket.id, Placement.END, to_counter="W03", note="转3号")
    assert view("transfer", transferred.counter).may_call_next
    back = w01.call_parked(ticket, request_id=rid(), staff_id=clerk)
    assert view("call parked", back.counter).parked == []
    w01.start(ticket)
    done = w01.finish(ticket, Outcome.CONSULTATION)
    assert view("finish", done.counter).current == done.ticket
    by_number = w01.call_number(numbers[3], reason="老年人优先", request_id=rid(), staff_id=clerk)
    assert by_number.ticket is not None
    assert by_number.ticket.number == numbers[3]
    view("call number", by_number.counter)
    gone = w01.left(by_number.ticket.id, reason="材料未带")
    assert view("left", gone.counter).may_call_next
    last = w01.call_next(request_id=rid(), staff_id=clerk)  # numbers[2]; numbers[1] is W03's
    assert last.ticket is not None
    assert last.ticket.number == numbers[2]
    w01.start(last.ticket.id)
    w01.finish(last.ticket.id, Outcome.CONSULTATION)
    empty = w01.call_next(request_id=rid(), staff_id=clerk)
    assert empty.ticket is None
    assert view("nothing to call", empty.counter).may_call_next
    assert len(seen) == 13


def test_a_retried_call_is_answered_with_the_same_ticket_and_the_view_of_now(
    hall: QueueHall,
) -> None:
    w01, clerk = hall.device("W01"), hall.clerk
    hall.issue("BIZ")
    request_id = new_request_id()
    first = w01.call_next(request_id=request_id, staff_id=clerk)
    assert first.ticket is not None
    w01.start(first.ticket.id)

    again = w01.call_next(request_id=request_id, staff_id=clerk)

    assert again.replayed
    assert again.ticket is not None
    assert again.ticket.id == first.ticket.id
    assert again.counter is not None
    assert again.counter.current is not None
    assert again.counter.current.state == S.SERVING  # the counter as it is, not as it was
    assert again.counter == w01.counter()


# -- the action stands when its view cannot be read --------------------------------------------


@pytest.fixture(params=BACKENDS)
def in_process(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[RegistryProcess, dict[str, Any], dict[str, str]]]:
    """A registry database with a hall, its queues and two enrolled devices, and the queue's
    route endpoints over it in this process: (registry, endpoints by path, tokens)."""
    with fresh_database(request, str(request.param), tmp_path) as url:
        registry = RegistryProcess(url, tmp_path)
        try:
            yield _set_up(registry)
        finally:
            registry.close()


def _set_up(registry: RegistryProcess) -> tuple[RegistryProcess, dict[str, Any], dict[str, str]]:
    registry.setup_hall()
    add_counters(registry, HALL, ["K01"])
    configure(registry, HALL)
    tokens = {}
    for counter in ("K01", "W01"):
        with registry.db() as connection:
            code = admin.enrolment_code(connection, hall=HALL, code=counter, now=utc_now(), hours=1)
            tokens[counter] = admin.enrol(connection, code=code, now=utc_now()).token
    settings = Settings(database_url="sqlite://", secret=SECRET)
    router = queue_router(settings, registry.engine, LeanPath())
    endpoints = {r.path: r.endpoint for r in router.routes if isinstance(r, APIRoute)}
    return registry, endpoints, tokens


def bearer(token: str) -> HTTPAuthorizationCredentials:
    return HTTPAuthorizationCredentials(scheme="Bearer", credentials=token)


def test_the_view_after_a_call_is_read_once_it_committed_in_two_statements(
    in_process: tuple[RegistryProcess, dict[str, Any], dict[str, str]],
) -> None:
    """Read with the call's locks released (a call holds its hall's version row until it
    commits), on PostgreSQL without a transaction of its own (`registry.db.reading`)."""
    registry, endpoints, tokens = in_process
    endpoints[f"{API_PREFIX}/queue/tickets"](IssueRequest(service="BIZ"), bearer(tokens["K01"]))
    committed = threading.Event()
    postgres = is_postgres(registry.engine)
    after: list[tuple[str, bool]] = []  # each statement after the commit; in a transaction?

    def note(connection: Any, _cursor: object, statement: str, *_: object) -> None:
        if committed.is_set():
            driver = connection.connection.driver_connection
            alone = postgres and driver.autocommit is True
            after.append((statement.split(maxsplit=1)[0].upper(), alone))

    event.listen(registry.engine, "commit", lambda _: committed.set())
    event.listen(registry.engine, "before_cursor_execute", note)
    request = CallNext(request_id=new_request_id(), staff_id=f"{HALL}C001")
    answer = endpoints[f"{API_PREFIX}/queue/call/next"](request, bearer(tokens["W01"]))
    event.remove(registry.engine, "before_cursor_execute", note)

    assert answer.counter is not None
    assert answer.counter.current == answer.ticket
    reads = [alone for kind, alone in after if kind in ("SELECT", "WITH")]
    assert len(reads) == 2  # its row with its current and parked tickets, the counts
    assert all(reads) == postgres  # on SQLite in a transaction (of its own: after the commit)


def test_an_action_stands_when_its_view_cannot_be_read_after_it(
    in_process: tuple[RegistryProcess, dict[str, Any], dict[str, str]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The fault is injected at the driver's edge of a real SQLite engine (an SQLAlchemy event):
    every statement after the call's commit fails as a dropped connection would. Only a
    registry in this process lets a test choose that instant."""
    registry, endpoints, tokens = in_process
    issued = endpoints[f"{API_PREFIX}/queue/tickets"](
        IssueRequest(service="BIZ"), bearer(tokens["K01"])
    )
    committed = threading.Event()

    def refuse(*_: object) -> None:
        if committed.is_set():
            raise OperationalError("SELECT …", None, ConnectionError("connection dropped"))

    event.listen(registry.engine, "commit", lambda _: committed.set())
    event.listen(registry.engine, "before_cursor_execute", refuse)
    request = CallNext(request_id=new_request_id(), staff_id=f"{HALL}C001")
    with caplog.at_level(logging.WARNING, logger="registry.queue_api"):
        answer: CallAnswer = endpoints[f"{API_PREFIX}/queue/call/next"](
            request, bearer(tokens["W01"])
        )
    event.remove(registry.engine, "before_cursor_execute", refuse)

    assert answer.ticket is not None
    assert answer.ticket.number == issued.ticket.number
    assert answer.counter is None  # the counter reads its view itself
    assert [r.getMessage() for r in caplog.records] == [
        "counter W01: its view after its action could not be read (OperationalError)"
    ]
    view: CounterView = endpoints[f"{API_PREFIX}/queue/counter"](bearer(tokens["W01"]))
    assert view.current == answer.ticket  # the call stands


# -- the counter's panel: one request per action -----------------------------------------------


class _Counted:
    """A `requests.Session` recording every request it sends, as (method, path under the API);
    with `strip` on, answers lose their view, as a registry before views in answers sent them."""

    def __init__(self) -> None:
        self.session = requests.Session()
        self.session.hooks["response"].append(self._seen)
        self.sent: list[str] = []
        self.strip = False

    def _seen(self, response: requests.Response, *_: object, **__: object) -> None:
        path = (response.request.path_url or "").split(API_PREFIX, 1)[-1].split("?")[0]
        self.sent.append(f"{response.request.method} {path}")
        if self.strip and response.ok and path != "/queue/counter":
            body = json.loads(response.content)
            if isinstance(body, dict) and body.pop("counter", None) is not None:
                response._content = json.dumps(body).encode()

    def take(self) -> list[str]:
        sent, self.sent = self.sent, []
        return sent


def state(view: PanelView) -> TicketState | None:
    """The state of the panel's current ticket (None: none)."""
    return None if view.current is None else view.current.state


@pytest.fixture
def panel_port(hall: QueueHall) -> Iterator[tuple[RegistryQueue, _Counted, Seat]]:
    """The remote queue port of counter W02 over a counting session."""
    counted = _Counted()
    client = QueueClient(hall.registry.url, timeout=TIMEOUT, session=counted.session)
    client.token = client.enrol(hall.registry.enrolment_code("W02", hall=hall.code)).token
    port = RegistryQueue(client, retry_pause=0.05)
    try:
        yield port, counted, Seat("W02", hall.clerk)
    finally:
        port.close()


def test_the_panels_port_sends_one_request_per_call_or_move(
    hall: QueueHall, panel_port: tuple[RegistryQueue, _Counted, Seat]
) -> None:
    port, counted, seat = panel_port
    for _ in range(2):
        hall.issue("BIZ")
    counted.take()

    called = port.call_next(seat, request_id=new_request_id())
    started = port.start(seat)
    parked = port.park(seat, note="复印")
    port.call_next(seat, request_id=new_request_id())
    port.start(seat)
    finished = port.finish(seat, outcome=Outcome.CONSULTATION, case_ids=[], document_numbers=[])
    back = port.call_from_park(seat, number=parked.parked[0].number)

    assert counted.take() == [
        "POST /queue/call/next",
        "POST /queue/counter/start",
        "POST /queue/counter/park",
        "POST /queue/call/next",
        "POST /queue/counter/start",
        "POST /queue/counter/finish",
        "POST /queue/call/parked",
    ]
    assert (state(called), state(started), state(finished)) == (S.CALLED, S.SERVING, None)
    assert back.current is not None
    assert back.current.number == parked.parked[0].number


def test_after_an_error_the_next_move_reads_the_counter_first(
    hall: QueueHall, panel_port: tuple[RegistryQueue, _Counted, Seat]
) -> None:
    port, counted, seat = panel_port
    hall.issue("BIZ")
    port.call_next(seat, request_id=new_request_id())
    with pytest.raises(RuleViolation):
        port.finish(seat, outcome=Outcome.CONSULTATION, case_ids=[], document_numbers=[])
    counted.take()  # the refusal came from the view on screen: nothing was sent

    with pytest.raises(RuleViolation, match="still called"):
        port.call_next(seat, request_id=new_request_id())  # the loop rule, said by the registry
    started = port.start(seat)

    assert counted.take() == [
        "POST /queue/call/next",
        "GET /queue/counter",
        "POST /queue/counter/start",
    ]
    assert state(started) == S.SERVING


def test_an_answer_without_a_view_is_followed_by_a_read(
    hall: QueueHall, panel_port: tuple[RegistryQueue, _Counted, Seat]
) -> None:
    port, counted, seat = panel_port
    hall.issue("BIZ")
    counted.strip = True
    counted.take()

    called = port.call_next(seat, request_id=new_request_id())
    started = port.start(seat)

    assert counted.take() == [
        "POST /queue/call/next",
        "GET /queue/counter",
        "POST /queue/counter/start",
        "GET /queue/counter",
    ]
    assert (state(called), state(started)) == (S.CALLED, S.SERVING)


def test_a_counters_view_lists_its_parked_tickets_oldest_first_the_current_one_too(
    hall: QueueHall,
) -> None:
    w01, clerk = hall.device("W01"), hall.clerk
    older, newer = hall.issue("BIZ"), hall.issue("BIZ")
    hall.issue("TAX")  # waiting: no part of the counter's own tickets
    answer = None
    for ticket in (newer, older):  # parked newest first
        w01.call_number(ticket.number, reason="按号", request_id=new_request_id(), staff_id=clerk)
        w01.start(ticket.id)
        answer = w01.park(ticket.id, note="复印")
    assert answer is not None
    parked = answer.counter

    assert parked is not None
    assert [t.number for t in parked.parked] == [older.number, newer.number]
    assert parked.current is not None
    assert (parked.current.number, parked.current.state) == (older.number, S.PARKED)
    assert parked == w01.counter()
    assert [w.waiting for w in parked.waiting if w.service == "TAX"] == [1]
