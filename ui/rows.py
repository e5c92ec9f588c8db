"""A read-only table model over immutable rows, described column by column.

Each such table (the follow-up screens, the pending refusals) is one `RowsModel` with its
`Column`s: a title, the shown text, a sort key (so dates and day counts sort as values, not as
text) and optional colours. `ROW_ROLE` hands the row itself to whoever needs it (opening a
case, reprinting a document).

The model sorts itself, in Python, once per sort: each row's key is computed once and the
tuple is reordered (a month of cases, 4,500 rows, in milliseconds). Views filter through a
`RowsProxy`, which leaves sorting to the model: a `QSortFilterProxyModel` sorting on its own asks
the model for two sort keys per comparison, tens of thousands of calls into Python that held
the screen for a second. A new set of rows keeps the order last asked for.
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
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row (in the order last sorted by, if any)."""
        self.beginResetModel()
        given = tuple(rows)
        self._rows = tuple(given[n] for n in self._permutation(given))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column's sort key (its text if it has none); stable."""
        if not 0 <= column < len(self.columns):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        permutation = self._permutation(self._rows)
        self._rows = tuple(self._rows[n] for n in permutation)
        moved = {old: new for new, old in enumerate(permutation)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(moved[index.row()], index.column()) for index in persistent],
        )
        self.layoutChanged.emit()

    def _permutation(self, rows: tuple[R, ...]) -> list[int]:
        """The positions of `rows` in the order asked for (as given when none was)."""
        if self._order is None:
            return list(range(len(rows)))
        column, order = self.columns[self._order[0]], self._order[1]
        keys = [(column.sort or column.text)(row) for row in rows]
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(rows)), key=keys.__getitem__, reverse=descending)

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


class RowsProxy(QSortFilterProxyModel):
    """A filtering proxy whose sorting is its `RowsModel`'s (see the module): the view's
    header sorts the model, and the proxy shows the rows it accepts in the model's order."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source model (the proxy itself keeps its order)."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


def sorting_proxy(model: QAbstractTableModel, parent: QWidget) -> QSortFilterProxyModel:
    """A proxy that sorts through the model and filters on every column, case-insensitively."""
    proxy = RowsProxy(parent)
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
    header.setResizeContentsPrecision(RESIZE_PRECISION)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


RESIZE_PRECISION = 50
"""Rows a column's width is measured on (Qt's default is 1,000: every reset asked each column's
text of a thousand rows)."""


def selected_row(table: QTableView) -> object | None:
    """The row object under the table's current index (None when there is none)."""
    index = table.currentIndex()
    return None if not index.isValid() else index.siblingAtColumn(0).data(ROW_ROLE)
