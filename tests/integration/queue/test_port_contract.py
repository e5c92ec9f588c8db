"""One contract, two queues: the UI's queue port as `MemoryQueue` and as `RegistryQueue`.

Every test here runs against the in-memory queue and against a real registry process over
HTTP (SQLite), through the same port calls, and expects the same behaviour: the screens cannot
tell which queue they drive. Both halls have the services A 企业开办, B 税务登记, C 社保医保 and
counters W01, W02 (no recall cooldown) and W03 (the default five minutes). The registry's own
section at the end covers what only a remote queue can do: become unreachable and come back.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Protocol

import pytest
from sqlalchemy import select

from clerk.clock import HALL_TIMEZONE
from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.queue import Channel, Outcome, Placement, TicketState, WorkProfile
from clerk.queue.wire import ProfileSpec
from registry.queue_schema import QUEUE_TICKETS
from tests.integration.queue.harness import SERVICES, QueueHall, add_counters
from tests.integration.sync.harness import RegistryProcess
from ui.queue.memory import MemoryQueue
from ui.queue.port import CounterView, Feed, QueuePort, QueueUnavailable, Seat, ServiceInfo
from ui.queue.port import TransferTarget as Target
from ui.queue.remote import RegistryQueue

S = TicketState
SERVICE_INFO = tuple(ServiceInfo(s.code, s.name, s.prefix) for s in SERVICES)
QUICK = ("W01", "W02")  # counters without a recall cooldown


@dataclass(frozen=True)
class Facts:
    """What the queue holds of a ticket once it is done."""

    state: TicketState
    outcome: Outcome | None
    case_ids: tuple[str, ...]
    document_numbers: tuple[str, ...]


class Hall(Protocol):
    """A hall behind the port: the kiosk's and the display's port and each counter's."""

    @property
    def kiosk(self) -> QueuePort: ...

    @property
    def display(self) -> QueuePort: ...

    def port(self, counter: str) -> QueuePort: ...

    def seat(self, counter: str) -> Seat: ...

    def facts(self, number: str) -> Facts: ...


class MemoryHall:
    """The hall as one `MemoryQueue` shared by every screen."""

    def __init__(self) -> None:
        every = tuple(s.code for s in SERVICES)
        profiles = [
            WorkProfile(counter=c, services=every, recall_cooldown=timedelta(0)) for c in QUICK
        ]
        profiles.append(WorkProfile(counter="W03", services=every))
        self.queue = MemoryQueue(SERVICE_INFO, profiles=profiles)
        self.kiosk = self.display = self.queue

    def port(self, counter: str) -> QueuePort:
        return self.queue

    def seat(self, counter: str) -> Seat:
        return Seat(counter, "C001")

    def facts(self, number: str) -> Facts:
        ticket = self.queue.ticket(number)
        return Facts(ticket.state, ticket.outcome, ticket.case_ids, ticket.document_numbers)


class RegistryHall:
    """The hall at a registry process: one `RegistryQueue` per enrolled device."""

    def __init__(self, hall: QueueHall) -> None:
        self.hall = hall
        add_counters(hall.registry, hall.code, ["D01"])
        for counter in QUICK:
            hall.profile(counter, ProfileSpec(recall_cooldown_seconds=0))
        self.ports: dict[str, RegistryQueue] = {}
        self.kiosk = self.port("K01")
        self.display = self.port("D01")

    def port(self, counter: str) -> RegistryQueue:
        if counter not in self.ports:
            device = self.hall.device(counter)
            self.ports[counter] = RegistryQueue(device, feed_wait=1.0, retry_pause=0.05)
        return self.ports[counter]

    def seat(self, counter: str) -> Seat:
        return Seat(counter, self.hall.clerk)

    def facts(self, number: str) -> Facts:
        query = select(QUEUE_TICKETS).where(
            QUEUE_TICKETS.c.hall == self.hall.code, QUEUE_TICKETS.c.number == number
        )
        with self.hall.registry.db() as connection:
            row = connection.execute(query).one()
        outcome = None if row.outcome is None else Outcome(row.outcome)
        cases, documents = _json_list(row.case_ids), _json_list(row.document_numbers)
        return Facts(TicketState(row.state), outcome, cases, documents)

    def close(self) -> None:
        for port in self.ports.values():
            port.close()


def _json_list(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RegistryProcess]:
    workdir = tmp_path_factory.mktemp("registry")
    process = RegistryProcess(f"sqlite:///{workdir / 'registry.sqlite'}", workdir)
    try:
        process.start()
        yield process
    finally:
        process.close()


@pytest.fixture(params=["memory", "registry"])
def hall(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hall]:
    if request.param == "memory":
        yield MemoryHall()
        return
    live: RegistryProcess = request.getfixturevalue("registry")
    with QueueHall.opened(live, tmp_path) as opened:
        remote = RegistryHall(opened)
        try:
            yield remote
        finally:
            remote.close()


def request_id() -> str:
    return uuid.uuid4().hex


def issue(hall: Hall, service: str = "BIZ") -> str:
    return hall.kiosk.issue(service=service, channel=Channel.ON_SITE).number


def call_next(hall: Hall, counter: str) -> CounterView:
    return hall.port(counter).call_next(hall.seat(counter), request_id=request_id())


def current(view: CounterView) -> tuple[str, TicketState] | None:
    return None if view.current is None else (view.current.number, view.current.state)


def calls(feed: Feed) -> list[tuple[str, str, str, bool]]:
    return [(c.number, c.counter, c.window, c.repeat) for c in feed.calls]


def waiting(hall: Hall) -> dict[str, int]:
    return {count.service: count.waiting for count in hall.port("W01").waiting_counts()}


# -- the kiosk ----------------------------------------------------------------------------------


def test_the_kiosk_offers_the_services_and_issues_numbers(hall: Hall) -> None:
    assert list(hall.kiosk.services()) == list(SERVICE_INFO)

    first = hall.kiosk.issue(service="BIZ", channel=Channel.ON_SITE)
    second = hall.kiosk.issue(service="BIZ", channel=Channel.ON_SITE)
    other = hall.kiosk.issue(service="SOC", channel=Channel.ON_SITE)

    assert [(t.number, t.people_ahead) for t in (first, second, other)] == [
        ("A001", 0),
        ("A002", 1),
        ("C001", 0),
    ]
    assert (second.service, second.service_name) == ("BIZ", "企业开办")
    assert second.issued_at.tzinfo is not None
    assert second.issued_at.utcoffset() == HALL_TIMEZONE.utcoffset(second.issued_at)
    with pytest.raises(InvalidInput):
        hall.kiosk.issue(service="BIZ", channel=Channel.APPOINTMENT)


def test_an_open_counter_gives_new_tickets_an_estimate(hall: Hall) -> None:
    issue(hall)
    call_next(hall, "W01")

    ticket = hall.kiosk.issue(service="BIZ", channel=Channel.ON_SITE)

    assert ticket.estimated_wait is not None
    assert ticket.estimated_wait >= timedelta(0)


# -- a visit ------------------------------------------------------------------------------------


def test_a_visit_from_the_kiosk_to_its_outcome(hall: Hall) -> None:
    w01, seat = hall.port("W01"), hall.seat("W01")
    number = issue(hall)
    assert current(call_next(hall, "W01")) == (number, S.CALLED)
    assert current(w01.recall(seat)) == (number, S.CALLED)  # 重呼: nothing moves
    assert current(w01.missed(seat)) is None
    view = w01.call_number(seat, number=number.lower(), reason="applicant came back")
    assert current(view) == (number, S.CALLED)
    assert view.current is not None
    assert view.current.recalls == 1
    assert current(w01.start(seat)) == (number, S.SERVING)
    parked = w01.park(seat, note="复印身份证")
    assert current(parked) is None
    assert [t.number for t in parked.parked] == [number]
    assert current(w01.call_from_park(seat, number=number)) == (number, S.CALLED)
    w01.start(seat)
    moved = w01.transfer(
        seat, target=Target(service="TAX"), note="税务登记", placement=Placement.FRONT
    )
    assert current(moved) is None
    assert moved.parked == ()
    assert waiting(hall)["TAX"] == 1

    w02, seat2 = hall.port("W02"), hall.seat("W02")
    called = call_next(hall, "W02")
    assert current(called) == (number, S.CALLED)
    assert called.current is not None
    assert (called.current.service, called.current.transfer_note) == ("TAX", "税务登记")
    w02.start(seat2)
    done = w02.finish(
        seat2, outcome=Outcome.ACCEPTED, case_ids=["case-1"], document_numbers=["DEMO-W02-1"]
    )

    assert current(done) is None
    assert hall.facts(number) == Facts(S.DONE, Outcome.ACCEPTED, ("case-1",), ("DEMO-W02-1",))


def test_the_display_sees_every_call_in_order_with_its_window(hall: Hall) -> None:
    first, second = issue(hall), issue(hall)
    start = hall.display.feed(after=0)
    assert start.calls == ()
    call_next(hall, "W01")
    call_next(hall, "W02")
    hall.port("W01").recall(hall.seat("W01"))

    feed = hall.display.feed(after=0)

    assert calls(feed) == [
        (first, "W01", "1", False),
        (second, "W02", "2", False),
        (first, "W01", "1", True),
    ]
    sequences = [c.sequence for c in feed.calls]
    assert sequences == sorted(set(sequences))
    assert all(c.at.tzinfo is not None for c in feed.calls)
    later = hall.display.feed(after=sequences[1])
    assert calls(later) == [(first, "W01", "1", True)]
    assert hall.display.feed(after=sequences[-1]).calls == ()


def test_waiting_counts_follow_the_queue(hall: Hall) -> None:
    for service in ("BIZ", "BIZ", "TAX"):
        issue(hall, service)
    assert waiting(hall) == {"BIZ": 2, "TAX": 1, "SOC": 0}
    called = call_next(hall, "W01")

    assert waiting(hall) == {"BIZ": 1, "TAX": 1, "SOC": 0}
    assert {c.service: c.waiting for c in called.waiting} == {"BIZ": 1, "TAX": 1, "SOC": 0}
    w02 = hall.port("W02")
    assert w02.counter_view(hall.seat("W02")).waiting == tuple(w02.waiting_counts())
    board = {c.service: c.waiting for c in hall.display.feed(after=0).waiting}
    assert board == {"BIZ": 1, "TAX": 1, "SOC": 0}
    assert {c.service: c.name for c in hall.display.feed(after=0).waiting}["SOC"] == "社保医保"


# -- the counter's rules ------------------------------------------------------------------------


def test_a_retried_call_request_answers_with_the_same_ticket(hall: Hall) -> None:
    first, _ = issue(hall), issue(hall)
    w01, seat, request = hall.port("W01"), hall.seat("W01"), request_id()

    answers = [current(w01.call_next(seat, request_id=request)) for _ in range(3)]

    assert answers == [(first, S.CALLED)] * 3
    assert waiting(hall)["BIZ"] == 1


def test_the_loop_rule_refuses_a_new_call_while_the_ticket_is_unresolved(hall: Hall) -> None:
    number, _ = issue(hall), issue(hall)
    w01, seat = hall.port("W01"), hall.seat("W01")
    call_next(hall, "W01")

    refusals: list[Callable[[], CounterView]] = [
        lambda: w01.call_next(seat, request_id=request_id()),
        lambda: w01.call_number(seat, number="A002", reason="out of turn"),
    ]
    for refused in refusals:
        with pytest.raises(RuleViolation) as caught:
            refused()
        assert number in str(caught.value)
    w01.start(seat)
    with pytest.raises(RuleViolation):
        w01.call_next(seat, request_id=request_id())
    assert current(w01.counter_view(seat)) == (number, S.SERVING)


def test_moves_need_the_ticket_in_the_right_state(hall: Hall) -> None:
    w01, seat = hall.port("W01"), hall.seat("W01")
    for move in (w01.recall, w01.start, w01.missed, w01.park):
        with pytest.raises(RuleViolation):
            move(seat)
    issue(hall)
    call_next(hall, "W01")
    with pytest.raises(RuleViolation):
        w01.finish(seat, outcome=Outcome.CONSULTATION, case_ids=(), document_numbers=())
    with pytest.raises(NotFound):
        w01.call_from_park(seat, number="A001")


def test_calling_a_number_needs_a_reason_and_a_ticket_of_today(hall: Hall) -> None:
    w01, seat = hall.port("W01"), hall.seat("W01")
    issue(hall)
    with pytest.raises(InvalidInput):
        w01.call_number(seat, number="A001", reason="  ")
    with pytest.raises(NotFound):
        w01.call_number(seat, number="A077", reason="asked at the desk")
    assert current(w01.call_number(seat, number="A001", reason="asked")) == ("A001", S.CALLED)


def test_a_missed_ticket_waits_out_the_cooldown_of_the_counter_that_missed_it(
    hall: Hall,
) -> None:
    number = issue(hall)
    w03, seat = hall.port("W03"), hall.seat("W03")
    call_next(hall, "W03")
    w03.missed(seat)

    with pytest.raises(RuleViolation):
        w03.call_number(seat, number=number, reason="came back")
    assert call_next(hall, "W03").current is None  # nothing else waits; the missed one rests


def test_pause_and_resume_with_a_reason(hall: Hall) -> None:
    issue(hall)
    w01, seat = hall.port("W01"), hall.seat("W01")
    with pytest.raises(InvalidInput):
        w01.pause(seat, reason="")

    paused = w01.pause(seat, reason="午休")

    assert (paused.paused, paused.pause_reason) == (True, "午休")
    assert w01.counter_view(seat).paused
    with pytest.raises(RuleViolation):
        w01.call_next(seat, request_id=request_id())
    resumed = w01.resume(seat)
    assert (resumed.paused, resumed.pause_reason) == (False, "")
    assert current(call_next(hall, "W01")) == ("A001", S.CALLED)


def test_parked_tickets_belong_to_the_counter_that_parked_them(hall: Hall) -> None:
    for _ in range(2):
        issue(hall)
    for counter in QUICK:
        port, seat = hall.port(counter), hall.seat(counter)
        call_next(hall, counter)
        port.start(seat)
        port.park(seat)
    w01, w02 = hall.port("W01"), hall.port("W02")

    assert [t.number for t in w01.counter_view(hall.seat("W01")).parked] == ["A001"]
    assert [t.number for t in w02.counter_view(hall.seat("W02")).parked] == ["A002"]
    with pytest.raises(NotFound):
        w01.call_from_park(hall.seat("W01"), number="A002")
    called = w01.call_number(hall.seat("W01"), number="A001", reason="back with the copy")
    assert current(called) == ("A001", S.CALLED)
    assert called.parked == ()


# -- only a remote queue ------------------------------------------------------------------------


@pytest.fixture
def remote(registry: RegistryProcess, tmp_path: Path) -> Iterator[RegistryHall]:
    with QueueHall.opened(registry, tmp_path) as opened:
        hall = RegistryHall(opened)
        try:
            yield hall
        finally:
            hall.close()


def test_an_unreachable_registry_is_queue_unavailable_until_it_is_back(
    registry: RegistryProcess, remote: RegistryHall
) -> None:
    w01, seat, display = remote.port("W01"), remote.seat("W01"), remote.display
    first = issue(remote)
    issue(remote)
    display.feed(after=0)
    request = request_id()
    registry.stop()
    try:
        for lost in (
            lambda: w01.counter_view(seat),
            lambda: w01.call_next(seat, request_id=request),
            lambda: display.feed(after=0),
            lambda: remote.kiosk.issue(service="BIZ", channel=Channel.ON_SITE),
            remote.kiosk.services,
        ):
            with pytest.raises(QueueUnavailable):
                lost()
    finally:
        registry.start()
    again = w01.call_next(seat, request_id=request)  # the panel retries with the same id
    assert current(again) == (first, S.CALLED)
    assert current(w01.call_next(seat, request_id=request)) == (first, S.CALLED)
    assert [c.number for c in display.feed(after=0).calls] == [first]
    assert waiting(remote)["BIZ"] == 1


def test_a_refusal_carries_the_registrys_message(remote: RegistryHall) -> None:
    issue(remote)
    w01, seat = remote.port("W01"), remote.seat("W01")
    call_next(remote, "W01")

    with pytest.raises(RuleViolation) as caught:
        w01.call_next(seat, request_id=request_id())

    assert "finish, park, transfer or mark it missed before calling again" in str(caught.value)
    with pytest.raises(InvalidInput) as invalid:
        w01.transfer(seat, target=Target(), note="", placement=Placement.END)
    assert str(invalid.value)
