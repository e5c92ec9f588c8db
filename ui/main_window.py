"""The counter's main window (for now: the catalogue, until the workbench arrives)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from clerk.services import ItemSummary
from ui.catalogue_view import CatalogueView
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
        self.setWindowTitle(self.tr("Window Clerk — service catalogue"))
        self.catalogue = CatalogueView(items, self)
        self.setCentralWidget(self.catalogue)
        self.counter = QLabel(counter_label, self)
        self.sync_status = SyncStatus(self)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.counter)
        self.statusBar().showMessage(self.tr("%n service item(s)", "", len(items)))
        if queue_panel is not None:
            dock = QDockWidget(self.tr("Queue"), self)
            dock.setObjectName("queueDock")
            dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
            dock.setWidget(queue_panel)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.queue_panel = queue_panel
        self.resize(1100, 700)
