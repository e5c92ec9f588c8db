"""A scan image at any zoom, painted only where it is visible.

Scaling a whole scanned page to the zoom on the GUI thread grows with the square of the zoom:
an A4 page at 300 dpi (2480 × 3508) scaled to 4× is a 9920 × 14032 image — more than half a
gigabyte, and over half a second during which the window does not answer (measured with
`bench/ui_bench.py`). So the picture keeps the decoded image as it is and paints, at each
paint, only the part the scroll area shows: the cost follows the window, not the zoom.
Shrunk below 100 %, the image is scaled once per zoom step with area averaging (small print
stays legible, no moiré) — never larger than the decoded image.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class ScanPicture(QWidget):
    """The decoded scan, as large as the zoom makes it, painted where exposed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._shrunk = QImage()  # the image scaled down to the zoom, when the zoom is < 1
        self._factor = 1.0
        self.setFixedSize(0, 0)

    @property
    def image(self) -> QImage:
        """The decoded scan (a null image when none is shown)."""
        return self._image

    def show_image(self, image: QImage, factor: float) -> None:
        """Show `image` at `factor` (1.0: one image pixel per screen pixel)."""
        self._image = image
        self.set_factor(factor)

    def clear(self) -> None:
        """Show nothing."""
        self._image = QImage()
        self.set_factor(1.0)

    def set_factor(self, factor: float) -> None:
        """Change the zoom; the widget takes the zoomed image's size."""
        self._factor = factor
        size = self.shown_size()
        self._shrunk = QImage()
        if factor < 1.0 and not size.isEmpty():
            self._shrunk = self._image.scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.setFixedSize(size)
        self.update()

    def shown_size(self) -> QSize:
        """The size of the image at the current zoom (empty when none is shown)."""
        if self._image.isNull():
            return QSize(0, 0)
        width = max(1, round(self._image.width() * self._factor))
        height = max(1, round(self._image.height() * self._factor))
        return QSize(width, height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paint the exposed part only, from the image (or its shrunk copy)."""
        if self._image.isNull():
            return
        target = event.rect().intersected(QRect(0, 0, self.width(), self.height()))
        painter = QPainter(self)
        try:
            if not self._shrunk.isNull():
                painter.drawImage(target, self._shrunk, target)
                return
            scale = 1 / self._factor
            source = QRectF(
                target.x() * scale,
                target.y() * scale,
                target.width() * scale,
                target.height() * scale,
            )
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(target), self._image, source)
        finally:
            painter.end()
