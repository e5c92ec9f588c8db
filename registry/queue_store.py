"""Storage of the hall queue: tickets and events as rows, guarded moves, the hall version.

Rows never leave the queue's storage modules as rows: tickets come out as `clerk.queue.Ticket`
values with the version that guards their next move, and go back in as the ticket a pure move
returned. A move is written only if the row still has the version it was read at. Calls claim
their ticket through `registry.queue_candidates.claim` (`FOR UPDATE SKIP LOCKED`).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Integer,
    TextualSelect,
    bindparam,
    column,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.queue import Channel, EventKind, Outcome, QueueEvent, QueueKey, Ticket, TicketState
from clerk.queue.wire import TicketView
from clerk.wire import canonical_json
from registry.db import is_postgres, stamp
from registry.errors import Conflict, Invalid, NotFoundError
from registry.queue_schema import (
    QUEUE_COUNTERS,
    QUEUE_EVENTS,
    QUEUE_HALLS,
    QUEUE_REQUESTS,
    QUEUE_TICKETS,
)

DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_TARGET_WAIT_SECONDS = 20 * 60
PAUSED, RESUMED = "paused", "resumed"
"""Kinds of the counter events kept in the queue log next to the ticket events."""
AGAIN = "again"
"""The kind of a called ticket announced once more (重呼): a call on the board that moves no
ticket. Logged without a ticket id (the id is in its detail), so statistics, which read the
events of tickets, never count it as a call."""

_T = QUEUE_TICKETS


class QueueRule(Conflict):
    """A move the hall queue's rules refuse (DOMAIN.md §8): the message says which and why."""

    code = "queue_rule"


class LoopRule(Conflict):
    """The counter's current ticket is unresolved: no new call until it is (the loop rule)."""

    code = "loop_rule"


class Stored(NamedTuple):
    """A ticket read from the registry, with the version its next move must still find."""

    ticket: Ticket
    version: int
    id_masked: str | None = None


@contextmanager
def domain_errors() -> Iterator[None]:
    """Answer the pure rules' errors as the registry's: 409, 422 or 404 with their message."""
    try:
        yield
    except RuleViolation as error:
        raise QueueRule(str(error)) from None
    except InvalidInput as error:
        raise Invalid(str(error)) from None
    except NotFound as error:
        raise NotFoundError(str(error)) from None


def parse_time(text: str) -> datetime:
    """A stored UTC time as an aware datetime."""
    return datetime.fromisoformat(text)


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _stamp(moment: datetime | None) -> str | None:
    return None if moment is None else stamp(moment)


def ticket_from_row(row: Any) -> Stored:
    """The ticket of a `queue_tickets` row."""
    ticket = Ticket(
        id=row.id,
        number=row.number,
        service=row.service,
        channel=Channel(row.channel),
        issued_at=parse_time(row.issued_at),
        queue_key=QueueKey(row.queue_band, parse_time(row.queue_at)),
        state=TicketState(row.state),
        green_channel=row.green_channel,
        priority=row.priority,
        appointment_at=_time(row.appointment_at),
        recalls=row.recalls,
        counter=row.counter,
        staff=row.staff,
        called_at=_time(row.called_at),
        missed_at=_time(row.missed_at),
        started_at=_time(row.started_at),
        closed_at=_time(row.closed_at),
        outcome=None if row.outcome is None else Outcome(row.outcome),
        case_ids=tuple(json.loads(row.case_ids)),
        document_numbers=tuple(json.loads(row.document_numbers)),
        target_counter=row.target_counter,
        target_staff=row.target_staff,
        transfer_note=row.transfer_note,
    )
    return Stored(ticket, row.version, row.id_masked)


def move_values(ticket: Ticket) -> dict[str, Any]:
    """The columns a move may change, as stored."""
    return {
        "service": ticket.service,
        "state": ticket.state.value,
        "queue_band": ticket.queue_key.band,
        "queue_at": stamp(ticket.queue_key.at),
        "recalls": ticket.recalls,
        "counter": ticket.counter,
        "staff": ticket.staff,
        "called_at": _stamp(ticket.called_at),
        "missed_at": _stamp(ticket.missed_at),
        "started_at": _stamp(ticket.started_at),
        "closed_at": _stamp(ticket.closed_at),
        "outcome": None if ticket.outcome is None else ticket.outcome.value,
        "case_ids": json.dumps(list(ticket.case_ids), ensure_ascii=False),
        "document_numbers": json.dumps(list(ticket.document_numbers), ensure_ascii=False),
        "target_counter": ticket.target_counter,
        "target_staff": ticket.target_staff,
        "transfer_note": ticket.transfer_note,
    }


def insert_ticket(
    connection: Connection,
    ticket: Ticket,
    *,
    hall: str,
    issue_day: str,
    id_masked: str | None = None,
    id_hash: str | None = None,
) -> Stored:
    """Store a newly issued ticket; returns it at version 1."""
    row = {
        "id": ticket.id,
        "hall": hall,
        "issue_day": issue_day,
        "number": ticket.number,
        "channel": ticket.channel.value,
        "green_channel": ticket.green_channel,
        "priority": ticket.priority,
        "appointment_at": _stamp(ticket.appointment_at),
        "id_masked": id_masked,
        "id_hash": id_hash,
        "issued_at": stamp(ticket.issued_at),
        "version": 1,
        **move_values(ticket),
    }
    connection.execute(_INSERT, row)
    return Stored(ticket, 1, id_masked)


# Built once: the hottest statements skip building and keying a statement on every call.
_INSERT = insert(_T)
"""Its values given as parameters: `insert(...).values(...)` bound every value and keyed the
statement anew on each ticket issued (about 40 % of an issue's profiled time)."""
_TICKET = select(_T).where(_T.c.id == bindparam("ticket_id"), _T.c.hall == bindparam("hall"))
_TICKET_LOCKED = _TICKET.with_for_update()
_MOVE = update(_T).where(
    _T.c.id == bindparam("guard_id"), _T.c.version == bindparam("guard_version")
)  # SET: the columns named in the parameters


def load_ticket(connection: Connection, *, hall: str, ticket_id: str, lock: bool = True) -> Stored:
    """A ticket of the hall, locked for this transaction (PostgreSQL) unless `lock` is False.

    Raises:
        NotFoundError: the hall has no such ticket.
    """
    query = _TICKET_LOCKED if lock else _TICKET
    row = connection.execute(query, {"ticket_id": ticket_id, "hall": hall}).first()
    if row is None:
        raise NotFoundError(f"hall {hall} has no ticket {ticket_id}")
    return ticket_from_row(row)


def find_number(connection: Connection, *, hall: str, issue_day: str, number: str) -> Stored:
    """Today's ticket with a number, locked for this transaction (PostgreSQL).

    Raises:
        NotFoundError: no ticket with that number was issued in the hall that day.
    """
    query = (
        select(_T)
        .where(_T.c.hall == hall, _T.c.issue_day == issue_day, _T.c.number == number)
        .with_for_update()
    )
    row = connection.execute(query).first()
    if row is None:
        raise NotFoundError(f"no ticket {number} was issued in hall {hall} on {issue_day}")
    return ticket_from_row(row)


def save_move(connection: Connection, stored: Stored, moved: Ticket) -> bool:
    """Write a move if the ticket still has the version it was read at.

    Returns:
        Whether the move was written (False: another transaction moved the ticket meanwhile).
    """
    guard = {"guard_id": stored.ticket.id, "guard_version": stored.version}
    values = {"version": stored.version + 1, **move_values(moved)}
    return connection.execute(_MOVE, guard | values).rowcount == 1


def save_or_conflict(connection: Connection, stored: Stored, moved: Ticket) -> Stored:
    """Write a move that must not lose a race (the ticket was read locked).

    The ticket was read locked (`load_ticket`), so the guard only catches a bug, loudly.

    Raises:
        Conflict: the ticket changed since it was read.
    """
    if not save_move(connection, stored, moved):
        raise Conflict(f"ticket {moved.number} changed meanwhile: try again")
    return Stored(moved, stored.version + 1, stored.id_masked)


def save_logged(connection: Connection, stored: Stored, moved: Ticket, log: EventLog) -> Stored:
    """`save_or_conflict`, then the log's events written unannounced (`EventLog.write`): on
    PostgreSQL in one statement, one round trip instead of two.

    Raises:
        Conflict: the ticket changed since it was read.
    """
    if not is_postgres(connection) or not log.rows:
        saved = save_or_conflict(connection, stored, moved)
        log.write(connection, announce=False)
        return saved
    values = {f"set_{name}": value for name, value in move_values(moved).items()}
    events = event_arrays(log.rows)
    guard = {"guard_id": stored.ticket.id, "guard_version": stored.version}
    parameters = {"hall": log.hall, "set_version": stored.version + 1, **values, **events}
    if connection.execute(_MOVE_LOGGED, parameters | guard).first() is None:
        raise Conflict(f"ticket {moved.number} changed meanwhile: try again")
    log.rows.clear()
    return Stored(moved, stored.version + 1, stored.id_masked)


def view(stored: Stored) -> TicketView:
    """The wire form of a stored ticket."""
    ticket = stored.ticket
    return TicketView(
        id=ticket.id,
        number=ticket.number,
        service=ticket.service,
        channel=ticket.channel,
        state=ticket.state,
        issued_at=stamp(ticket.issued_at),
        green_channel=ticket.green_channel,
        priority=ticket.priority,
        recalls=ticket.recalls,
        appointment_at=_stamp(ticket.appointment_at),
        id_masked=stored.id_masked,
        counter=ticket.counter,
        staff=ticket.staff,
        called_at=_stamp(ticket.called_at),
        missed_at=_stamp(ticket.missed_at),
        started_at=_stamp(ticket.started_at),
        closed_at=_stamp(ticket.closed_at),
        outcome=ticket.outcome,
        case_ids=list(ticket.case_ids),
        document_numbers=list(ticket.document_numbers),
        target_counter=ticket.target_counter,
        target_staff=ticket.target_staff,
        transfer_note=ticket.transfer_note,
    )


def event_row(event: QueueEvent, *, number: str) -> dict[str, Any]:
    """A ticket's event as the log keeps it (one `queue_events` row, without hall and seq)."""
    return {
        "ticket_id": event.ticket_id,
        "kind": event.kind.value,
        "at": stamp(event.at),
        "service": event.service,
        "counter": event.counter,
        "staff": event.staff,
        "number": number,
        "detail": canonical_json(dict(event.detail)),
    }


def event_arrays(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Events as the parameters of `_EVENTS_FROM`: one array per column, in the rows' order."""
    return {name: [row[name] for row in rows] for name in _EVENT_COLUMNS}


@dataclass
class EventLog:
    """The queue events of one transaction, written last (under the hall's next version when
    a display is to see them)."""

    hall: str
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, event: QueueEvent, *, number: str) -> None:
        """Log a ticket's event."""
        self.rows.append(event_row(event, number=number))

    def add_announcement(self, ticket: Ticket, *, staff: str, at: datetime) -> None:
        """Log a called ticket announced once more at its counter (kind `AGAIN`)."""
        self.rows.append(
            {
                "ticket_id": None,
                "kind": AGAIN,
                "at": stamp(at),
                "service": ticket.service,
                "counter": ticket.counter,
                "staff": staff,
                "number": ticket.number,
                "detail": canonical_json({"ticket_id": ticket.id}),
            }
        )

    def add_counter(
        self, kind: str, *, counter: str, staff: str, at: datetime, reason: str
    ) -> None:
        """Log a counter's pause or resume."""
        detail = canonical_json({"reason": reason} if reason else {})
        self.rows.append(
            {
                "ticket_id": None,
                "kind": kind,
                "at": stamp(at),
                "service": None,
                "counter": counter,
                "staff": staff,
                "number": None,
                "detail": detail,
            }
        )

    def write(
        self, connection: Connection, *, announce: bool, answered: CallAnswered | None = None
    ) -> int | None:
        """Write the events (the transaction's last step), under the hall's next version if
        `announce`: what a display shows (calls, changes of the waiting counts).

        A call's `answered` (its counter's current ticket, its request's answer) is written
        with them: on PostgreSQL in the same statement, one round trip instead of three.

        Returns:
            The new version, or None when nothing was announced.
        """
        if not self.rows:
            return None
        version: int | None
        if announce and is_postgres(connection):
            version = _announce(connection, self.hall, self.rows, answered)
        else:
            if answered is not None:
                answered.write(connection, self.hall)
            version = bump_version(connection, self.hall) if announce else None
            connection.execute(
                insert(QUEUE_EVENTS), [dict(row, hall=self.hall, seq=version) for row in self.rows]
            )
        self.rows.clear()
        return version


def remember_answer(
    connection: Connection, *, device_id: str, request_id: str, kind: str, ticket_id: str, at: str
) -> None:
    """Keep a call request's answer: a retry with the same id is answered with this ticket."""
    connection.execute(
        insert(QUEUE_REQUESTS).values(
            device_id=device_id,
            request_id=request_id,
            kind=kind,
            ticket_id=ticket_id,
            created_at=at,
        )
    )


@dataclass(frozen=True, slots=True)
class CallAnswered:
    """What a call writes beside its events: its ticket becomes the counter's current one (and
    the ticket's clerk the counter's), and its request id is answered with the ticket (a retry
    with the same request id gets the same ticket, never a second one)."""

    counter: str
    ticket_id: str
    staff: str | None
    device_id: str
    request_id: str
    kind: str
    at: str

    def write(self, connection: Connection, hall: str) -> None:
        """Write it with statements of its own (SQLite; PostgreSQL writes it in `_announce`)."""
        connection.execute(
            update(QUEUE_COUNTERS)
            .where(QUEUE_COUNTERS.c.hall == hall, QUEUE_COUNTERS.c.counter == self.counter)
            .values(current_ticket=self.ticket_id, staff=self.staff, updated_at=self.at)
        )
        remember_answer(
            connection,
            device_id=self.device_id,
            request_id=self.request_id,
            kind=self.kind,
            ticket_id=self.ticket_id,
            at=self.at,
        )

    def parameters(self) -> dict[str, str | None]:
        """The parameters of `_ANNOUNCE_CALL`'s own writes."""
        return {
            "desk_counter": self.counter,
            "desk_ticket": self.ticket_id,
            "desk_staff": self.staff,
            "desk_at": self.at,
            "request_device": self.device_id,
            "request_id": self.request_id,
            "request_kind": self.kind,
        }


def _announce(
    connection: Connection,
    hall: str,
    rows: list[dict[str, Any]],
    answered: CallAnswered | None = None,
) -> int:
    """Advance the hall's version and write the events under it (and a call's `answered`):
    one statement (PostgreSQL).

    One round trip instead of two (four with a call's), so the hall's version row, locked from
    this statement to the commit, no longer waits meanwhile for further round trips.
    """
    columns: dict[str, Any] = event_arrays(rows)
    statement = _ANNOUNCE
    if answered is not None:
        statement = _ANNOUNCE_CALL
        columns.update(answered.parameters())
    parameters = {"hall": hall, **columns}
    written = connection.execute(statement, parameters).first()  # a row per event, alike
    if written is None:  # the hall has no queue row yet: nothing was written
        ensure_hall(connection, hall)
        written = connection.execute(statement, parameters).first()
    assert written is not None  # the hall's row exists now
    return int(written[0])


_EVENT_COLUMNS = ("ticket_id", "kind", "at", "service", "counter", "staff", "number", "detail")
_EVENTS_FROM = """
    INSERT INTO queue_events
        (hall, seq, ticket_id, kind, at, service, counter, staff, number, detail)
    SELECT :hall, {seq}, e.ticket_id, e.kind, e.at, e.service, e.counter, e.staff, e.number,
           e.detail
    FROM {source} CROSS JOIN unnest(
        CAST(:ticket_id AS text[]), CAST(:kind AS text[]), CAST(:at AS text[]),
        CAST(:service AS text[]), CAST(:counter AS text[]), CAST(:staff AS text[]),
        CAST(:number AS text[]), CAST(:detail AS text[])
    ) AS e(ticket_id, kind, at, service, counter, staff, number, detail)
"""
"""The events' rows, one per element of the `_EVENT_COLUMNS` arrays, written for each row of
`{source}` (a writing CTE of one row at most: nothing is written when it wrote nothing)."""
_BUMPED = """
    WITH bumped AS (
        UPDATE queue_halls SET version = version + 1 WHERE hall = :hall RETURNING version
    )"""
_ANNOUNCE_SQL = "".join(
    (
        _BUMPED,
        "{along}",
        _EVENTS_FROM.format(seq="bumped.version", source="bumped"),
        "RETURNING seq",
    )
)
_ANNOUNCE = text(_ANNOUNCE_SQL.format(along=""))
"""The hall's next version and the events under it (PostgreSQL: a writing CTE; `unnest` keeps
the events' order, so their ids do too)."""
_ANSWERED = """,
    desk AS (
        UPDATE queue_counters
        SET current_ticket = :desk_ticket, staff = :desk_staff, updated_at = :desk_at
        FROM bumped
        WHERE queue_counters.hall = :hall AND queue_counters.counter = :desk_counter
    ),
    answered AS (
        INSERT INTO queue_requests (device_id, request_id, kind, ticket_id, created_at)
        SELECT :request_device, :request_id, :request_kind, :desk_ticket, :desk_at FROM bumped
    )"""
"""A call's `CallAnswered` as writing CTEs, written only with the version (`FROM bumped`)."""
_ANNOUNCE_CALL = text(_ANNOUNCE_SQL.format(along=_ANSWERED))
"""`_ANNOUNCE` with a call's `CallAnswered`, written only with the version, so that a hall
without a queue row writes nothing and the statement can run again."""
_CLAIMED = """
    WITH claimed AS (
        UPDATE queue_tickets SET {assigned}
        WHERE id = (
            SELECT id FROM queue_tickets
            WHERE id = :claim_id AND version = :claim_version
            FOR UPDATE SKIP LOCKED
        )
        RETURNING {returned}
    ),
    bumped AS (
        UPDATE queue_halls SET version = version + 1
        WHERE hall = :hall AND EXISTS (SELECT FROM claimed)
        RETURNING version
    )"""
_CLAIM_CALLED_SQL = "".join(
    (
        _CLAIMED,
        _ANSWERED,
        ",\n    logged AS (",
        _EVENTS_FROM.format(seq="bumped.version", source="bumped"),
        ")\n    SELECT {selected}, bumped.version AS hall_version",
        " FROM claimed LEFT JOIN bumped ON true",
    )
)


@functools.cache
def claim_called_statement(columns: tuple[str, ...]) -> TextualSelect:
    """A call's claim and its announcement in one statement (PostgreSQL), built once per set
    of `columns` the move changed (names of `move_values`, bound as `set_<name>`).

    The ticket is claimed as `registry.queue_candidates.claim` claims it (the version it was
    read at, `FOR UPDATE SKIP LOCKED`, only the changed columns written) and returned whole,
    with the hall's next version (`hall_version`); with the claim, and only with it, the hall's
    version advances and the events (`_EVENTS_FROM`'s arrays) and the call's `CallAnswered`
    are written under it. A lost claim writes nothing and returns no row; a hall without a
    queue row gets the claim written and `hall_version` NULL (announce it then on its own).

    Raises:
        ValueError: a name that is not a column of `queue_tickets` (names go into the SQL).
    """
    unknown = set(columns) - set(_T.c.keys())
    if unknown:
        raise ValueError(f"not columns of queue_tickets: {sorted(unknown)}")
    assigned = ", ".join(f"{name} = :set_{name}" for name in ("version", *columns))
    names = [column.name for column in _T.c]
    sql = _CLAIM_CALLED_SQL.format(
        assigned=assigned,
        returned=", ".join(names),
        selected=", ".join(f"claimed.{name}" for name in names),
    )
    # Typed columns, in the order selected: the result's description is mapped once, not on
    # every call as a bare text's is.
    return text(sql).columns(*_T.c, column("hall_version", Integer))


_MOVE_LOGGED = text(
    """
    WITH moved AS (
        UPDATE queue_tickets SET
            version = :set_version, service = :set_service, state = :set_state,
            queue_band = :set_queue_band, queue_at = :set_queue_at, recalls = :set_recalls,
            counter = :set_counter, staff = :set_staff, called_at = :set_called_at,
            missed_at = :set_missed_at, started_at = :set_started_at,
            closed_at = :set_closed_at, outcome = :set_outcome, case_ids = :set_case_ids,
            document_numbers = :set_document_numbers, target_counter = :set_target_counter,
            target_staff = :set_target_staff, transfer_note = :set_transfer_note
        WHERE id = :guard_id AND version = :guard_version
        RETURNING id
    )"""
    + _EVENTS_FROM.format(seq="NULL", source="moved")
    + "RETURNING id"
)
"""A guarded move and its unannounced events (PostgreSQL): the events are written only with
the move (`FROM moved`), so a lost guard writes nothing and returns no row. SET names every
column of `move_values` (tests/integration/queue/test_round_trips.py holds it to them)."""


def ensure_hall(connection: Connection, hall: str) -> None:
    """Give the hall its queue row (default settings) if it has none; racing creators are fine."""
    values = {
        "hall": hall,
        "timezone": DEFAULT_TIMEZONE,
        "target_wait_seconds": DEFAULT_TARGET_WAIT_SECONDS,
        "version": 0,
    }
    dialect = postgresql if is_postgres(connection) else sqlite
    connection.execute(dialect.insert(QUEUE_HALLS).values(**values).on_conflict_do_nothing())


def bump_version(connection: Connection, hall: str) -> int:
    """Advance the hall's queue version (row-locked until commit) and return it.

    Taken as the last step of a write, so the lock is held only for the commit: positions
    then appear in commit order, like the change feed's (SYNC.md, Pull).
    """
    query = (
        update(QUEUE_HALLS)
        .where(QUEUE_HALLS.c.hall == hall)
        .values(version=QUEUE_HALLS.c.version + 1)
        .returning(QUEUE_HALLS.c.version)
    )
    version = connection.execute(query).scalar()
    if version is None:
        ensure_hall(connection, hall)
        version = connection.execute(query).scalar_one()
    return int(version)


def hall_version(connection: Connection, hall: str) -> int:
    """The hall's last queue version (0 before its first queue write)."""
    query = select(QUEUE_HALLS.c.version).where(QUEUE_HALLS.c.hall == hall)
    return int(connection.execute(query).scalar() or 0)


def event_from_row(row: Any, zone: Any) -> QueueEvent:
    """A stored ticket event, its time in the hall's zone (statistics group by local day)."""
    detail: Mapping[str, str] = json.loads(row.detail)
    return QueueEvent(
        ticket_id=row.ticket_id,
        kind=EventKind(row.kind),
        at=parse_time(row.at).astimezone(zone),
        service=row.service,
        counter=row.counter,
        staff=row.staff,
        detail=detail,
    )
