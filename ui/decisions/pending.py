"""Refusals waiting for a supervisor, approved from the supervisor's own counter.

A refusal request synchronised from another counter appears here for the supervisor logged in
at this one: the request as the clerk wrote it, and Approve / Decline as that supervisor. The
domain refuses a supervisor who asked for the refusal themselves; the panel shows its message.
An approved refusal issues the refusal notice, which prints at this counter from the queue.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk.services import ActionResult
from clerk.services.paperwork import PendingRefusal
from ui.decisions.desk import DecisionDesk
from ui.decisions.document import DocumentPanel
from ui.decisions.labels import explain
from ui.decisions.refusal import request_lines
from ui.decisions.widgets import StatusLine, Tone
from ui.rows import Column, RowsModel


def _column(title: object, text: Callable[[PendingRefusal], str]) -> Column[PendingRefusal]:
    """A column whose title (marked with QT_TRANSLATE_NOOP) is translated when shown."""
    return Column(lambda: QCoreApplication.translate("PendingRefusalsModel", str(title)), text)


class PendingRefusalsModel(RowsModel[PendingRefusal]):
    """Pending refusal requests: case number, applicant, item, asked by, reasons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                _column(QT_TRANSLATE_NOOP("PendingRefusalsModel", "Case"), lambda r: r.case_number),
                _column(
                    QT_TRANSLATE_NOOP("PendingRefusalsModel", "Applicant"),
                    lambda r: r.applicant_name,
                ),
                _column(QT_TRANSLATE_NOOP("PendingRefusalsModel", "Item"), lambda r: r.item_name),
                _column(
                    QT_TRANSLATE_NOOP("PendingRefusalsModel", "Asked by"),
                    lambda r: r.requested_by,
                ),
                _column(QT_TRANSLATE_NOOP("PendingRefusalsModel", "Reasons"), lambda r: r.reasons),
            ),
            parent=parent,
        )


class PendingRefusalsPanel(QWidget):
    """The refusals waiting for the supervisor logged in at this counter.

    Signals:
        decided(object): a refusal was approved (the `ActionResult`).
        declined(object): a refusal was declined (the `ActionResult`).
    """

    decided = Signal(object)
    declined = Signal(object)

    def __init__(self, desk: DecisionDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.model = PendingRefusalsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.document = DocumentPanel(desk, self)
        self.document.setVisible(False)
        self.status = StatusLine(self)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.approve_button = QPushButton(self.tr("&Approve refusal"), self)
        self.decline_button = QPushButton(self.tr("&Decline"), self)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.refresh_button, self.approve_button, self.decline_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (self.table, self.details, self.document, self.status):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.approve_button.clicked.connect(lambda: self._decide(approve=True))
        self.decline_button.clicked.connect(lambda: self._decide(approve=False))
        self.document.shown.connect(lambda _pages: self.document.print_document())
        self.document.preview_failed.connect(lambda _why: self.document.print_document())
        self._selected()
        self.refresh()

    def current(self) -> PendingRefusal | None:
        """The request selected, if any."""
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        """Load the requests waiting now."""
        self._desk.pending_refusals(done=self._loaded, failed=self._failed)

    def _loaded(self, rows: tuple[PendingRefusal, ...]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self.status.say(self.tr("{count} refusal(s) waiting.").format(count=len(rows)))
        self._selected()

    def _selected(self) -> None:
        request = self.current()
        self.details.setText("\n".join(request_lines(request)) if request else "")
        for button in (self.approve_button, self.decline_button):
            button.setEnabled(request is not None)

    def _decide(self, *, approve: bool) -> None:
        request = self.current()
        if request is None:
            return
        for button in (self.approve_button, self.decline_button):
            button.setEnabled(False)
        supervisor = self._desk.actor
        if approve:
            self._desk.approve_refusal(
                request.case_id, supervisor=supervisor, done=self._approved, failed=self._failed
            )
        else:
            self._desk.decline_refusal(
                request.case_id, supervisor=supervisor, done=self._declined, failed=self._failed
            )

    def _approved(self, result: ActionResult) -> None:
        notice = result.documents[0]
        self.status.say(
            self.tr("Refusal approved: notice {number}.").format(number=notice), Tone.OK
        )
        self.document.setVisible(True)
        self.document.show_document(notice)
        self.decided.emit(result)
        self.refresh()

    def _declined(self, result: ActionResult) -> None:
        self.status.say(self.tr("Refusal declined: the case goes on."), Tone.OK)
        self.declined.emit(result)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        self._selected()
