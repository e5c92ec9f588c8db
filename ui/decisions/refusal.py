"""Refusal (不予受理) as a request a supervisor approves: reasons, facts, basis, remedies.

窗口无否决权: the clerk writes the request — reasons (the item's published refusal conditions
are offered), the facts, the legal basis, and for a matter outside the agency's power the
competent agency — and sees the remedies the refusal notice will print: administrative review
(行政复议) within 60 days and an administrative lawsuit (行政诉讼) within 6 months, at the
bodies stored for the agency. The request then waits: a supervisor approves (or declines) at
this counter with their credentials, or later from their own counter (`PendingRefusalsPanel`).
An approved refusal issues the refusal notice, which prints from the queue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.cases import Remedies
from clerk.services import ActionResult, CaseView
from clerk.services.paperwork import PendingRefusal, RefusalContext
from clerk.staff import Actor
from ui.decisions.approval import SupervisorApprovalDialog
from ui.decisions.desk import DecisionDesk, Done, Failed, RefusalDraft
from ui.decisions.document import DocumentPanel
from ui.decisions.labels import explain
from ui.decisions.widgets import StatusLine, Tone


def remedies_text(remedies: Remedies) -> str:
    """The remedies as the refusal notice words them (行政复议 / 行政诉讼 and their limits)."""
    return QCoreApplication.translate(
        "Decisions",
        "If the applicant disagrees, they may apply for administrative review (行政复议) to "
        "{body} within {days} days of receiving the notice, or bring an administrative "
        "lawsuit (行政诉讼) at {court} within {months} months.",
    ).format(
        body=remedies.review_body,
        days=remedies.review_days,
        court=remedies.court,
        months=remedies.lawsuit_months,
    )


def request_lines(pending: PendingRefusal) -> list[str]:
    """A pending request as the supervisor reads it before deciding."""
    lines = [
        QCoreApplication.translate("Decisions", "Case {number} · {applicant} · {item}").format(
            number=pending.case_number, applicant=pending.applicant_name, item=pending.item_name
        ),
        QCoreApplication.translate("Decisions", "Reasons: {text}").format(text=pending.reasons),
        QCoreApplication.translate("Decisions", "Facts: {text}").format(text=pending.facts or "—"),
        QCoreApplication.translate("Decisions", "Legal basis: {text}").format(
            text=pending.legal_basis
        ),
        QCoreApplication.translate("Decisions", "Asked by: {staff}").format(
            staff=pending.requested_by
        ),
    ]
    if pending.competent_agency:
        lines.append(
            QCoreApplication.translate("Decisions", "Competent agency: {name}").format(
                name=pending.competent_agency
            )
        )
    return lines


class RefusalRequestDialog(QDialog):
    """Write a refusal request, then have it approved here or leave it pending.

    Signals:
        requested(object): the request was recorded (the `ActionResult`).
        decided(object): a supervisor approved it here (the `ActionResult`, notice issued).
        declined(object): a supervisor declined it here (the `ActionResult`).
    """

    requested = Signal(object)
    decided = Signal(object)
    declined = Signal(object)

    def __init__(self, desk: DecisionDesk, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refusal request (不予受理)"))
        self._desk, self._case = desk, case
        self.context: RefusalContext | None = None
        self.approval: SupervisorApprovalDialog | None = None
        self._pending: PendingRefusal | None = None
        self._build()
        self.status.say(self.tr("Loading the refusal conditions of the item…"))
        desk.refusal_context(case.case_id, done=self._loaded, failed=self._failed)

    def _build(self) -> None:
        self.conditions = QListWidget(self)
        self.conditions.setMaximumHeight(110)
        self.reasons = QPlainTextEdit(self)
        self.facts = QPlainTextEdit(self)
        self.legal_basis = QComboBox(self)
        self.legal_basis.setEditable(True)
        self.competent_agency = QLineEdit(self)
        self.remedies = QLabel(self)
        self.remedies.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Published refusal conditions"), self.conditions)
        form.addRow(self.tr("&Reasons"), self.reasons)
        form.addRow(self.tr("&Facts"), self.facts)
        form.addRow(self.tr("Legal &basis"), self.legal_basis)
        form.addRow(self.tr("Competent a&gency (if not ours)"), self.competent_agency)
        form.addRow(self.tr("Remedies"), self.remedies)
        self.pending = StatusLine(self)
        self.document = DocumentPanel(self._desk, self)
        self.document.setVisible(False)
        self.status = StatusLine(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in (self.pending, self.document, self.status):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())
        self.conditions.itemChanged.connect(self._condition_ticked)
        self.reasons.textChanged.connect(self._update)
        self.legal_basis.editTextChanged.connect(self._update)
        self.document.shown.connect(lambda _pages: self.document.print_document())
        self.document.preview_failed.connect(lambda _why: self.document.print_document())
        self.resize(760, 640)

    def _buttons(self) -> QHBoxLayout:
        self.request_button = QPushButton(self.tr("Request &refusal"), self)
        self.approve_here_button = QPushButton(self.tr("Supervisor approves &here…"), self)
        self.leave_button = QPushButton(self.tr("&Leave pending"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.request_button.setEnabled(False)
        for button in (self.approve_here_button, self.leave_button):
            button.setVisible(False)
        self.request_button.clicked.connect(self.request)
        self.approve_here_button.clicked.connect(self.approve_here)
        self.leave_button.clicked.connect(self.accept)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.request_button, self.approve_here_button, self.leave_button):
            row.addWidget(button)
        row.addWidget(self.document.print_button)
        row.addWidget(self.close_button)
        return row

    def _loaded(self, context: RefusalContext) -> None:
        self.context = context
        for condition in context.conditions:
            item = QListWidgetItem(condition, self.conditions)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.legal_basis.addItems(context.legal_basis)
        self.remedies.setText(remedies_text(context.remedies))
        self.status.say("")
        if context.pending is not None:
            self._show_pending(context.pending)
        else:
            self.reasons.setFocus()
        self._update()

    def _condition_ticked(self, item: QListWidgetItem) -> None:
        """A ticked condition is added to the reasons (the clerk may edit them after)."""
        if item.checkState() is Qt.CheckState.Checked and item.text() not in self._reasons():
            text = self._reasons()
            self.reasons.setPlainText(f"{text}；{item.text()}" if text else item.text())

    def _reasons(self) -> str:
        return self.reasons.toPlainText().strip()

    def _update(self) -> None:
        complete = bool(self._reasons() and self.legal_basis.currentText().strip())
        self.request_button.setEnabled(complete and self.context is not None)

    def draft(self) -> RefusalDraft:
        """What the clerk wrote."""
        return RefusalDraft(
            reasons=self._reasons(),
            facts=self.facts.toPlainText().strip(),
            legal_basis=self.legal_basis.currentText().strip(),
            competent_agency=self.competent_agency.text().strip(),
        )

    def request(self) -> None:
        """Record the request; it waits for a supervisor."""
        self.request_button.setEnabled(False)
        self._desk.request_refusal(
            self._case.case_id, self.draft(), done=self._requested, failed=self._failed
        )

    def _requested(self, result: ActionResult) -> None:
        self.requested.emit(result)
        self._desk.refusal_context(
            self._case.case_id, done=self._loaded_pending, failed=self._failed
        )

    def _loaded_pending(self, context: RefusalContext) -> None:
        if context.pending is not None:
            self._show_pending(context.pending)

    def _show_pending(self, pending: PendingRefusal) -> None:
        self.request_button.setVisible(False)
        self.pending.say(
            self.tr(
                "Pending: waiting for the approval of a supervisor. A supervisor approves here "
                "with their credentials, or later from their own counter."
            ),
            Tone.INFO,
        )
        self._pending = pending
        for widget in (self.reasons, self.facts, self.legal_basis, self.competent_agency):
            widget.setEnabled(False)
        self.conditions.setEnabled(False)
        self.approve_here_button.setVisible(True)
        self.leave_button.setVisible(True)
        self.approve_here_button.setDefault(True)
        self.approve_here_button.setFocus()

    def approve_here(self) -> None:
        """A supervisor at this counter approves or declines with their credentials."""
        if self._pending is None:
            return
        self.approval = SupervisorApprovalDialog(
            self._desk,
            what=self.tr("Approve the refusal of this application"),
            details=request_lines(self._pending),
            approve=self._approve,
            decline=self._decline,
            parent=self,
        )
        self.approval.decided.connect(self._approved)
        self.approval.declined.connect(self._declined)
        self.approval.open()

    def _approve(
        self, supervisor: Actor, _reason: str, done: Done[ActionResult], failed: Failed
    ) -> None:
        self._desk.approve_refusal(
            self._case.case_id, supervisor=supervisor, done=done, failed=failed
        )

    def _decline(
        self, supervisor: Actor, _reason: str, done: Done[ActionResult], failed: Failed
    ) -> None:
        self._desk.decline_refusal(
            self._case.case_id, supervisor=supervisor, done=done, failed=failed
        )

    def _approved(self, result: ActionResult) -> None:
        self._decided_now()
        notice = result.documents[0]
        self.pending.say(
            self.tr("Refusal approved: notice {number}.").format(number=notice), Tone.OK
        )
        self.document.setVisible(True)
        self.document.show_document(notice)
        self.decided.emit(result)

    def _declined(self, result: ActionResult) -> None:
        self._decided_now()
        self.pending.say(self.tr("Refusal declined: the case goes on."), Tone.OK)
        self.declined.emit(result)

    def _decided_now(self) -> None:
        self.approve_here_button.setVisible(False)
        self.leave_button.setVisible(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _failed(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        self._update()
