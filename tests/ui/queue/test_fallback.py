"""Local mode at the counter: the panel over a `FallbackQueue`, its banner, its own tickets.

The hall queue here is the in-memory one behind a switch that makes it unreachable (the
registry process version of these steps is `test_fallback_e2e.py`); the counter's own queue is
a real store file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clerk.clock import HALL_TIMEZONE
from clerk.ports import DeviceIdentity
from clerk.queue import Channel, Outcome, TicketState
from clerk.store import Store, open_store
from clerk.store.queue_local import LocalQueueBook
from tests.ui.queue.conftest import Clock
from tests.ui.queue.test_panel import Answers, current, press
from ui.queue.actions import QueueAction
from ui.queue.dialogs import FinishChoice, VisitDocument
from ui.queue.fallback import FallbackQueue
from ui.queue.local import LocalQueue
from ui.queue.local_bar import LocalModeBar
from ui.queue.memory import MemoryQueue
from ui.queue.offline_dialogs import HandServedChoice, HandServedDialog, WalkInDialog
from ui.queue.panel import QueuePanel
from ui.queue.port import HeldTicket, QueueUnavailable, Seat, ServiceInfo

SEAT = Seat("W01", "clerk-li")
F = {n: getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)}
S = TicketState


class Outage:
    """The hall queue behind a switch: while `down`, every call raises `QueueUnavailable`."""

    def __init__(self, queue: MemoryQueue) -> None:
        self.queue = queue
        self.down = False
        self.calls = 0

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self.queue, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.down:
                raise QueueUnavailable("the registry cannot be reached: ConnectionError")
            return method(*args, **kwargs)

        return call


class OfflineAnswers(Answers):
    """The clerk's answers, with those of local mode."""

    def __init__(self) -> None:
        super().__init__()
        self.finish_with = FinishChoice(outcome=Outcome.CONSULTATION)
        self.walk_in: str | None = "market"
        self.by_hand: HandServedChoice | None = None
        self.suggested: list[HeldTicket | None] = []
        self.walk_in_offered: list[tuple[ServiceInfo, ...]] = []

    def walk_in_service(self, parent: QWidget, services: Sequence[ServiceInfo]) -> str | None:
        self.walk_in_offered.append(tuple(services))
        return self.walk_in

    def hand_served(
        self,
        parent: QWidget,
        *,
        services: Sequence[ServiceInfo],
        documents: Sequence[VisitDocument],
        suggested: HeldTicket | None,
    ) -> HandServedChoice | None:
        self.suggested.append(suggested)
        return self.by_hand


class Reconciliations:
    """Stands in for `sync.queue_offline.Reconciler.run` (the real one is in the e2e test)."""

    def __init__(self) -> None:
        self.runs = 0

    def __call__(self) -> str:
        self.runs += 1
        return f"run {self.runs}"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "w01.db", device=DeviceIdentity("dev", "SF01", "W01", 1))
    yield opened
    opened.close()


@pytest.fixture
def outage(queue: MemoryQueue) -> Outage:
    return Outage(queue)


@pytest.fixture
def reconciliations() -> Reconciliations:
    return Reconciliations()


@pytest.fixture
def fallback(
    qtbot: QtBot, outage: Outage, store: Store, clock: Clock, reconciliations: Reconciliations
) -> Iterator[FallbackQueue]:
    local = LocalQueue(LocalQueueBook(store.engine), counter="W01", clock=clock)
    opened = FallbackQueue(
        online=outage,  # a stand-in with the port's methods (through __getattr__)
        local=local,
        reconcile=reconciliations,
        probe_ms=3_600_000,  # the tests probe themselves
    )
    qtbot.waitUntil(lambda: reconciliations.runs == 1)  # what an earlier run left is sent
    yield opened
    opened.close()


@pytest.fixture
def answers() -> OfflineAnswers:
    return OfflineAnswers()


def open_panel(qtbot: QtBot, fallback: FallbackQueue, answers: OfflineAnswers) -> QueuePanel:
    panel = QueuePanel(
        port=fallback, seat=SEAT, dialogs=answers, fallback=fallback, offline_dialogs=answers
    )
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.waiting.rowCount() > 0)
    return panel


def bar(panel: QueuePanel) -> LocalModeBar:
    """The panel's strip of local mode (a panel over a fallback has one)."""
    assert panel.local_bar is not None
    return panel.local_bar


def click(qtbot: QtBot, panel: QueuePanel, button: QWidget) -> None:
    """Click a button of local mode and wait until its action came back."""
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar(panel).busy)


def in_local_mode(fallback: FallbackQueue) -> bool:
    """Read afresh (the mode changes under the test's feet)."""
    return fallback.local


def go_offline(qtbot: QtBot, panel: QueuePanel, outage: Outage, fallback: FallbackQueue) -> None:
    outage.down = True
    with qtbot.waitSignal(fallback.mode_changed) as switched:
        panel.refresh()
    assert switched.args == [True]
    qtbot.waitUntil(bar(panel).banner.isVisible)
    qtbot.waitUntil(lambda: panel.view == fallback.local_queue.counter_view(SEAT))


def test_an_unreachable_hall_queue_switches_the_panel_visibly_to_local_mode(
    qtbot: QtBot, fallback: FallbackQueue, outage: Outage, answers: OfflineAnswers
) -> None:
    panel = open_panel(qtbot, fallback, answers)
    assert not bar(panel).banner.isVisible()
    assert not bar(panel).issue_walk_in.isVisible()

    go_offline(qtbot, panel, outage, fallback)

    assert fallback.local
    assert "Local mode" in bar(panel).banner.text()
    assert bar(panel).issue_walk_in.isVisible()
    assert bar(panel).record_by_hand.isVisible()
    qtbot.waitUntil(lambda: [panel.waiting.index(r, 1).data() for r in range(2)] == [0, 0])


def test_in_local_mode_the_counter_issues_calls_and_serves_its_own_tickets(
    qtbot: QtBot, fallback: FallbackQueue, outage: Outage, answers: OfflineAnswers
) -> None:
    panel = open_panel(qtbot, fallback, answers)
    go_offline(qtbot, panel, outage, fallback)
    issued: list[str] = []
    bar(panel).walk_in_issued.connect(lambda ticket: issued.append(ticket.number))

    for _ in range(2):
        click(qtbot, panel, bar(panel).issue_walk_in)
    assert "W01-002" in panel.message.text()
    press(qtbot, panel, F[1])
    press(qtbot, panel, F[3])

    assert issued == ["W01-001", "W01-002"]
    assert current(panel) == ("W01-001", S.SERVING)
    assert panel.number.text() == "W01-001"
    assert not panel.queue_actions[QueueAction.CALL_NEXT].isEnabled()  # the loop rule holds
    press(qtbot, panel, F[10])  # finish (a consultation)
    assert current(panel) is None
    press(qtbot, panel, F[1])
    assert current(panel) == ("W01-002", S.CALLED)
    assert outage.queue.events() == ()  # the hall queue saw nothing of the counter's own


def test_local_mode_offers_the_services_the_panel_read_while_online(
    qtbot: QtBot, fallback: FallbackQueue, outage: Outage, answers: OfflineAnswers
) -> None:
    panel = open_panel(qtbot, fallback, answers)
    go_offline(qtbot, panel, outage, fallback)

    click(qtbot, panel, bar(panel).issue_walk_in)

    assert answers.walk_in_offered == [outage.queue.services()]
    assert tuple(fallback.local_queue.services()) == outage.queue.services()
    assert "W01-001" in panel.message.text()
    panel.refresh()  # the counts come with the local view
    qtbot.waitUntil(lambda: {c.service: c.waiting for c in panel.waiting.counts()}["market"] == 1)


def test_a_move_that_finds_the_hall_queue_unreachable_is_reported_and_then_made_locally(
    qtbot: QtBot,
    fallback: FallbackQueue,
    outage: Outage,
    answers: OfflineAnswers,
) -> None:
    panel = open_panel(qtbot, fallback, answers)
    fallback.local_queue.remember_services(outage.queue.services())
    fallback.local_queue.issue_walk_in(SEAT, service="market")
    outage.down = True

    with qtbot.waitSignal(panel.refused) as refused:
        QTest.keyClick(panel, F[1])
    qtbot.waitUntil(lambda: not panel.busy)

    assert "cannot be reached" in refused.args[0]
    qtbot.waitUntil(bar(panel).banner.isVisible)
    press(qtbot, panel, F[1])  # the same request, now to the counter's own queue
    assert current(panel) == ("W01-001", S.CALLED)


def test_the_ticket_held_when_the_queue_went_away_is_offered_to_be_recorded_by_hand(
    qtbot: QtBot,
    fallback: FallbackQueue,
    outage: Outage,
    answers: OfflineAnswers,
    store: Store,
) -> None:
    outage.queue.issue(service="market", channel=Channel.ON_SITE)
    panel = open_panel(qtbot, fallback, answers)
    press(qtbot, panel, F[1])
    press(qtbot, panel, F[3])
    assert current(panel) == ("A001", S.SERVING)
    go_offline(qtbot, panel, outage, fallback)
    answers.by_hand = HandServedChoice(
        number="A001",
        service="market",
        started_at=datetime(2026, 12, 3, 8, 57, tzinfo=HALL_TIMEZONE),
        outcome=Outcome.CONSULTATION,
    )

    click(qtbot, panel, bar(panel).record_by_hand)

    (suggested,) = answers.suggested
    assert suggested is not None
    assert (suggested.number, suggested.state) == ("A001", S.SERVING)
    assert "A001" in panel.message.text()
    (record,) = LocalQueueBook(store.engine).unsent().hand_served
    assert (record.number, record.counter, record.staff) == ("A001", "W01", "clerk-li")


def test_the_counter_goes_back_once_reconciled_and_its_own_tickets_are_served(
    qtbot: QtBot,
    fallback: FallbackQueue,
    outage: Outage,
    answers: OfflineAnswers,
    reconciliations: Reconciliations,
) -> None:
    panel = open_panel(qtbot, fallback, answers)
    go_offline(qtbot, panel, outage, fallback)
    click(qtbot, panel, bar(panel).issue_walk_in)

    fallback.probe()  # still unreachable: nothing changes
    qtbot.waitUntil(lambda: not fallback.probing)
    assert fallback.local
    assert reconciliations.runs == 1
    outage.down = False
    with qtbot.waitSignal(fallback.handover_waiting) as waiting:
        fallback.probe()
    assert waiting.args == [1]
    assert "serve the 1 local tickets" in bar(panel).banner.text()
    assert fallback.local
    press(qtbot, panel, F[1])
    press(qtbot, panel, F[3])
    press(qtbot, panel, F[10])
    with qtbot.waitSignals([fallback.reconciled, fallback.mode_changed]):
        fallback.probe()

    assert not in_local_mode(fallback)
    assert reconciliations.runs == 4  # at start, while tickets were open, twice on the way back
    qtbot.waitUntil(lambda: not bar(panel).banner.isVisible())
    assert not bar(panel).issue_walk_in.isVisible()


def test_the_walk_in_dialog_offers_the_halls_services(qtbot: QtBot) -> None:
    services = (ServiceInfo("market", "市场监管", "A"), ServiceInfo("tax", "税务", "E"))
    dialog = WalkInDialog(services)
    qtbot.addWidget(dialog)

    assert dialog.choice() == "market"
    dialog.service.setCurrentIndex(1)
    assert dialog.choice() == "tax"
    empty = WalkInDialog(())
    qtbot.addWidget(empty)
    assert empty.choice() is None


def test_the_hand_served_dialog_is_filled_from_the_ticket_held_and_needs_a_case(
    qtbot: QtBot,
) -> None:
    called = datetime(2026, 12, 3, 9, 42, tzinfo=HALL_TIMEZONE)
    held = HeldTicket(
        id="t", number="A012", service="tax", service_name="税务", state=S.SERVING, called_at=called
    )
    services = (ServiceInfo("market", "市场监管", "A"), ServiceInfo("tax", "税务", "E"))
    documents = (VisitDocument("SL-1", "case-1", "受理通知书"),)
    dialog = HandServedDialog(services=services, documents=documents, suggested=held)
    qtbot.addWidget(dialog)

    choice = dialog.choice()
    assert choice is not None
    assert (choice.number, choice.service, choice.outcome) == ("A012", "tax", Outcome.ACCEPTED)
    assert choice.started_at == called
    assert (choice.case_ids, choice.document_numbers) == (("case-1",), ("SL-1",))
    dialog.documents.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.choice() is None
    assert "needs its case" in dialog.hint.text()
    dialog.number.setText("W01-001")
    assert dialog.choice() is None  # a local ticket is not a hall ticket


def test_a_counter_restarted_with_its_own_tickets_open_starts_in_local_mode(
    qtbot: QtBot, outage: Outage, store: Store, clock: Clock
) -> None:
    local = LocalQueue(LocalQueueBook(store.engine), counter="W01", clock=clock)
    local.remember_services(outage.queue.services())
    local.issue_walk_in(SEAT, service="market")

    restarted = FallbackQueue(online=outage, local=local, probe_ms=3_600_000)
    with qtbot.waitSignal(restarted.mode_changed) as switched:
        pass
    restarted.close()

    assert switched.args == [True]
    assert outage.calls == 0  # it did not even ask the hall queue
