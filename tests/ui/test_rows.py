"""Read-only row tables: cells made once (on any thread), sorted and filtered by the proxy in
order of value, and painted without a single call back into Python."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import ui.rows
from ui.rows import (
    MOST_CHANGES,
    ROW_ROLE,
    SORT_ROLE,
    Cells,
    Column,
    Layout,
    RowsModel,
    prepare,
    row_table,
    selected_row,
    sorting_proxy,
)

PRODUCT = Path(ui.rows.__file__).parent


@dataclass(frozen=True)
class Row:
    name: str
    days: int


RED = QColor("#a4161a")
COLUMNS: tuple[Column[Row], ...] = (
    Column(lambda: "Name", lambda r: r.name),
    Column(
        lambda: "Days",
        lambda r: str(r.days),
        sort=lambda r: r.days,
        foreground=lambda r: RED if r.days > 20 else None,
    ),
)
ROWS = (Row("乙", 10), Row("甲", 2), Row("丙", 2), Row("丁", 30))


def shown(model: QAbstractItemModel) -> list[str]:
    return [str(model.index(n, 0).data()) for n in range(model.rowCount())]


def test_the_model_holds_each_rows_cells_in_the_order_given(qtmodeltester: ModelTester) -> None:
    model = RowsModel(COLUMNS, ROWS)
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check
    check(model)

    assert shown(model) == ["乙", "甲", "丙", "丁"]
    assert [model.index(n, 1).data(SORT_ROLE) for n in range(4)] == [10, 2, 2, 30]
    assert model.index(3, 0).data(ROW_ROLE) == Row("丁", 30)
    assert model.index(3, 1).data(Qt.ItemDataRole.ForegroundRole).color() == RED
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Days"
    assert model.rows() == ROWS
    assert model.row(1) == Row("甲", 2)

    model.set_rows(())
    assert model.rowCount() == 0
    assert model.columnCount() == 2
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    check(model)


def test_the_proxy_sorts_by_value_stably_and_keeps_the_order_for_new_rows(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = RowsModel(COLUMNS, ROWS)
    proxy = sorting_proxy(model, parent)
    table = row_table(proxy, parent, stretch=0, sort=1)

    assert shown(proxy) == ["甲", "丙", "乙", "丁"]  # 2, 2 (as given), 10, 30: not as text
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == ["丁", "乙", "甲", "丙"]
    model.set_rows((Row("戊", 5), *ROWS))
    assert shown(proxy) == ["丁", "乙", "戊", "甲", "丙"]
    proxy.setFilterFixedString("2")
    assert shown(proxy) == ["甲", "丙"]
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check
    check(proxy)


def test_a_selected_row_stays_selected_through_a_sort(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    proxy = sorting_proxy(RowsModel(COLUMNS, ROWS), parent)
    table = row_table(proxy, parent, stretch=0, sort=0)
    assert shown(proxy) == ["丁", "丙", "乙", "甲"]  # by name, in code-point order
    table.selectRow(3)
    held = QPersistentModelIndex(table.currentIndex())

    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)

    assert shown(proxy) == ["丁", "乙", "丙", "甲"]  # 30, 10, then 2 and 2 in the name order
    assert held.row() == 3
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert held.row() == 1  # 丙, 甲 (2, 2), 乙, 丁
    assert selected_row(table) == Row("甲", 2)


def test_cells_made_on_another_thread_outlive_their_python_objects(qtbot: QtBot) -> None:
    model = RowsModel(COLUMNS)
    made: list[Cells[Row]] = []
    rows = tuple(Row(f"第{n}号", n) for n in range(500))
    worker = threading.Thread(target=lambda: made.append(prepare(Layout(COLUMNS), rows)))
    worker.start()
    worker.join()

    model.install(made.pop())
    gc.collect()  # the items' Python wrappers are gone; the model owns the items

    assert model.rowCount() == 500
    assert [model.index(n, 0).data() for n in (0, 499)] == ["第0号", "第499号"]
    assert model.index(499, 1).data(SORT_ROLE) == 499
    assert model.index(250, 0).data(ROW_ROLE) == Row("第250号", 250)


def test_painting_the_table_calls_no_python(qtbot: QtBot) -> None:
    """Each call back into Python waits for the interpreter while a worker holds it: a page
    shown beside the catch-up's sync thread took 80–130 ms (bench/soak.py)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    proxy = sorting_proxy(RowsModel(COLUMNS, ROWS * 50), parent)
    table = row_table(proxy, parent, stretch=0, sort=1)
    parent.resize(600, 400)
    table.resize(600, 400)
    parent.show()
    qtbot.waitExposed(parent)
    calls: list[str] = []

    def note(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and Path(frame.f_code.co_filename).is_relative_to(PRODUCT):
            calls.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}")

    def paint_measure_and_sort(order: Qt.SortOrder) -> None:
        table.viewport().repaint()
        table.horizontalHeader().viewport().repaint()
        table.resizeColumnsToContents()
        table.sortByColumn(0, order)
        table.viewport().repaint()

    paint_measure_and_sort(Qt.SortOrder.DescendingOrder)  # PySide makes its enums on first use
    sys.setprofile(note)
    try:
        paint_measure_and_sort(Qt.SortOrder.AscendingOrder)
    finally:
        sys.setprofile(None)

    assert calls == []  # the Python model before: 5,387 (data, rowCount, columnCount…)


def test_a_language_change_makes_titles_and_texts_again(qtbot: QtBot) -> None:
    language = ["Name"]
    columns: tuple[Column[Row], ...] = (
        Column(lambda: language[0], lambda r: f"{language[0]}: {r.name}"),
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    model = RowsModel(columns, ROWS[:1])
    table = row_table(sorting_proxy(model, parent), parent, stretch=0)

    language[0] = "名称"
    QCoreApplication.sendEvent(table, QEvent(QEvent.Type.LanguageChange))

    assert model.headerData(0, Qt.Orientation.Horizontal) == "名称"
    assert shown(model) == ["名称: 乙"]


def keyed(rows: tuple[Row, ...] = ROWS) -> RowsModel[Row]:
    return RowsModel(COLUMNS, rows, key=lambda r: r.name)


def test_a_new_reading_changes_only_the_rows_that_changed(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = keyed()
    proxy = sorting_proxy(model, parent)
    table = row_table(proxy, parent, stretch=0, sort=1)
    table.selectRow(2)  # 乙, 10 days
    resets: list[None] = []
    proxy.modelReset.connect(lambda: resets.append(None))
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))

    cells = model.preparer()((Row("甲", 2), Row("乙", 40), Row("戊", 7), Row("丁", 30)))

    assert cells.whole is None
    assert cells.removed == {"丙"}
    assert [name for name, _ in cells.changed] == ["乙", "戊"]  # 甲 and 丁 are as they were
    model.install(cells)
    assert resets == []
    assert shown(proxy) == ["甲", "戊", "丁", "乙"]  # sorted again: 乙 now has the most days
    assert selected_row(table) == Row("乙", 40)  # the clerk's selection followed its row
    assert [model.index(n, 1).data() for n in range(model.rowCount())] == ["40", "2", "30", "7"]
    assert model.rows() == (Row("乙", 40), Row("甲", 2), Row("丁", 30), Row("戊", 7))
    assert all(first == last for first, last in changed)  # one row at a time
    assert {first for first, _ in changed} == {0}  # 乙's cells; 甲 and 丁 untouched

    model.install(model.preparer()(model.rows()))  # the same rows read again
    assert len(changed) == 2  # nothing more was touched (乙's two cells, above)


def test_cells_made_against_rows_no_longer_shown_make_a_whole_table() -> None:
    model = keyed()
    first, second = model.preparer(), model.preparer()  # both against the rows shown now
    model.install(first((Row("甲", 3),)))

    model.install(second((Row("乙", 5), Row("己", 1))))

    assert shown(model) == ["乙", "己"]  # not the changes to rows since replaced
    assert model.rows() == (Row("乙", 5), Row("己", 1))


def test_many_changes_make_a_whole_table() -> None:
    many = tuple(Row(f"第{n}号", n) for n in range(MOST_CHANGES + 1))
    model = keyed(())

    cells = model.preparer()(many)

    assert cells.whole is not None
    model.install(cells)
    assert model.rowCount() == MOST_CHANGES + 1
    assert keyed(many).preparer()(many[1:]).whole is None  # one gone: a change


def test_columns_fit_the_first_reading_then_keep_their_widths(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = keyed(())
    table = row_table(sorting_proxy(model, parent), parent, stretch=1)
    first = (Row("甲", 1), Row("乙", 2), Row("丙丙丙丙丙丙丙丙", 3))  # the widest last

    model.install(model.preparer()(first))  # from no rows: a whole table, then one fit
    fitted = table.columnWidth(0)

    assert fitted >= table.sizeHintForColumn(0) > 0
    assert fitted > table.fontMetrics().horizontalAdvance("丙丙丙丙丙丙丙丙")
    model.install(model.preparer()((*first, Row("丁" * 30, 4))))
    assert table.columnWidth(0) == fitted  # kept: the clerk may have set it
