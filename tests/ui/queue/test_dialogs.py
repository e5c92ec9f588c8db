"""The panel's dialogs collect complete choices only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from clerk.queue import Outcome, Placement, TicketState
from ui.queue.demo import DEMO_SERVICES
from ui.queue.dialogs import (
    CallNumberDialog,
    FinishChoice,
    OutcomeDialog,
    PauseDialog,
    QtPanelDialogs,
    TransferDialog,
    VisitDocument,
)
from ui.queue.port import HeldTicket, TransferTarget

DOCUMENTS = (
    VisitDocument("SJ-2026-0007", "case-7", "收件凭证"),
    VisitDocument("GZ-2026-0002", "case-7", "一次性告知书"),
    VisitDocument("SJ-2026-0008", "case-8", "收件凭证"),
)


def ok_enabled(buttons: QDialogButtonBox) -> bool:
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    return ok.isEnabled()


def test_outcome_links_every_ticked_document_and_its_cases(qtbot: QtBot) -> None:
    dialog = OutcomeDialog(DOCUMENTS)
    qtbot.addWidget(dialog)
    assert dialog.choice() == FinishChoice(
        outcome=Outcome.ACCEPTED,
        case_ids=("case-7", "case-8"),
        document_numbers=("SJ-2026-0007", "GZ-2026-0002", "SJ-2026-0008"),
    )
    dialog.documents.item(2).setCheckState(Qt.CheckState.Unchecked)
    dialog.choose(Outcome.CORRECTION_NOTICE)
    assert dialog.choice() == FinishChoice(
        outcome=Outcome.CORRECTION_NOTICE,
        case_ids=("case-7",),
        document_numbers=("SJ-2026-0007", "GZ-2026-0002"),
    )


def test_an_outcome_with_a_case_needs_a_document_of_the_visit(qtbot: QtBot) -> None:
    dialog = OutcomeDialog(())
    qtbot.addWidget(dialog)
    assert dialog.choice() == FinishChoice(outcome=Outcome.CONSULTATION)
    assert ok_enabled(dialog.buttons)
    dialog.choose(Outcome.ACCEPTED)
    assert dialog.choice() is None
    assert not ok_enabled(dialog.buttons)
    assert "case" in dialog.hint.text()


def test_transfer_needs_a_target(qtbot: QtBot) -> None:
    dialog = TransferDialog(DEMO_SERVICES)
    qtbot.addWidget(dialog)
    assert dialog.choice() is None
    assert not ok_enabled(dialog.buttons)
    QTest.keyClicks(dialog.counter, "W04")
    dialog.note.setText("请核对材料")
    choice = dialog.choice()
    assert choice is not None
    assert choice.target == TransferTarget(counter="W04")
    assert choice.placement is Placement.FRONT
    assert choice.note == "请核对材料"
    dialog.service.setCurrentIndex(3)
    dialog.placement.setCurrentIndex(1)
    choice = dialog.choice()
    assert choice is not None
    assert choice.target == TransferTarget(service=DEMO_SERVICES[2].code, counter="W04")
    assert choice.placement is Placement.BY_ARRIVAL


def test_call_number_needs_a_number_and_a_reason(qtbot: QtBot) -> None:
    dialog = CallNumberDialog()
    qtbot.addWidget(dialog)
    assert dialog.choice() is None
    QTest.keyClicks(dialog.number, "a012")
    choice = dialog.choice()
    assert choice is not None
    assert choice.number == "A012"
    assert choice.reason == dialog.reason.itemText(0)
    dialog.reason.setEditText("  ")
    assert dialog.choice() is None
    assert not ok_enabled(dialog.buttons)


def test_pause_reason(qtbot: QtBot) -> None:
    dialog = PauseDialog()
    qtbot.addWidget(dialog)
    assert dialog.choice() == "Break"
    dialog.reason.setEditText("")
    assert dialog.choice() is None


def test_the_real_dialogs_answer_and_leave_nothing_behind(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = QtPanelDialogs()

    def accept_the_open_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PauseDialog)
        dialog.accept()

    QTimer.singleShot(0, accept_the_open_dialog)
    assert dialogs.pause_reason(parent) == "Break"
    qtbot.waitUntil(lambda: not parent.findChildren(QDialog))
    held = HeldTicket(
        id="t1", number="A007", service="market", service_name="市场", state=TicketState.PARKED
    )
    assert dialogs.parked(parent, [held]) == "A007"  # one parked ticket: no question
