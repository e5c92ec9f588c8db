"""The hall queue at the registry: `RegistryQueue` implements the UI's `QueuePort` over HTTP.

One `RegistryQueue` is one enrolled device (a counter, the kiosk or a hall display) talking to
the registry's queue through `sync.queue_client.QueueClient`; the registry acts for the
device's own counter, so a seat's counter is the device's. Every method blocks for a round
trip: the screens call them on their `Lane`.

Errors are converted here, at the edge: the registry out of reach (refused, timed out, busy,
this device's credential refused) is `QueueUnavailable`; a refused move is the domain's error
with the registry's own message — 409 (a queue rule, the loop rule, a pause, a daily cap) is
`RuleViolation`, 422 `InvalidInput`, 404 `NotFound`.

Calls carry a request id and are sent again with the same id while the registry cannot be
heard (`sync.queue_client.retrying`): a call whose answer was lost is answered with the ticket
it claimed, and an announcement (重呼) is not repeated. `call_next` keeps the id its caller
chose, so the panel's own retry after `QueueUnavailable` is the same request too.

A call or move is one request: the registry answers it with the counter's view just after it
(an older registry does not, and the view is then read with a second request). A move names
the ticket of the last view this port returned — the one on the clerk's screen — instead of
reading the view first; the registry refuses it if that ticket moved meanwhile, and after any
error the next move reads the view first again.

The board's window label is the number in the registry's name of the counter ("5号窗口" →
"5"); a name without one gives way to the digits of the counter's code without leading zeros
("W05" → "5"), and a code without digits is said as it is.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from clerk.clock import HALL_TIMEZONE
from clerk.errors import InvalidInput, NotFound, PermissionDenied, RuleViolation
from clerk.queue import UNRESOLVED_STATES, Channel, Outcome, Placement, TicketState, wire
from sync.client import Busy, NotEnrolled, Offline, Refused, SlowDown, UpdateNeeded
from sync.queue_client import RETRY_ATTEMPTS, RETRY_PAUSE, QueueClient, retrying
from ui.queue.memory import window_of
from ui.queue.port import (
    CallNotice,
    CounterView,
    Feed,
    HeldTicket,
    IssuedTicket,
    QueueUnavailable,
    Seat,
    ServiceInfo,
    TransferTarget,
    WaitingCount,
)

_log = logging.getLogger(__name__)
_T = TypeVar("_T")
_S = TicketState

FEED_WAIT = 2.0
"""Seconds the registry holds a display's poll until something happens (a long poll); also
the longest a closing display waits for its last poll."""
_WINDOW_NUMBER = re.compile(r"(\d+)\s*号|窗口\s*(\d+)|^\s*(\d+)\s*$")


def window_label(counter: str, name: str) -> str:
    """The window the hall announces for a counter: the number of its name, else of its code.

    Args:
        counter: the counter's code ("W05").
        name: the registry's name of the counter ("5号窗口"; may be empty or the code).

    Returns:
        "5" for "5号窗口", "05 号窗口" or "窗口5"; else the code's digits without leading zeros.
    """
    found = _WINDOW_NUMBER.search(name)
    if found:
        return str(int(next(group for group in found.groups() if group)))
    return window_of(counter)


def hall_time(text: str) -> datetime:
    """A time of the registry (UTC ISO 8601 text) in the hall's zone."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(HALL_TIMEZONE)


@contextmanager
def registry_errors() -> Iterator[None]:
    """Convert the client's errors to the port's (see the module).

    The registry words its refusals in English (its Problem answers); they stay plain messages
    with no parameters, which `ui.errors.explain_error` shows as they came.
    """
    try:
        yield
    except (Offline, Busy, SlowDown) as error:
        raise QueueUnavailable(str(error)) from None
    except (NotEnrolled, UpdateNeeded) as error:
        raise QueueUnavailable(f"the registry does not accept this device: {error}") from None
    except Refused as error:
        if error.status == 404:
            raise NotFound(str(error)) from None
        if error.status == 403:
            raise PermissionDenied(str(error)) from None
        if error.status in (400, 413, 422):
            raise InvalidInput(str(error)) from None
        raise RuleViolation(str(error)) from None


class RegistryQueue:
    """The hall queue of one enrolled device, at the registry (see the module).

    Thread-safe: moves share one HTTP session under a lock; the display's long polls have a
    session of their own, so a poll waiting for news never holds a move up.
    """

    def __init__(
        self,
        client: QueueClient,
        *,
        feed_wait: float = FEED_WAIT,
        attempts: int = RETRY_ATTEMPTS,
        retry_pause: float = RETRY_PAUSE,
    ) -> None:
        self._client = client
        self._feed_wait = feed_wait
        self._attempts, self._retry_pause = attempts, retry_pause
        self._lock = threading.Lock()
        self._feed_lock = threading.Lock()
        self._feed_client: QueueClient | None = None
        self._names: dict[str, str] = {}
        self._last: wire.CounterView | None = None  # the last view returned; None after errors
        # The `after` a caller holds once it took our last feed, and the registry's version
        # then: a caller continuing from that answer long-polls from that version.
        self._resume: tuple[int, int] | None = None

    def close(self) -> None:
        """Close the HTTP sessions."""
        with self._lock:
            self._client.close()
        with self._feed_lock:
            if self._feed_client is not None:
                self._feed_client.close()

    # The kiosk ---------------------------------------------------------------------------

    def services(self) -> Sequence[ServiceInfo]:
        """The hall's active services, by ticket prefix (A, B, C … as the hall numbers them)."""
        specs = self._ask(lambda client: client.services())
        active = sorted((s for s in specs if s.active), key=lambda s: (s.prefix, s.code))
        self._names.update({s.code: s.name for s in specs})
        return tuple(ServiceInfo(s.code, s.name, s.prefix) for s in active)

    def issue(
        self, *, service: str, channel: Channel, id_number: str | None = None
    ) -> IssuedTicket:
        """Issue a ticket at the registry (see `ui.queue.port.KioskPort`).

        The estimate is None while no counter serving the queue is open.
        """
        answer = self._ask(
            lambda client: client.issue(service, channel=channel, id_number=id_number)
        )
        ticket = answer.ticket
        return IssuedTicket(
            number=ticket.number,
            service=ticket.service,
            service_name=self._name(ticket.service),
            issued_at=hall_time(ticket.issued_at),
            people_ahead=answer.ahead,
            estimated_wait=(
                timedelta(seconds=answer.estimate_seconds) if answer.open_counters > 0 else None
            ),
        )

    # The display -------------------------------------------------------------------------

    def feed(self, *, after: int) -> Feed:
        """The calls after `after`, oldest first, and the waiting counts.

        A caller that continues from the previous answer (it passes the highest sequence it
        was given, or 0 again when it was given none) waits at the registry until something
        happens, at most `feed_wait` seconds: a display asking again at once sees a call
        within a tenth of a second and sends no request meanwhile.
        """
        with self._feed_lock:
            cursor, wait = after, 0.0
            if self._resume is not None and self._resume[0] == after:
                cursor, wait = max(after, self._resume[1]), self._feed_wait
            elif after > 0:
                wait = self._feed_wait
            answer = self._feed(cursor, wait)
            names = {w.service: w.name for w in answer.waiting}
            self._names.update(names)
            calls = tuple(self._notice(call) for call in answer.calls if call.seq > after)
            self._resume = (max([after, *(call.sequence for call in calls)]), answer.version)
            return Feed(calls=calls, waiting=tuple(_counts(answer.waiting)))

    def hall_name(self) -> str:
        """The hall's name, as the registry knows it (the board's and the kiosk's title)."""
        with self._feed_lock:
            return self._feed(0, 0.0, limit=1).hall_name

    def _feed(
        self, after: int, wait: float, *, limit: int = wire.MAX_FEED_CALLS
    ) -> wire.DisplayFeed:
        if self._feed_client is None:
            connect, read = self._client.timeout
            self._feed_client = QueueClient(
                self._client.base_url,
                token=self._client.token,
                timeout=(connect, read + self._feed_wait),
            )
        client = self._feed_client
        with registry_errors():
            return client.display(after=after, limit=limit, wait=wait)

    def _notice(self, call: wire.CallView) -> CallNotice:
        return CallNotice(
            sequence=call.seq,
            number=call.number,
            service=call.service,
            counter=call.counter,
            window=window_label(call.counter, call.counter_name),
            at=hall_time(call.at),
            repeat=call.recall,
        )

    # The counter -------------------------------------------------------------------------

    def waiting_counts(self) -> Sequence[WaitingCount]:
        """Tickets waiting per active service of the hall."""
        return tuple(_counts(self._read().waiting))

    def desk_staff(self) -> str | None:
        """The staff member the registry last saw at this device's counter (None: nobody yet)."""
        return self._read().staff

    def counter_view(self, seat: Seat) -> CounterView:
        """The device's counter: its called or served ticket, parked tickets and pause, with
        the hall's waiting counts (the registry answers them with the counter: one request)."""
        return self._view(self._read())

    def call_next(self, seat: Seat, *, request_id: str) -> CounterView:
        """Claim the next ticket by the counter's work profile (see `CounterPort.call_next`)."""
        answer = self._call(
            lambda client, rid: client.call_next(request_id=rid, staff_id=seat.staff),
            request_id=request_id,
        )
        return self._after(answer.counter)

    def recall(self, seat: Seat) -> CounterView:
        """Announce the called ticket once more (重呼); it does not move.

        Raises:
            RuleViolation: the counter has no called ticket.
        """
        ticket = self._require({_S.CALLED}, "announce again")
        answer = self._call(
            lambda client, rid: client.again(ticket.id, request_id=rid, staff_id=seat.staff)
        )
        return self._after(answer.counter)

    def start(self, seat: Seat) -> CounterView:
        """Start serving the called ticket."""
        ticket = self._require({_S.CALLED}, "start serving")
        return self._move(lambda client: client.start(ticket.id))

    def missed(self, seat: Seat) -> CounterView:
        """Mark the called ticket missed (过号)."""
        ticket = self._require({_S.CALLED}, "mark missed")
        return self._move(lambda client: client.missed(ticket.id))

    def park(self, seat: Seat, *, note: str = "") -> CounterView:
        """Park the served ticket."""
        ticket = self._require({_S.SERVING}, "park")
        return self._move(lambda client: client.park(ticket.id, note=note))

    def call_from_park(self, seat: Seat, *, number: str) -> CounterView:
        """Call a ticket this counter parked back to it.

        Raises:
            NotFound: the counter parked no ticket with this number.
            RuleViolation: the counter's current ticket is unresolved.
        """
        view = self._known()
        parked = [t for t in view.parked if t.number == number.strip().upper()]
        if not parked:
            raise NotFound(f"counter {view.counter} has no parked ticket {number}")
        return self._after(self._call_parked(seat, parked[0].id).counter)

    def transfer(
        self, seat: Seat, *, target: TransferTarget, note: str, placement: Placement
    ) -> CounterView:
        """Send the current ticket to a service, counter or staff member of the hall."""
        ticket = self._require(set(UNRESOLVED_STATES), "transfer")
        return self._move(
            lambda client: client.transfer(
                ticket.id,
                placement,
                to_service=target.service,
                to_counter=target.counter,
                to_staff=target.staff,
                note=note,
            ),
        )

    def call_number(self, seat: Seat, *, number: str, reason: str) -> CounterView:
        """Call a given ticket out of turn: a waiting one, a missed one (cooldown and recall
        limit apply) or one this counter parked; the reason is logged.

        Raises:
            InvalidInput: no reason given.
            NotFound: no ticket has this number today.
            RuleViolation: the counter pauses, its current ticket is unresolved, or the ticket
                cannot be called here now.
        """
        if not reason.strip():
            raise InvalidInput("calling a number out of turn needs a reason")
        wanted = number.strip().upper()
        parked = [t for t in self._known().parked if t.number == wanted]
        if parked:
            answer = self._call_parked(seat, parked[0].id)
        else:
            answer = self._call(
                lambda client, rid: client.call_number(
                    wanted, reason=reason.strip(), request_id=rid, staff_id=seat.staff
                )
            )
        return self._after(answer.counter)

    def pause(self, seat: Seat, *, reason: str) -> CounterView:
        """Stop calling at this counter; the reason is logged.

        Raises:
            InvalidInput: no reason given.
        """
        if not reason.strip():
            raise InvalidInput("a pause needs a reason")
        return self._view(
            self._ask(lambda client: client.pause(staff_id=seat.staff, reason=reason.strip()))
        )

    def resume(self, seat: Seat) -> CounterView:
        """Call again after a pause."""
        return self._view(self._ask(lambda client: client.resume(staff_id=seat.staff)))

    def finish(
        self,
        seat: Seat,
        *,
        outcome: Outcome,
        case_ids: Sequence[str],
        document_numbers: Sequence[str],
    ) -> CounterView:
        """Finish the served ticket with its outcome and the visit's cases and documents."""
        ticket = self._require({_S.SERVING}, "finish")
        return self._move(
            lambda client: client.finish(
                ticket.id,
                outcome,
                case_ids=list(case_ids),
                document_numbers=list(document_numbers),
            ),
        )

    # Internals ----------------------------------------------------------------------------

    def _ask(self, request: Callable[[QueueClient], _T]) -> _T:
        with self._lock, self._forgetting(), registry_errors():
            return request(self._client)

    def _call(
        self,
        send: Callable[[QueueClient, str], wire.CallAnswer],
        *,
        request_id: str | None = None,
    ) -> wire.CallAnswer:
        def attempt(rid: str) -> wire.CallAnswer:
            return send(self._client, rid)

        with self._lock, self._forgetting(), registry_errors():
            return retrying(
                attempt,
                request_id=request_id,
                attempts=self._attempts,
                pause=self._retry_pause,
            )

    @contextmanager
    def _forgetting(self) -> Iterator[None]:
        """After a failed request the last view may be out of date: the next move reads."""
        try:
            yield
        except BaseException:
            self._last = None
            raise

    def _call_parked(self, seat: Seat, ticket_id: str) -> wire.CallAnswer:
        return self._call(
            lambda client, rid: client.call_parked(ticket_id, request_id=rid, staff_id=seat.staff)
        )

    def _move(self, request: Callable[[QueueClient], wire.TicketAnswer]) -> CounterView:
        return self._after(self._ask(request).counter)

    def _after(self, view: wire.CounterView | None) -> CounterView:
        """The view an action's answer carried, or (an older registry's answer) a fresh one."""
        if view is None:
            view = self._read()
        return self._view(view)

    def _read(self) -> wire.CounterView:
        """The counter's view as the registry has it now (one request)."""
        return self._ask(lambda client: client.counter())

    def _known(self) -> wire.CounterView:
        """The last view this port returned (what the clerk sees), or a fresh one."""
        return self._last or self._read()

    def _require(self, states: set[TicketState], action: str) -> wire.TicketView:
        view = self._known()
        current = _unresolved(view)
        if current is None or current.state not in states:
            names = " or ".join(sorted(s.value for s in states))
            raise RuleViolation(f"counter {view.counter} has no {names} ticket to {action}")
        return current

    def _name(self, service: str) -> str:
        if service not in self._names:
            self.services()
        return self._names.get(service, service)

    def _view(self, view: wire.CounterView) -> CounterView:
        self._last = view
        self._names.update({w.service: w.name for w in view.waiting if w.name})
        current = _unresolved(view)
        return CounterView(
            counter=view.counter,
            current=None if current is None else self._held(current),
            parked=tuple(self._held(ticket) for ticket in view.parked),
            paused=view.paused,
            pause_reason=view.pause_reason,
            waiting=tuple(_counts(view.waiting)),
        )

    def _held(self, ticket: wire.TicketView) -> HeldTicket:
        return HeldTicket(
            id=ticket.id,
            number=ticket.number,
            service=ticket.service,
            service_name=self._names.get(ticket.service, ticket.service),
            state=ticket.state,
            called_at=None if ticket.called_at is None else hall_time(ticket.called_at),
            recalls=ticket.recalls,
            green_channel=ticket.green_channel,
            transfer_note=ticket.transfer_note or "",
        )


def _unresolved(view: wire.CounterView) -> wire.TicketView | None:
    """The counter's called or served ticket (the registry's `current` is its last call,
    whatever became of it since)."""
    current = view.current
    if current is None or current.state not in UNRESOLVED_STATES:
        return None
    return current if current.counter == view.counter else None


def _counts(counts: Sequence[wire.WaitingCount]) -> list[WaitingCount]:
    return [WaitingCount(c.service, c.name or c.service, c.waiting) for c in counts]
