"""Item models of the queue screens: the board's recent calls and the waiting counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from ui.queue.look import GOLD
from ui.queue.port import CallNotice, WaitingCount

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)


def window_text(window: str) -> str:
    """A window as the hall names it ("5 号窗口")."""
    return QCoreApplication.translate("Queue", "Window {window}").format(window=window)


class RecentCallsModel(QAbstractTableModel):
    """The last calls, newest first: number and window; the newest row is highlighted."""

    COLUMNS = 2

    def __init__(self, *, keep: int = 8) -> None:
        super().__init__()
        self.keep = keep
        self._calls: tuple[CallNotice, ...] = ()

    def add(self, calls: Sequence[CallNotice]) -> None:
        """Put new calls (oldest first, as a feed gives them) on top; keep the last `keep`."""
        if not calls:
            return
        self.beginResetModel()
        self._calls = (*reversed(calls), *self._calls)[: self.keep]
        self.endResetModel()

    def calls(self) -> tuple[CallNotice, ...]:
        """The rows, newest first."""
        return self._calls

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        """Rows under the root; none under an item."""
        return 0 if parent.isValid() else len(self._calls)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        """Number and window."""
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """The cell's text, centred; the newest row in gold and bold."""
        if not index.isValid():
            return None
        call = self._calls[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return call.number if index.column() == 0 else window_text(call.window)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED
        newest = index.row() == 0
        if role == Qt.ItemDataRole.ForegroundRole and newest:
            return QColor(GOLD)
        if role == Qt.ItemDataRole.FontRole and newest:
            font = QFont()
            font.setBold(True)
            return font
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
        titles = (
            QCoreApplication.translate("Queue", "Number"),
            QCoreApplication.translate("Queue", "Please go to"),
        )
        return titles[section] if 0 <= section < len(titles) else None


class WaitingModel(QAbstractTableModel):
    """How many wait per service: service name and count."""

    COLUMNS = 2

    def __init__(self) -> None:
        super().__init__()
        self._counts: tuple[WaitingCount, ...] = ()

    def set_counts(self, counts: Sequence[WaitingCount]) -> None:
        """Replace every row (a count that did not change keeps its row)."""
        fresh = tuple(counts)
        if [c.service for c in fresh] != [c.service for c in self._counts]:
            self.beginResetModel()
            self._counts = fresh
            self.endResetModel()
            return
        self._counts = fresh
        if fresh:
            self.dataChanged.emit(self.index(0, 1), self.index(len(fresh) - 1, 1))

    def counts(self) -> tuple[WaitingCount, ...]:
        """The rows."""
        return self._counts

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        """Rows under the root; none under an item."""
        return 0 if parent.isValid() else len(self._counts)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        """Service and count."""
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """The service's name, or how many wait (a number, so it sorts as one)."""
        if not index.isValid():
            return None
        count = self._counts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return count.name if index.column() == 0 else count.waiting
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        titles = (
            QCoreApplication.translate("Queue", "Service"),
            QCoreApplication.translate("Queue", "Waiting"),
        )
        return titles[section] if 0 <= section < len(titles) else None
