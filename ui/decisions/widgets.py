"""Small widgets the decision dialogs share: a status line, a PDF preview, a masked field.

The preview shows the real PDF the use case's document prints as (QtPdf renders the same
bytes the printer receives). A masked field shows personal data in full only while it is
being typed; once entered and valid it shows the masked form (DOMAIN.md §6: masked where it
is not needed in full) and reveals it again only when the clerk goes back into it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget


class Tone(StrEnum):
    """How a status line colours its text."""

    INFO = "info"
    OK = "ok"
    PROBLEM = "problem"


_COLOURS = {Tone.INFO: "#1f3b63", Tone.OK: "#1b6e2c", Tone.PROBLEM: "#a8071a"}


class StatusLine(QLabel):
    """One line (wrapping) that says what just happened: information, success or a problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tone = Tone.INFO

    def say(self, text: str, tone: Tone = Tone.INFO) -> None:
        """Show `text` in `tone` (screen readers hear it through the accessible name)."""
        self.tone = tone
        self.setStyleSheet(f"color: {_COLOURS[tone]};")
        self.setText(text)
        self.setAccessibleName(text)


class PdfPreview(QWidget):
    """A scrollable preview of a PDF (every page, fitted to the width).

    Signals:
        loaded(int): a PDF was loaded; its page count.
    """

    loaded = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = b""
        self._document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setDocument(self._document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the dialog's buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    @property
    def pages(self) -> int:
        """How many pages the shown PDF has (0 before one is shown)."""
        return self._document.pageCount()

    def show_pdf(self, pdf: bytes) -> None:
        """Show a PDF (its bytes stay with the preview while it is shown)."""
        self._document.close()
        if self._buffer is not None:
            self._buffer.deleteLater()
        self.pdf = pdf
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document.load(self._buffer)
        self.loaded.emit(self.pages)


class MaskedField(QLineEdit):
    """A line edit for personal data: masked once entered and valid, full while edited.

    Signals:
        entered(str): a valid value was entered (the full value).
    """

    entered = Signal(str)

    def __init__(
        self,
        *,
        mask: Callable[[str], str],
        valid: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._mask, self._valid = mask, valid
        self._value = ""
        self._masked = False
        self.editingFinished.connect(self._conceal)

    @property
    def masked(self) -> bool:
        """Whether the field shows the masked form now."""
        return self._masked

    def value(self) -> str:
        """The full value, whether it is shown masked or not."""
        return self._value if self._masked else self.text()

    def clear_value(self) -> None:
        """Forget the value."""
        self._value, self._masked = "", False
        self.clear()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802  (Qt's name)
        """Going back into the field shows the full value to correct it."""
        if self._masked:
            self._masked = False
            self.setText(self._value)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802  (Qt's name)
        """Leaving the field masks a valid value even when it was not changed."""
        super().focusOutEvent(event)
        self._conceal()

    def _conceal(self) -> None:
        text = self.text()
        if self._masked or not self._valid(text):
            return
        self._value, self._masked = text, True
        self.setText(self._mask(text))
        self.entered.emit(text)
