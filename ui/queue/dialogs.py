"""The queue panel's small dialogs: finish with an outcome, transfer, call a number, pause.

Each dialog only collects a choice (a plain value); the panel makes the move. `PanelDialogs`
is how the panel asks, so tests answer for the clerk and the dialogs are tested on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clerk.queue import Outcome, Placement
from ui.queue.port import HeldTicket, ServiceInfo, TransferTarget

_C_co = TypeVar("_C_co", covariant=True)


@dataclass(frozen=True, slots=True)
class VisitDocument:
    """A document issued during the visit (receipt, notice …) and the case it belongs to."""

    number: str
    case_id: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FinishChoice:
    """How the visit ended, and the cases and documents it produced."""

    outcome: Outcome
    case_ids: tuple[str, ...] = ()
    document_numbers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TransferChoice:
    """Where a ticket goes, with a note for the next clerk, placed how."""

    target: TransferTarget
    note: str
    placement: Placement


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberChoice:
    """A ticket to call out of turn, and why."""

    number: str
    reason: str


class PanelDialogs(Protocol):
    """How the panel asks the clerk; each answer is None when the clerk cancelled."""

    def finish(self, parent: QWidget, documents: Sequence[VisitDocument]) -> FinishChoice | None:
        """The outcome of the visit and which of its documents to link."""

    def transfer(self, parent: QWidget, services: Sequence[ServiceInfo]) -> TransferChoice | None:
        """Where to send the current ticket."""

    def call_number(self, parent: QWidget) -> NumberChoice | None:
        """Which number to call out of turn, and why."""

    def pause_reason(self, parent: QWidget) -> str | None:
        """Why the counter pauses."""

    def parked(self, parent: QWidget, tickets: Sequence[HeldTicket]) -> str | None:
        """Which parked ticket to call back."""


def outcome_label(outcome: Outcome) -> str:
    """An outcome as the clerk reads it."""
    labels = {
        Outcome.ACCEPTED: QCoreApplication.translate("Queue", "Accepted"),
        Outcome.CORRECTION_NOTICE: QCoreApplication.translate(
            "Queue", "One-time correction notice"
        ),
        Outcome.REFUSAL: QCoreApplication.translate("Queue", "Not accepted"),
        Outcome.CONSULTATION: QCoreApplication.translate("Queue", "Consultation only"),
        Outcome.HAND_OUT: QCoreApplication.translate("Queue", "Result handed out"),
    }
    return labels[outcome]


class OutcomeDialog(QDialog):
    """Finish a visit: its outcome, and the documents of the visit to link (all ticked)."""

    def __init__(self, documents: Sequence[VisitDocument], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Finish the visit"))
        self.outcomes = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Outcome"), self))
        for position, outcome in enumerate(Outcome):
            button = QRadioButton(outcome_label(outcome), self)
            self.outcomes.addButton(button, position)
            layout.addWidget(button)
        self.documents = QListWidget(self)
        for document in documents:
            item = QListWidgetItem(f"{document.number} · {document.title}", self.documents)
            item.setData(Qt.ItemDataRole.UserRole, document)
            item.setCheckState(Qt.CheckState.Checked)
        layout.addWidget(QLabel(self.tr("Documents issued during this visit"), self))
        layout.addWidget(self.documents)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b00020;")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.outcomes.idToggled.connect(self._check)
        self.documents.itemChanged.connect(self._check)
        default = Outcome.ACCEPTED if documents else Outcome.CONSULTATION
        self.choose(default)

    def choose(self, outcome: Outcome) -> None:
        """Select an outcome."""
        button = self.outcomes.button(list(Outcome).index(outcome))
        if button is not None:
            button.setChecked(True)
        self._check()

    def choice(self) -> FinishChoice | None:
        """The clerk's choice, or None while it is incomplete."""
        position = self.outcomes.checkedId()
        if position < 0:
            return None
        outcome = list(Outcome)[position]
        ticked = [
            self.documents.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.documents.count())
            if self.documents.item(row).checkState() == Qt.CheckState.Checked
        ]
        cases = tuple(dict.fromkeys(d.case_id for d in ticked if d.case_id))
        if outcome is not Outcome.CONSULTATION and not cases:
            return None
        numbers = tuple(d.number for d in ticked)
        return FinishChoice(outcome=outcome, case_ids=cases, document_numbers=numbers)

    def _check(self, *_: object) -> None:
        complete = self.choice() is not None
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(complete)
        self.hint.setText(
            ""
            if complete
            else self.tr("This outcome needs its case: tick the documents of this visit.")
        )


class TransferDialog(QDialog):
    """Transfer the current ticket: to a service's queue and/or a counter, with a note."""

    def __init__(self, services: Sequence[ServiceInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer the ticket"))
        self.service = QComboBox(self)
        self.service.addItem(self.tr("(same service)"), None)
        for info in services:
            self.service.addItem(info.name, info.code)
        self.counter = QLineEdit(self)
        self.counter.setPlaceholderText(self.tr("any counter"))
        self.note = QLineEdit(self)
        self.placement = QComboBox(self)
        for placement, label in (
            (Placement.FRONT, self.tr("At the front")),
            (Placement.BY_ARRIVAL, self.tr("By original arrival")),
            (Placement.END, self.tr("At the end")),
        ):
            self.placement.addItem(label, placement)
        form = QFormLayout(self)
        form.addRow(self.tr("Service"), self.service)
        form.addRow(self.tr("Counter"), self.counter)
        form.addRow(self.tr("Note for the next clerk"), self.note)
        form.addRow(self.tr("Place in the queue"), self.placement)
        self.buttons = _ok_cancel(self)
        form.addRow(self.buttons)
        self.service.currentIndexChanged.connect(self._check)
        self.counter.textChanged.connect(self._check)
        self._check()

    def choice(self) -> TransferChoice | None:
        """The transfer, or None while it names no target."""
        service = self.service.currentData()
        counter = self.counter.text().strip() or None
        if service is None and counter is None:
            return None
        return TransferChoice(
            target=TransferTarget(service=service, counter=counter),
            note=self.note.text().strip(),
            placement=Placement(self.placement.currentData()),
        )

    def _check(self, *_: object) -> None:
        _enable_ok(self.buttons, self.choice() is not None)


class CallNumberDialog(QDialog):
    """Call a given number out of turn; a reason is required (it is kept with the call)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Call a number"))
        self.number = QLineEdit(self)
        self.number.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{1,4}[0-9]{1,6}"), self)
        )
        self.number.setPlaceholderText("A012")  # notr: a ticket number, the same in every language
        self.reason = _reasons(
            self,
            (
                self.tr("Applicant returned after missing the call"),
                self.tr("Priority: elderly, disabled or pregnant"),
                self.tr("Appointment arrived"),
            ),
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Ticket number"), self.number)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = _ok_cancel(self)
        form.addRow(self.buttons)
        self.number.textChanged.connect(self._check)
        self.reason.currentTextChanged.connect(self._check)
        self._check()

    def choice(self) -> NumberChoice | None:
        """The number and the reason, or None while one is missing."""
        number, reason = self.number.text().strip().upper(), self.reason.currentText().strip()
        if not self.number.hasAcceptableInput() or not reason:
            return None
        return NumberChoice(number=number, reason=reason)

    def _check(self, *_: object) -> None:
        _enable_ok(self.buttons, self.choice() is not None)


class PauseDialog(QDialog):
    """Pause calling at this counter, with a reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pause calling"))
        self.reason = _reasons(
            self, (self.tr("Break"), self.tr("Meeting"), self.tr("System fault"))
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = _ok_cancel(self)
        form.addRow(self.buttons)

    def choice(self) -> str | None:
        """The reason, or None when empty."""
        return self.reason.currentText().strip() or None


class QtPanelDialogs:
    """The real dialogs, shown modally."""

    def finish(self, parent: QWidget, documents: Sequence[VisitDocument]) -> FinishChoice | None:
        """Ask with an `OutcomeDialog`."""
        return _asked(OutcomeDialog(documents, parent))

    def transfer(self, parent: QWidget, services: Sequence[ServiceInfo]) -> TransferChoice | None:
        """Ask with a `TransferDialog`."""
        return _asked(TransferDialog(services, parent))

    def call_number(self, parent: QWidget) -> NumberChoice | None:
        """Ask with a `CallNumberDialog`."""
        return _asked(CallNumberDialog(parent))

    def pause_reason(self, parent: QWidget) -> str | None:
        """Ask with a `PauseDialog`."""
        return _asked(PauseDialog(parent))

    def parked(self, parent: QWidget, tickets: Sequence[HeldTicket]) -> str | None:
        """The only parked ticket, or the one the clerk picks."""
        numbers = [t.number for t in tickets]
        if len(numbers) == 1:
            return numbers[0]
        title = QCoreApplication.translate("Queue", "Call back a parked ticket")
        label = QCoreApplication.translate("Queue", "Ticket")
        number, ok = QInputDialog.getItem(parent, title, label, numbers, 0, False)
        return number if ok else None


class _Asking(Protocol[_C_co]):
    def choice(self) -> _C_co | None: ...

    def exec(self) -> int: ...

    def deleteLater(self) -> None: ...  # noqa: N802


def _asked(dialog: _Asking[_C_co]) -> _C_co | None:
    answer = dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()  # its parent would otherwise keep every dialog it ever showed
    return answer


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _enable_ok(buttons: QDialogButtonBox, enabled: bool) -> None:
    ok: QPushButton | None = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setEnabled(enabled)


def _reasons(parent: QWidget, presets: Sequence[str]) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(list(presets))
    return box
