"""Checks and the event builder shared by the ticket moves (package-internal)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from clerk.errors import Phrase, RuleViolation
from clerk.queue.tickets import EventKind, QueueEvent, Ticket, TicketState

OPEN_STATES = frozenset(
    {
        TicketState.WAITING,
        TicketState.CALLED,
        TicketState.SERVING,
        TicketState.PARKED,
        TicketState.MISSED,
    }
)
"""States a ticket can still move out of (transfer and leave accept all of them)."""


def require_state(ticket: Ticket, action: Phrase, allowed: Iterable[TicketState]) -> None:
    """Refuse a move out of a state that does not allow it ("cannot be called: it is …").

    One allowed state goes into the message as the state itself (the UI names it in the user's
    language); several go in as their values joined with "or".
    """
    permitted = set(allowed)
    if ticket.state not in permitted:
        names = " or ".join(sorted(s.value for s in permitted))
        raise RuleViolation(
            "ticket {number} cannot {action}: it is {state}, not {allowed}",
            number=ticket.number,
            action=action,
            state=ticket.state,
            allowed=next(iter(permitted)) if len(permitted) == 1 else names,
        )


def require_holder(ticket: Ticket, counter: str) -> None:
    """Refuse a move by a counter that does not hold the ticket."""
    if ticket.counter != counter:
        raise RuleViolation(
            "ticket {number} is at counter {holder}, not counter {counter}",
            number=ticket.number,
            holder=str(ticket.counter),
            counter=counter,
        )


def require_target(ticket: Ticket, counter: str, staff: str) -> None:
    """Refuse a call by a counter or staff member the ticket was not sent to."""
    if ticket.target_counter is not None and ticket.target_counter != counter:
        raise RuleViolation(
            "ticket {number} waits for counter {target_counter}",
            number=ticket.number,
            target_counter=ticket.target_counter,
        )
    if ticket.target_staff is not None and ticket.target_staff != staff:
        raise RuleViolation(
            "ticket {number} waits for staff member {target_staff}",
            number=ticket.number,
            target_staff=ticket.target_staff,
        )


def event_for(ticket: Ticket, kind: EventKind, at: datetime, **detail: str) -> QueueEvent:
    """The event of a move, stamped with the ticket's service, counter and staff after it."""
    return QueueEvent(
        ticket_id=ticket.id,
        kind=kind,
        at=at,
        service=ticket.service,
        counter=ticket.counter,
        staff=ticket.staff,
        detail={k: v for k, v in detail.items() if v},
    )
