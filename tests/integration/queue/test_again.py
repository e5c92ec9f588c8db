"""重呼 and parked tickets over HTTP: the called ticket announced again, once per request, and
the counter's view listing what it parked (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clerk.queue import TicketState
from clerk.queue.wire import DisplayFeed
from registry import admin
from sync.client import Refused
from sync.queue_client import new_request_id
from tests.integration.queue.harness import QueueHall


def board(hall: QueueHall, after: int = 0) -> DisplayFeed:
    return hall.kiosk.display(after=after, limit=50)


def test_announcing_again_puts_the_called_ticket_on_the_board_once_more(hall: QueueHall) -> None:
    hall.issue()
    ticket = hall.called("W01")
    before = board(hall)
    w01 = hall.device("W01")

    answer = w01.again(ticket.id, request_id=new_request_id(), staff_id=hall.clerk)

    assert answer.ticket is not None
    assert answer.ticket.state is TicketState.CALLED
    assert answer.ticket.recalls == 0
    feed = board(hall, before.version)
    assert [(c.number, c.counter, c.recall) for c in feed.calls] == [(ticket.number, "W01", True)]
    assert feed.version > before.version
    assert feed.calls[0].counter_name == "W01"  # the name the counter was created with
    view = w01.counter()
    assert view.current is not None
    assert (view.current.state, view.current.recalls) == (TicketState.CALLED, 0)
    assert not view.may_call_next


def test_a_retried_request_announces_nothing_more(hall: QueueHall) -> None:
    hall.issue()
    ticket = hall.called("W01")
    w01, request = hall.device("W01"), new_request_id()
    first = w01.again(ticket.id, request_id=request, staff_id=hall.clerk)
    after_first = board(hall).version

    retried = w01.again(ticket.id, request_id=request, staff_id=hall.clerk)

    assert retried.replayed
    assert not first.replayed
    assert retried.ticket == first.ticket
    assert board(hall).version == after_first
    w01.again(ticket.id, request_id=new_request_id(), staff_id=hall.clerk)
    numbers = [(c.number, c.recall) for c in board(hall).calls]
    assert numbers == [(ticket.number, False), (ticket.number, True), (ticket.number, True)]


def test_only_the_ticket_called_at_this_counter_is_announced_again(hall: QueueHall) -> None:
    waiting = hall.issue()
    hall.issue()
    called = hall.called("W02")
    w01 = hall.device("W01")

    for ticket_id in (waiting.id, called.id):
        with pytest.raises(Refused) as refused:
            w01.again(ticket_id, request_id=new_request_id(), staff_id=hall.clerk)
        assert (refused.value.status, refused.value.code) == (409, "queue_rule")
        assert "only the called ticket is announced again" in str(refused.value)
    hall.device("W02").start(called.id)
    with pytest.raises(Refused) as serving:
        hall.device("W02").again(called.id, request_id=new_request_id(), staff_id=hall.clerk)
    assert serving.value.code == "queue_rule"


def test_a_request_id_names_one_kind_of_call(hall: QueueHall) -> None:
    hall.issue()
    w01, request = hall.device("W01"), new_request_id()
    ticket = w01.call_next(request_id=request, staff_id=hall.clerk).ticket
    assert ticket is not None

    with pytest.raises(Refused) as refused:
        w01.again(ticket.id, request_id=request, staff_id=hall.clerk)

    assert refused.value.status == 409
    assert "use a new request id" in str(refused.value)


def test_announcing_again_is_not_a_call_in_the_statistics(hall: QueueHall) -> None:
    hall.issue()
    ticket = hall.called("W01")
    w01 = hall.device("W01")
    w01.again(ticket.id, request_id=new_request_id(), staff_id=hall.clerk)
    hall.serve("W01", ticket)

    day = date.fromisoformat(ticket.issued_at[:10])
    report = w01.stats(day - timedelta(days=1), day + timedelta(days=1))

    (group,) = report.groups
    assert (group.issued, group.called, group.served) == (1, 1, 1)
    assert [kind for kind, _, _ in hall.events(ticket.id)] == [
        "issued",
        "called",
        "started",
        "finished",
    ]


def test_the_counter_view_lists_the_tickets_it_parked(hall: QueueHall) -> None:
    for _ in range(3):
        hall.issue()
    w01 = hall.device("W01")
    parked = []
    for _ in range(2):
        ticket = hall.called("W01")
        w01.start(ticket.id)
        w01.park(ticket.id, note="复印身份证")
        parked.append(ticket.number)
    other = hall.called("W02")
    hall.device("W02").start(other.id)
    hall.device("W02").park(other.id)

    view = w01.counter()

    assert [t.number for t in view.parked] == parked
    assert {t.state for t in view.parked} == {TicketState.PARKED}
    assert view.may_call_next
    back = w01.call_parked(view.parked[0].id, request_id=new_request_id(), staff_id=hall.clerk)
    assert back.ticket is not None
    assert back.ticket.number == parked[0]
    assert [t.number for t in w01.counter().parked] == parked[1:]
    assert [t.number for t in hall.device("W02").counter().parked] == [other.number]


def test_the_board_names_the_hall_and_its_counters(hall: QueueHall) -> None:
    with hall.registry.db() as connection:
        admin.create_counter(connection, hall=hall.code, code="W09", name="9号窗口")
    hall.issue()
    hall.issue()
    hall.called("W03")
    hall.called("W09")

    feed = board(hall)

    assert feed.hall_name == "测试大厅"
    assert [(c.counter, c.counter_name) for c in feed.calls] == [("W03", "W03"), ("W09", "9号窗口")]
