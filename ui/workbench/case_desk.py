"""The case in progress: the intake form first, then the case with its decisions and its scans.

A new applicant starts on the intake form; Ctrl+Enter records the intake (the case is opened
and its materials recorded on the shared write lane) and the desk turns to the case: a line
naming it, the decision bar, and the capture panel with the material the next scan shows. A
case reopened from the case page lands here too; one waiting for corrections starts a return
visit (`ui.workbench.corrections`). A notice or refusal on a case still in RECEIVING first
receives it (收件, the materials voucher queued: `queued`). Ctrl+M corrects the materials of
a case not decided yet (the applicant fixes them on the spot). Ctrl+N starts the next intake.
Scans offered by the scanner's drop folder go to the case in progress.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk import services
from clerk.cases import CaseStatus
from clerk.catalog.search import ItemIndex
from clerk.services import ActionResult, CaseView
from clerk.staff import Actor
from clerk.store import uuid7
from ui.capture.controller import CaptureController
from ui.capture.dropfolder import DropFolder
from ui.capture.panel import CapturePanel
from ui.decisions.desk import DecisionDesk
from ui.decisions.labels import explain
from ui.followup.texts import status_text
from ui.i18n import retranslate_on_language_change
from ui.intake.controller import record_intake
from ui.intake.form import IntakeForm
from ui.intake.lines import IntakeRequest
from ui.workbench.corrections import ReturnVisit
from ui.workbench.decision_bar import DecisionBar, Received
from ui.workbench.parts import NOBODY, CounterParts, Lanes

_log = logging.getLogger(__name__)
NEW_INTAKE_KEY = "Ctrl+N"
AMEND_KEY = "Ctrl+M"
AMENDABLE = frozenset({CaseStatus.RECEIVING, CaseStatus.RECEIVED})
"""The states whose materials the clerk may still correct on the spot."""


class CaseDesk(QStackedWidget):
    """Intake, then the case in progress (see the module).

    Signals:
        case_changed(object): the case in progress (`CaseView`), or None for a new intake.
        acted(object, str): a clerk action on the case (the intake, then each decision): its
            `ActionResult` and what its documents are called.
        decided(object): a decision the applicant may rate (its `ActionResult`).
        message(str): something the clerk must read.
        queued(): documents were queued for printing outside a decision's dialog (print them).
    """

    case_changed = Signal(object)
    acted = Signal(object, str)
    decided = Signal(object)
    message = Signal(str)
    queued = Signal()

    def __init__(self, *, parts: CounterParts, lanes: Lanes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("caseDesk")
        self._parts, self._lanes = parts, lanes
        self.actor = NOBODY
        self.case: CaseView | None = None
        self.recording = False
        self.form = IntakeForm(ItemIndex(()), parent=self)
        self.capture = CaptureController(
            units=parts.store.unit_of_work,
            folder=parts.scans,
            actor=NOBODY,
            clock=parts.clock,
            parent=self,
        )
        self.drop_folder: DropFolder | None = None
        self.addWidget(self.form)
        self.case_view = self._case_page()
        self.addWidget(self.case_view)
        self._connect()
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def _case_page(self) -> QWidget:
        page = QWidget(self)
        self.heading = QLabel(page)
        self.heading.setObjectName("caseHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("#caseHeading { font-size: 14pt; font-weight: bold; }")
        self.bar = DecisionBar(page)
        self.bar.receiver = self._receive
        self.corrections = ReturnVisit(
            store=self._parts.store,
            writes=self._lanes.writes,
            clock=self._parts.clock,
            parent=page,
        )
        self.material_label = QLabel(page)
        self.material = QComboBox(page)
        self.material_label.setBuddy(self.material)
        self.new_intake_button = QPushButton(page)
        self.capture_panel = CapturePanel(self.capture, parent=page)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_intake_button)
        chooser = QHBoxLayout()
        chooser.addWidget(self.material_label)
        chooser.addWidget(self.material, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.corrections, 2)
        layout.addLayout(chooser)
        layout.addWidget(self.capture_panel, 1)
        return page

    def _connect(self) -> None:
        self.form.submitted.connect(self.record)
        self.bar.acted.connect(self._acted)
        self.bar.decided.connect(self.decided)
        self.corrections.acted.connect(self._acted)
        self.corrections.message.connect(self.message)
        self.material.currentIndexChanged.connect(self._material_chosen)
        self.capture_panel.message.connect(self.message)
        self.new_intake_button.clicked.connect(self.new_intake)
        new = QAction(self)
        new.setShortcut(QKeySequence(NEW_INTAKE_KEY))
        new.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        new.triggered.connect(self.new_intake)
        self.addAction(new)
        amend = QAction(self)
        amend.setShortcut(QKeySequence(AMEND_KEY))
        amend.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        amend.triggered.connect(self.amend_materials)
        self.addAction(amend)

    def retranslate_ui(self) -> None:
        """Set every translated text (again, after a language change)."""
        self.material_label.setText(self.tr("Next scan shows:"))
        self.new_intake_button.setText(self.tr("Next applicant (Ctrl+N)"))
        self._show_heading()

    # The signed-in clerk --------------------------------------------------------------------

    def set_actor(self, actor: Actor | None, desk: DecisionDesk | None) -> None:
        """Who acts now, and their decision desk (None: nobody is signed in)."""
        self.actor = actor or NOBODY
        self.capture.set_actor(self.actor)
        self.corrections.actor = actor
        self.bar.set_desk(desk)

    def set_index(self, index: ItemIndex) -> None:
        """The catalogue's search index (loaded off the GUI thread)."""
        self.form.set_index(index)

    @property
    def intake_showing(self) -> bool:
        """Whether the intake form is the page shown."""
        return self.currentWidget() is self.form

    # Intake ---------------------------------------------------------------------------------

    def record(self, request: IntakeRequest) -> None:
        """Record an intake on the write lane: open the case, record its materials."""
        if self.recording:
            return
        if self.actor is NOBODY:
            self.message.emit(self.tr("Sign in before recording an intake."))
            return
        self.recording = True
        self.form.record.setEnabled(False)
        store, actor, now = self._parts.store, self.actor, self._parts.clock()
        self.message.emit(self.tr("Recording the intake…"))
        self._lanes.writes.submit(
            lambda: record_intake(
                store.unit_of_work, request, case_id=uuid7(), actor=actor, now=now
            ),
            done=self._recorded,
            failed=self._not_recorded,
        )

    def _recorded(self, result: ActionResult) -> None:
        self.recording = False
        self.message.emit(
            self.tr("Case {number} opened for {name}.").format(
                number=result.case.number, name=result.case.applicant_name
            )
        )
        self.show_case(result.case)
        self.acted.emit(result, self.tr("Intake"))

    def _not_recorded(self, error: Exception) -> None:
        self.recording = False
        self.form.record.setEnabled(self.form.request() is not None)
        self.message.emit(explain(error))

    def new_intake(self) -> None:
        """Clear the form for the next applicant and show it."""
        self.form.reset()
        self.setCurrentWidget(self.form)
        self._set_case(None)
        self.form.finder.setFocus()

    # The case in progress -------------------------------------------------------------------

    def take_case(self, case_id: str) -> None:
        """Make a stored case the case in progress (read off the GUI thread); a case waiting
        for corrections starts a return visit."""
        store, now = self._parts.store, self._parts.clock()
        self._lanes.reads.submit(
            lambda: services.get_case(store.unit_of_work(read_only=True), case_id=case_id, now=now),
            done=self._taken,
            failed=lambda error: self.message.emit(explain(error)),
        )

    def _taken(self, case: CaseView) -> None:
        self.show_case(case)
        if case.status is CaseStatus.CORRECTION_REQUESTED and self.actor is not NOBODY:
            self.corrections.begin(case)

    def show_case(self, case: CaseView) -> None:
        """Show a case with its decisions and scans."""
        self.setCurrentWidget(self.case_view)
        self._set_case(case)
        self.material.blockSignals(True)
        self.material.clear()
        for line in case.lines:
            self.material.addItem(f"{line.code} · {line.name}", line.code)
        self.material.blockSignals(False)
        self.capture.set_case(case.case_id)
        self._material_chosen()
        self.material.setFocus()  # arrow keys choose what the next scan shows

    def amend_materials(self) -> None:
        """Correct the materials of the case in progress, if it is not decided yet."""
        case = self.case
        if case is None or case.status not in AMENDABLE or self.actor is NOBODY:
            return
        if self.currentWidget() is self.case_view and not self.corrections.open:
            self.corrections.amend(case)

    def _acted(self, result: ActionResult, title: str) -> None:
        self._set_case(result.case)
        self.acted.emit(result, title)

    def _receive(self, case: CaseView, then: Received) -> None:
        """Receive the case (收件) on the write lane, then go on (the decision bar's receiver)."""
        store, actor, now, case_id = (
            self._parts.store,
            self.actor,
            self._parts.clock(),
            case.case_id,
        )
        self.message.emit(self.tr("Receiving the materials…"))

        def received(result: ActionResult) -> None:
            self._acted(result, self.tr("Materials voucher"))
            self.queued.emit()
            then(result.case)

        def failed(error: Exception) -> None:
            self.bar.receive_failed()
            self.message.emit(explain(error))

        self._lanes.writes.submit(
            lambda: services.receive(store.unit_of_work(), case_id=case_id, actor=actor, now=now),
            done=received,
            failed=failed,
        )

    def _set_case(self, case: CaseView | None) -> None:
        if case is None or self.case is None or case.case_id != self.case.case_id:
            self.corrections.stop()
        self.case = case
        self.bar.set_case(case)
        if case is None:
            self.capture.set_case(None)
        self._show_heading()
        self.case_changed.emit(case)

    def _show_heading(self) -> None:
        case = self.case
        if case is None:
            self.heading.setText("")
            return
        self.heading.setText(
            self.tr("Case {number} · {item} · {status}").format(
                number=case.number, item=case.item_name, status=status_text(case.status)
            )
        )

    def _material_chosen(self) -> None:
        code = self.material.currentData()
        self.capture.set_material(code if isinstance(code, str) else None)

    # The scanner's folder -------------------------------------------------------------------

    def watch_folder(self, folder: Path | None) -> None:
        """Offer new scans from this folder (None: watch none)."""
        if self.drop_folder is not None:
            self.drop_folder.stop()
            self.drop_folder.deleteLater()
            self.drop_folder = None
        if folder is None:
            return
        self.drop_folder = DropFolder(folder, parent=self)
        self.drop_folder.fileArrived.connect(self.capture_panel.offers.offer)
        self.drop_folder.unreachable.connect(self._folder_unreachable)
        self.drop_folder.start()

    def _folder_unreachable(self, reason: str) -> None:
        self.message.emit(
            self.tr("The scanner's folder cannot be read: {reason}").format(reason=reason)
        )

    def close_work(self) -> None:
        """Stop background work (the window closes)."""
        if self.drop_folder is not None:
            self.drop_folder.stop()
        self.capture.close()
        self.capture_panel.close_work()
