"""The in-memory queue wires the rules of clerk.queue: numbers, claims, loop rule, recalls."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from clerk.errors import InvalidInput, RuleViolation
from clerk.queue import Channel, DailyCap, Outcome, Placement, TicketState
from tests.ui.queue.conftest import Clock
from ui.queue.demo import DEMO_SERVICES
from ui.queue.memory import MemoryQueue, window_of
from ui.queue.port import QueuePort, Seat, TransferTarget

W01, W02 = Seat("W01", "li"), Seat("W02", "wang")


def test_it_is_a_queue_port(queue: MemoryQueue) -> None:
    port: QueuePort = queue  # mypy checks the protocol
    assert port.services()[0].prefix == "A"


def test_numbers_per_queue_restart_every_day(queue: MemoryQueue, clock: Clock) -> None:
    numbers = [queue.issue(service=s, channel=Channel.ON_SITE).number for s in ("market",) * 2]
    assert numbers == ["A001", "A002"]
    assert queue.issue(service="social", channel=Channel.ID_CARD).number == "B001"
    clock.advance(days=1)
    assert queue.issue(service="market", channel=Channel.ON_SITE).number == "A001"


def test_people_ahead_and_the_estimate(queue: MemoryQueue) -> None:
    first = queue.issue(service="market", channel=Channel.ON_SITE)
    assert first.people_ahead == 0
    assert first.estimated_wait == timedelta(0)
    for _ in range(2):
        queue.issue(service="market", channel=Channel.ON_SITE)
    fourth = queue.issue(service="market", channel=Channel.ON_SITE)
    assert fourth.people_ahead == 3
    # three open counters serve it (W01, W02, W05), five minutes each by default
    assert fourth.estimated_wait == timedelta(minutes=5)
    queue.pause(W01, reason="会议")
    assert queue.issue(service="market", channel=Channel.ON_SITE).estimated_wait == timedelta(
        minutes=10
    )


def test_daily_cap_and_unknown_service(clock: Clock) -> None:
    queue = MemoryQueue(DEMO_SERVICES[:1], caps={"market": DailyCap(1)}, clock=clock)
    queue.issue(service="market", channel=Channel.ON_SITE)
    with pytest.raises(RuleViolation, match="daily cap"):
        queue.issue(service="market", channel=Channel.ON_SITE)
    with pytest.raises(InvalidInput, match="no service"):
        queue.issue(service="nope", channel=Channel.ON_SITE)


def test_one_ticket_is_never_claimed_by_two_counters(queue: MemoryQueue) -> None:
    queue.issue(service="market", channel=Channel.ON_SITE)
    winners: list[str] = []
    start = threading.Barrier(50)

    def claim(counter: str) -> None:
        start.wait()
        view = queue.call_next(Seat(counter, "s"), request_id="r")
        if view.current is not None:
            winners.append(counter)

    threads = [threading.Thread(target=claim, args=(f"C{i}",)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1


def test_a_retried_request_returns_the_same_ticket(queue: MemoryQueue) -> None:
    for _ in range(2):
        queue.issue(service="market", channel=Channel.ON_SITE)
    first = queue.call_next(W01, request_id="req-1")
    again = queue.call_next(W01, request_id="req-1")
    assert first.current is not None
    assert again.current == first.current
    assert queue.ticket("A002").state is TicketState.WAITING


def test_the_loop_rule_is_the_queues_too(queue: MemoryQueue) -> None:
    for _ in range(2):
        queue.issue(service="market", channel=Channel.ON_SITE)
    queue.call_next(W01, request_id="1")
    with pytest.raises(RuleViolation, match="before calling again"):
        queue.call_next(W01, request_id="2")
    queue.start(W01)
    queue.park(W01)
    assert queue.call_next(W01, request_id="3").current is not None


def test_a_missed_ticket_comes_back_after_the_cooldown_then_is_a_no_show(
    queue: MemoryQueue, clock: Clock
) -> None:
    queue.issue(service="market", channel=Channel.ON_SITE)
    queue.call_next(W01, request_id="0")
    queue.missed(W01)
    for recall in range(1, 4):
        assert queue.call_next(W01, request_id=f"early-{recall}").current is None
        clock.advance(minutes=5)
        view = queue.call_next(W01, request_id=f"recall-{recall}")
        assert view.current is not None
        assert view.current.recalls == recall
        queue.missed(W01)
    clock.advance(minutes=5)
    assert queue.call_next(W01, request_id="last").current is None
    assert queue.ticket("A001").state is TicketState.NO_SHOW


def test_transfer_to_the_front_of_another_service(queue: MemoryQueue) -> None:
    queue.issue(service="estate", channel=Channel.ON_SITE)
    queue.issue(service="market", channel=Channel.ON_SITE)
    queue.call_next(W01, request_id="1")
    queue.transfer(W01, target=TransferTarget(service="estate"), note="", placement=Placement.FRONT)
    view = queue.call_next(Seat("W04", "zhao"), request_id="1")
    assert view.current is not None
    assert view.current.number == "A001"


def test_finish_keeps_outcome_cases_and_documents(queue: MemoryQueue) -> None:
    queue.issue(service="market", channel=Channel.ON_SITE)
    queue.call_next(W02, request_id="1")
    with pytest.raises(RuleViolation):
        queue.finish(W02, outcome=Outcome.CONSULTATION, case_ids=(), document_numbers=())
    queue.start(W02)
    queue.finish(W02, outcome=Outcome.REFUSAL, case_ids=("c1",), document_numbers=("BY-1",))
    done = queue.ticket("A001")
    assert (done.state, done.case_ids, done.document_numbers) == (
        TicketState.DONE,
        ("c1",),
        ("BY-1",),
    )


def test_the_feed_keeps_calls_in_sequence(queue: MemoryQueue) -> None:
    for _ in range(3):
        queue.issue(service="market", channel=Channel.ON_SITE)
    queue.call_next(W01, request_id="1")
    queue.recall(W01)
    queue.call_next(W02, request_id="1")
    feed = queue.feed(after=0)
    assert [(c.sequence, c.number, c.window, c.repeat) for c in feed.calls] == [
        (1, "A001", "1", False),
        (2, "A001", "1", True),
        (3, "A002", "2", False),
    ]
    assert [c.number for c in queue.feed(after=2).calls] == ["A002"]
    assert {w.service: w.waiting for w in feed.waiting}["market"] == 1


def test_window_numbers() -> None:
    assert window_of("W05") == "5"
    assert window_of("12") == "12"
    assert window_of("VIP") == "VIP"
