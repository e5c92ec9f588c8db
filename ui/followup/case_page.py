"""The case page: header, materials, the timeline from the audit trail, every document.

`show_case` reads the case file on the lane. The header shows the number, the item, the
applicant (ID and phone masked), the status and the deadline with the working days left (red
when overdue). The documents list reprints the selected document (Ctrl+P: a clerk action,
audited and synchronised, that queues the next copy in the print queue; `reprinted` tells the
window to wake the spooler) or previews it (Enter: as a reprint would print it, marked as a
copy; the preview cannot print, so no copy escapes the audited path). Escape asks to go back.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from clerk.services import ActionResult
from clerk.services.followup import CaseFile, DocumentLine, TimelineEntry
from printing.qt_backend import A4_LASER, PrinterProfile, preview
from ui.followup.case_parts import (
    applicant_text,
    deadline_colour,
    deadline_text,
    document_columns,
    item_text,
    materials_text,
    timeline_columns,
)
from ui.followup.errors import error_text
from ui.followup.source import FollowupSource
from ui.followup.texts import document_text, status_text
from ui.queue.lane import Lane
from ui.rows import RowsModel, row_table, selected_row, sorting_proxy

_log = logging.getLogger(__name__)


class CasePage(QWidget):
    """One case's page (see the module).

    Args:
        source: the store access.
        lane: where the calls run; give it the counter's one-thread write lane, since a
            reprint is a clerk action that writes (a private lane by default).
        profile: the printer profile the preview shows the document on.

    Signals:
        loaded(object): a case file was shown: the `CaseFile`.
        reprinted(str): a copy of this document number was queued for the printer.
        previewed(str): the preview of this document number opened.
        back_requested(): the clerk pressed Escape.
        failed(str): a call failed: the message shown.
    """

    loaded = Signal(object)
    reprinted = Signal(str)
    previewed = Signal(str)
    back_requested = Signal()
    failed = Signal(str)

    def __init__(
        self,
        *,
        source: FollowupSource,
        lane: Lane | None = None,
        profile: PrinterProfile = A4_LASER,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("casePage")
        self._source, self._profile = source, profile
        self._lane = lane or Lane(parent=self)
        self.file: CaseFile | None = None
        self._after_load = ""
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.timeline: RowsModel[TimelineEntry] = RowsModel(timeline_columns())
        self.documents: RowsModel[DocumentLine] = RowsModel(document_columns())
        self._build()
        self._actions()

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._header())
        self.materials = QLabel(self)
        self.materials.setObjectName("materials")
        self.materials.setWordWrap(True)
        layout.addWidget(self.materials)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._timeline_box())
        splitter.addWidget(self._documents_box())
        splitter.setStretchFactor(0, 2)  # the timeline grows more; documents are few
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def _header(self) -> QWidget:
        box = QGroupBox(self.tr("Case details"), self)
        form = QFormLayout(box)
        self.number = QLabel("—", box)
        self.number.setObjectName("caseNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.item = QLabel(box)
        self.applicant = QLabel(box)
        self.status = QLabel(box)
        self.deadline = QLabel(box)
        self.deadline.setObjectName("deadline")
        form.addRow(self.tr("Case number"), self.number)
        form.addRow(self.tr("Service item"), self.item)
        form.addRow(self.tr("Applicant"), self.applicant)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Deadline"), self.deadline)
        return box

    def _timeline_box(self) -> QWidget:
        box = QGroupBox(self.tr("Timeline"), self)
        self.timeline_table = row_table(sorting_proxy(self.timeline, box), box, stretch=2)
        QVBoxLayout(box).addWidget(self.timeline_table)
        return box

    def _documents_box(self) -> QWidget:
        box = QGroupBox(self.tr("Documents"), self)
        self.documents_table = row_table(sorting_proxy(self.documents, box), box, stretch=1)
        self.documents_table.activated.connect(self._preview_index)
        self.reprint_button = QPushButton(self.tr("Reprint copy (Ctrl+P)"), box)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.preview_button = QPushButton(self.tr("Preview (Enter)"), box)
        self.preview_button.clicked.connect(self.preview_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.reprint_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.documents_table)
        layout.addLayout(buttons)
        return box

    def _actions(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (QKeySequence.StandardKey.Print, self.reprint_selected),
            (QKeySequence(Qt.Key.Key_Escape), self.back_requested.emit),
        ):
            action = QAction(self)
            action.setShortcut(key)
            action.setShortcutContext(context)
            action.triggered.connect(slot)
            self.addAction(action)

    # Loading ------------------------------------------------------------------------------

    def show_case(self, case_id: str) -> None:
        """Read the case file on the lane and show it."""
        self.message.setText(self.tr("Opening the case…"))
        source = self._source
        self._lane.submit(lambda: source.case_file(case_id), done=self._show, failed=self._report)

    def refresh(self) -> None:
        """Read the shown case again."""
        if self.file is not None:
            self.show_case(self.file.case.case_id)

    def _show(self, file: CaseFile) -> None:
        self.file = file
        case = file.case
        self.number.setText(case.number)
        self.item.setText(item_text(file))
        self.applicant.setText(applicant_text(file))
        self.status.setText(status_text(case.status))
        self.deadline.setText(deadline_text(file))
        colour = deadline_colour(file)
        self.deadline.setStyleSheet(f"color: {colour.name()};" if colour else "")
        self.materials.setText(materials_text(file))
        self.timeline.set_rows(file.timeline)
        self.documents.set_rows(file.documents)
        if file.documents:
            self.documents_table.selectRow(len(file.documents) - 1)
        self.documents_table.setFocus()
        self.message.setText(self._after_load)
        self._after_load = ""
        self.loaded.emit(file)

    # Documents ----------------------------------------------------------------------------

    def selected_document(self) -> DocumentLine | None:
        """The document selected in the list."""
        line = selected_row(self.documents_table)
        return line if isinstance(line, DocumentLine) else None

    def reprint_selected(self) -> None:
        """Queue another copy of the selected document (a clerk action)."""
        line = self.selected_document()
        if line is None:
            self.message.setText(self.tr("Choose a document to reprint."))
            return
        source, number = self._source, line.number
        self._lane.submit(
            lambda: source.reprint(number),
            done=lambda result: self._reprinted(number, result),
            failed=self._report,
        )

    def _reprinted(self, number: str, result: ActionResult) -> None:
        done = self.tr("A copy of {number} is queued for the printer.").format(number=number)
        self.message.setText(done)
        self._after_load = done  # still said once the page shows the reprint step
        self.reprinted.emit(number)
        self.refresh()

    def preview_selected(self) -> None:
        """Show the selected document as a reprint would print it."""
        line = self.selected_document()
        if line is None:
            self.message.setText(self.tr("Choose a document to preview."))
            return
        source, number = self._source, line.number
        self.message.setText(self.tr("Preparing the preview…"))
        self._lane.submit(
            lambda: source.render(number),
            done=lambda pdf: self._preview(line, pdf),
            failed=self._report,
        )

    def _preview_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.preview_selected()

    def _preview(self, line: DocumentLine, pdf: bytes) -> None:
        try:
            dialog = preview(pdf, self._profile, parent=self)
        except Exception as error:  # a PrinterError: the PDF cannot be read
            self._report(error)
            return
        dialog.setWindowTitle(
            self.tr("Preview: {kind} {number}").format(
                kind=document_text(line.kind), number=line.number
            )
        )
        _view_only(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview_dialog = dialog
        dialog.destroyed.connect(self._preview_closed)
        dialog.open()
        self.message.clear()
        self.previewed.emit(line.number)

    def _preview_closed(self) -> None:
        self.preview_dialog = None

    def _report(self, error: Exception) -> None:
        text = error_text(error, _log)
        self.message.setText(text)
        self.failed.emit(text)


def _view_only(dialog: QPrintPreviewDialog) -> None:
    """Hide the preview's page-setup and print buttons: copies print only through reprint.

    Qt adds them last to the toolbar and gives them no object name, so they are found by place.
    """
    for toolbar in dialog.findChildren(QToolBar):
        buttons = [action for action in toolbar.actions() if not action.isSeparator()]
        for action in buttons[-2:]:
            action.setVisible(False)
            action.setEnabled(False)
