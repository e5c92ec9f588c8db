"""Queue statistics computed from timestamped events alone, and a simple waiting-time estimate.

Each measure is counted where its event happened:
- issued: at the ISSUED event;
- called: tickets with a CALLED or RECALLED event in the group;
- waiting time: issue → the ticket's first call (a call back from park, a recall or a call after
  a transfer does not start a new wait); service level is the share of these waits within the
  target;
- served and service time: at the FINISHED event; service time is the sum of the ticket's
  serving spells (STARTED until PARKED, TRANSFERRED, LEFT or FINISHED), so time the applicant
  spent away while parked is not service time;
- no-shows: at the NO_SHOW event; the no-show rate is no-shows over tickets called.

Grouping by SERVICE, COUNTER or STAFF uses the event's own field (None where the event has
none, e.g. a kiosk's ISSUED event has no counter). Grouping by DAY always uses the day the
ticket was issued (in the zone of its time stamps), so a visit across midnight stays on the day
it began. Durations are plain datetime differences, so long waits and midnight are exact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeAlias

from clerk.errors import InvalidInput
from clerk.queue.tickets import EventKind, QueueEvent

ALL_KEY = "all"
"""The one key of `GroupBy.ALL`."""

DEFAULT_SERVICE_TIME = timedelta(minutes=5)
"""What `estimate_wait` assumes one service takes when it has no history."""

GroupKey: TypeAlias = str | date | None

_CALLS = frozenset({EventKind.CALLED, EventKind.RECALLED})
_SPELL_ENDS = frozenset(
    {EventKind.PARKED, EventKind.TRANSFERRED, EventKind.LEFT, EventKind.FINISHED}
)


class GroupBy(StrEnum):
    """How `compute_stats` groups its figures."""

    SERVICE = "service"
    COUNTER = "counter"
    STAFF = "staff"
    DAY = "day"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class QueueStats:
    """The figures of one group; rates and durations are None where nothing was measured."""

    issued: int
    called: int
    served: int
    no_shows: int
    no_show_rate: float | None
    mean_wait: timedelta | None
    median_wait: timedelta | None
    p90_wait: timedelta | None
    mean_service: timedelta | None
    service_level: float | None


@dataclass
class _Tally:
    issued: int = 0
    called: set[str] = field(default_factory=set)
    served: int = 0
    no_shows: int = 0
    waits: list[timedelta] = field(default_factory=list)
    service_times: list[timedelta] = field(default_factory=list)

    def stats(self, target_wait: timedelta) -> QueueStats:
        waits = sorted(self.waits)
        called = len(self.called)
        return QueueStats(
            issued=self.issued,
            called=called,
            served=self.served,
            no_shows=self.no_shows,
            no_show_rate=self.no_shows / called if called else None,
            mean_wait=_mean(waits),
            median_wait=_median(waits),
            p90_wait=_nearest_rank(waits, 90),
            mean_service=_mean(self.service_times),
            service_level=sum(w <= target_wait for w in waits) / len(waits) if waits else None,
        )


def compute_stats(
    events: Iterable[QueueEvent], *, target_wait: timedelta, group_by: GroupBy = GroupBy.ALL
) -> dict[GroupKey, QueueStats]:
    """Compute queue statistics from events (see the module for what counts where).

    Args:
        events: queue events in any order (a ticket's events are put in time order; those at
            the same instant keep the order given); an event delivered twice counts once.
        target_wait: the longest wait that still meets the service level.
        group_by: how to group the figures.

    Returns:
        The figures of each group that has at least one event, by group key: the service,
        counter or staff id (None where events had none), the issue date, or `ALL_KEY`.

    Raises:
        InvalidInput: a negative target wait.
    """
    if target_wait < timedelta(0):
        raise InvalidInput("the target wait cannot be negative")
    by_ticket: dict[str, list[QueueEvent]] = defaultdict(list)
    for event in dict.fromkeys(events):  # a resent event is the same event
        by_ticket[event.ticket_id].append(event)
    tallies: defaultdict[GroupKey, _Tally] = defaultdict(_Tally)
    for ticket_id, ticket_events in by_ticket.items():
        _count_ticket(ticket_id, sorted(ticket_events, key=lambda e: e.at), group_by, tallies)
    return {key: tally.stats(target_wait) for key, tally in tallies.items()}


def estimate_wait(
    ahead: int,
    recent_service_times: Sequence[timedelta],
    open_counters: int,
    *,
    default: timedelta = DEFAULT_SERVICE_TIME,
) -> timedelta:
    """Estimate how long a new ticket will wait: ahead × median service time ÷ open counters.

    The median keeps one very long case from skewing the estimate. It is a display figure for
    the ticket slip and the board, not a promise.

    Args:
        ahead: tickets ahead in the queue.
        recent_service_times: recent service times of the queue (e.g. today's).
        open_counters: counters currently serving the queue.
        default: the service time assumed when there is no history.

    Returns:
        The estimated wait, rounded to the second.

    Raises:
        InvalidInput: a negative `ahead`, or no open counter.
    """
    if ahead < 0:
        raise InvalidInput("tickets ahead cannot be negative, not {ahead}", ahead=ahead)
    if open_counters < 1:
        raise InvalidInput("no counter is open: the wait cannot be estimated")
    median = _median(sorted(recent_service_times))
    typical = default if median is None else median
    return timedelta(seconds=round(typical.total_seconds() * ahead / open_counters))


def _count_ticket(
    ticket_id: str,
    events: list[QueueEvent],
    group_by: GroupBy,
    tallies: defaultdict[GroupKey, _Tally],
) -> None:
    issued = next((e for e in events if e.kind is EventKind.ISSUED), None)
    day = (issued or events[0]).at.date()
    first_call_seen = False
    serving_since: datetime | None = None
    served_for = timedelta(0)
    for event in events:
        tally = tallies[_key(event, group_by, day)]
        if event.kind is EventKind.ISSUED:
            tally.issued += 1
        elif event.kind in _CALLS:
            tally.called.add(ticket_id)
            if not first_call_seen and issued is not None:
                tally.waits.append(event.at - issued.at)
            first_call_seen = True
        elif event.kind is EventKind.STARTED:
            serving_since = event.at
        elif event.kind is EventKind.NO_SHOW:
            tally.no_shows += 1
        if event.kind in _SPELL_ENDS and serving_since is not None:
            served_for += event.at - serving_since
            serving_since = None
        if event.kind is EventKind.FINISHED:
            tally.served += 1
            tally.service_times.append(served_for)


def _key(event: QueueEvent, group_by: GroupBy, day: date) -> GroupKey:
    if group_by is GroupBy.SERVICE:
        return event.service
    if group_by is GroupBy.COUNTER:
        return event.counter
    if group_by is GroupBy.STAFF:
        return event.staff
    if group_by is GroupBy.DAY:
        return day
    return ALL_KEY


def _mean(values: Sequence[timedelta]) -> timedelta | None:
    return sum(values, timedelta(0)) / len(values) if values else None


def _nearest_rank(ordered: Sequence[timedelta], percent: int) -> timedelta | None:
    # Integer arithmetic: 0.9 * 70 is 63.000…01 in floating point, which would pick the 64th.
    rank = -(-percent * len(ordered) // 100)
    return ordered[rank - 1] if ordered else None


def _median(ordered: Sequence[timedelta]) -> timedelta | None:
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
