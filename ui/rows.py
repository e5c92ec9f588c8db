"""Read-only tables of immutable rows, described column by column, painted without Python.

Each such table (the follow-up screens, the pending refusals) is one `RowsModel` with its
`Column`s: a title, the shown text, a sort key (so dates and day counts sort as values, not as
text) and optional colours. `ROW_ROLE` hands the row itself to whoever needs it (opening a
case, reprinting a document); `GROUP_ROLE` carries a group a view can filter on.

Every cell is computed once, when the rows arrive, into a `QStandardItemModel`: a view then
paints, measures and sorts in C++. A Python model answered each cell's roles through a call
back into Python — about 3,000 calls per page shown, `rowCount` and `columnCount` as often as
`data` — and each call waited for the interpreter whenever a worker held it: beside the
catch-up's busy sync thread a board took 80–130 ms to show (bench/soak.py). With many rows,
`prepare` computes the cells on a lane (it touches no QObject) and `install` puts them in on
the GUI thread (a board of 2,000 rows × 8 columns: 9 ms); `set_rows` does both at once.

Sorting and filtering are the view's `QSortFilterProxyModel`'s, on `SORT_ROLE` (each cell's
key, stored with it: comparing two keys calls no Python either); a proxy keeps its order for
every new set of rows. Rows with a key (the board's cases) are changed in place when few
changed since the last reading: the clerk's selection and scroll position stay, and nothing
else is touched.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QIdentityProxyModel, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.i18n import retranslate_on_language_change

R = TypeVar("R")

SORT_ROLE = int(Qt.ItemDataRole.UserRole)
"""The value a column sorts by (a str, an int or a float)."""
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The row object itself (on the row's first cell)."""
GROUP_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The row's group (a str, on the first cell), for a proxy filtering on it."""

SortKey = str | int | float
"""What Qt compares without Python: a sort key is one of these (a date as ISO text)."""


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """One column: its title (called when the cells are made, so it is translated), values."""

    title: Callable[[], str]
    text: Callable[[R], str]
    sort: Callable[[R], SortKey] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    background: Callable[[R], QColor | None] | None = None


@dataclass(frozen=True, slots=True)
class Layout(Generic[R]):
    """A table's columns; the group a proxy may filter on; the key that names a row across
    readings (rows with a key are updated in place: see `prepare`)."""

    columns: tuple[Column[R], ...]
    group: Callable[[R], str] | None = None
    key: Callable[[R], Hashable] | None = None


@dataclass(frozen=True, slots=True)
class Cells(Generic[R]):
    """Cells made by `prepare` on any thread, for one `install`: either a whole table
    (`whole`, one list of items per column) or the changes to the rows of `base`."""

    rows: tuple[R, ...]
    titles: tuple[str, ...]
    whole: tuple[list[QStandardItem], ...] | None = None
    base: tuple[R, ...] | None = None
    removed: frozenset[Hashable] = frozenset()
    changed: tuple[tuple[Hashable, list[QStandardItem]], ...] = ()


MOST_CHANGES = 200
"""Changed, new and gone rows past which a whole table is made instead (each change is a
row's items set one by one, with the proxies told of each)."""

_PROTOTYPE = QStandardItem()
"""Items are its clones: plain C++ items. An item made by Python's constructor is a binding
subclass, which asks Python (waiting for the interpreter) the first time each of its virtual
methods is called, and which Python must forget when it is deleted."""


_NONE = object()
"""Not a row: what a key new since the last reading is compared with."""


def prepare(layout: Layout[R], rows: Sequence[R], base: tuple[R, ...] | None = None) -> Cells[R]:
    """The cells of `rows`: only those of the rows changed since `base` when the layout has a
    key, `base` has rows and few changed (`MOST_CHANGES`), else every cell of a whole table.

    Runs on any thread: it makes `QStandardItem`s, which are not QObjects, and calls only the
    columns' functions (translations included). The cells go into one model only.
    """
    given = tuple(rows)
    titles = tuple(column.title() for column in layout.columns)
    brushes: dict[str, QBrush] = {}
    if layout.key is not None and base:
        key = layout.key
        old = {key(row): row for row in base}
        new = {key(row): row for row in given}
        removed = frozenset(old.keys() - new.keys())
        changed = [(name, row) for name, row in new.items() if old.get(name, _NONE) != row]
        if len(new) == len(given) and len(removed) + len(changed) <= MOST_CHANGES:
            made = tuple((name, _row_cells(layout, row, brushes)) for name, row in changed)
            return Cells(given, titles, base=base, removed=removed, changed=made)
    whole: tuple[list[QStandardItem], ...] = tuple([] for _ in layout.columns)
    for row in given:
        for column, item in zip(whole, _row_cells(layout, row, brushes), strict=True):
            column.append(item)
    return Cells(given, titles, whole=whole)


def _row_cells(layout: Layout[R], row: R, brushes: dict[str, QBrush]) -> list[QStandardItem]:
    """One row's items: text, sort key, colours; the row and its group on the first."""

    def brush(colour: QColor) -> QBrush:
        return brushes.setdefault(colour.name(QColor.NameFormat.HexArgb), QBrush(colour))

    items = []
    for column in layout.columns:
        text = column.text(row)
        item = _PROTOTYPE.clone()
        item.setText(text)
        item.setData(text if column.sort is None else column.sort(row), SORT_ROLE)
        if column.foreground is not None and (colour := column.foreground(row)) is not None:
            item.setForeground(brush(colour))
        if column.background is not None and (colour := column.background(row)) is not None:
            item.setBackground(brush(colour))
        items.append(item)
    items[0].setData(row, ROW_ROLE)
    if layout.group is not None:
        items[0].setData(layout.group(row), GROUP_ROLE)
    return items


class RowsModel(QIdentityProxyModel, Generic[R]):
    """A table over a tuple of immutable rows (see the module).

    Its cells live in a `QStandardItemModel`, changed row by row or replaced by `install`; the
    model itself only passes them on (in C++: no method a view calls is overridden here).

    Signals:
        installed(): a reading's cells are all in (after the model's own signals).
    """

    installed = Signal()

    def __init__(
        self,
        columns: Sequence[Column[R]],
        rows: Sequence[R] = (),
        parent: QObject | None = None,
        *,
        group: Callable[[R], str] | None = None,
        key: Callable[[R], Hashable] | None = None,
    ) -> None:
        super().__init__(parent)
        self.layout = Layout(tuple(columns), group, key)
        self._rows: tuple[R, ...] = ()
        self.set_rows(rows)

    @property
    def columns(self) -> tuple[Column[R], ...]:
        """The columns, left to right."""
        return self.layout.columns

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row (the cells made here, on the GUI thread: for a few rows)."""
        self.install(prepare(self.layout, rows))

    def preparer(self) -> Callable[[Sequence[R]], Cells[R]]:
        """What makes the cells of a new reading of the rows, on a lane (see `prepare`); it
        holds the layout and the rows shown now, not the model."""
        layout, base = self.layout, self._rows
        return lambda rows: prepare(layout, rows, base)

    def install(self, cells: Cells[R]) -> None:
        """Show cells made by `prepare` with this model's layout: changes in place (the
        selection and the scroll position stay), a whole table with one reset."""
        table = self.sourceModel()
        if cells.whole is None:
            if cells.base is self._rows and isinstance(table, QStandardItemModel):
                self._change(table, cells)
                self.installed.emit()
                return
            cells = prepare(self.layout, cells.rows)  # the rows changed meanwhile: made here
        self._replace(cells)
        self.installed.emit()

    def _replace(self, cells: Cells[R]) -> None:
        table = QStandardItemModel(self)
        for items in cells.whole or ():
            table.appendColumn(items)
        table.setColumnCount(len(cells.titles))  # no rows: the columns and titles all the same
        table.setHorizontalHeaderLabels(list(cells.titles))
        old = self.sourceModel()
        self._rows = cells.rows
        self.setSourceModel(table)
        if old is not None:
            old.deleteLater()

    def _change(self, table: QStandardItemModel, cells: Cells[R]) -> None:
        key = self.layout.key
        assert key is not None  # changes are made only for a layout with a key
        order = list(self._rows)
        gone = sorted((n for n, row in enumerate(order) if key(row) in cells.removed), reverse=True)
        for number in gone:
            table.removeRow(number)
            del order[number]
        position = {key(row): number for number, row in enumerate(order)}
        new = {key(row): row for row in cells.rows}
        for name, items in cells.changed:
            if name not in position:
                table.appendRow(items)
                order.append(new[name])
                continue
            for column, item in enumerate(items):
                table.setItem(position[name], column, item)
            order[position[name]] = new[name]
        self._rows = tuple(order)

    def retranslate(self) -> None:
        """Make the titles and texts again in the language now installed."""
        self.set_rows(self._rows)

    def rows(self) -> tuple[R, ...]:
        """The rows, in the model's order (as given, rows added since at the end)."""
        return self._rows

    def row(self, number: int) -> R:
        """The row at `number` (in the model's order)."""
        return self._rows[number]


def sorting_proxy(model: RowsModel[R], parent: QWidget) -> QSortFilterProxyModel:
    """A proxy that sorts on the cells' keys and filters on every column, case-insensitively."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


RESIZE_PRECISION = 20
"""Rows a column's width is measured on when fitted (Qt's default is 1,000)."""


def row_table(
    model: QSortFilterProxyModel,
    parent: QWidget,
    *,
    stretch: int,
    sort: int = 0,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> QTableView:
    """A read-only table of whole rows over a proxy, sorted by `sort` and by its headers.

    The columns are fitted to their contents once, when the first rows arrive (and again
    after a language change, which also makes the proxy's `RowsModel`'s cells again); then
    they keep their widths, which the clerk may drag (a double click on a column's edge fits
    it again), and `stretch` takes the room left. Fitting measures the text of every cell
    of `RESIZE_PRECISION` rows: Qt's "resize to contents" did so at every new set of rows,
    every sort and every show, 80–120 ms each on a board (bench/soak.py).
    """
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
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    fit = _Fit(table)
    rows = model.sourceModel()
    if isinstance(rows, RowsModel):
        rows.installed.connect(fit.first_rows)
        retranslate_on_language_change(table, fit.retranslate(rows))
    else:
        model.modelReset.connect(fit.first_rows)
    return table


class _Fit(QObject):
    """Fits a table's columns to their contents once there are rows (see `row_table`)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._fitted = False

    def first_rows(self) -> None:
        """Fit the columns, the first time the table has rows."""
        if not self._fitted and self._table.model().rowCount() > 0:
            self._fitted = True
            self._table.resizeColumnsToContents()

    def retranslate(self, rows: RowsModel[R]) -> Callable[[], None]:
        """What a language change does: the cells made again, the columns fitted again."""

        def again() -> None:
            self._fitted = False
            rows.retranslate()
            self.first_rows()

        return again


def selected_row(table: QTableView) -> object | None:
    """The row object under the table's current index (None when there is none)."""
    index = table.currentIndex()
    return None if not index.isValid() else index.siblingAtColumn(0).data(ROW_ROLE)
