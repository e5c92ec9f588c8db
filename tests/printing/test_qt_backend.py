"""The Qt back-end prints every page, at the profile's paper and resolution, readable by scanners.

QPrinter writes PDF files here (Qt's own PDF output), so what it painted can be checked with the
same tools as the documents themselves; the real spooler path is in test_cups.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from printing import DocumentKind, Paper, PrinterError, build
from printing.data import MaterialLine
from printing.qt_backend import (
    A4_LASER,
    THERMAL_80MM,
    PrinterProfile,
    make_printer,
    preview,
    print_pdf,
    send,
)
from tests.printing import pdftools, samples

MM = 72 / 25.4


def _to_file(pdf: bytes, profile: PrinterProfile, path: Path) -> bytes:
    """Print through a QPrinter that writes a PDF file, and return the file."""
    printer = make_printer(profile)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    print_pdf(pdf, printer, profile)
    return path.read_bytes()


def test_an_a4_form_prints_as_scannable_a4_pages(qapp: QApplication, tmp_path: Path) -> None:
    many = tuple(MaterialLine(f"材料{n}", "原件", 1) for n in range(25))
    source = build(DocumentKind.ACCEPTANCE_RECEIPT, samples.receipt(materials=many))
    printed = _to_file(source, A4_LASER, tmp_path / "a4.pdf")
    last = pdftools.page_count(printed)
    assert last == pdftools.page_count(source) >= 2
    pages, _ = pdftools.words(printed)
    assert all((round(p.width), round(p.height)) == (595, 842) for p in pages)
    first = pdftools.barcodes(pdftools.render(printed, dpi=200, gray=True))
    assert first == [("CODE-128", samples.NUMBER)]
    closing = pdftools.barcodes(pdftools.render(printed, dpi=200, page=last, gray=True))
    assert sorted(closing) == [("CODE-128", samples.NUMBER), ("QR-Code", samples.LOOKUP)]


def test_the_printed_job_keeps_the_text_behind_the_image(
    qapp: QApplication, tmp_path: Path
) -> None:
    source = build(DocumentKind.CORRECTION_NOTICE, samples.notice())
    read = pdftools.flat(pdftools.text(_to_file(source, A4_LASER, tmp_path / "notice.pdf")))
    for fact in (
        "申请材料补正一次性告知书",
        "张三丰",
        samples.ID_MASKED,
        "从业人员健康证明",
        "视为撤回申请",
    ):
        assert pdftools.flat(fact) in read


def test_a_receipt_prints_on_an_80_mm_roll_cut_to_length(
    qapp: QApplication, tmp_path: Path
) -> None:
    source = build(DocumentKind.ACCEPTANCE_RECEIPT, samples.receipt(), paper=Paper.RECEIPT_80MM)
    printed = _to_file(source, THERMAL_80MM, tmp_path / "roll.pdf")
    (page,), _ = pdftools.words(printed)
    (original,), _ = pdftools.words(source)
    assert page.width == pytest.approx(80 * MM, abs=1)
    assert page.height == pytest.approx(original.height, abs=2)
    found = pdftools.barcodes(pdftools.render(printed, dpi=203, gray=True))
    assert sorted(found) == [("CODE-128", samples.NUMBER), ("QR-Code", samples.LOOKUP)]


def test_a_roll_profile_cuts_each_page_to_its_length() -> None:
    size = THERMAL_80MM.page_size_mm(QSizeF(80 * MM, 300 * MM))
    assert (round(size.width()), round(size.height())) == (80, 300)
    assert A4_LASER.page_size_mm(QSizeF(80 * MM, 300 * MM)).height() == 297


def test_the_preview_shows_every_page(qapp: QApplication, qtbot: QtBot) -> None:
    many = tuple(MaterialLine(f"材料{n}", "原件", 1) for n in range(25))
    source = build(DocumentKind.ACCEPTANCE_RECEIPT, samples.receipt(materials=many))
    dialog = preview(source, A4_LASER)
    qtbot.addWidget(dialog)
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    with qtbot.waitSignal(dialog.paintRequested):
        dialog.show()
    qtbot.waitUntil(lambda: widget.pageCount() == pdftools.page_count(source))
    dialog.reject()


def test_an_unknown_printer_is_refused(qapp: QApplication) -> None:
    with pytest.raises(PrinterError, match="no printer named"):
        send(build(DocumentKind.QUEUE_TICKET, samples.ticket()), THERMAL_80MM, "NoSuchPrinter-42")


def test_a_broken_pdf_is_refused(qapp: QApplication, tmp_path: Path) -> None:
    printer = make_printer(A4_LASER)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))
    with pytest.raises(PrinterError, match="cannot read"):
        print_pdf(b"%PDF-1.4 this is not a document", printer, A4_LASER)


def test_a_receipt_on_an_a4_printer_keeps_its_size(qapp: QApplication, tmp_path: Path) -> None:
    source = build(DocumentKind.QUEUE_TICKET, samples.ticket())
    printed = _to_file(source, A4_LASER, tmp_path / "ticket-on-a4.pdf")
    (page,), words = pdftools.words(printed)
    assert (round(page.width), round(page.height)) == (595, 842)
    number = next(word for word in words if word.text == "A012")
    assert number.x_max - number.x_min < 40 * MM  # the big number is 36 pt, not blown up to A4
    assert ("CODE-128", "A012") in pdftools.barcodes(pdftools.render(printed, dpi=200, gray=True))
