"""The supervisors' bad-rating follow-up list (差评整改回访): due dates, overdue first, record one.

The list is the local query `clerk.services.follow_up_list` (every counter holds the hall's
cases), loaded on a lane. Open follow-ups come first by due date, overdue ones highlighted;
"Show followed-up ratings too" adds the done ones. A supervisor selects an open one and records
the follow-up (what was rectified, what the applicant said when called back) in
`FollowUpDialog`, which shows the phone number in full for the call; the list masks it. A clerk
sees the list but cannot record: the action stays disabled, and the use case refuses anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk import services
from clerk.cases.rating import MAX_NOTE
from clerk.errors import ClerkError
from clerk.ports import UnitOfWork
from clerk.services import ActionResult, FollowUpView
from clerk.staff import Actor
from ui.errors import explain_error
from ui.follow_up_model import SORT_ROLE, FollowUpModel
from ui.queue.lane import Lane
from ui.rating_labels import level_text, reasons_text
from ui.rating_recorder import hall_now

_log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # the name lupdate looks for: translate("FollowUps", …)
AskNote = Callable[[QWidget, FollowUpView], str | None]


def error_text(error: Exception, *, loading: bool) -> str:
    """The one message for a failure of this screen (logged here, once)."""
    if isinstance(error, ClerkError):
        _log.info("follow-up refused: %s", error)
    else:
        _log.error("follow-up failed", exc_info=error)
    template = (
        translate("FollowUps", "The follow-up list could not be loaded: {reason}")
        if loading
        else translate("FollowUps", "The follow-up was not recorded: {reason}")
    )
    return template.format(reason=explain_error(error) if isinstance(error, ClerkError) else error)


class FollowUpDialog(QDialog):
    """Asks the supervisor what was rectified and what the applicant said when called back."""

    def __init__(self, row: FollowUpView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Record the follow-up of case {number}").format(number=row.number)
        )
        column = QVBoxLayout(self)
        self.summary = QLabel(
            self.tr("Rated {level} by {name} ({phone}): {reasons}").format(
                level=level_text(row.level),
                name=row.applicant_name,
                phone=row.applicant_phone,  # in full: the supervisor calls the applicant back
                reasons=reasons_text(row.reasons),
            ),
            self,
        )
        self.summary.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(
            self.tr("What was rectified, and what the applicant said when called back")
        )
        self.buttons = QDialogButtonBox(self)
        self.save = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._changed)
        for widget in (self.summary, self.note, self.buttons):
            column.addWidget(widget)
        self._changed()

    def text(self) -> str:
        """The note as typed, trimmed."""
        return self.note.toPlainText().strip()

    def _changed(self) -> None:
        self.save.setEnabled(0 < len(self.text()) <= MAX_NOTE)


def ask_note(parent: QWidget, row: FollowUpView) -> str | None:
    """Open `FollowUpDialog`; the note, or None when cancelled."""
    dialog = FollowUpDialog(row, parent)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class FollowUpList(QWidget):
    """The list and its one action (see the module).

    Signals:
        loaded(int): the list was (re)loaded with this many rows.
        followed_up(str): a follow-up was recorded for this case id.
        failed(str): a load or a follow-up failed: the message shown.
    """

    loaded = Signal(int)
    followed_up = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        *,
        unit_of_work: Callable[[], UnitOfWork],
        read_only: Callable[[], UnitOfWork],
        actor: Actor,
        clock: Callable[[], datetime] = hall_now,
        ask: AskNote = ask_note,
        lane: Lane | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bad-rating follow-up"))
        self._uow, self._read_only, self._actor = unit_of_work, read_only, actor
        self._clock, self._ask = clock, ask
        self._lane = lane or Lane(parent=self)
        self.model = FollowUpModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()

    def _build(self) -> None:
        self.include_done = QCheckBox(self.tr("Show followed-up ratings too"), self)
        self.include_done.toggled.connect(self.reload)
        self.refresh = QPushButton(self.tr("Refresh"), self)
        self.refresh.clicked.connect(self.reload)
        self.record = QPushButton(self.tr("Record follow-up…"), self)
        self.record.clicked.connect(self.record_selected)
        self.record.setToolTip("" if self._actor.may_approve else self._only_supervisors())
        self.summary = QLabel(self)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(FollowUpModel.DUE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().selectionChanged.connect(self._enable)
        self.view.doubleClicked.connect(self.record_selected)
        bar = QHBoxLayout()
        for widget in (self.summary, self.include_done, self.refresh, self.record):
            bar.addWidget(widget)
        bar.insertStretch(1, 1)
        column = QVBoxLayout(self)
        column.addLayout(bar)
        column.addWidget(self.view, 1)
        column.addWidget(self.message)
        self._enable()

    # Loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the list again (off the GUI thread)."""
        read_only, now, done = self._read_only, self._clock(), self.include_done.isChecked()
        self._lane.submit(
            lambda: services.follow_up_list(read_only(), now=now, include_done=done),
            done=self._show,
            failed=lambda error: self._fail(error, loading=True),
        )

    def _show(self, rows: tuple[FollowUpView, ...]) -> None:
        self.model.set_rows(rows)
        open_ = [row for row in rows if not row.done]
        overdue = sum(1 for row in open_ if row.overdue)
        self.summary.setText(
            self.tr("{open} open, {overdue} overdue").format(open=len(open_), overdue=overdue)
        )
        self._enable()
        self.loaded.emit(len(rows))

    # Recording ------------------------------------------------------------------------------

    def selected(self) -> FollowUpView | None:
        """The row selected, if any."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def record_selected(self) -> None:
        """Record the follow-up of the selected open bad rating (supervisors only)."""
        row = self.selected()
        if row is None or row.done:
            return
        if not self._actor.may_approve:
            self._say(self._only_supervisors())
            return
        note = self._ask(self, row)
        if note:
            self._submit(row.case_id, note)

    def _submit(self, case_id: str, note: str) -> None:
        uow, actor, now = self._uow, self._actor, self._clock()

        def record() -> ActionResult:  # runs on the lane: holds no widget (see Lane)
            return services.follow_up(uow(), case_id=case_id, note=note, supervisor=actor, now=now)

        self._lane.submit(
            record,
            done=lambda _result: self._recorded(case_id),
            failed=lambda error: self._fail(error, loading=False),
        )

    def _recorded(self, case_id: str) -> None:
        self._say("")
        self.followed_up.emit(case_id)
        self.reload()

    def _fail(self, error: Exception, *, loading: bool) -> None:
        self._say(error_text(error, loading=loading))
        self.failed.emit(self.message.text())

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _enable(self) -> None:
        row = self.selected()
        self.record.setEnabled(self._actor.may_approve and row is not None and not row.done)

    def _only_supervisors(self) -> str:
        return self.tr("Only a supervisor records a follow-up.")

    def close_lane(self) -> None:
        """Wait for a call still out, then report nothing more."""
        self._lane.close()
