"""A supervisor's approval against a real registry process: online, offline, across counters."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import CaseStatus
from clerk.staff import Actor, Role
from printing.spooler import FolderPrinter
from registry import admin
from registry.db import utc_now
from sync.client import RegistryClient
from tests.integration.sync.harness import HALL, Counter, RegistryProcess, person
from tests.printing import pdftools
from tests.ui.decisions.conftest import CLERK, CONTEXT, Clock, at
from ui.decisions.credentials import RegistryCredentials
from ui.decisions.desk import DecisionDesk
from ui.decisions.pending import PendingRefusalsPanel
from ui.decisions.refusal import RefusalRequestDialog

WAIT = 30_000
REASON = "经营者属于法律、行政法规禁止从事营利性活动的人员"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RegistryProcess]:
    """A registry process on SQLite with hall SF01 (counters W01–W04, staff, the catalogue)."""
    folder = tmp_path_factory.mktemp("registry")
    process = RegistryProcess(f"sqlite:///{folder / 'registry.sqlite'}", folder)
    process.setup_hall(counters=("W01", "W02", "W03", "W04"))
    process.start()
    yield process
    process.close()


@pytest.fixture
def counters(registry: RegistryProcess, tmp_path: Path) -> Iterator[Callable[[str], Counter]]:
    made: list[Counter] = []

    def make(code: str) -> Counter:
        if registry.process is None:
            registry.start()
        counter = Counter.enrolled(registry, code, tmp_path / code)
        made.append(counter)
        return counter

    yield make
    for counter in made:
        counter.close()
    if registry.process is None:
        registry.start()  # the next test finds it running


def counter_desk(counter: Counter, actor: Actor, tmp_path: Path) -> DecisionDesk:
    """A desk at `counter` checking credentials with a registry client of its own."""
    checker = RegistryClient(counter.client.base_url, timeout=(2.0, 5.0))
    clock = Clock()
    return DecisionDesk(
        store=counter.store,
        actor=actor,
        printer=FolderPrinter(tmp_path / f"printed-{counter.name}"),
        context=CONTEXT,
        credentials=RegistryCredentials(counter.store, checker),
        clock=clock,
    )


def received_case(counter: Counter, n: int) -> str:
    case_id = services.open_case(
        counter.store.unit_of_work(),
        case_id=f"0192f0c0-0000-7000-8000-{n:012d}",
        item_code="1133990000248201X8000120103000",
        situation=None,
        applicant=person(n),
        actor=CLERK,
        now=at("2026-03-02 09:00"),
    ).case.case_id
    services.receive(
        counter.store.unit_of_work(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:01")
    )
    return case_id


def requested(
    qtbot: QtBot, desk: DecisionDesk, counter: Counter, case_id: str
) -> RefusalRequestDialog:
    case = services.get_case(
        counter.store.unit_of_work(read_only=True), case_id=case_id, now=at("2026-03-02 09:30")
    )
    dialog = RefusalRequestDialog(desk, case)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.context is not None, timeout=WAIT)
    dialog.conditions.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.requested, timeout=WAIT):
        dialog.request_button.click()
    qtbot.waitUntil(dialog.approve_here_button.isVisible, timeout=WAIT)
    return dialog


def approve_here(qtbot: QtBot, dialog: RefusalRequestDialog, staff_id: str, password: str) -> None:
    if dialog.approval is None or not dialog.approval.isVisible():
        dialog.approve_here_button.click()
    approval = dialog.approval
    assert approval is not None
    approval.staff_id.clear()
    QTest.keyClicks(approval.staff_id, staff_id)
    QTest.keyClicks(approval.password, password)
    approval.approve_button.click()


def status_of(counter: Counter, case_id: str) -> CaseStatus:
    view = services.get_case(
        counter.store.unit_of_work(read_only=True), case_id=case_id, now=at("2026-03-02 09:30")
    )
    return view.status


def test_credentials_are_checked_at_the_registry_and_offline_when_it_is_down(
    qtbot: QtBot, registry: RegistryProcess, counters: Callable[[str], Counter], tmp_path: Path
) -> None:
    counter = counters("W01")
    # A supervisor the registry knows but this counter has never heard of (no sync since).
    with registry.db() as connection:
        admin.create_staff(
            connection,
            staff_id=f"{HALL}S009",
            hall=HALL,
            name="周新",
            role=Role.SUPERVISOR,
            password="new-super-9",
            now=utc_now(),
        )
    desk = counter_desk(counter, CLERK, tmp_path)
    try:
        online = received_case(counter, 1)
        dialog = requested(qtbot, desk, counter, online)
        with qtbot.waitSignal(dialog.decided, timeout=WAIT) as decided:
            approve_here(qtbot, dialog, "SF01S009", "new-super-9")  # only the registry knows
        assert decided.args[0].case.status is CaseStatus.NOT_ACCEPTED
        assert dialog.approval is not None
        assert dialog.approval.actor is not None
        assert dialog.approval.actor.name == "周新"

        registry.stop()
        offline = received_case(counter, 2)
        dialog = requested(qtbot, desk, counter, offline)
        approve_here(qtbot, dialog, "SF01S009", "new-super-9")
        approval = dialog.approval
        assert approval is not None
        qtbot.waitUntil(lambda: "Wrong staff number" in approval.status.text(), timeout=WAIT)
        assert status_of(counter, offline) is CaseStatus.RECEIVED
        with qtbot.waitSignal(dialog.decided, timeout=WAIT):
            approve_here(qtbot, dialog, "SF01S001", "super-pass-1")  # the cached verifier
        assert status_of(counter, offline) is CaseStatus.NOT_ACCEPTED
    finally:
        desk.close()


def test_a_request_left_pending_is_approved_from_the_supervisor_s_own_counter(
    qtbot: QtBot, counters: Callable[[str], Counter], tmp_path: Path
) -> None:
    clerk_counter, supervisor_counter = counters("W02"), counters("W03")
    clerk_desk = counter_desk(clerk_counter, CLERK, tmp_path)
    supervisor = Actor("SF01S001", "张敏", Role.SUPERVISOR)
    supervisor_desk = counter_desk(supervisor_counter, supervisor, tmp_path)
    try:
        case_id = received_case(clerk_counter, 3)
        dialog = requested(qtbot, clerk_desk, clerk_counter, case_id)
        dialog.leave_button.click()
        clerk_counter.sync()
        supervisor_counter.sync()
        panel = PendingRefusalsPanel(supervisor_desk)
        qtbot.addWidget(panel)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
        assert panel.model.row(0).requested_by == "SF01C001"
        with qtbot.waitSignal(panel.document.printed, timeout=WAIT) as printed:
            panel.approve_button.click()  # the notice prints at the supervisor's counter
        paper = tmp_path / "printed-W03" / f"{printed.args[0]}.pdf"
        assert "不予受理" in pdftools.flat(pdftools.text(paper.read_bytes()))
        supervisor_counter.sync()
        clerk_counter.sync()
        assert status_of(clerk_counter, case_id) is CaseStatus.NOT_ACCEPTED
    finally:
        clerk_desk.close()
        supervisor_desk.close()
