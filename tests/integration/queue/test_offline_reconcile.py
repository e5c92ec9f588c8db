"""Reconciling a counter's offline queue with a real registry, on SQLite and on PostgreSQL.

Counter W03 works in local mode on its own store (real SQLite file, `LocalQueue`), then
uploads over HTTP (`sync.queue_offline`): its walk-in tickets become closed tickets of the
hall that statistics count, a hand-served hall ticket still waiting is closed as W03's visit,
every record is applied exactly once, and whatever clashes lands on the supervisor's
needs-attention list.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from clerk.clock import local_day
from clerk.ports import DeviceIdentity
from clerk.queue import EventKind, GroupBy, Outcome, TicketState
from clerk.queue.offline_wire import (
    MAX_OFFLINE_RECORDS,
    HandServedRecord,
    LocalTicketRecord,
    OfflineBatch,
    OfflineEvent,
    OfflineState,
)
from clerk.store import Store, open_store
from clerk.store.queue_local import LocalQueueBook
from registry.queue_schema import QUEUE_EVENTS, QUEUE_TICKETS
from sync.client import Refused
from sync.queue_offline import OfflineQueueClient, Reconciler, to_batch
from tests.integration.queue.harness import SERVICES, TIMEOUT, QueueHall
from ui.queue.local import LocalQueue
from ui.queue.port import Seat, ServiceInfo

S = TicketState
COUNTER = "W03"


@pytest.fixture
def store(tmp_path: Path, hall: QueueHall) -> Iterator[Store]:
    opened = open_store(tmp_path / "w03.db", device=DeviceIdentity("dev", hall.code, COUNTER, 1))
    yield opened
    opened.close()


@pytest.fixture
def client(hall: QueueHall) -> Iterator[OfflineQueueClient]:
    device = hall.device(COUNTER)
    opened = OfflineQueueClient(hall.registry.url, token=device.token, timeout=TIMEOUT)
    yield opened
    opened.close()


class Counter:
    """W03 in local mode: its own queue on its store, and the way back to the registry."""

    def __init__(self, hall: QueueHall, store: Store, client: OfflineQueueClient) -> None:
        self.book = LocalQueueBook(store.engine)
        self.queue = LocalQueue(self.book, counter=COUNTER)
        self.queue.remember_services([ServiceInfo(s.code, s.name, s.prefix) for s in SERVICES])
        self.seat = Seat(COUNTER, hall.clerk)
        self.reconciler = Reconciler(self.book, client)

    def walk_in(self, *, serve: bool = True) -> str:
        number = self.queue.issue_walk_in(self.seat, service="BIZ").number
        if serve:
            self.queue.call_next(self.seat, request_id=number)
            self.queue.start(self.seat)
            self.queue.finish(
                self.seat, outcome=Outcome.ACCEPTED, case_ids=["case-1"], document_numbers=["D1"]
            )
        return number

    def by_hand(self, number: str) -> str:
        started = datetime.now(UTC) - timedelta(minutes=5)
        served = self.queue.record_hand_served(
            self.seat,
            number=number,
            service="BIZ",
            started_at=started,
            outcome=Outcome.CONSULTATION,
        )
        return served.op_id

    def states(self) -> dict[str, tuple[str | None, str | None]]:
        return {s.number: (s.state, s.code) for s in self.book.upload_states()}


@pytest.fixture
def w03(hall: QueueHall, store: Store, client: OfflineQueueClient) -> Counter:
    return Counter(hall, store, client)


def ticket_row(hall: QueueHall, number: str) -> Any:
    query = select(QUEUE_TICKETS).where(
        QUEUE_TICKETS.c.hall == hall.code, QUEUE_TICKETS.c.number == number
    )
    with hall.registry.db() as connection:
        return connection.execute(query).one()


def count(hall: QueueHall, table: Any) -> int:
    with hall.registry.db() as connection:
        return int(
            connection.execute(
                select(func.count()).select_from(table).where(table.c.hall == hall.code)
            ).scalar_one()
        )


def attention(hall: QueueHall) -> list[dict[str, Any]]:
    response = hall.hall.api.call("GET", "/attention", token=hall.hall.session("S001"))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def today() -> Any:
    return local_day(datetime.now(UTC))


def test_local_walk_ins_become_closed_hall_tickets_that_statistics_count(
    hall: QueueHall, w03: Counter
) -> None:
    served = w03.walk_in()
    missed = w03.walk_in(serve=False)
    w03.queue.call_next(w03.seat, request_id="r-missed")
    w03.queue.missed(w03.seat)
    assert w03.queue.handover() == 0  # the missed one becomes a no-show

    report = w03.reconciler.run()

    assert (report.sent, report.applied, report.clashes) == (2, 2, [])
    assert w03.states() == {served: ("applied", None), missed: ("applied", None)}
    done, gone = ticket_row(hall, served), ticket_row(hall, missed)
    assert (done.state, done.channel, done.counter, done.outcome) == (
        "done",
        "counter_local",
        COUNTER,
        "accepted",
    )
    assert json.loads(done.case_ids) == ["case-1"]
    assert gone.state == "no_show"
    kinds = [kind for kind, _, detail in hall.events(done.id) if detail.get("offline") == "local"]
    assert kinds == ["issued", "called", "started", "finished"]
    (stats,) = [
        g
        for g in hall.device(COUNTER).stats(today(), today(), group_by=GroupBy.COUNTER).groups
        if g.key == COUNTER
    ]
    assert (stats.issued, stats.called, stats.served, stats.no_shows) == (2, 2, 1, 1)
    assert w03.reconciler.run().sent == 0  # nothing left to send


def test_a_batch_sent_again_is_answered_the_same_and_applied_once(
    hall: QueueHall, w03: Counter, client: OfflineQueueClient
) -> None:
    w03.walk_in()
    hall.issue()  # A001, waiting
    w03.by_hand("A001")
    batch = to_batch(w03.book.unsent())

    first = client.reconcile(batch)  # its answer is "lost": nothing is marked locally
    tickets, events = count(hall, QUEUE_TICKETS), count(hall, QUEUE_EVENTS)
    second = client.reconcile(batch)

    assert [r.state for r in first.results] == [OfflineState.APPLIED, OfflineState.APPLIED]
    assert [replace(r, replayed=False) for r in second.results] == first.results
    assert all(r.replayed for r in second.results)
    assert (count(hall, QUEUE_TICKETS), count(hall, QUEUE_EVENTS)) == (tickets, events)
    assert w03.reconciler.run().applied == 2  # the counter's retry, answered the same
    assert ticket_row(hall, "A001").state == "done"


def test_an_op_id_reused_for_another_record_is_a_clash_and_the_first_record_stands(
    hall: QueueHall, w03: Counter, client: OfflineQueueClient
) -> None:
    w03.walk_in()
    batch = to_batch(w03.book.unsent())
    client.reconcile(batch)
    (record,) = batch.tickets
    changed = replace(record, service="TAX")

    (result,) = client.reconcile(OfflineBatch(tickets=[changed])).results

    assert (result.state, result.code) == (OfflineState.CLASH, "op_id_reused")
    assert ticket_row(hall, record.number).service == "BIZ"


def test_a_waiting_hall_ticket_served_by_hand_is_closed_as_that_counters_visit(
    hall: QueueHall, w03: Counter
) -> None:
    ticket = hall.issue()
    w03.by_hand(ticket.number)

    assert w03.reconciler.run().applied == 1

    row = ticket_row(hall, ticket.number)
    assert (row.state, row.counter, row.staff, row.outcome) == (
        "done",
        COUNTER,
        hall.clerk,
        "consultation",
    )
    offline = [(kind, counter) for kind, counter, d in hall.events(row.id) if "offline" in d]
    assert offline == [("called", COUNTER), ("started", COUNTER), ("finished", COUNTER)]
    view = hall.device("W01").counter()
    assert {w.service: w.waiting for w in view.waiting}["BIZ"] == 0
    assert hall.kiosk.display(after=0).calls == []  # calls made offline are never announced


def test_a_hand_served_ticket_the_hall_served_elsewhere_is_a_clash_on_the_attention_list(
    hall: QueueHall, w03: Counter
) -> None:
    ticket = hall.issue()
    hall.serve("W01", hall.called("W01"))  # meanwhile W01 called and served it
    op_id = w03.by_hand(ticket.number)

    report = w03.reconciler.run()

    assert report.applied == 0
    assert len(report.clashes) == 1
    assert ticket.number in report.clashes[0]
    assert w03.states()[ticket.number] == ("clash", "queue_clash")
    assert ticket_row(hall, ticket.number).counter == "W01"  # the hall's record stands
    (item,) = [i for i in attention(hall) if i["op_id"] == op_id]
    assert (item["counter"], item["entity_id"], item["code"], item["op_type"]) == (
        COUNTER,
        ticket.number,
        "queue_clash",
        "queue.hand_served",
    )
    assert "done at counter W01" in item["reason"]


def walk_in_record(
    number: str, *, op_id: str, ticket_id: str, service: str = "BIZ"
) -> LocalTicketRecord:
    at = datetime.now(UTC)
    events = [
        OfflineEvent(
            EventKind.ISSUED,
            at.isoformat(),
            "C001",
            {"number": number, "channel": "counter_local"},
        ),
        OfflineEvent(EventKind.LEFT, (at + timedelta(minutes=1)).isoformat()),
    ]
    return LocalTicketRecord(op_id, ticket_id, number, service, events)


def test_records_the_registry_cannot_take_are_kept_as_clashes_never_dropped(
    hall: QueueHall, client: OfflineQueueClient
) -> None:
    not_closed = walk_in_record("W03-001", op_id="op-1", ticket_id="t-1")
    not_closed = replace(not_closed, events=not_closed.events[:1])
    batch = OfflineBatch(
        tickets=[
            not_closed,
            walk_in_record("W01-001", op_id="op-2", ticket_id="t-2"),  # not W03's number
            walk_in_record("W03-002", op_id="op-3", ticket_id="t-3", service="NOPE"),
            walk_in_record("W03-004", op_id="op-4", ticket_id="t-4"),
            walk_in_record("W03-004", op_id="op-5", ticket_id="t-5"),  # the number is taken
        ],
        hand_served=[
            HandServedRecord(
                op_id="op-6",
                number="A099",
                day=today().isoformat(),
                staff=hall.clerk,
                started_at=datetime.now(UTC).isoformat(),
                finished_at=datetime.now(UTC).isoformat(),
                outcome=Outcome.CONSULTATION,
            )
        ],
    )

    answer = client.reconcile(batch)

    codes = [(r.op_id, r.state.value, r.code) for r in answer.results]
    assert codes == [
        ("op-1", "clash", "not_closed"),
        ("op-2", "clash", "invalid_record"),
        ("op-3", "clash", "unknown_service"),
        ("op-4", "applied", ""),
        ("op-5", "clash", "number_taken"),
        ("op-6", "clash", "unknown_ticket"),
    ]
    listed = {item["op_id"]: item["code"] for item in attention(hall)}
    assert {op: listed[op] for op in ("op-1", "op-2", "op-3", "op-5", "op-6")} == {
        op: code for op, _, code in codes if op != "op-4"
    }
    assert ticket_row(hall, "W03-004").state == "left"


def test_a_batch_too_large_is_refused_whole(hall: QueueHall, client: OfflineQueueClient) -> None:
    records = [
        walk_in_record(f"W03-{n:03d}", op_id=f"op-{n}", ticket_id=f"t-{n}")
        for n in range(1, MAX_OFFLINE_RECORDS + 2)
    ]

    with pytest.raises(Refused) as refused:
        client.reconcile(OfflineBatch(tickets=records))

    assert refused.value.status == 413
    assert count(hall, QUEUE_TICKETS) == 0
