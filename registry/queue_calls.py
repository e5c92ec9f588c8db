"""Calls: the next ticket by the work profile as an atomic claim, a number, a parked or missed one.

Every call runs in one transaction that first locks the calling counter's queue row, so one
counter's calls are serialised, then:

1. answers a request it already answered (same device and `request_id`) with the same ticket:
   a call retried after a lost answer never claims a second ticket;
2. refuses a paused counter and a counter whose current ticket is unresolved (the loop rule);
3. chooses with `clerk.queue.policy.choose_next` over the counter's work profile and claims the
   choice with a guarded `UPDATE` (version check; on PostgreSQL `FOR UPDATE SKIP LOCKED`, so a
   ticket another counter is claiming is skipped, not waited for), announcing the call in the
   same statement on PostgreSQL (`queue_candidates.claim_called`); a lost claim moves on to the
   next choice. On SQLite the transaction holds the database's write lock (BEGIN IMMEDIATE).

Missed tickets whose recalls are used up and whose cooldown passed become no-shows on the way.

`announce_again` is 重呼: the counter's called ticket goes on the board once more, its state
unchanged; a retried request (same `request_id`) is answered without a second announcement.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial

from sqlalchemy import Connection, select

from clerk.errors import RuleViolation
from clerk.queue import (
    Ticket,
    TicketState,
    Transition,
    WorkProfile,
    call,
    call_from_park,
    choose_next,
    ensure_counter_free,
    expire_missed,
    recall,
)
from clerk.queue.wire import CallAnswer, CallNext, CallTicket
from registry.auth import Device
from registry.db import stamp
from registry.errors import Conflict, Invalid
from registry.queue_candidates import candidates, claim, claim_called, every_candidate
from registry.queue_config import (
    Desk,
    desk_profile,
    hall_settings,
    lock_call_desk,
    lock_desk,
    read_desk,
    require_staff,
)
from registry.queue_schema import QUEUE_REQUESTS
from registry.queue_store import (
    CallAnswered,
    EventLog,
    LoopRule,
    QueueRule,
    Stored,
    domain_errors,
    find_number,
    load_ticket,
    remember_answer,
    save_move,
    view,
)

NEXT, NUMBER, PARKED, RECALL, AGAIN = "next", "number", "parked", "recall", "again"
"""Kinds of call requests (a request id is bound to one kind)."""


class Paused(Conflict):
    """The counter is paused: it calls again once resumed."""

    code = "paused"


@dataclass(frozen=True, slots=True)
class _Call:
    """One call request being answered: who calls, at which counter, under which request id,
    and the counter's current ticket as read once the counter was locked."""

    device: Device
    desk: Desk
    request_id: str
    kind: str
    current: Stored | None = None
    active: tuple[str, ...] | None = None
    """The hall's active services, as read with the counter (None: not read)."""


def call_next(
    connection: Connection, device: Device, request: CallNext, *, now: datetime
) -> CallAnswer:
    """Claim the next ticket for the device's counter (see the module).

    Returns:
        The called ticket, the same one again for a retried request, or no ticket.

    Raises:
        Paused: the counter is paused.
        LoopRule: its current ticket is still called or being served.
        Invalid: a malformed request id, or a staff number not of the hall.
        Conflict: the request id was used for another kind of call.
    """
    begun = _begin(connection, device, request.request_id, NEXT, request.staff_id, now=now)
    if isinstance(begun, CallAnswer):
        return begun
    desk = begun.desk
    profile = desk_profile(connection, desk, staff=request.staff_id, active=begun.active)
    log = EventLog(device.hall)
    claimed = _claim_next(connection, begun, profile, log, now=now)
    if claimed is None:
        log.write(connection, announce=False)  # no-shows, if any: the counts do not change
        return CallAnswer(None, message=f"no ticket waits for counter {desk.counter}")
    return _answer(begun, claimed)


def _claim_next(
    connection: Connection, call_: _Call, profile: WorkProfile, log: EventLog, *, now: datetime
) -> Stored | None:
    """Claim and announce the policy's choice among the candidates (all tickets, if every
    head was lost)."""
    desk = call_.desk
    before = None if profile.long_wait is None else now - profile.long_wait
    pool, truncated = candidates(
        connection, hall=desk.hall, services=profile.services, long_wait_before=before
    )
    pool = _sweep(connection, desk, profile, pool, log, now=now)
    claimed = _claim_best(connection, call_, pool, profile, log, now=now)
    if claimed is None and truncated:
        tried = {stored.ticket.id for stored in pool}
        rest = every_candidate(connection, hall=desk.hall, services=profile.services)
        rest = [stored for stored in rest if stored.ticket.id not in tried]
        claimed = _claim_best(connection, call_, rest, profile, log, now=now)
    return claimed


def _claim_best(
    connection: Connection,
    call_: _Call,
    pool: list[Stored],
    profile: WorkProfile,
    log: EventLog,
    *,
    now: datetime,
) -> Stored | None:
    """Claim and announce the policy's choice among `pool`; a ticket lost to another counter:
    the next."""
    by_id = {stored.ticket.id: stored for stored in pool}
    waiting = [stored.ticket for stored in pool]
    move = partial(_call_move, profile=profile, current=call_.current, now=now)
    answered = partial(_answered, call_)
    while (chosen := choose_next(waiting, profile, now)) is not None:
        claimed = claim_called(connection, by_id[chosen.id], move, log, answered)
        if claimed is not None:
            return claimed[0]
        waiting.remove(chosen)
    return None


def call_ticket(
    connection: Connection, device: Device, request: CallTicket, *, kind: str, now: datetime
) -> CallAnswer:
    """Call one ticket: a given number (reason logged), a parked ticket back, a missed one again.

    Args:
        connection: the transaction.
        device: the calling counter.
        request: names the ticket by `number` (kind NUMBER) or `ticket_id` (PARKED, RECALL).
        kind: NUMBER, PARKED or RECALL.
        now: the time of the call.

    Returns:
        The called ticket (the same one again for a retried request).

    Raises:
        Paused, LoopRule: as for `call_next`.
        QueueRule: the ticket cannot be called now (state, cooldown, recalls, target).
        NotFoundError: no such ticket (today's number, for a NUMBER call).
        Invalid: a missing number, ticket id or reason.
    """
    _check_call_ticket(request, kind)
    begun = _begin(connection, device, request.request_id, kind, request.staff_id, now=now)
    if isinstance(begun, CallAnswer):
        return begun
    stored = _named(connection, device.hall, request, now=now)
    move = _ticket_move(connection, begun, stored, request, now=now)
    if not save_move(connection, stored, move.ticket):
        raise Conflict(f"ticket {stored.ticket.number} changed meanwhile: try again")
    called = Stored(move.ticket, stored.version + 1, stored.id_masked)
    return _called(connection, begun, called, move, log=EventLog(device.hall))


def _ticket_move(
    connection: Connection, call_: _Call, stored: Stored, request: CallTicket, *, now: datetime
) -> Transition:
    """The move of a call of one ticket: a call back from park, a recall, or a call (by number)."""
    desk, current = call_.desk, call_.current
    held = None if current is None else current.ticket
    profile = desk_profile(connection, desk, staff=request.staff_id, active=call_.active)
    staff = request.staff_id
    with domain_errors():
        if call_.kind == PARKED:
            return call_from_park(
                stored.ticket, at=now, counter=desk.counter, staff=staff, current=held
            )
        if call_.kind == RECALL:
            return recall(
                stored.ticket,
                at=now,
                counter=desk.counter,
                staff=staff,
                current=held,
                limits=profile,
            )
    move = _call_move(stored.ticket, profile, current, now=now)
    detail = dict(move.event.detail, reason=request.reason, called_by_number="yes")
    return Transition(move.ticket, replace(move.event, detail=detail))


def _check_call_ticket(request: CallTicket, kind: str) -> None:
    if kind == NUMBER and not request.number:
        raise Invalid("a call by number needs the number")
    if kind == NUMBER and not request.reason.strip():
        raise Invalid("a call by number out of turn needs its reason (it is logged)")
    if kind != NUMBER and not request.ticket_id:
        raise Invalid("this call needs the ticket's id")


def _named(connection: Connection, hall: str, request: CallTicket, *, now: datetime) -> Stored:
    if request.number:
        day = hall_settings(connection, hall).day(now)
        return find_number(connection, hall=hall, issue_day=day, number=request.number)
    assert request.ticket_id is not None
    return load_ticket(connection, hall=hall, ticket_id=request.ticket_id)


def announce_again(
    connection: Connection, device: Device, request: CallTicket, *, now: datetime
) -> CallAnswer:
    """Announce the counter's called ticket once more (重呼); the ticket does not move.

    Returns:
        The ticket announced (the same answer again, and no second announcement, for a
        retried request).

    Raises:
        QueueRule: the ticket is not the one called at this counter.
        NotFoundError: no such ticket in the hall.
        Invalid: no ticket id, a malformed request id, or a staff number not of the hall.
        Conflict: the request id was used for another kind of call.
    """
    if not request.ticket_id:
        raise Invalid("announcing again needs the ticket's id")
    _check_request_id(request.request_id)
    desk = lock_desk(connection, device, now=now)
    replayed = _replay(connection, device, request.request_id, AGAIN)
    if replayed is not None:
        return replayed
    if request.staff_id != desk.staff:
        require_staff(connection, hall=device.hall, staff_id=request.staff_id)
    stored = load_ticket(connection, hall=device.hall, ticket_id=request.ticket_id, lock=False)
    ticket = stored.ticket
    called_here = ticket.state is TicketState.CALLED and ticket.counter == desk.counter
    if not called_here or desk.current_ticket != ticket.id:
        raise QueueRule(
            f"ticket {ticket.number} is not called at counter {desk.counter}: "
            "only the called ticket is announced again"
        )
    log = EventLog(device.hall)
    log.add_announcement(ticket, staff=request.staff_id, at=now)
    _remember(connection, _Call(device, desk, request.request_id, AGAIN), ticket.id, at=now)
    log.write(connection, announce=True)
    message = f"ticket {ticket.number} announced again at {desk.counter}"
    return CallAnswer(view(stored), message=message)


def _check_request_id(request_id: str) -> None:
    if not 1 <= len(request_id) <= 64:
        raise Invalid("a call's request_id must have 1 to 64 characters")


def _remember(connection: Connection, call_: _Call, ticket_id: str, *, at: datetime) -> None:
    """Keep the request's answer: a retry with the same id is answered with this ticket."""
    remember_answer(
        connection,
        device_id=call_.device.device_id,
        request_id=call_.request_id,
        kind=call_.kind,
        ticket_id=ticket_id,
        at=stamp(at),
    )


def _begin(
    connection: Connection,
    device: Device,
    request_id: str,
    kind: str,
    staff_id: str,
    *,
    now: datetime,
) -> _Call | CallAnswer:
    """Lock the counter; answer a replayed request, or check staff, pause and the loop rule."""
    _check_request_id(request_id)
    locked = lock_call_desk(connection, device, request_id=request_id, now=now)
    desk = locked.desk
    if locked.replayed is not None:
        return _replayed(connection, device, request_id, kind, locked.replayed)
    if staff_id != desk.staff:  # checked when the clerk at the counter changes
        require_staff(connection, hall=device.hall, staff_id=staff_id)
    if desk.paused:
        raise Paused(
            f"counter {desk.counter} is paused ({desk.pause_reason or 'no reason given'}): "
            "resume it before calling"
        )
    current = locked.current
    try:
        ensure_counter_free(None if current is None else current.ticket, counter=desk.counter)
    except RuleViolation as refusal:
        raise LoopRule(str(refusal)) from None
    return _Call(device, desk, request_id, kind, current, locked.active)


def _replay(
    connection: Connection, device: Device, request_id: str, kind: str
) -> CallAnswer | None:
    query = select(QUEUE_REQUESTS.c.kind, QUEUE_REQUESTS.c.ticket_id).where(
        QUEUE_REQUESTS.c.device_id == device.device_id,
        QUEUE_REQUESTS.c.request_id == request_id,
    )
    row = connection.execute(query).first()
    if row is None:
        return None
    return _replayed(connection, device, request_id, kind, (row.kind, row.ticket_id))


def _replayed(
    connection: Connection,
    device: Device,
    request_id: str,
    kind: str,
    answered: tuple[str, str],
) -> CallAnswer:
    """The answer to a request id used before: `answered` is its kind and its ticket's id."""
    first_kind, ticket_id = answered
    if first_kind != kind:
        raise Conflict(f"request {request_id} was a {first_kind} call; use a new request id")
    stored = load_ticket(connection, hall=device.hall, ticket_id=ticket_id, lock=False)
    message = f"this call was answered before: ticket {stored.ticket.number}"
    return CallAnswer(view(stored), replayed=True, message=message)


def _call_move(
    ticket: Ticket, profile: WorkProfile, current: Stored | None, *, now: datetime
) -> Transition:
    """The call (or the recall, for a missed ticket) the counter of `profile` makes."""
    staff = profile.staff or ""
    held = None if current is None else current.ticket
    with domain_errors():
        if ticket.state is TicketState.MISSED:
            return recall(
                ticket, at=now, counter=profile.counter, staff=staff, current=held, limits=profile
            )
        return call(ticket, at=now, counter=profile.counter, staff=staff, current=held)


def _sweep(
    connection: Connection,
    desk: Desk,
    profile: WorkProfile,
    pool: list[Stored],
    log: EventLog,
    *,
    now: datetime,
) -> list[Stored]:
    """The candidates left after turning the missed ones that are due into no-shows.

    A missed ticket's recall limits are those of the counter that missed it.
    """
    kept = []
    for stored in pool:
        ticket = stored.ticket
        if ticket.state is TicketState.MISSED:
            limits = (
                profile if ticket.counter == desk.counter else _holder(connection, desk, ticket)
            )
            if expire_missed(ticket, now, limits) is not None:
                gone = claim(connection, stored, partial(_expire, now=now, limits=limits))
                if gone is not None:
                    log.add(gone[1].event, number=ticket.number)
                continue
        kept.append(stored)
    return kept


def _expire(ticket: Ticket, *, now: datetime, limits: WorkProfile) -> Transition:
    gone = expire_missed(ticket, now, limits)
    assert gone is not None  # the same version was due when read
    return gone


def _holder(connection: Connection, desk: Desk, ticket: Ticket) -> WorkProfile:
    assert ticket.counter is not None  # a missed ticket was called at a counter
    holder = read_desk(connection, hall=desk.hall, counter=ticket.counter)
    return desk_profile(connection, holder, staff=ticket.staff)


def _called(
    connection: Connection, call_: _Call, called: Stored, move: Transition, *, log: EventLog
) -> CallAnswer:
    """Record a call whose move is saved: its event, the counter's current ticket, the
    request's answer (one statement on PostgreSQL)."""
    log.add(move.event, number=move.ticket.number)
    log.write(connection, announce=True, answered=_answered(call_, move))
    return _answer(call_, called)


def _answered(call_: _Call, move: Transition) -> CallAnswered:
    """What a call writes beside its event: the counter's current ticket, the answer."""
    return CallAnswered(
        counter=call_.desk.counter,
        ticket_id=move.ticket.id,
        staff=move.ticket.staff,
        device_id=call_.device.device_id,
        request_id=call_.request_id,
        kind=call_.kind,
        at=stamp(move.event.at),
    )


def _answer(call_: _Call, called: Stored) -> CallAnswer:
    message = f"ticket {called.ticket.number} called to {call_.desk.counter}"
    return CallAnswer(view(called), message=message)
