"""End to end: a counter loses its registry, works in local mode, and reconciles when it is back.

A real registry process (SQLite) on loopback; counter W03 with its panel over a
`FallbackQueue` of the registry's port (`RegistryQueue`) and its own queue on a real store
file. The registry is stopped in the middle of a visit and started again on the same port.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk.clock import local_day
from clerk.ports import DeviceIdentity
from clerk.queue import GroupBy, Outcome, TicketState
from clerk.store import open_store
from clerk.store.queue_local import LocalQueueBook
from registry.queue_schema import QUEUE_TICKETS
from sync.queue_client import QueueClient
from sync.queue_offline import ReconcileReport
from tests.integration.queue.harness import QueueHall
from tests.integration.sync.harness import RegistryProcess
from tests.ui.queue.test_fallback import OfflineAnswers, bar, click
from tests.ui.queue.test_panel import current, press
from ui.queue.dialogs import VisitDocument
from ui.queue.fallback import counter_fallback
from ui.queue.offline_dialogs import HandServedChoice
from ui.queue.panel import QueuePanel
from ui.queue.port import HeldTicket, Seat, ServiceInfo
from ui.queue.remote import RegistryQueue

F = {n: getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)}
S = TicketState
COUNTER = "W03"
QUICK = (1.0, 5.0)  # connect and read timeouts: a stopped registry is noticed at once


class ByHand(OfflineAnswers):
    """The clerk records the ticket the counter held, then the one named in `next_number`."""

    def __init__(self) -> None:
        super().__init__()
        self.walk_in = "BIZ"
        self.next_number: str | None = None

    def hand_served(
        self,
        parent: QWidget,
        *,
        services: Sequence[ServiceInfo],
        documents: Sequence[VisitDocument],
        suggested: HeldTicket | None,
    ) -> HandServedChoice | None:
        self.suggested.append(suggested)
        number = self.next_number or (suggested.number if suggested else "")
        started = suggested.called_at if suggested and suggested.called_at else datetime.now(UTC)
        return HandServedChoice(
            number=number, service="BIZ", started_at=started, outcome=Outcome.CONSULTATION
        )


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[RegistryProcess]:
    process = RegistryProcess(f"sqlite:///{tmp_path / 'registry.sqlite'}", tmp_path)
    process.start()
    yield process
    process.close()


@pytest.fixture
def hall(registry: RegistryProcess, tmp_path: Path) -> Iterator[QueueHall]:
    with QueueHall.opened(registry, tmp_path) as opened:
        yield opened


class Desk:
    """Counter W03: its panel over the fallback, and what the fallback is made of."""

    def __init__(self, qtbot: QtBot, hall: QueueHall, folder: Path) -> None:
        token = hall.device(COUNTER).token
        url = hall.registry.url
        self.client = QueueClient(url, token=token, timeout=QUICK)
        self.online = RegistryQueue(self.client, attempts=1, retry_pause=0.05)
        self.store = open_store(
            folder / "w03.db", device=DeviceIdentity("dev-w03", hall.code, COUNTER, 1)
        )
        self.book = LocalQueueBook(self.store.engine)
        self.fallback = counter_fallback(
            self.online,
            store=self.store,
            client=self.client,
            counter=COUNTER,
            probe_ms=3_600_000,  # the test probes when it has set the scene
        )
        self.answers = ByHand()
        self.panel = QueuePanel(
            port=self.fallback,
            seat=Seat(COUNTER, hall.clerk),
            dialogs=self.answers,
            fallback=self.fallback,
            offline_dialogs=self.answers,
        )
        qtbot.addWidget(self.panel)

    def close(self) -> None:
        self.panel.close()
        self.fallback.close()
        self.online.close()
        self.store.close()


@pytest.fixture
def desk(qtbot: QtBot, hall: QueueHall, tmp_path: Path) -> Iterator[Desk]:
    opened = Desk(qtbot, hall, tmp_path)
    yield opened
    opened.close()


def registry_ticket(hall: QueueHall, number: str) -> Any:
    query = select(QUEUE_TICKETS).where(
        QUEUE_TICKETS.c.hall == hall.code, QUEUE_TICKETS.c.number == number
    )
    with hall.registry.db() as connection:
        return connection.execute(query).one()


def test_a_counter_cut_off_from_the_registry_serves_locally_and_reconciles_on_its_return(
    qtbot: QtBot, hall: QueueHall, desk: Desk
) -> None:
    panel, fallback, answers = desk.panel, desk.fallback, desk.answers
    hall.issue("BIZ")  # A001
    hall.issue("BIZ")  # A002
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.waiting.rowCount() == 3)

    # Online: W03 calls A001 and starts serving it.
    press(qtbot, panel, F[1])
    press(qtbot, panel, F[3])
    assert current(panel) == ("A001", S.SERVING)
    assert not bar(panel).banner.isVisible()
    press(qtbot, panel, F[11])  # local mode's key: nothing while the hall queue answers
    assert current(panel) == ("A001", S.SERVING)

    # The registry goes away: the panel says so and the counter works on its own.
    hall.registry.stop()
    # Up to the client's read timeout (QUICK: 5 s) when a kept-alive connection goes silent.
    # The panel's own polling may notice first, even while stop() is still waiting for the
    # process to end: wait for the mode, not for one emission of the signal.
    panel.refresh()
    qtbot.waitUntil(lambda: fallback.local, timeout=15_000)
    qtbot.waitUntil(bar(panel).banner.isVisible)
    assert "Local mode" in bar(panel).banner.text()
    qtbot.waitUntil(lambda: panel.view.current is None)  # the counter's own queue: empty
    issued: list[str] = []
    bar(panel).walk_in_issued.connect(lambda ticket: issued.append(ticket.number))
    click(qtbot, panel, bar(panel).issue_walk_in)
    press(qtbot, panel, F[11])  # the same by its key
    qtbot.waitUntil(lambda: len(issued) == 2)
    for _ in issued:
        press(qtbot, panel, F[1])
        press(qtbot, panel, F[3])
        press(qtbot, panel, F[10])
    assert current(panel) is None
    assert issued == ["W03-001", "W03-002"]
    click(qtbot, panel, bar(panel).record_by_hand)  # A001, the visit the outage interrupted
    answers.next_number = "A002"
    press(qtbot, panel, F[12])  # A002, which the hall gives to W01 meanwhile
    assert answers.suggested[0] is not None
    assert answers.suggested[0].number == "A001"

    # The registry is back; before W03 notices, W01 calls and serves A002: a clash.
    hall.registry.start()
    hall.serve("W01", hall.called("W01"))
    reports: list[ReconcileReport] = []
    fallback.reconciled.connect(reports.append)
    with qtbot.waitSignal(fallback.mode_changed, timeout=20_000) as back:
        fallback.probe()
    assert back.args == [False]
    qtbot.waitUntil(lambda: not bar(panel).banner.isVisible())
    assert not bar(panel).issue_walk_in.isVisible()

    # Reconciled: local visits and the hand-served A001 are the hall's now, A002 is a clash.
    assert sum(r.applied for r in reports) == 3
    assert [c.split(":")[0] for r in reports for c in r.clashes] == ["A002"]
    for number in ("W03-001", "W03-002", "A001"):
        row = registry_ticket(hall, number)
        assert (row.state, row.counter) == ("done", COUNTER), number
    assert registry_ticket(hall, "W03-001").channel == "counter_local"
    assert registry_ticket(hall, "A002").counter == "W01"
    day = local_day(datetime.now(UTC))
    stats = hall.device("W01").stats(day, day, group_by=GroupBy.COUNTER)
    (w03,) = [group for group in stats.groups if group.key == COUNTER]
    assert (w03.issued, w03.served) == (2, 3)  # its own two walk-ins; three visits served
    session = hall.hall.session("S001")
    response = hall.hall.api.call("GET", "/attention", token=session)
    clashes = [i for i in response.json()["items"] if i["code"] == "queue_clash"]
    assert [(i["counter"], i["entity_id"]) for i in clashes] == [(COUNTER, "A002")]
    states = {s.number: s.state for s in desk.book.upload_states()}
    assert states == {
        "W03-001": "applied",
        "W03-002": "applied",
        "A001": "applied",
        "A002": "clash",
    }
    qtbot.waitUntil(lambda: panel.view.current is None)  # online again, A001 closed
    assert json.loads(registry_ticket(hall, "A001").case_ids) == []
