"""One scan, large: an image fitted to the window or zoomed, or a PDF's pages (QtPdf's view).

Images are decoded off the GUI thread (at most `VIEW_EDGE` pixels on the long side, which is
more than any screen shows at 100 %) and then painted at the zoom where they are visible
(`ui.capture.picture.ScanPicture`: never a whole page scaled up); PDFs are opened by
`QPdfDocument` on the GUI thread (PDFium reads the cross-reference table, not the pages, so
this is quick for a scanned document already checked by `ui.capture.validate`) and drawn page
by page, as they scroll into view, by `QPdfView`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QImage, QKeySequence, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.capture.picture import ScanPicture
from ui.capture.strip import ScanRow
from ui.capture.thumbnails import render_scan
from ui.queue.lane import Lane

_log = logging.getLogger(__name__)

VIEW_EDGE = 3000
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
_EMPTY, _IMAGE, _PDF = 0, 1, 2


class ScanViewer(QWidget):
    """Shows the scan chosen in the strip.

    Signals:
        shown(object): the scan (`ScanRow`) is on screen.
        failed(object): the scan (`ScanRow`) cannot be shown (its file is missing or damaged).
    """

    shown = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: ScanRow | None = None
        self.zoom: float | None = None  # None: fit to the window
        self._lane = Lane(threads=1, parent=self)
        self.document = QPdfDocument(self)
        self.title = QLabel()
        self.message = QLabel(self.tr("Choose a scan to look at it"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture = ScanPicture()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.picture)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.stack = QStackedWidget()
        for page in (self.message, self.scroll_area, self.pdf_view):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.stack, 1)

    def _toolbar(self) -> QHBoxLayout:
        self.zoom_out_button = self._button(self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = self._button(self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn)
        self.fit_button = self._button(self.tr("Fit"), None)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button.clicked.connect(self.fit)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(button)
        return bar

    def _button(self, text: str, keys: QKeySequence.StandardKey | None) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        if keys is not None:
            button.setShortcut(QKeySequence(keys))
        button.setEnabled(False)
        return button

    def show_scan(self, row: ScanRow) -> None:
        """Show a scan (fitted to the window)."""
        self.row, self.zoom = row, None
        self.title.setText(row.material_name)
        if row.at_registry:
            self.message.setText(
                self.tr(
                    "This scan is kept at the registry: this counter let go of its copy after "
                    "the retention period."
                )
            )
            self.stack.setCurrentIndex(_EMPTY)
            self._enable(False)
            return
        if row.is_pdf:
            self._show_pdf(row)
            return
        self.message.setText(self.tr("Opening the scan…"))
        self.stack.setCurrentIndex(_EMPTY)
        path, media_type = row.path, row.media_type
        self._lane.submit(
            lambda: render_scan(path, media_type, edge=VIEW_EDGE),
            done=lambda image: self._image_ready(row, image),
            failed=lambda error: self._not_shown(row, error),
        )

    def clear(self) -> None:
        """Show nothing (no case, or a case without scans)."""
        self.row = None
        self.document.close()
        self.picture.clear()
        self.title.clear()
        self.message.setText(self.tr("Choose a scan to look at it"))
        self.stack.setCurrentIndex(_EMPTY)
        self._enable(False)

    def close_lane(self) -> None:
        """Stop loading (the window closes)."""
        self._lane.close()

    @property
    def page_count(self) -> int:
        """Pages of the PDF shown (0 for an image or nothing)."""
        return self.document.pageCount() if self.stack.currentIndex() == _PDF else 0

    @Slot()
    def zoom_in(self) -> None:
        """Enlarge by one step."""
        self._set_zoom(self._current_zoom() * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        """Shrink by one step."""
        self._set_zoom(self._current_zoom() / ZOOM_STEP)

    @Slot()
    def fit(self) -> None:
        """Fit the whole page into the window."""
        self.zoom = None
        if self.stack.currentIndex() == _PDF:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self._paint()

    def _show_pdf(self, row: ScanRow) -> None:
        self.document.close()
        if self.document.load(str(row.path)) != QPdfDocument.Error.None_:
            self._not_shown(row, OSError("cannot open the PDF"))
            return
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.stack.setCurrentIndex(_PDF)
        self._enable(True)
        self.shown.emit(row)

    def _image_ready(self, row: ScanRow, image: QImage) -> None:
        if row != self.row:
            return  # another scan was chosen meanwhile
        self.stack.setCurrentIndex(_IMAGE)
        self._enable(True)
        self.picture.show_image(image, self._fit_factor(image))
        self.shown.emit(row)

    def _not_shown(self, row: ScanRow, error: Exception) -> None:
        if row != self.row:
            return
        _log.warning("a scan cannot be shown: %s", error)
        self.message.setText(self.tr("This scan cannot be shown: its file is missing or damaged."))
        self.stack.setCurrentIndex(_EMPTY)
        self._enable(False)
        self.failed.emit(row)

    def _current_zoom(self) -> float:
        if self.stack.currentIndex() == _PDF:
            return self.pdf_view.zoomFactor()
        if self.zoom is not None:
            return self.zoom
        return self._fit_factor(self.picture.image)

    def _fit_factor(self, image: QImage) -> float:
        if image.isNull():
            return 1.0
        area = self.scroll_area.viewport().size()
        return min(area.width() / image.width(), area.height() / image.height())

    def _set_zoom(self, factor: float) -> None:
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        if self.stack.currentIndex() == _PDF:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(factor)
            return
        self.zoom = factor
        self._paint()

    def _paint(self) -> None:
        image = self.picture.image
        if not image.isNull():
            self.picture.set_factor(self.zoom if self.zoom is not None else self._fit_factor(image))

    def _enable(self, enabled: bool) -> None:
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            button.setEnabled(enabled)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Keep a fitted image fitted."""
        super().resizeEvent(event)
        if self.zoom is None and self.stack.currentIndex() == _IMAGE:
            self._paint()
