"""The item finder: pinyin initials, codes and names, chosen with keys only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk.catalog.search import ItemIndex
from tests.ui.intake.conftest import BUSINESS, FOOD, type_chinese
from ui.intake.finder import ItemFinder


def finder_for(qtbot: QtBot, index: ItemIndex) -> ItemFinder:
    finder = ItemFinder(index)
    qtbot.addWidget(finder)
    finder.show()
    return finder


def test_pinyin_initials_and_enter_choose_the_item(qtbot: QtBot, index: ItemIndex) -> None:
    finder = finder_for(qtbot, index)
    QTest.keyClicks(finder.search, "gtgsh")
    assert finder.model.hit(0).item.name == "个体工商户设立登记"
    assert finder.current_row() == 0
    with qtbot.waitSignal(finder.chosen) as chosen:
        QTest.keyClick(finder.search, Qt.Key.Key_Return)
    assert chosen.args[0].code == BUSINESS


def test_arrow_keys_move_through_the_hits_and_stay_in_bounds(
    qtbot: QtBot, index: ItemIndex
) -> None:
    finder = finder_for(qtbot, index)
    QTest.keyClicks(finder.search, "dj")  # 登记 in many names
    rows = finder.model.rowCount()
    assert rows >= 3
    QTest.keyClick(finder.search, Qt.Key.Key_Down)
    QTest.keyClick(finder.search, Qt.Key.Key_Down)
    assert finder.current_row() == 2
    QTest.keyClick(finder.search, Qt.Key.Key_Up)
    assert finder.current_row() == 1
    QTest.keyClick(finder.search, Qt.Key.Key_PageDown)
    assert finder.current_row() == min(rows - 1, 1 + 10)  # a page is ten hits
    for _ in range(rows + 2):
        QTest.keyClick(finder.search, Qt.Key.Key_Up)
    assert finder.current_row() == 0
    with qtbot.waitSignal(finder.chosen) as chosen:
        QTest.keyClick(finder.search, Qt.Key.Key_Down)
        QTest.keyClick(finder.search, Qt.Key.Key_Enter)
    assert chosen.args[0] is finder.model.hit(1).item


def test_a_code_or_a_chinese_name_part_finds_the_item(qtbot: QtBot, index: ItemIndex) -> None:
    finder = finder_for(qtbot, index)
    QTest.keyClicks(finder.search, FOOD)
    assert finder.model.rowCount() == 1
    assert finder.model.hit(0).item.code == FOOD
    finder.search.clear()
    type_chinese(finder.search, "居住证")
    assert finder.model.hit(0).item.name == "居住登记和居住证办理"
    assert finder.count.text() == "1 item(s) found"


def test_escape_clears_and_enter_without_hits_chooses_nothing(
    qtbot: QtBot, index: ItemIndex
) -> None:
    finder = finder_for(qtbot, index)
    QTest.keyClicks(finder.search, "zzzzqq")
    assert finder.model.rowCount() == 0
    with qtbot.assertNotEmitted(finder.chosen):
        QTest.keyClick(finder.search, Qt.Key.Key_Return)
    QTest.keyClick(finder.search, Qt.Key.Key_Escape)
    assert finder.search.text() == ""
    assert finder.model.rowCount() == 0
    assert finder.count.text() == ""


def test_a_new_catalogue_answers_the_current_search(qtbot: QtBot, index: ItemIndex) -> None:
    finder = finder_for(qtbot, ItemIndex(()))
    QTest.keyClicks(finder.search, "gtgsh")
    assert finder.model.rowCount() == 0
    finder.set_index(index)
    assert finder.model.hit(0).item.code == BUSINESS
