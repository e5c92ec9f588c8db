"""Small pictures of scans, made off the GUI thread and kept per SHA-256 (scans never change).

`render_scan` reads an image file scaled while decoding (`QImageReader`) or renders a PDF page
(QtPdf), and returns a `QImage`, which a pool thread may make; the GUI thread turns it into a
pixmap. `Thumbnails` runs the work on a lane and says when a picture is ready.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument

from ui.capture.validate import PDF
from ui.queue.lane import Lane

_log = logging.getLogger(__name__)

THUMBNAIL_EDGE = 160


class RenderError(Exception):
    """A scan file could not be read or drawn (it is missing or damaged)."""


def render_scan(path: Path, media_type: str, *, edge: int, page: int = 0) -> QImage:
    """A picture of a scan that fits in an `edge` × `edge` square (PDF: one page on white).

    Safe on a pool thread (no pixmaps, no widgets).

    Raises:
        RenderError: the file cannot be read or drawn.
    """
    if media_type == PDF:
        return _render_pdf(path, edge=edge, page=page)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a phone photo's orientation tag
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > edge:  # shrink, never enlarge
        reader.setScaledSize(size.scaled(edge, edge, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise RenderError(f"cannot read the image: {reader.errorString()}")
    if max(image.width(), image.height()) > edge:  # formats that ignore the scaled size
        image = image.scaled(
            edge,
            edge,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def _render_pdf(path: Path, *, edge: int, page: int) -> QImage:
    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_ or page >= document.pageCount():
            raise RenderError("cannot open the PDF or its page")
        points = document.pagePointSize(page)
        size = points.scaled(QSizeF(edge, edge), Qt.AspectRatioMode.KeepAspectRatio)
        target = QSize(max(1, round(size.width())), max(1, round(size.height())))
        drawn = document.render(page, target)
        if drawn.isNull():
            raise RenderError("cannot draw the PDF page")
        return _on_white(drawn)
    finally:
        document.close()  # freed when this function returns, on the thread that made it


def _on_white(image: QImage) -> QImage:
    """A page rendered with a transparent background, on paper-white."""
    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet


class Thumbnails(QObject):
    """Thumbnails of scans by SHA-256, made on a lane, cached for the session.

    Signals:
        ready(str): the thumbnail of this SHA-256 can be had from `get`.
        failed(str): this scan's thumbnail cannot be made (file missing or damaged).
    """

    ready = Signal(str)
    failed = Signal(str)

    def __init__(self, *, edge: int = THUMBNAIL_EDGE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edge = edge
        self._lane = Lane(threads=1, parent=self)
        self._pixmaps: dict[str, QPixmap] = {}
        self._asked: set[str] = set()

    def get(self, sha256: str) -> QPixmap | None:
        """The thumbnail, if it was made."""
        return self._pixmaps.get(sha256)

    def request(self, sha256: str, path: Path, media_type: str) -> None:
        """Make a thumbnail unless it exists or is being made; `ready` or `failed` follows."""
        if sha256 in self._pixmaps or sha256 in self._asked:
            return
        self._asked.add(sha256)
        edge = self.edge

        def made(image: QImage) -> None:
            self._pixmaps[sha256] = QPixmap.fromImage(image)
            self.ready.emit(sha256)

        def not_made(error: Exception) -> None:
            _log.warning("no thumbnail for a scan: %s", error)
            self.failed.emit(sha256)

        self._lane.submit(
            lambda: render_scan(path, media_type, edge=edge), done=made, failed=not_made
        )

    def close(self) -> None:
        """Stop making thumbnails (waits for the one in progress)."""
        self._lane.close()
