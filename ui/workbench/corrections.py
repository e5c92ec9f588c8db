"""The return visit after a one-time notice: the applicant is back with the corrections.

When a case waiting for corrections (CORRECTION_REQUESTED) becomes the case in progress, the
visit is recorded (it counts against 最多跑一次) and the case's material checklist shows what
was recorded before. The clerk marks the lines corrected now with the checklist's keys and
Ctrl+Enter records them (only the lines that changed) and receives the corrections: the case
is RECEIVED again, and the decision bar offers acceptance or — under the one-time rule — a
further notice. Each step is a use case on the shared write lane.

The same checklist corrects the materials of a case not yet decided (`amend`: RECEIVING or
RECEIVED, no visit recorded): what the applicant fixes on the spot (Art. 32 (3)), e.g. after
the one-time rule refused a second notice. Ctrl+Enter then records only the changed lines.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk import services
from clerk.materials import MaterialRecord, Provision
from clerk.services import ActionResult, CaseView
from clerk.services.corrections import RecordedMaterials, recorded_materials
from clerk.staff import Actor
from clerk.store import Store
from ui.decisions.labels import explain
from ui.i18n import retranslate_on_language_change
from ui.intake.applicant import hall_today
from ui.intake.checklist import MaterialChecklist
from ui.intake.lines import LineEntry
from ui.queue.lane import Lane

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")
Opened = tuple[ActionResult, RecordedMaterials]
_T = TypeVar("_T")


def entry_of(record: MaterialRecord) -> LineEntry:
    """The checklist entry showing a stored record (its inverse is `LineEntry.record`)."""
    return LineEntry(record.provision, record.copies, record.defect or "", record.issued_on)


def changed_records(
    before: dict[str, MaterialRecord], now: dict[str, MaterialRecord]
) -> dict[str, MaterialRecord]:
    """The records the clerk changed (a line never recorded counts as recorded "missing")."""
    missing = MaterialRecord(Provision.MISSING)
    return {code: record for code, record in now.items() if before.get(code, missing) != record}


class ReturnVisit(QWidget):
    """The corrections of a return visit (see the module).

    Signals:
        acted(object, str): a recorded step (the visit, the corrections): its `ActionResult`
            and what its documents are called.
        message(str): something the clerk must read.
    """

    acted = Signal(object, str)
    message = Signal(str)

    def __init__(
        self,
        *,
        store: Store,
        writes: Lane,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("returnVisit")
        self._store, self._writes, self._clock = store, writes, clock
        self.actor: Actor | None = None
        self.materials: RecordedMaterials | None = None
        self.amending = False
        self.busy = False
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.checklist = MaterialChecklist(today=hall_today, parent=self)
        self.submit_button = QPushButton(self)
        self.submit_button.clicked.connect(self.submit)
        self._lay_out()
        for keys in SUBMIT_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        self.setVisible(False)
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def _lay_out(self) -> None:
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.checklist, 1)
        layout.addLayout(bottom)

    def retranslate_ui(self) -> None:
        """Set every translated text (again, after a language change)."""
        if self.amending:
            self.title.setText(
                self.tr("Correct the materials on the spot: mark the lines, then Ctrl+Enter.")
            )
            self.submit_button.setText(self.tr("Record the materials (Ctrl+Enter)"))
            return
        self.title.setText(
            self.tr("Return visit: mark what the applicant hands in now, then Ctrl+Enter.")
        )
        self.submit_button.setText(self.tr("Corrections received (Ctrl+Enter)"))

    @property
    def open(self) -> bool:
        """Whether corrections are being taken in now."""
        return self.materials is not None

    def begin(self, case: CaseView) -> None:
        """The applicant is back for `case`: record the visit, then show its checklist."""
        actor = self.actor
        if actor is None or self.busy:
            return
        if self.materials is not None and self.materials.case_id == case.case_id:
            return  # taken to the counter again during the same return visit
        store, now, case_id = self._store, self._clock(), case.case_id

        def record() -> Opened:
            result = services.record_return_visit(
                store.unit_of_work(), case_id=case_id, actor=actor, now=now
            )
            read = store.unit_of_work(read_only=True)
            return result, recorded_materials(read, case_id=case_id)

        self._run(record, self._begun)

    def amend(self, case: CaseView) -> None:
        """Show the recorded materials of `case` to correct them (no visit is recorded)."""
        if self.actor is None or self.busy:
            return
        store, case_id = self._store, case.case_id
        self._run(
            lambda: recorded_materials(store.unit_of_work(read_only=True), case_id=case_id),
            self._amend_begun,
        )

    def _amend_begun(self, materials: RecordedMaterials) -> None:
        self.amending = True
        self._show(materials)

    def _begun(self, opened: Opened) -> None:
        result, materials = opened
        self.amending = False
        self._show(materials)
        self.message.emit(
            self.tr("Return visit {visits} recorded for case {number}.").format(
                visits=result.case.visits, number=result.case.number
            )
        )
        self.acted.emit(result, self.tr("Return visit"))

    def _show(self, materials: RecordedMaterials) -> None:
        self.retranslate_ui()
        self.materials = materials
        self.checklist.set_item(materials.item, materials.situation)
        model, records = self.checklist.model, materials.record_map()
        for row in range(model.rowCount()):
            record = records.get(model.row(row).requirement.code)
            if record is not None:
                model.set_entry(row, entry_of(record))
        self.setVisible(True)
        self.checklist.setFocus()

    def submit(self) -> None:
        """Record the lines the clerk changed and receive the corrections."""
        materials, actor = self.materials, self.actor
        if materials is None or actor is None or self.busy:
            return
        changed = changed_records(materials.record_map(), self.checklist.model.records())
        store, now, case_id = self._store, self._clock(), materials.case_id
        if self.amending:
            self._record_amendment(changed, case_id=case_id, actor=actor)
            return

        def receive() -> ActionResult:
            if changed:
                services.record_materials(
                    store.unit_of_work(), case_id=case_id, records=changed, actor=actor, now=now
                )
            return services.corrections_received(
                store.unit_of_work(), case_id=case_id, actor=actor, now=now
            )

        self.message.emit(self.tr("Recording the corrections…"))
        self._run(receive, self._received)

    def _record_amendment(
        self, changed: dict[str, MaterialRecord], *, case_id: str, actor: Actor
    ) -> None:
        if not changed:
            self.stop()
            return
        store, now = self._store, self._clock()
        self._run(
            lambda: services.record_materials(
                store.unit_of_work(), case_id=case_id, records=changed, actor=actor, now=now
            ),
            self._amended,
        )

    def _amended(self, result: ActionResult) -> None:
        self.stop()
        self.message.emit(
            self.tr("Materials of case {number} corrected.").format(number=result.case.number)
        )
        self.acted.emit(result, self.tr("Materials"))

    def _received(self, result: ActionResult) -> None:
        self.stop()
        self.message.emit(
            self.tr("Corrections received: case {number} can be decided.").format(
                number=result.case.number
            )
        )
        self.acted.emit(result, self.tr("Corrections"))

    def stop(self) -> None:
        """Take no corrections (another case, or none, is in progress)."""
        self.materials = None
        self.amending = False
        self.setVisible(False)

    def _run(self, call: Callable[[], _T], done: Callable[[_T], None]) -> None:
        self.busy = True

        def finished(value: _T) -> None:
            self.busy = False
            done(value)

        self._writes.submit(call, done=finished, failed=self._failed)

    def _failed(self, error: Exception) -> None:
        self.busy = False
        self.message.emit(explain(error))
