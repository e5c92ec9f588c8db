"""A document a decision produced: its preview, its printing, and what became of it.

A stored document (notice, receipt, refusal notice, hand-over record) was queued for printing
in the transaction that issued it; printing here runs the print queue, so the document prints
after the commit and in order, and a failing printer leaves it queued with its reason. A
letter built from the acceptance receipt (容缺 notice, 告知承诺 letter) is sent to the printer
directly: it is rebuilt from the stored receipt whenever it is needed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from printing import DocumentKind
from printing.errors import PrinterError
from printing.spooler import SpoolReport
from ui.decisions.desk import LETTERS, DecisionDesk
from ui.decisions.labels import explain, print_failed_text
from ui.decisions.widgets import PdfPreview, StatusLine, Tone


class DocumentPanel(QWidget):
    """Preview and print one document.

    Signals:
        shown(int): the preview is loaded (its page count).
        printed(str): the document was printed (its number).
        print_failed(str): printing failed, with the reason (a stored one stays queued).
        preview_failed(str): the preview could not be built (printing may still be tried).
    """

    shown = Signal(int)
    preview_failed = Signal(str)
    printed = Signal(str)
    print_failed = Signal(str)

    def __init__(self, desk: DecisionDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.number = ""
        self.paper: DocumentKind | None = None
        self.preview = PdfPreview(self)
        self.preview.setMinimumHeight(320)
        self.print_button = QPushButton(self.tr("&Print"), self)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_document)
        self.status = StatusLine(self)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)

    def show_document(self, number: str, *, paper: DocumentKind | None = None) -> None:
        """Load the preview of stored document `number` (or of a letter built from it)."""
        self.number, self.paper = number, paper
        self.status.say(self.tr("Preparing the preview…"))
        self._desk.pdf(number, paper=paper, done=self._loaded, failed=self._preview_failed)

    def print_document(self) -> None:
        """Print the document: run the print queue, or send a letter to the printer."""
        self.print_button.setEnabled(False)
        self.status.say(self.tr("Printing…"))
        if self.paper in LETTERS:
            title = f"{self.number}-{self.paper}"
            self._desk.print_pdf(
                self.preview.pdf, title=title, done=self._letter_printed, failed=self._failed
            )
        else:
            self._desk.print_queue(done=self._spooled, failed=self._failed)

    def _loaded(self, pdf: bytes) -> None:
        self.preview.show_pdf(pdf)
        self.print_button.setEnabled(True)
        self.status.say(
            self.tr("Document {number}: {pages} page(s).").format(
                number=self.number, pages=self.preview.pages
            )
        )
        self.shown.emit(self.preview.pages)

    def _preview_failed(self, error: Exception) -> None:
        self.print_button.setEnabled(True)  # printing rebuilds the document on its own
        self.status.say(explain(error), Tone.PROBLEM)
        self.preview_failed.emit(str(error))

    def _spooled(self, report: SpoolReport) -> None:
        if self.number in report.printed or report.failed is None:
            self._printed()  # printed now, or by an earlier pass of the queue
            return
        self.print_button.setEnabled(True)
        self.status.say(print_failed_text(report.failed), Tone.PROBLEM)
        self.print_failed.emit(report.failed)

    def _letter_printed(self, _nothing: None) -> None:
        self._printed()

    def _printed(self) -> None:
        self.print_button.setEnabled(True)
        self.status.say(self.tr("Printed {number}.").format(number=self.number), Tone.OK)
        self.printed.emit(self.number)

    def _failed(self, error: Exception) -> None:
        self.print_button.setEnabled(True)
        if self.paper in LETTERS and isinstance(error, PrinterError):
            text = self.tr("The printer failed: {reason}. Print again once it works.")
            self.status.say(text.format(reason=error), Tone.PROBLEM)
        else:
            self.status.say(explain(error), Tone.PROBLEM)
        self.print_failed.emit(str(error))
