"""A visit at the counter, by keys only: call, intake, accept, receipt, rating, finish."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import CaseStatus, RatingLevel
from clerk.identity import resident_id_check_char
from clerk.queue import TicketState
from clerk.queue.wire import TicketView
from tests.printing import pdftools
from tests.ui.workbench.conftest import WAIT, Bench, focused, press
from ui.customer_panel import PanelState
from ui.decisions.accept import AcceptDialog
from ui.queue.actions import QueueAction
from ui.workbench.pages import Page

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
ID_BODY = "33010619850312001"
ID_NUMBER = ID_BODY + resident_id_check_char(ID_BODY)


def type_chinese(text: str) -> None:
    """Commit text the way a Chinese input method does (keyClicks only types ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)


def type_keys(text: str) -> None:
    """Type ASCII text where the focus is, at a person's pace."""
    QTest.keyClicks(focused(), text)


def call_and_serve(qtbot: QtBot, bench: Bench) -> TicketView:
    """A ticket from the kiosk, called (F1) and served (F3) at the counter by keys."""
    ticket = bench.hall.issue("BIZ")
    panel = bench.window.queue_panel
    assert panel is not None
    qtbot.waitUntil(panel.queue_actions[QueueAction.CALL_NEXT].isEnabled, timeout=WAIT)
    press(Qt.Key.Key_F1)
    qtbot.waitUntil(
        lambda: panel.view.current is not None and panel.view.current.number == ticket.number,
        timeout=WAIT,
    )
    press(Qt.Key.Key_F3)
    qtbot.waitUntil(
        lambda: panel.view.current is not None and panel.view.current.state is TicketState.SERVING,
        timeout=WAIT,
    )
    return ticket


def test_a_visit_by_keys_links_the_case_and_receipt_and_the_applicant_rates(
    qtbot: QtBot, bench: Bench
) -> None:
    window, desk = bench.window, bench.window.case_desk
    ticket = call_and_serve(qtbot, bench)
    number = ticket.number
    assert window.strip.ticket.text().endswith(number)
    assert window.customer.panel.ticket_label.text().endswith(number)
    qtbot.waitUntil(desk.form.finder.search.hasFocus, timeout=WAIT)

    # Intake by keys only: item by pinyin initials, applicant, checklist, Ctrl+Enter.
    type_keys("gtgsh")
    with qtbot.waitSignal(desk.form.item_chosen, timeout=WAIT):
        press(Qt.Key.Key_Return)
    type_chinese("张三")
    press(Qt.Key.Key_Tab)
    type_keys(ID_NUMBER)
    press(Qt.Key.Key_Tab)
    type_keys("13812345678")
    press(Qt.Key.Key_Tab)
    type_chinese("杭州市西湖区文三路 1 号")
    press(Qt.Key.Key_Tab)
    assert focused() is desk.form.checklist.view
    press(Qt.Key.Key_Space)  # M01 application form: the original
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_L)  # M02 ID card: from the e-licence library
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Space)  # M03 proof of premises: a copy as asked
    with qtbot.waitSignal(desk.case_changed, timeout=WAIT, check_params_cb=bool):
        press(Qt.Key.Key_Return, CTRL)
    case = desk.case
    assert case is not None
    assert case.status is CaseStatus.RECEIVING
    assert window.strip.applicant.text() == f"张三 · ID {case.applicant_id_masked}"
    assert ID_NUMBER not in window.strip.applicant.text()

    # Accept (Alt+A): committed, then the receipt prints; the applicant is asked to rate.
    press(Qt.Key.Key_A, ALT)
    dialog = desk.bar.dialog
    assert isinstance(dialog, AcceptDialog)
    qtbot.waitUntil(dialog.accept_button.hasFocus, timeout=WAIT)
    with qtbot.waitSignal(dialog.document.printed, timeout=WAIT) as printed:
        press(Qt.Key.Key_Return)
    receipt = printed.args[0]
    paper = pdftools.flat(pdftools.text((bench.printed / f"{receipt}.pdf").read_bytes()))
    assert "受理" in paper
    assert case.number in paper
    assert ID_NUMBER not in paper
    panel = window.customer.panel
    assert panel.state is PanelState.ASKING
    assert panel.case_id == case.case_id
    qtbot.waitUntil(dialog.close_button.hasFocus, timeout=WAIT)
    press(Qt.Key.Key_Return)
    assert not dialog.isVisible()

    # The applicant rates on their own screen (a touch, not the clerk's keyboard).
    with qtbot.waitSignal(window.customer.rated, timeout=WAIT):
        panel.level_buttons[RatingLevel.SATISFIED].click()
    stored = services.get_case(
        bench.counter.store.unit_of_work(read_only=True),
        case_id=case.case_id,
        now=bench.window.parts.clock(),
    )
    assert stored.status is CaseStatus.ACCEPTED
    assert stored.rating is RatingLevel.SATISFIED

    # Finishing the ticket (F10) links the case and the receipt of the visit.
    queue_panel = window.queue_panel
    assert queue_panel is not None
    window.activateWindow()  # the platform gives it back after the dialog (offscreen: asked)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    with qtbot.waitSignal(queue_panel.visit_finished, timeout=WAIT) as finished:
        press(Qt.Key.Key_F10)
    assert [d.number for d in bench.answers.offered[-1]] == [receipt]
    choice = finished.args[0]
    assert choice.case_ids == (case.case_id,)
    assert choice.document_numbers == (receipt,)
    assert queue_panel.view.current is None
    events = [e for e in bench.hall.events(ticket.id) if e[0] == "finished"]
    assert events
    assert events[-1][2]["cases"] == case.case_id
    assert events[-1][2]["documents"] == receipt
    assert window.strip.ticket.text() != f"Ticket {number}"
    assert window.pages.currentIndex() == Page.COUNTER
