"""The round trips a counter's queue action saves on PostgreSQL, and what each must keep.

On PostgreSQL a counter's call, start and finish take the counter's lock with the device's
authentication (`queue_config.authenticate_at_desk`), read the counter's current ticket with
its row (`lock_call_desk`), write a call's claim with its announcement: the hall's version,
the events and the call's answer (`queue_candidates.claim_called`), and a move with its events
(`queue_store.save_logged`), each in one statement. On SQLite the same writes take statements
of their own: both must store the same rows, and a claim or a move that lost its race must
write nothing on either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import Connection, event, select, text

from clerk.queue import (
    Channel,
    EventKind,
    Outcome,
    QueueEvent,
    Ticket,
    TicketState,
    Transition,
    call,
    issue,
)
from clerk.queue.wire import CallNext, FinishRequest, IssueRequest, TicketAction
from registry import admin, queue_calls, queue_reports, queue_service
from registry.auth import authenticate_device
from registry.db import is_postgres, reading, stamp, utc_now
from registry.errors import Conflict, NotFoundError, Unauthorized
from registry.queue_candidates import claim_called
from registry.queue_config import authenticate_at_desk, ensure_desk, lock_move_desk
from registry.queue_schema import QUEUE_COUNTERS, QUEUE_EVENTS, QUEUE_HALLS, QUEUE_REQUESTS
from registry.queue_store import (
    _MOVE_LOGGED,
    CallAnswered,
    EventLog,
    Stored,
    claim_called_statement,
    ensure_hall,
    insert_ticket,
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


def _waiting_ticket(connection: Connection, hall: str, number: str) -> Stored:
    """A waiting ticket stored as issued, without the issue's announcement (the hall gets
    no queue row from it)."""
    ticket = _issued(f"{hall}-{number}", number)
    return insert_ticket(connection, ticket, hall=hall, issue_day="2026-03-02")


def _issued(ticket_id: str, number: str) -> Ticket:
    """A plain on-site ticket of BIZ, as issued at `AT`."""
    return issue(
        ticket_id=ticket_id,
        number=number,
        service="BIZ",
        channel=Channel.ON_SITE,
        at=AT,
        green_channel=False,
        priority=0,
        appointment_at=None,
    ).ticket


def _called_at(counter: str) -> Callable[[Ticket], Transition]:
    return lambda ticket: call(ticket, at=AT, counter=counter, staff="C001", current=None)


def _answered_to(request_id: str) -> Callable[[Transition], CallAnswered]:
    return lambda move: CallAnswered(
        counter="W05",
        ticket_id=move.ticket.id,
        staff=move.ticket.staff,
        device_id="d-5",
        request_id=request_id,
        kind=queue_calls.NEXT,
        at=stamp(AT),
    )


def _announced(connection: Connection, hall: str) -> dict[str, list[tuple[object, ...]]]:
    """The hall's version, its events, its counters' current tickets and the call answers."""
    versions = select(QUEUE_HALLS.c.version).where(QUEUE_HALLS.c.hall == hall)
    events = (
        select(QUEUE_EVENTS.c.seq, QUEUE_EVENTS.c.kind, QUEUE_EVENTS.c.number)
        .where(QUEUE_EVENTS.c.hall == hall)
        .order_by(QUEUE_EVENTS.c.id)
    )
    desks = select(QUEUE_COUNTERS.c.counter, QUEUE_COUNTERS.c.current_ticket).where(
        QUEUE_COUNTERS.c.hall == hall
    )
    answers = select(QUEUE_REQUESTS.c.request_id, QUEUE_REQUESTS.c.ticket_id).where(
        QUEUE_REQUESTS.c.device_id == "d-5", QUEUE_REQUESTS.c.request_id.like(f"{hall}%")
    )
    return {
        name: [tuple(row) for row in connection.execute(query)]
        for name, query in (
            ("version", versions),
            ("events", events),
            ("desks", desks),
            ("answers", answers),
        )
    }


def test_a_claimed_call_is_announced_with_the_logs_events_also_in_a_halls_first_write(
    live: RegistryProcess,
) -> None:
    code = f"C{unique_database_name()[-6:]}"  # no queue row: the claim alone, then the rest
    with live.db() as connection:
        ensure_desk(connection, hall=code, counter="W05", now_text="")
        earlier = _waiting_ticket(connection, code, "A001")
        chosen = _waiting_ticket(connection, code, "A002")
    log = EventLog(code)
    gone = QueueEvent(
        ticket_id=earlier.ticket.id,
        kind=EventKind.NO_SHOW,
        at=AT,
        service="BIZ",
        counter="W05",
        staff="C001",
    )
    log.add(gone, number="A001")  # logged before the claim, as the sweep's no-shows are
    with live.db() as connection:
        claimed = claim_called(connection, chosen, _called_at("W05"), log, _answered_to(code))
        assert claimed is not None
        stored, move = claimed
        assert stored.version == chosen.version + 1
        assert stored.ticket.state is TicketState.CALLED
        assert stored.ticket.counter == "W05"
        assert stored.ticket == move.ticket
        assert log.rows == []
    with live.db() as connection:
        assert load_ticket(connection, hall=code, ticket_id=chosen.ticket.id) == stored
        assert _announced(connection, code) == {
            "version": [(1,)],
            "events": [(1, "no_show", "A001"), (1, "called", "A002")],
            "desks": [("W05", chosen.ticket.id)],
            "answers": [(code, chosen.ticket.id)],
        }


def test_a_call_whose_claim_was_lost_writes_nothing_and_keeps_the_log(
    live: RegistryProcess,
) -> None:
    code = f"L{unique_database_name()[-6:]}"
    with live.db() as connection:
        ensure_hall(connection, code)
        ensure_desk(connection, hall=code, counter="W05", now_text="")
        chosen = _waiting_ticket(connection, code, "A001")
    log = EventLog(code)
    note = QueueEvent(
        ticket_id="t-x", kind=EventKind.NO_SHOW, at=AT, service="BIZ", counter="W05", staff="C001"
    )
    log.add(note, number="A000")
    kept = list(log.rows)
    stale = chosen._replace(version=chosen.version + 1)  # as if moved since it was read
    with live.db() as connection:
        before = _announced(connection, code)
        lost = claim_called(connection, stale, _called_at("W05"), log, _answered_to(code))
        assert lost is None
        assert log.rows == kept
    with live.db() as connection:
        assert _announced(connection, code) == before
        assert load_ticket(connection, hall=code, ticket_id=chosen.ticket.id) == chosen
    with live.db() as connection:  # on the version it has: claimed, the kept event first
        assert claim_called(connection, chosen, _called_at("W05"), log, _answered_to(code))
    with live.db() as connection:
        assert _announced(connection, code)["events"] == [
            (1, "no_show", "A000"),
            (1, "called", "A001"),
        ]


def test_a_call_statement_names_only_columns_of_the_tickets() -> None:
    with pytest.raises(ValueError, match="not columns of queue_tickets"):
        claim_called_statement(("state", "state = 'x'; DROP TABLE queue_tickets; --"))


def _ticket_lock_free(registry: RegistryProcess, ticket_id: str) -> bool:
    """Whether another transaction could lock the ticket's row now (PostgreSQL)."""
    with registry.db() as other:
        query = text("SELECT id FROM queue_tickets WHERE id = :id FOR UPDATE SKIP LOCKED")
        return other.execute(query, {"id": ticket_id}).first() is not None


def test_a_counters_move_reads_its_ticket_with_its_row_and_locks_it_until_the_end(
    hall: QueueHall,
) -> None:
    hall.issue()
    ticket = hall.called("W01")
    registry = hall.registry
    for counter in ("W01", "W02"):  # W02 has no queue row yet: it gets one
        token = hall.device(counter).token
        assert token is not None
        with registry.db() as connection:
            device = authenticate_at_desk(connection, token)
            desk, stored = lock_move_desk(connection, device, ticket_id=ticket.id, now=utc_now())
            assert desk.counter == counter
            assert desk.current_ticket == (ticket.id if counter == "W01" else None)
            assert stored == load_ticket(connection, hall=hall.code, ticket_id=ticket.id)
            assert stored.ticket.state is TicketState.CALLED
            if _postgres(registry):  # SQLite: the transaction holds the database's write lock
                assert _ticket_lock_free(registry, ticket.id) is False
        if _postgres(registry):
            assert _ticket_lock_free(registry, ticket.id) is True
        with registry.db() as connection:
            device = authenticate_at_desk(connection, token)
            with pytest.raises(NotFoundError, match="has no ticket"):
                lock_move_desk(connection, device, ticket_id="no-such-ticket", now=utc_now())


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
    """The round trips of a counter's busiest requests as the queue routes send them in their
    transaction (4, 3 and 3 on PostgreSQL; 8, 4 and 4 on SQLite, which has no lock to take and
    writes the version apart; the counter's view read after it, its answer's, is two more:
    test_answered_views.py), and of a kiosk's issue (7; 8 on SQLite; its estimate reads the
    events of the visit finished since the last one): a regression here is a slower call on
    every counter (bench/queue_bench.py measures it)."""
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
        assert counts == {"call": 4, "start": 3, "finish": 3, "issue": 7}, sent
    else:
        assert counts == {"call": 8, "start": 4, "finish": 4, "issue": 8}, sent


def test_a_moves_one_statement_sets_every_column_a_move_may_change() -> None:
    """`_MOVE_LOGGED` names its columns one by one: a column `move_values` gains later must be
    set there too, or a move on PostgreSQL would silently keep its old value."""
    moved = _issued("t-1", "A001")
    parameters = set(_MOVE_LOGGED.compile().params)
    assert {f"set_{name}" for name in move_values(moved)} | {"set_version"} == {
        name for name in parameters if name.startswith("set_")
    }


def test_a_counters_view_is_read_outside_a_transaction_on_postgresql(hall: QueueHall) -> None:
    """Every counter's panel asks for its view every few seconds: on PostgreSQL its reads run
    without BEGIN and COMMIT (`registry.db.reading`), two round trips fewer; the view is the
    one the route answers, and the pooled connection goes back to transactions afterwards. On
    SQLite the reads stay in a transaction."""
    registry = hall.registry
    token = hall.device("W02").token
    assert token is not None
    hall.issue()
    ticket = hall.called("W02")
    postgres = _postgres(registry)
    with reading(registry.engine) as connection:
        sent = _counted(connection)
        device = authenticate_device(connection, token)
        seen = queue_reports.counter_view(connection, hall=device.hall, counter=device.counter)
        driver: Any = connection.connection.driver_connection
        if postgres:
            assert driver.autocommit is True
            assert driver.info.transaction_status == TransactionStatus.IDLE  # none left open
        else:
            assert driver.in_transaction is True
    assert seen.current is not None
    assert seen.current.id == ticket.id
    assert len(sent) == 3  # the device, its row with its current and parked tickets, the counts
    assert seen == hall.device("W02").counter()
    if postgres:
        assert driver.autocommit is False  # back in the pool as the transactions' connection
