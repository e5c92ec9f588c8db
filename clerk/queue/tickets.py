"""Queue tickets and the events their moves leave: the data of the hall queue (DOMAIN.md §8).

Everything here is an immutable value. The moves between states live in `transitions`, the
calling policy in `policy`, the statistics in `stats`; storage and arbitration between counters
belong to the registry, which wires these pure rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from clerk.errors import InvalidInput

FRONT_BAND = 0
"""`QueueKey.band` of tickets transferred to the front of a queue."""

NORMAL_BAND = 1
"""`QueueKey.band` of every other ticket (arrival order, or the end of the queue)."""


class Channel(StrEnum):
    """How the applicant came by the ticket (取号渠道)."""

    ON_SITE = "on_site"  # 现场取号 at the hall's ticket machine
    ID_CARD = "id_card"  # 刷身份证取号
    APPOINTMENT = "appointment"  # 预约签到: carries the appointment time
    WALK_IN = "walk_in"  # issued by a clerk at the counter for an applicant standing there
    COUNTER_LOCAL = "counter_local"  # issued by a counter cut off from the registry (own prefix)


class TicketState(StrEnum):
    """Where a ticket stands.

    TRANSFERRED is never a resting state: a transfer puts the ticket back to WAITING at its
    target and leaves a TRANSFERRED event. The member exists so that a stored or displayed
    status can name it; every move refuses a ticket found in it.
    """

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    PARKED = "parked"  # the applicant stepped away (fetches a copy, fills a form)
    DONE = "done"
    MISSED = "missed"  # called but not present; may be recalled
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"
    LEFT = "left"


FINAL_STATES = frozenset({TicketState.DONE, TicketState.NO_SHOW, TicketState.LEFT})
"""States no move leaves."""

HELD_STATES = frozenset({TicketState.CALLED, TicketState.SERVING, TicketState.PARKED})
"""States in which a ticket belongs to one counter (`Ticket.counter`)."""


class Outcome(StrEnum):
    """What a finished visit produced (办理结果)."""

    ACCEPTED = "accepted"  # 受理
    CORRECTION_NOTICE = "correction_notice"  # 一次性告知
    REFUSAL = "refusal"  # 不予受理
    CONSULTATION = "consultation"  # 咨询 only: no case needed
    HAND_OUT = "hand_out"  # 出件: a result was handed out


class Placement(StrEnum):
    """Where a transferred ticket goes in its new queue."""

    FRONT = "front"
    END = "end"
    BY_ARRIVAL = "by_arrival"  # at its original arrival (issue) time


class EventKind(StrEnum):
    """The kind of a queue event; statistics are computed from these alone."""

    ISSUED = "issued"
    CALLED = "called"
    RECALLED = "recalled"
    STARTED = "started"
    PARKED = "parked"
    FINISHED = "finished"
    MISSED = "missed"
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"
    LEFT = "left"


@dataclass(frozen=True, slots=True, order=True)
class QueueKey:
    """A ticket's place in its queue: smaller keys are called first (at equal rank).

    The band puts front placements ahead of everyone; within a band, earlier `at` goes first.
    """

    band: int
    at: datetime

    @classmethod
    def arrival(cls, at: datetime) -> QueueKey:
        """The key of a ticket that queues by the given arrival time."""
        return cls(NORMAL_BAND, at)

    @classmethod
    def front(cls, at: datetime) -> QueueKey:
        """The key of a ticket placed at the front at `at` (earlier front placements first)."""
        return cls(FRONT_BAND, at)


@dataclass(frozen=True, slots=True, kw_only=True)
class Ticket:
    """One queue ticket, as it stands after its last move.

    `counter` and `staff` name who holds the ticket while it is CALLED, SERVING or PARKED, and
    who last held it afterwards (MISSED, NO_SHOW, DONE). `target_counter` / `target_staff`
    restrict who may call it (set by a transfer, or at issue for counter-local tickets).
    """

    id: str
    number: str
    service: str
    channel: Channel
    issued_at: datetime
    queue_key: QueueKey
    state: TicketState = TicketState.WAITING
    green_channel: bool = False  # elderly, disabled, pregnant: 绿色通道
    priority: int = 0  # higher is called first
    appointment_at: datetime | None = None
    recalls: int = 0  # recalls since the ticket last entered a queue
    counter: str | None = None
    staff: str | None = None
    called_at: datetime | None = None
    missed_at: datetime | None = None
    started_at: datetime | None = None
    closed_at: datetime | None = None  # when it became DONE, NO_SHOW or LEFT
    outcome: Outcome | None = None
    case_ids: tuple[str, ...] = ()
    document_numbers: tuple[str, ...] = ()
    target_counter: str | None = None
    target_staff: str | None = None
    transfer_note: str | None = None

    @property
    def is_final(self) -> bool:
        """Whether no move may change this ticket any more."""
        return self.state in FINAL_STATES


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueEvent:
    """A timestamped fact about one ticket: where statistics and the audit trail come from.

    `service`, `counter` and `staff` are those of the ticket when the event happened (for a
    transfer: where it came from; the target is in `detail`).
    """

    ticket_id: str
    kind: EventKind
    at: datetime
    service: str
    counter: str | None = None
    staff: str | None = None
    detail: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        # A read-only view keeps the frozen event frozen all the way down.
        object.__setattr__(self, "detail", MappingProxyType(dict(self.detail)))


class Transition(NamedTuple):
    """What a move returns: the ticket after it and the event it leaves."""

    ticket: Ticket
    event: QueueEvent


def require_aware(at: datetime) -> None:
    """Refuse a naive time: queue times are compared across counters and days.

    Raises:
        InvalidInput: `at` has no timezone.
    """
    if at.tzinfo is None:
        raise InvalidInput("queue times must be timezone-aware")
