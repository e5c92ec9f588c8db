"""Accepting a case (受理): the commit first, then the receipt from the print queue.

The acceptance is one unit of work that also queues the receipt; only after it committed does
the dialog print, by running the print queue. A printer that fails leaves the receipt in the
queue with its reason — the acceptance stands, nothing is lost, and the receipt prints when
the printer works. Owed (容缺) material and 告知承诺 commitments lead on to their papers.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk.materials import LineState, Verdict
from clerk.services import ActionResult, CaseView
from printing import DocumentKind
from ui.decisions.desk import DecisionDesk
from ui.decisions.document import DocumentPanel
from ui.decisions.labels import day_text, explain
from ui.decisions.paperwork import LetterDialog
from ui.decisions.widgets import StatusLine, Tone


class AcceptDialog(QDialog):
    """Accept the case, print the receipt, and show what happened.

    Signals:
        accepted_case(object): the case was accepted (the `ActionResult`).
    """

    accepted_case = Signal(object)

    def __init__(self, desk: DecisionDesk, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept the application"))
        self._desk, self._case = desk, case
        self.result_view: ActionResult | None = None
        self.letter: LetterDialog | None = None
        self._build()
        self._ready(self.accept_button)

    def _build(self) -> None:
        case = self._case
        header = QLabel(
            self.tr("Case {number} · {applicant} · {item}").format(
                number=case.number, applicant=case.applicant_name, item=case.item_name
            ),
            self,
        )
        header.setWordWrap(True)
        self.summary = QLabel(self._summary(case), self)
        self.summary.setWordWrap(True)
        self.document = DocumentPanel(self._desk, self)
        self.document.setVisible(False)
        self.status = StatusLine(self)
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.rongque_button = QPushButton(self.tr("Owed-material (容缺) &notice…"), self)
        self.commitment_button = QPushButton(self.tr("Commitment (告知承诺) &letter…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.rongque_button, self.commitment_button):
            button.setVisible(False)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.accept_button, self.document.print_button, self.rongque_button):
            row.addWidget(button)
        row.addWidget(self.commitment_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (header, self.summary, self.document, self.status):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.accept_button.clicked.connect(self.accept_case)
        self.rongque_button.clicked.connect(lambda: self.open_letter(DocumentKind.RONGQUE_NOTICE))
        self.commitment_button.clicked.connect(
            lambda: self.open_letter(DocumentKind.COMMITMENT_LETTER)
        )
        self.close_button.clicked.connect(self.reject)
        # The receipt prints once committed, whether or not its preview could be built.
        self.document.shown.connect(lambda _pages: self.document.print_document())
        self.document.preview_failed.connect(lambda _why: self.document.print_document())
        self.document.printed.connect(self._printed)
        self.document.print_failed.connect(self._print_failed)
        self.resize(820, 600)

    def _summary(self, case: CaseView) -> str:
        verdicts = {
            Verdict.COMPLETE: self.tr("All materials are complete."),
            Verdict.ACCEPTABLE_WITH_RONGQUE: self.tr(
                "Complete but for material owed under 容缺, due after acceptance."
            ),
            Verdict.NEEDS_CORRECTION: self.tr(
                "Materials must be corrected first: issue a one-time notice instead."
            ),
        }
        lines = [verdicts[case.verdict]] if case.verdict else []
        owed = [ln.name for ln in case.lines if ln.state is LineState.OWED]
        committed = [ln.name for ln in case.lines if ln.state is LineState.COMMITTED]
        if owed:
            lines.append(self.tr("Owed (容缺): {names}").format(names="、".join(owed)))
        if committed:
            lines.append(
                self.tr("By commitment (告知承诺): {names}").format(names="、".join(committed))
            )
        return "\n".join(lines)

    def _ready(self, button: QPushButton) -> None:
        for other in (self.accept_button, self.document.print_button, self.close_button):
            other.setDefault(False)
        button.setEnabled(True)
        button.setDefault(True)
        button.setFocus()

    def accept_case(self) -> None:
        """Accept: commit first; the receipt prints once the commit is done."""
        self.accept_button.setEnabled(False)
        self.status.say(self.tr("Accepting…"))
        self._desk.accept(self._case.case_id, done=self._accepted, failed=self._refused)

    def _accepted(self, result: ActionResult) -> None:
        self.result_view = result
        case, receipt = result.case, result.documents[0]
        due = day_text(case.due_on, provisional=case.due_provisional) if case.due_on else ""
        self.status.say(
            self.tr("Accepted: case {number}, receipt {receipt}, decision due by {due}.").format(
                number=case.number, receipt=receipt, due=due
            ),
            Tone.OK,
        )
        self.accept_button.setVisible(False)
        self.rongque_button.setVisible(bool(case.owed))
        states = {line.state for line in case.lines}
        self.commitment_button.setVisible(LineState.COMMITTED in states)
        self.document.setVisible(True)
        self.document.show_document(receipt)
        self.accepted_case.emit(result)

    def _refused(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        self._ready(self.close_button)

    def _printed(self, _number: str) -> None:
        letters = [b for b in (self.rongque_button, self.commitment_button) if b.isVisible()]
        self._ready(letters[0] if letters else self.close_button)

    def _print_failed(self, _reason: str) -> None:
        self._ready(self.document.print_button)  # Enter tries again

    def open_letter(self, paper: DocumentKind) -> None:
        """Open the 容缺 notice or the 告知承诺 letter of the accepted case."""
        result = self.result_view
        if result is None:
            return
        self.letter = LetterDialog(
            self._desk, case=result.case, receipt=result.documents[0], paper=paper, parent=self
        )
        self.letter.open()
