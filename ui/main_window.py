"""The counter's main window (for now: the catalogue, until the workbench arrives)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from clerk.services import ItemSummary
from ui.catalogue_view import CatalogueView
from ui.i18n import retranslate_on_language_change
from ui.sync_status import SyncStatus


class MainWindow(QMainWindow):
    """Title, the catalogue, the queue panel (when the counter has a queue) and a status bar."""

    def __init__(
        self,
        items: Sequence[ItemSummary],
        *,
        counter_label: str,
        queue_panel: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._item_count = len(items)
        self.catalogue = CatalogueView(items, self)
        self.setCentralWidget(self.catalogue)
        self.counter = QLabel(counter_label, self)
        self.sync_status = SyncStatus(self)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.counter)
        self.queue_dock: QDockWidget | None = None
        if queue_panel is not None:
            self.queue_dock = dock = QDockWidget(self)
            dock.setObjectName("queueDock")
            dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
            dock.setWidget(queue_panel)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.queue_panel = queue_panel
        self.resize(1100, 700)
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every translated text (again, after a language change)."""
        self.setWindowTitle(self.tr("Window Clerk — service catalogue"))
        self.statusBar().showMessage(self.tr("%n service item(s)", "", self._item_count))
        if self.queue_dock is not None:
            self.queue_dock.setWindowTitle(self.tr("Queue"))
