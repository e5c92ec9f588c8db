"""The item finder: type a code, part of a name or pinyin initials, pick with the arrow keys.

Keys in the search line: Down/Up (and Page Down/Up) move through the hits without leaving the
line, Enter chooses the highlighted hit, Escape clears the search.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from clerk.catalog.search import ItemIndex, ItemMatch

_Index = QModelIndex | QPersistentModelIndex
_PAGE = 10


class MatchModel(QAbstractTableModel):
    """A read-only table over immutable search hits: name, code, agency."""

    COLUMNS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[ItemMatch, ...] = ()

    def set_hits(self, hits: Sequence[ItemMatch]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._hits = tuple(hits)
        self.endResetModel()

    def hit(self, row: int) -> ItemMatch:
        """The hit on a row."""
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Hits under the root; none under a hit."""
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Name, code, agency."""
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """The cell's text (the tooltip shows the name in full)."""
        if not index.isValid():
            return None
        item = self._hits[index.row()].item
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.name, item.code, item.agency.name)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.name}\n{item.code}\n{item.agency.name}"
        return None

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Service item"), self.tr("Code"), self.tr("Agency"))
        return titles[section] if 0 <= section < len(titles) else None


class ItemFinder(QWidget):
    """A search line over the catalogue's index with its hits below.

    Signals:
        chosen(object): the clerk chose a `ServiceItem` (Enter, or a double click).
    """

    chosen = Signal(object)

    def __init__(self, index: ItemIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self.model = MatchModel(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Item: name, code or pinyin initials (gtgsh)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._find)
        self.search.installEventFilter(self)
        self.hits = QTableView(self)
        self.hits.setModel(self.model)
        self.hits.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.hits.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.hits.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.hits.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the search line
        self.hits.verticalHeader().hide()
        self.hits.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hits.doubleClicked.connect(lambda index: self._choose(index.row()))
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.hits)
        layout.addWidget(self.count)
        self.setFocusProxy(self.search)

    def set_index(self, index: ItemIndex) -> None:
        """Search another catalogue (a new one arrived); the current search runs again."""
        self._index = index
        self._find(self.search.text())

    def current_row(self) -> int:
        """The highlighted hit's row (-1 when there is none)."""
        return self.hits.currentIndex().row()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Arrow keys, Enter and Escape in the search line act on the hits."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(Qt.Key(event.key()))
        return super().eventFilter(watched, event)

    def _key(self, key: Qt.Key) -> bool:
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: _PAGE,
            Qt.Key.Key_PageUp: -_PAGE,
        }
        if key in steps:
            self._move(steps[key])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self.current_row())
            return True
        if key == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        return False

    def _find(self, text: str) -> None:
        self.model.set_hits(self._index.search(text))
        rows = self.model.rowCount()
        self.count.setText(self.tr("{count} item(s) found").format(count=rows) if text else "")
        if rows:
            self.hits.selectRow(0)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            self.hits.selectRow(max(0, min(rows - 1, self.current_row() + step)))

    def _choose(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.chosen.emit(self.model.hit(row).item)
