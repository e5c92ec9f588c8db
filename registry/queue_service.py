"""Issuing tickets and the moves a counter makes on them, over the pure rules of `clerk.queue`.

Each function runs inside the caller's transaction: it reads what it needs locked (the service
row for issuing, the counter's queue row and the ticket for a move), applies one pure move,
writes the ticket guarded by its version and logs the move's event under the hall's next
version. Calls are in `registry.queue_calls`.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, insert, select, update

from clerk.errors import InvalidInput, RuleViolation
from clerk.identity import mask_id_number, validate_resident_id
from clerk.queue import (
    Channel,
    DailyCap,
    DayCount,
    Transition,
    finish,
    issue,
    leave,
    mark_missed,
    number_after,
    park,
    split_number,
    start_serving,
    transfer,
)
from clerk.queue.wire import (
    FinishRequest,
    IssuedTicket,
    IssueRequest,
    PauseRequest,
    ServiceSpec,
    TicketAction,
    TicketAnswer,
    TransferRequest,
)
from clerk.store.ids import uuid7
from registry.auth import Device
from registry.errors import Conflict, Invalid, NotFoundError
from registry.queue_config import (
    Desk,
    issuing,
    lock_desk,
    lock_move_desk,
    require_service,
    require_staff,
    update_desk,
)
from registry.queue_reports import estimate
from registry.queue_schema import QUEUE_NUMBERS as _N
from registry.queue_schema import QUEUE_TICKETS
from registry.queue_store import (
    PAUSED,
    RESUMED,
    EventLog,
    Stored,
    domain_errors,
    insert_ticket,
    load_ticket,
    save_logged,
    save_or_conflict,
    view,
)
from registry.schema import COUNTERS

MAX_TEXT = 500
MAX_LINKS = 50
MAX_PRIORITY = 9
APPOINTMENT_REACH = timedelta(days=1)
"""How far from now an appointment checked in may lie (it is today's appointment)."""
START, MISSED, PARK, LEAVE = "start", "missed", "park", "leave"
"""The simple moves of `move_ticket`."""


class DailyCapReached(Conflict):
    """The service has issued all the tickets its daily cap allows today."""

    code = "daily_cap"


def issue_ticket(
    connection: Connection, device: Device, request: IssueRequest, *, now: datetime, id_key: str
) -> IssuedTicket:
    """Issue a ticket with today's next number of its service (kiosk or counter).

    Args:
        connection: the transaction.
        device: the kiosk or counter asking.
        request: the service, channel and precedence flags.
        now: the time of issue.
        id_key: the key of the ID number's hash (the registry's secret): an ID number is kept
            only masked and as a keyed hash.

    Returns:
        The ticket, the tickets ahead of it and the estimated wait.

    Raises:
        NotFoundError: no such active service.
        DailyCapReached: the service's daily cap is reached.
        Invalid: a channel or field that does not fit (see `IssueRequest`).
    """
    _check_issue(request)
    if request.staff_id is not None:
        require_staff(connection, hall=device.hall, staff_id=request.staff_id)
    service, settings = issuing(connection, hall=device.hall, code=request.service)
    day = settings.day(now)
    number = _next_number(connection, device.hall, day, service)
    with domain_errors():
        move = issue(
            ticket_id=uuid7(now),
            number=number,
            service=service.code,
            channel=request.channel,
            at=now,
            green_channel=request.green_channel,
            priority=request.priority,
            appointment_at=_appointment(request.appointment_at, now),
            counter=device.counter if request.channel is Channel.WALK_IN else None,
            staff=request.staff_id,
        )
    masked, hashed = _id_forms(request.id_number, id_key)
    stored = insert_ticket(
        connection, move.ticket, hall=device.hall, issue_day=day, id_masked=masked, id_hash=hashed
    )
    wait = estimate(
        connection, device.hall, service.code, now=now, exclude=move.ticket.id, settings=settings
    )
    _log(connection, device.hall, move, announce=True)  # last: the hall's version stays locked
    return IssuedTicket(view(stored), wait.ahead, wait.estimate_seconds, wait.open_counters)


def _check_issue(request: IssueRequest) -> None:
    if request.channel is Channel.COUNTER_LOCAL:
        raise Invalid("counter-local tickets are issued by a counter offline, not by the registry")
    if not 0 <= request.priority <= MAX_PRIORITY:
        raise Invalid(f"priority must be between 0 and {MAX_PRIORITY}, not {request.priority}")
    if (request.channel is Channel.ID_CARD) != (request.id_number is not None):
        raise Invalid("an ID number comes with, and only with, the id_card channel")
    if (request.channel is Channel.APPOINTMENT) != (request.appointment_at is not None):
        raise Invalid("an appointment time comes with, and only with, the appointment channel")


def _next_number(connection: Connection, hall: str, day: str, service: ServiceSpec) -> str:
    """The service's next number today (its row is locked: issues of a service take turns)."""
    cap = None if service.daily_cap is None else DailyCap(service.daily_cap)
    key = {"hall": hall, "issue_day": day, "prefix": service.prefix}
    where = {"of_hall": hall, "of_day": day, "of_prefix": service.prefix}
    row = connection.execute(_COUNT_ONE_MORE, where).first()  # the day's count, one more
    today = (
        DayCount(row.last_seq - 1, row.issued - 1)
        if row
        else _counted(connection, hall, day, service)
    )
    try:  # over the cap: the error rolls the count back with the transaction
        number = number_after(service.prefix, today, cap=cap)
    except RuleViolation as full:
        raise DailyCapReached(f"{full}: no more tickets today for {service.name}") from None
    if row is None:
        values = {"last_seq": today.last + 1, "issued": today.issued + 1}
        connection.execute(insert(_N).values(key | values))
    return number


_COUNT_ONE_MORE = (
    update(_N)
    .where(
        _N.c.hall == bindparam("of_hall"),
        _N.c.issue_day == bindparam("of_day"),
        _N.c.prefix == bindparam("of_prefix"),
    )
    .values(last_seq=_N.c.last_seq + 1, issued=_N.c.issued + 1)
    .returning(_N.c.last_seq, _N.c.issued)
)
"""A service's count of the day advanced by one issue, returned (built once)."""


def _counted(connection: Connection, hall: str, day: str, service: ServiceSpec) -> DayCount:
    """The day's count from its tickets: the first issue of a prefix today.

    Only a registry upgraded in the middle of a day finds tickets here (issued before it kept
    `queue_numbers`); every later issue reads the one row.
    """
    query = select(QUEUE_TICKETS.c.number).where(
        QUEUE_TICKETS.c.hall == hall,
        QUEUE_TICKETS.c.issue_day == day,
        QUEUE_TICKETS.c.number.startswith(service.prefix, autoescape=True),
    )
    seqs = set()
    for number in connection.execute(query).scalars():
        with suppress(InvalidInput):
            prefix, seq = split_number(number)
            if prefix == service.prefix:
                seqs.add(seq)
    return DayCount(last=max(seqs, default=0), issued=len(seqs))


def _appointment(text: str | None, now: datetime) -> datetime | None:
    """The appointment time of a check-in: an ISO 8601 time with its offset, within a day."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Invalid(f"appointment_at {text[:40]!r} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise Invalid("appointment_at needs its UTC offset (e.g. 2026-03-02T09:30:00+08:00)")
    if abs(moment - now) > APPOINTMENT_REACH:  # also keeps year 1 or 9999 out of the database
        raise Invalid(f"an appointment checked in now must be within a day of now, not {text[:40]}")
    return moment


def _id_forms(id_number: str | None, key: str) -> tuple[str | None, str | None]:
    """The masked form and the keyed hash of an ID number (the number itself is not kept)."""
    if id_number is None:
        return None, None
    check = validate_resident_id(id_number[:40])
    if not check.ok or check.normalized is None:
        raise Invalid(f"the ID number is not valid: {check.reason}")
    digest = hmac.new(key.encode(), check.normalized.encode(), hashlib.sha256).hexdigest()
    return mask_id_number(check.normalized), digest


def move_ticket(
    connection: Connection, device: Device, action: TicketAction, *, kind: str, now: datetime
) -> TicketAnswer:
    """Start serving, mark missed, park (with a note) or record that the applicant left.

    Raises:
        NotFoundError: no such ticket in the hall.
        QueueRule: the move is not allowed now (its state, or another counter holds it).
        Invalid: a note longer than 500 characters.
    """
    _text(action.note, "note")
    desk, stored = lock_move_desk(connection, device, ticket_id=action.ticket_id, now=now)
    ticket, counter = stored.ticket, desk.counter
    moves: dict[str, Callable[[], Transition]] = {
        START: lambda: start_serving(ticket, at=now, counter=counter),
        MISSED: lambda: mark_missed(ticket, at=now, counter=counter),
        PARK: lambda: park(ticket, at=now, counter=counter, note=action.note),
        LEAVE: lambda: leave(ticket, at=now, counter=counter, staff=desk.staff, reason=action.note),
    }
    with domain_errors():
        move = moves[kind]()
    return _saved(connection, device.hall, stored, move, announce=kind == LEAVE)


def finish_ticket(
    connection: Connection, device: Device, request: FinishRequest, *, now: datetime
) -> TicketAnswer:
    """Finish a visit with its outcome, linked to its cases and documents.

    Raises:
        NotFoundError: no such ticket in the hall.
        QueueRule: not being served at this counter, or a case outcome without a case.
        Invalid: too many or too long case ids or document numbers.
    """
    for values, what in ((request.case_ids, "case id"), (request.document_numbers, "document")):
        if len(values) > MAX_LINKS or any(len(value) > 64 for value in values):
            raise Invalid(f"at most {MAX_LINKS} {what}s of at most 64 characters each")
    desk, stored = lock_move_desk(connection, device, ticket_id=request.ticket_id, now=now)
    with domain_errors():
        move = finish(
            stored.ticket,
            at=now,
            counter=desk.counter,
            outcome=request.outcome,
            case_ids=request.case_ids,
            document_numbers=request.document_numbers,
        )
    return _saved(connection, device.hall, stored, move, announce=False)


def transfer_ticket(
    connection: Connection, device: Device, request: TransferRequest, *, now: datetime
) -> TicketAnswer:
    """Transfer a ticket to a service, counter or staff member of the hall, with its placement.

    Raises:
        NotFoundError: no such ticket, or a target that is not in the hall.
        QueueRule: the ticket is closed, or held by another counter.
        Invalid: no target, or a note longer than 500 characters.
    """
    _text(request.note, "note")
    desk = lock_desk(connection, device, now=now)
    _check_targets(connection, device.hall, request)
    stored = load_ticket(connection, hall=device.hall, ticket_id=request.ticket_id)
    with domain_errors():
        move = transfer(
            stored.ticket,
            at=now,
            placement=request.placement,
            to_service=request.to_service,
            to_counter=request.to_counter,
            to_staff=request.to_staff,
            note=request.note,
            counter=desk.counter,
            staff=desk.staff,
        )
    return _saved(connection, device.hall, stored, move, announce=True)  # it waits again


def _check_targets(connection: Connection, hall: str, request: TransferRequest) -> None:
    if request.to_service is not None:
        require_service(connection, hall=hall, code=request.to_service)
    if request.to_counter is not None:
        query = select(COUNTERS.c.code).where(
            COUNTERS.c.hall == hall, COUNTERS.c.code == request.to_counter
        )
        if connection.execute(query).first() is None:
            raise NotFoundError(f"hall {hall} has no counter {request.to_counter}")
    if request.to_staff is not None:
        require_staff(connection, hall=hall, staff_id=request.to_staff)


def pause_counter(
    connection: Connection, device: Device, request: PauseRequest, *, paused: bool, now: datetime
) -> Desk:
    """Pause the device's counter (no calls until resumed) or resume it; the reason is logged.

    Returns:
        The counter's queue row after the change.

    Raises:
        Invalid: a staff number not of the hall, or a reason longer than 500 characters.
    """
    _text(request.reason, "reason")
    require_staff(connection, hall=device.hall, staff_id=request.staff_id)
    desk = lock_desk(connection, device, now=now)
    reason = request.reason if paused else ""
    update_desk(
        connection, desk, now=now, paused=paused, pause_reason=reason, staff=request.staff_id
    )
    log = EventLog(device.hall)
    kind = PAUSED if paused else RESUMED
    log.add_counter(
        kind, counter=desk.counter, staff=request.staff_id, at=now, reason=request.reason
    )
    log.write(connection, announce=False)
    return Desk(
        desk.hall,
        desk.counter,
        desk.profile,
        desk.current_ticket,
        paused,
        reason,
        request.staff_id,
    )


def _saved(
    connection: Connection, hall: str, stored: Stored, move: Transition, *, announce: bool
) -> TicketAnswer:
    if announce:
        saved = save_or_conflict(connection, stored, move.ticket)
        _log(connection, hall, move, announce=True)
    else:
        log = EventLog(hall)
        log.add(move.event, number=move.ticket.number)
        saved = save_logged(connection, stored, move.ticket, log)
    return TicketAnswer(view(saved))


def _log(connection: Connection, hall: str, move: Transition, *, announce: bool) -> None:
    """Log a move; `announce` those a display shows (the waiting counts change)."""
    log = EventLog(hall)
    log.add(move.event, number=move.ticket.number)
    log.write(connection, announce=announce)


def _text(value: str, name: str) -> None:
    if len(value) > MAX_TEXT:
        raise Invalid(f"{name} has {len(value)} characters; at most {MAX_TEXT} are kept")
