"""The printer a role's settings name (a system printer, or a folder of PDFs), and a test page.

`configured_printer` is what the spooler and the ticket printer print on; `chosen_printer` is
the same for values not saved yet (the settings dialog's test page). The test page is drawn
with Qt (`QPdfWriter`) in the bundled CJK font, so it shows whether Chinese prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtPrintSupport import QPrinterInfo

from printing.qt_backend import PROFILES, PrinterProfile, QtPrinter
from printing.spooler import FolderPrinter, Printer
from ui.queue.look import hall_font_family
from ui.settings import (
    DOCUMENT_PRINTER,
    DOCUMENT_PROFILE,
    PDF_FOLDER,
    RECEIPT_PRINTER,
    RECEIPT_PROFILE,
    CounterSettings,
    Setting,
)

DEFAULT_PDF_FOLDER = "printed"
"""The folder, inside the data folder, that takes PDFs when no folder is set."""
CJK_SAMPLE = "中文测试：窗口办件 一次性告知书 受理回执 0123456789"
"""A fixed line in Chinese on every test page: it shows whether the printer prints Chinese."""
_ROLL_LENGTH_MM = 120.0  # a test page on a roll is cut at this length


class Role(StrEnum):
    """What a printer takes: A4 documents, or 80 mm receipts and tickets."""

    DOCUMENTS = "documents"
    RECEIPTS = "receipts"


ROLE_SETTINGS: dict[Role, tuple[Setting[str], Setting[str]]] = {
    Role.DOCUMENTS: (DOCUMENT_PRINTER, DOCUMENT_PROFILE),
    Role.RECEIPTS: (RECEIPT_PRINTER, RECEIPT_PROFILE),
}
"""The printer's name and its profile, for each role."""


def available_printers() -> list[str]:
    """The names of the printers Qt sees (CUPS queues, Windows printers).

    Blocks while the print system answers: call it off the GUI thread (`printer_names`).
    """
    return list(QPrinterInfo.availablePrinterNames())


def pdf_folder(value: str, data_folder: Path) -> Path:
    """The folder PDFs go to: the one set, or "printed" in the data folder."""
    return Path(value) if value else data_folder / DEFAULT_PDF_FOLDER


def profile_named(name: str) -> PrinterProfile:
    """The profile of that name (the first profile for an unknown name)."""
    return next((profile for profile in PROFILES if profile.name == name), PROFILES[0])


def chosen_printer(*, name: str, profile: PrinterProfile, folder: Path) -> Printer:
    """A system printer when one is named, else a folder of PDFs."""
    return QtPrinter(profile, name) if name else FolderPrinter(folder)


def configured_printer(settings: CounterSettings, role: Role, *, data_folder: Path) -> Printer:
    """The printer the settings choose for a role (PDFs in a folder when none is chosen)."""
    name, profile = ROLE_SETTINGS[role]
    folder = pdf_folder(settings.get(PDF_FOLDER), data_folder)
    return chosen_printer(name=settings.get(name), profile=settings.profile(profile), folder=folder)


@dataclass(frozen=True, slots=True)
class PrinterCheck:
    """What a test page says: where it printed and on what paper, and when."""

    printer: str
    paper: str
    when: datetime

    def title(self, role: Role) -> str:
        """The job's (and a PDF file's) name."""
        return f"test-page-{role.value}-{self.when:%Y%m%d-%H%M%S}"


def check_page_pdf(page: PrinterCheck, profile: PrinterProfile) -> bytes:
    """A one-page PDF on the profile's paper: a frame, grey steps, the facts, Chinese text.

    Call on the GUI thread (the font is registered there).
    """
    height = profile.height_mm or _ROLL_LENGTH_MM
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(profile.dpi)
    writer.setTitle(QCoreApplication.translate("TestPage", "Printer test page"))
    size = QPageSize(QSizeF(profile.width_mm, height), QPageSize.Unit.Millimeter)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF()))
    painter = QPainter(writer)
    try:
        _draw(painter, page, width_mm=profile.width_mm, height_mm=height, dpi=profile.dpi)
    finally:
        painter.end()
    buffer.close()
    return bytes(QByteArray(buffer.data()).data())


def _draw(
    painter: QPainter, page: PrinterCheck, *, width_mm: float, height_mm: float, dpi: int
) -> None:
    dot = dpi / 25.4  # device pixels per millimetre
    margin = 4 * dot
    painter.setPen(QPen(QColor("black"), max(1.0, 0.3 * dot)))
    painter.drawRect(
        QRectF(margin, margin, width_mm * dot - 2 * margin, height_mm * dot - 2 * margin)
    )
    small = width_mm < 100
    lines = [
        (QCoreApplication.translate("TestPage", "Printer test page"), 14 if small else 22),
        (QCoreApplication.translate("TestPage", "Window Clerk"), 9 if small else 12),
        (
            QCoreApplication.translate("TestPage", "Printer: {name}").format(name=page.printer),
            8 if small else 11,
        ),
        (
            QCoreApplication.translate("TestPage", "Paper: {paper}").format(paper=page.paper),
            8 if small else 11,
        ),
        (
            QCoreApplication.translate("TestPage", "Printed at {time}").format(
                time=f"{page.when:%Y-%m-%d %H:%M:%S}"
            ),
            8 if small else 11,
        ),
        (CJK_SAMPLE, 8 if small else 11),
    ]
    top = 2 * margin
    box_width = width_mm * dot - 4 * margin
    for text, points in lines:
        font = QFont(hall_font_family())
        font.setPointSizeF(points)
        painter.setFont(font)
        box = painter.boundingRect(
            QRectF(2 * margin, top, box_width, height_mm * dot), Qt.TextFlag.TextWordWrap, text
        )
        painter.drawText(box, Qt.TextFlag.TextWordWrap, text)
        top = box.bottom() + 2 * dot
    _grey_steps(painter, left=2 * margin, top=top + 2 * dot, width=box_width, dot=dot)


def _grey_steps(painter: QPainter, *, left: float, top: float, width: float, dot: float) -> None:
    """Five squares from white to black: a printer that drops grey shows it here."""
    step = width / 5
    for index in range(5):
        level = 255 - index * 255 // 4
        painter.fillRect(
            QRectF(left + index * step, top, step, 8 * dot), QColor(level, level, level)
        )
    painter.setPen(QPen(QColor("black"), max(1.0, 0.2 * dot)))
    painter.drawRect(QRectF(left, top, width, 8 * dot))
