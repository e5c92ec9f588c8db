"""The messages of reconciling a counter's offline queue with the registry: plain dataclasses.

A counter that worked in local mode uploads, once it reaches the registry again, a batch of
what it recorded: its own walk-in tickets (closed, with every event) and the printed hall
tickets it served by hand. Every record carries an op id; the registry answers each record
once and stores the answer, so a batch sent again (its answer was lost) is answered the same
and changes nothing. Times travel as ISO 8601 text with their offset (UTC from the counter).

A record the registry cannot take as it stands — a hand-served ticket the hall queue
meanwhile called or closed elsewhere, a number already taken — is a clash: it is kept with its
reason and put on the hall's needs-attention list (`GET /api/v1/attention`), never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from clerk.queue.tickets import EventKind, Outcome

MAX_OFFLINE_RECORDS = 200
"""The most records (tickets and hand-served tickets together) of one batch."""
MAX_EVENTS_PER_TICKET = 100
"""The most events one local ticket may carry."""
WALK_IN_OP, HAND_SERVED_OP = "queue.local_ticket", "queue.hand_served"
"""The op types under which clashes appear on the needs-attention list."""


@dataclass(frozen=True, slots=True)
class OfflineEvent:
    """One event of a local ticket, as the counter recorded it."""

    kind: EventKind
    at: str
    staff: str | None = None
    detail: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LocalTicketRecord:
    """A walk-in ticket a counter issued and closed in local mode (number "W03-001")."""

    op_id: str
    ticket_id: str
    number: str
    service: str
    events: list[OfflineEvent]


@dataclass(frozen=True, slots=True)
class HandServedRecord:
    """A printed hall ticket a counter served by hand while it could not reach the registry.

    `day` is the hall day the ticket was printed for (ISO date); `service` as read off the
    ticket, if the clerk gave it.
    """

    op_id: str
    number: str
    day: str
    staff: str
    started_at: str
    finished_at: str
    outcome: Outcome
    service: str | None = None
    case_ids: list[str] = field(default_factory=list)
    document_numbers: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class OfflineBatch:
    """What a counter uploads on reconnecting (at most `MAX_OFFLINE_RECORDS` records)."""

    tickets: list[LocalTicketRecord] = field(default_factory=list)
    hand_served: list[HandServedRecord] = field(default_factory=list)


class OfflineState(StrEnum):
    """What became of one record."""

    APPLIED = "applied"  # in the hall queue now (a closed local ticket, a served hall ticket)
    CLASH = "clash"  # kept with its reason, on the hall's needs-attention list


@dataclass(frozen=True, slots=True)
class OfflineResult:
    """The registry's answer for one record; `replayed` when the op id was answered before."""

    op_id: str
    state: OfflineState
    code: str = ""
    reason: str = ""
    ticket_id: str | None = None
    replayed: bool = False


@dataclass(frozen=True, slots=True)
class OfflineAnswer:
    """One result per record, tickets first, each list in the order sent."""

    results: list[OfflineResult]
