"""The case's decision bar: one-time notice, accept, 容缺, 告知承诺, refusal, 即办件, hand-out.

Each decision is a button and a key (Alt+N notice, Alt+A accept, Alt+R 容缺, Alt+C 告知承诺,
Alt+F refusal request, Alt+S 即办件 on the spot, Alt+H hand-out: `DECISION_KEYS`); it opens
the decision's dialog (`ui.decisions`) on the case in progress, and the dialog runs the use
case through the signed-in clerk's `DecisionDesk`. A decision the case's state cannot take is
disabled (the use case would refuse it anyway). What each dialog did comes back as
`ActionResult`s: every one through `acted` (the case and the visit's documents follow it),
the decisions the applicant may rate through `decided`.

A one-time notice or a refusal request needs the materials taken in first (收件: RECEIVING
has no move to CORRECTION_REQUESTED or NOT_ACCEPTED, RECEIVED has): on a case still in
RECEIVING the same key first has the bar's `receiver` receive the case (the materials voucher
is queued for printing) and then opens the dialog on the received case.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from clerk.cases import TRANSITIONS, CaseStatus
from clerk.cases.rating import RATABLE
from clerk.services import ActionResult, CaseView
from ui.decisions.accept import AcceptDialog
from ui.decisions.desk import DecisionDesk
from ui.decisions.handout import HandOutDialog
from ui.decisions.notice import NoticeDialog
from ui.decisions.onthespot import OnTheSpotDialog
from ui.decisions.paperwork import CommitmentDialog, RongqueDialog
from ui.decisions.refusal import RefusalRequestDialog
from ui.i18n import retranslate_on_language_change

_S = CaseStatus


class Decision(StrEnum):
    """The decisions of the bar, in its order."""

    NOTICE = "notice"  # 一次性告知
    ACCEPT = "accept"  # 受理
    RONGQUE = "rongque"  # 容缺受理
    COMMITMENT = "commitment"  # 告知承诺
    REFUSAL = "refusal"  # 不予受理 (a request a supervisor approves)
    ON_THE_SPOT = "on_the_spot"  # 即办件 completed at the counter
    HAND_OUT = "hand_out"  # 出件


DECISION_KEYS: dict[Decision, str] = {
    Decision.NOTICE: "Alt+N",
    Decision.ACCEPT: "Alt+A",
    Decision.RONGQUE: "Alt+R",
    Decision.COMMITMENT: "Alt+C",
    Decision.REFUSAL: "Alt+F",
    Decision.ON_THE_SPOT: "Alt+S",
    Decision.HAND_OUT: "Alt+H",
}
"""The key of each decision (the queue keeps F1…F10, the pages Ctrl+1…Ctrl+6)."""

BEFORE_ACCEPTANCE = frozenset({_S.RECEIVING, _S.RECEIVED, _S.CORRECTION_REQUESTED})
RESULT_READY = frozenset({_S.COMPLETED, _S.DECIDED_APPROVED, _S.DECIDED_REFUSED})
TARGETS = {
    Decision.NOTICE: _S.CORRECTION_REQUESTED,
    Decision.ACCEPT: _S.ACCEPTED,
    Decision.REFUSAL: _S.NOT_ACCEPTED,
}
"""Where the decisions that move the case straight away move it."""
Received = Callable[[CaseView], None]
Receiver = Callable[[CaseView, Received], None]
"""Receives (收件) a case, then calls back with the received case (not on failure)."""


def needs_receipt(decision: Decision, case: CaseView) -> bool:
    """Whether the case must be received (收件) before `decision` can move it."""
    target = TARGETS.get(decision)
    return (
        case.status is _S.RECEIVING
        and target is not None
        and target not in TRANSITIONS[_S.RECEIVING]
        and target in TRANSITIONS[_S.RECEIVED]
    )


def available(decision: Decision, case: CaseView | None) -> bool:
    """Whether the case's state can take `decision` now (no case: none).

    A case waiting for corrections takes no acceptance and no further notice until the
    corrections are received (the return visit does that).
    """
    if case is None:
        return False
    if decision is Decision.ON_THE_SPOT:
        return case.status is _S.ACCEPTED
    if decision is Decision.HAND_OUT:
        return case.status in RESULT_READY
    target = TARGETS.get(decision)
    if target is not None and case.status in BEFORE_ACCEPTANCE:
        return target in TRANSITIONS[case.status] or needs_receipt(decision, case)
    return case.status in BEFORE_ACCEPTANCE


def may_rate(result: ActionResult) -> bool:
    """Whether the applicant may rate the case after this result (once, in a ratable state)."""
    return result.case.rating is None and result.case.status in RATABLE


class DecisionBar(QWidget):
    """The decisions on the case in progress (see the module).

    Signals:
        acted(object, str): a dialog recorded a clerk action: its `ActionResult` and what its
            documents are called (e.g. "Acceptance receipt").
        decided(object): a decision the applicant may now rate (its `ActionResult`).
    """

    acted = Signal(object, str)
    decided = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionBar")
        self.desk: DecisionDesk | None = None
        self.case: CaseView | None = None
        self.dialog: QDialog | None = None
        self.receiver: Receiver | None = None
        self.receiving = False
        self.decision_actions: dict[Decision, QAction] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for decision in Decision:
            action = QAction(self)
            action.setShortcut(QKeySequence(DECISION_KEYS[decision]))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, d=decision: self.open(d))
            self.addAction(action)
            self.decision_actions[decision] = action
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys are the way; Tab skips
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(40)
            row.addWidget(button)
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def _label(self, decision: Decision) -> str:
        labels = {
            Decision.NOTICE: self.tr("One-time notice"),
            Decision.ACCEPT: self.tr("Accept"),
            Decision.RONGQUE: self.tr("Owed material (容缺)"),
            Decision.COMMITMENT: self.tr("Commitment (告知承诺)"),
            Decision.REFUSAL: self.tr("Refusal request"),
            Decision.ON_THE_SPOT: self.tr("Complete on the spot"),
            Decision.HAND_OUT: self.tr("Hand out"),
        }
        return labels[decision]

    def _title(self, decision: Decision) -> str:
        titles = {
            Decision.NOTICE: self.tr("One-time notice"),
            Decision.ACCEPT: self.tr("Acceptance receipt"),
            Decision.REFUSAL: self.tr("Refusal notice"),
            Decision.HAND_OUT: self.tr("Hand-over record"),
            Decision.ON_THE_SPOT: self.tr("Hand-over record"),
        }
        return titles.get(decision, self.tr("Document"))

    def retranslate_ui(self) -> None:
        """Label every decision with its key, in the current language."""
        for decision, action in self.decision_actions.items():
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setText(f"{self._label(decision)}  {key}")

    def set_desk(self, desk: DecisionDesk | None) -> None:
        """The signed-in clerk's desk (None: nobody signed in, nothing can be decided).

        A dialog still open on the previous clerk's desk is closed: it acted in their name.
        """
        if desk is not self.desk and self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()
        self.desk = desk
        self._update()

    def set_case(self, case: CaseView | None) -> None:
        """The case in progress (None: none)."""
        self.case = case
        self._update()

    def _update(self) -> None:
        for decision, action in self.decision_actions.items():
            action.setEnabled(self.desk is not None and available(decision, self.case))

    def open(self, decision: Decision) -> QDialog | None:
        """Open a decision's dialog on the case in progress (ignored when it is unavailable).

        Returns:
            The dialog; None when the decision is unavailable, or when the case is received
            first (the dialog opens once it is: see the module).
        """
        desk, case = self.desk, self.case
        if desk is None or case is None or not self.decision_actions[decision].isEnabled():
            return None
        if self.receiving:
            return None
        if needs_receipt(decision, case):
            self._receive_first(decision, case)
            return None
        self._forget_dialog()
        dialog = self._dialog(decision, desk, case)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _receive_first(self, decision: Decision, case: CaseView) -> None:
        if self.receiver is None:
            return
        self.receiving = True

        def received(after: CaseView) -> None:
            self.receiving = False
            if self.case is not None and self.case.case_id == after.case_id:
                self.set_case(after)
                self.open(decision)

        self.receiver(case, received)

    def receive_failed(self) -> None:
        """The receiver could not receive the case: the keys work again."""
        self.receiving = False

    def _dialog(self, decision: Decision, desk: DecisionDesk, case: CaseView) -> QDialog:
        parent, title = self.window(), self._title(decision)
        if decision is Decision.NOTICE:
            notice = NoticeDialog(desk, case, parent)
            notice.issued.connect(lambda r: self._acted(r, title, decided=True))
            notice.signed.connect(lambda r: self._acted(r, title))
            return notice
        if decision is Decision.ACCEPT:
            accept = AcceptDialog(desk, case, parent)
            accept.accepted_case.connect(lambda r: self._acted(r, title, decided=True))
            return accept
        if decision in (Decision.RONGQUE, Decision.COMMITMENT):
            kind = RongqueDialog if decision is Decision.RONGQUE else CommitmentDialog
            substitute = kind(desk, case, parent)
            substitute.recorded.connect(lambda r: self._acted(r, title))
            return substitute
        return self._later_dialog(decision, desk, case)

    def _later_dialog(self, decision: Decision, desk: DecisionDesk, case: CaseView) -> QDialog:
        parent, title = self.window(), self._title(decision)
        if decision is Decision.REFUSAL:
            refusal = RefusalRequestDialog(desk, case, parent)
            refusal.requested.connect(lambda r: self._acted(r, title))
            refusal.decided.connect(lambda r: self._acted(r, title, decided=True))
            refusal.declined.connect(lambda r: self._acted(r, title))
            return refusal
        if decision is Decision.ON_THE_SPOT:
            spot = OnTheSpotDialog(desk, case, parent)
            spot.completed.connect(lambda r: self._acted(r, title))
            # Its hand-out dialog appears only when the clerk asks for it: follow it then.
            spot.hand_out_button.clicked.connect(lambda: self._follow_hand_out(spot))
            return spot
        hand_out = HandOutDialog(desk, case, parent)
        hand_out.handed_out.connect(lambda r: self._acted(r, title, decided=True))
        return hand_out

    def _follow_hand_out(self, spot: OnTheSpotDialog) -> None:
        if spot.hand_out is not None:
            title = self._title(Decision.HAND_OUT)
            spot.hand_out.handed_out.connect(lambda r: self._acted(r, title, decided=True))

    def _acted(self, result: ActionResult, title: str, *, decided: bool = False) -> None:
        self.set_case(result.case)
        self.acted.emit(result, title)
        if decided and may_rate(result):
            self.decided.emit(result)

    def _forget_dialog(self) -> None:
        old, self.dialog = self.dialog, None
        if old is not None and not old.isVisible() and (self.desk is None or not self.desk.busy):
            old.deleteLater()
