"""The case search: every kind of text finds its case, personal numbers masked, keys only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.services.followup import QueryKind, SearchResult
from tests.integration.followup.builders import id_number
from tests.ui.followup.conftest import checked
from tests.ui.followup.demo import Demo
from ui.followup.case_page import CasePage
from ui.followup.search import CaseSearch
from ui.followup.source import FollowupSource


def make_search(qtbot: QtBot, source: FollowupSource) -> CaseSearch:
    search = CaseSearch(source=source)
    qtbot.addWidget(search)
    search.show()
    return search


def type_into(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    """Keys for ASCII; Chinese arrives as an input method commits it (no key events)."""
    if text.isascii():
        QTest.keyClicks(box, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(box, event)


def type_and_search(qtbot: QtBot, search: CaseSearch, text: str) -> SearchResult:
    search.box.setFocus()
    type_into(qtbot, search.box, text)
    with qtbot.waitSignal(search.searched) as found:
        QTest.keyClick(search.box, Qt.Key.Key_Return)
    result = found.args[0]
    assert isinstance(result, SearchResult)
    return result


def cell_texts(search: CaseSearch) -> list[list[str]]:
    proxy = search.proxy
    return [
        [str(proxy.index(row, column).data()) for column in range(proxy.columnCount())]
        for row in range(proxy.rowCount())
    ]


@pytest.mark.parametrize(
    "query",
    [
        (id_number(7), QueryKind.ID_NUMBER, "钱七"),
        ("0571 8765 4321", QueryKind.PHONE, "钱七"),  # stored as "0571-87654321"
        ("钱", QueryKind.NAME, "钱七"),
    ],
)
def test_one_case_found_opens_at_once(
    qtbot: QtBot, source: FollowupSource, demo: Demo, query: tuple[str, QueryKind, str]
) -> None:
    text, kind, who = query
    search = make_search(qtbot, source)
    with qtbot.waitSignal(search.case_opened) as opened:
        result = type_and_search(qtbot, search, text)
    assert result.kind is kind
    assert opened.args == [demo.cases[who]]


def test_a_case_and_a_document_number_each_find_the_case(
    qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    case_id = demo.cases["张三"]
    read = demo.store.unit_of_work
    number = services.get_case(read(read_only=True), case_id=case_id, now=source.clock()).number
    notice = services.case_documents(read(read_only=True), case_id=case_id)[1].number
    search = make_search(qtbot, source)
    for text in (number, notice.lower()):
        search.box.clear()
        with qtbot.waitSignal(search.case_opened) as opened:
            result = type_and_search(qtbot, search, text)
        assert result.kind is QueryKind.NUMBER
        assert opened.args == [case_id]
    assert notice in cell_texts(search)[0][0]  # "number (via notice)"


def test_personal_numbers_are_searched_in_full_and_shown_masked(
    qtbot: QtBot, source: FollowupSource
) -> None:
    search = make_search(qtbot, source)
    result = type_and_search(qtbot, search, "13812345678")  # every demo applicant but 钱七
    assert result.kind is QueryKind.PHONE
    rows = cell_texts(search)
    assert len(rows) == 7
    shown = " ".join(" ".join(row) for row in rows)
    assert "13812345678" not in shown
    assert "138****5678" in shown
    for n in (1, 2, 3, 6, 8, 9, 10):
        assert id_number(n) not in shown
        assert id_number(n)[:6] + "********" + id_number(n)[-4:] in shown


def test_keyboard_only_search_choose_and_open_a_case(
    qtbot: QtBot, source: FollowupSource, demo: Demo
) -> None:
    search = make_search(qtbot, source)
    page = CasePage(source=source)
    qtbot.addWidget(page)
    search.case_opened.connect(page.show_case)
    result = type_and_search(qtbot, search, "13812345678")
    assert len(result.hits) == 7
    assert search.table.hasFocus()  # several found: the first is selected, Enter opens it
    newest = search.proxy.index(0, 0).data()
    QTest.keyClick(search.table, Qt.Key.Key_Down)
    second = search.proxy.index(1, 0).data()
    with qtbot.waitSignal(page.loaded) as loaded:
        QTest.keyClick(search.table, Qt.Key.Key_Return)
    assert loaded.args[0].case.number == second != newest
    assert page.number.text() == second


def test_nothing_found_and_unknown_texts_say_so(qtbot: QtBot, source: FollowupSource) -> None:
    search = make_search(qtbot, source)
    with qtbot.assertNotEmitted(search.case_opened):
        result = type_and_search(qtbot, search, "欧阳")
    assert result.hits == ()
    assert search.message.text() == "No case found."
    search.box.setText("12")
    assert "type more" in search.hint.text()


def test_search_model(qtmodeltester: ModelTester, qtbot: QtBot, source: FollowupSource) -> None:
    search = make_search(qtbot, source)
    checked(qtmodeltester, search.model)
    type_and_search(qtbot, search, "13812345678")
    checked(qtmodeltester, search.model)
    checked(qtmodeltester, search.proxy)
