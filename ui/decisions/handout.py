"""Handing the result out (出件): an identity check at the window, or express delivery.

At the window the clerk types (or scans) the collector's ID number; it is checked as typed
(the problem is named) and, once entered, shown masked. The applicant collects in person, or
an agent collects with the applicant's authorisation letter; the use case matches the number
against the applicant's. By express, the recipient, a phone number that can be dialled, the
address and the tracking number are asked; phone and address are masked once entered. The
hand-over record (出件登记) is issued with the commit and printed from the queue.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk.catalog.model import DeliveryMethod
from clerk.errors import InvalidInput
from clerk.identity import mask_id_for_screen, mask_phone, validate_resident_id
from clerk.services import ActionResult, CaseView
from clerk.services.handover import Collector, Parcel, check_phone
from ui.decisions.desk import DecisionDesk
from ui.decisions.document import DocumentPanel
from ui.decisions.labels import explain, id_problem_text
from ui.decisions.widgets import MaskedField, StatusLine, Tone

_ADDRESS_SHOWN = 6


def mask_address(text: str) -> str:
    """An address for the screen: its first characters (the district), the rest hidden."""
    address = text.strip()
    return address[:_ADDRESS_SHOWN] + "*" * max(0, len(address) - _ADDRESS_SHOWN)


def phone_ok(text: str) -> bool:
    """Whether a courier can dial the number."""
    try:
        check_phone(text)
    except InvalidInput:
        return False
    return True


def id_ok(text: str) -> bool:
    """Whether the ID number passes its check."""
    return validate_resident_id(text).ok


class HandOutDialog(QDialog):
    """Hand the result out at the window or record its posting.

    Signals:
        handed_out(object): the hand-out was recorded (the `ActionResult`).
    """

    handed_out = Signal(object)

    def __init__(self, desk: DecisionDesk, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand the result out"))
        self._desk, self._case = desk, case
        self.result_view: ActionResult | None = None
        self._build()
        desk.delivery_methods(case.case_id, done=self._methods, failed=self._failed)

    def _build(self) -> None:
        case = self._case
        header = QLabel(
            self.tr("Case {number} · {applicant} · {item}").format(
                number=case.number, applicant=case.applicant_name, item=case.item_name
            ),
            self,
        )
        self.window_radio = QRadioButton(self.tr("At the &window"), self)
        self.post_radio = QRadioButton(self.tr("By e&xpress delivery"), self)
        self.window_radio.setChecked(True)
        self.post_radio.setEnabled(False)
        methods = QButtonGroup(self)
        methods.addButton(self.window_radio)
        methods.addButton(self.post_radio)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._window_page())
        self.pages.addWidget(self._express_page())
        self.document = DocumentPanel(self._desk, self)
        self.document.setVisible(False)
        self.status = StatusLine(self)
        self.hand_out_button = QPushButton(self.tr("&Hand out"), self)
        self.hand_out_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.hand_out_button, self.document.print_button, self.close_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        choice = QHBoxLayout()
        choice.addWidget(self.window_radio)
        choice.addWidget(self.post_radio)
        layout.addWidget(header)
        layout.addLayout(choice)
        for widget in (self.pages, self.document, self.status):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.window_radio.toggled.connect(self._update)
        self.hand_out_button.clicked.connect(self.hand_out)
        self.close_button.clicked.connect(self.reject)
        self.document.shown.connect(lambda _pages: self.document.print_document())
        self.document.preview_failed.connect(lambda _why: self.document.print_document())
        self.document.printed.connect(lambda _number: self._finish_focus())
        self._update()

    def _window_page(self) -> QWidget:
        page = QWidget(self)
        self.applicant_radio = QRadioButton(self.tr("The &applicant collects"), page)
        self.agent_radio = QRadioButton(self.tr("An a&gent collects"), page)
        self.applicant_radio.setChecked(True)
        self.id_number = MaskedField(mask=mask_id_for_screen, valid=id_ok, parent=page)
        self.id_hint = QLabel(page)
        self.agent_name = QLineEdit(page)
        self.letter = QCheckBox(self.tr("Authorisation &letter handed in"), page)
        form = QFormLayout(page)
        form.addRow(self.applicant_radio, self.agent_radio)
        form.addRow(self.tr("Collector: &ID number"), self.id_number)
        form.addRow("", self.id_hint)
        form.addRow(self.tr("Agent: &name"), self.agent_name)
        form.addRow("", self.letter)
        self.agent_radio.toggled.connect(self._update)
        self.id_number.textChanged.connect(self._id_typed)
        self.agent_name.textChanged.connect(self._update)
        self.letter.toggled.connect(self._update)
        return page

    def _express_page(self) -> QWidget:
        page = QWidget(self)
        self.recipient = QLineEdit(self._case.applicant_name, page)
        self.phone = MaskedField(mask=mask_phone, valid=phone_ok, parent=page)
        self.phone_hint = QLabel(page)
        self.address = MaskedField(mask=mask_address, valid=lambda t: bool(t.strip()), parent=page)
        self.tracking = QLineEdit(page)
        form = QFormLayout(page)
        form.addRow(self.tr("&Recipient"), self.recipient)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow("", self.phone_hint)
        form.addRow(self.tr("A&ddress"), self.address)
        form.addRow(self.tr("&Tracking number"), self.tracking)
        for field in (self.recipient, self.phone, self.address, self.tracking):
            field.textChanged.connect(self._update)
        self.phone.textChanged.connect(self._phone_typed)
        return page

    def _methods(self, methods: tuple[DeliveryMethod, ...]) -> None:
        self.post_radio.setEnabled(DeliveryMethod.POST in methods)

    def _id_typed(self) -> None:
        if not self.id_number.masked:
            text = self.id_number.text()
            self.id_hint.setText(id_problem_text(validate_resident_id(text)) if text else "")
        self._update()

    def _phone_typed(self) -> None:
        if not self.phone.masked:
            text = self.phone.text()
            wrong = text and not phone_ok(text)
            hint = self.tr("A mobile number (11 digits) or a landline with its area code.")
            self.phone_hint.setText(hint if wrong else "")
        self._update()

    def _by_post(self) -> bool:
        return self.post_radio.isChecked()

    def _complete(self) -> bool:
        if self._by_post():
            fields = (self.recipient.text(), self.address.value(), self.tracking.text())
            return all(f.strip() for f in fields) and phone_ok(self.phone.value())
        if not id_ok(self.id_number.value()):
            return False
        agent = self.agent_radio.isChecked()
        return not agent or bool(self.agent_name.text().strip() and self.letter.isChecked())

    def _update(self) -> None:
        by_post = self._by_post()
        self.pages.setCurrentIndex(1 if by_post else 0)
        agent = self.agent_radio.isChecked()
        self.agent_name.setEnabled(agent)
        self.letter.setEnabled(agent)
        text = self.tr("&Record posting") if by_post else self.tr("&Hand out")
        self.hand_out_button.setText(text)
        self.hand_out_button.setEnabled(self._complete() and self.result_view is None)

    def collector(self) -> Collector:
        """Who collects at the window, as entered."""
        agent = self.agent_radio.isChecked()
        return Collector(
            name=self.agent_name.text().strip() if agent else "",
            id_number=self.id_number.value(),
            agent=agent,
            authorisation_letter=agent and self.letter.isChecked(),
        )

    def parcel(self) -> Parcel:
        """The express delivery, as entered."""
        return Parcel(
            recipient=self.recipient.text(),
            phone=self.phone.value(),
            address=self.address.value(),
            tracking_number=self.tracking.text(),
        )

    def hand_out(self) -> None:
        """Record the hand-out; the hand-over record prints once it is committed."""
        self.hand_out_button.setEnabled(False)
        self.status.say(self.tr("Recording…"))
        case_id = self._case.case_id
        if self._by_post():
            self._desk.post_result(case_id, self.parcel(), done=self._done, failed=self._failed)
        else:
            self._desk.hand_out(case_id, self.collector(), done=self._done, failed=self._failed)

    def _done(self, result: ActionResult) -> None:
        self.result_view = result
        record = result.documents[0]
        self.status.say(self.tr("Handed out: record {number}.").format(number=record), Tone.OK)
        for widget in (self.pages, self.window_radio, self.post_radio):
            widget.setEnabled(False)
        self.document.setVisible(True)
        self.document.show_document(record)
        self.handed_out.emit(result)
        self._update()

    def _failed(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        self._update()

    def _finish_focus(self) -> None:
        self.close_button.setDefault(True)
        self.close_button.setFocus()
