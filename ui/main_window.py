"""The counter's main window (for now: the catalogue, until the workbench arrives)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from clerk.services import ItemSummary
from ui.catalogue_view import CatalogueView
from ui.sync_status import SyncStatus


class MainWindow(QMainWindow):
    """Title, the catalogue and a status bar naming this counter."""

    def __init__(
        self,
        items: Sequence[ItemSummary],
        *,
        counter_label: str,
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
        self.resize(1100, 700)
