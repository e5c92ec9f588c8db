"""The workbench against a real registry process: a hall with queues, an enrolled counter.

One registry process (SQLite) serves the module; every test gets a fresh hall of it
(`QueueHall`: service queues, the kiosk K01, counters W01–W03) with the clerk C001 and the
supervisor S001, and counter W01 enrolled and synchronised (catalogue, calendar, staff
verifiers). `Bench` is the workbench on that counter, signed in, with the hall's queue behind
its panel, the scanner installed with a clock the test drives, and printers writing PDFs into
the counter's data folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk.queue import Outcome
from printing.from_domain import PrintContext
from tests.integration.queue.harness import QueueHall
from tests.integration.sync.harness import STAFF, Counter, RegistryProcess
from ui.capture.scanner import ScannerFilter
from ui.collector import GuiThreadCollector
from ui.decisions.credentials import RegistryCredentials
from ui.queue.dialogs import FinishChoice, OutcomeDialog, QtPanelDialogs, VisitDocument
from ui.queue.offline_dialogs import HandServedChoice
from ui.queue.port import HeldTicket, ServiceInfo
from ui.session.auth import Authenticator
from ui.session.lock import SessionLock
from ui.settings import CounterSettings
from ui.workbench.parts import CounterParts
from ui.workbench.queue import counter_queue_hookup
from ui.workbench.window import WorkbenchWindow

WAIT = 30_000
CLERK_PASSWORD = STAFF["C001"][2]
SUPERVISOR_PASSWORD = STAFF["S001"][2]


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As the application does: cyclic garbage is freed on the GUI thread, never on a lane's."""
    collector = GuiThreadCollector(interval_ms=50)
    collector.start()
    yield
    collector.stop()


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RegistryProcess]:
    """One registry process on SQLite for the module's halls."""
    folder = tmp_path_factory.mktemp("registry")
    process = RegistryProcess(f"sqlite:///{folder / 'registry.sqlite'}", folder)
    process.start()
    yield process
    process.close()


@pytest.fixture
def hall(registry: RegistryProcess, tmp_path: Path) -> Iterator[QueueHall]:
    """A fresh hall with its queues, the kiosk, the clerk and the supervisor."""
    if registry.process is None:
        registry.start()  # a test before stopped it
    with QueueHall.opened(registry, tmp_path) as opened:
        opened.hall.staff_id("C001")
        opened.hall.staff_id("S001")
        yield opened
    if registry.process is None:
        registry.start()


class ScannerClock:
    """When keys were pressed, as the test says: a person's pace, or a scanner's burst.

    The scanner itself is hardware this machine cannot have; its keys are typed by QTest, and
    this clock gives them the time stamps a person (200 ms apart) or a scanner (5 ms) makes.
    """

    def __init__(self) -> None:
        self.now = 0.0
        self.gap = 200.0

    def __call__(self, _event: QKeyEvent) -> float:
        self.now += self.gap
        return self.now


class ClerkAnswers(QtPanelDialogs):
    """The clerk's answers to the queue panel's finish question: the real outcome dialog is
    built with the documents it is given, the outcome chosen, and its choice returned (its
    modal loop is not run, so the test is not held up)."""

    def __init__(self, outcome: Outcome = Outcome.ACCEPTED) -> None:
        self.outcome = outcome
        self.offered: list[tuple[VisitDocument, ...]] = []

    def finish(self, parent: QWidget, documents: Sequence[VisitDocument]) -> FinishChoice | None:
        """Answer as the clerk would in the outcome dialog."""
        self.offered.append(tuple(documents))
        dialog = OutcomeDialog(documents, parent)
        dialog.choose(self.outcome)
        choice = dialog.choice()
        dialog.deleteLater()
        return choice


class OfflineAnswers:
    """The clerk's answers in local mode: walk-in tickets for the first service."""

    def walk_in_service(self, parent: QWidget, services: Sequence[ServiceInfo]) -> str | None:
        """The first service the hall has."""
        return services[0].code if services else None

    def hand_served(
        self,
        parent: QWidget,
        *,
        services: Sequence[ServiceInfo],
        documents: Sequence[VisitDocument],
        suggested: HeldTicket | None,
    ) -> HandServedChoice | None:
        """Not asked in these tests."""
        return None


@dataclass
class Bench:
    """The workbench on counter W01 of `hall`, signed in as `staff`."""

    hall: QueueHall
    counter: Counter
    window: WorkbenchWindow
    lock: SessionLock
    authenticator: Authenticator
    scanner_clock: ScannerClock
    answers: ClerkAnswers
    folder: Path
    closers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def printed(self) -> Path:
        """Where the counter's printer puts its PDFs (no printer is configured)."""
        return self.folder / "printed"

    def scan(self, text: str) -> None:
        """A barcode scanner types `text` and Enter into the focused widget, at its speed."""
        self.scanner_clock.gap = 5.0
        try:
            QTest.keyClicks(focused(), text)
            QTest.keyClick(focused(), Qt.Key.Key_Return)
        finally:
            self.scanner_clock.gap = 200.0


def focused() -> QWidget:
    """The widget the keyboard types into (there must be one)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press one key where the keyboard's focus is."""
    QTest.keyClick(focused(), key, modifier)


def close_window(window: WorkbenchWindow) -> None:
    """Close the workbench (its background work stops first)."""
    window.close()


def open_bench(qtbot: QtBot, hall: QueueHall, tmp_path: Path, *, staff: str = "C001") -> Bench:
    """Build, show and sign in the workbench on counter W01 of `hall`."""
    counter = hall.hall.counter("W01")
    folder = tmp_path / "W01-data"
    folder.mkdir()
    registry = hall.registry
    authenticator = Authenticator(counter.store.ledger(), registry.url, timeout=(2.0, 5.0))
    parts = CounterParts(
        store=counter.store,
        scans=counter.scans,
        settings=CounterSettings(folder / "window-clerk.ini"),
        data_folder=folder,
        context=PrintContext(hall="测试大厅", counter="1 号窗口"),
        credentials=RegistryCredentials(counter.store, None),
        counter_label=f"{hall.code} · W01",
    )
    hookup = counter_queue_hookup(counter.client, store=counter.store, probe_ms=300)
    assert hookup is not None, "the hall has queues"
    answers = ClerkAnswers()
    hookup = replace(hookup, dialogs=answers, offline_dialogs=OfflineAnswers(), refresh_ms=500)
    clock = ScannerClock()
    scanner = ScannerFilter(clock=clock)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    scanner.install(app)
    window = WorkbenchWindow(parts, queue=hookup, scanner=scanner)
    qtbot.addWidget(window)
    password = STAFF[staff][2]
    login = authenticator.log_in(hall.hall.staff_id(staff), password)
    lock = window.begin_session(login=login, authenticator=authenticator)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    bench = Bench(hall, counter, window, lock, authenticator, clock, answers, folder)
    bench.closers += [lock.close, lambda: scanner.uninstall(app)]
    bench.closers.append(lambda: close_window(window))
    bench.closers.append(authenticator.close)
    return bench


@pytest.fixture
def bench(qtbot: QtBot, hall: QueueHall, tmp_path: Path) -> Iterator[Bench]:
    """The workbench of the clerk C001 at counter W01, signed in and shown."""
    opened = open_bench(qtbot, hall, tmp_path)
    yield opened
    for close in opened.closers:
        close()
