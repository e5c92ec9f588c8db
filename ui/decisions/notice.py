"""The one-time correction notice (一次性告知书): its lines, issue, preview, print, signature.

The dialog opens on the notice as it would be issued now: every material that is missing or
defective, the problem, how to fix it (the exact requirement and the reason) and the
acceptance standard, with the correction deadline. Issuing commits the notice (and queues it
for printing); the preview shows the real PDF; printing runs the print queue; the applicant
signs the paper and the clerk confirms it, which is recorded. A later notice that raises
material the earlier one did not list is refused by the one-time rule, with its message,
unless a supervisor overrides it here with their credentials and a reason.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk.errors import RuleViolation
from clerk.services import ActionResult, CaseView
from clerk.services.paperwork import NoticeDraft, NoticeDraftLine
from clerk.staff import Actor
from printing import DocumentKind
from ui.decisions.approval import SupervisorApprovalDialog
from ui.decisions.desk import DecisionDesk, Done, Failed
from ui.decisions.document import DocumentPanel
from ui.decisions.labels import correction_expiry_label, day_text, explain, problem_label
from ui.decisions.widgets import StatusLine, Tone

_Index = QModelIndex | QPersistentModelIndex


class NoticeLinesModel(QAbstractTableModel):
    """The notice's lines: material, problem, how to fix it, acceptance standard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[NoticeDraftLine, ...] = ()
        self._headers = (
            self.tr("Material"),
            self.tr("Problem"),
            self.tr("How to fix it"),
            self.tr("Acceptance standard"),
        )

    def set_lines(self, lines: tuple[NoticeDraftLine, ...]) -> None:
        """Show these lines."""
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def line(self, row: int) -> NoticeDraftLine:
        """The line shown in `row`."""
        return self._lines[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Lines (a table has no children)."""
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Four columns."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        horizontal = orientation is Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < 4:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A cell's text; a line the one-time rule does not allow is marked."""
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(line, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and line.unlisted:
            return Qt.GlobalColor.darkRed
        return None

    def _cell(self, line: NoticeDraftLine, column: int) -> str | None:
        if column == 0:
            new = self.tr(" (not on the earlier notice)") if line.unlisted else ""
            return line.name + new
        if column == 1:
            return problem_label(line.problem)
        if column == 2:
            return "；".join(part for part in (line.requirement, line.reason) if part)
        if column == 3:
            return line.standard
        return None


class NoticeDialog(QDialog):
    """Issue, preview, print and have signed the one-time notice of a case.

    Signals:
        issued(object): the notice was issued (the `ActionResult`).
        signed(object): the applicant's signature was recorded (the `ActionResult`).
    """

    issued = Signal(object)
    signed = Signal(object)

    def __init__(self, desk: DecisionDesk, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("One-time correction notice"))
        self._desk, self._case = desk, case
        self.draft: NoticeDraft | None = None
        self.number = ""
        self.approval: SupervisorApprovalDialog | None = None
        self._build()
        self.status.say(self.tr("Listing what must be corrected…"))
        desk.draft_notice(case.case_id, done=self._drafted, failed=self._draft_failed)

    def _build(self) -> None:
        case = self._case
        header = QLabel(
            self.tr("Case {number} · {applicant} · {item}").format(
                number=case.number, applicant=case.applicant_name, item=case.item_name
            ),
            self,
        )
        header.setWordWrap(True)
        self.model = NoticeLinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.due = QLabel(self)
        self.due.setWordWrap(True)
        self.rule = StatusLine(self)
        self.document = DocumentPanel(self._desk, self)
        self.document.setVisible(False)
        self.status = StatusLine(self)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.table, 1)
        for widget in (self.due, self.rule):
            layout.addWidget(widget)
        layout.addWidget(self.document, 3)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self.document.shown.connect(self._previewed)
        self.document.printed.connect(self._printed)
        self.resize(900, 640)

    def _buttons(self) -> QHBoxLayout:
        self.issue_button = QPushButton(self.tr("&Issue notice"), self)
        self.override_button = QPushButton(self.tr("Supervisor &override…"), self)
        self.signed_button = QPushButton(self.tr("Applicant &signed"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.issue_button, self.override_button, self.signed_button):
            button.setEnabled(False)
        self.issue_button.clicked.connect(self.issue)
        self.override_button.clicked.connect(self.ask_override)
        self.signed_button.clicked.connect(self.confirm_signed)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.issue_button)
        row.addWidget(self.override_button)
        row.addWidget(self.document.print_button)
        row.addWidget(self.signed_button)
        row.addWidget(self.close_button)
        return row

    # -- the draft -----------------------------------------------------------------------

    def _drafted(self, draft: NoticeDraft) -> None:
        self.draft = draft
        self.model.set_lines(draft.lines)
        self.due.setText(
            self.tr(
                "Corrections are due by {day}; if they are not handed in, {expiry}. "
                "The time for corrections is not counted in the processing time."
            ).format(
                day=day_text(draft.correction_due, provisional=draft.due_provisional),
                expiry=correction_expiry_label(draft.on_expiry),
            )
        )
        if draft.needs_override:
            self.rule.say(self._rule_text(draft), Tone.PROBLEM)
        elif draft.earlier:
            self.rule.say(self.tr("This notice lists only what the earlier notice listed."))
        self.status.say(self.tr("{count} material(s) to correct.").format(count=len(draft.lines)))
        self._ready(self.override_button if draft.needs_override else self.issue_button)
        self.issue_button.setEnabled(True)

    def _rule_text(self, draft: NoticeDraft) -> str:
        names = "、".join(line.name for line in draft.lines if line.unlisted)
        return self.tr(
            "One-time rule: the earlier notice ({notices}) did not list {names}. "
            "Only an override by a supervisor, with a reason, lets a second notice add them."
        ).format(notices="、".join(draft.earlier), names=names)

    def _draft_failed(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        self._ready(self.close_button)

    def _ready(self, button: QPushButton) -> None:
        """Make `button` the next step: enabled, default for Enter, focused."""
        for other in (self.issue_button, self.override_button, self.signed_button):
            other.setDefault(False)
        self.document.print_button.setDefault(False)
        button.setEnabled(True)
        button.setDefault(True)
        button.setFocus()

    # -- issuing -------------------------------------------------------------------------

    def issue(self) -> None:
        """Issue the notice as listed (the one-time rule is checked by the use case)."""
        self.issue_button.setEnabled(False)
        self.status.say(self.tr("Issuing the notice…"))
        self._desk.issue_notice(self._case.case_id, done=self._issued, failed=self._refused)

    def ask_override(self) -> None:
        """Open the supervisor's approval of a notice that adds new items."""
        draft = self.draft
        details = [line.name for line in draft.lines if line.unlisted] if draft else []
        self.approval = SupervisorApprovalDialog(
            self._desk,
            what=self.tr("Override the one-time rule for this notice"),
            details=details,
            approve=self._issue_overridden,
            reason_required=True,
            parent=self,
        )
        self.approval.decided.connect(self._issued)
        self.approval.open()

    def _issue_overridden(
        self, supervisor: Actor, reason: str, done: Done[ActionResult], failed: Failed
    ) -> None:
        case_id = self._case.case_id
        self._desk.issue_notice(
            case_id, supervisor=supervisor, reason=reason, done=done, failed=failed
        )

    def _refused(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        if isinstance(error, RuleViolation) and self.draft and self.draft.needs_override:
            self._ready(self.override_button)
        else:
            self.issue_button.setEnabled(True)

    def _issued(self, result: ActionResult) -> None:
        self.number = result.documents[0]
        self.issue_button.setEnabled(False)
        self.override_button.setEnabled(False)
        self.status.say(self.tr("Notice {number} issued.").format(number=self.number), Tone.OK)
        self.document.setVisible(True)
        self.document.show_document(self.number)
        self.issued.emit(result)

    # -- paper -----------------------------------------------------------------------------

    def _previewed(self, _pages: int) -> None:
        self._ready(self.document.print_button)

    def _printed(self, _number: str) -> None:
        self.status.say(self.tr("Hand the notice to the applicant to sign."), Tone.OK)
        self._ready(self.signed_button)

    def confirm_signed(self) -> None:
        """The applicant signed the printed notice: record it."""
        self.signed_button.setEnabled(False)
        self._desk.sign(
            self._case.case_id,
            document=self.number,
            paper=DocumentKind.CORRECTION_NOTICE,
            done=self._signed,
            failed=self._sign_failed,
        )

    def _signed(self, result: ActionResult) -> None:
        self.signed.emit(result)
        self.accept()

    def _sign_failed(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        self.signed_button.setEnabled(True)
