"""The counter's own queue in the local store: walk-in tickets, their events, hand-served tickets.

While the registry cannot be reached, a counter keeps its queue here (`LocalQueueBook`). Each
method is one transaction (BEGIN IMMEDIATE, fsynced at commit): a ticket's move and its event
are written together or not at all, a new ticket takes its daily sequence inside the same
transaction, so numbers never repeat, even across restarts. Closed records wait here, with the
op id they are uploaded under, until the registry answered them (`unsent`, `mark_answered`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from clerk.codec import from_json, to_json
from clerk.errors import NotFound, RuleViolation
from clerk.queue import FINAL_STATES, EventKind, Outcome, QueueEvent, Ticket, Transition
from clerk.queue.offline import HandServed
from clerk.store.codec import canonical_json, load_object, require_aware
from clerk.store.queue_local_schema import HAND_SERVED, LOCAL_EVENTS, LOCAL_SERVICES, LOCAL_TICKETS

_T, _E, _H = LOCAL_TICKETS, LOCAL_EVENTS, HAND_SERVED
_FINAL = tuple(state.value for state in FINAL_STATES)
APPLIED, CLASH = "applied", "clash"
"""What the registry answered an uploaded record."""


@dataclass(frozen=True, slots=True)
class LocalService:
    """A service of the hall as last heard from the registry (offered for walk-ins)."""

    code: str
    name: str
    prefix: str


class StoredTicket(NamedTuple):
    """A local ticket with the version its next move must still find, and its upload op id."""

    ticket: Ticket
    version: int
    op_id: str


@dataclass(frozen=True, slots=True)
class TicketUpload:
    """A closed local ticket to upload: its op id, the ticket and its events in order."""

    op_id: str
    ticket: Ticket
    events: tuple[QueueEvent, ...]


@dataclass(frozen=True, slots=True)
class Unsent:
    """Local records the registry has not answered yet."""

    tickets: tuple[TicketUpload, ...]
    hand_served: tuple[HandServed, ...]

    def __len__(self) -> int:
        return len(self.tickets) + len(self.hand_served)


@dataclass(frozen=True, slots=True)
class UploadAnswer:
    """The registry's answer for one record: applied, or a clash (on its attention list)."""

    op_id: str
    state: str
    code: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class UploadState:
    """A record and what became of it (for the clerk's and the tests' eyes)."""

    op_id: str
    number: str
    state: str | None  # None: not answered yet
    code: str | None
    reason: str | None


class LocalQueueBook:
    """The local queue's storage; thread-safe (every method is its own transaction)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def _tx(self, refusal: str = "the local queue refused the change") -> Iterator[Connection]:
        try:
            with self._engine.begin() as connection:
                yield connection
        except IntegrityError as err:
            raise RuleViolation(
                "{refusal}: {reason}", refusal=refusal, reason=str(err.orig)
            ) from err

    # -- services ----------------------------------------------------------------------------

    def remember_services(self, services: Sequence[LocalService]) -> None:
        """Keep the hall's services (the registry's last answer) for walk-ins while offline."""
        rows = [
            {"code": s.code, "name": s.name, "prefix": s.prefix, "position": n}
            for n, s in enumerate(services)
        ]
        with self._tx() as connection:
            if self._services(connection) == list(services):
                return
            connection.execute(delete(LOCAL_SERVICES))
            if rows:
                connection.execute(insert(LOCAL_SERVICES), rows)

    def services(self) -> list[LocalService]:
        """The hall's services as last heard, in the registry's order."""
        with self._tx() as connection:
            return self._services(connection)

    @staticmethod
    def _services(connection: Connection) -> list[LocalService]:
        query = select(LOCAL_SERVICES).order_by(LOCAL_SERVICES.c.position)
        return [LocalService(r.code, r.name, r.prefix) for r in connection.execute(query)]

    # -- tickets -----------------------------------------------------------------------------

    def issue(
        self, *, day: date, counter: str, op_id: str, build: Callable[[int], Transition]
    ) -> StoredTicket:
        """Issue the counter's next local ticket of a hall day, with its ISSUED event.

        Args:
            day: the hall day (numbers restart with it).
            counter: the issuing counter.
            op_id: the id the ticket will be uploaded under (exactly once).
            build: makes the ticket's issue from its sequence number (inside the transaction).

        Returns:
            The stored ticket at version 1.
        """
        with self._tx("the local ticket was not issued") as connection:
            last = connection.execute(
                select(func.max(_T.c.seq)).where(
                    _T.c.day == day.isoformat(), _T.c.counter == counter
                )
            ).scalar()
            move = build(int(last or 0) + 1)
            ticket = move.ticket
            connection.execute(
                insert(_T).values(
                    id=ticket.id,
                    op_id=op_id,
                    day=day.isoformat(),
                    counter=counter,
                    seq=int(last or 0) + 1,
                    number=ticket.number,
                    service=ticket.service,
                    version=1,
                    issued_at=require_aware(ticket.issued_at),
                    **_move_values(ticket),
                )
            )
            _add_event(connection, move.event)
        return StoredTicket(ticket, 1, op_id)

    def move(self, stored: StoredTicket, move: Transition) -> StoredTicket:
        """Write a move and its event, if the ticket still has the version it was read at.

        Raises:
            RuleViolation: the ticket changed meanwhile (nothing was written).
        """
        with self._tx("the move was not stored") as connection:
            done = connection.execute(
                update(_T)
                .where(_T.c.id == stored.ticket.id, _T.c.version == stored.version)
                .values(version=stored.version + 1, **_move_values(move.ticket))
            )
            if done.rowcount != 1:
                raise RuleViolation(
                    "ticket {number} changed meanwhile: try again", number=stored.ticket.number
                )
            _add_event(connection, move.event)
        return StoredTicket(move.ticket, stored.version + 1, stored.op_id)

    def open_tickets(self, counter: str) -> list[StoredTicket]:
        """The counter's local tickets not yet closed, oldest first."""
        query = (
            select(_T)
            .where(_T.c.counter == counter, _T.c.state.not_in(_FINAL))
            .order_by(_T.c.issued_at, _T.c.id)
        )
        with self._tx() as connection:
            return [_stored(row) for row in connection.execute(query)]

    def find(self, *, day: date, number: str) -> StoredTicket:
        """A local ticket of a hall day by its number.

        Raises:
            NotFound: no local ticket has that number that day.
        """
        query = select(_T).where(_T.c.day == day.isoformat(), _T.c.number == number)
        with self._tx() as connection:
            row = connection.execute(query).first()
        if row is None:
            raise NotFound("no local ticket {number} on {day}", number=number, day=day.isoformat())
        return _stored(row)

    def events(self, ticket_id: str) -> tuple[QueueEvent, ...]:
        """A local ticket's events in the order they were written."""
        with self._tx() as connection:
            return _events(connection, [ticket_id])[ticket_id]

    # -- hand-served hall tickets ------------------------------------------------------------

    def record_hand_served(self, served: HandServed, *, at: datetime) -> None:
        """Keep a printed hall ticket served by hand, to be reconciled with the registry."""
        values = {
            "op_id": served.op_id,
            "number": served.number,
            "day": served.day.isoformat(),
            "service": served.service,
            "counter": served.counter,
            "staff": served.staff,
            "started_at": served.started_at,
            "finished_at": served.finished_at,
            "outcome": served.outcome.value,
            "case_ids": json.dumps(list(served.case_ids), ensure_ascii=False),
            "document_numbers": json.dumps(list(served.document_numbers), ensure_ascii=False),
            "recorded_at": require_aware(at),
        }
        with self._tx(f"hall ticket {served.number} was not recorded") as connection:
            connection.execute(insert(_H).values(values))

    # -- uploads -----------------------------------------------------------------------------

    def unsent(self, limit: int = 200) -> Unsent:
        """Closed local tickets and hand-served tickets the registry has not answered, oldest
        first (at most `limit` of each)."""
        tickets = (
            select(_T)
            .where(_T.c.uploaded_at.is_(None), _T.c.state.in_(_FINAL))
            .order_by(_T.c.closed_at, _T.c.id)
            .limit(limit)
        )
        served = (
            select(_H).where(_H.c.uploaded_at.is_(None)).order_by(_H.c.recorded_at).limit(limit)
        )
        with self._tx() as connection:
            rows = connection.execute(tickets).all()
            events = _events(connection, [row.id for row in rows])
            uploads = tuple(TicketUpload(row.op_id, _ticket(row), events[row.id]) for row in rows)
            hand = tuple(_hand_served(row) for row in connection.execute(served))
        return Unsent(uploads, hand)

    def mark_answered(self, answers: Sequence[UploadAnswer], *, at: datetime) -> int:
        """Record the registry's answers (one transaction); returns how many records they
        closed. An answer to an unknown or already answered op id changes nothing."""
        marked = 0
        with self._tx() as connection:
            for answer in answers:
                values = {
                    "uploaded_at": require_aware(at),
                    "upload_state": answer.state,
                    "upload_code": answer.code or None,
                    "upload_reason": answer.reason or None,
                }
                for table in (_T, _H):
                    result = connection.execute(
                        update(table)
                        .where(table.c.op_id == answer.op_id, table.c.uploaded_at.is_(None))
                        .values(values)
                    )
                    marked += result.rowcount
        return marked

    def upload_states(self) -> list[UploadState]:
        """Every local record with what the registry answered (None: not yet), oldest first."""
        columns = ("op_id", "number", "upload_state", "upload_code", "upload_reason")
        with self._tx() as connection:
            rows = [
                *connection.execute(
                    select(*(_T.c[n] for n in columns), _T.c.issued_at.label("at"))
                ),
                *connection.execute(
                    select(*(_H.c[n] for n in columns), _H.c.recorded_at.label("at"))
                ),
            ]
        rows.sort(key=lambda row: row.at)
        return [UploadState(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def _move_values(ticket: Ticket) -> dict[str, Any]:
    return {
        "state": ticket.state.value,
        "data": canonical_json(_object(to_json(ticket))),
        "closed_at": ticket.closed_at,
    }


def _object(value: object) -> dict[str, Any]:
    assert isinstance(value, dict)  # a dataclass always encodes as an object
    return value


def _add_event(connection: Connection, event: QueueEvent) -> None:
    connection.execute(
        insert(_E).values(
            ticket_id=event.ticket_id,
            kind=event.kind.value,
            at=require_aware(event.at),
            service=event.service,
            counter=event.counter,
            staff=event.staff,
            detail=canonical_json(dict(event.detail)),
        )
    )


def _ticket(row: Any) -> Ticket:
    return from_json(Ticket, load_object(row.data))


def _stored(row: Any) -> StoredTicket:
    return StoredTicket(_ticket(row), row.version, row.op_id)


def _events(connection: Connection, ticket_ids: list[str]) -> dict[str, tuple[QueueEvent, ...]]:
    found: dict[str, list[QueueEvent]] = {ticket_id: [] for ticket_id in ticket_ids}
    if not ticket_ids:
        return {}
    query = select(_E).where(_E.c.ticket_id.in_(ticket_ids)).order_by(_E.c.id)
    for row in connection.execute(query):
        found[row.ticket_id].append(
            QueueEvent(
                ticket_id=row.ticket_id,
                kind=EventKind(row.kind),
                at=row.at,
                service=row.service,
                counter=row.counter,
                staff=row.staff,
                detail={str(k): str(v) for k, v in load_object(row.detail).items()},
            )
        )
    return {ticket_id: tuple(events) for ticket_id, events in found.items()}


def _hand_served(row: Any) -> HandServed:
    return HandServed(
        op_id=row.op_id,
        number=row.number,
        day=date.fromisoformat(row.day),
        service=row.service,
        counter=row.counter,
        staff=row.staff,
        started_at=row.started_at,
        finished_at=row.finished_at,
        outcome=Outcome(row.outcome),
        case_ids=tuple(json.loads(row.case_ids)),
        document_numbers=tuple(json.loads(row.document_numbers)),
    )
