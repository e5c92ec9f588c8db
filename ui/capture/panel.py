"""The capture panel of the workbench: add scans (drop, pick, scanner folder, camera), see them.

It wires the parts together and holds no rule of its own: files go to the controller, which
checks and keeps them; the controller's list of the case's scans feeds the strip; the strip
opens a scan in the viewer. Messages for the clerk leave through `message` (the workbench shows
them through its one error function). The keyboard-wedge scanner is application-wide
(`ui.capture.scanner.ScannerFilter`), not part of this panel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QToolButton, QVBoxLayout, QWidget

from ui.capture.camera import DocumentCamera
from ui.capture.controller import CaptureController, Kept
from ui.capture.dropfolder import DropFolder
from ui.capture.files import FileDropArea
from ui.capture.offers import OfferBar
from ui.capture.strip import ScanListModel, ScanRow, ScanStrip
from ui.capture.thumbnails import Thumbnails
from ui.capture.viewer import ScanViewer


class CapturePanel(QWidget):
    """Drop area, scanner offers, camera button, the strip of the case's scans and the viewer.

    Signals:
        message(str): something the clerk must read (a refused file, a camera failure).
    """

    message = Signal(str)

    def __init__(
        self,
        controller: CaptureController,
        *,
        camera: DocumentCamera | None = None,
        drop_folder: DropFolder | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.thumbnails = Thumbnails(parent=self)
        self.model = ScanListModel(self.thumbnails)
        self.strip = ScanStrip(self.model)
        self.viewer = ScanViewer()
        self.drop_area = FileDropArea()
        self.offers = OfferBar()
        self.camera = camera or DocumentCamera(self)
        self.camera_button = QToolButton()
        self.camera_button.setDefaultAction(self.camera.action)
        self._just_kept: str | None = None
        self._lay_out()
        self._connect(drop_folder)

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.drop_area, 1)
        adding.addWidget(self.camera_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.strip)
        split.addWidget(self.viewer)
        split.setStretchFactor(1, 1)
        split.setSizes([self.strip.minimumHeight(), 3 * self.strip.minimumHeight()])
        layout = QVBoxLayout(self)
        layout.addLayout(adding)
        layout.addWidget(self.offers)
        layout.addWidget(split, 1)

    def _connect(self, drop_folder: DropFolder | None) -> None:
        controller = self.controller
        self.drop_area.filesChosen.connect(controller.add_files)
        self.offers.taken.connect(self._take_offer)
        if drop_folder is not None:
            drop_folder.fileArrived.connect(self.offers.offer)
        self.camera.captured.connect(self._take_picture)
        self.camera.failed.connect(self.message)
        controller.refused.connect(self.message)
        controller.attached.connect(self._kept)
        controller.scansChanged.connect(self._show_scans)
        self.strip.opened.connect(self.viewer.show_scan)

    def close_work(self) -> None:
        """Stop background work (the window closes)."""
        self.thumbnails.close()
        self.viewer.close_lane()
        self.camera.close()

    @Slot(Path)
    def _take_offer(self, path: Path) -> None:
        self.controller.add_files([path])

    @Slot(bytes, str)
    def _take_picture(self, data: bytes, name: str) -> None:
        self.controller.add_bytes(data, name=name)

    @Slot(object)
    def _kept(self, kept: Kept) -> None:
        self._just_kept = kept.sha256  # shown next, so the clerk sees what was kept

    @Slot(object)
    def _show_scans(self, rows: tuple[ScanRow, ...]) -> None:
        self.model.set_rows(rows)
        if not rows:
            self.viewer.clear()
            return
        wanted = self._just_kept or (self.viewer.row.sha256 if self.viewer.row else None)
        self._just_kept = None
        shas = [row.sha256 for row in rows]
        number = shas.index(wanted) if wanted in shas else 0
        if self.viewer.row is not None and rows[number] == self.viewer.row:
            self.strip.select_row(number)  # already shown
        else:
            self.strip.open_row(number)
