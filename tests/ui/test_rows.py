"""The read-only rows model sorts itself once per sort; its proxy filters and keeps that order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.rows import ROW_ROLE, Column, RowsModel, row_table, sorting_proxy


@dataclass(frozen=True)
class Row:
    name: str
    days: int


COLUMNS: tuple[Column[Row], ...] = (
    Column(lambda: "Name", lambda r: r.name),
    Column(lambda: "Days", lambda r: str(r.days), sort=lambda r: r.days),
)
ROWS = (Row("乙", 10), Row("甲", 2), Row("丙", 2), Row("丁", 30))


class Counting:
    """A sort key that counts how often it is asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, row: Row) -> int:
        self.calls += 1
        return row.days


def shown(model: QAbstractItemModel) -> list[str]:
    return [str(model.index(n, 0).data()) for n in range(model.rowCount())]


def test_sorting_asks_each_rows_key_once_and_is_stable(qtmodeltester: ModelTester) -> None:
    key = Counting()
    model = RowsModel((COLUMNS[0], Column(lambda: "Days", lambda r: str(r.days), sort=key)), ROWS)
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check
    check(model)

    model.sort(1)
    assert shown(model) == ["甲", "丙", "乙", "丁"]  # 2, 2 (as given), 10, 30: by value, not text
    assert key.calls == len(ROWS)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert shown(model) == ["丁", "乙", "甲", "丙"]
    check(model)


def test_new_rows_keep_the_order_last_asked_for() -> None:
    model = RowsModel(COLUMNS)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_rows(ROWS)

    assert shown(model) == ["丁", "乙", "甲", "丙"]


def test_a_selected_row_stays_selected_through_a_sort() -> None:
    model = RowsModel(COLUMNS, ROWS)
    held = QPersistentModelIndex(model.index(3, 1))  # 丁

    model.sort(1)

    assert held.row() == 3  # 丁 has the most days: last
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert held.row() == 0
    assert held.data(ROW_ROLE) == Row("丁", 30)


def test_the_table_header_sorts_the_model_and_the_proxy_filters_in_its_order(
    qtbot: QtBot,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    model = RowsModel(COLUMNS, ROWS)
    proxy = sorting_proxy(model, parent)
    table = row_table(proxy, parent, stretch=0, sort=1)

    assert shown(proxy) == ["甲", "丙", "乙", "丁"]
    table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown(model) == ["丁", "乙", "甲", "丙"]  # the model itself was sorted
    proxy.setFilterFixedString("2")
    assert shown(proxy) == ["甲", "丙"]
