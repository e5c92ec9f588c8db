"""The hall's queue version and the events written under it, on SQLite and on PostgreSQL.

A display asks for the calls after the version it last saw, so every announced write must take
the hall's next version and write its events under it, in the order they were logged; a hall's
first write creates its queue row. On PostgreSQL both happen in one statement
(`registry.queue_store._announce`), on SQLite in two: the stored rows must be the same.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import select

from clerk.queue import EventKind, QueueEvent
from registry.queue_schema import QUEUE_EVENTS, QUEUE_HALLS
from registry.queue_store import EventLog, hall_version
from tests.integration.sync.harness import RegistryProcess
from tests.support.fixtures import unique_database_name

AT = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


def _new_hall() -> str:
    """A hall code no other test of the module uses (the hall needs no other row)."""
    return f"V{unique_database_name()[-6:]}"


def _event(ticket: str, kind: EventKind, counter: str | None, **detail: str) -> QueueEvent:
    return QueueEvent(
        ticket_id=ticket,
        kind=kind,
        at=AT,
        service="BIZ",
        counter=counter,
        staff="C001",
        detail=detail,
    )


def _stored(database: RegistryProcess, hall: str) -> list[tuple[object, ...]]:
    names = ("seq", "ticket_id", "kind", "at", "service", "counter", "staff", "number", "detail")
    query = select(*(QUEUE_EVENTS.c[name] for name in names))
    query = query.where(QUEUE_EVENTS.c.hall == hall).order_by(QUEUE_EVENTS.c.id)
    with database.db() as connection:
        return [tuple(row) for row in connection.execute(query)]


def test_a_halls_first_announced_write_creates_its_row_and_takes_version_one(
    database: RegistryProcess,
) -> None:
    hall = _new_hall()
    log = EventLog(hall)
    log.add(_event("t-1", EventKind.ISSUED, None), number="A001")
    with database.db() as connection:
        assert hall_version(connection, hall) == 0
        assert log.write(connection, announce=True) == 1
        assert log.rows == []
    with database.db() as connection:
        halls = select(QUEUE_HALLS.c.version).where(QUEUE_HALLS.c.hall == hall)
        assert connection.execute(halls).scalar_one() == 1
    assert _stored(database, hall) == [
        (1, "t-1", "issued", "2026-03-02T01:30:00.000000+00:00", "BIZ", None, "C001", "A001", "{}")
    ]


def test_announced_events_share_the_next_version_in_the_order_they_were_logged(
    database: RegistryProcess,
) -> None:
    hall = _new_hall()
    first = EventLog(hall)
    first.add(_event("t-1", EventKind.ISSUED, None), number="A001")
    several = EventLog(hall)
    several.add(_event("t-2", EventKind.NO_SHOW, "W01", reason="三次未到"), number="A002")
    several.add_counter("paused", counter="W01", staff="C001", at=AT, reason="")
    several.add(_event("t-3", EventKind.CALLED, "W01"), number="A003")
    quiet = EventLog(hall)
    quiet.add(_event("t-3", EventKind.STARTED, "W01"), number="A003")
    with database.db() as connection:
        assert first.write(connection, announce=True) == 1
    with database.db() as connection:
        assert several.write(connection, announce=True) == 2
        assert quiet.write(connection, announce=False) is None
        assert EventLog(hall).write(connection, announce=True) is None  # nothing: no version
        assert hall_version(connection, hall) == 2
    stored = _stored(database, hall)
    assert [(row[0], row[1], row[2], row[7]) for row in stored] == [
        (1, "t-1", "issued", "A001"),
        (2, "t-2", "no_show", "A002"),
        (2, None, "paused", None),
        (2, "t-3", "called", "A003"),
        (None, "t-3", "started", "A003"),
    ]
    assert json.loads(str(stored[1][8])) == {"reason": "三次未到"}
    assert stored[2][5:7] == ("W01", "C001")
