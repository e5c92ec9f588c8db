"""Where a scanner burst goes: the case of a number, the applicant of an ID, a material.

`ScannerFilter` recognises a burst anywhere in the application; `ScanRouter` acts on it:

- a case or document number (barcode, or the QR's progress link) opens that case on the case
  page — looked up in the store off the GUI thread;
- a ticket number is shown in the status bar (and whether it is the one being served);
- an ID number or credit code fills the applicant of the intake form, when intake shows;
- an e-licence code marks the item's matching materials as e-licence, when intake shows;
- anything else says what it is in the status bar (ID numbers masked).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from clerk.capture import (
    CaseNumber,
    DocumentNumber,
    ELicenceCode,
    IdNumber,
    TicketNumber,
    licence_materials,
)
from clerk.cases import ApplicantKind
from clerk.materials import Provision
from clerk.services.scans import case_of_scanned_number
from clerk.store import Store
from ui.capture.describe import describe
from ui.capture.scanner import scanned_code
from ui.decisions.labels import explain
from ui.intake.form import IntakeForm
from ui.queue.lane import Lane


class ScanRouter(QObject):
    """Acts on recognised scans (see the module).

    Signals:
        case_found(str): a scanned number belongs to this case: open it.
        said(str): what the status bar says about a scan.
    """

    case_found = Signal(str)
    said = Signal(str)

    def __init__(
        self,
        *,
        store: Store,
        lane: Lane,
        intake: Callable[[], IntakeForm | None],
        current_ticket: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        """Route with the store (read on `lane`), the intake form while it shows (else None)
        and the number of the ticket being served (else None)."""
        super().__init__(parent)
        self._store, self._lane = store, lane
        self._intake, self._current_ticket = intake, current_ticket

    @Slot(str, object)
    def route(self, _text: str, value: object) -> None:
        """Act on what the scanner read (`ScannerFilter.scanned`)."""
        code = scanned_code(value)
        if isinstance(code, DocumentNumber | CaseNumber):
            self._find_case(code)
        elif isinstance(code, TicketNumber):
            self._ticket(code)
        elif isinstance(code, IdNumber):
            self._applicant(code)
        elif isinstance(code, ELicenceCode):
            self._licence(code)
        else:
            self.said.emit(describe(code))

    def _find_case(self, code: DocumentNumber | CaseNumber) -> None:
        store, number = self._store, str(code.number)
        self.said.emit(describe(code))
        self._lane.submit(
            lambda: case_of_scanned_number(store.unit_of_work(read_only=True), number=number),
            done=lambda case_id: self._found(number, case_id),
            failed=lambda error: self.said.emit(explain(error)),
        )

    def _found(self, number: str, case_id: str | None) -> None:
        if case_id is None:
            self.said.emit(
                self.tr("No case with number {number} at this counter.").format(number=number)
            )
            return
        self.case_found.emit(case_id)

    def _ticket(self, code: TicketNumber) -> None:
        text = describe(code)
        if code.text == self._current_ticket():
            text = self.tr("{scanned} — being served now").format(scanned=text)
        self.said.emit(text)

    def _applicant(self, code: IdNumber) -> None:
        form = self._intake()
        if form is None:
            self.said.emit(describe(code))
            return
        applicant = form.applicant
        applicant.set_kind(
            ApplicantKind.ORGANISATION if code.is_organisation else ApplicantKind.PERSON
        )
        applicant.id_number.setText(code.text)
        if not applicant.name.text().strip():
            applicant.name.setFocus()
        self.said.emit(
            self.tr("{scanned}: filled in as the applicant's number.").format(
                scanned=describe(code)
            )
        )

    def _licence(self, code: ELicenceCode) -> None:
        form = self._intake()
        item = None if form is None else form.item()
        if form is None or item is None:
            self.said.emit(
                self.tr(
                    "{scanned}: choose the service item first, then scan the e-licence."
                ).format(scanned=describe(code))
            )
            return
        wanted = licence_materials(item, code)
        model = form.checklist.model
        marked = []
        for row in range(model.rowCount()):
            requirement = model.row(row).requirement
            if requirement.code in wanted:
                model.set_provision(row, Provision.E_LICENCE)
                marked.append(requirement.name)
        if not marked:
            self.said.emit(
                self.tr("{scanned}: no material of this item is that e-licence.").format(
                    scanned=describe(code)
                )
            )
            return
        self.said.emit(self.tr("Marked as e-licence: {names}").format(names="、".join(marked)))
