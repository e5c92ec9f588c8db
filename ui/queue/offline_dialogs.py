"""The queue panel's dialogs of local mode: issue a walk-in ticket, record a hall ticket by hand.

Like `ui.queue.dialogs`, each dialog only collects a choice; the panel makes the move, and
`OfflineDialogs` is how it asks, so tests answer for the clerk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QDateTime, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from clerk.clock import HALL_TIMEZONE
from clerk.queue import Outcome
from ui.queue.dialogs import VisitDocument, outcome_label
from ui.queue.port import HeldTicket, ServiceInfo


@dataclass(frozen=True, slots=True, kw_only=True)
class HandServedChoice:
    """A printed hall ticket served by hand: its number, service, start and outcome."""

    number: str
    service: str | None
    started_at: datetime
    outcome: Outcome
    case_ids: tuple[str, ...] = ()
    document_numbers: tuple[str, ...] = ()


class OfflineDialogs(Protocol):
    """How the panel asks in local mode; each answer is None when the clerk cancelled."""

    def walk_in_service(self, parent: QWidget, services: Sequence[ServiceInfo]) -> str | None:
        """The service of a new walk-in ticket."""

    def hand_served(
        self,
        parent: QWidget,
        *,
        services: Sequence[ServiceInfo],
        documents: Sequence[VisitDocument],
        suggested: HeldTicket | None,
    ) -> HandServedChoice | None:
        """The printed hall ticket served by hand, and how its visit ended."""


class WalkInDialog(QDialog):
    """Issue a walk-in ticket with the counter's own number: which service."""

    def __init__(self, services: Sequence[ServiceInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Issue a walk-in ticket"))
        self.service = QComboBox(self)
        for info in services:
            self.service.addItem(info.name, info.code)
        form = QFormLayout(self)
        form.addRow(self.tr("Service"), self.service)
        self.buttons = _ok_cancel(self)
        form.addRow(self.buttons)
        _enable_ok(self.buttons, self.choice() is not None)

    def choice(self) -> str | None:
        """The chosen service's code (None when the hall's services are not known)."""
        code = self.service.currentData()
        return str(code) if code is not None else None


class HandServedDialog(QDialog):
    """Record a printed hall ticket served by hand: number, service, start, outcome, documents.

    The ticket the counter held when the hall queue went away is offered first.
    """

    def __init__(
        self,
        *,
        services: Sequence[ServiceInfo],
        documents: Sequence[VisitDocument],
        suggested: HeldTicket | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a hall ticket served by hand"))
        self.number = QLineEdit(self)
        self.number.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{1,4}[0-9]{3,6}"), self)
        )
        self.number.setPlaceholderText("A012")  # notr: a ticket number, the same in every language
        self.service = QComboBox(self)
        self.service.addItem(self.tr("(as printed)"), None)
        for info in services:
            self.service.addItem(info.name, info.code)
        self.started = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.started.setDisplayFormat("HH:mm")
        self.outcome = QComboBox(self)
        for outcome in Outcome:
            self.outcome.addItem(outcome_label(outcome), outcome)
        self.documents = _document_list(self, documents)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("Ticket number"), self.number)
        form.addRow(self.tr("Service"), self.service)
        form.addRow(self.tr("Served since"), self.started)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Documents issued during this visit"), self.documents)
        form.addRow(self.hint)
        self.buttons = _ok_cancel(self)
        form.addRow(self.buttons)
        self._suggest(suggested, services)
        default = Outcome.ACCEPTED if documents else Outcome.CONSULTATION
        self.outcome.setCurrentIndex(list(Outcome).index(default))
        self.number.textChanged.connect(self._check)
        self.outcome.currentIndexChanged.connect(self._check)
        self.documents.itemChanged.connect(self._check)
        self._check()

    def _suggest(self, ticket: HeldTicket | None, services: Sequence[ServiceInfo]) -> None:
        if ticket is None:
            return
        self.number.setText(ticket.number)
        codes = [info.code for info in services]
        if ticket.service in codes:
            self.service.setCurrentIndex(codes.index(ticket.service) + 1)
        if ticket.called_at is not None:
            millis = round(ticket.called_at.timestamp() * 1000)
            self.started.setDateTime(QDateTime.fromMSecsSinceEpoch(millis))

    def choice(self) -> HandServedChoice | None:
        """The record, or None while it is incomplete."""
        if not self.number.hasAcceptableInput():
            return None
        outcome = Outcome(self.outcome.currentData())
        ticked: list[VisitDocument] = [
            self.documents.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.documents.count())
            if self.documents.item(row).checkState() == Qt.CheckState.Checked
        ]
        cases = tuple(dict.fromkeys(d.case_id for d in ticked if d.case_id))
        if outcome is not Outcome.CONSULTATION and not cases:
            return None
        service = self.service.currentData()
        return HandServedChoice(
            number=self.number.text().strip().upper(),
            service=None if service is None else str(service),
            started_at=datetime.fromtimestamp(
                self.started.dateTime().toMSecsSinceEpoch() / 1000, HALL_TIMEZONE
            ),
            outcome=outcome,
            case_ids=cases,
            document_numbers=tuple(d.number for d in ticked),
        )

    def _check(self, *_: object) -> None:
        complete = self.choice() is not None
        _enable_ok(self.buttons, complete)
        needs_case = (
            self.number.hasAcceptableInput()
            and Outcome(self.outcome.currentData()) is not Outcome.CONSULTATION
        )
        self.hint.setText(
            self.tr("This outcome needs its case: tick the documents of this visit.")
            if needs_case and not complete
            else ""
        )


class QtOfflineDialogs:
    """The real dialogs, shown modally."""

    def walk_in_service(self, parent: QWidget, services: Sequence[ServiceInfo]) -> str | None:
        """Ask with a `WalkInDialog`."""
        dialog = WalkInDialog(services, parent)
        return dialog.choice() if _accepted(dialog) else None

    def hand_served(
        self,
        parent: QWidget,
        *,
        services: Sequence[ServiceInfo],
        documents: Sequence[VisitDocument],
        suggested: HeldTicket | None,
    ) -> HandServedChoice | None:
        """Ask with a `HandServedDialog`."""
        dialog = HandServedDialog(
            services=services, documents=documents, suggested=suggested, parent=parent
        )
        return dialog.choice() if _accepted(dialog) else None


def _accepted(dialog: QDialog) -> bool:
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()  # its parent would otherwise keep every dialog it ever showed
    return accepted


def _document_list(parent: QWidget, documents: Sequence[VisitDocument]) -> QListWidget:
    listed = QListWidget(parent)
    for document in documents:
        item = QListWidgetItem(f"{document.number} · {document.title}", listed)
        item.setData(Qt.ItemDataRole.UserRole, document)
        item.setCheckState(Qt.CheckState.Checked)
    return listed


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _enable_ok(buttons: QDialogButtonBox, enabled: bool) -> None:
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok is not None:
        ok.setEnabled(enabled)
