"""A read-only table model over immutable rows, described column by column.

Each such table (the follow-up screens, the pending refusals) is one `RowsModel` with its
`Column`s: a title, the shown text, a sort key (so dates and day counts sort as values, not as
text) and optional colours. Views sort and
filter through a `QSortFilterProxyModel` set to `SORT_ROLE`; `ROW_ROLE` hands the row itself to
whoever needs it (opening a case, reprinting a document).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
R = TypeVar("R")

SORT_ROLE = int(Qt.ItemDataRole.UserRole)
"""The value a column sorts by (an int, a str or a float)."""
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The row object itself."""


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: its title (called at display time, so it is translated) and its values."""

    title: Callable[[], str]
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    background: Callable[[R], QColor | None] | None = None


class RowsModel(QAbstractTableModel, Generic[R]):
    """A table over a tuple of immutable rows (see the module)."""

    def __init__(
        self, columns: Sequence[Column[R]], rows: Sequence[R] = (), parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: tuple[R, ...] = tuple(rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[R, ...]:
        """The rows, in model order."""
        return self._rows

    def row(self, number: int) -> R:
        """The row at `number` (in model order)."""
        return self._rows[number]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        """Rows under the root; none under an item."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        """One per column description."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, sort value, row, colours."""
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == ROW_ROLE:
            return row
        value = {
            Qt.ItemDataRole.DisplayRole: column.text,
            SORT_ROLE: column.sort or column.text,
            Qt.ItemDataRole.ForegroundRole: column.foreground,
            Qt.ItemDataRole.BackgroundRole: column.background,
        }.get(role)
        return None if value is None else value(row)

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.columns[section].title() if 0 <= section < len(self.columns) else None


def sorting_proxy(model: QAbstractTableModel, parent: QWidget) -> QSortFilterProxyModel:
    """A proxy that sorts by `SORT_ROLE` and filters on every column, case-insensitively."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def row_table(
    model: QSortFilterProxyModel,
    parent: QWidget,
    *,
    stretch: int,
    sort: int = 0,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> QTableView:
    """A read-only table of whole rows over a proxy, sorted by `sort` and by its headers."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(sort, order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table: the page stays keyboard-usable
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def selected_row(table: QTableView) -> object | None:
    """The row object under the table's current index (None when there is none)."""
    index = table.currentIndex()
    return None if not index.isValid() else index.siblingAtColumn(0).data(ROW_ROLE)
