"""The tickets a call looks at, read cheaply, and the claim of the one the policy chose.

`clerk.queue.policy.choose_next` decides; this module only spares it (and the database) the
tail of long queues. Its ranking puts green channel, due appointments, long waits, priority and
service weight before the queue order, so a ticket with none of those precedences ("plain") can
only win as the head of its service's queue, among plain tickets that did (or did not) wait
longer than the profile's `long_wait`. The candidates are therefore every ticket with a
precedence (or a target, or missed), and the first `PER_QUEUE` plain tickets of each such
partition by queue order: a superset that always contains the policy's choice. Several are kept
per partition because a ticket another counter is claiming right now is skipped (PostgreSQL);
when every candidate of a truncated read was lost, the call reads every ticket instead.

Candidates are read with only the columns the policy needs; the claim writes the columns its
move changed and reads the ticket back whole, in one statement.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, false, func, or_, select, update

from clerk.queue import Channel, QueueKey, Ticket, TicketState, Transition
from registry.db import is_postgres, stamp
from registry.queue_schema import QUEUE_TICKETS
from registry.queue_store import (
    CallAnswered,
    EventLog,
    Stored,
    claim_called_statement,
    event_arrays,
    event_row,
    move_values,
    parse_time,
    ticket_from_row,
)

PER_QUEUE = 16
"""Plain tickets read per queue partition: more than the calls a hall's registry has in flight
at once (each worker process runs at most `QUEUE_PG_TURNS`, 4 by default, so two workers hold
8). Each candidate read is turned into a ticket and ranked on every call: 48 of them were a
third of a call's Python. A read whose every candidate was lost reads every ticket instead."""
_T = QUEUE_TICKETS
_CALLABLE = (TicketState.WAITING.value, TicketState.MISSED.value)
_LIGHT = (
    _T.c.id,
    _T.c.number,
    _T.c.service,
    _T.c.channel,
    _T.c.state,
    _T.c.issued_at,
    _T.c.queue_band,
    _T.c.queue_at,
    _T.c.green_channel,
    _T.c.priority,
    _T.c.appointment_at,
    _T.c.recalls,
    _T.c.counter,
    _T.c.staff,
    _T.c.missed_at,
    _T.c.target_counter,
    _T.c.target_staff,
    _T.c.version,
)


def candidates(
    connection: Connection,
    *,
    hall: str,
    services: Sequence[str],
    long_wait_before: datetime | None,
) -> tuple[list[Stored], bool]:
    """The tickets a counter serving `services` may have to consider (see the module).

    Args:
        connection: the transaction.
        hall: the hall.
        services: the services of the calling counter's profile.
        long_wait_before: issue times before this count as long waits (None: no such rule).

    Returns:
        The candidates (only the policy's fields filled in), and whether some plain tickets
        were left out.
    """
    query = _candidates_query(services=bool(services), long_wait=long_wait_before is not None)
    parameters: dict[str, Any] = {"hall": hall, "services": list(services)}
    if long_wait_before is not None:
        parameters["before"] = stamp(long_wait_before)
    rows = connection.execute(query, parameters).all()
    truncated = any(not row.flagged and row.place > PER_QUEUE for row in rows)
    return [_light(row) for row in rows if row.flagged or row.place <= PER_QUEUE], truncated


@functools.cache
def _candidates_query(*, services: bool, long_wait: bool) -> Any:
    """The candidates' read, built once per shape (every call asks it); bound: hall, services
    (a list) and, with a long-wait rule, `before`."""
    flagged = or_(
        _T.c.state == TicketState.MISSED.value,
        _T.c.green_channel.is_(True),
        _T.c.appointment_at.is_not(None),
        _T.c.priority != 0,
        _T.c.target_counter.is_not(None),
        _T.c.target_staff.is_not(None),
    )
    waited = _T.c.issued_at < bindparam("before") if long_wait else false()
    order = func.row_number().over(
        partition_by=(_T.c.service, flagged, waited),
        order_by=(_T.c.queue_band, _T.c.queue_at, _T.c.id),
    )
    inner = (
        select(*_LIGHT, flagged.label("flagged"), order.label("place"))
        .where(_T.c.hall == bindparam("hall"), _T.c.state.in_(_CALLABLE), _served(services))
        .subquery()
    )
    return select(inner).where(or_(inner.c.flagged.is_(True), inner.c.place <= PER_QUEUE + 1))


def every_candidate(connection: Connection, *, hall: str, services: Sequence[str]) -> list[Stored]:
    """Every ticket a counter serving `services` might call (the fallback of `candidates`)."""
    query = select(*_LIGHT).where(
        _T.c.hall == bindparam("hall"), _T.c.state.in_(_CALLABLE), _served(bool(services))
    )
    rows = connection.execute(query, {"hall": hall, "services": list(services)})
    return [_light(row) for row in rows]


def _served(services: bool) -> Any:
    """A prefilter: the services bound as `services` (none: no plain ticket), or any ticket
    sent to one counter or staff member."""
    named = _T.c.service.in_(bindparam("services", expanding=True)) if services else false()
    plain = and_(named, _T.c.target_counter.is_(None), _T.c.target_staff.is_(None))
    return or_(plain, _T.c.target_counter.is_not(None), _T.c.target_staff.is_not(None))


def _light(row: Any) -> Stored:
    ticket = Ticket(
        id=row.id,
        number=row.number,
        service=row.service,
        channel=Channel(row.channel),
        issued_at=parse_time(row.issued_at),
        queue_key=QueueKey(row.queue_band, parse_time(row.queue_at)),
        state=TicketState(row.state),
        green_channel=row.green_channel,
        priority=row.priority,
        appointment_at=None if row.appointment_at is None else parse_time(row.appointment_at),
        recalls=row.recalls,
        counter=row.counter,
        staff=row.staff,
        missed_at=None if row.missed_at is None else parse_time(row.missed_at),
        target_counter=row.target_counter,
        target_staff=row.target_staff,
    )
    return Stored(ticket, row.version)


def claim(
    connection: Connection, chosen: Stored, move: Callable[[Ticket], Transition]
) -> tuple[Stored, Transition] | None:
    """Claim a candidate unless another transaction holds or moved it: one guarded `UPDATE`.

    The move is made on the candidate as read (the call, the recall and the expiry read nothing
    else) and only the columns it changed are written, so what the light read left out stays
    as stored; the `UPDATE` locks the row with `FOR UPDATE SKIP LOCKED` and returns it whole.

    Args:
        connection: the transaction.
        chosen: the candidate, as read (its version must still be current).
        move: the move to make (a call, a recall, an expiry).

    Returns:
        The ticket after the move and the move; None when another transaction holds the
        ticket or moved it since it was read.
    """
    transition = move(chosen.ticket)
    changed = _changed(chosen.ticket, transition.ticket)
    guard = {"claim_id": chosen.ticket.id, "claim_version": chosen.version}
    row = connection.execute(_CLAIM, {"version": chosen.version + 1, **changed, **guard}).first()
    if row is None:
        return None
    return ticket_from_row(row), transition


def claim_called(
    connection: Connection,
    chosen: Stored,
    move: Callable[[Ticket], Transition],
    log: EventLog,
    answered: Callable[[Transition], CallAnswered],
) -> tuple[Stored, Transition] | None:
    """`claim` a ticket for a call, then announce the call: its event after `log`'s, under
    the hall's next version, with what the call writes beside it (`answered`).

    On PostgreSQL the claim and the announcement are one statement (`claim_called_statement`):
    one round trip instead of two, and nothing written when the claim is lost. On SQLite, the
    claim, then `EventLog.write`.

    Returns:
        As `claim`. When the claim was won, the log is written (and emptied); when it was
        lost, the log is as it was.
    """
    if not is_postgres(connection):
        claimed = claim(connection, chosen, move)
        if claimed is not None:
            _announce_call(connection, log, claimed[1], answered)
        return claimed
    transition = move(chosen.ticket)
    changed = _changed(chosen.ticket, transition.ticket)
    call_row = event_row(transition.event, number=transition.ticket.number)
    parameters = {
        "hall": log.hall,
        "claim_id": chosen.ticket.id,
        "claim_version": chosen.version,
        "set_version": chosen.version + 1,
        **{f"set_{column}": value for column, value in changed.items()},
        **event_arrays([*log.rows, call_row]),
        **answered(transition).parameters(),
    }
    row = connection.execute(claim_called_statement(tuple(changed)), parameters).first()
    if row is None:
        return None
    if row.hall_version is None:  # the hall's first queue write: the claim alone was written
        _announce_call(connection, log, transition, answered)
    log.rows.clear()
    return ticket_from_row(row), transition


def _announce_call(
    connection: Connection,
    log: EventLog,
    transition: Transition,
    answered: Callable[[Transition], CallAnswered],
) -> None:
    log.add(transition.event, number=transition.ticket.number)
    log.write(connection, announce=True, answered=answered(transition))


def _changed(before: Ticket, after: Ticket) -> dict[str, Any]:
    """The stored values of a move's columns that differ after the move."""
    old, new = move_values(before), move_values(after)
    return {column: value for column, value in new.items() if old[column] != value}


_CLAIM = (
    update(_T)
    .where(
        _T.c.id
        == select(_T.c.id)
        .where(_T.c.id == bindparam("claim_id"), _T.c.version == bindparam("claim_version"))
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    .returning(*_T.c)
)
"""The claim, built once: SET names the columns given as parameters (the version and what the
move changed), compiled once per set of columns."""
