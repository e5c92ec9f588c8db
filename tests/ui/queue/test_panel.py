"""The counter's queue panel: function keys drive every move, the loop rule, finishing a visit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk.queue import Channel, Outcome, Placement, TicketState
from tests.ui.queue.conftest import Clock
from ui.queue.actions import DEFAULT_KEYS, QueueAction
from ui.queue.demo import DEMO_PROFILES, DEMO_SERVICES
from ui.queue.dialogs import FinishChoice, NumberChoice, TransferChoice, VisitDocument
from ui.queue.memory import MemoryQueue
from ui.queue.panel import QueuePanel
from ui.queue.port import (
    CounterView,
    HeldTicket,
    QueueUnavailable,
    Seat,
    ServiceInfo,
    TransferTarget,
)

SEAT = Seat("W01", "clerk-li")
F = {n: getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)}


class Answers:
    """The clerk's answers to the panel's dialogs, given in advance (None: cancelled)."""

    def __init__(self) -> None:
        self.finish_with: FinishChoice | None = None
        self.transfer_to: TransferChoice | None = None
        self.number: NumberChoice | None = None
        self.reason: str | None = "休息"
        self.documents_seen: list[tuple[VisitDocument, ...]] = []
        self.services_offered: list[tuple[ServiceInfo, ...]] = []

    def finish(self, parent: QWidget, documents: Sequence[VisitDocument]) -> FinishChoice | None:
        self.documents_seen.append(tuple(documents))
        return self.finish_with

    def transfer(self, parent: QWidget, services: Sequence[ServiceInfo]) -> TransferChoice | None:
        self.services_offered.append(tuple(services))
        return self.transfer_to

    def call_number(self, parent: QWidget) -> NumberChoice | None:
        return self.number

    def pause_reason(self, parent: QWidget) -> str | None:
        return self.reason

    def parked(self, parent: QWidget, tickets: Sequence[HeldTicket]) -> str | None:
        return tickets[-1].number


@pytest.fixture
def answers() -> Answers:
    return Answers()


def open_panel(
    qtbot: QtBot, port: object, answers: Answers, *, refresh_ms: int = 5000, **keys: str
) -> QueuePanel:
    chosen = dict(DEFAULT_KEYS)
    chosen.update({QueueAction(name): key for name, key in keys.items()})
    panel = QueuePanel(
        port=port,  # type: ignore[arg-type]
        seat=SEAT,
        keys=chosen,
        dialogs=answers,
        refresh_ms=refresh_ms,
    )
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.waiting.rowCount() > 0)
    return panel


def press(
    qtbot: QtBot,
    panel: QueuePanel,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press a key and wait for the move it starts (if any) to come back."""
    QTest.keyClick(panel, key, modifier)
    qtbot.waitUntil(lambda: not panel.busy)


def current(panel: QueuePanel) -> tuple[str, TicketState] | None:
    ticket = panel.view.current
    return None if ticket is None else (ticket.number, ticket.state)


def paused(panel: QueuePanel) -> bool:
    return panel.view.paused


def issue(queue: MemoryQueue, service: str = "market", count: int = 1) -> None:
    for _ in range(count):
        queue.issue(service=service, channel=Channel.ON_SITE)


def test_f1_calls_and_the_loop_rule_blocks_the_next_call_until_resolved(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    issue(queue, count=3)
    panel = open_panel(qtbot, queue, answers)
    assert panel.queue_actions[QueueAction.CALL_NEXT].isEnabled()
    with qtbot.waitSignal(panel.view_changed):
        QTest.keyClick(panel, F[1])
    assert current(panel) == ("A001", TicketState.CALLED)
    assert panel.number.text() == "A001"
    assert not panel.queue_actions[QueueAction.CALL_NEXT].isEnabled()
    assert "A001" in panel.blocked.text()
    calls = len(queue.events())
    with qtbot.assertNotEmitted(panel.view_changed, wait=100):
        QTest.keyClick(panel, F[1])  # refused by the panel: nothing is sent
    assert len(queue.events()) == calls
    press(qtbot, panel, F[3])  # start serving: still unresolved
    assert current(panel) == ("A001", TicketState.SERVING)
    assert not panel.queue_actions[QueueAction.CALL_NEXT].isEnabled()
    press(qtbot, panel, F[5])  # park resolves it
    assert current(panel) is None
    assert panel.blocked.text() == ""
    assert "A001" in panel.parked.text()
    press(qtbot, panel, F[1])
    assert current(panel) == ("A002", TicketState.CALLED)
    press(qtbot, panel, F[4])  # no-show resolves it too
    assert queue.ticket("A002").state is TicketState.MISSED
    press(qtbot, panel, F[6])  # call the parked one back
    assert current(panel) == ("A001", TicketState.CALLED)


def test_recall_announces_again_without_a_new_ticket(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    issue(queue, count=2)
    panel = open_panel(qtbot, queue, answers)
    press(qtbot, panel, F[1])
    press(qtbot, panel, F[2])
    calls = queue.feed(after=0).calls
    assert [(c.number, c.repeat) for c in calls] == [("A001", False), ("A001", True)]
    assert current(panel) == ("A001", TicketState.CALLED)


def test_finish_asks_the_outcome_and_links_the_visits_documents(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    issue(queue)
    panel = open_panel(qtbot, queue, answers)
    press(qtbot, panel, F[1])
    press(qtbot, panel, F[3])
    documents = (
        VisitDocument("SJ-2026-0001", "case-1", "收件凭证"),
        VisitDocument("SL-2026-0001", "case-1", "受理通知书"),
    )
    panel.set_visit_documents(documents)
    answers.finish_with = FinishChoice(
        outcome=Outcome.ACCEPTED,
        case_ids=("case-1",),
        document_numbers=("SJ-2026-0001", "SL-2026-0001"),
    )
    with qtbot.waitSignal(panel.visit_finished) as finished:
        QTest.keyClick(panel, F[10])
    assert finished.args == [answers.finish_with]
    assert answers.documents_seen == [documents]
    done = queue.ticket("A001")
    assert done.state is TicketState.DONE
    assert done.outcome is Outcome.ACCEPTED
    assert done.case_ids == ("case-1",)
    assert done.document_numbers == ("SJ-2026-0001", "SL-2026-0001")
    qtbot.waitUntil(panel.queue_actions[QueueAction.CALL_NEXT].isEnabled)
    assert current(panel) is None


def test_a_cancelled_dialog_sends_nothing(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    issue(queue)
    panel = open_panel(qtbot, queue, answers)
    press(qtbot, panel, F[1])
    press(qtbot, panel, F[3])
    events = len(queue.events())
    answers.finish_with = None
    with qtbot.assertNotEmitted(panel.view_changed, wait=100):
        QTest.keyClick(panel, F[10])
    assert len(queue.events()) == events


def test_transfer_and_call_a_number_out_of_turn(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    issue(queue, count=3)
    panel = open_panel(qtbot, queue, answers)
    press(qtbot, panel, F[1])
    answers.transfer_to = TransferChoice(
        target=TransferTarget(service="estate"), note="需补交房产证", placement=Placement.FRONT
    )
    press(qtbot, panel, F[7])
    moved = queue.ticket("A001")
    assert moved.state is TicketState.WAITING
    assert moved.service == "estate"
    assert moved.transfer_note == "需补交房产证"
    assert current(panel) is None
    qtbot.waitUntil(lambda: {c.service: c.waiting for c in panel.waiting.counts()}["estate"] == 1)
    answers.number = NumberChoice(number="A003", reason="老人优先")
    press(qtbot, panel, F[8])
    assert current(panel) == ("A003", TicketState.CALLED)
    called = [e for e in queue.events() if e.detail.get("reason") == "老人优先"]
    assert len(called) == 1


def test_pause_blocks_calling_and_f9_resumes(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    issue(queue)
    panel = open_panel(qtbot, queue, answers)
    press(qtbot, panel, F[9])
    assert paused(panel)
    assert not panel.queue_actions[QueueAction.CALL_NEXT].isEnabled()
    assert "休息" in panel.blocked.text()
    assert panel.queue_actions[QueueAction.PAUSE].text().startswith("Resume")
    press(qtbot, panel, F[9])
    assert not paused(panel)
    press(qtbot, panel, F[1])
    assert current(panel) == ("A001", TicketState.CALLED)


def test_keys_are_configurable(qtbot: QtBot, queue: MemoryQueue, answers: Answers) -> None:
    issue(queue)
    panel = open_panel(qtbot, queue, answers, call_next="Ctrl+N", finish="")
    assert panel.queue_actions[QueueAction.CALL_NEXT].text() == "Call next  Ctrl+N"
    assert panel.queue_actions[QueueAction.FINISH].text() == "Finish"
    with qtbot.assertNotEmitted(panel.view_changed, wait=100):
        QTest.keyClick(panel, F[1])
    press(qtbot, panel, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert current(panel) == ("A001", TicketState.CALLED)


def test_nobody_waiting_is_said(qtbot: QtBot, queue: MemoryQueue, answers: Answers) -> None:
    panel = open_panel(qtbot, queue, answers)
    press(qtbot, panel, F[1])
    assert current(panel) is None
    assert panel.message.text() == "Nobody is waiting for this counter."


class LosesAnswers:
    """A queue whose first call-next answer is lost on the way back (the claim happened).

    While `down` is set, the panel's refreshes fail too.
    """

    def __init__(self, queue: MemoryQueue) -> None:
        self.queue = queue
        self.lose = True
        self.down = False
        self.requests: list[str] = []

    def __getattr__(self, name: str) -> object:
        if self.down:
            raise QueueUnavailable("no route to host")
        return getattr(self.queue, name)

    def call_next(self, seat: Seat, *, request_id: str) -> CounterView:
        self.requests.append(request_id)
        view = self.queue.call_next(seat, request_id=request_id)
        if self.lose:
            self.lose = False
            raise QueueUnavailable("timed out")
        return view


def test_a_lost_answer_is_learnt_from_the_next_refresh(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    issue(queue, count=2)
    port = LosesAnswers(queue)
    panel = open_panel(qtbot, port, answers)
    with qtbot.waitSignal(panel.refused) as refused:
        QTest.keyClick(panel, F[1])
    assert refused.args == ["The queue cannot be reached: timed out"]
    qtbot.waitUntil(lambda: current(panel) is not None)
    assert current(panel) == ("A001", TicketState.CALLED)
    assert not panel.queue_actions[QueueAction.CALL_NEXT].isEnabled()
    assert queue.ticket("A002").state is TicketState.WAITING


def test_pressing_again_after_a_lost_answer_retries_the_same_request(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    issue(queue, count=2)
    port = LosesAnswers(queue)
    panel = open_panel(qtbot, port, answers)
    port.down = True  # the refresh after the lost answer fails as well
    press(qtbot, panel, F[1])
    qtbot.waitUntil(lambda: "no route to host" in panel.message.text())
    assert current(panel) is None
    assert panel.queue_actions[QueueAction.CALL_NEXT].isEnabled()
    port.down = False
    press(qtbot, panel, F[1])
    assert len(port.requests) == 2
    assert port.requests[0] == port.requests[1]
    assert current(panel) == ("A001", TicketState.CALLED)
    assert queue.ticket("A002").state is TicketState.WAITING
    press(qtbot, panel, F[4])
    press(qtbot, panel, F[1])  # a new press after a definite answer is a new request
    assert port.requests[2] != port.requests[0]
    assert current(panel) == ("A002", TicketState.CALLED)


class CountingPort:
    """A hall queue (settable: `queue` may be replaced by a hall set up otherwise) counting
    the panel's calls by method; while `reads_fail`, reading the counter's view fails."""

    def __init__(self, queue: MemoryQueue) -> None:
        self.queue = queue
        self.calls: Counter[str] = Counter()
        self.reads_fail = False

    def __getattr__(self, name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] += 1
            if name == "counter_view" and self.reads_fail:
                raise QueueUnavailable("timed out")
            return getattr(self.queue, name)(*args, **kwargs)

        return call


def waiting_shown(panel: QueuePanel) -> dict[str, int]:
    return {count.service: count.waiting for count in panel.waiting.counts()}


def shown_after_refresh(qtbot: QtBot, panel: QueuePanel, port: CountingPort) -> None:
    """Refresh and wait until the panel took the answer: the counts shown are the view's."""
    views = port.calls["counter_view"]
    panel.refresh()
    qtbot.waitUntil(lambda: port.calls["counter_view"] == views + 1)
    expected = {c.service: c.waiting for c in port.queue.counter_view(SEAT).waiting}
    qtbot.waitUntil(lambda: waiting_shown(panel) == expected)


def transfer_targets(
    qtbot: QtBot, panel: QueuePanel, port: CountingPort, answers: Answers
) -> tuple[ServiceInfo, ...]:
    """The services the transfer dialog offers (a ticket is called for it; nothing is sent)."""
    issue(port.queue)
    press(qtbot, panel, F[1])
    assert current(panel) is not None
    answers.transfer_to = None
    press(qtbot, panel, F[7])
    return answers.services_offered[-1]


def test_a_refresh_reads_the_counter_view_only_and_shows_its_waiting_counts(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    port = CountingPort(queue)
    panel = open_panel(qtbot, port, answers, refresh_ms=3_600_000)  # the test refreshes
    assert waiting_shown(panel) == {s.code: 0 for s in DEMO_SERVICES}

    for n in range(1, 6):
        issue(queue, "estate")
        shown_after_refresh(qtbot, panel, port)
        assert waiting_shown(panel)["estate"] == n

    # The first refresh and five more: one read each, the services once, no separate counts.
    assert dict(port.calls) == {"counter_view": 6, "services": 1}


def test_the_services_are_read_again_when_the_halls_services_change(
    qtbot: QtBot, clock: Clock, queue: MemoryQueue, answers: Answers
) -> None:
    port = CountingPort(queue)
    panel = open_panel(qtbot, port, answers, refresh_ms=3_600_000)
    assert transfer_targets(qtbot, panel, port, answers) == DEMO_SERVICES
    added = ServiceInfo("permit", "工程建设许可", "G")

    port.queue = MemoryQueue((*DEMO_SERVICES, added), profiles=DEMO_PROFILES, clock=clock)
    for _ in range(3):
        shown_after_refresh(qtbot, panel, port)
    assert port.calls["services"] == 2
    assert transfer_targets(qtbot, panel, port, answers) == (*DEMO_SERVICES, added)

    port.queue = MemoryQueue(DEMO_SERVICES[:3], profiles=DEMO_PROFILES, clock=clock)
    for _ in range(3):
        shown_after_refresh(qtbot, panel, port)
    assert port.calls["services"] == 3
    assert transfer_targets(qtbot, panel, port, answers) == DEMO_SERVICES[:3]
    assert port.calls["waiting_counts"] == 0


def test_new_waiting_counts_alone_change_no_view(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    issue(queue)
    port = CountingPort(queue)
    panel = open_panel(qtbot, port, answers, refresh_ms=3_600_000)
    press(qtbot, panel, F[1])
    assert current(panel) == ("A001", TicketState.CALLED)

    issue(queue, count=2)
    with qtbot.assertNotEmitted(panel.view_changed, wait=100):
        shown_after_refresh(qtbot, panel, port)
    assert waiting_shown(panel)["market"] == 2
    assert panel.view.waiting == port.queue.counter_view(SEAT).waiting


def test_a_move_shows_the_view_it_returned_and_reads_nothing_more(
    qtbot: QtBot, queue: MemoryQueue, answers: Answers
) -> None:
    """A move's answer is the counter's view after it, waiting counts included: the panel shows
    it and does not ask again (on a registry each read is a request; a hall's counters poll
    enough already)."""
    issue(queue, count=3)
    port = CountingPort(queue)
    panel = open_panel(qtbot, port, answers, refresh_ms=3_600_000)
    assert waiting_shown(panel)["market"] == 3
    reads = port.calls["counter_view"]

    press(qtbot, panel, F[1])
    press(qtbot, panel, F[3])

    assert current(panel) == ("A001", TicketState.SERVING)
    assert waiting_shown(panel)["market"] == 2
    qtbot.wait(100)
    assert port.calls["counter_view"] == reads
