"""The situation chooser: the item's situations (情形), which change the materials asked for.

An item without situations shows that none is needed and counts as chosen. Keys: Up/Down or
the situation's number (1–9) choose; Enter passes on to the next field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from clerk.catalog.model import ServiceItem


class SituationChooser(QWidget):
    """A list of the chosen item's situations.

    Signals:
        changed(object): the chosen situation code (`str`), or None when none is chosen or
            the item has none.
        confirmed(): Enter was pressed on a chosen situation (move on).
    """

    changed = Signal(object)
    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: ServiceItem | None = None
        self.title = QLabel(self.tr("Situation"), self)
        self.choices = QComboBox(self)
        self.choices.setPlaceholderText(self.tr("Choose the situation"))
        self.choices.currentIndexChanged.connect(lambda _: self.changed.emit(self.situation()))
        self.choices.installEventFilter(self)
        self.none = QLabel(self.tr("This item has no situations to choose."), self)
        self.title.setBuddy(self.choices)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.choices, 1)
        layout.addWidget(self.none, 1)
        self.setFocusProxy(self.choices)
        self.set_item(None)

    def set_item(self, item: ServiceItem | None) -> None:
        """Offer the situations of another item (none chosen yet)."""
        self._item = item
        situations = item.situations if item is not None else ()
        self.choices.blockSignals(True)
        self.choices.clear()
        for number, situation in enumerate(situations, start=1):
            self.choices.addItem(f"{number}  {situation.name}", situation.code)
        self.choices.setCurrentIndex(-1)
        self.choices.blockSignals(False)
        self.choices.setVisible(bool(situations))
        self.none.setVisible(item is not None and not situations)
        self.changed.emit(self.situation())

    def needed(self) -> bool:
        """Whether the clerk must still choose a situation."""
        return self._item is not None and bool(self._item.situations) and self.situation() is None

    def situation(self) -> str | None:
        """The chosen situation code (None if none is chosen, or the item has none)."""
        code = self.choices.currentData()
        return code if isinstance(code, str) else None

    def choose(self, code: str) -> None:
        """Choose a situation by its code (ignored when the item has no such situation)."""
        at = self.choices.findData(code)
        if at >= 0:
            self.choices.setCurrentIndex(at)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Number keys choose; Enter confirms a chosen situation."""
        if watched is self.choices and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(Qt.Key(event.key()))
        return super().eventFilter(watched, event)

    def _key(self, key: Qt.Key) -> bool:
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            number = key - Qt.Key.Key_1
            if number < self.choices.count():
                self.choices.setCurrentIndex(number)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.situation() is not None:
            self.confirmed.emit()
            return True
        return False
