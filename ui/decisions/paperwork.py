"""容缺 and 告知承诺: choosing what they cover, and the papers the applicant signs.

Before acceptance, `RongqueDialog` lists the secondary materials this case may owe (the item
allows 容缺 and the material is deferrable in the case's situation) with the due date the
item's policy gives and what happens if it is missed; `CommitmentDialog` lists the materials a
告知承诺 commitment may replace. The clerk ticks what applies, the applicant agrees to sign,
and the choice is recorded as the materials' provision. After acceptance, `LetterDialog`
shows the 容缺 notice and commitment, or the 告知承诺 letter, built from the acceptance receipt,
prints it and records the applicant's signature.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.materials import MaterialRecord, Provision
from clerk.services import ActionResult, CaseView
from clerk.services.paperwork import Paperwork, SubstituteLine
from printing import DocumentKind
from ui.decisions.desk import DecisionDesk
from ui.decisions.document import DocumentPanel
from ui.decisions.labels import day_text, explain, owed_expiry_label
from ui.decisions.widgets import StatusLine, Tone


class _SubstituteDialog(QDialog):
    """Tick the materials a substitute provision covers; the applicant agrees; record it.

    Signals:
        recorded(object): the choice was recorded (the `ActionResult`).
    """

    recorded = Signal(object)
    provision = Provision.OWED

    def __init__(self, desk: DecisionDesk, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk, self._case = desk, case
        self.lines: tuple[SubstituteLine, ...] = ()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.materials = QListWidget(self)
        self.terms = QLabel(self)
        self.terms.setWordWrap(True)
        self.agreed = QCheckBox(self)
        self.status = StatusLine(self)
        self.record_button = QPushButton(self.tr("&Record"), self)
        self.record_button.setEnabled(False)
        self.record_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"), self)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.materials, self.terms, self.agreed, self.status):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.agreed.toggled.connect(self._update)
        self.materials.itemChanged.connect(self._update)
        self.record_button.clicked.connect(self.record)
        cancel.clicked.connect(self.reject)
        self.status.say(self.tr("Looking up what may be covered…"))
        desk.paperwork_options(case.case_id, done=self._loaded, failed=self._failed)

    def _choices(self, options: Paperwork) -> tuple[SubstituteLine, ...]:
        raise NotImplementedError

    def _describe(self, options: Paperwork) -> None:
        raise NotImplementedError

    def _loaded(self, options: Paperwork) -> None:
        self.lines = self._choices(options)
        for line in self.lines:
            item = QListWidgetItem(line.name, self.materials)
            item.setToolTip(line.standard)
            item.setData(Qt.ItemDataRole.UserRole, line.code)
            item.setCheckState(Qt.CheckState.Checked if line.chosen else Qt.CheckState.Unchecked)
        self._describe(options)
        self.status.say("")
        self.materials.setFocus()
        self._update()

    def checked(self) -> tuple[str, ...]:
        """Codes of the ticked materials."""
        items = (self.materials.item(row) for row in range(self.materials.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() is Qt.CheckState.Checked
        )

    def _update(self) -> None:
        self.record_button.setEnabled(bool(self.lines) and self.agreed.isChecked())

    def record(self) -> None:
        """Record the ticked materials under this provision (untick: no longer covered)."""
        ticked = set(self.checked())
        records = {code: MaterialRecord(self.provision) for code in ticked}
        for line in self.lines:
            if line.chosen and line.code not in ticked:
                records[line.code] = MaterialRecord(Provision.MISSING)
        self.record_button.setEnabled(False)
        self._desk.record_materials(
            self._case.case_id, records, done=self._recorded, failed=self._failed
        )

    def _recorded(self, result: ActionResult) -> None:
        self.recorded.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        self._update()


class RongqueDialog(_SubstituteDialog):
    """容缺受理: secondary material owed after acceptance, by a due date, on a commitment."""

    provision = Provision.OWED

    def __init__(self, desk: DecisionDesk, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(desk, case, parent)
        self.setWindowTitle(self.tr("Accept with owed material (容缺)"))
        self.intro.setText(
            self.tr("Tick the secondary material the applicant will hand in after acceptance.")
        )
        self.agreed.setText(self.tr("The applicant agrees and will sign the 容缺 &commitment"))

    def _choices(self, options: Paperwork) -> tuple[SubstituteLine, ...]:
        return options.owable

    def _describe(self, options: Paperwork) -> None:
        if options.owed_due is None or options.owed_on_expiry is None:
            self.terms.setText(self.tr("This item allows no 容缺 for this case."))
            return
        self.terms.setText(
            self.tr(
                "Owed material is due by {day}; if it is not handed in by then, {expiry}."
            ).format(
                day=day_text(options.owed_due, provisional=options.owed_due_provisional),
                expiry=owed_expiry_label(options.owed_on_expiry),
            )
        )


class CommitmentDialog(_SubstituteDialog):
    """告知承诺: a signed commitment replaces a certificate the item allows it for."""

    provision = Provision.COMMITMENT

    def __init__(self, desk: DecisionDesk, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(desk, case, parent)
        self.setWindowTitle(self.tr("Commitment instead of a certificate (告知承诺)"))
        self.intro.setText(self.tr("Tick the materials the commitment replaces."))
        self.agreed.setText(self.tr("The applicant agrees and will sign the 告知承诺 &letter"))

    def _choices(self, options: Paperwork) -> tuple[SubstituteLine, ...]:
        return options.committable

    def _describe(self, options: Paperwork) -> None:
        if not options.committable:
            self.terms.setText(self.tr("This item allows no 告知承诺 for this case."))
            return
        self.terms.setText(
            self.tr(
                "The agency checks the commitment later; a false commitment revokes the "
                "decision and is recorded in the credit record of the applicant."
            )
        )


class LetterDialog(QDialog):
    """The 容缺 notice or the 告知承诺 letter of an accepted case: preview, print, signature.

    Signals:
        signed(object): the applicant's signature was recorded (the `ActionResult`).
    """

    signed = Signal(object)

    def __init__(
        self,
        desk: DecisionDesk,
        *,
        case: CaseView,
        receipt: str,
        paper: DocumentKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        titles = {
            DocumentKind.RONGQUE_NOTICE: self.tr("容缺 notice and commitment"),
            DocumentKind.COMMITMENT_LETTER: self.tr("告知承诺 commitment letter"),
        }
        self.setWindowTitle(titles.get(paper, ""))
        self._desk, self._case, self._receipt, self._paper = desk, case, receipt, paper
        self.document = DocumentPanel(desk, self)
        self.signed_button = QPushButton(self.tr("Applicant &signed"), self)
        self.signed_button.setEnabled(False)
        close = QPushButton(self.tr("Close"), self)
        self.status = StatusLine(self)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.document.print_button, self.signed_button, close):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.document, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.document.shown.connect(lambda _pages: self._next(self.document.print_button))
        self.document.printed.connect(lambda _number: self._next(self.signed_button))
        self.signed_button.clicked.connect(self.confirm_signed)
        close.clicked.connect(self.reject)
        self.resize(760, 720)
        self.document.show_document(receipt, paper=paper)

    def _next(self, button: QPushButton) -> None:
        self.document.print_button.setDefault(False)
        button.setEnabled(True)
        button.setDefault(True)
        button.setFocus()

    def confirm_signed(self) -> None:
        """The applicant signed the paper: record it against the acceptance receipt."""
        self.signed_button.setEnabled(False)
        self._desk.sign(
            self._case.case_id,
            document=self._receipt,
            paper=self._paper,
            done=self._signed,
            failed=self._failed,
        )

    def _signed(self, result: ActionResult) -> None:
        self.signed.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        self.signed_button.setEnabled(True)
