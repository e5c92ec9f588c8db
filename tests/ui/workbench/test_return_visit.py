"""The one-time notice and the return visit at the workbench, by keys: intake with a material
missing, Alt+N (收件 and the notice), the notice number scanned, Ctrl+W back to the counter,
the corrections marked and received, then acceptance — or a second notice the one-time rule
refuses."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import CaseStatus
from clerk.services import CaseView
from tests.printing import pdftools
from tests.ui.workbench.conftest import WAIT, Bench, focused, press
from tests.ui.workbench.test_visit import CASE
from tests.ui.workbench.test_visit_day import ID_NUMBER, type_chinese, type_keys
from ui.decisions.accept import AcceptDialog
from ui.decisions.notice import NoticeDialog
from ui.errors import CONTEXT
from ui.workbench.decision_bar import Decision, available, needs_receipt
from ui.workbench.pages import Page

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
MISSING = "M03"  # proof of premises: not brought at the first visit


def stored(bench: Bench, case_id: str) -> CaseView:
    """The case as the counter's store has it now."""
    uow = bench.counter.store.unit_of_work(read_only=True)
    return services.get_case(uow, case_id=case_id, now=bench.window.parts.clock())


def paper(bench: Bench, number: str) -> str:
    """The text of a printed document (the printer writes PDFs into the data folder)."""
    return pdftools.flat(pdftools.text((bench.printed / f"{number}.pdf").read_bytes()))


def intake_without_m03(qtbot: QtBot, bench: Bench) -> CaseView:
    """Intake by keys: M01 original, M02 e-licence, M03 left missing; Ctrl+Enter."""
    desk = bench.window.case_desk
    desk.form.finder.search.setFocus()
    type_keys("gtgsh")
    with qtbot.waitSignal(desk.form.item_chosen, timeout=WAIT):
        press(Qt.Key.Key_Return)
    type_chinese("李四")
    press(Qt.Key.Key_Tab)
    type_keys(ID_NUMBER)
    press(Qt.Key.Key_Tab)
    type_keys("13812345678")
    press(Qt.Key.Key_Tab)
    type_chinese("杭州市西湖区文三路 2 号")
    press(Qt.Key.Key_Tab)
    assert focused() is desk.form.checklist.view
    press(Qt.Key.Key_Space)  # M01 application form: the original
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_L)  # M02 ID card: from the e-licence library
    with qtbot.waitSignal(desk.case_changed, timeout=WAIT, check_params_cb=bool):
        press(Qt.Key.Key_Return, CTRL)
    case = desk.case
    assert case is not None
    assert case.status is CaseStatus.RECEIVING
    return case


def issue_notice(qtbot: QtBot, bench: Bench, case: CaseView) -> str:
    """Alt+N on the RECEIVING case: received (voucher printed), notice issued, printed, signed.

    Returns:
        The notice's number.
    """
    bar = bench.window.case_desk.bar
    press(Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: isinstance(bar.dialog, NoticeDialog), timeout=WAIT)
    dialog = bar.dialog
    assert isinstance(dialog, NoticeDialog)
    qtbot.waitUntil(dialog.issue_button.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(dialog.issued, timeout=WAIT):
        press(Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.document.print_button.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(dialog.document.printed, timeout=WAIT):
        press(Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.signed_button.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(dialog.signed, timeout=WAIT):
        press(Qt.Key.Key_Return)
    uow = bench.counter.store.unit_of_work(read_only=True)
    documents = {d.kind: d.number for d in services.case_documents(uow, case_id=case.case_id)}
    voucher, notice = documents["materials_voucher"], documents["correction_notice"]
    qtbot.waitUntil((bench.printed / f"{voucher}.pdf").exists, timeout=WAIT)
    assert case.number in paper(bench, voucher)
    missing_name = next(line.name for line in case.lines if line.code == MISSING)
    notice_paper = paper(bench, notice)
    assert "一次性告知" in notice_paper
    assert missing_name in notice_paper
    assert stored(bench, case.case_id).status is CaseStatus.CORRECTION_REQUESTED
    return notice


def return_visit(qtbot: QtBot, bench: Bench, case: CaseView, notice: str) -> None:
    """The applicant is back: the notice number scanned, Ctrl+W, the visit recorded."""
    window = bench.window
    window.activateWindow()  # the platform gives it back after the dialog (offscreen: asked)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    bench.scan(notice)
    qtbot.waitUntil(
        lambda: (
            window.case_page.file is not None and window.case_page.file.case.case_id == case.case_id
        ),
        timeout=WAIT,
    )
    press(Qt.Key.Key_W, CTRL)
    corrections = window.case_desk.corrections
    qtbot.waitUntil(
        lambda: corrections.open and corrections.checklist.view.hasFocus(), timeout=WAIT
    )
    assert window.pages.currentIndex() == Page.COUNTER
    assert stored(bench, case.case_id).visits == 2
    bar = window.case_desk.bar
    assert not bar.decision_actions[Decision.ACCEPT].isEnabled()  # corrections first
    assert not bar.decision_actions[Decision.NOTICE].isEnabled()


def go_to_line(bench: Bench, code: str) -> None:
    """Move the return visit's checklist to the line of `code` by arrow keys."""
    checklist = bench.window.case_desk.corrections.checklist
    rows = [checklist.model.row(r).requirement.code for r in range(checklist.model.rowCount())]
    steps = rows.index(code) - checklist.view.currentIndex().row()
    for _ in range(abs(steps)):
        press(Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)


def receive_corrections(qtbot: QtBot, bench: Bench) -> None:
    """Ctrl+Enter: the marked lines recorded, the case RECEIVED again."""
    desk = bench.window.case_desk
    press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: desk.case is not None and desk.case.status is CaseStatus.RECEIVED, timeout=WAIT
    )
    assert not desk.corrections.isVisible()


def test_notice_then_return_visit_with_the_corrections_is_accepted(
    qtbot: QtBot, bench: Bench
) -> None:
    case = intake_without_m03(qtbot, bench)
    notice = issue_notice(qtbot, bench, case)
    return_visit(qtbot, bench, case, notice)
    checklist = bench.window.case_desk.corrections.checklist
    recorded = [checklist.model.row(r).line.state for r in range(checklist.model.rowCount())]
    assert [state.value for state in recorded].count("missing") == 1  # what was recorded before
    go_to_line(bench, MISSING)
    press(Qt.Key.Key_Space)  # the proof of premises, brought now
    receive_corrections(qtbot, bench)

    desk = bench.window.case_desk
    press(Qt.Key.Key_A, ALT)
    dialog = desk.bar.dialog
    assert isinstance(dialog, AcceptDialog)
    qtbot.waitUntil(dialog.accept_button.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(dialog.document.printed, timeout=WAIT) as printed:
        press(Qt.Key.Key_Return)
    receipt = printed.args[0]
    assert "受理" in paper(bench, receipt)
    after = stored(bench, case.case_id)
    assert after.status is CaseStatus.ACCEPTED
    assert after.visits == 2
    assert after.notices == (notice,)


def test_a_second_notice_adding_a_new_item_is_refused_without_a_supervisor(
    qtbot: QtBot, bench: Bench
) -> None:
    case = intake_without_m03(qtbot, bench)
    notice = issue_notice(qtbot, bench, case)
    return_visit(qtbot, bench, case, notice)
    go_to_line(bench, MISSING)
    press(Qt.Key.Key_Space)  # brought now
    go_to_line(bench, "M01")
    press(Qt.Key.Key_M)  # the clerk now marks the application form missing: a new item
    receive_corrections(qtbot, bench)

    bar = bench.window.case_desk.bar
    press(Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: isinstance(bar.dialog, NoticeDialog), timeout=WAIT)
    dialog = bar.dialog
    assert isinstance(dialog, NoticeDialog)
    qtbot.waitUntil(dialog.override_button.hasFocus, timeout=WAIT)  # the draft already says
    form_name = next(line.name for line in case.lines if line.code == "M01")
    assert form_name in dialog.rule.text()
    dialog.issue_button.setFocus()
    press(Qt.Key.Key_Space)  # issue anyway, without a supervisor
    template = (
        "one-time rule: the earlier notice did not list {names}; "
        "a supervisor's override with a reason is required"
    )
    rule = QCoreApplication.translate(CONTEXT, template).format(names=form_name)
    qtbot.waitUntil(lambda: rule in dialog.status.text(), timeout=WAIT)
    qtbot.waitUntil(dialog.override_button.hasFocus, timeout=WAIT)
    after = stored(bench, case.case_id)
    assert after.status is CaseStatus.RECEIVED
    assert after.notices == (notice,)


def test_notice_and_refusal_receive_first_and_corrections_come_before_deciding() -> None:
    receiving = replace(CASE, status=CaseStatus.RECEIVING)
    received = replace(CASE, status=CaseStatus.RECEIVED)
    waiting = replace(CASE, status=CaseStatus.CORRECTION_REQUESTED)
    assert [d for d in Decision if needs_receipt(d, receiving)] == [
        Decision.NOTICE,
        Decision.REFUSAL,
    ]
    assert not any(needs_receipt(d, received) for d in Decision)
    assert not available(Decision.ACCEPT, waiting)
    assert not available(Decision.NOTICE, waiting)
    assert available(Decision.REFUSAL, waiting)
