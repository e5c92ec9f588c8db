"""The moves of a ticket, as pure functions: each returns the new ticket and the event it leaves.

```
issue → WAITING → call → CALLED → start_serving → SERVING → finish → DONE
                          CALLED → mark_missed → MISSED → recall (after the cooldown) → CALLED
                                                 MISSED → expire_missed (no recalls left) → NO_SHOW
                                   SERVING → park → PARKED → call_from_park → CALLED
WAITING, CALLED, SERVING, PARKED, MISSED → transfer → WAITING (at the target)
WAITING, CALLED, SERVING, PARKED, MISSED → leave → LEFT
```

An illegal move raises `RuleViolation` with a message for the clerk; a malformed argument
raises `InvalidInput`. Which ticket a counter may call is `policy.choose_next`'s business;
that the same ticket is never claimed by two counters at once is the registry's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from clerk.errors import InvalidInput, Phrase, RuleViolation
from clerk.queue._moves import (
    OPEN_STATES,
    event_for,
    require_holder,
    require_state,
    require_target,
)
from clerk.queue.numbers import split_number
from clerk.queue.policy import RecallLimits, cooldown_end, recall_refusal
from clerk.queue.tickets import (
    HELD_STATES,
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

_S = TicketState
UNRESOLVED_STATES = frozenset({_S.CALLED, _S.SERVING})
"""States that keep a counter from calling the next ticket (the loop rule)."""


def issue(
    *,
    ticket_id: str,
    number: str,
    service: str,
    channel: Channel,
    at: datetime,
    green_channel: bool = False,
    priority: int = 0,
    appointment_at: datetime | None = None,
    counter: str | None = None,
    staff: str | None = None,
) -> Transition:
    """Issue a ticket: it waits in its service's queue by its arrival time.

    Args:
        ticket_id: a unique id (client-generated, time-ordered).
        number: the printed number (see `numbers.next_number`).
        service: the queue (service) it waits in.
        channel: how it was issued; APPOINTMENT needs `appointment_at`, and only it may have one.
        at: the issue time, timezone-aware.
        green_channel: the applicant qualifies for the green channel.
        priority: higher is called first among tickets of equal precedence.
        appointment_at: the appointment's time, for appointment check-ins.
        counter: the issuing counter, required for counter-local tickets (only it may call them).
        staff: the issuing staff member, if a clerk issued it.

    Returns:
        The WAITING ticket and its ISSUED event.

    Raises:
        InvalidInput: a missing id or service, a malformed number, a naive time, or a channel
            without its required appointment time or counter.
    """
    require_aware(at)
    _check_issue(
        ticket_id=ticket_id,
        number=number,
        service=service,
        channel=channel,
        appointment_at=appointment_at,
        counter=counter,
    )
    local = counter if channel is Channel.COUNTER_LOCAL else None
    ticket = Ticket(
        id=ticket_id,
        number=number,
        service=service,
        channel=channel,
        issued_at=at,
        queue_key=QueueKey.arrival(at),
        green_channel=green_channel,
        priority=priority,
        appointment_at=appointment_at,
        target_counter=local,
    )
    detail = {"number": number, "channel": channel.value}
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


def call(
    ticket: Ticket, *, at: datetime, counter: str, staff: str, current: Ticket | None
) -> Transition:
    """Call a waiting ticket to a counter.

    Args:
        ticket: the ticket to call (usually `policy.choose_next`'s choice).
        at: the time of the call.
        counter: the calling counter.
        staff: the clerk at that counter.
        current: the counter's current ticket (the loop rule), or None.

    Returns:
        The CALLED ticket and its CALLED event.

    Raises:
        RuleViolation: the ticket is not waiting, is reserved for another counter or staff
            member, or the counter's current ticket is unresolved.
    """
    require_aware(at)
    require_state(ticket, Phrase("be called"), {_S.WAITING})
    require_target(ticket, counter, staff)
    ensure_counter_free(current, counter=counter)
    called = replace(ticket, state=_S.CALLED, counter=counter, staff=staff, called_at=at)
    return Transition(called, event_for(called, EventKind.CALLED, at))


def recall(
    ticket: Ticket,
    *,
    at: datetime,
    counter: str,
    staff: str,
    current: Ticket | None,
    limits: RecallLimits,
) -> Transition:
    """Call a missed ticket again, once its cooldown has passed and while it has recalls left.

    Args:
        ticket: the MISSED ticket.
        at: the time of the call.
        counter: the calling counter (any counter that may call it, see `policy`).
        staff: the clerk at that counter.
        current: the counter's current ticket (the loop rule), or None.
        limits: the cooldown and the recall limit (a `WorkProfile`).

    Returns:
        The CALLED ticket, its recall count one higher, and its RECALLED event.

    Raises:
        RuleViolation: the ticket is not missed, its cooldown has not passed, its recalls are
            used up, it is reserved for another counter or staff member, or the counter's
            current ticket is unresolved.
    """
    require_aware(at)
    require_state(ticket, Phrase("be recalled"), {_S.MISSED})
    refusal = recall_refusal(ticket, at, limits)
    if refusal is not None:
        raise refusal
    require_target(ticket, counter, staff)
    ensure_counter_free(current, counter=counter)
    called = replace(
        ticket,
        state=_S.CALLED,
        counter=counter,
        staff=staff,
        called_at=at,
        recalls=ticket.recalls + 1,
    )
    return Transition(called, event_for(called, EventKind.RECALLED, at, recall=str(called.recalls)))


def start_serving(ticket: Ticket, *, at: datetime, counter: str) -> Transition:
    """The called applicant is at the counter: serving starts.

    Raises:
        RuleViolation: the ticket is not called, or was called to another counter.
    """
    require_aware(at)
    require_state(ticket, Phrase("start being served"), {_S.CALLED})
    require_holder(ticket, counter)
    serving = replace(ticket, state=_S.SERVING, started_at=at)
    return Transition(serving, event_for(serving, EventKind.STARTED, at))


def park(ticket: Ticket, *, at: datetime, counter: str, note: str = "") -> Transition:
    """Set a ticket aside while the applicant fetches a copy or fills a form.

    The counter is then free to call the next ticket, and calls this one back with
    `call_from_park` when the applicant returns.

    Raises:
        RuleViolation: the ticket is not being served at this counter.
    """
    require_aware(at)
    require_state(ticket, Phrase("be parked"), {_S.SERVING})
    require_holder(ticket, counter)
    parked = replace(ticket, state=_S.PARKED)
    return Transition(parked, event_for(parked, EventKind.PARKED, at, note=note))


def call_from_park(
    ticket: Ticket, *, at: datetime, counter: str, staff: str, current: Ticket | None
) -> Transition:
    """Call a parked ticket back to the counter that parked it.

    Raises:
        RuleViolation: the ticket is not parked at this counter, or the counter's current
            ticket is unresolved. (A parked ticket another counter must take is transferred.)
    """
    require_aware(at)
    require_state(ticket, Phrase("be called back"), {_S.PARKED})
    require_holder(ticket, counter)
    ensure_counter_free(current, counter=counter)
    called = replace(ticket, state=_S.CALLED, staff=staff, called_at=at)
    return Transition(called, event_for(called, EventKind.CALLED, at, from_state=_S.PARKED.value))


def finish(
    ticket: Ticket,
    *,
    at: datetime,
    counter: str,
    outcome: Outcome,
    case_ids: Iterable[str] = (),
    document_numbers: Iterable[str] = (),
) -> Transition:
    """Finish serving a ticket with its outcome, linked to the cases it concerned.

    Args:
        ticket: the ticket being served.
        at: the end of service.
        counter: the serving counter.
        outcome: what the visit produced.
        case_ids: the cases opened, noticed, refused or handed out; needed for every outcome
            but a consultation.
        document_numbers: the numbers of the documents printed (receipt, notice, refusal …).

    Returns:
        The DONE ticket and its FINISHED event.

    Raises:
        RuleViolation: the ticket is not being served at this counter, or a case outcome names
            no case.
        InvalidInput: an empty case id or document number.
    """
    require_aware(at)
    require_state(ticket, Phrase("be finished"), {_S.SERVING})
    require_holder(ticket, counter)
    cases, documents = (
        _distinct(case_ids, Phrase("case id")),
        _distinct(document_numbers, Phrase("document")),
    )
    if outcome is not Outcome.CONSULTATION and not cases:
        raise RuleViolation("a visit finished as {outcome} must name its case", outcome=outcome)
    done = replace(
        ticket,
        state=_S.DONE,
        closed_at=at,
        outcome=outcome,
        case_ids=cases,
        document_numbers=documents,
    )
    detail = {"outcome": outcome.value, "cases": ",".join(cases), "documents": ",".join(documents)}
    return Transition(done, event_for(done, EventKind.FINISHED, at, **detail))


def mark_missed(ticket: Ticket, *, at: datetime, counter: str) -> Transition:
    """The called applicant did not come: the ticket is missed and may be recalled later.

    Raises:
        RuleViolation: the ticket is not called to this counter.
    """
    require_aware(at)
    require_state(ticket, Phrase("be marked missed"), {_S.CALLED})
    require_holder(ticket, counter)
    missed = replace(ticket, state=_S.MISSED, missed_at=at)
    return Transition(missed, event_for(missed, EventKind.MISSED, at))


def expire_missed(ticket: Ticket, now: datetime, profile: RecallLimits) -> Transition | None:
    """Turn a missed ticket that can never be recalled into a no-show (the registry sweeps).

    A ticket whose recalls are used up still gets one cooldown after its last miss (time in
    which a clerk may transfer it if the applicant turns up), then it is a final NO_SHOW.

    Returns:
        The NO_SHOW ticket and its event, or None when the ticket is not due: not missed,
        recalls left, or the cooldown since its last miss not over.

    Raises:
        InvalidInput: `now` is naive.
    """
    require_aware(now)
    if ticket.state is not _S.MISSED or ticket.recalls < profile.max_recalls:
        return None
    if now < cooldown_end(ticket, profile):
        return None
    gone = replace(ticket, state=_S.NO_SHOW, closed_at=now)
    return Transition(gone, event_for(gone, EventKind.NO_SHOW, now, recalls=str(ticket.recalls)))


def leave(
    ticket: Ticket,
    *,
    at: datetime,
    counter: str | None = None,
    staff: str | None = None,
    reason: str = "",
) -> Transition:
    """The applicant gave up and left (recorded by a counter, the kiosk or the registry).

    Raises:
        RuleViolation: the ticket is already closed, or it is held by another counter.
    """
    require_aware(at)
    require_state(ticket, Phrase("leave"), OPEN_STATES)
    if counter is not None and ticket.state in HELD_STATES:
        require_holder(ticket, counter)
    gone = replace(ticket, state=_S.LEFT, closed_at=at)
    event = event_for(gone, EventKind.LEFT, at, reason=reason)
    return Transition(gone, replace(event, counter=counter, staff=staff))


def can_call_next(current: Ticket | None, *, counter: str | None = None) -> bool:
    """The loop rule: may a counter whose current ticket is `current` call the next one?

    Resolved means finished, parked, transferred (now waiting elsewhere), missed, no-show or
    left; only a CALLED or SERVING ticket blocks. Given `counter`, a ticket that another counter
    holds meanwhile does not block this one.
    """
    if current is None or current.state not in UNRESOLVED_STATES:
        return True
    return counter is not None and current.counter != counter


def ensure_counter_free(current: Ticket | None, *, counter: str | None = None) -> None:
    """Refuse to call while the counter's current ticket is unresolved (see `can_call_next`).

    Raises:
        RuleViolation: the current ticket is still called or being served.
    """
    if current is not None and not can_call_next(current, counter=counter):
        raise RuleViolation(
            "ticket {number} is still {state} at counter {counter}: "
            "finish, park, transfer or mark it missed before calling again",
            number=current.number,
            state=current.state,
            counter=str(current.counter),
        )


def _check_issue(
    *,
    ticket_id: str,
    number: str,
    service: str,
    channel: Channel,
    appointment_at: datetime | None,
    counter: str | None,
) -> None:
    if not ticket_id or not service:
        raise InvalidInput("a ticket needs an id and a service")
    split_number(number)
    if (channel is Channel.APPOINTMENT) != (appointment_at is not None):
        raise InvalidInput("an appointment time comes with, and only with, an appointment ticket")
    if appointment_at is not None:
        require_aware(appointment_at)
    if channel is Channel.COUNTER_LOCAL and not counter:
        raise InvalidInput("a counter-local ticket needs the counter that issued it")


def _distinct(values: Iterable[str], what: Phrase) -> tuple[str, ...]:
    kept = tuple(dict.fromkeys(values))
    if any(not v for v in kept):
        raise InvalidInput("an empty {what} was given", what=what)
    return kept
