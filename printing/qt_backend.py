"""The Qt print back-end: a PDF to a system printer (QtPrintSupport), and a print preview.

The only module of `printing` that imports Qt. QtPdf renders every page of the PDF at the
printer profile's resolution (an A4 laser at 300 dpi, an 80 mm thermal head at 203 dpi, whose
bars then fall on whole dots), and the image goes to the QPrinter: every printer prints the same
pixels, whatever fonts or PDF support it has. Behind the image each page carries its text,
invisible, where the PDF had it, so a job that ends up as a file (a PDF printer, an archive)
can still be searched and read by a screen reader.

Printing blocks: call `send` from the printing lane, never from the GUI thread. The functions
take plain values (`send(pdf, profile, printer)`), so a print queue can call them for a stored
job. A QApplication must exist.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QTransform,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from printing.errors import PrinterError
from printing.fonts import FONT_FILE

logger = logging.getLogger(__name__)

_POINTS_PER_INCH = 72.0
_MM_PER_POINT = 25.4 / 72.0


class Colour(StrEnum):
    """How a profile's printer puts ink on paper."""

    COLOUR = "colour"
    GREY = "grey"  # a monochrome laser: grey levels by halftoning
    MONO = "mono"  # a thermal head: every dot black or white


@dataclass(frozen=True, slots=True)
class PrinterProfile:
    """A kind of printer the counter prints on (chosen in settings).

    Attributes:
        name: a stable key for settings (the UI shows a translated label for it).
        width_mm: the paper's width.
        height_mm: the paper's height; None for a roll (each page as long as the document).
        dpi: the resolution pages are rendered at.
        colour: colour, grey levels, or pure black and white.
    """

    name: str
    width_mm: float
    height_mm: float | None
    dpi: int
    colour: Colour = Colour.GREY

    def page_size_mm(self, page_points: QSizeF) -> QSizeF:
        """The paper for one page of the PDF: the profile's sheet, or a roll cut to length."""
        if self.height_mm is not None:
            return QSizeF(self.width_mm, self.height_mm)
        scale = self.width_mm / (page_points.width() * _MM_PER_POINT)
        return QSizeF(self.width_mm, page_points.height() * _MM_PER_POINT * scale)


A4_LASER = PrinterProfile("a4_laser", 210.0, 297.0, dpi=300, colour=Colour.GREY)
THERMAL_80MM = PrinterProfile("thermal_80mm", 80.0, None, dpi=203, colour=Colour.MONO)
PROFILES = (A4_LASER, THERMAL_80MM)


def make_printer(profile: PrinterProfile, *, printer_name: str | None = None) -> QPrinter:
    """A QPrinter set up for a profile: full page, its resolution and colour mode.

    Args:
        profile: the kind of printer.
        printer_name: a system printer (CUPS queue or Windows printer); None for the default.

    Raises:
        PrinterError: no printer of that name is installed.
    """
    if printer_name is not None and QPrinterInfo.printerInfo(printer_name).isNull():
        raise PrinterError(f"no printer named {printer_name!r} is installed")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name is not None:
        printer.setPrinterName(printer_name)
    configure(printer, profile)
    return printer


def configure(printer: QPrinter, profile: PrinterProfile) -> None:
    """Set a printer up for a profile: full page, resolution, colour mode, the paper."""
    printer.setFullPage(True)
    printer.setResolution(profile.dpi)
    grey = profile.colour is not Colour.COLOUR
    printer.setColorMode(QPrinter.ColorMode.GrayScale if grey else QPrinter.ColorMode.Color)
    if profile.height_mm is not None:
        _set_paper(printer, QSizeF(profile.width_mm, profile.height_mm))


def send(
    pdf: bytes, profile: PrinterProfile, printer: str, *, title: str = "", copies: int = 1
) -> int:
    """Print a PDF on a system printer; returns when the job was handed to the spooler.

    Args:
        pdf: the document (from `printing.build`).
        profile: the kind of printer.
        printer: the system printer's name.
        title: the job's name in the printer queue (the document number, say).
        copies: how many copies.

    Returns:
        The number of pages sent.

    Raises:
        PrinterError: the printer is unknown or refused the job, or the PDF cannot be read.
    """
    qprinter = make_printer(profile, printer_name=printer)
    qprinter.setDocName(title or "Window Clerk")
    qprinter.setCopyCount(copies)
    pages = print_pdf(pdf, qprinter, profile)
    logger.info("sent %d page(s) of %r to %s", pages, title, printer)
    return pages


@dataclass(frozen=True, slots=True)
class QtPrinter:
    """A system printer with its profile, as the spooler's `Printer`."""

    profile: PrinterProfile
    name: str

    def send(self, pdf: bytes, *, title: str) -> None:
        """Print the PDF on this printer.

        Raises:
            PrinterError: the printer is unknown or refused the job.
        """
        send(pdf, self.profile, self.name, title=title)


def print_pdf(pdf: bytes, printer: QPrinter, profile: PrinterProfile) -> int:
    """Render every page of a PDF onto a QPrinter (a system printer, a preview, a PDF file).

    Returns:
        The number of pages printed.

    Raises:
        PrinterError: the PDF cannot be read, or the printer cannot start the job.
    """
    with _opened(pdf) as document:
        _paint(document, printer, profile)
        return document.pageCount()


def preview(
    pdf: bytes, profile: PrinterProfile, *, parent: QWidget | None = None
) -> QPrintPreviewDialog:
    """A print preview of a PDF as the profile's printer will print it (the caller shows it).

    The dialog keeps Qt's own (translated) title; the UI may give it another through tr().

    Raises:
        PrinterError: the PDF cannot be read.
    """
    document = _load(pdf)
    # The dialog's own printer: a QPrinter handed in from here would not outlive this call.
    dialog = QPrintPreviewDialog(parent)
    configure(dialog.printer(), profile)

    def paint(printer: QPrinter) -> None:
        _paint(document, printer, profile)

    dialog.paintRequested.connect(paint)
    document.setParent(dialog)  # the document (and its bytes) live as long as the dialog
    return dialog


@contextmanager
def _opened(pdf: bytes) -> Iterator[QPdfDocument]:
    document = _load(pdf)
    try:
        yield document
    finally:
        document.close()


def _load(pdf: bytes) -> QPdfDocument:
    """The PDF opened by QtPdf; its bytes live in a buffer the document owns (Qt deletes both)."""
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() is not QPdfDocument.Status.Ready or document.pageCount() < 1:
        document.close()
        raise PrinterError(f"cannot read the PDF to print ({document.error().name})")
    return document


def _paint(document: QPdfDocument, printer: QPrinter, profile: PrinterProfile) -> None:
    """Paint every page; a roll's paper is cut to each page's length before it is painted."""
    _set_paper(printer, profile.page_size_mm(document.pagePointSize(0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(f"the printer {printer.printerName()!r} cannot start the job")
    try:
        for page in range(document.pageCount()):
            if page:
                _set_paper(printer, profile.page_size_mm(document.pagePointSize(page)))
                if not printer.newPage():
                    raise PrinterError("the printer refused a new page")
            _paint_page(document, page, painter=painter, printer=printer, profile=profile)
    finally:
        painter.end()


def _paint_page(
    document: QPdfDocument,
    page: int,
    *,
    painter: QPainter,
    printer: QPrinter,
    profile: PrinterProfile,
) -> None:
    points = document.pagePointSize(page)
    area = printer.pageRect(QPrinter.Unit.DevicePixel)
    target = _fit(points, area, natural=printer.resolution() / _POINTS_PER_INCH)
    _text_layer(document, page, painter, scale=target.width() / points.width(), origin=target)
    image = _raster(document, page, points=points, profile=profile)
    painter.drawImage(target, image)


@dataclass(slots=True)
class _Run:
    """Characters of one line, left to right, with their box in points."""

    text: str
    left: float
    right: float
    bottom: float
    height: float

    def takes(self, char: str, box: QRectF) -> bool:
        """Whether the character continues this run (same line, just right of it)."""
        same_line = abs(box.bottom() - self.bottom) <= max(self.height, box.height()) * 0.5
        return same_line and self.right - 1 <= box.left() <= self.right + 2 * self.height

    def add(self, char: str, box: QRectF) -> None:
        """Append a character; a wide gap before it reads as a space."""
        gap = box.left() - self.right
        self.text += (" " if gap > self.height * 0.8 else "") + char
        self.right = max(self.right, box.right())
        self.bottom = max(self.bottom, box.bottom())
        self.height = max(self.height, box.height())


def _runs(document: QPdfDocument, page: int) -> list[_Run]:
    """The page's text as runs of characters on one line, in the PDF's order."""
    runs: list[_Run] = []
    count = len(document.getAllText(page).text())
    for index in range(count):
        selection = document.getSelectionAtIndex(page, index, 1)
        char, box = selection.text(), selection.boundingRectangle()
        if not char.strip():
            continue  # spaces come back from the gaps between characters
        if runs and runs[-1].takes(char, box):
            runs[-1].add(char, box)
        else:
            runs.append(_Run(char, box.left(), box.right(), box.bottom(), box.height()))
    return runs


def _text_layer(
    document: QPdfDocument, page: int, painter: QPainter, *, scale: float, origin: QRectF
) -> None:
    """The page's text in white, under the page image: invisible on paper, there in a file.

    Each run is drawn once, stretched to the width it has on the page. Few painter calls per
    run: PySide6 6.12 on CPython 3.11 drops a reference to None on every call of a void method
    (see docs/architecture.md), so this loop keeps to two.
    """
    painter.save()
    painter.setPen(Qt.GlobalColor.white)
    fonts: dict[int, tuple[QFont, QFontMetricsF]] = {}
    current = -1
    for run in _runs(document, page):
        pixels = max(1, round(run.height * scale / 0.8))
        if pixels not in fonts:
            font = QFont(_font_family())
            font.setPixelSize(pixels)
            fonts[pixels] = (font, QFontMetricsF(font))
        font, metrics = fonts[pixels]
        if pixels != current:
            painter.setFont(font)
            current = pixels
        advance = metrics.horizontalAdvance(run.text)
        stretch = (run.right - run.left) * scale / advance if advance > 0 else 1.0
        x, y = origin.left() + run.left * scale, origin.top() + run.bottom * scale
        painter.setTransform(QTransform(stretch, 0, 0, 1, x, y))
        painter.drawText(QPointF(0, 0), run.text)
    painter.restore()


@cache
def _font_family() -> str:
    """The bundled document font, registered with Qt once (the text layer uses it)."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else QFont().family()


def _raster(
    document: QPdfDocument, page: int, *, points: QSizeF, profile: PrinterProfile
) -> QImage:
    """The page at the profile's resolution, in the printer's colour model."""
    scale = profile.dpi / _POINTS_PER_INCH
    size = QSize(round(points.width() * scale), round(points.height() * scale))
    image = _on_white(document.render(page, size))
    if profile.colour is Colour.MONO:
        flags = Qt.ImageConversionFlag.MonoOnly | Qt.ImageConversionFlag.ThresholdDither
        return image.convertToFormat(QImage.Format.Format_Mono, flags)
    if profile.colour is Colour.GREY:
        return image.convertToFormat(QImage.Format.Format_Grayscale8)
    return image.convertToFormat(QImage.Format.Format_RGB32)


def _on_white(page: QImage) -> QImage:
    """The rendered page on white paper (QtPdf leaves the background transparent)."""
    paper = QImage(page.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, page)
    painter.end()
    return paper


def _fit(points: QSizeF, area: QRectF, *, natural: float) -> QRectF:
    """Where the page goes on the paper: at its own size, or shrunk to fit; centred across.

    Args:
        points: the page's size in points.
        area: the paper in device pixels.
        natural: device pixels per point (the page at its own size).
    """
    scale = min(natural, area.width() / points.width(), area.height() / points.height())
    width, height = points.width() * scale, points.height() * scale
    return QRectF(area.left() + (area.width() - width) / 2, area.top(), width, height)


def _set_paper(printer: QPrinter, size_mm: QSizeF) -> None:
    page_size = QPageSize(
        size_mm, QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    layout = QPageLayout(page_size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    printer.setPageLayout(layout)
