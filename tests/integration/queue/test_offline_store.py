"""The counter's own queue in its local store, on real SQLite files: numbers, days, durability."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clerk.clock import HALL_TIMEZONE
from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.ports import DeviceIdentity
from clerk.queue import EventKind, Outcome, Placement, TicketState
from clerk.store import Store, migrations, open_store
from clerk.store.queue_local import LocalQueueBook, UploadAnswer
from clerk.store.queue_local_schema import (
    HAND_SERVED,
    LOCAL_EVENTS,
    LOCAL_SERVICES,
    LOCAL_TICKETS,
)
from sync.client import Offline
from sync.queue_offline import OfflineQueueClient, Reconciler
from ui.queue.local import LocalQueue
from ui.queue.port import Seat, ServiceInfo, TransferTarget

DEVICE = DeviceIdentity("dev-w03", "SF01", "W03", 1)
SEAT = Seat("W03", "C001")
SERVICES = (ServiceInfo("BIZ", "企业开办", "A"), ServiceInfo("TAX", "税务登记", "B"))
S = TicketState


class Clock:
    """A settable clock: 23:50 in the hall on 3 December 2026."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 23, 50, tzinfo=HALL_TIMEZONE).astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "counter.db"


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    opened = open_store(path, device=DEVICE)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


def local_queue(store: Store, clock: Clock) -> LocalQueue:
    queue = LocalQueue(LocalQueueBook(store.engine), counter="W03", clock=clock)
    queue.remember_services(SERVICES)
    return queue


def serve(queue: LocalQueue, *, request: str) -> str:
    """Call the next ticket, serve it and finish it as a consultation; its number."""
    view = queue.call_next(SEAT, request_id=request)
    assert view.current is not None
    queue.start(SEAT)
    queue.finish(SEAT, outcome=Outcome.CONSULTATION, case_ids=(), document_numbers=())
    return view.current.number


def test_walk_in_numbers_are_the_counters_own_and_restart_at_the_halls_midnight(
    store: Store, clock: Clock
) -> None:
    queue = local_queue(store, clock)
    first = [queue.issue_walk_in(SEAT, service="BIZ").number for _ in range(2)]
    other = queue.issue_walk_in(SEAT, service="TAX").number
    clock.advance(minutes=9)  # 23:59 in the hall, still 3 December
    last = queue.issue_walk_in(SEAT, service="BIZ")
    clock.advance(minutes=2)  # 00:01: a new hall day (UTC is still on 3 December)
    next_day = queue.issue_walk_in(SEAT, service="BIZ").number

    assert [*first, other, last.number] == ["W03-001", "W03-002", "W03-003", "W03-004"]
    assert last.people_ahead == 2
    assert next_day == "W03-001"
    assert clock.now.astimezone(UTC).date().day == 3


def test_everything_the_counter_did_offline_survives_closing_and_reopening_the_store(
    path: Path, store: Store, clock: Clock
) -> None:
    queue = local_queue(store, clock)
    for _ in range(3):
        queue.issue_walk_in(SEAT, service="BIZ")
    assert serve(queue, request="r1") == "W03-001"
    queue.call_next(SEAT, request_id="r2")
    queue.start(SEAT)
    queue.record_hand_served(
        SEAT, number="a012", service="BIZ", started_at=clock.now, outcome=Outcome.CONSULTATION
    )
    store.close()

    with open_store(path, device=DEVICE) as reopened:
        again = LocalQueue(LocalQueueBook(reopened.engine), counter="W03", clock=clock)
        view = again.counter_view(SEAT)
        assert view.current is not None
        assert (view.current.number, view.current.state) == ("W03-002", S.SERVING)
        assert again.issue_walk_in(SEAT, service="BIZ").number == "W03-004"
        assert [w.waiting for w in again.waiting_counts()] == [2, 0]
        assert again.counter_view(SEAT).waiting == again.waiting_counts()
        unsent = LocalQueueBook(reopened.engine).unsent()
        assert [u.ticket.number for u in unsent.tickets] == ["W03-001"]
        assert [e.kind for e in unsent.tickets[0].events] == [
            EventKind.ISSUED,
            EventKind.CALLED,
            EventKind.STARTED,
            EventKind.FINISHED,
        ]
        assert [h.number for h in unsent.hand_served] == ["A012"]


def test_event_times_are_stored_in_utc(store: Store, clock: Clock) -> None:
    queue = local_queue(store, clock)
    queue.issue_walk_in(SEAT, service="BIZ")
    with closing(sqlite3.connect(store.path)) as raw:
        (stored,) = raw.execute("SELECT at FROM queue_local_events").fetchone()

    assert stored == clock.now.astimezone(UTC).isoformat(timespec="microseconds")
    assert stored.endswith("+00:00")


def test_the_loop_rule_pause_and_transfers_hold_in_local_mode(store: Store, clock: Clock) -> None:
    queue = local_queue(store, clock)
    queue.issue_walk_in(SEAT, service="BIZ")
    queue.issue_walk_in(SEAT, service="BIZ")
    queue.call_next(SEAT, request_id="r1")

    assert queue.call_next(SEAT, request_id="r1").current is not None  # a retry: same ticket
    with pytest.raises(RuleViolation, match="W03-001 is still called"):
        queue.call_next(SEAT, request_id="r2")
    with pytest.raises(RuleViolation, match="transfers need the hall queue"):
        queue.transfer(SEAT, target=TransferTarget(service="TAX"), note="", placement=Placement.END)
    queue.missed(SEAT)
    queue.pause(SEAT, reason="休息")
    with pytest.raises(RuleViolation, match="paused"):
        queue.call_next(SEAT, request_id="r3")
    queue.resume(SEAT)
    assert serve(queue, request="r3") == "W03-002"


def test_the_counter_switches_back_only_once_its_own_tickets_are_served(
    store: Store, clock: Clock
) -> None:
    queue = local_queue(store, clock)
    queue.issue_walk_in(SEAT, service="BIZ")
    queue.issue_walk_in(SEAT, service="BIZ")
    queue.call_next(SEAT, request_id="r1")
    queue.missed(SEAT)

    assert queue.handover() == 1  # W03-002 still waits
    assert serve(queue, request="r2") == "W03-002"
    assert queue.handover() == 0
    closed = {
        u.ticket.number: u.ticket.state for u in LocalQueueBook(store.engine).unsent().tickets
    }
    assert closed == {"W03-001": S.NO_SHOW, "W03-002": S.DONE}


def test_records_stay_unsent_until_the_registry_answered_them(store: Store, clock: Clock) -> None:
    book = LocalQueueBook(store.engine)
    queue = local_queue(store, clock)
    queue.issue_walk_in(SEAT, service="BIZ")
    serve(queue, request="r1")
    served = queue.record_hand_served(
        SEAT, number="A012", service=None, started_at=clock.now, outcome=Outcome.CONSULTATION
    )
    ticket_op = book.unsent().tickets[0].op_id

    marked = book.mark_answered(
        [UploadAnswer(ticket_op, "applied"), UploadAnswer(served.op_id, "clash", "c", "why")],
        at=clock.now,
    )
    again = book.mark_answered([UploadAnswer(ticket_op, "clash")], at=clock.now)

    assert (marked, again, len(book.unsent())) == (2, 0, 0)
    states = {s.number: (s.state, s.code, s.reason) for s in book.upload_states()}
    assert states == {"W03-001": ("applied", None, None), "A012": ("clash", "c", "why")}


def test_a_stale_move_is_refused_and_events_cannot_be_rewritten(store: Store, clock: Clock) -> None:
    book = LocalQueueBook(store.engine)
    queue = local_queue(store, clock)
    queue.issue_walk_in(SEAT, service="BIZ")
    (before,) = book.open_tickets("W03")
    queue.call_next(SEAT, request_id="r1")

    from clerk import queue as rules  # noqa: PLC0415

    stale = rules.call(before.ticket, at=clock.now, counter="W03", staff="C9", current=None)
    with pytest.raises(RuleViolation, match="changed meanwhile"):
        book.move(before, stale)
    with closing(sqlite3.connect(store.path)) as raw, pytest.raises(sqlite3.IntegrityError):
        raw.execute("UPDATE queue_local_events SET kind = 'left'")
    with closing(sqlite3.connect(store.path)) as raw, pytest.raises(sqlite3.IntegrityError):
        raw.execute("DELETE FROM queue_local_tickets")


def test_hall_tickets_served_by_hand_need_a_hall_number_and_a_known_service(
    store: Store, clock: Clock
) -> None:
    queue = local_queue(store, clock)
    with pytest.raises(InvalidInput):
        queue.record_hand_served(
            SEAT, number="W03-001", service=None, started_at=clock.now, outcome=Outcome.CONSULTATION
        )
    with pytest.raises(InvalidInput, match="no service"):
        queue.issue_walk_in(SEAT, service="NOPE")
    with pytest.raises(NotFound, match="served by hand"):
        queue.call_number(SEAT, number="A012", reason="回来了")


def test_a_store_of_version_3_gains_the_local_queue_and_keeps_its_rows(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(migrations, "STEPS", migrations.STEPS[:3])
        with open_store(path, device=DEVICE) as old, old.unit_of_work() as uow:
            uow.outbox.append(op_type="case.received", entity_id="c1", payload={}, at=Clock()())
            uow.commit()
    with open_store(path, device=DEVICE) as upgraded:
        assert (upgraded.health().schema_version, upgraded.health().pending) == (4, 1)
    assert list(path.parent.glob("*.pre-v4.bak"))
    with closing(sqlite3.connect(path)) as raw:
        for table in (LOCAL_TICKETS, LOCAL_EVENTS, HAND_SERVED, LOCAL_SERVICES):
            info = raw.execute(f"PRAGMA table_info({table.name})").fetchall()
            stored = {row[1]: (bool(row[3]) or bool(row[5])) for row in info}
            mapped = {column.name: not column.nullable for column in table.columns}
            assert stored == mapped, table.name


def test_records_stay_unsent_while_the_registry_cannot_be_reached(
    store: Store, clock: Clock
) -> None:
    queue = local_queue(store, clock)
    queue.issue_walk_in(SEAT, service="BIZ")
    serve(queue, request="r1")
    book = LocalQueueBook(store.engine)
    nobody = OfflineQueueClient("http://127.0.0.1:9", timeout=(0.5, 0.5))  # nothing listens

    with closing(nobody), pytest.raises(Offline):
        Reconciler(book, nobody).run()

    assert [u.ticket.number for u in book.unsent().tickets] == ["W03-001"]
    assert [s.state for s in book.upload_states()] == [None]
