"""The catalogue list: every service item of the current catalogue, filterable by name or code."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from clerk.services import ItemSummary
from ui.i18n import retranslate_on_language_change

_Index = QModelIndex | QPersistentModelIndex


def _four_class_label(code: str) -> str:
    labels = {
        "on_the_spot": QCoreApplication.translate("Catalogue", "On the spot"),
        "same_day": QCoreApplication.translate("Catalogue", "Same day"),
        "time_limited": QCoreApplication.translate("Catalogue", "Time-limited"),
        "agent": QCoreApplication.translate("Catalogue", "Agent service"),
    }
    return labels.get(code, code)


class CatalogueModel(QAbstractTableModel):
    """A read-only table over immutable `ItemSummary` rows."""

    COLUMNS = 4

    def __init__(self, items: Sequence[ItemSummary] = ()) -> None:
        super().__init__()
        self._items: tuple[ItemSummary, ...] = tuple(items)

    def set_items(self, items: Sequence[ItemSummary]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._items = tuple(items)
        self.endResetModel()

    def retranslate(self) -> None:
        """Tell the views that the titles and the 四办 labels changed language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._items:
            last = len(self._items) - 1
            self.dataChanged.emit(self.index(0, 3), self.index(last, 3))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Rows under the root; none under an item."""
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Code, name, agency, 四办 class."""
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """The cell's text."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self._items[index.row()]
        values = (item.code, item.name, item.agency, _four_class_label(item.four_class))
        return values[index.column()]

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
            QCoreApplication.translate("Catalogue", "Code"),
            QCoreApplication.translate("Catalogue", "Service item"),
            QCoreApplication.translate("Catalogue", "Agency"),
            QCoreApplication.translate("Catalogue", "Handling class"),
        )
        return titles[section] if 0 <= section < len(titles) else None


class CatalogueView(QWidget):
    """A filter box over the catalogue table."""

    def __init__(self, items: Sequence[ItemSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CatalogueModel(items)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the translated texts (again, after a language change)."""
        self.filter.setPlaceholderText(self.tr("Find an item by name or code"))
        self.model.retranslate()
