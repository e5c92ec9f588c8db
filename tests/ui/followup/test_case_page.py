"""The case page: header, materials, the timeline from the audit trail, reprint and preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolBar
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.services.followup import CaseFile
from tests.integration.followup.builders import id_number
from tests.ui.followup.conftest import checked
from tests.ui.followup.demo import Demo
from ui.followup.case_page import CasePage
from ui.followup.source import FollowupSource


def open_page(qtbot: QtBot, source: FollowupSource, case_id: str) -> CasePage:
    page = CasePage(source=source)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    with qtbot.waitSignal(page.loaded):
        page.show_case(case_id)
    return page


def column(page: CasePage, table: str, number: int) -> list[str]:
    model = getattr(page, table).model()
    return [str(model.index(row, number).data()) for row in range(model.rowCount())]


def test_the_header_shows_the_case_with_masked_applicant_and_working_days_left(
    qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    page = open_page(qtbot, source, demo.cases["张三"])
    assert page.item.text().startswith("食品经营许可")
    full = id_number(1)
    assert page.applicant.text() == f"张三 · {full[:6]}********{full[-4:]} · 138****5678"
    assert page.status.text() == "Accepted, time running"
    # Accepted Friday 26 September 2025: five working days end on 10 October (the National Day
    # week is off); on Tuesday 30 September two working days are left, not ten calendar days.
    assert page.deadline.text() == "Due 2025-10-10 · 2 working day(s) left"
    assert "#9a5b00" in page.deadline.styleSheet()  # due soon: amber
    assert page.materials.text().splitlines()[0] == "Materials: 7 of 7 in order"
    assert "By commitment: 从业人员健康证明" in page.materials.text()


def test_an_overdue_case_is_red(qtbot: QtBot, source: FollowupSource, demo: Demo) -> None:
    page = open_page(qtbot, source, demo.cases["李四"])
    assert page.deadline.text() == "Due 2025-09-22 · Overdue by 7 working day(s)"
    assert "#b00020" in page.deadline.styleSheet()


def test_the_timeline_shows_every_step_in_words_with_who_and_what_was_printed(
    qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    page = open_page(qtbot, source, demo.cases["张三"])
    assert column(page, "timeline_table", 0) == [
        "2025-09-24 09:00",
        "2025-09-24 09:03",
        "2025-09-24 09:03",
        "2025-09-24 09:06",
        "2025-09-26 10:00",
        "2025-09-26 10:04",
        "2025-09-26 10:05",
        "2025-09-26 10:08",
        "2025-09-29 08:40",
    ]
    steps = column(page, "timeline_table", 2)
    documents = [
        d.number for d in services.case_documents(source._read(), case_id=demo.cases["张三"])
    ]
    voucher, notice, receipt = documents
    assert steps == [
        "Case opened",
        "Materials recorded",
        "Materials received → Received",
        "One-time correction notice issued → Waiting for corrections",
        "Applicant came back",
        "Materials recorded",
        "Corrections received → Received",
        "Accepted → Accepted, time running",
        f"Document {receipt} reprinted (copy 1)",
    ]
    assert set(column(page, "timeline_table", 1)) == {"王小明 (c001)", "李主任 (s001)"}
    assert column(page, "timeline_table", 3)[2:4] == [voucher, notice]
    assert column(page, "documents_table", 0) == documents


def test_moves_made_by_the_back_office_show_as_recorded_at_the_registry(
    qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    page = open_page(qtbot, source, demo.cases["赵六"])
    steps = column(page, "timeline_table", 2)
    assert steps[-2:] == [
        "Status changed elsewhere → In review (recorded at the registry)",
        "Status changed elsewhere → Suspended (clock paused) (recorded at the registry)",
    ]
    assert page.deadline.text() == "Due 2025-10-27 · Paused · 14 working day(s) left"


def test_ctrl_p_reprints_the_selected_document_as_a_new_print_job(
    qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    page = open_page(qtbot, source, demo.cases["钱七"])
    table = page.documents_table
    assert table.hasFocus()
    QTest.keyClick(table, Qt.Key.Key_Up)  # from the notice (selected: the newest) to the voucher
    voucher = page.selected_document()
    assert voucher is not None
    assert voucher.kind == "materials_voucher"
    queued_before = services.queued_jobs(source._read())
    with qtbot.waitSignal(page.reprinted) as reprinted, qtbot.waitSignal(page.loaded) as again:
        QTest.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert reprinted.args == [voucher.number]
    jobs = services.queued_jobs(source._read())
    (new,) = [job for job in jobs if job not in queued_before]
    assert (new.number, new.copy) == (voucher.number, 1)
    file = again.args[0]
    assert isinstance(file, CaseFile)
    assert file.timeline[-1].reprinted == voucher.number
    assert file.timeline[-1].actor_id == "c001"
    assert page.message.text() == f"A copy of {voucher.number} is queued for the printer."


def test_enter_previews_the_document_as_a_copy_that_the_preview_cannot_print(
    qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    page = open_page(qtbot, source, demo.cases["钱七"])
    selected = page.selected_document()
    assert selected is not None
    with qtbot.waitSignal(page.previewed, timeout=30_000) as shown:
        QTest.keyClick(page.documents_table, Qt.Key.Key_Return)
    assert shown.args == [selected.number]
    dialog = page.preview_dialog
    assert dialog is not None
    assert selected.number in dialog.windowTitle()
    visible = [
        action.text()
        for toolbar in dialog.findChildren(QToolBar)
        for action in toolbar.actions()
        if action.isVisible() and not action.isSeparator()
    ]
    assert "Zoom in" in visible
    assert "Print" not in visible
    assert "Page setup" not in visible
    dialog.close()
    qtbot.waitUntil(lambda: page.preview_dialog is None)


def test_escape_asks_to_go_back(qtbot: QtBot, source: FollowupSource, demo: Demo) -> None:
    page = open_page(qtbot, source, demo.cases["王五"])
    with qtbot.waitSignal(page.back_requested):
        QTest.keyClick(page.documents_table, Qt.Key.Key_Escape)


def test_an_unknown_case_is_reported(qtbot: QtBot, source: FollowupSource) -> None:
    page = CasePage(source=source)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.failed) as failed:
        page.show_case("no-such-case")
    assert failed.args[0].startswith("Not found: ")
    assert page.message.text() == failed.args[0]


def test_case_page_models(
    qtmodeltester: ModelTester, qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    page = open_page(qtbot, source, demo.cases["张三"])
    for model in (page.timeline, page.documents):
        checked(qtmodeltester, model)
    for table in (page.timeline_table, page.documents_table):
        checked(qtmodeltester, table.model())
