"""Scanner bursts at the workbench: a number opens its case, an ID fills the applicant, an
e-licence marks its material, anything else is said in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.identity import resident_id_check_char
from clerk.materials import Provision
from tests.ui.workbench.conftest import WAIT, Bench, press
from ui.workbench.decision_bar import Decision
from ui.workbench.pages import Page

ID_BODY = "33010619900101002"
ID_NUMBER = ID_BODY + resident_id_check_char(ID_BODY)


def test_a_scanned_receipt_number_opens_its_case_and_ctrl_w_takes_it_to_the_counter(
    qtbot: QtBot, bench: Bench
) -> None:
    window = bench.window
    case_id = bench.counter.open_and_accept(1)
    uow = bench.counter.store.unit_of_work(read_only=True)
    receipt = services.case_documents(uow, case_id=case_id)[0].number
    window.case_desk.form.finder.search.setFocus()
    bench.scan(receipt)
    qtbot.waitUntil(
        lambda: window.case_page.file is not None and window.case_page.file.case.case_id == case_id,
        timeout=WAIT,
    )
    assert window.pages.currentIndex() == Page.SEARCH
    assert window.case_desk.form.finder.search.text() == ""  # the burst did not stay there
    press(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: window.case_desk.case is not None and window.case_desk.case.case_id == case_id,
        timeout=WAIT,
    )
    assert window.pages.currentIndex() == Page.COUNTER
    assert window.case_desk.bar.decision_actions[Decision.ON_THE_SPOT].isEnabled()
    assert not window.case_desk.bar.decision_actions[Decision.ACCEPT].isEnabled()


def test_an_unknown_number_of_ours_is_said_not_found(qtbot: QtBot, bench: Bench) -> None:
    window = bench.window
    window.case_desk.form.finder.search.setFocus()
    bench.scan(f"{bench.hall.code}-W01-9-2026-000999")
    qtbot.waitUntil(lambda: "No case" in window.statusBar().currentMessage(), timeout=WAIT)
    assert window.pages.currentIndex() == Page.COUNTER


def test_an_id_number_fills_the_applicant_during_intake(qtbot: QtBot, bench: Bench) -> None:
    form = bench.window.case_desk.form
    form.finder.search.setFocus()
    QTest.keyClicks(form.finder.search, "gtgsh")
    press(Qt.Key.Key_Return)
    form.applicant.phone.setFocus()
    bench.scan(ID_NUMBER)
    assert form.applicant.id_number.text() == ID_NUMBER
    assert form.applicant.phone.text() == ""  # the burst's keys were taken back
    assert form.applicant.name.hasFocus()  # the name is what is still missing
    message = bench.window.statusBar().currentMessage()
    assert ID_NUMBER not in message
    assert ID_NUMBER[:6] in message


def test_an_e_licence_code_marks_its_material_and_nonsense_is_said(
    qtbot: QtBot, bench: Bench
) -> None:
    form = bench.window.case_desk.form
    form.finder.search.setFocus()
    QTest.keyClicks(form.finder.search, "gtgsh")
    press(Qt.Key.Key_Return)
    bench.scan("EL.JMSFZ:330106-2026-0001")
    model = form.checklist.model
    marked = [
        model.row(row).requirement.code
        for row in range(model.rowCount())
        if model.row(row).entry.provision is Provision.E_LICENCE
    ]
    assert marked == ["M02"]
    assert "e-licence" in bench.window.statusBar().currentMessage()
    bench.scan("HELLO WORLD")
    assert bench.window.statusBar().currentMessage() == (
        "The scanned code is not one the counter knows."
    )
