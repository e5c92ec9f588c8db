"""The Printers page: the A4 printer and the receipt printer, chosen from the printers Qt sees.

Each role offers "none — save PDFs to a folder" and every installed printer, with the kind of
printer (A4 laser, 80 mm thermal) and a test page. The test page goes out on the page's own
printing lane, like every print job, to what is chosen now (saved or not).

The installed printers may not be known when the page opens (the print system is asked on a
thread, `printer_names`): the page then offers the saved printers, says it is looking, and
fills in the list when it comes (`look_for_printers`) without moving what the clerk chose.

Signals:
    checkPrinted(str): a test page was handed over; where it went.
    checkFailed(str): a test page failed; why.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from printing.qt_backend import A4_LASER, PROFILES, THERMAL_80MM
from printing.spooler import FolderPrinter
from ui.queue.lane import Lane
from ui.settings import PDF_FOLDER
from ui.settings_pages.base import Problem, SettingsPage
from ui.settings_pages.fields import ChoiceField, FolderField
from ui.settings_pages.printer_check import (
    ROLE_SETTINGS,
    PrinterCheck,
    Role,
    check_page_pdf,
    chosen_printer,
    pdf_folder,
    profile_named,
)
from ui.settings_pages.printer_names import PrinterList
from ui.starting import deliver

NONE = ""
"""The printer value for "none — save PDFs to a folder"."""


class _RoleBox(QGroupBox):
    """One role's printer, its kind and its test-page button."""

    def __init__(self, page: PrintersPage, role: Role, printers: Sequence[str] | None) -> None:
        super().__init__(page)
        name, profile = ROLE_SETTINGS[role]
        self.role = role
        self.printer = ChoiceField(name, self, values=[NONE, *(printers or ())])
        self.profile = ChoiceField(profile, self, values=[p.name for p in PROFILES])
        self.check = QPushButton(self)
        self.check.clicked.connect(lambda: page.print_check(role))
        self.form = QFormLayout(self)
        self.installed = None if printers is None else set(printers)
        """The printers installed; None while the print system has not said."""

    def offer(self, printers: Sequence[str]) -> None:
        """Offer the installed printers now known, keeping the choice shown."""
        self.printer.offer([NONE, *printers])
        self.installed = set(printers)


class PrintersPage(SettingsPage):
    """Two roles (A4 documents, receipts and tickets) and the folder for PDFs."""

    checkPrinted = Signal(str)  # noqa: N815 - Qt signal name
    checkFailed = Signal(str)  # noqa: N815 - Qt signal name

    def __init__(
        self, printers: Sequence[str] | None, *, data_folder: Path, parent: QWidget | None = None
    ) -> None:
        """Build the page.

        Args:
            printers: the installed printers, or None when they are not known yet (then
                `look_for_printers` brings them).
            data_folder: the counter's data folder (PDFs go to "printed" in it by default).
            parent: the dialog.
        """
        super().__init__(parent)
        self.data_folder = data_folder
        self.lane = Lane(parent=self)
        self._looking, self._failure = False, ""
        self.lookup_note = QLabel(self)
        self.lookup_note.setObjectName("printerLookup")
        self.lookup_note.setWordWrap(True)
        self.lookup_note.hide()
        self.layout_.addWidget(self.lookup_note)
        self.boxes = {role: _RoleBox(self, role, printers) for role in Role}
        for box in self.boxes.values():
            self.add(box.printer, form=box.form)
            self.add(box.profile, form=box.form)
            box.form.addRow(box.check)
            self.layout_.addWidget(box)
        placeholder = str(pdf_folder("", data_folder))
        self.folder = FolderField(PDF_FOLDER, self, placeholder=placeholder)
        self.add(self.folder, form=self.bottom_form())
        self.status = QLabel(self)
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def bottom_form(self) -> QFormLayout:
        """A form under the role boxes."""
        form = QFormLayout()
        self.layout_.addLayout(form)
        return form

    def title(self) -> str:
        """The page's name."""
        return self.tr("Printers")

    def retranslate_ui(self) -> None:
        """Set the page's words."""
        super().retranslate_ui()
        documents, receipts = self.boxes[Role.DOCUMENTS], self.boxes[Role.RECEIPTS]
        documents.setTitle(self.tr("A4 documents (notices, receipts, letters)"))
        receipts.setTitle(self.tr("Receipts and queue tickets (80 mm roll)"))
        kinds = {
            A4_LASER.name: self.tr("A4 laser, 300 dpi, grey"),
            THERMAL_80MM.name: self.tr("80 mm thermal roll, 203 dpi, black and white"),
        }
        for box in self.boxes.values():
            box.printer.set_labels({NONE: self.tr("None — save PDFs to a folder")})
            box.profile.set_labels(kinds)
            self.label(box.printer.setting).setText(self.tr("Printer"))
            self.label(box.profile.setting).setText(self.tr("Kind of printer"))
            box.check.setText(self.tr("Print a test page"))
        self.label(PDF_FOLDER).setText(self.tr("Folder for PDFs"))
        self._say_lookup()

    def _say_lookup(self) -> None:
        if self._failure:
            note = self.tr("Could not list the printers: {reason}").format(reason=self._failure)
        else:
            note = self.tr("Looking for printers…") if self._looking else ""
        self.lookup_note.setText(note)
        self.lookup_note.setVisible(bool(note))

    def look_for_printers(self, pending: Future[PrinterList]) -> None:
        """Show the printers the print system lists when `pending` brings them.

        Until then a page that knows no printers offers the saved ones and says it is looking.
        """
        self._looking = self.boxes[Role.DOCUMENTS].installed is None
        self._say_lookup()
        deliver(pending, self.show_printers, parent=self)

    def show_printers(self, answer: PrinterList) -> None:
        """Offer the printers listed (what is chosen stays chosen), or say why there are none."""
        self._looking, self._failure = False, answer.error or ""
        if answer.error is None:
            for box in self.boxes.values():
                box.offer(answer.names)
        self.retranslate_ui()

    def check(self) -> None:
        """A printer must be installed (when the print system has said); a folder must exist.

        Raises:
            Problem: the first choice in the way.
        """
        super().check()
        for box in self.boxes.values():
            name = box.printer.value()
            if name and box.installed is not None and name not in box.installed:
                message = self.tr("The printer {name} is not installed: choose another or none.")
                raise Problem(message.format(name=name), box.printer.widget)

    def print_check(self, role: Role) -> None:
        """Print a test page on what the role's box chooses now (on the printing lane)."""
        box = self.boxes[role]
        try:
            self.folder_check()
        except Problem as problem:
            self.checkFailed.emit(problem.message)
            self.status.setText(problem.message)
            return
        profile = profile_named(box.profile.value())
        folder = pdf_folder(self.folder.value(), self.data_folder)
        printer = chosen_printer(name=box.printer.value(), profile=profile, folder=folder)
        where = str(folder) if isinstance(printer, FolderPrinter) else box.printer.value()
        page = PrinterCheck(
            printer=where, paper=box.profile.combo.currentText(), when=datetime.now().astimezone()
        )
        pdf, title = check_page_pdf(page, profile), page.title(role)
        self.status.setText(self.tr("Printing a test page on {printer}…").format(printer=where))
        self.lane.submit(
            lambda: printer.send(pdf, title=title),
            done=lambda _: self._printed(where),
            failed=self._failed,
        )

    def folder_check(self) -> None:
        """The folder for PDFs, when one is named, must exist.

        Raises:
            Problem: it does not.
        """
        problem = self.folder.problem()
        if problem is not None:
            raise Problem(problem, self.folder.widget)

    def _printed(self, where: str) -> None:
        self.status.setText(self.tr("The test page went to {printer}.").format(printer=where))
        self.checkPrinted.emit(where)

    def _failed(self, error: Exception) -> None:
        message = self.tr("The test page did not print: {reason}").format(reason=error)
        self.status.setText(message)
        self.checkFailed.emit(message)
