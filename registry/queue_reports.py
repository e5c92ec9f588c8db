"""What the hall queue tells: the display feed, a counter's view, wait estimates, statistics.

Read-only. Statistics come from the stored events alone, through `clerk.queue.compute_stats`,
with every time in the hall's zone so that a day is the hall's day; a ticket's events count on
the day it was issued, however late it was served.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Boolean,
    Connection,
    Integer,
    String,
    and_,
    bindparam,
    cast,
    func,
    literal_column,
    null,
    select,
    union_all,
)

from clerk.queue import (
    ALL_KEY,
    EventKind,
    GroupBy,
    QueueEvent,
    QueueStats,
    TicketState,
    can_call_next,
    compute_stats,
    estimate_wait,
)
from clerk.queue.wire import (
    MAX_FEED_CALLS,
    CallView,
    CounterView,
    DisplayFeed,
    StatsGroup,
    StatsReport,
    WaitEstimate,
    WaitingCount,
)
from registry.db import stamp
from registry.errors import Invalid
from registry.queue_config import (
    OPEN_DESK,
    HallSettings,
    hall_settings,
    profile_services,
    read_held,
)
from registry.queue_schema import (
    QUEUE_COUNTERS,
    QUEUE_EVENTS,
    QUEUE_HALLS,
    QUEUE_SERVICES,
    QUEUE_TICKETS,
)
from registry.queue_store import (
    AGAIN,
    event_from_row,
    view,
)
from registry.schema import COUNTERS, HALLS

MAX_STATS_DAYS = 366
RECENT_SERVICES = 20
"""How many of today's finished visits of a service the wait estimate looks at."""
_CALL_KINDS = (EventKind.CALLED.value, EventKind.RECALLED.value, AGAIN)
_T, _E, _S, _C = QUEUE_TICKETS, QUEUE_EVENTS, QUEUE_SERVICES, QUEUE_COUNTERS


def waiting_counts(connection: Connection, hall: str) -> list[WaitingCount]:
    """Tickets waiting per service of the hall (every active service, zero included)."""
    services, counts = [], {}
    for kind, code, prefix, name, active, waiting in connection.execute(_WAITING, {"hall": hall}):
        if kind == "service":
            services.append((code, prefix, name, bool(active)))
        else:
            counts[code] = int(waiting)
    shown = [
        WaitingCount(code, prefix, name, counts.get(code, 0))
        for code, prefix, name, active in sorted(services)
        if active
    ]
    known = {code for code, *_ in services}
    return shown + [
        WaitingCount(code, "", "", counts[code]) for code in sorted(counts) if code not in known
    ]


# Built once (as the feed's statements below): a hall's displays ask after every call, and
# each counter's panel every few seconds.
_NONE = cast(null(), Integer)
_WAITING = union_all(
    select(
        literal_column("'service'", String), _S.c.code, _S.c.prefix, _S.c.name, _S.c.active, _NONE
    ).where(_S.c.hall == bindparam("hall")),
    select(
        literal_column("'waiting'", String),
        _T.c.service,
        cast(null(), String),
        cast(null(), String),
        cast(null(), Boolean),
        func.count(),
    )
    .where(_T.c.hall == bindparam("hall"), _T.c.state == TicketState.WAITING.value)
    .group_by(_T.c.service),
)
"""The hall's services and how many tickets wait per service, in one statement: rows are
(kind, code, prefix, name, active, waiting), kind "service" or "waiting"."""


def display_feed(
    connection: Connection, hall: str, *, after: int, limit: int, now: datetime
) -> DisplayFeed:
    """The calls after the cursor (the latest `limit`, oldest first) and the waiting counts.

    Args:
        connection: a transaction.
        hall: the display's hall.
        after: the version the display last saw (0: none; it then gets the last calls).
        limit: how many calls at most (capped at `MAX_FEED_CALLS`).
        now: the registry's time, for the display's clock.
    """
    name, stored = connection.execute(_HALL, {"hall": hall}).one()
    version = stored or 0  # no queue row yet: nothing has changed
    calls: list[CallView] = []
    if version > after:
        parameters = {"hall": hall, "after": after, "limit": max(1, min(limit, MAX_FEED_CALLS))}
        calls = [
            CallView(
                row.seq,
                row.number,
                row.counter,
                row.service,
                row.at,
                row.kind != EventKind.CALLED.value,
                row.name or "",
            )
            for row in connection.execute(_CALLS, parameters)
        ][::-1]
    waiting = waiting_counts(connection, hall)
    return DisplayFeed(version, calls, waiting, stamp(now), name)


# Built once: every display asks for the feed after every change of the hall.
_HALL = (
    select(HALLS.c.name, QUEUE_HALLS.c.version)
    .select_from(HALLS.outerjoin(QUEUE_HALLS, QUEUE_HALLS.c.hall == HALLS.c.code))
    .where(HALLS.c.code == bindparam("hall"))
)
_CALLS = (
    select(_E.c.seq, _E.c.number, _E.c.counter, _E.c.service, _E.c.at, _E.c.kind, COUNTERS.c.name)
    .select_from(
        _E.outerjoin(COUNTERS, and_(COUNTERS.c.hall == _E.c.hall, COUNTERS.c.code == _E.c.counter))
    )
    .where(_E.c.hall == bindparam("hall"), _E.c.seq > bindparam("after"))
    .where(_E.c.kind.in_(_CALL_KINDS))
    .order_by(_E.c.seq.desc(), _E.c.id.desc())
    .limit(bindparam("limit"))
)


def counter_view(connection: Connection, *, hall: str, counter: str) -> CounterView:
    """A counter's queue state: current ticket, parked tickets, pause, whether it may call,
    waiting counts."""
    held = read_held(connection, hall=hall, counter=counter)
    desk, current = held.desk, held.current
    free = can_call_next(None if current is None else current.ticket, counter=counter)
    return CounterView(
        counter=counter,
        paused=desk.paused,
        pause_reason=desk.pause_reason,
        staff=desk.staff,
        current=None if current is None else view(current),
        may_call_next=free and not desk.paused,
        waiting=waiting_counts(connection, hall),
        parked=[view(stored) for stored in held.parked],
    )


def estimate(
    connection: Connection,
    hall: str,
    service: str,
    *,
    now: datetime,
    exclude: str | None = None,
    settings: HallSettings | None = None,
) -> WaitEstimate:
    """The wait of a new ticket of a service: waiting tickets × typical visit ÷ open counters.

    The typical visit is the median of today's last finished visits of the service (their
    service time from events); open counters are the unpaused counters with a clerk that serve
    the service (at least one is assumed, so that a hall opening in the morning shows a figure).
    `settings`: the hall's settings if already read in this transaction (else read here).
    """
    settings = settings or hall_settings(connection, hall)
    day = settings.day(now)
    parameters = {"hall": hall, "service": service, "exclude": exclude or "", "day": day}
    ahead, active, profiles, done = 0, [], [], []
    for kind, value, count in connection.execute(_ESTIMATE_READ, parameters):
        if kind == "ahead":
            ahead = int(count)
        elif kind == "active":
            active.append(value)
        elif kind == "desk":
            profiles.append((value, int(count)))
        else:
            done.append(value)
    everything = tuple(active)
    counters = sum(
        count for text, count in profiles if service in (profile_services(text) or everything)
    )
    recent = _service_times_of(connection, hall, done, zone=settings.zone)
    wait = estimate_wait(ahead, recent, max(1, counters))
    return WaitEstimate(service, ahead, int(wait.total_seconds()), counters)


_AHEAD = select(literal_column("'ahead'", String), cast(null(), String), func.count()).where(
    _T.c.hall == bindparam("hall"),
    _T.c.service == bindparam("service"),
    _T.c.state == TicketState.WAITING.value,
    _T.c.target_counter.is_(None),
    _T.c.target_staff.is_(None),
    _T.c.id != bindparam("exclude"),
)
_ONE = literal_column("1", Integer)
_RECENT_DONE = (
    select(_T.c.id)
    .where(
        _T.c.hall == bindparam("hall"),
        _T.c.service == bindparam("service"),
        _T.c.issue_day == bindparam("day"),
        _T.c.state == TicketState.DONE.value,
    )
    .order_by(_T.c.closed_at.desc())
    .limit(RECENT_SERVICES)
    .subquery()
)
_ESTIMATE_READ = union_all(
    _AHEAD,
    select(literal_column("'active'", String), _S.c.code, _ONE).where(
        _S.c.hall == bindparam("hall"), _S.c.active.is_(True)
    ),
    select(literal_column("'desk'", String), _C.c.profile, func.count())
    .where(_C.c.hall == bindparam("hall"), OPEN_DESK)
    .group_by(_C.c.profile),
    select(literal_column("'done'", String), _RECENT_DONE.c.id, _ONE),
)
"""What an estimate reads, in one statement (built once: every ticket issued asks): the tickets
ahead ("ahead", a count), the hall's active services ("active"), each profile of the open
counters with how many have it ("desk": a hall's counters mostly share a few, so a row per
counter was hundreds of rows on every ticket issued), today's last finished visits of the
service ("done", ticket ids). Rows are (kind, value, count)."""
_EVENTS_OF = select(_E).where(
    _E.c.hall == bindparam("hall"), _E.c.ticket_id.in_(bindparam("ids", expanding=True))
)


def _service_times_of(
    connection: Connection, hall: str, ids: list[str], *, zone: ZoneInfo
) -> list[timedelta]:
    """The service times of finished visits (tickets without one, never served, left out).

    A finished ticket's events are final, so its service time is computed from them once and
    remembered: under a steady stream of finished visits each estimate reads the events of
    the visits finished since the last one, not of all twenty.
    """
    known = {ticket_id: _service_times.get(ticket_id, _UNKNOWN) for ticket_id in ids}
    unknown = [ticket_id for ticket_id, time in known.items() if time is _UNKNOWN]
    if unknown:
        events: dict[str, list[QueueEvent]] = {ticket_id: [] for ticket_id in unknown}
        for row in connection.execute(_EVENTS_OF, {"hall": hall, "ids": unknown}):
            events[row.ticket_id].append(event_from_row(row, zone))
        for ticket_id, own in events.items():
            figures = compute_stats(own, target_wait=timedelta(0))
            service_time = figures[ALL_KEY].mean_service if ALL_KEY in figures else None
            known[ticket_id] = service_time
            _remember(ticket_id, service_time)
    return [time for time in known.values() if isinstance(time, timedelta)]


def _remember(ticket_id: str, service_time: timedelta | None) -> None:
    """Keep a finished ticket's service time (the oldest half goes when full)."""
    if len(_service_times) >= _SERVICE_TIMES_KEPT:
        for ticket_id_kept in list(_service_times)[: _SERVICE_TIMES_KEPT // 2]:
            _service_times.pop(ticket_id_kept, None)
    _service_times[ticket_id] = service_time


_service_times: dict[str, timedelta | None] = {}
"""The service time of each finished ticket seen by an estimate (None: it was never served),
by ticket id (ids are unique across halls); at most `_SERVICE_TIMES_KEPT`, the newest kept."""
_SERVICE_TIMES_KEPT = 20_000
_UNKNOWN = object()


def statistics(
    connection: Connection,
    hall: str,
    *,
    start: date,
    end: date,
    group_by: GroupBy,
    target_wait: timedelta | None = None,
) -> StatsReport:
    """Queue statistics of the tickets issued from `start` to `end` (hall days, inclusive).

    Args:
        connection: a transaction.
        hall: the hall.
        start: the first issue day.
        end: the last issue day.
        group_by: service, counter, staff, day or all.
        target_wait: the service level's target (the hall's setting when None).

    Raises:
        Invalid: `end` before `start`, more than 366 days, or a negative target.
    """
    if end < start or (end - start).days >= MAX_STATS_DAYS:
        raise Invalid(f"statistics cover 1 to {MAX_STATS_DAYS} days, from start to end")
    settings = hall_settings(connection, hall)
    target = settings.target_wait if target_wait is None else target_wait
    if target < timedelta(0):
        raise Invalid("the target wait cannot be negative")
    events = _events_of_days(connection, hall, start=start, end=end, zone=settings.zone)
    figures = compute_stats(events, target_wait=target, group_by=group_by)
    groups = [_group(key, stats) for key, stats in figures.items()]
    groups.sort(key=lambda group: (group.key is None, group.key or ""))
    return StatsReport(
        start.isoformat(), end.isoformat(), group_by, int(target.total_seconds()), groups
    )


def _events_of_days(
    connection: Connection, hall: str, *, start: date, end: date, zone: ZoneInfo
) -> list[QueueEvent]:
    """Every event of the tickets issued from `start` to `end`, whenever it happened."""
    tickets = select(_T.c.id).where(
        _T.c.hall == hall, _T.c.issue_day >= start.isoformat(), _T.c.issue_day <= end.isoformat()
    )
    rows = connection.execute(
        select(_E).where(_E.c.hall == hall, _E.c.ticket_id.in_(tickets)).order_by(_E.c.id)
    )
    return [event_from_row(row, zone) for row in rows]


def _group(key: object, stats: QueueStats) -> StatsGroup:
    label = key.isoformat() if isinstance(key, date) else (None if key is None else str(key))
    return StatsGroup(
        key=label,
        issued=stats.issued,
        called=stats.called,
        served=stats.served,
        no_shows=stats.no_shows,
        no_show_rate=stats.no_show_rate,
        mean_wait_seconds=_seconds(stats.mean_wait),
        median_wait_seconds=_seconds(stats.median_wait),
        p90_wait_seconds=_seconds(stats.p90_wait),
        mean_service_seconds=_seconds(stats.mean_service),
        service_level=stats.service_level,
    )


def _seconds(value: timedelta | None) -> float | None:
    return None if value is None else value.total_seconds()
