"""A counter cut off from the registry: its own walk-in numbers, and the replay that checks them.

A counter in local mode issues walk-in tickets numbered with its own code and a dash
("W03-001"): hall numbers are letters and digits only (`numbers.format_number`), so the two
can never collide. Its numbers restart every hall day like the hall's. The moves of a local
ticket are the ordinary ones of `transitions`; only issuing is its own (`issue_local`).

When the counter reconnects, the registry rebuilds each local ticket by replaying its events
through the same rules (`replay`): what it stores is what the rules allow, never what the
counter merely claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from clerk.errors import InvalidInput, RuleViolation
from clerk.queue.numbers import split_number
from clerk.queue.tickets import (
    Channel,
    EventKind,
    Outcome,
    QueueEvent,
    QueueKey,
    Ticket,
    TicketState,
    Transition,
    require_aware,
)
from clerk.queue.transitions import (
    call,
    call_from_park,
    expire_missed,
    finish,
    leave,
    mark_missed,
    park,
    recall,
    start_serving,
)

MAX_NUMBER_LENGTH = 16
"""The longest ticket number the registry stores."""
_LOCAL = re.compile(r"(.+)-([0-9]{3,})")


@dataclass(frozen=True, slots=True)
class _Limits:
    """Recall limits for a replay: the counter applied its own, the replay checks the order."""

    recall_cooldown: timedelta
    max_recalls: int


_REPLAY_RECALLS = _Limits(timedelta(0), 1_000)
_NO_MORE_RECALLS = _Limits(timedelta(0), 0)


def local_prefix(counter: str) -> str:
    """The prefix of a counter's own walk-in numbers: its code and a dash ("W03-").

    Raises:
        InvalidInput: an empty counter code.
    """
    if not counter.strip():
        raise InvalidInput("a counter-local number needs the counter's code")
    return f"{counter.strip().upper()}-"


def format_local_number(counter: str, seq: int) -> str:
    """A counter-local walk-in number: "W03-001" (at least three digits).

    Raises:
        InvalidInput: a sequence below 1, or a number longer than the registry keeps.
    """
    if seq < 1:
        raise InvalidInput("ticket sequence starts at 1, not {seq}", seq=seq)
    number = f"{local_prefix(counter)}{seq:03d}"
    if len(number) > MAX_NUMBER_LENGTH:
        raise InvalidInput(
            "counter code {counter!r} is too long for local ticket numbers", counter=counter
        )
    return number


def split_local_number(number: str) -> tuple[str, int]:
    """The counter code and sequence of a local number ("W03-001" → ("W03", 1)).

    Raises:
        InvalidInput: not a number as `format_local_number` writes it.
    """
    match = _LOCAL.fullmatch(number)
    if match is None or format_local_number(match[1], int(match[2])) != number:
        raise InvalidInput(
            "{number!r} is not a counter-local number such as W03-001", number=number
        )
    return match[1], int(match[2])


def is_local_number(number: str) -> bool:
    """Whether a number is a counter-local one (it has a dash; hall numbers never do)."""
    try:
        split_local_number(number)
    except InvalidInput:
        return False
    return True


def issue_local(
    *, ticket_id: str, seq: int, service: str, counter: str, staff: str | None, at: datetime
) -> Transition:
    """Issue a walk-in ticket at a counter in local mode: only that counter may call it.

    Args:
        ticket_id: a unique id (time-ordered).
        seq: the counter's next sequence of the hall day.
        service: the service the applicant came for.
        counter: the issuing counter.
        staff: the clerk who issued it.
        at: the issue time, timezone-aware.

    Returns:
        The WAITING ticket (channel COUNTER_LOCAL) and its ISSUED event.

    Raises:
        InvalidInput: a naive time, a missing id, service or counter, or a bad sequence.
    """
    require_aware(at)
    number = format_local_number(counter, seq)
    if not ticket_id or not service:
        raise InvalidInput("a ticket needs an id and a service")
    ticket = Ticket(
        id=ticket_id,
        number=number,
        service=service,
        channel=Channel.COUNTER_LOCAL,
        issued_at=at,
        queue_key=QueueKey.arrival(at),
        target_counter=counter,
    )
    detail = {"number": number, "channel": Channel.COUNTER_LOCAL.value}
    event = QueueEvent(
        ticket_id=ticket_id,
        kind=EventKind.ISSUED,
        at=at,
        service=service,
        counter=counter,
        staff=staff,
        detail=detail,
    )
    return Transition(ticket, event)


@dataclass(frozen=True, slots=True, kw_only=True)
class HandServed:
    """A printed hall ticket that a counter in local mode served by hand.

    `day` is the hall day the ticket was printed for (numbers restart daily); `service` is
    the one the clerk read off the ticket, if any.
    """

    op_id: str
    number: str
    day: date
    service: str | None
    counter: str
    staff: str
    started_at: datetime
    finished_at: datetime
    outcome: Outcome
    case_ids: tuple[str, ...] = ()
    document_numbers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.op_id or not self.counter or not self.staff:
            raise InvalidInput("a hand-served ticket needs its op id, counter and clerk")
        split_number(self.number)
        require_aware(self.started_at)
        require_aware(self.finished_at)
        if self.finished_at < self.started_at:
            raise InvalidInput(
                "ticket {number}: service cannot end before it started", number=self.number
            )
        if any(not value for value in (*self.case_ids, *self.document_numbers)):
            raise InvalidInput("an empty case id or document number was given")
        if self.outcome is not Outcome.CONSULTATION and not self.case_ids:
            raise RuleViolation(
                "a visit finished as {outcome} must name its case", outcome=self.outcome
            )


class Clash(RuleViolation):
    """A hand-served hall ticket that the hall queue meanwhile moved another way."""


def serve_by_hand(ticket: Ticket, served: HandServed) -> list[Transition]:
    """Close a hall ticket as served by hand at `served.counter`, as the queue would have.

    A waiting ticket is called, served and finished at the recorded times; one this counter
    already held (called, being served, parked) continues from there.

    Returns:
        The moves, the last holding the DONE ticket.

    Raises:
        Clash: the ticket was called, served, parked or closed at another counter, or closed
            here already, or is reserved for another counter or staff member.
    """
    counter, staff = served.counter, served.staff
    held_here = ticket.counter == counter and ticket.state in (
        TicketState.CALLED,
        TicketState.SERVING,
        TicketState.PARKED,
    )
    if ticket.state is not TicketState.WAITING and not held_here:
        if ticket.counter:
            raise Clash(
                "hall ticket {number} is {state} at counter {counter}",
                number=ticket.number,
                state=ticket.state,
                counter=ticket.counter,
            )
        raise Clash("hall ticket {number} is {state}", number=ticket.number, state=ticket.state)
    start = max(served.started_at, ticket.issued_at)
    end = max(served.finished_at, start)
    moves: list[Transition] = []
    try:
        if ticket.state is TicketState.PARKED:
            moves.append(
                call_from_park(ticket, at=start, counter=counter, staff=staff, current=None)
            )
        elif ticket.state is TicketState.WAITING:
            moves.append(call(ticket, at=start, counter=counter, staff=staff, current=None))
        current = moves[-1].ticket if moves else ticket
        if current.state is TicketState.CALLED:
            moves.append(start_serving(current, at=start, counter=counter))
        current = moves[-1].ticket if moves else current
        moves.append(
            finish(
                current,
                at=end,
                counter=counter,
                outcome=served.outcome,
                case_ids=served.case_ids,
                document_numbers=served.document_numbers,
            )
        )
    except RuleViolation as refused:
        raise Clash.restated(refused) from None
    return moves


def close_missed(ticket: Ticket, *, at: datetime) -> Transition:
    """A missed local ticket when the counter leaves local mode: a no-show from now on.

    Raises:
        RuleViolation: the ticket is not missed.
    """
    moved = expire_missed(ticket, max(at, ticket.missed_at or at), _NO_MORE_RECALLS)
    if moved is None:
        raise RuleViolation(
            "ticket {number} is {state}, not missed", number=ticket.number, state=ticket.state
        )
    return moved


def replay(events: Sequence[QueueEvent], *, counter: str) -> list[Transition]:
    """Rebuild a counter-local ticket from its events, checking every move against the rules.

    Args:
        events: the ticket's events in order, the first its ISSUED event.
        counter: the counter that issued and served it (every move is that counter's).

    Returns:
        One transition per event; the last holds the ticket as it ends.

    Raises:
        InvalidInput: no events, a first event that is not a local issue of `counter`, times
            that go back, events of another ticket, or an event the replay does not know.
        RuleViolation: a move the rules refuse in the ticket's state.
    """
    if not events:
        raise InvalidInput("a local ticket needs at least its ISSUED event")
    moves = [_issued(events[0], counter)]
    for event in events[1:]:
        before = moves[-1]
        if event.ticket_id != before.ticket.id:
            raise InvalidInput(
                "event of ticket {ticket} among {other}",
                ticket=event.ticket_id,
                other=before.ticket.id,
            )
        if event.at < before.event.at:
            raise InvalidInput(
                "ticket {number}: {kind} goes back", number=before.ticket.number, kind=event.kind
            )
        moves.append(_move(before.ticket, event, counter))
    return moves


def _issued(event: QueueEvent, counter: str) -> Transition:
    number = event.detail.get("number", "")
    if event.kind is not EventKind.ISSUED or event.detail.get("channel") != "counter_local":
        raise InvalidInput("a local ticket starts with its counter-local ISSUED event")
    owner, seq = split_local_number(number)
    if owner != local_prefix(counter)[:-1]:
        raise InvalidInput(
            "ticket {number} is not one of counter {counter}'s own", number=number, counter=counter
        )
    return issue_local(
        ticket_id=event.ticket_id,
        seq=seq,
        service=event.service,
        counter=counter,
        staff=event.staff,
        at=event.at,
    )


def _move(ticket: Ticket, event: QueueEvent, counter: str) -> Transition:
    at, staff, detail = event.at, event.staff or "", event.detail
    moves: dict[EventKind, Callable[[], Transition]] = {
        EventKind.CALLED: lambda: (
            call_from_park(ticket, at=at, counter=counter, staff=staff, current=None)
            if ticket.state is TicketState.PARKED
            else call(ticket, at=at, counter=counter, staff=staff, current=None)
        ),
        EventKind.RECALLED: lambda: recall(
            ticket, at=at, counter=counter, staff=staff, current=None, limits=_REPLAY_RECALLS
        ),
        EventKind.STARTED: lambda: start_serving(ticket, at=at, counter=counter),
        EventKind.PARKED: lambda: park(ticket, at=at, counter=counter, note=detail.get("note", "")),
        EventKind.MISSED: lambda: mark_missed(ticket, at=at, counter=counter),
        EventKind.NO_SHOW: lambda: close_missed(ticket, at=at),
        EventKind.LEFT: lambda: leave(
            ticket, at=at, counter=counter, staff=event.staff, reason=detail.get("reason", "")
        ),
        EventKind.FINISHED: lambda: finish(
            ticket,
            at=at,
            counter=counter,
            outcome=_outcome(detail.get("outcome", "")),
            case_ids=_listed(detail.get("cases", "")),
            document_numbers=_listed(detail.get("documents", "")),
        ),
    }
    if event.kind not in moves:
        raise InvalidInput("a local ticket cannot have a {kind} event", kind=event.kind)
    return moves[event.kind]()


def _outcome(text: str) -> Outcome:
    try:
        return Outcome(text)
    except ValueError:
        raise InvalidInput("{text!r} is not an outcome", text=text) from None


def _listed(text: str) -> Iterable[str]:
    return [part for part in text.split(",") if part]
