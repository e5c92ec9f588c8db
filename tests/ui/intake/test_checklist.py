"""The material checklist, edited with single keys; every line measured by clerk.materials."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk.catalog import ServiceItem
from clerk.materials import LineState, MaterialRecord, Problem, Provision, Verdict
from tests.ui.intake.conftest import focused, today, type_chinese
from ui.intake import checklist_model as cols
from ui.intake.checklist import MaterialChecklist
from ui.intake.checklist_model import ChecklistModel
from ui.intake.lines import LineEntry

# 食品经营许可, situation "new": M01 original, M02 copy (e-licence), M03 original (e-licence),
# M04 original, M05 deferrable original, M06 copy valid 12 months, M09 optional original.
NEW_LINES = ["M01", "M02", "M03", "M04", "M05", "M06", "M09"]


def checklist_for(qtbot: QtBot, food: ServiceItem) -> MaterialChecklist:
    widget = MaterialChecklist(today=today)
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.set_item(food, "new")
    widget.view.setFocus()
    qtbot.waitUntil(widget.view.hasFocus)
    return widget


def key(widget: MaterialChecklist, *keys: Qt.Key | str) -> None:
    for one in keys:
        if isinstance(one, str):
            QTest.keyClicks(widget.view, one)
        else:
            QTest.keyClick(widget.view, one)


def states(widget: MaterialChecklist) -> dict[str, LineState]:
    model = widget.model
    return {model.row(n).requirement.code: model.row(n).line.state for n in range(model.rowCount())}


def test_the_situation_decides_the_lines_and_nothing_is_provided_yet(
    qtbot: QtBot, food: ServiceItem
) -> None:
    widget = checklist_for(qtbot, food)
    assert list(states(widget)) == NEW_LINES
    assert states(widget)["M09"] is LineState.NOT_NEEDED
    assert states(widget)["M01"] is LineState.MISSING
    assert widget.verdict.text() == "Needs correction: 6 material line(s) on the one-time notice"
    widget.set_item(food, "change")
    assert list(states(widget)) == ["M01", "M02", "M03", "M04", "M07", "M08", "M09"]
    widget.set_item(food, None)
    assert widget.model.rowCount() == 0
    assert widget.verdict.text() == "Choose an item and its situation to see its materials."


def test_single_keys_set_every_status_down_the_list(qtbot: QtBot, food: ServiceItem) -> None:
    widget = checklist_for(qtbot, food)
    with qtbot.waitSignal(widget.changed) as changed:
        key(widget, Qt.Key.Key_Space)  # M01 as asked: the original
    key(widget, Qt.Key.Key_Down, "l")  # M02 from the e-licence library
    key(widget, Qt.Key.Key_Down, "b")  # M03 original and copy (an original is asked)
    key(widget, Qt.Key.Key_Down, "o")  # M04 original
    key(widget, Qt.Key.Key_Down, "r")  # M05 owed under 容缺
    key(widget, Qt.Key.Key_Down, "p")  # M06 replaced by a commitment
    key(widget, Qt.Key.Key_Down, "m")  # M09 (optional) not provided
    assert states(widget) == {
        "M01": LineState.OK,
        "M02": LineState.E_LICENCE,
        "M03": LineState.OK,
        "M04": LineState.OK,
        "M05": LineState.OWED,
        "M06": LineState.COMMITTED,
        "M09": LineState.NOT_NEEDED,
    }
    assert widget.model.records() == {
        "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M02": MaterialRecord(Provision.E_LICENCE),
        "M03": MaterialRecord(Provision.ORIGINAL_AND_COPY, copies=1),
        "M04": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M05": MaterialRecord(Provision.OWED),
        "M06": MaterialRecord(Provision.COMMITMENT),
        "M09": MaterialRecord(Provision.MISSING),
    }
    checklist = widget.model.checklist()
    assert checklist is not None
    assert checklist.verdict is Verdict.ACCEPTABLE_WITH_RONGQUE
    assert changed.args[0].verdict is Verdict.NEEDS_CORRECTION  # after the first key only
    assert widget.verdict.text() == "Acceptable with 1 material line(s) owed"


def test_a_substitute_the_item_does_not_allow_is_named(qtbot: QtBot, food: ServiceItem) -> None:
    widget = checklist_for(qtbot, food)
    key(widget, "l")  # M01 has no e-licence
    line = widget.model.row(0).line
    assert (line.state, line.problem, line.reason) == (
        LineState.MISSING,
        Problem.MISSING,
        "该材料不能从电子证照库调取",
    )
    assert widget.model.data(widget.model.index(0, cols.STATE)) == (
        "Missing: Material missing — 该材料不能从电子证照库调取"
    )


def test_copies_go_up_and_down_and_too_few_copies_are_not_in_legal_form(
    qtbot: QtBot, food: ServiceItem
) -> None:
    widget = checklist_for(qtbot, food)
    key(widget, Qt.Key.Key_Down, "c")  # M02: a copy, one asked
    assert widget.model.row(1).entry.copies == 1
    key(widget, "+", "+")
    assert widget.model.row(1).entry.copies == 3
    assert widget.model.row(1).line.state is LineState.OK
    key(widget, "-", "-", "-", "-")
    assert widget.model.row(1).entry.copies == 0
    line = widget.model.row(1).line
    assert (line.state, line.problem) == (LineState.DEFECTIVE, Problem.NOT_LEGAL_FORM)
    assert line.reason == "复印件应为 1 份，实交 0 份"


def test_d_asks_for_the_defect_and_enter_records_it(qtbot: QtBot, food: ServiceItem) -> None:
    widget = checklist_for(qtbot, food)
    key(widget, "d")  # M01 defective: handed in as asked, the reason's editor opens
    editor = focused()
    assert editor is not widget.view
    type_chinese(editor, "申请书未签字")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(widget.view.hasFocus)
    row = widget.model.row(0)
    assert row.entry == LineEntry(Provision.ORIGINAL, 1, "申请书未签字")
    assert (row.line.state, row.line.problem, row.line.reason) == (
        LineState.DEFECTIVE,
        Problem.CONTENT,
        "申请书未签字",
    )
    assert widget.model.records()["M01"] == MaterialRecord(
        Provision.ORIGINAL, copies=1, defect="申请书未签字"
    )
    key(widget, "m")  # not provided after all: the defect goes with the material
    assert widget.model.row(0).entry == LineEntry(Provision.MISSING)


def test_the_issue_date_is_edited_by_key_and_checked(qtbot: QtBot, food: ServiceItem) -> None:
    widget = checklist_for(qtbot, food)
    health = NEW_LINES.index("M06")
    widget.view.setCurrentIndex(widget.model.index(health, cols.PROVISION))
    key(widget, Qt.Key.Key_Space)
    assert widget.model.row(health).line.reason == "未注明出具日期（须 12 个月内出具）"
    key(widget, "i")
    editor = focused()
    assert editor.metaObject().className() == "QDateEdit"
    editor.setProperty("date", QDate(2024, 12, 1))  # typing a date is locale-bound; set it
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(widget.view.hasFocus)
    row = widget.model.row(health)
    assert row.entry.issued_on == date(2024, 12, 1)
    assert row.line.reason == "出具日期 2024-12-01 已超过 12 个月有效期"


def test_the_provision_column_edits_with_a_drop_down(qtbot: QtBot, food: ServiceItem) -> None:
    widget = checklist_for(qtbot, food)
    widget.view.setCurrentIndex(widget.model.index(4, cols.PROVISION))
    key(widget, Qt.Key.Key_F2)
    editor = focused()
    assert editor.metaObject().className() == "QComboBox"
    assert editor.property("currentText") == "Not provided"  # the line's provision
    for _ in range(2):  # … e-licence, owed, commitment, not provided
        QTest.keyClick(editor, Qt.Key.Key_Up)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(widget.view.hasFocus)
    assert widget.model.row(4).entry.provision is Provision.OWED
    assert widget.model.row(4).line.state is LineState.OWED


def test_the_current_lines_standard_is_shown_beside_the_table(
    qtbot: QtBot, food: ServiceItem
) -> None:
    widget = checklist_for(qtbot, food)
    key(widget, Qt.Key.Key_Down)
    text = widget.detail.text()
    assert food.material("M02").name in text
    assert food.material("M02").acceptance_standard in text
    assert "Copy × 1" in text
    assert "e-licence available" in text
    key(widget, "l")
    assert "Fetched as e-licence" in widget.detail.text()


def test_keys_with_ctrl_are_left_to_the_form(qtbot: QtBot, food: ServiceItem) -> None:
    widget = checklist_for(qtbot, food)
    QTest.keyClick(widget.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert widget.model.row(0).entry.provision is Provision.MISSING


def test_the_checklist_model_passes_the_model_tester(
    qtmodeltester: ModelTester, food: ServiceItem
) -> None:
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check  # pytest-qt is untyped
    model = ChecklistModel(today=today)
    check(model)
    model.set_item(food, "new")
    check(model)
    model.set_provision(0, Provision.ORIGINAL)
    model.set_provision(1, Provision.COPY)
    model.setData(model.index(1, cols.DEFECT), "模糊不清")
    check(model)
    assert model.rowCount() == len(NEW_LINES)
    model.set_item(food, "renew")
    check(model)


@pytest.mark.parametrize("column", [cols.COPIES, cols.DEFECT, cols.ISSUED])
def test_only_material_on_the_counter_has_copies_a_date_or_a_defect(
    qapp: QApplication, food: ServiceItem, column: int
) -> None:
    model = ChecklistModel(today=today)
    model.set_item(food, "new")
    health = NEW_LINES.index("M06")
    index = model.index(health, column)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, 2 if column == cols.COPIES else "x")
    model.set_provision(health, Provision.COPY)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable


def test_another_situation_keeps_the_lines_it_shares(qtbot: QtBot, food: ServiceItem) -> None:
    widget = checklist_for(qtbot, food)
    key(widget, Qt.Key.Key_Space, Qt.Key.Key_Down, "l")  # M01 original, M02 e-licence
    widget.view.setCurrentIndex(widget.model.index(4, cols.PROVISION))
    key(widget, "r")  # M05 owed: only the "new" situation asks for it
    widget.set_item(food, "change")
    assert widget.model.records()["M01"] == MaterialRecord(Provision.ORIGINAL, copies=1)
    assert widget.model.records()["M02"] == MaterialRecord(Provision.E_LICENCE)
    assert "M05" not in widget.model.records()
    widget.set_item(food, "new")
    assert widget.model.records()["M05"] == MaterialRecord(Provision.MISSING)
