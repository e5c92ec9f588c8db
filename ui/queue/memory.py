"""The hall queue in memory, wired on the pure rules of `clerk.queue` (tests and `--demo-queue`).

A real implementation of `ui.queue.port.QueuePort` for one process: numbers restart daily,
the work profiles choose the next ticket, the loop rule, cooldowns, recall limits and
placements are those of `clerk.queue`, and a lock makes each move atomic, so that two counters
(two threads) never claim one ticket and a retried call request answers with the same ticket.
What it lacks next to the registry is persistence and more than one process.
"""

from __future__ import annotations

import logging
import re
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from clerk import queue as rules
from clerk.clock import HALL_TIMEZONE, local_day
from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.queue import (
    Channel,
    DailyCap,
    Outcome,
    Placement,
    QueueEvent,
    Ticket,
    TicketState,
    Transition,
    WorkProfile,
)
from ui.queue.port import (
    CallNotice,
    CounterView,
    Feed,
    HeldTicket,
    IssuedTicket,
    Seat,
    ServiceInfo,
    TransferTarget,
    WaitingCount,
)

_log = logging.getLogger(__name__)
_S = TicketState
_CALLABLE = frozenset({_S.WAITING, _S.MISSED})
DEFAULT_HISTORY = 50


def hall_now() -> datetime:
    """The current time in the hall's zone (the queue's default clock)."""
    return datetime.now(HALL_TIMEZONE)


def window_of(counter: str) -> str:
    """The window number the hall announces for a counter id ("W05" → "5"), else the id."""
    digits = re.sub(r"\D", "", counter)
    return str(int(digits)) if digits else counter


class MemoryQueue:
    """One hall's queue in memory; every public method is one atomic move (thread-safe)."""

    def __init__(
        self,
        services: Sequence[ServiceInfo],
        *,
        profiles: Iterable[WorkProfile] = (),
        windows: Mapping[str, str] | None = None,
        caps: Mapping[str, DailyCap] | None = None,
        clock: Callable[[], datetime] = hall_now,
        history: int = DEFAULT_HISTORY,
    ) -> None:
        if not services:
            raise InvalidInput("a hall queue needs at least one service")
        self._services = {s.code: s for s in services}
        self._profiles = {p.counter: p for p in profiles}
        self._windows = dict(windows or {})
        self._caps = dict(caps or {})
        self._clock = clock
        self._lock = threading.RLock()
        self._tickets: dict[str, Ticket] = {}
        self._events: list[QueueEvent] = []
        self._calls: deque[CallNotice] = deque(maxlen=history)
        self._sequence = 0
        self._claims: dict[tuple[str, str], str] = {}
        self._paused: dict[str, str] = {}

    # The kiosk ---------------------------------------------------------------------------

    def services(self) -> Sequence[ServiceInfo]:
        """The services in the order they were configured."""
        return tuple(self._services.values())

    def issue(
        self, *, service: str, channel: Channel, id_number: str | None = None
    ) -> IssuedTicket:
        """Issue the next number of a service's queue (see `ui.queue.port.KioskPort`).

        The ID number is not kept: a memory queue has no one-ticket-per-person rule.

        Raises:
            InvalidInput: an unknown service, or an appointment check-in (it needs the
                appointment, which only the registry holds).
            RuleViolation: the service's daily cap is reached.
        """
        info = self._service(service)
        with self._lock:
            now = self._clock()
            issued = rules.numbers_issued_on(
                self._tickets.values(), prefix=info.prefix, day=local_day(now)
            )
            number = rules.next_number(info.prefix, issued, cap=self._caps.get(service))
            ahead = sum(1 for t in self._tickets.values() if self._waits_for_service(t, service))
            ticket = self._apply(
                rules.issue(
                    ticket_id=self._ticket_id(),
                    number=number,
                    service=service,
                    channel=channel,
                    at=now,
                )
            )
            return IssuedTicket(
                number=ticket.number,
                service=service,
                service_name=info.name,
                issued_at=now,
                people_ahead=ahead,
                estimated_wait=self._estimate(service, ahead),
            )

    # The display -------------------------------------------------------------------------

    def feed(self, *, after: int) -> Feed:
        """The calls kept with a sequence above `after`, oldest first, and the waiting counts."""
        with self._lock:
            calls = tuple(c for c in self._calls if c.sequence > after)
            return Feed(calls=calls, waiting=tuple(self.waiting_counts()))

    def waiting_counts(self) -> Sequence[WaitingCount]:
        """Tickets waiting per service, every service listed."""
        with self._lock:
            return self._counts()

    # The counter -------------------------------------------------------------------------

    def counter_view(self, seat: Seat) -> CounterView:
        """The counter's current ticket, parked tickets and pause, with the waiting counts."""
        with self._lock:
            return self._view(seat.counter)

    def call_next(self, seat: Seat, *, request_id: str) -> CounterView:
        """Claim the ticket the counter's work profile chooses (a due missed one is recalled).

        Raises:
            RuleViolation: the counter pauses, or its current ticket is unresolved.
        """
        with self._lock:
            claimed = self._claims.get((seat.counter, request_id))
            if claimed is not None:
                return self._view(seat.counter)
            self._refuse_if_paused(seat.counter)
            now = self._clock()
            self._sweep(now)
            profile = self._profile(seat.counter)
            current = self._current(seat.counter)
            rules.ensure_counter_free(current, counter=seat.counter)
            candidates = [t for t in self._tickets.values() if t.state in _CALLABLE]
            chosen = rules.choose_next(candidates, profile, now)
            if chosen is not None:
                called = self._call(chosen, seat, now, current)
                self._claims[(seat.counter, request_id)] = called.id
            return self._view(seat.counter)

    def recall(self, seat: Seat) -> CounterView:
        """Announce the counter's called ticket once more (重呼); its state does not change.

        Raises:
            RuleViolation: the counter has no called ticket.
        """
        with self._lock:
            ticket = self._require_current(seat.counter, {_S.CALLED}, "announce again")
            self._announce(ticket, self._clock(), repeat=True)
            return self._view(seat.counter)

    def start(self, seat: Seat) -> CounterView:
        """Start serving the called ticket."""
        with self._lock:
            ticket = self._require_current(seat.counter, {_S.CALLED}, "start serving")
            self._apply(rules.start_serving(ticket, at=self._clock(), counter=seat.counter))
            return self._view(seat.counter)

    def missed(self, seat: Seat) -> CounterView:
        """Mark the called ticket missed (过号)."""
        with self._lock:
            ticket = self._require_current(seat.counter, {_S.CALLED}, "mark missed")
            self._apply(rules.mark_missed(ticket, at=self._clock(), counter=seat.counter))
            return self._view(seat.counter)

    def park(self, seat: Seat, *, note: str = "") -> CounterView:
        """Park the served ticket."""
        with self._lock:
            ticket = self._require_current(seat.counter, {_S.SERVING}, "park")
            self._apply(rules.park(ticket, at=self._clock(), counter=seat.counter, note=note))
            return self._view(seat.counter)

    def call_from_park(self, seat: Seat, *, number: str) -> CounterView:
        """Call a ticket this counter parked back to it.

        Raises:
            NotFound: the counter parked no ticket with this number.
            RuleViolation: the counter's current ticket is unresolved.
        """
        with self._lock:
            parked = [t for t in self._held(seat.counter, {_S.PARKED}) if t.number == number]
            if not parked:
                raise NotFound(f"counter {seat.counter} has no parked ticket {number}")
            self._call(parked[0], seat, self._clock(), self._current(seat.counter))
            return self._view(seat.counter)

    def transfer(
        self, seat: Seat, *, target: TransferTarget, note: str, placement: Placement
    ) -> CounterView:
        """Send the current ticket to a service, counter or staff member.

        Raises:
            InvalidInput: an unknown target service, or no target.
            RuleViolation: the counter has no current ticket.
        """
        with self._lock:
            if target.service is not None:
                self._service(target.service)
            ticket = self._require_current(seat.counter, {_S.CALLED, _S.SERVING}, "transfer")
            moved = rules.transfer(
                ticket,
                at=self._clock(),
                placement=placement,
                to_service=target.service,
                to_counter=target.counter,
                to_staff=target.staff,
                note=note,
                counter=seat.counter,
                staff=seat.staff,
            )
            self._apply(moved)
            return self._view(seat.counter)

    def call_number(self, seat: Seat, *, number: str, reason: str) -> CounterView:
        """Call a given ticket out of turn: a waiting one, a missed one (cooldown and recall
        limit apply) or one this counter parked.

        Raises:
            InvalidInput: no reason given.
            NotFound: no open ticket has this number today.
            RuleViolation: the counter pauses, its current ticket is unresolved, or the ticket
                cannot be called here now.
        """
        if not reason.strip():
            raise InvalidInput("calling a number out of turn needs a reason")
        with self._lock:
            self._refuse_if_paused(seat.counter)
            now = self._clock()
            self._sweep(now)
            ticket = self._open_ticket(number.strip().upper(), now)
            self._call(ticket, seat, now, self._current(seat.counter), reason=reason.strip())
            return self._view(seat.counter)

    def pause(self, seat: Seat, *, reason: str) -> CounterView:
        """Stop calling at this counter.

        Raises:
            InvalidInput: no reason given.
        """
        if not reason.strip():
            raise InvalidInput("a pause needs a reason")
        with self._lock:
            self._paused[seat.counter] = reason.strip()
            _log.info("counter %s pauses: %s", seat.counter, reason)
            return self._view(seat.counter)

    def resume(self, seat: Seat) -> CounterView:
        """Call again after a pause."""
        with self._lock:
            self._paused.pop(seat.counter, None)
            return self._view(seat.counter)

    def finish(
        self,
        seat: Seat,
        *,
        outcome: Outcome,
        case_ids: Sequence[str],
        document_numbers: Sequence[str],
    ) -> CounterView:
        """Finish the served ticket with its outcome and the visit's cases and documents."""
        with self._lock:
            ticket = self._require_current(seat.counter, {_S.SERVING}, "finish")
            self._apply(
                rules.finish(
                    ticket,
                    at=self._clock(),
                    counter=seat.counter,
                    outcome=outcome,
                    case_ids=case_ids,
                    document_numbers=document_numbers,
                )
            )
            return self._view(seat.counter)

    # For tests and statistics -------------------------------------------------------------

    def events(self) -> tuple[QueueEvent, ...]:
        """Every event so far, in the order of the moves."""
        with self._lock:
            return tuple(self._events)

    def ticket(self, number: str) -> Ticket:
        """Today's ticket with this number as it stands.

        Raises:
            NotFound: no ticket has this number today.
        """
        with self._lock:
            today = local_day(self._clock())
            for ticket in reversed(self._tickets.values()):
                if ticket.number == number and local_day(ticket.issued_at) == today:
                    return ticket
        raise NotFound(f"no ticket {number} today")

    # Internals ----------------------------------------------------------------------------

    def _ticket_id(self) -> str:
        # Time-ordered within this queue (the policy breaks ties by id: issue order wins),
        # unique across queues.
        return f"{len(self._tickets) + 1:08d}-{uuid.uuid4().hex[:16]}"

    def _service(self, code: str) -> ServiceInfo:
        try:
            return self._services[code]
        except KeyError:
            raise InvalidInput(f"the hall has no service {code!r}") from None

    def _profile(self, counter: str) -> WorkProfile:
        # A counter without a configured profile serves every service; once seen it counts
        # as open for the estimates.
        if counter not in self._profiles:
            self._profiles[counter] = WorkProfile(counter=counter, services=tuple(self._services))
        return self._profiles[counter]

    def _apply(self, transition: Transition) -> Ticket:
        self._tickets[transition.ticket.id] = transition.ticket
        self._events.append(transition.event)
        return transition.ticket

    def _call(
        self, ticket: Ticket, seat: Seat, now: datetime, current: Ticket | None, reason: str = ""
    ) -> Ticket:
        counter, staff = seat.counter, seat.staff
        if ticket.state is _S.MISSED:
            limits = self._profile(counter)
            moved = rules.recall(
                ticket, at=now, counter=counter, staff=staff, current=current, limits=limits
            )
        elif ticket.state is _S.PARKED:
            moved = rules.call_from_park(
                ticket, at=now, counter=counter, staff=staff, current=current
            )
        else:
            moved = rules.call(ticket, at=now, counter=counter, staff=staff, current=current)
        if reason:
            detail = {**moved.event.detail, "reason": reason, "out_of_turn": "yes"}
            moved = Transition(moved.ticket, replace(moved.event, detail=detail))
            _log.info("counter %s calls %s out of turn: %s", seat.counter, ticket.number, reason)
        called = self._apply(moved)
        self._announce(called, now)
        return called

    def _announce(self, ticket: Ticket, now: datetime, *, repeat: bool = False) -> None:
        counter = ticket.counter or ""
        self._sequence += 1
        self._calls.append(
            CallNotice(
                sequence=self._sequence,
                number=ticket.number,
                service=ticket.service,
                counter=counter,
                window=self._windows.get(counter) or window_of(counter),
                at=now,
                repeat=repeat,
            )
        )

    def _sweep(self, now: datetime) -> None:
        for ticket in [t for t in self._tickets.values() if t.state is _S.MISSED]:
            if ticket.counter is None:  # a miss always names its counter; nothing to sweep
                continue
            expired = rules.expire_missed(ticket, now, self._profile(ticket.counter))
            if expired is not None:
                self._apply(expired)

    def _held(self, counter: str, states: set[TicketState]) -> list[Ticket]:
        return [t for t in self._tickets.values() if t.counter == counter and t.state in states]

    def _current(self, counter: str) -> Ticket | None:
        held = self._held(counter, set(rules.UNRESOLVED_STATES))
        return held[0] if held else None

    def _require_current(self, counter: str, states: set[TicketState], action: str) -> Ticket:
        current = self._current(counter)
        if current is None or current.state not in states:
            names = " or ".join(sorted(s.value for s in states))
            raise RuleViolation(f"counter {counter} has no {names} ticket to {action}")
        return current

    def _refuse_if_paused(self, counter: str) -> None:
        if counter in self._paused:
            raise RuleViolation(f"counter {counter} is paused ({self._paused[counter]})")

    def _open_ticket(self, number: str, now: datetime) -> Ticket:
        today = local_day(now)
        for ticket in reversed(self._tickets.values()):
            if ticket.number == number and local_day(ticket.issued_at) == today:
                if ticket.is_final:
                    raise RuleViolation(f"ticket {number} is {ticket.state.value}")
                return ticket
        raise NotFound(f"no ticket {number} today")

    def _waits_for_service(self, ticket: Ticket, service: str) -> bool:
        return ticket.state is _S.WAITING and ticket.service == service

    def _estimate(self, service: str, ahead: int) -> timedelta | None:
        open_counters = sum(
            1
            for p in self._profiles.values()
            if service in p.services and p.counter not in self._paused
        )
        if open_counters < 1:
            return None
        served = [
            t.closed_at - t.started_at
            for t in self._tickets.values()
            if t.service == service and t.state is _S.DONE and t.closed_at and t.started_at
        ]
        return rules.estimate_wait(ahead, served, open_counters)

    def _view(self, counter: str) -> CounterView:
        current = self._current(counter)
        return CounterView(
            counter=counter,
            current=None if current is None else self._held_ticket(current),
            parked=tuple(self._held_ticket(t) for t in self._held(counter, {_S.PARKED})),
            paused=counter in self._paused,
            pause_reason=self._paused.get(counter, ""),
            waiting=self._counts(),
        )

    def _counts(self) -> tuple[WaitingCount, ...]:
        return tuple(
            WaitingCount(
                code,
                info.name,
                sum(1 for t in self._tickets.values() if self._waits_for_service(t, code)),
            )
            for code, info in self._services.items()
        )

    def _held_ticket(self, ticket: Ticket) -> HeldTicket:
        return HeldTicket(
            id=ticket.id,
            number=ticket.number,
            service=ticket.service,
            service_name=self._services[ticket.service].name,
            state=ticket.state,
            called_at=ticket.called_at,
            recalls=ticket.recalls,
            green_channel=ticket.green_channel,
            transfer_note=ticket.transfer_note or "",
        )
