"""Reconciling a counter's offline queue: `POST /api/v1/queue/offline`, exactly once per record.

A counter that lost the registry served its own walk-in tickets ("W03-001") and printed hall
tickets by hand. On reconnecting it uploads those records (`clerk.queue.offline_wire`); here,
in one transaction that holds the counter's queue lock:

- a local walk-in ticket is rebuilt by replaying its events through the queue's rules
  (`clerk.queue.offline.replay`) and stored as a closed ticket of the hall under its own
  number, with its events, so statistics count the visit;
- a hand-served hall ticket still waiting (or held by this very counter) is called, served and
  finished at the recorded times, as that counter's visit;
- anything else — the ticket was meanwhile called, served or closed elsewhere, the number is
  taken, the record breaks a rule — is a clash: kept with its reason and put on the hall's
  needs-attention list (`registry.queue_offline_store`), never dropped.

Every answer is stored under the record's op id: a batch sent again is answered the same.
Calls made offline are history, not news: they never reach the hall display's board.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine, select

from clerk.errors import ClerkError
from clerk.queue import FINAL_STATES, QueueEvent, Transition
from clerk.queue.offline import Clash, HandServed, replay, serve_by_hand
from clerk.queue.offline_wire import (
    HAND_SERVED_OP,
    MAX_EVENTS_PER_TICKET,
    MAX_OFFLINE_RECORDS,
    WALK_IN_OP,
    HandServedRecord,
    LocalTicketRecord,
    OfflineAnswer,
    OfflineBatch,
    OfflineResult,
    OfflineState,
)
from clerk.wire import API_PREFIX, to_wire
from registry.auth import Device, authenticate_device
from registry.db import transaction, utc_now
from registry.errors import Invalid, NotFoundError, TooLarge, Unauthorized
from registry.http import ERROR_RESPONSES, BoundedRoute
from registry.queue_config import hall_settings, lock_desk
from registry.queue_offline_store import Payload, answered, keep
from registry.queue_schema import QUEUE_SERVICES, QUEUE_TICKETS
from registry.queue_store import (
    EventLog,
    bump_version,
    find_number,
    insert_ticket,
    save_or_conflict,
)

_bearer = HTTPBearer(auto_error=False, description="a counter's device token (wcd_…)")
Credential = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
_T = QUEUE_TICKETS
MAX_ID, MAX_STAFF, MAX_LINKS, MAX_LINK = 36, 32, 50, 64
"""What the hall queue's columns hold: ids, staff numbers, linked cases and documents."""
_Apply = Callable[[Connection, Device], str]
"""Applies one record; returns the hall ticket's id, or raises `_Refused`."""


class _Refused(Exception):
    """A record that becomes a clash: its code and the reason a supervisor reads."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


def offline_router(engine: Engine) -> APIRouter:
    """The reconcile route, to include in the registry's application."""
    router = APIRouter(prefix=API_PREFIX, route_class=BoundedRoute, responses=ERROR_RESPONSES)

    @router.post("/queue/offline", tags=["queue"])
    def upload(batch: OfflineBatch, credential: Credential) -> OfflineAnswer:
        """Take a counter's offline records; one answer per record (see the module)."""
        if credential is None or not credential.credentials:
            raise Unauthorized("this request needs a credential (Authorization: Bearer …)")
        if len(batch.tickets) + len(batch.hand_served) > MAX_OFFLINE_RECORDS:
            raise TooLarge(f"at most {MAX_OFFLINE_RECORDS} records per upload")
        with transaction(engine) as connection:
            device = authenticate_device(connection, credential.credentials)
            return reconcile(connection, device, batch, now=utc_now())

    return router


def reconcile(
    connection: Connection, device: Device, batch: OfflineBatch, *, now: datetime
) -> OfflineAnswer:
    """Apply a counter's offline records, each exactly once (see the module).

    Args:
        connection: the transaction.
        device: the counter that worked offline.
        batch: its records.
        now: the registry's time.

    Returns:
        One result per record: the local tickets first, then the hand-served ones.
    """
    lock_desk(connection, device, now=now)
    records: list[tuple[Payload, str, _Apply]] = [
        (Payload(WALK_IN_OP, r.number, _dict(r)), r.op_id, partial(_walk_in, r))
        for r in batch.tickets
    ]
    records += [
        (Payload(HAND_SERVED_OP, r.number, _dict(r)), r.op_id, partial(_by_hand, r))
        for r in batch.hand_served
    ]
    if any(not 0 < len(op_id) <= MAX_ID for _, op_id, _ in records):
        raise Invalid(f"every record needs an op id of 1 to {MAX_ID} characters")
    seen = answered(connection, [op_id for _, op_id, _ in records])
    results = []
    for payload, op_id, apply in records:
        if op_id in seen:
            results.append(_again(op_id, payload, seen[op_id]))
            continue
        result = _applied(connection, device, op_id, apply)
        keep(connection, device, payload, result, now=now)
        seen[op_id] = (payload.sha256, result)
        results.append(result)
    return OfflineAnswer(results)


def _dict(record: LocalTicketRecord | HandServedRecord) -> dict[str, object]:
    value = to_wire(record)
    assert isinstance(value, dict)
    return value


def _again(op_id: str, payload: Payload, stored: tuple[str, OfflineResult]) -> OfflineResult:
    sha, result = stored
    if sha != payload.sha256:
        reason = "this op id was already used for another record; the first one stands"
        return OfflineResult(op_id, OfflineState.CLASH, "op_id_reused", reason, replayed=True)
    return replace(result, replayed=True)


def _applied(connection: Connection, device: Device, op_id: str, apply: _Apply) -> OfflineResult:
    savepoint = connection.begin_nested()
    try:
        ticket_id = apply(connection, device)
    except _Refused as refused:
        savepoint.rollback()
        return OfflineResult(op_id, OfflineState.CLASH, refused.code, refused.reason)
    savepoint.commit()
    return OfflineResult(op_id, OfflineState.APPLIED, ticket_id=ticket_id)


# -- local walk-in tickets --------------------------------------------------------------------


def _walk_in(record: LocalTicketRecord, connection: Connection, device: Device) -> str:
    _check_sizes(ids=[record.ticket_id], staff=[e.staff or "" for e in record.events])
    moves = _replayed(record, device.counter)
    ticket = moves[-1].ticket
    if ticket.state not in FINAL_STATES:
        raise _Refused("not_closed", f"local ticket {record.number} is still {ticket.state}")
    _require_service(connection, device.hall, record.service)
    day = hall_settings(connection, device.hall).day(ticket.issued_at)
    taken = select(_T.c.id).where(
        (_T.c.id == ticket.id)
        | ((_T.c.hall == device.hall) & (_T.c.issue_day == day) & (_T.c.number == ticket.number))
    )
    if connection.execute(taken).first() is not None:
        raise _Refused(
            "number_taken", f"ticket {ticket.number} of {day} is already in the hall queue"
        )
    insert_ticket(connection, ticket, hall=device.hall, issue_day=day)
    _log(connection, device.hall, moves, source="local")
    return ticket.id


def _replayed(record: LocalTicketRecord, counter: str) -> list[Transition]:
    if len(record.events) > MAX_EVENTS_PER_TICKET:
        raise _Refused("invalid_record", f"more than {MAX_EVENTS_PER_TICKET} events")
    try:
        events = [
            QueueEvent(
                ticket_id=record.ticket_id,
                kind=event.kind,
                at=_time(event.at),
                service=record.service,
                counter=counter,
                staff=event.staff,
                detail=event.detail,
            )
            for event in record.events
        ]
        moves = replay(events, counter=counter)
    except ClerkError as error:
        raise _Refused("invalid_record", f"local ticket {record.number}: {error}") from None
    if moves[0].ticket.number != record.number:
        raise _Refused("invalid_record", f"local ticket {record.number} was issued as another")
    return moves


def _require_service(connection: Connection, hall: str, code: str) -> None:
    query = select(QUEUE_SERVICES.c.code).where(
        QUEUE_SERVICES.c.hall == hall, QUEUE_SERVICES.c.code == code
    )
    if connection.execute(query).first() is None:
        raise _Refused("unknown_service", f"hall {hall} has no service {code!r}")


# -- printed hall tickets served by hand ------------------------------------------------------


def _by_hand(record: HandServedRecord, connection: Connection, device: Device) -> str:
    _check_sizes(ids=[], staff=[record.staff], links=[*record.case_ids, *record.document_numbers])
    served = _served(record, device.counter)
    try:
        stored = find_number(
            connection, hall=device.hall, issue_day=served.day.isoformat(), number=served.number
        )
    except NotFoundError:
        raise _Refused(
            "unknown_ticket", f"no hall ticket {served.number} was issued on {served.day}"
        ) from None
    try:
        moves = serve_by_hand(stored.ticket, served)
    except Clash as clash:
        raise _Refused(
            "queue_clash",
            f"{clash}; counter {device.counter} served it by hand "
            f"from {record.started_at} to {record.finished_at}",
        ) from None
    save_or_conflict(connection, stored, moves[-1].ticket)
    _log(connection, device.hall, moves, source="hand")
    bump_version(connection, device.hall)  # the waiting counts changed: displays refresh
    return stored.ticket.id


def _served(record: HandServedRecord, counter: str) -> HandServed:
    try:
        return HandServed(
            op_id=record.op_id,
            number=record.number,
            day=date.fromisoformat(record.day),
            service=record.service,
            counter=counter,
            staff=record.staff,
            started_at=_time(record.started_at),
            finished_at=_time(record.finished_at),
            outcome=record.outcome,
            case_ids=tuple(record.case_ids),
            document_numbers=tuple(record.document_numbers),
        )
    except (ClerkError, ValueError) as error:
        raise _Refused("invalid_record", f"hall ticket {record.number}: {error}") from None


# -- shared -----------------------------------------------------------------------------------


def _check_sizes(*, ids: list[str], staff: list[str], links: list[str] | None = None) -> None:
    """Refuse values the hall queue's columns cannot hold (a clash, not a failed batch)."""
    links = links or []
    if any(not 0 < len(value) <= MAX_ID for value in ids):
        raise _Refused("invalid_record", f"ids have 1 to {MAX_ID} characters")
    if any(len(value) > MAX_STAFF for value in staff):
        raise _Refused("invalid_record", f"staff numbers have at most {MAX_STAFF} characters")
    if len(links) > 2 * MAX_LINKS or any(not 0 < len(value) <= MAX_LINK for value in links):
        raise _Refused("invalid_record", f"at most {MAX_LINKS} cases and documents each")


def _time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _Refused("invalid_record", f"{text[:40]!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise _Refused("invalid_record", f"{text[:40]!r} has no UTC offset")
    return moment


def _log(connection: Connection, hall: str, moves: list[Transition], *, source: str) -> None:
    """Log the moves' events, marked as made offline; never announced (they are history)."""
    log = EventLog(hall)
    for move in moves:
        event = replace(move.event, detail={**move.event.detail, "offline": source})
        log.add(event, number=move.ticket.number)
    log.write(connection, announce=False)
