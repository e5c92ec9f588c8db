"""A whole intake by keys only, recorded in a real SQLite store through the controller."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import ApplicantKind, CaseStatus
from clerk.catalog.search import ItemIndex
from clerk.materials import LineState, MaterialRecord, Provision, Verdict
from clerk.staff import Actor, Role
from clerk.store import Store, open_store, uuid7
from tests.ui.intake import screens
from tests.ui.intake.conftest import (
    BUSINESS,
    DEVICE,
    FOOD,
    NOW,
    PHARMACY,
    credit_code,
    focused,
    person_id,
    press,
    today,
    type_chinese,
    type_keys,
)
from ui.intake.controller import load_index, record_intake
from ui.intake.form import IntakeForm
from ui.intake.lines import IntakeRequest

CLERK = Actor("c001", "王小明", Role.CLERK)
CTRL = Qt.KeyboardModifier.ControlModifier


def open_form(qtbot: QtBot, index: ItemIndex) -> IntakeForm:
    form = IntakeForm(index, today=today)
    qtbot.addWidget(form)
    form.resize(1280, 800)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    form.finder.setFocus()
    qtbot.waitUntil(form.finder.search.hasFocus)
    return form


def test_a_whole_intake_by_keys_only_is_recorded(qtbot: QtBot, store: Store) -> None:
    form = open_form(qtbot, load_index(lambda: store.unit_of_work(read_only=True)))
    type_keys("gtgsh")
    with qtbot.waitSignal(form.item_chosen):
        press(Qt.Key.Key_Return)
    assert focused() is form.applicant.name  # no situations: straight to the applicant
    type_chinese(focused(), "张三")
    press(Qt.Key.Key_Tab)
    type_keys(person_id())
    assert form.applicant.message() == "Valid, born 1985-03-12"
    press(Qt.Key.Key_Tab)
    assert focused() is form.applicant.phone  # the legal representative is for organisations
    type_keys("13812345678")
    press(Qt.Key.Key_Tab)
    type_chinese(focused(), "杭州市西湖区文三路 1 号")
    press(Qt.Key.Key_Tab)
    assert focused() is form.checklist.view
    press(Qt.Key.Key_Space)  # M01 申请书: the original
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_L)  # M02 身份证: from the e-licence library
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_P)  # M03 经营场所使用证明: 告知承诺
    assert form.checklist.verdict.text() == "Complete: the case can be accepted"
    assert form.record.isEnabled()
    with qtbot.waitSignal(form.submitted) as submitted:
        press(Qt.Key.Key_Return, CTRL)
    request = submitted.args[0]
    assert isinstance(request, IntakeRequest)

    result = record_intake(store.unit_of_work, request, case_id=uuid7(), actor=CLERK, now=NOW)

    stored = services.get_case(
        store.unit_of_work(read_only=True), case_id=result.case.case_id, now=NOW
    )
    assert stored.status is CaseStatus.RECEIVING
    assert (stored.item_code, stored.applicant_name) == (BUSINESS, "张三")
    assert stored.applicant_id_masked == person_id()[:6] + "********" + person_id()[-4:]
    assert stored.verdict is Verdict.COMPLETE
    assert {line.code: line.state for line in stored.lines} == {
        "M01": LineState.OK,
        "M02": LineState.E_LICENCE,
        "M03": LineState.COMMITTED,
        "M04": LineState.NOT_NEEDED,
        "M05": LineState.NOT_NEEDED,
    }
    assert request.record_map()["M01"] == MaterialRecord(Provision.ORIGINAL, copies=1)
    found = services.search_cases(store.unit_of_work(read_only=True), id_number=person_id())
    assert [case.case_id for case in found] == [result.case.case_id]


def test_a_situation_by_number_key_and_an_owed_line_give_a_rongque_case(
    qtbot: QtBot, store: Store
) -> None:
    form = open_form(qtbot, load_index(lambda: store.unit_of_work(read_only=True)))
    type_keys("spjyxk")
    press(Qt.Key.Key_Return)
    assert focused() is form.situation.choices
    assert form.still_needed() == [
        "the situation",
        "the applicant name",
        "a valid ID number or credit code",
    ]
    press(Qt.Key.Key_1)  # 新办
    press(Qt.Key.Key_Return)
    assert focused() is form.applicant.name
    type_chinese(focused(), "李四")
    press(Qt.Key.Key_Tab)
    type_keys(person_id("11010519900101002"))
    form.checklist.view.setFocus()
    for provision_key in ("o", "l", "l", "o", "r"):  # M01 … M05
        type_keys(provision_key)
        press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Space)  # M06 health certificates as asked: a copy, issued …
    press(Qt.Key.Key_I)  # … today: the date editor offers today, Enter takes it
    assert focused().metaObject().className() == "QDateEdit"
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(form.checklist.view.hasFocus)
    assert form.checklist.verdict.text() == "Acceptable with 1 material line(s) owed"
    with qtbot.waitSignal(form.submitted) as submitted:
        press(Qt.Key.Key_Enter, CTRL)
    request = submitted.args[0]
    assert (request.item_code, request.situation) == (FOOD, "new")

    result = record_intake(store.unit_of_work, request, case_id=uuid7(), actor=CLERK, now=NOW)

    assert result.case.situation == "new"
    assert result.case.verdict is Verdict.ACCEPTABLE_WITH_RONGQUE
    assert [line.code for line in result.case.lines if line.state is LineState.OWED] == ["M05"]


def test_an_item_for_organisations_starts_with_an_organisation(
    qtbot: QtBot, index: ItemIndex
) -> None:
    form = open_form(qtbot, index)
    type_keys(PHARMACY)
    press(Qt.Key.Key_Return)
    assert form.applicant.applicant_kind() is ApplicantKind.ORGANISATION
    press(Qt.Key.Key_2)
    press(Qt.Key.Key_Return)
    type_chinese(focused(), "杭州某某大药房有限公司")
    press(Qt.Key.Key_Tab)
    type_keys(credit_code())
    press(Qt.Key.Key_Tab)
    assert focused() is form.applicant.legal_representative
    type_chinese(focused(), "王五")
    request = form.request()
    assert request is not None
    assert request.applicant.legal_representative == "王五"
    assert request.applicant.id_number == credit_code()


def test_nothing_is_submitted_while_something_is_needed(qtbot: QtBot, index: ItemIndex) -> None:
    form = open_form(qtbot, index)
    assert form.still_needed() == [
        "the service item",
        "the applicant name",
        "a valid ID number or credit code",
    ]
    assert form.missing.text().startswith("Still needed: the service item, ")
    assert not form.record.isEnabled()
    with qtbot.assertNotEmitted(form.submitted):
        press(Qt.Key.Key_Return, CTRL)
    type_keys("gtgsh")
    press(Qt.Key.Key_Return)
    type_chinese(focused(), "张三")
    press(Qt.Key.Key_Tab)
    with qtbot.waitSignal(form.ready_changed) as ready:
        type_keys(person_id())
    assert ready.args == [True]
    assert form.missing.text() == ""
    with qtbot.waitSignal(form.ready_changed) as ready:
        press(Qt.Key.Key_Backspace)
    assert ready.args == [False]
    assert form.still_needed() == ["a valid ID number or credit code"]


def test_reset_clears_the_form_for_the_next_applicant(qtbot: QtBot, index: ItemIndex) -> None:
    form = open_form(qtbot, index)
    type_keys("gtgsh")
    press(Qt.Key.Key_Return)
    type_chinese(focused(), "张三")
    form.reset()
    assert form.item() is None
    assert form.checklist.model.rowCount() == 0
    assert form.applicant.name.text() == ""
    assert form.finder.search.text() == ""
    qtbot.waitUntil(form.finder.search.hasFocus)


def test_the_index_of_an_empty_store_finds_nothing(tmp_path: Path) -> None:
    empty = open_store(tmp_path / "empty.db", device=DEVICE)
    try:
        index = load_index(lambda: empty.unit_of_work(read_only=True))
    finally:
        empty.close()
    assert len(index) == 0


def test_the_documented_screenshot_shows_a_filled_form(qtbot: QtBot) -> None:
    form = screens.filled_form()
    qtbot.addWidget(form)
    assert form.request() is not None
    assert form.checklist.verdict.text() == (
        "Needs correction: 1 material line(s) on the one-time notice"
    )
    assert not screens.intake_image_of(form).isNull()
