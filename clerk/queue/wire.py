"""The hall queue's messages between the registry and its devices: plain dataclasses, no I/O.

The registry serves them as its OpenAPI schema and the client builds them with
`clerk.wire.from_wire`. Times travel as UTC ISO 8601 text (as everywhere in the protocol);
durations as whole or fractional seconds. Call requests carry a `request_id` chosen by the
counter: a call retried with the same id is answered with the same ticket, never a second one.
"""

from __future__ import annotations

import dataclasses
import types
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from clerk.errors import InvalidInput
from clerk.queue.stats import GroupBy
from clerk.queue.tickets import Channel, Outcome, Placement, TicketState

MAX_FEED_CALLS = 50
"""The most calls one display-feed answer carries."""
MAX_LONG_POLL_SECONDS = 8
"""The longest a display may ask the feed to wait for news (well within any read timeout)."""
_T = TypeVar("_T")


# -- requests ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IssueRequest:
    """A ticket asked for at the kiosk or at a counter.

    `id_number` only with the ID-card channel (the registry keeps a masked form and a keyed
    hash, never the number); `appointment_at` (ISO 8601 with an offset) only with appointment
    check-ins; `staff_id` when a clerk issues a walk-in ticket.
    """

    service: str
    channel: Channel = Channel.ON_SITE
    green_channel: bool = False
    priority: int = 0
    id_number: str | None = None
    appointment_at: str | None = None
    staff_id: str | None = None


@dataclass(frozen=True, slots=True)
class CallNext:
    """Call the next ticket by the counter's work profile."""

    request_id: str
    staff_id: str


@dataclass(frozen=True, slots=True)
class CallTicket:
    """Call one ticket: a parked one back, a missed one again, or a given number (with reason).

    For `/queue/call/number` the ticket is named by `number` (today's number) and `reason` is
    required; the other two name it by `ticket_id`.
    """

    request_id: str
    staff_id: str
    ticket_id: str | None = None
    number: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class TicketAction:
    """Start serving, mark missed, park (with a note) or record that the applicant left."""

    ticket_id: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class FinishRequest:
    """Finish a visit with its outcome and the cases and documents it produced."""

    ticket_id: str
    outcome: Outcome
    case_ids: list[str] = field(default_factory=list)
    document_numbers: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TransferRequest:
    """Send a ticket to a service, a counter or a staff member, placed in its new queue."""

    ticket_id: str
    placement: Placement
    to_service: str | None = None
    to_counter: str | None = None
    to_staff: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class PauseRequest:
    """Pause the counter (a break, a meeting) or resume it; the reason is logged."""

    staff_id: str
    reason: str = ""


# -- answers ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TicketView:
    """A ticket as the registry holds it."""

    id: str
    number: str
    service: str
    channel: Channel
    state: TicketState
    issued_at: str
    green_channel: bool
    priority: int
    recalls: int
    appointment_at: str | None = None
    id_masked: str | None = None
    counter: str | None = None
    staff: str | None = None
    called_at: str | None = None
    missed_at: str | None = None
    started_at: str | None = None
    closed_at: str | None = None
    outcome: Outcome | None = None
    case_ids: list[str] = field(default_factory=list)
    document_numbers: list[str] = field(default_factory=list)
    target_counter: str | None = None
    target_staff: str | None = None
    transfer_note: str | None = None


@dataclass(frozen=True, slots=True)
class IssuedTicket:
    """A new ticket, with the people ahead of it and the estimated wait."""

    ticket: TicketView
    ahead: int
    estimate_seconds: int
    open_counters: int


@dataclass(frozen=True, slots=True)
class CallAnswer:
    """The ticket a call claimed (None: nothing to call); `replayed` for a retried request.

    `counter` is the counter's view just after the call (its panel needs no second request);
    None when the registry could not read it (the call stands) or does not send it.
    """

    ticket: TicketView | None
    replayed: bool = False
    message: str = ""
    counter: CounterView | None = None


@dataclass(frozen=True, slots=True)
class TicketAnswer:
    """A ticket after a move, and the counter's view just after it (see `CallAnswer.counter`)."""

    ticket: TicketView
    counter: CounterView | None = None


@dataclass(frozen=True, slots=True)
class WaitingCount:
    """Tickets waiting in one service's queue."""

    service: str
    prefix: str
    name: str
    waiting: int


@dataclass(frozen=True, slots=True)
class CounterView:
    """A counter's queue state: its current ticket, pause and the hall's waiting counts.

    `current` is the ticket the counter called last, whatever became of it since; `parked`
    are the tickets this counter set aside and may call back (oldest first).
    """

    counter: str
    paused: bool
    pause_reason: str
    staff: str | None
    current: TicketView | None
    may_call_next: bool
    waiting: list[WaitingCount]
    parked: list[TicketView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CallView:
    """One call on the hall's board; `seq` increases with every change, in commit order.

    `recall` marks a ticket called again: a missed one recalled, or the called one announced
    once more (重呼); `counter_name` is the registry's name of the counter ("5号窗口").
    """

    seq: int
    number: str
    counter: str
    service: str
    at: str
    recall: bool
    counter_name: str = ""


@dataclass(frozen=True, slots=True)
class DisplayFeed:
    """What a hall display shows: calls after the cursor (oldest first) and waiting counts.

    `version` is the cursor for the next poll (the hall queue's last change); `calls` are the
    latest calls after `after`, at most `limit`, oldest first; `hall_name` is the hall's name
    for the board's title.
    """

    version: int
    calls: list[CallView]
    waiting: list[WaitingCount]
    server_time: str
    hall_name: str = ""


@dataclass(frozen=True, slots=True)
class WaitEstimate:
    """How long a new ticket of a service would wait (a display figure, not a promise)."""

    service: str
    ahead: int
    estimate_seconds: int
    open_counters: int


@dataclass(frozen=True, slots=True)
class StatsGroup:
    """The figures of one group (`key` None where events have no counter or staff)."""

    key: str | None
    issued: int
    called: int
    served: int
    no_shows: int
    no_show_rate: float | None
    mean_wait_seconds: float | None
    median_wait_seconds: float | None
    p90_wait_seconds: float | None
    mean_service_seconds: float | None
    service_level: float | None


@dataclass(frozen=True, slots=True)
class StatsReport:
    """Queue statistics of a hall over days (by issue day in the hall's time zone)."""

    start: str
    end: str
    group_by: GroupBy
    target_wait_seconds: int
    groups: list[StatsGroup]


# -- configuration (supervisors and admins) ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    """A service queue of a hall: its code, ticket prefix, name and optional daily cap."""

    code: str
    prefix: str
    name: str
    daily_cap: int | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class ServiceList:
    """A hall's service queues."""

    services: list[ServiceSpec]


@dataclass(frozen=True, slots=True)
class ProfileSpec:
    """A counter's work profile as data (see `clerk.queue.policy.WorkProfile`).

    An empty `services` list means every active service of the hall.
    """

    services: list[str] = field(default_factory=list)
    service_weights: dict[str, int] = field(default_factory=dict)
    green_channel_first: bool = True
    appointment_window_seconds: int = 120
    recall_cooldown_seconds: int = 300
    max_recalls: int = 3
    long_wait_seconds: int | None = None


@dataclass(frozen=True, slots=True)
class HallQueueSettings:
    """A hall's queue settings: its time zone (for the daily numbers) and target wait."""

    timezone: str = "Asia/Shanghai"
    target_wait_seconds: int = 1200


# -- decoding ---------------------------------------------------------------------------------


def decode(kind: type[_T], data: Any) -> _T:
    """Build a queue message from parsed JSON, checking every field's presence and type.

    Unlike `clerk.wire.from_wire`, optional messages and enums (`TicketView | None`,
    `Outcome | None`) are decoded too, at any depth.

    Raises:
        InvalidInput: a field is missing, null where it may not be, or of the wrong type.
    """
    if not isinstance(data, dict):
        raise InvalidInput("{kind}: expected an object", kind=kind.__name__)
    hints = _hints(kind)
    values: dict[str, Any] = {}
    for item in dataclasses.fields(kind):  # type: ignore[arg-type]
        if item.name in data:
            where = f"{kind.__name__}.{item.name}"
            values[item.name] = _value(where, hints[item.name], data[item.name])
        elif item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING:
            raise InvalidInput("{kind}.{name} is missing", kind=kind.__name__, name=item.name)
    return kind(**values)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(kind: type) -> dict[str, Any]:
    hints = _HINTS.get(kind)
    if hints is None:
        hints = _HINTS[kind] = get_type_hints(kind)
    return hints


def _value(where: str, hint: Any, value: Any) -> Any:
    if get_origin(hint) in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        if value is None and len(options) < len(get_args(hint)):
            return None
        (hint,) = options
    if value is None:
        raise InvalidInput("{where}: may not be null", where=where)
    if get_origin(hint) is list:
        if not isinstance(value, list):
            raise InvalidInput("{where}: expected a list", where=where)
        (inner,) = get_args(hint)
        return [_value(where, inner, item) for item in value]
    if get_origin(hint) is dict:
        if not isinstance(value, dict):
            raise InvalidInput("{where}: expected an object", where=where)
        return {str(key): _value(where, get_args(hint)[1], item) for key, item in value.items()}
    if dataclasses.is_dataclass(hint):
        return decode(hint, value)  # type: ignore[arg-type]
    return _scalar(where, hint, value)


def _scalar(where: str, hint: Any, value: Any) -> Any:
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        try:
            return hint(value)
        except ValueError:
            raise InvalidInput(
                "{where}: {value} is not allowed", where=where, value=repr(value)
            ) from None
    allowed: tuple[type, ...] = (int, float) if hint is float else (hint,)
    if not isinstance(value, allowed) or (hint is not bool and isinstance(value, bool)):
        raise InvalidInput(
            "{where}: expected {hint}, got {type}",
            where=where,
            hint=hint.__name__,
            type=type(value).__name__,
        )
    return value
