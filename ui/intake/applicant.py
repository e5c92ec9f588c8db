"""The applicant: a person (name, ID number, phone, address) or an organisation (name, unified
social credit code, legal representative, phone, address), with the number checked as it is
typed and its problem named beside the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from clerk.cases import Applicant, ApplicantKind
from clerk.clock import HALL_TIMEZONE, local_day
from clerk.errors import InvalidInput
from clerk.identity import IdCheck, validate_resident_id, validate_uscc
from ui.intake.id_messages import credit_code_message, person_id_message

PROBLEM_COLOUR = "#b00020"
VALID_COLOUR = "#1b5e20"


def hall_today() -> date:
    """The hall's calendar day now."""
    return local_day(datetime.now(HALL_TIMEZONE))


class ApplicantForm(QWidget):
    """The applicant's details; the number is validated on every keystroke.

    Signals:
        changed(): any field changed (`applicant()` may now differ).
    """

    changed = Signal()

    def __init__(
        self, *, today: Callable[[], date] = hall_today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Person"), ApplicantKind.PERSON.value)
        self.kind.addItem(self.tr("Organisation"), ApplicantKind.ORGANISATION.value)
        self.name = QLineEdit(self)
        self.id_number = QLineEdit(self)
        self.id_number.setMaxLength(24)
        self.id_message = QLabel(self)
        self.id_message.setObjectName("idMessage")
        self.id_message.setWordWrap(True)
        self.legal_representative = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self._layout = self._lay_out()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.id_number.textChanged.connect(self._number_changed)
        for field in (self.name, self.legal_representative, self.phone, self.address):
            field.textChanged.connect(self.changed)
        self.setFocusProxy(self.kind)
        self._kind_changed()

    def _lay_out(self) -> QFormLayout:
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        number_row = QHBoxLayout()
        number_row.addWidget(self.id_number, 3)
        number_row.addWidget(self.id_message, 4)
        self.kind_label = QLabel(self.tr("Applicant type"), self)
        self.name_label = QLabel(self)
        self.number_label = QLabel(self)
        self.legal_label = QLabel(self.tr("Legal representative"), self)
        rows = (
            (self.kind_label, self.kind),
            (self.name_label, self.name),
            (self.number_label, number_row),
            (self.legal_label, self.legal_representative),
            (QLabel(self.tr("Phone"), self), self.phone),
            (QLabel(self.tr("Address"), self), self.address),
        )
        for label, field in rows:
            layout.addRow(label, field)
        for label, buddy in zip(
            (self.kind_label, self.name_label, self.number_label, self.legal_label),
            (self.kind, self.name, self.id_number, self.legal_representative),
            strict=True,
        ):
            label.setBuddy(buddy)
        return layout

    def applicant_kind(self) -> ApplicantKind:
        """A person or an organisation."""
        kind = self.kind.currentData()
        return ApplicantKind(kind) if isinstance(kind, str) else ApplicantKind.PERSON

    def set_kind(self, kind: ApplicantKind) -> None:
        """Switch between a person and an organisation (the typed number is checked again)."""
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def check(self) -> IdCheck:
        """The typed number checked as an ID number or a credit code, as the kind requires."""
        text = self.id_number.text()
        if self.applicant_kind() is ApplicantKind.PERSON:
            return validate_resident_id(text, today=self._today())
        return validate_uscc(text)

    def message(self) -> str:
        """What the label beside the number says now."""
        return self.id_message.text()

    def applicant(self) -> Applicant | None:
        """The checked applicant, or None while the name is empty or the number is invalid."""
        try:
            return Applicant.checked(
                kind=self.applicant_kind(),
                name=self.name.text(),
                id_number=self.id_number.text(),
                phone=self.phone.text(),
                address=self.address.text().strip(),
                legal_representative=self._legal_text(),
            )
        except InvalidInput:
            return None

    def clear(self) -> None:
        """Empty every field for the next applicant (a person by default)."""
        for field in (
            self.name,
            self.id_number,
            self.legal_representative,
            self.phone,
            self.address,
        ):
            field.clear()
        self.set_kind(ApplicantKind.PERSON)

    def _legal_text(self) -> str:
        if self.applicant_kind() is ApplicantKind.PERSON:
            return ""
        return self.legal_representative.text()

    def _kind_changed(self) -> None:
        person = self.applicant_kind() is ApplicantKind.PERSON
        self.name_label.setText(self.tr("Name") if person else self.tr("Organisation name"))
        self.number_label.setText(
            self.tr("ID number") if person else self.tr("Unified social credit code")
        )
        self._layout.setRowVisible(self.legal_representative, not person)
        self._number_changed()

    def _number_changed(self) -> None:
        check, typed = self.check(), self.id_number.text()
        if self.applicant_kind() is ApplicantKind.PERSON:
            text = person_id_message(typed, check)
        else:
            text = credit_code_message(typed, check)
        colour = VALID_COLOUR if check.ok else PROBLEM_COLOUR
        self.id_message.setStyleSheet(f"color: {colour};")
        self.id_message.setText(text)
        self.changed.emit()
