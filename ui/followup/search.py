"""Case search: one box that recognises what was typed, and the cases it found.

A case number or any document number (typed or scanned), an ID number or credit code, a phone
number or the start of a name: the box says what it takes the text for while the clerk types,
and Enter searches. One case found opens at once; several fill the table (newest first) with
the first one selected, where Enter opens it. ID and phone numbers are searched in full and
shown masked. Searches run on a lane, off the GUI thread; only the latest one's answer counts.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from clerk.services.followup import SearchHit, SearchResult, recognise
from ui.followup.errors import error_text
from ui.followup.source import FollowupSource
from ui.followup.texts import kind_text, status_text
from ui.queue.lane import Lane
from ui.rows import ROW_ROLE, Cells, Column, RowsModel, row_table, sorting_proxy

_log = logging.getLogger(__name__)
_RECEIVED_COLUMN = 6


def search_columns() -> tuple[Column[SearchHit], ...]:
    """Number, item, applicant, masked ID and phone, status, received."""
    return (
        Column(lambda: QCoreApplication.translate("Followup", "Case number"), _number_text),
        Column(
            lambda: QCoreApplication.translate("Followup", "Service item"), lambda h: h.item_name
        ),
        Column(
            lambda: QCoreApplication.translate("Followup", "Applicant"), lambda h: h.applicant_name
        ),
        Column(
            lambda: QCoreApplication.translate("Followup", "ID number"),
            lambda h: h.applicant_id_masked,
        ),
        Column(
            lambda: QCoreApplication.translate("Followup", "Phone"),
            lambda h: h.applicant_phone_masked,
        ),
        Column(
            lambda: QCoreApplication.translate("Followup", "Status"),
            lambda h: status_text(h.status),
            lambda h: h.status.value,
        ),
        Column(
            lambda: QCoreApplication.translate("Followup", "Received at"),
            lambda h: h.received_at.strftime("%Y-%m-%d %H:%M"),
            lambda h: h.received_at.isoformat(),
        ),
    )


def _number_text(hit: SearchHit) -> str:
    if hit.matched_document is None:
        return hit.number
    return QCoreApplication.translate("Followup", "{number} (via {document})").format(
        number=hit.number, document=hit.matched_document
    )


class CaseSearch(QWidget):
    """The search box and its results (see the module).

    Signals:
        case_opened(str): the clerk opened a case: its id.
        searched(object): a search finished: its `SearchResult`.
        failed(str): a search failed: the message shown.
    """

    case_opened = Signal(str)
    searched = Signal(object)
    failed = Signal(str)

    def __init__(
        self, *, source: FollowupSource, lane: Lane | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseSearch")
        self._source = source
        self._lane = lane or Lane(parent=self)
        self._asked: str | None = None
        self.model: RowsModel[SearchHit] = RowsModel(search_columns())
        self.proxy = sorting_proxy(self.model, self)
        self._build()

    def _build(self) -> None:
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Case or document number, ID number, phone or name"))
        self.box.returnPressed.connect(self.search)
        self.box.textChanged.connect(self._recognise)
        self.box.installEventFilter(self)
        go = QPushButton(self.tr("Search"), self)
        go.clicked.connect(self.search)
        self.hint = QLabel(kind_text(recognise("")), self)
        self.hint.setObjectName("searchHint")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.table = row_table(
            self.proxy, self, stretch=1, sort=_RECEIVED_COLUMN, order=Qt.SortOrder.DescendingOrder
        )
        self.table.activated.connect(self._open)
        self.hint.setBuddy(self.box)
        row = QHBoxLayout()
        row.addWidget(self.box, 1)
        row.addWidget(go)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def search(self, text: str | None = None) -> None:
        """Search for `text` (the box's text by default); the answer comes back on the lane."""
        asked = self.box.text() if text is None else text
        if text is not None:
            self.box.setText(text)
        self._asked = asked
        self.message.setText(self.tr("Searching…"))
        source, make = self._source, self.model.preparer()

        def find() -> tuple[SearchResult, Cells[SearchHit]]:
            result = source.find(asked)
            return result, make(result.hits)

        self._lane.submit(
            find,
            done=lambda found: self._found(asked, *found),
            failed=lambda error: self._failed(asked, error),
        )

    def _found(self, asked: str, result: SearchResult, cells: Cells[SearchHit]) -> None:
        if asked != self._asked:
            return  # a later search is on its way
        self.model.install(cells)
        self.message.setText(self._summary(result))
        self.searched.emit(result)
        if len(result.hits) == 1:
            self.case_opened.emit(result.hits[0].case_id)
        elif result.hits:
            self.table.selectRow(0)
            self.table.setFocus()

    def _summary(self, result: SearchResult) -> str:
        if not result.hits:
            return self.tr("No case found.")
        return self.tr(
            "%n case(s) found. Press Enter to open the selected one.", "", len(result.hits)
        )

    def _failed(self, asked: str, error: Exception) -> None:
        if asked != self._asked:
            return
        text = error_text(error, _log)
        self.message.setText(text)
        self.failed.emit(text)

    def _recognise(self, text: str) -> None:
        self.hint.setText(kind_text(recognise(text)))

    def _open(self, index: QModelIndex) -> None:
        hit = index.siblingAtColumn(0).data(ROW_ROLE)
        if isinstance(hit, SearchHit):
            self.case_opened.emit(hit.case_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Down in the box moves to the results."""
        if (
            watched is self.box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount() > 0
        ):
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)
