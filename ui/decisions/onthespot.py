"""即办件: a case accepted at the counter is completed (办结) on the spot and handed out.

Completion is its own unit of work (the domain refuses it for an item that is not a 即办件,
or while 容缺 material is owed). The result then goes to the applicant standing at the
counter: the hand-out dialog checks their identity and its hand-over record (出件登记) is the
paper that prints. No separate result document exists among the counter's documents
(DOMAIN.md §5): the licence itself comes from the agency's own system.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk.services import ActionResult, CaseView
from ui.decisions.desk import DecisionDesk
from ui.decisions.handout import HandOutDialog
from ui.decisions.labels import explain
from ui.decisions.widgets import StatusLine, Tone


class OnTheSpotDialog(QDialog):
    """Complete a 即办件 now, then hand the result out.

    Signals:
        completed(object): the case was completed (the `ActionResult`).
    """

    completed = Signal(object)

    def __init__(self, desk: DecisionDesk, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Complete on the spot (即办件)"))
        self._desk, self._case = desk, case
        self.result_view: ActionResult | None = None
        self.hand_out: HandOutDialog | None = None
        header = QLabel(
            self.tr("Case {number} · {applicant} · {item}").format(
                number=case.number, applicant=case.applicant_name, item=case.item_name
            ),
            self,
        )
        header.setWordWrap(True)
        self.status = StatusLine(self)
        self.complete_button = QPushButton(self.tr("&Complete now"), self)
        self.hand_out_button = QPushButton(self.tr("&Hand out now…"), self)
        self.hand_out_button.setVisible(False)
        close = QPushButton(self.tr("Close"), self)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.complete_button, self.hand_out_button, close):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.complete_button.clicked.connect(self.complete)
        self.hand_out_button.clicked.connect(self.open_hand_out)
        close.clicked.connect(self.reject)
        self.complete_button.setDefault(True)
        self.complete_button.setFocus()

    def complete(self) -> None:
        """Complete the case (办结)."""
        self.complete_button.setEnabled(False)
        self.status.say(self.tr("Completing…"))
        self._desk.complete_on_the_spot(
            self._case.case_id, done=self._completed, failed=self._failed
        )

    def _completed(self, result: ActionResult) -> None:
        self.result_view = result
        self.status.say(self.tr("Completed on the spot: hand the result out."), Tone.OK)
        self.complete_button.setVisible(False)
        self.hand_out_button.setVisible(True)
        self.hand_out_button.setDefault(True)
        self.hand_out_button.setFocus()
        self.completed.emit(result)

    def _failed(self, error: Exception) -> None:
        self.status.say(explain(error), Tone.PROBLEM)
        self.complete_button.setEnabled(True)

    def open_hand_out(self) -> None:
        """Hand the result to the applicant at the counter."""
        case = self.result_view.case if self.result_view else self._case
        self.hand_out = HandOutDialog(self._desk, case, parent=self)
        self.hand_out.handed_out.connect(lambda _result: self.hand_out_button.setEnabled(False))
        self.hand_out.open()
