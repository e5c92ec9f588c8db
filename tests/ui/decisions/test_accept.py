"""Acceptance: the case is committed first, then the receipt prints from the queue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import CaseStatus
from clerk.store import Store
from printing.spooler import FolderPrinter, SpoolReport
from tests.printing import pdftools
from tests.ui.decisions.conftest import (
    COMPLETE_BUSINESS,
    Clock,
    audit_actions,
    id_number,
    open_case,
    received_incomplete,
    view,
)
from ui.decisions.accept import AcceptDialog
from ui.decisions.desk import DecisionDesk

WAIT = 20_000


def shown(qtbot: QtBot, dialog: AcceptDialog) -> AcceptDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def press(dialog: QWidget, key: Qt.Key = Qt.Key.Key_Return) -> None:
    QTest.keyClick(QApplication.focusWidget() or dialog, key)


def test_keyboard_only_acceptance_commits_then_prints_the_receipt(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock, printed: Path
) -> None:
    case_id = open_case(store, records=COMPLETE_BUSINESS)
    dialog = shown(qtbot, AcceptDialog(desk, view(store, case_id, clock)))
    assert "All materials are complete." in dialog.summary.text()
    qtbot.waitUntil(dialog.accept_button.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(dialog.document.printed, timeout=WAIT) as printed_signal:
        press(dialog)
    result = dialog.result_view
    assert result is not None
    assert result.case.status is CaseStatus.ACCEPTED
    receipt = result.documents[0]
    assert printed_signal.args == [receipt]
    assert receipt in dialog.status.text()
    assert "2026-03-02" not in dialog.status.text()
    paper = pdftools.flat(pdftools.text((printed / f"{receipt}.pdf").read_bytes()))
    assert "受理" in paper
    assert result.case.number in paper
    assert id_number(1) not in paper  # the ID number is masked on paper
    assert services.queued_jobs(store.unit_of_work(read_only=True)) == ()
    qtbot.waitUntil(dialog.close_button.hasFocus, timeout=WAIT)
    press(dialog)
    assert not dialog.isVisible()


def test_a_dead_printer_leaves_the_receipt_queued_and_the_acceptance_stands(
    qtbot: QtBot,
    store: Store,
    *,
    make_desk: Callable[..., DecisionDesk],
    dead_printer: FolderPrinter,
    clock: Clock,
    printed: Path,
) -> None:
    case_id = open_case(store, records=COMPLETE_BUSINESS)
    desk = make_desk(printer=dead_printer)
    dialog = shown(qtbot, AcceptDialog(desk, view(store, case_id, clock)))
    with qtbot.waitSignal(dialog.document.print_failed, timeout=WAIT):
        dialog.accept_button.click()
    assert view(store, case_id, clock).status is CaseStatus.ACCEPTED  # committed first
    text = dialog.document.status.text()
    assert "cannot write to" in text
    assert "stays in the print queue" in text
    assert "nothing is lost" in text
    (job,) = services.queued_jobs(store.unit_of_work(read_only=True))
    assert result_receipt(dialog) == job.number
    assert job.attempts == 1
    assert job.last_error
    assert "cannot write to" in job.last_error
    assert dialog.document.print_button.hasFocus()  # Enter tries again
    # Trying again on the dead printer fails again; the job is still there.
    with qtbot.waitSignal(dialog.document.print_failed, timeout=WAIT):
        press(dialog)
    assert len(services.queued_jobs(store.unit_of_work(read_only=True))) == 1
    # Once a printer works, the queued receipt prints: nothing was lost.
    working = make_desk()
    reports: list[SpoolReport] = []
    working.print_queue(done=reports.append, failed=lambda error: None)
    qtbot.waitUntil(lambda: bool(reports), timeout=WAIT)
    assert reports[0].printed == [job.number]
    assert (printed / f"{job.number}.pdf").exists()
    assert audit_actions(store, case_id).count("case.accepted") == 1


def result_receipt(dialog: AcceptDialog) -> str:
    assert dialog.result_view is not None
    return dialog.result_view.documents[0]


def test_accepting_incomplete_materials_is_refused_with_the_rule(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = received_incomplete(store)
    dialog = shown(qtbot, AcceptDialog(desk, view(store, case_id, clock)))
    assert "one-time notice" in dialog.summary.text()
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: "must be corrected first" in dialog.status.text(), timeout=WAIT)
    assert "经营场所使用证明" in dialog.status.text()
    assert view(store, case_id, clock).status is CaseStatus.RECEIVED
    documents = services.case_documents(store.unit_of_work(read_only=True), case_id=case_id)
    assert [document.kind for document in documents] == ["materials_voucher"]
