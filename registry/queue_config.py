"""The hall queue's configuration: a hall's services and settings, its counters' work profiles.

Work profiles are data (a `ProfileSpec` stored as JSON on the counter's queue row) and become
`clerk.queue.WorkProfile` values when a counter calls. A counter without a profile serves every
active service of its hall with the default rules (green channel first, appointments from two
minutes before their time, five minutes' recall cooldown, three recalls).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    func,
    insert,
    literal_column,
    select,
    text,
    true,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import BindParameter

from clerk.queue import TicketState, WorkProfile, format_number
from clerk.queue.wire import HallQueueSettings, ProfileSpec, ServiceSpec
from clerk.wire import canonical_json, from_wire, to_wire
from registry.auth import Device, authenticate_device, device_from_row, token_hash
from registry.db import is_postgres, stamp
from registry.errors import Invalid, NotFoundError
from registry.queue_schema import (
    QUEUE_COUNTERS,
    QUEUE_HALLS,
    QUEUE_REQUESTS,
    QUEUE_SERVICES,
    QUEUE_TICKETS,
)
from registry.queue_store import (
    DEFAULT_TARGET_WAIT_SECONDS,
    DEFAULT_TIMEZONE,
    Stored,
    domain_errors,
    ensure_hall,
    ticket_from_row,
)
from registry.schema import COUNTERS, HALLS, STAFF

_CODE = re.compile(r"[A-Z0-9_-]{1,16}")
_MAX_SECONDS = 7 * 24 * 3600
_MAX_WEIGHT = 1000
_S = QUEUE_SERVICES
_C = QUEUE_COUNTERS
_R = QUEUE_REQUESTS
_T = QUEUE_TICKETS
_TICKET_COLUMNS = tuple(column.label(f"t_{column.name}") for column in _T.c)
"""A ticket's columns beside a counter's row's, as `t_<name>` (read by `_joined_ticket`)."""
_DESK_LOCKS = 72_411_002  # the advisory lock space of counters' queue rows (PostgreSQL)
_DESK_LOCK = text(f"SELECT pg_advisory_xact_lock({_DESK_LOCKS}, hashtext(:key))")
_DESK = select(_C).where(_C.c.hall == bindparam("hall"), _C.c.counter == bindparam("counter"))
"""A counter's queue row (built once: it is read by every queue move)."""
_MOVED = (
    select(_T)
    .where(_T.c.id == bindparam("ticket_id"), _T.c.hall == bindparam("hall"))
    .with_for_update()
    .cte("moved")
)
_DESK_TICKET = (
    select(_C, *(_MOVED.c[column.name].label(f"t_{column.name}") for column in _T.c))
    .select_from(_C.outerjoin(_MOVED, true()))
    .where(_C.c.hall == bindparam("hall"), _C.c.counter == bindparam("counter"))
)
"""A counter's queue row with the ticket it moves (`t_<name>`; NULL: no such ticket), the
ticket locked (FOR UPDATE in its CTE, PostgreSQL)."""


@dataclass(frozen=True, slots=True)
class HallSettings:
    """A hall's queue settings, ready to use."""

    zone: ZoneInfo
    target_wait: timedelta

    def day(self, moment: datetime) -> str:
        """The hall's local date of an instant (ISO text): the day ticket numbers restart."""
        return moment.astimezone(self.zone).date().isoformat()


@dataclass(frozen=True, slots=True)
class Desk:
    """A counter's queue row: its profile, current ticket, pause and last staff member."""

    hall: str
    counter: str
    profile: ProfileSpec | None = None
    current_ticket: str | None = None
    paused: bool = False
    pause_reason: str = ""
    staff: str | None = None


_HALL_SETTINGS = select(QUEUE_HALLS.c.timezone, QUEUE_HALLS.c.target_wait_seconds).where(
    QUEUE_HALLS.c.hall == bindparam("hall")
)


def hall_settings(connection: Connection, hall: str) -> HallSettings:
    """The hall's queue settings (the defaults before any were set)."""
    row = connection.execute(_HALL_SETTINGS, {"hall": hall}).first()
    return (
        _settings(None, None) if row is None else _settings(row.timezone, row.target_wait_seconds)
    )


def _settings(timezone: str | None, target_wait_seconds: int | None) -> HallSettings:
    """A hall's settings from its queue row's columns (None: the hall has no row yet)."""
    if timezone is None or target_wait_seconds is None:
        return HallSettings(
            ZoneInfo(DEFAULT_TIMEZONE), timedelta(seconds=DEFAULT_TARGET_WAIT_SECONDS)
        )
    return HallSettings(ZoneInfo(timezone), timedelta(seconds=target_wait_seconds))


def set_hall_settings(
    connection: Connection, hall: str, settings: HallQueueSettings
) -> HallQueueSettings:
    """Set a hall's time zone and target wait.

    Raises:
        NotFoundError: no such hall.
        Invalid: an unknown time zone, or a target wait outside 0 s – 7 days.
    """
    require_hall(connection, hall)
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder such as "Europe"
        raise Invalid(f"{settings.timezone!r} is not a known time zone") from None
    _seconds(settings.target_wait_seconds, "target_wait_seconds")
    ensure_hall(connection, hall)
    connection.execute(
        update(QUEUE_HALLS)
        .where(QUEUE_HALLS.c.hall == hall)
        .values(timezone=settings.timezone, target_wait_seconds=settings.target_wait_seconds)
    )
    return settings


def require_hall(connection: Connection, hall: str) -> None:
    """Refuse an unknown hall.

    Raises:
        NotFoundError: no such hall.
    """
    if connection.execute(select(HALLS.c.code).where(HALLS.c.code == hall)).first() is None:
        raise NotFoundError(f"there is no hall {hall}")


def require_staff(connection: Connection, *, hall: str, staff_id: str) -> None:
    """Refuse a staff number that is not an active member of the hall.

    Raises:
        Invalid: unknown, inactive, or of another hall.
    """
    query = select(STAFF.c.active).where(STAFF.c.staff_id == staff_id, STAFF.c.hall == hall)
    if not connection.execute(query).scalar():
        raise Invalid(f"{staff_id!r} is not an active staff member of hall {hall}")


def list_services(connection: Connection, hall: str) -> list[ServiceSpec]:
    """The hall's service queues, by code."""
    return [
        ServiceSpec(row.code, row.prefix, row.name, row.daily_cap, row.active)
        for row in connection.execute(_SERVICES, {"hall": hall})
    ]


_SERVICES = select(_S).where(_S.c.hall == bindparam("hall")).order_by(_S.c.code)
"""Built once: every display's feed and every counter's view list the services."""


def put_services(connection: Connection, hall: str, specs: list[ServiceSpec]) -> list[ServiceSpec]:
    """Create or change service queues of a hall (one never disappears: deactivate it).

    Raises:
        NotFoundError: no such hall.
        Invalid: a malformed code or prefix, a cap below 1, or a prefix given twice.
    """
    require_hall(connection, hall)
    for spec in specs:
        _check_service(spec)
    prefixes = [spec.prefix for spec in specs]
    if len(set(prefixes)) != len(prefixes) or len({s.code for s in specs}) != len(specs):
        raise Invalid("each service needs its own code and its own prefix")
    for spec in specs:
        _put_service(connection, hall, spec)
    return list_services(connection, hall)


def _check_service(spec: ServiceSpec) -> None:
    if not _CODE.fullmatch(spec.code):
        raise Invalid(f"service code {spec.code!r} must be 1 to 16 of A-Z, 0-9, _ and -")
    with domain_errors():
        format_number(spec.prefix, 1)
    if spec.daily_cap is not None and not 1 <= spec.daily_cap <= 99_999:
        raise Invalid(f"a daily cap must be between 1 and 99999, not {spec.daily_cap}")
    if not spec.name or len(spec.name) > 200:
        raise Invalid("a service needs a name of at most 200 characters")


def _put_service(connection: Connection, hall: str, spec: ServiceSpec) -> None:
    values = {"prefix": spec.prefix, "name": spec.name, "daily_cap": spec.daily_cap}
    values["active"] = spec.active
    key = (_S.c.hall == hall) & (_S.c.code == spec.code)
    taken = select(_S.c.code).where(_S.c.hall == hall, _S.c.prefix == spec.prefix, ~key)
    if connection.execute(taken).first() is not None:
        raise Invalid(f"prefix {spec.prefix} already belongs to another service of hall {hall}")
    if connection.execute(update(_S).where(key).values(**values)).rowcount == 0:
        connection.execute(insert(_S).values(hall=hall, code=spec.code, **values))


def require_service(connection: Connection, *, hall: str, code: str) -> ServiceSpec:
    """An active service of the hall, its row locked (PostgreSQL): issues queue up behind it.

    Raises:
        NotFoundError: the hall has no active service with that code.
    """
    return issuing(connection, hall=hall, code=code)[0]


def issuing(connection: Connection, *, hall: str, code: str) -> tuple[ServiceSpec, HallSettings]:
    """`require_service`, with the hall's settings read alongside (one statement, not two).

    Raises:
        NotFoundError: the hall has no active service with that code.
    """
    row = connection.execute(_ISSUING, {"hall": hall, "code": code}).first()
    if row is None or not row.active:
        raise NotFoundError(f"hall {hall} has no active service {code!r}")
    service = ServiceSpec(row.code, row.prefix, row.name, row.daily_cap, row.active)
    return service, _settings(row.hall_timezone, row.hall_target_wait)


def _hall_setting(column: Any) -> Any:
    return select(column).where(QUEUE_HALLS.c.hall == bindparam("hall")).scalar_subquery()


_ISSUING = (
    select(
        _S,
        _hall_setting(QUEUE_HALLS.c.timezone).label("hall_timezone"),
        _hall_setting(QUEUE_HALLS.c.target_wait_seconds).label("hall_target_wait"),
    )
    .where(_S.c.hall == bindparam("hall"), _S.c.code == bindparam("code"))
    .with_for_update(of=_S)
)
"""A service's row, locked, and its hall's settings (NULL before any were set)."""


def set_profile(
    connection: Connection, *, hall: str, counter: str, spec: ProfileSpec
) -> ProfileSpec:
    """Give a counter its work profile.

    Raises:
        NotFoundError: no such counter in the hall.
        Invalid: an unknown service, weights of services not served, durations out of range.
    """
    exists = select(COUNTERS.c.code).where(COUNTERS.c.hall == hall, COUNTERS.c.code == counter)
    if connection.execute(exists).first() is None:
        raise NotFoundError(f"hall {hall} has no counter {counter}")
    known = {service.code for service in list_services(connection, hall)}
    unknown = sorted(set(spec.services) - known)
    if unknown:
        raise Invalid(f"hall {hall} has no services {unknown}")
    work_profile(spec, counter=counter, staff=None, all_services=tuple(sorted(known)))
    ensure_desk(connection, hall=hall, counter=counter, now_text="")
    connection.execute(
        update(_C)
        .where(_C.c.hall == hall, _C.c.counter == counter)
        .values(profile=canonical_json(to_wire(spec)))
    )
    return spec


def work_profile(
    spec: ProfileSpec | None, *, counter: str, staff: str | None, all_services: tuple[str, ...]
) -> WorkProfile:
    """The policy's work profile of a counter (the default one when `spec` is None).

    Raises:
        Invalid: a duration or weight out of range, or weights of services not served.
    """
    spec = spec or ProfileSpec()
    for name in ("appointment_window_seconds", "recall_cooldown_seconds", "long_wait_seconds"):
        value = getattr(spec, name)
        if value is not None:
            _seconds(value, name)
    if not 0 <= spec.max_recalls <= 100:
        raise Invalid(f"max_recalls must be between 0 and 100, not {spec.max_recalls}")
    if any(abs(weight) > _MAX_WEIGHT for weight in spec.service_weights.values()):
        raise Invalid(f"service weights must lie within ±{_MAX_WEIGHT}")
    long_wait = spec.long_wait_seconds
    with domain_errors():
        return WorkProfile(
            counter=counter,
            staff=staff,
            services=tuple(spec.services) or all_services,
            service_weights=dict(spec.service_weights),
            green_channel_first=spec.green_channel_first,
            appointment_window=timedelta(seconds=spec.appointment_window_seconds),
            recall_cooldown=timedelta(seconds=spec.recall_cooldown_seconds),
            max_recalls=spec.max_recalls,
            long_wait=None if long_wait is None else timedelta(seconds=long_wait),
        )


def active_services(connection: Connection, hall: str) -> tuple[str, ...]:
    """The codes of the hall's active services."""
    return tuple(connection.execute(_ACTIVE_SERVICES, {"hall": hall}).scalars())


_ACTIVE_SERVICES = (
    select(_S.c.code)
    .where(_S.c.hall == bindparam("hall"), _S.c.active.is_(True))
    .order_by(_S.c.code)
)


def desk_profile(
    connection: Connection,
    desk: Desk,
    *,
    staff: str | None,
    active: tuple[str, ...] | None = None,
) -> WorkProfile:
    """The work profile a counter calls with now (its staff member set).

    `active`: the hall's active services if already read in this transaction (else read here).
    """
    explicit = desk.profile is not None and desk.profile.services
    if not explicit and active is None:
        active = active_services(connection, desk.hall)
    return work_profile(desk.profile, counter=desk.counter, staff=staff, all_services=active or ())


def ensure_desk(connection: Connection, *, hall: str, counter: str, now_text: str) -> None:
    """Give a counter its queue row if it has none (racing creators are fine)."""
    values = {"hall": hall, "counter": counter, "paused": False, "pause_reason": ""}
    dialect = postgresql if is_postgres(connection) else sqlite
    statement = dialect.insert(_C).values(updated_at=now_text, **values)
    connection.execute(statement.on_conflict_do_nothing())


def authenticate_at_desk(connection: Connection, token: str) -> Device:
    """`authenticate_device` for a counter's queue action: on PostgreSQL the same statement
    takes the counter's lock (`lock_desk`), one round trip instead of two.

    The lock is taken before the token's row is judged, so a revoked counter's request holds it
    until its refusal rolls back; an unknown token takes none.

    Raises:
        Unauthorized: unknown token, or the counter was revoked.
    """
    if not is_postgres(connection):
        return authenticate_device(connection, token)
    row = connection.execute(_DEVICE_LOCKING, {"token_hash": token_hash(token)}).first()
    return device_from_row(row, desk_locked=True)


_DEVICE_LOCKING = select(
    COUNTERS,
    func.pg_advisory_xact_lock(
        _DESK_LOCKS, func.hashtext(COUNTERS.c.hall.concat("/").concat(COUNTERS.c.code))
    ),
).where(COUNTERS.c.token_hash == bindparam("token_hash"))
"""The counter holding a token, its queue lock taken (the key as `_DESK_LOCK`'s)."""


def lock_desk(connection: Connection, device: Device, *, now: datetime) -> Desk:
    """The device's counter's queue row, locked for this transaction: one call at a time per
    counter.

    On PostgreSQL the lock is a transaction-scoped advisory lock on the counter, not a row lock:
    a call that finds nothing then writes nothing, and its commit waits for no disk flush
    (taken here unless the authentication took it). On SQLite the transaction already holds
    the database's write lock.
    """
    _lock(connection, device)
    key = {"hall": device.hall, "counter": device.counter}
    row = connection.execute(_DESK, key).first()
    if row is None:
        ensure_desk(connection, hall=device.hall, counter=device.counter, now_text=stamp(now))
        row = connection.execute(_DESK, key).one()
    return _desk(row)


def lock_move_desk(
    connection: Connection, device: Device, *, ticket_id: str, now: datetime
) -> tuple[Desk, Stored]:
    """`lock_desk`, then `queue_store.load_ticket` of the ticket a counter moves (locked for
    this transaction on PostgreSQL, as there): one statement instead of two.

    Raises:
        NotFoundError: the hall has no such ticket.
    """
    _lock(connection, device)
    key = {"hall": device.hall, "counter": device.counter, "ticket_id": ticket_id}
    row = connection.execute(_DESK_TICKET, key).first()
    if row is None:
        ensure_desk(connection, hall=device.hall, counter=device.counter, now_text=stamp(now))
        row = connection.execute(_DESK_TICKET, key).one()
    if row.t_id is None:
        raise NotFoundError(f"hall {device.hall} has no ticket {ticket_id}")
    return _desk(row), _joined_ticket(row)


def _joined_ticket(row: Any) -> Stored:
    """The ticket of a row that carries a ticket's columns as `t_<name>`."""
    columns = row._mapping
    return ticket_from_row(_Columns({name: columns[f"t_{name}"] for name in _TICKET_NAMES}))


def _lock(connection: Connection, device: Device) -> None:
    if is_postgres(connection) and not device.desk_locked:
        connection.execute(_DESK_LOCK, {"key": f"{device.hall}/{device.counter}"})


@dataclass(frozen=True, slots=True)
class CallDesk:
    """A locked counter row, read together with what a call looks up next (one round trip)."""

    desk: Desk
    current: Stored | None
    """The counter's current ticket, as stored (not locked)."""
    replayed: tuple[str, str] | None
    """The kind and ticket id a request id was answered with before, if it was."""
    active: tuple[str, ...]
    """The hall's active services, by code."""


def lock_call_desk(
    connection: Connection, device: Device, *, request_id: str, now: datetime
) -> CallDesk:
    """`lock_desk`, with the current ticket, the request id's earlier answer and the active
    services read alongside.

    The same reads as `lock_desk`, `load_ticket` of the current ticket, `active_services` and a
    look-up of the request, after the same lock, in one statement instead of four.
    """
    _lock(connection, device)
    query = _call_desk_query(postgres=is_postgres(connection))
    key = {
        "device_id": device.device_id,
        "request_id": request_id,
        "hall": device.hall,
        "counter": device.counter,
    }
    row = connection.execute(query, key).first()
    if row is None:
        ensure_desk(connection, hall=device.hall, counter=device.counter, now_text=stamp(now))
        row = connection.execute(query, key).one()
    replayed = None if row.replay_kind is None else (row.replay_kind, row.replay_ticket)
    active = tuple(sorted(row.active_services.split(","))) if row.active_services else ()
    current = None if row.t_id is None else _joined_ticket(row)
    return CallDesk(_desk(row), current, replayed, active)


_TICKET_NAMES = tuple(column.name for column in _T.c)


class _Columns(dict[str, Any]):
    """A row's columns by attribute, as `ticket_from_row` reads them."""

    __getattr__ = dict.__getitem__


@functools.cache
def _call_desk_query(*, postgres: bool) -> Any:
    """Built once per database kind (every call asks it)."""
    asked = (_R.c.device_id == bindparam("device_id"), _R.c.request_id == bindparam("request_id"))
    hall: BindParameter[str] = bindparam("hall")
    # Service codes are [A-Z0-9_-] (`_CODE`), never a comma.
    joined = func.string_agg if postgres else func.group_concat
    active = select(joined(_S.c.code, ",")).where(_S.c.hall == hall, _S.c.active.is_(True))
    return (
        select(
            _C,
            *_TICKET_COLUMNS,
            select(_R.c.kind).where(*asked).scalar_subquery().label("replay_kind"),
            select(_R.c.ticket_id).where(*asked).scalar_subquery().label("replay_ticket"),
            active.scalar_subquery().label("active_services"),
        )
        .select_from(_C.outerjoin(_T, _CURRENT))
        .where(_C.c.hall == hall, _C.c.counter == bindparam("counter"))
    )


def read_desk(connection: Connection, *, hall: str, counter: str) -> Desk:
    """A counter's queue row as it stands (defaults before its first queue action)."""
    row = connection.execute(_DESK, {"hall": hall, "counter": counter}).first()
    return Desk(hall, counter) if row is None else _desk(row)


@dataclass(frozen=True, slots=True)
class Held:
    """A counter's queue row, its current ticket (None: none) and the tickets it parked (oldest
    first; the current one too if it was parked)."""

    desk: Desk
    current: Stored | None
    parked: list[Stored]


def read_held(connection: Connection, *, hall: str, counter: str) -> Held:
    """`read_desk` with the counter's current and parked tickets, in one statement."""
    rows = connection.execute(_DESK_HELD, {"hall": hall, "counter": counter}).all()
    if not rows:
        return Held(Desk(hall, counter), None, [])
    first = rows[0]  # the row with its current ticket comes first (`held` 0), parked after
    current = None if first.t_id is None else _joined_ticket(first)
    parked = [_joined_ticket(row) for row in rows[1:]]
    parked.sort(key=lambda stored: (stored.ticket.issued_at, stored.ticket.id))
    return Held(_desk(first), current, parked)


_CURRENT = and_(_T.c.id == _C.c.current_ticket, _T.c.hall == _C.c.hall)
"""A counter's row joined to its current ticket."""
_AT_DESK = (_C.c.hall == bindparam("hall"), _C.c.counter == bindparam("counter"))
_DESK_HELD = union_all(
    select(_C, *_TICKET_COLUMNS, literal_column("0").label("held"))
    .select_from(_C.outerjoin(_T, _CURRENT))
    .where(*_AT_DESK),
    select(_C, *_TICKET_COLUMNS, literal_column("1").label("held"))
    .select_from(
        _C.join(
            _T,
            and_(
                _T.c.hall == _C.c.hall,
                _T.c.state == TicketState.PARKED.value,
                _T.c.counter == _C.c.counter,
            ),
        )
    )
    .where(*_AT_DESK),
).order_by("held")
"""A counter's queue row with its current ticket (`t_<name>`), then once with each ticket it
parked, built once: every counter's panel asks for its view every few seconds, and every call
and move answers with it. Each branch reads by its own index (the row's key, the tickets' id
and their open states)."""


OPEN_DESK = and_(_C.c.paused.is_(False), _C.c.staff.is_not(None))
"""A counter that calls now: unpaused, with a clerk."""


@functools.lru_cache(maxsize=1024)
def profile_services(text: str | None) -> tuple[str, ...]:
    """The services a stored profile names (an empty tuple: none, so the counter calls every
    active service); profile texts repeat, so each is parsed once."""
    return () if text is None else tuple(from_wire(ProfileSpec, json.loads(text)).services)


def desks(connection: Connection, hall: str) -> list[Desk]:
    """The queue rows of the hall's counters that have one."""
    query = select(_C).where(_C.c.hall == hall).order_by(_C.c.counter)
    return [_desk(row) for row in connection.execute(query)]


def _desk(row: Any) -> Desk:
    return Desk(
        hall=row.hall,
        counter=row.counter,
        profile=None if row.profile is None else from_wire(ProfileSpec, json.loads(row.profile)),
        current_ticket=row.current_ticket,
        paused=row.paused,
        pause_reason=row.pause_reason,
        staff=row.staff,
    )


def update_desk(
    connection: Connection, desk: Desk, *, now: datetime, **values: str | bool | None
) -> None:
    """Change a counter's queue row (current ticket, pause, staff)."""
    connection.execute(
        update(_C)
        .where(_C.c.hall == desk.hall, _C.c.counter == desk.counter)
        .values(updated_at=stamp(now), **values)
    )


def _seconds(value: int, name: str) -> None:
    if not 0 <= value <= _MAX_SECONDS:
        raise Invalid(f"{name} must be between 0 and {_MAX_SECONDS} seconds, not {value}")
