"""Transfers: a ticket goes to another service, counter or staff member, placed in its new queue.

A transfer is an event, not a resting state: the ticket waits again at its target, with a
fresh recall count, at the front, at the end or at its original arrival time.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from clerk.errors import InvalidInput, Phrase, RuleViolation
from clerk.queue._moves import OPEN_STATES, event_for, require_state
from clerk.queue.tickets import (
    HELD_STATES,
    EventKind,
    Placement,
    QueueKey,
    Ticket,
    TicketState,
    Transition,
    require_aware,
)


def transfer(
    ticket: Ticket,
    *,
    at: datetime,
    placement: Placement,
    to_service: str | None = None,
    to_counter: str | None = None,
    to_staff: str | None = None,
    note: str = "",
    counter: str | None = None,
    staff: str | None = None,
) -> Transition:
    """Transfer a ticket; it waits again at its target.

    Args:
        ticket: a waiting, called, served, parked or missed ticket.
        at: the time of the transfer.
        placement: FRONT (ahead of everyone of equal rank; earlier front transfers first),
            END (as if it arrived now) or BY_ARRIVAL (at its original issue time).
        to_service: the service whose queue it joins (its own if None).
        to_counter: the only counter that may call it, if any.
        to_staff: the only staff member who may call it, if any.
        note: what the next clerk should know.
        counter: the transferring counter; required while a counter holds the ticket.
        staff: the transferring staff member.

    Returns:
        The WAITING ticket at its target and the TRANSFERRED event (stamped with where it came
        from; the target, placement and note are in its detail).

    Raises:
        InvalidInput: no target at all, or a naive time.
        RuleViolation: the ticket is closed, or held by another counter than `counter`.
    """
    require_aware(at)
    require_state(ticket, Phrase("be transferred"), OPEN_STATES)
    if to_service is None and to_counter is None and to_staff is None:
        raise InvalidInput("a transfer needs a target: a service, a counter or a staff member")
    if ticket.state in HELD_STATES and counter != ticket.counter:
        raise RuleViolation(
            "ticket {number} is at counter {counter}; only it can transfer it",
            number=ticket.number,
            counter=str(ticket.counter),
        )
    moved = replace(
        ticket,
        state=TicketState.WAITING,
        service=to_service or ticket.service,
        queue_key=_placed(ticket, placement, at),
        target_counter=to_counter,
        target_staff=to_staff,
        transfer_note=note or None,
        recalls=0,
        counter=None,
        staff=None,
        called_at=None,
        missed_at=None,
        started_at=None,
    )
    detail = {
        "to_service": moved.service,
        "to_counter": to_counter or "",
        "to_staff": to_staff or "",
        "placement": placement.value,
        "note": note,
    }
    event = event_for(ticket, EventKind.TRANSFERRED, at, **detail)
    return Transition(moved, replace(event, counter=counter, staff=staff))


def _placed(ticket: Ticket, placement: Placement, at: datetime) -> QueueKey:
    if placement is Placement.FRONT:
        return QueueKey.front(at)
    if placement is Placement.END:
        return QueueKey.arrival(at)
    return QueueKey.arrival(ticket.issued_at)
