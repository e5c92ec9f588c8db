"""The round trips a counter's queue action saves on PostgreSQL, and what each must keep.

On PostgreSQL a counter's call, start and finish take the counter's lock with the device's
authentication (`queue_config.authenticate_at_desk`), read the counter's current ticket with
its row (`lock_call_desk`), write a call's answer with its events (`EventLog.write` with
`answered`) and a move with its events (`queue_store.save_logged`), each in one statement. On
SQLite the same writes take statements of their own: both must store the same rows, and a move
that lost its race must write nothing on either.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, event, select, text

from clerk.queue import Channel, EventKind, Outcome, QueueEvent, TicketState, issue
from clerk.queue.wire import CallNext, FinishRequest, IssueRequest, TicketAction
from registry import admin, queue_calls, queue_service
from registry.auth import authenticate_device
from registry.db import is_postgres, stamp, utc_now
from registry.errors import Conflict, Unauthorized
from registry.queue_config import authenticate_at_desk, ensure_desk
from registry.queue_schema import QUEUE_COUNTERS, QUEUE_EVENTS, QUEUE_REQUESTS
from registry.queue_store import (
    _MOVE_LOGGED,
    CallAnswered,
    EventLog,
    load_ticket,
    move_values,
    save_logged,
)
from tests.integration.queue.harness import QueueHall
from tests.integration.sync.harness import RegistryProcess
from tests.support.fixtures import unique_database_name

AT = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


def _postgres(registry: RegistryProcess) -> bool:
    return is_postgres(registry.engine)


def _lock_free(registry: RegistryProcess, hall: str, counter: str) -> bool:
    """Whether another transaction could take the counter's queue lock now (PostgreSQL)."""
    with registry.db() as other:
        query = text("SELECT pg_try_advisory_xact_lock(72411002, hashtext(:key))")
        return bool(other.execute(query, {"key": f"{hall}/{counter}"}).scalar_one())


def test_a_counters_authentication_takes_its_queue_lock_until_the_transaction_ends(
    hall: QueueHall,
) -> None:
    token = hall.device("W01").token
    assert token is not None
    registry = hall.registry
    with registry.db() as connection:
        device = authenticate_at_desk(connection, token)
        assert (device.hall, device.counter) == (hall.code, "W01")
        if not _postgres(registry):  # SQLite: the transaction holds the database's write lock
            assert device.desk_locked is False
            return
        assert device.desk_locked is True
        assert _lock_free(registry, hall.code, "W01") is False
        assert _lock_free(registry, hall.code, "W02") is True  # another counter's is not taken
    assert _lock_free(registry, hall.code, "W01") is True


def test_a_revoked_counter_is_refused_and_keeps_no_lock(hall: QueueHall) -> None:
    token = hall.device("W02").token
    assert token is not None
    registry = hall.registry
    with registry.db() as connection:
        admin.revoke_counter(connection, hall=hall.code, code="W02", now=utc_now())
    with pytest.raises(Unauthorized, match="revoked"), registry.db() as connection:
        authenticate_at_desk(connection, token)
    with pytest.raises(Unauthorized, match="not known"), registry.db() as connection:
        authenticate_at_desk(connection, "wcd_not-a-token")
    if _postgres(registry):
        assert _lock_free(registry, hall.code, "W02") is True


def test_a_calls_answer_is_written_with_its_events_also_in_a_halls_first_write(
    live: RegistryProcess,
) -> None:
    code = f"R{unique_database_name()[-6:]}"  # a hall without a queue row: the statement reruns
    log = EventLog(code)
    called = QueueEvent(
        ticket_id="t-9", kind=EventKind.CALLED, at=AT, service="BIZ", counter="W05", staff="C001"
    )
    log.add(called, number="A009")
    answered = CallAnswered(
        counter="W05",
        ticket_id="t-9",
        staff="C001",
        device_id="d-5",
        request_id="r-1",
        kind=queue_calls.NEXT,
        at=stamp(AT),
    )
    with live.db() as connection:
        ensure_desk(connection, hall=code, counter="W05", now_text="")
        assert log.write(connection, announce=True, answered=answered) == 1
    with live.db() as connection:
        desk = connection.execute(
            select(
                QUEUE_COUNTERS.c.current_ticket, QUEUE_COUNTERS.c.staff, QUEUE_COUNTERS.c.updated_at
            ).where(QUEUE_COUNTERS.c.hall == code)
        ).all()
        requests = connection.execute(
            select(
                QUEUE_REQUESTS.c.request_id, QUEUE_REQUESTS.c.kind, QUEUE_REQUESTS.c.ticket_id
            ).where(QUEUE_REQUESTS.c.device_id == "d-5")
        ).all()
        events = connection.execute(
            select(QUEUE_EVENTS.c.seq, QUEUE_EVENTS.c.kind, QUEUE_EVENTS.c.number).where(
                QUEUE_EVENTS.c.hall == code
            )
        ).all()
    assert [tuple(row) for row in desk] == [("t-9", "C001", stamp(AT))]
    assert [tuple(row) for row in requests] == [("r-1", queue_calls.NEXT, "t-9")]
    assert [tuple(row) for row in events] == [(1, "called", "A009")]


def _counted(connection: Connection) -> list[str]:
    """The statements `connection` sends from now on (their first words)."""
    sent: list[str] = []

    @event.listens_for(connection, "before_cursor_execute")
    def note(*args: object) -> None:
        sent.append(" ".join(str(args[2]).split()[:2]))

    return sent


def test_a_move_that_lost_its_race_writes_neither_the_ticket_nor_its_event(
    hall: QueueHall,
) -> None:
    hall.issue()
    ticket = hall.called("W01")
    with hall.registry.db() as connection:
        stored = load_ticket(connection, hall=hall.code, ticket_id=ticket.id)
    before = hall.events(ticket.id)
    stale = stored._replace(version=stored.version - 1)
    moved = replace(stored.ticket, state=TicketState.SERVING, started_at=AT)
    log = EventLog(hall.code)
    started = QueueEvent(
        ticket_id=ticket.id,
        kind=EventKind.STARTED,
        at=AT,
        service="BIZ",
        counter="W01",
        staff=hall.clerk,
    )
    log.add(started, number=ticket.number)
    with pytest.raises(Conflict, match="changed meanwhile"), hall.registry.db() as connection:
        save_logged(connection, stale, moved, log)
    assert hall.events(ticket.id) == before
    with hall.registry.db() as connection:
        assert load_ticket(connection, hall=hall.code, ticket_id=ticket.id) == stored
    # the same move on the current version (the log kept its event): written, with its event
    with hall.registry.db() as connection:
        saved = save_logged(connection, stored, moved, log)
    assert log.rows == []
    assert saved.version == stored.version + 1
    with hall.registry.db() as connection:
        assert load_ticket(connection, hall=hall.code, ticket_id=ticket.id) == saved
    assert [kind for kind, _, _ in hall.events(ticket.id)] == [
        *(kind for kind, _, _ in before),
        "started",
    ]


def test_the_statements_a_call_a_start_a_finish_and_an_issue_send(
    hall: QueueHall,
) -> None:
    """The round trips of a counter's busiest requests as the queue routes send them (5, 4
    and 4 on PostgreSQL; 8, 5 and 5 on SQLite, which has no lock to take and writes the
    version apart), and of a kiosk's issue (7; 8 on SQLite; its estimate reads the events of
    the visit finished since the last one): a regression here is a slower call on every
    counter (bench/queue_bench.py measures it)."""
    registry = hall.registry
    token = hall.device("W03").token
    assert token is not None
    hall.issue()
    first = hall.called("W03")
    hall.serve("W03", first)  # steady state: the counter's last ticket is finished
    hall.issue()
    sent: dict[str, list[str]] = {}

    def route(name: str, action: object) -> object:
        with registry.db() as connection:
            sent[name] = _counted(connection)
            device = authenticate_at_desk(connection, token)
            return action(connection, device)  # type: ignore[operator]

    now = utc_now()
    answer = route(
        "call",
        lambda c, d: queue_calls.call_next(c, d, CallNext("round-trips", hall.clerk), now=now),
    )
    ticket = answer.ticket  # type: ignore[attr-defined]
    assert ticket is not None
    route(
        "start",
        lambda c, d: queue_service.move_ticket(
            c, d, TicketAction(ticket.id), kind=queue_service.START, now=now
        ),
    )
    route(
        "finish",
        lambda c, d: queue_service.finish_ticket(
            c, d, FinishRequest(ticket.id, Outcome.CONSULTATION), now=now
        ),
    )
    kiosk = hall.kiosk.token
    assert kiosk is not None
    with registry.db() as connection:  # a kiosk's issue, as its route sends it
        sent["issue"] = _counted(connection)
        device = authenticate_device(connection, kiosk)
        queue_service.issue_ticket(connection, device, IssueRequest("BIZ"), now=now, id_key="k")
    counts = {name: len(statements) for name, statements in sent.items()}
    if _postgres(registry):
        assert counts == {"call": 5, "start": 4, "finish": 4, "issue": 7}, sent
    else:
        assert counts == {"call": 8, "start": 5, "finish": 5, "issue": 8}, sent


def test_a_moves_one_statement_sets_every_column_a_move_may_change() -> None:
    """`_MOVE_LOGGED` names its columns one by one: a column `move_values` gains later must be
    set there too, or a move on PostgreSQL would silently keep its old value."""
    moved = issue(
        ticket_id="t-1",
        number="A001",
        service="BIZ",
        channel=Channel.ON_SITE,
        at=AT,
        green_channel=False,
        priority=0,
        appointment_at=None,
        counter=None,
        staff=None,
    ).ticket
    parameters = set(_MOVE_LOGGED.compile().params)
    assert {f"set_{name}" for name in move_values(moved)} | {"set_version"} == {
        name for name in parameters if name.startswith("set_")
    }
