"""The counter's own queue in local mode: a `CounterPort` over the local store, on the queue rules.

While the registry cannot be reached, the counter issues walk-in tickets numbered with its own
code ("W03-001", `clerk.queue.offline`), calls them, serves them and finishes them with the
ordinary moves of `clerk.queue`; each move is written with its event in one transaction of the
local store (`clerk.store.queue_local`), so nothing is lost to a crash or a restart. It also
records the printed hall tickets the clerk serves by hand. Both are reconciled with the
registry later (`sync.queue_offline`). No Qt here; `ui.queue.fallback` switches to it.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime

from clerk import queue as rules
from clerk.clock import local_day
from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.queue import Outcome, Placement, Ticket, TicketState, Transition, WorkProfile
from clerk.queue.offline import HandServed, close_missed, issue_local
from clerk.store.ids import uuid7
from clerk.store.queue_local import LocalQueueBook, LocalService, StoredTicket
from ui.queue.port import (
    CounterView,
    HeldTicket,
    IssuedTicket,
    Seat,
    ServiceInfo,
    TransferTarget,
    WaitingCount,
)

_log = logging.getLogger(__name__)
_S = TicketState
_OPEN_FOR_HANDOVER = frozenset({_S.WAITING, _S.CALLED, _S.SERVING, _S.PARKED})


def utc_now() -> datetime:
    """The local queue's clock (UTC: stored times are UTC)."""
    return datetime.now(UTC)


class LocalQueue:
    """One counter's own queue (see the module); every public method is atomic (thread-safe)."""

    def __init__(
        self, book: LocalQueueBook, *, counter: str, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self._book, self.counter, self._clock = book, counter, clock
        self._lock = threading.RLock()
        self._claims: dict[str, str] = {}
        self._pause: str | None = None

    # Services ----------------------------------------------------------------------------

    def remember_services(self, services: Sequence[ServiceInfo]) -> None:
        """Keep the hall's services (as the registry last gave them) for walk-ins offline."""
        self._book.remember_services([LocalService(s.code, s.name, s.prefix) for s in services])

    def services(self) -> Sequence[ServiceInfo]:
        """The hall's services as last heard from the registry."""
        return tuple(ServiceInfo(s.code, s.name, s.prefix) for s in self._book.services())

    def waiting_counts(self) -> Sequence[WaitingCount]:
        """This counter's own walk-in tickets waiting, per service."""
        with self._lock:
            tickets = self._open()
        return _counts(tickets, self.services())

    # Walk-ins and hand-served hall tickets --------------------------------------------------

    def issue_walk_in(self, seat: Seat, *, service: str) -> IssuedTicket:
        """Issue a walk-in ticket with this counter's own next number ("W03-004").

        Raises:
            InvalidInput: a service the hall does not have (as last heard).
        """
        names = {s.code: s.name for s in self.services()}
        if service not in names:
            raise InvalidInput(f"the hall has no service {service!r}")
        with self._lock:
            now = self._clock()
            ahead = sum(
                1
                for s in self._open()
                if s.ticket.state is _S.WAITING and s.ticket.service == service
            )
            stored = self._book.issue(
                day=local_day(now),
                counter=self.counter,
                op_id=uuid7(now),
                build=lambda seq: issue_local(
                    ticket_id=uuid7(now),
                    seq=seq,
                    service=service,
                    counter=self.counter,
                    staff=seat.staff,
                    at=now,
                ),
            )
        _log.info(
            "local walk-in ticket %s issued at counter %s", stored.ticket.number, seat.counter
        )
        return IssuedTicket(
            number=stored.ticket.number,
            service=service,
            service_name=names[service],
            issued_at=now,
            people_ahead=ahead,
            estimated_wait=None,
        )

    def record_hand_served(
        self,
        seat: Seat,
        *,
        number: str,
        service: str | None,
        started_at: datetime,
        outcome: Outcome,
        case_ids: Sequence[str] = (),
        document_numbers: Sequence[str] = (),
        day: date | None = None,
    ) -> HandServed:
        """Record a printed hall ticket this counter served by hand, finished now.

        Args:
            seat: the counter and its clerk.
            number: the number printed on the ticket ("A012").
            service: the service printed on it, if known.
            started_at: when the applicant came to the counter.
            outcome: what the visit produced.
            case_ids: the cases of the visit (needed unless a consultation).
            document_numbers: the documents printed during the visit.
            day: the hall day the ticket is of (today when omitted).

        Returns:
            The record, kept until the registry answered it.

        Raises:
            InvalidInput: not a hall ticket number (a local "W03-001" is served in the queue),
                or times out of order.
            RuleViolation: a case outcome without a case.
        """
        now = self._clock()
        served = HandServed(
            op_id=uuid7(now),
            number=number.strip().upper(),
            day=day or local_day(now),
            service=service,
            counter=self.counter,
            staff=seat.staff,
            started_at=min(started_at, now),
            finished_at=now,
            outcome=outcome,
            case_ids=tuple(dict.fromkeys(case_ids)),
            document_numbers=tuple(dict.fromkeys(document_numbers)),
        )
        self._book.record_hand_served(served, at=now)
        _log.info("hall ticket %s recorded as served by hand at %s", served.number, seat.counter)
        return served

    # Leaving local mode ---------------------------------------------------------------------

    def still_open(self) -> int:
        """How many local tickets wait, are called, are being served or are parked."""
        with self._lock:
            return sum(1 for s in self._open() if s.ticket.state in _OPEN_FOR_HANDOVER)

    def handover(self) -> int:
        """Prepare to give the counter back to the hall queue.

        Returns:
            How many local tickets are still waiting, called, being served or parked (they
            must be served here first); 0 when the counter may switch back, after its missed
            local tickets were closed as no-shows (nobody can recall them any more).
        """
        with self._lock:
            tickets = self._open()
            still = sum(1 for s in tickets if s.ticket.state in _OPEN_FOR_HANDOVER)
            if still:
                return still
            now = self._clock()
            for stored in tickets:
                self._book.move(stored, close_missed(stored.ticket, at=now))
            return 0

    # The counter ----------------------------------------------------------------------------

    def counter_view(self, seat: Seat) -> CounterView:
        """The counter's current local ticket, its parked ones, its pause, and its own walk-ins
        waiting per service (as `waiting_counts`)."""
        with self._lock:
            return self._view()

    def call_next(self, seat: Seat, *, request_id: str) -> CounterView:
        """Call the next own walk-in ticket (a missed one after its cooldown is recalled).

        Raises:
            RuleViolation: the counter pauses, or its current ticket is unresolved.
        """
        with self._lock:
            if request_id in self._claims:
                return self._view()
            self._refuse_if_paused()
            now, current = self._clock(), self._current()
            rules.ensure_counter_free(
                None if current is None else current.ticket, counter=self.counter
            )
            candidates = [s for s in self._open() if s.ticket.state in (_S.WAITING, _S.MISSED)]
            profile = WorkProfile(counter=self.counter, services=(), staff=seat.staff)
            chosen = rules.choose_next([s.ticket for s in candidates], profile, now)
            if chosen is not None:
                stored = next(s for s in candidates if s.ticket.id == chosen.id)
                self._call(stored, seat, now, profile)
                self._claims[request_id] = chosen.id
            return self._view()

    def recall(self, seat: Seat) -> CounterView:
        """Call the applicant once more; offline there is no hall display, so the clerk calls
        out loud — the ticket does not change.

        Raises:
            RuleViolation: the counter has no called ticket.
        """
        with self._lock:
            self._require({_S.CALLED}, "announce again")
            return self._view()

    def start(self, seat: Seat) -> CounterView:
        """Start serving the called ticket."""
        return self._simple({_S.CALLED}, "start serving", self._starting)

    def missed(self, seat: Seat) -> CounterView:
        """The called applicant did not come (过号)."""
        return self._simple(
            {_S.CALLED},
            "mark missed",
            lambda t, now: rules.mark_missed(t, at=now, counter=self.counter),
        )

    def park(self, seat: Seat, *, note: str = "") -> CounterView:
        """Park the served ticket."""
        return self._simple(
            {_S.SERVING},
            "park",
            lambda t, now: rules.park(t, at=now, counter=self.counter, note=note),
        )

    def call_from_park(self, seat: Seat, *, number: str) -> CounterView:
        """Call a parked local ticket back.

        Raises:
            NotFound: no parked local ticket has this number.
        """
        with self._lock:
            self._refuse_if_paused()
            parked = [s for s in self._held({_S.PARKED}) if s.ticket.number == number]
            if not parked:
                raise NotFound(f"counter {self.counter} has no parked ticket {number}")
            now = self._clock()
            profile = WorkProfile(counter=self.counter, services=(), staff=seat.staff)
            self._call(parked[0], seat, now, profile)
            return self._view()

    def transfer(
        self, seat: Seat, *, target: TransferTarget, note: str, placement: Placement
    ) -> CounterView:
        """Refused: a transfer needs the hall queue.

        Raises:
            RuleViolation: always, in local mode.
        """
        raise RuleViolation(
            "transfers need the hall queue; in local mode finish or park the ticket"
        )

    def call_number(self, seat: Seat, *, number: str, reason: str) -> CounterView:
        """Call one of the counter's own tickets out of turn (the reason is logged).

        Raises:
            InvalidInput: no reason given.
            NotFound: no open local ticket has this number (a hall ticket is recorded as
                served by hand instead).
        """
        if not reason.strip():
            raise InvalidInput("calling a number out of turn needs a reason")
        with self._lock:
            self._refuse_if_paused()
            wanted = number.strip().upper()
            found = [s for s in self._open() if s.ticket.number == wanted]
            if not found:
                raise NotFound(
                    f"no open local ticket {wanted}: a printed hall ticket is recorded as "
                    "served by hand"
                )
            profile = WorkProfile(counter=self.counter, services=(), staff=seat.staff)
            self._call(found[0], seat, self._clock(), profile)
            _log.info("counter %s calls %s out of turn: %s", self.counter, wanted, reason)
            return self._view()

    def pause(self, seat: Seat, *, reason: str) -> CounterView:
        """Stop calling at this counter (kept while in local mode).

        Raises:
            InvalidInput: no reason given.
        """
        if not reason.strip():
            raise InvalidInput("a pause needs a reason")
        with self._lock:
            self._pause = reason.strip()
            return self._view()

    def resume(self, seat: Seat) -> CounterView:
        """Call again after a pause."""
        with self._lock:
            self._pause = None
            return self._view()

    def finish(
        self,
        seat: Seat,
        *,
        outcome: Outcome,
        case_ids: Sequence[str],
        document_numbers: Sequence[str],
    ) -> CounterView:
        """Finish the served ticket with its outcome and the visit's cases and documents."""
        return self._simple(
            {_S.SERVING},
            "finish",
            lambda t, now: rules.finish(
                t,
                at=now,
                counter=self.counter,
                outcome=outcome,
                case_ids=case_ids,
                document_numbers=document_numbers,
            ),
        )

    # Internals ------------------------------------------------------------------------------

    def _starting(self, ticket: Ticket, now: datetime) -> Transition:
        return rules.start_serving(ticket, at=now, counter=self.counter)

    def _simple(
        self,
        states: set[TicketState],
        action: str,
        move: Callable[[Ticket, datetime], Transition],
    ) -> CounterView:
        with self._lock:
            stored = self._require(states, action)
            self._book.move(stored, move(stored.ticket, self._clock()))
            return self._view()

    def _call(self, stored: StoredTicket, seat: Seat, now: datetime, profile: WorkProfile) -> None:
        ticket, counter, staff = stored.ticket, self.counter, seat.staff
        current = self._current()
        held = None if current is None else current.ticket
        if ticket.state is _S.MISSED:
            moved = rules.recall(
                ticket, at=now, counter=counter, staff=staff, current=held, limits=profile
            )
        elif ticket.state is _S.PARKED:
            moved = rules.call_from_park(ticket, at=now, counter=counter, staff=staff, current=held)
        else:
            moved = rules.call(ticket, at=now, counter=counter, staff=staff, current=held)
        self._book.move(stored, moved)

    def _open(self) -> list[StoredTicket]:
        return self._book.open_tickets(self.counter)

    def _held(self, states: set[TicketState]) -> list[StoredTicket]:
        return [s for s in self._open() if s.ticket.state in states]

    def _current(self) -> StoredTicket | None:
        held = self._held(set(rules.UNRESOLVED_STATES))
        return held[0] if held else None

    def _require(self, states: set[TicketState], action: str) -> StoredTicket:
        current = self._current()
        if current is None or current.ticket.state not in states:
            names = " or ".join(sorted(s.value for s in states))
            raise RuleViolation(f"counter {self.counter} has no {names} ticket to {action}")
        return current

    def _refuse_if_paused(self) -> None:
        if self._pause is not None:
            raise RuleViolation(f"counter {self.counter} is paused ({self._pause})")

    def _view(self) -> CounterView:
        tickets, services = self._open(), self.services()
        names = {s.code: s.name for s in services}
        unresolved = [s for s in tickets if s.ticket.state in rules.UNRESOLVED_STATES]
        return CounterView(
            counter=self.counter,
            current=_held_ticket(unresolved[0].ticket, names) if unresolved else None,
            parked=tuple(
                _held_ticket(s.ticket, names) for s in tickets if s.ticket.state is _S.PARKED
            ),
            paused=self._pause is not None,
            pause_reason=self._pause or "",
            waiting=_counts(tickets, services),
        )


def _counts(
    tickets: Sequence[StoredTicket], services: Sequence[ServiceInfo]
) -> tuple[WaitingCount, ...]:
    """The own walk-ins waiting per service: every service as last heard, then any other."""
    waiting = Counter(s.ticket.service for s in tickets if s.ticket.state is _S.WAITING)
    names = {s.code: s.name for s in services}
    codes = list(names) + [code for code in waiting if code not in names]
    return tuple(WaitingCount(code, names.get(code, code), waiting[code]) for code in codes)


def _held_ticket(ticket: Ticket, names: dict[str, str]) -> HeldTicket:
    return HeldTicket(
        id=ticket.id,
        number=ticket.number,
        service=ticket.service,
        service_name=names.get(ticket.service, ticket.service),
        state=ticket.state,
        called_at=ticket.called_at,
        recalls=ticket.recalls,
    )
