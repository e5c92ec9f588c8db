"""The one-time notice: its lines, the real PDF, printing after the commit, the signature."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import CaseStatus
from clerk.materials import MaterialRecord, Provision
from clerk.store import Store
from tests.printing import pdftools
from tests.ui.decisions.conftest import (
    CLERK,
    COMPLETE_BUSINESS,
    Clock,
    at,
    audit_actions,
    open_case,
    received_incomplete,
    view,
)
from ui.decisions.desk import DecisionDesk
from ui.decisions.notice import NoticeDialog

WAIT = 20_000


def press(dialog: QWidget, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """A key press where the keyboard focus is (the clerk's keyboard, no mouse)."""
    target = QApplication.focusWidget() or dialog
    QTest.keyClick(target, key)


def shown(qtbot: QtBot, dialog: NoticeDialog) -> NoticeDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_the_notice_lists_every_deficient_line_with_its_standard(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock, qtmodeltester: ModelTester
) -> None:
    case_id = received_incomplete(store)
    dialog = shown(qtbot, NoticeDialog(desk, view(store, case_id, clock)))
    qtbot.waitUntil(lambda: dialog.draft is not None, timeout=WAIT)
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check  # pytest-qt is untyped
    check(dialog.model)
    assert dialog.model.rowCount() == 1
    line = dialog.model.line(0)
    assert (line.code, line.name, line.unlisted) == ("M03", "经营场所使用证明", False)
    cells = [dialog.model.index(0, c).data() for c in range(4)]
    assert cells[0] == "经营场所使用证明"
    assert "复印件 1 份" in cells[2]
    assert "房屋租赁合同" in cells[3]  # the acceptance standard, beside the line
    assert "2026-03-09" in dialog.due.text()  # 5 working days for corrections
    assert dialog.issue_button.isEnabled()
    assert not dialog.override_button.isEnabled()
    assert not dialog.document.print_button.isEnabled()  # nothing to print before issuing


def test_keyboard_only_issue_preview_print_and_signature(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock, printed: Path
) -> None:
    case_id = received_incomplete(store)
    dialog = shown(qtbot, NoticeDialog(desk, view(store, case_id, clock)))
    qtbot.waitUntil(dialog.issue_button.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(dialog.issued, timeout=WAIT) as issued:
        press(dialog)
    number = issued.args[0].documents[0]
    assert view(store, case_id, clock).status is CaseStatus.CORRECTION_REQUESTED
    # The preview shows the PDF the notice prints as, then Print is the next key.
    qtbot.waitUntil(dialog.document.print_button.hasFocus, timeout=WAIT)
    assert dialog.document.preview.pages == 1
    preview = pdftools.flat(pdftools.text(dialog.document.preview.pdf))
    assert "一次性告知书" in preview
    assert "经营场所使用证明" in preview
    with qtbot.waitSignal(dialog.document.printed, timeout=WAIT):
        press(dialog)
    paper = pdftools.flat(pdftools.text((printed / f"{number}.pdf").read_bytes()))
    assert number in paper
    assert "经营场所使用证明" in paper
    assert "房屋租赁合同" not in paper
    assert services.queued_jobs(store.unit_of_work(read_only=True)) == ()
    qtbot.waitUntil(dialog.signed_button.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(dialog.signed, timeout=WAIT):
        press(dialog)
    assert dialog.result() == NoticeDialog.DialogCode.Accepted
    assert audit_actions(store, case_id)[-2:] == ["case.notice_issued", "case.document_signed"]


def second_visit_with_a_new_defect(store: Store) -> str:
    """After a notice listing M03, the clerk finds fault with M01, handed in before it."""
    uow = store.unit_of_work
    case_id = received_incomplete(store)
    services.issue_notice(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:10"))
    services.record_return_visit(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-03 09:00"))
    services.corrections_received(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-03 09:01"))
    defect = {"M01": MaterialRecord(Provision.ORIGINAL, copies=1, defect="申请书未签字")}
    services.record_materials(
        uow(), case_id=case_id, records=defect, actor=CLERK, now=at("2026-03-03 09:02")
    )
    return case_id


def test_a_second_notice_adding_items_is_refused_then_overridden_by_a_supervisor(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = second_visit_with_a_new_defect(store)
    clock.now = at("2026-03-03 09:05")
    dialog = shown(qtbot, NoticeDialog(desk, view(store, case_id, clock)))
    qtbot.waitUntil(lambda: dialog.draft is not None, timeout=WAIT)
    assert [(line.code, line.unlisted) for line in (dialog.model.line(r) for r in range(2))] == [
        ("M01", True),
        ("M03", False),
    ]
    assert "个体工商户登记（备案）申请书" in dialog.rule.text()
    assert dialog.override_button.hasFocus()
    # Issuing anyway is refused with the rule's own message; nothing is written.
    before = audit_actions(store, case_id)
    dialog.issue_button.click()
    qtbot.waitUntil(lambda: "one-time rule" in dialog.status.text(), timeout=WAIT)
    assert audit_actions(store, case_id) == before
    # A supervisor overrides at this counter with their credentials and a reason.
    dialog.override_button.click()
    approval = dialog.approval
    assert approval is not None
    qtbot.waitExposed(approval)
    QTest.keyClicks(approval.staff_id, "SF01S001")
    QTest.keyClicks(approval.password, "super-pass-1")
    approval.reason.insert("申请书签字页首次补交时才发现缺失")  # typed through an input method
    with qtbot.waitSignal(dialog.issued, timeout=WAIT) as issued:
        approval.approve_button.click()
    assert issued.args[0].case.status is CaseStatus.CORRECTION_REQUESTED
    assert len(issued.args[0].case.notices) == 2
    with store.unit_of_work(read_only=True) as uow:
        entry = uow.audit.for_case(case_id)[-1]
    assert (entry.actor, entry.detail["override_by"]) == ("SF01C001", "SF01S001")
    assert entry.detail["unlisted"] == ["M01"]
    qtbot.waitUntil(lambda: dialog.document.preview.pages > 0, timeout=WAIT)


def test_a_clerk_cannot_override_and_the_notice_stays_unissued(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = second_visit_with_a_new_defect(store)
    clock.now = at("2026-03-03 09:05")
    dialog = shown(qtbot, NoticeDialog(desk, view(store, case_id, clock)))
    qtbot.waitUntil(dialog.override_button.isEnabled, timeout=WAIT)
    dialog.override_button.click()
    approval = dialog.approval
    assert approval is not None
    QTest.keyClicks(approval.staff_id, "SF01C001")
    QTest.keyClicks(approval.password, "clerk-pass-1")
    approval.reason.insert("试一试")
    approval.approve_button.click()
    qtbot.waitUntil(lambda: "王芳 is a clerk" in approval.status.text(), timeout=WAIT)
    assert approval.isVisible()
    assert approval.password.text() == ""
    assert len(view(store, case_id, clock).notices) == 1


def test_nothing_to_correct_says_so_and_offers_nothing(
    qtbot: QtBot, store: Store, desk: DecisionDesk, clock: Clock
) -> None:
    case_id = open_case(store, records=COMPLETE_BUSINESS)
    services.receive(store.unit_of_work(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:05"))
    dialog = shown(qtbot, NoticeDialog(desk, view(store, case_id, clock)))
    qtbot.waitUntil(lambda: "accept the case instead" in dialog.status.text(), timeout=WAIT)
    assert not dialog.issue_button.isEnabled()
