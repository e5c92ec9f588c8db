"""A supervisor approves at this counter with their own staff number and password.

窗口无否决权: a refusal, or a one-time notice that raises what the earlier notice left out,
needs a supervisor. The supervisor comes to this counter and types their credentials; they
are checked (at the registry, or offline against this counter's copy) and the decision is
taken as that supervisor. The domain refuses a supervisor who approves their own request and
a staff member who is not a supervisor; the dialog shows its message and stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.services import ActionResult
from clerk.staff import Actor
from ui.decisions.desk import DecisionDesk, Done, Failed
from ui.decisions.labels import explain
from ui.decisions.widgets import StatusLine, Tone

Decide = Callable[[Actor, str, Done[ActionResult], Failed], None]
"""Takes the decision as the verified supervisor, with their reason (if asked for)."""


class SupervisorApprovalDialog(QDialog):
    """Staff number, password (and a reason where one is required), then approve or decline.

    Signals:
        decided(object): the `ActionResult` of the decision taken.
        declined(object): the `ActionResult` when the supervisor declined.
    """

    decided = Signal(object)
    declined = Signal(object)

    def __init__(
        self,
        desk: DecisionDesk,
        *,
        what: str,
        details: Sequence[str],
        approve: Decide,
        decline: Decide | None = None,
        reason_required: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supervisor approval"))
        self._desk, self._approve, self._decline = desk, approve, decline
        self._reason_required = reason_required
        self._declining: bool | None = None  # None: no decision under way
        self.actor: Actor | None = None
        self.result_view: ActionResult | None = None
        self._build(what, details)
        self._update()

    def _build(self, what: str, details: Sequence[str]) -> None:
        heading = QLabel(what, self)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        facts = QLabel("\n".join(details), self)
        facts.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "The supervisor enters their own staff number and password at this counter. "
                "They are checked at the registry, or offline against the copy kept at this "
                "counter. Whoever asked for the decision cannot approve it."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.staff_id = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Supervisor: staff &number"), self.staff_id)
        form.addRow(self.tr("Pass&word"), self.password)
        if self._reason_required:
            form.addRow(self.tr("&Reason (recorded)"), self.reason)
        else:
            self.reason.setVisible(False)
        self.status = StatusLine(self)
        self.approve_button = QPushButton(self.tr("&Approve"), self)
        self.approve_button.setDefault(True)
        self.decline_button = QPushButton(self.tr("&Decline"), self)
        self.decline_button.setVisible(self._decline is not None)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.approve_button, self.decline_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (heading, facts, hint):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(lambda: self._start(declining=False))
        self.decline_button.clicked.connect(lambda: self._start(declining=True))
        self.cancel_button.clicked.connect(self.reject)
        for field in (self.staff_id, self.password, self.reason):
            field.textChanged.connect(self._update)

    def _complete(self) -> bool:
        reason_ok = bool(self.reason.text().strip()) or not self._reason_required
        return bool(self.staff_id.text().strip() and self.password.text()) and reason_ok

    def _update(self) -> None:
        ready = self._complete() and self._declining is None
        self.approve_button.setEnabled(ready)
        self.decline_button.setEnabled(ready)

    def _start(self, *, declining: bool) -> None:
        if not self._complete() or self._declining is not None:
            return
        if declining and self._decline is None:
            return
        self._declining = declining
        self._update()
        self.status.say(self.tr("Checking the credentials…"))
        staff_id, password = self.staff_id.text().strip(), self.password.text()
        self.password.clear()  # typed once, used once
        self._desk.verify(staff_id, password, done=self._verified, failed=self._refused)

    def _verified(self, actor: Actor) -> None:
        choice = self._decline if self._declining else self._approve
        assert choice is not None  # a decline is started only when it is offered
        self.actor = actor
        self.status.say(self.tr("Deciding as {name}…").format(name=actor.name))
        choice(actor, self.reason.text().strip(), self._done, self._refused)

    def _done(self, result: ActionResult) -> None:
        declined, self._declining = bool(self._declining), None
        self.result_view = result
        (self.declined if declined else self.decided).emit(result)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._declining = None
        self.status.say(explain(error), Tone.PROBLEM)
        self._update()
        self.password.setFocus()
