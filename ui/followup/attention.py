"""The needs-attention list: steps of this counter the registry rejected, explained in words.

Each row is an operation the registry answered with a rejection (SYNC.md): the case changed at
the registry meanwhile (`stale`), it had already moved past the step (`status_backwards`), a
number was taken, the audit entry did not verify… The panel says what happened and what to
do; the registry's own words are kept beside. The list is read-only: the store has no
"handled" mark for a rejection yet, so every rejection stays listed for the supervisor.
Enter opens the case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from clerk.services.attention import AttentionRow
from ui.followup.errors import error_text
from ui.followup.source import FollowupSource
from ui.followup.texts import Followup, action_text, status_text
from ui.queue.lane import Lane
from ui.rows import (
    ROW_ROLE,
    Cells,
    Column,
    RowsModel,
    row_table,
    selected_row,
    sorting_proxy,
)

_log = logging.getLogger(__name__)


_KINDS = {
    "stale": "stale",
    "status_backwards": "behind",
    "document_number_taken": "number",
    "case_number_taken": "number",
    "foreign_number": "number",
    "audit_invalid": "trail",
    "audit_conflict": "trail",
    "audit_chain_broken": "trail",
    "unknown_case": "unknown",
    "wrong_hall": "hall",
    "malformed_payload": "unreadable",
    "unsupported_payload_version": "version",
}
"""The registry's rejection codes (registry.push), by the explanation they share."""

_HAPPENED: dict[str, Callable[[], str]] = {
    "stale": lambda: Followup.tr(
        "The case was changed at the registry (back office or another counter) after this "
        "counter last saw it, so this step was not applied there."
    ),
    "behind": lambda: Followup.tr(
        "At the registry the case had already moved past this step, so it cannot apply."
    ),
    "number": lambda: Followup.tr(
        "A number this counter gave out is already used at the registry."
    ),
    "trail": lambda: Followup.tr(
        "The registry could not verify the audit trail entry of this step."
    ),
    "unknown": lambda: Followup.tr("The registry does not know this case."),
    "hall": lambda: Followup.tr("The case belongs to another hall."),
    "unreadable": lambda: Followup.tr("The registry could not read this step."),
    "version": lambda: Followup.tr(
        "The registry does not understand the software version of this counter."
    ),
    "other": lambda: Followup.tr("The registry rejected this step."),
}

_TO_DO: dict[str, Callable[[], str]] = {
    "stale": lambda: Followup.tr(
        "Open the case: it now shows the state held by the registry. Do the step again if it "
        "is still needed, and tell the applicant if anything changed."
    ),
    "behind": lambda: Followup.tr(
        "Open the case, check its status and tell the applicant what it means."
    ),
    "number": lambda: Followup.tr(
        "Tell the supervisor: the numbering of this counter must be checked. Do not hand the "
        "document out again."
    ),
    "trail": lambda: Followup.tr(
        "Tell the supervisor at once: the trail of this counter may be damaged or altered."
    ),
    "unknown": lambda: Followup.tr(
        "Tell the supervisor; the case may come from a counter that was reset."
    ),
    "hall": lambda: Followup.tr("Tell the supervisor; do not go on with the case here."),
    "unreadable": lambda: Followup.tr(
        "Tell the supervisor; the counter software may need an update."
    ),
    "version": lambda: Followup.tr(
        "Tell the supervisor: the registry or the counter needs an update."
    ),
    "other": lambda: Followup.tr("Tell the supervisor."),
}


def explanation(code: str) -> tuple[str, str]:
    """What a rejection code means and what the clerk should do, in words."""
    kind = _KINDS.get(code, "other")
    return _HAPPENED[kind](), _TO_DO[kind]()


def attention_columns() -> tuple[Column[AttentionRow], ...]:
    """When the clerk acted, the case, the step, what happened, the case's status now."""
    return (
        Column(
            lambda: Followup.tr("Acted at"),
            lambda r: r.acted_at.strftime("%Y-%m-%d %H:%M"),
            lambda r: r.acted_at.isoformat(),
        ),
        Column(lambda: Followup.tr("Case number"), lambda r: r.case_number),
        Column(lambda: Followup.tr("Step"), lambda r: action_text(r.action)),
        Column(lambda: Followup.tr("What happened"), lambda r: explanation(r.code)[0]),
        Column(
            lambda: Followup.tr("Status now"),
            lambda r: status_text(r.status) if r.status is not None else "—",
        ),
    )


class AttentionList(QWidget):
    """The needs-attention list and the selected row's explanation (see the module).

    Signals:
        case_opened(str): the clerk opened a row's case: its id.
        refreshed(object): the list was read again: every row, newest first.
        failed(str): reading the list failed: the message shown.
    """

    case_opened = Signal(str)
    refreshed = Signal(object)
    failed = Signal(str)

    def __init__(
        self, *, source: FollowupSource, lane: Lane | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attentionList")
        self._source = source
        self._lane = lane or Lane(parent=self)
        self.model: RowsModel[AttentionRow] = RowsModel(attention_columns())
        self.proxy = sorting_proxy(self.model, self)
        self._build()

    def _build(self) -> None:
        self.table = row_table(
            self.proxy, self, stretch=3, sort=0, order=Qt.SortOrder.DescendingOrder
        )
        self.table.activated.connect(self._open)
        self.table.selectionModel().currentRowChanged.connect(self._explain)
        self.details = QLabel(self)
        self.details.setObjectName("attentionDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        self.note = QLabel(
            self.tr(
                "Entries stay on this list for the supervisor: they cannot be marked as "
                "handled at the counter."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        """Read the list again and make its cells (on the lane)."""
        source, make = self._source, self.model.preparer()
        self._lane.submit(lambda: make(source.attention()), done=self._show, failed=self._report)

    def _show(self, cells: Cells[AttentionRow]) -> None:
        self.model.install(cells)
        rows = cells.rows
        if rows:
            self.table.selectRow(0)
            self.message.clear()
        else:
            self.details.clear()
            self.message.setText(self.tr("Nothing needs attention."))
        self.refreshed.emit(rows)

    def _explain(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.siblingAtColumn(0).data(ROW_ROLE) if current.isValid() else None
        self.details.setText(details_text(row) if isinstance(row, AttentionRow) else "")

    def selected(self) -> AttentionRow | None:
        """The row selected in the list."""
        row = selected_row(self.table)
        return row if isinstance(row, AttentionRow) else None

    def _open(self, index: QModelIndex) -> None:
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        if isinstance(row, AttentionRow):
            self.case_opened.emit(row.case_id)

    def _report(self, error: Exception) -> None:
        text = error_text(error, _log)
        self.message.setText(text)
        self.failed.emit(text)


def details_text(row: AttentionRow) -> str:
    """The explanation of one row: what happened, what to do, the registry's own words."""
    happened, to_do = explanation(row.code)
    lines = [
        Followup.tr("{step} on case {number}, {time}").format(
            step=action_text(row.action),
            number=row.case_number,
            time=row.acted_at.strftime("%Y-%m-%d %H:%M"),
        ),
        Followup.tr("What happened: {text}").format(text=happened),
        Followup.tr("What to do: {text}").format(text=to_do),
        Followup.tr("The registry said ({code}): {reason}").format(
            code=row.code, reason=row.reason
        ),
    ]
    return "\n".join(lines)
