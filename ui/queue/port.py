"""What the queue UI needs from the hall queue: a small typed port and the plain values it returns.

The kiosk, the hall display and the counter's queue panel talk to the queue only through these
protocols, never to HTTP or storage. `ui.queue.memory.MemoryQueue` implements them on the pure
rules of `clerk.queue` (tests, `--demo-queue`); an adapter over the registry's HTTP client
implements them for a real hall.

Every call may block (a network round trip): the widgets make them on a `ui.queue.lane.Lane`,
never on the GUI thread. A call that breaks a queue rule raises `clerk.errors.RuleViolation` or
`InvalidInput` with a message for the clerk; a queue that cannot be reached raises
`QueueUnavailable` (an adapter converts its client's errors to it).

Counter operations name the counter and its clerk with a `Seat` and return the counter's
`CounterView` after the move, so the panel shows what the queue holds, not what it guessed. A
view carries the hall's waiting counts too: the panel's periodic refresh is one read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from clerk.errors import ClerkError
from clerk.queue import Channel, Outcome, Placement, TicketState


class QueueUnavailable(ClerkError):
    """The hall queue cannot be reached (network down, registry stopped, timeout)."""


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    """A service queue as the kiosk offers it: its key, its name and its ticket prefix."""

    code: str
    name: str
    prefix: str


@dataclass(frozen=True, slots=True)
class Seat:
    """Who acts at a counter: the counter's id and the clerk signed in there."""

    counter: str
    staff: str


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuedTicket:
    """A ticket just issued, with what the slip prints.

    `estimated_wait` is None when no counter serving the queue is open.
    """

    number: str
    service: str
    service_name: str
    issued_at: datetime
    people_ahead: int
    estimated_wait: timedelta | None


@dataclass(frozen=True, slots=True, kw_only=True)
class HeldTicket:
    """A ticket a counter holds (called, being served or parked); `id` is the queue's key."""

    id: str
    number: str
    service: str
    service_name: str
    state: TicketState
    called_at: datetime | None = None
    recalls: int = 0
    green_channel: bool = False
    transfer_note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class CounterView:
    """A counter's queue state: its current ticket, the tickets it parked, whether it pauses.

    `current` is the CALLED or SERVING ticket (the one the loop rule is about), or None.
    `waiting` is the hall's waiting counts read with the view (every active service, as
    `CounterPort.waiting_counts` lists them), so one read serves the panel's refresh. They are
    the hall's, not the counter's state: they take no part in comparing views, so two views of
    the same counter state are equal whatever the counts (a new count is no new ticket).
    """

    counter: str
    current: HeldTicket | None = None
    parked: tuple[HeldTicket, ...] = ()
    paused: bool = False
    pause_reason: str = ""
    waiting: tuple[WaitingCount, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class TransferTarget:
    """Where a transfer sends a ticket: a service's queue, a counter or a staff member."""

    service: str | None = None
    counter: str | None = None
    staff: str | None = None


@dataclass(frozen=True, slots=True)
class WaitingCount:
    """How many tickets wait in one service's queue."""

    service: str
    name: str
    waiting: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CallNotice:
    """One call for the hall board and the announcements.

    `sequence` grows by one with each call of the hall; `window` is the counter as the hall
    knows it ("5" for 5 号窗口); `repeat` marks a call announced again (重呼).
    """

    sequence: int
    number: str
    service: str
    counter: str
    window: str
    at: datetime
    repeat: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Feed:
    """What a display polls: the calls after a sequence number and the waiting counts now."""

    calls: tuple[CallNotice, ...]
    waiting: tuple[WaitingCount, ...]


class KioskPort(Protocol):
    """What the ticket kiosk needs."""

    def services(self) -> Sequence[ServiceInfo]:
        """The services tickets can be taken for, in the order the kiosk shows them."""

    def issue(
        self, *, service: str, channel: Channel, id_number: str | None = None
    ) -> IssuedTicket:
        """Issue a ticket (number, people ahead, estimate)."""


class DisplayPort(Protocol):
    """What the hall display needs."""

    def feed(self, *, after: int) -> Feed:
        """The calls with a sequence above `after` (0: the last ones kept), and waiting counts."""


class CounterPort(Protocol):
    """What the counter's queue panel needs; each move returns the counter's view after it."""

    def services(self) -> Sequence[ServiceInfo]:
        """The hall's services (the panel's transfer targets)."""

    def waiting_counts(self) -> Sequence[WaitingCount]:
        """How many wait in each service's queue (a view carries the same in `waiting`)."""

    def counter_view(self, seat: Seat) -> CounterView:
        """The counter's current state, with the hall's waiting counts (one read)."""

    def call_next(self, seat: Seat, *, request_id: str) -> CounterView:
        """Call the next ticket the counter's work profile chooses.

        A retried request (same `request_id`) answers with the ticket the first one claimed;
        `current` is None when nobody waits.
        """

    def recall(self, seat: Seat) -> CounterView:
        """Announce the counter's called ticket once more (重呼)."""

    def start(self, seat: Seat) -> CounterView:
        """The called applicant arrived: serving starts."""

    def missed(self, seat: Seat) -> CounterView:
        """The called applicant did not come (过号); the ticket may be recalled later."""

    def park(self, seat: Seat, *, note: str = "") -> CounterView:
        """Set the served ticket aside while the applicant fetches something."""

    def call_from_park(self, seat: Seat, *, number: str) -> CounterView:
        """Call a ticket this counter parked back to it."""

    def transfer(
        self, seat: Seat, *, target: TransferTarget, note: str, placement: Placement
    ) -> CounterView:
        """Send the current ticket to another service, counter or staff member."""

    def call_number(self, seat: Seat, *, number: str, reason: str) -> CounterView:
        """Call a given ticket out of turn (a missed one after its cooldown); the reason is kept."""

    def pause(self, seat: Seat, *, reason: str) -> CounterView:
        """Stop calling (break, meeting); the reason is kept."""

    def resume(self, seat: Seat) -> CounterView:
        """Call again after a pause."""

    def finish(
        self,
        seat: Seat,
        *,
        outcome: Outcome,
        case_ids: Sequence[str],
        document_numbers: Sequence[str],
    ) -> CounterView:
        """Finish the served ticket with its outcome, linked to the visit's cases and documents."""


class QueuePort(KioskPort, DisplayPort, CounterPort, Protocol):
    """The whole hall queue as the UI sees it (each widget asks only for its own part)."""
