"""The intake form: find the item, choose the situation, enter the applicant, check the materials.

Keyboard path: type in the finder, Down/Up, Enter → the situation (number keys, Enter) → the
applicant's fields (Tab) → the checklist (single keys per line) → Ctrl+Enter records the intake.
The form never calls a use case: it hands an `IntakeRequest` to whoever listens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk.cases import ApplicantKind
from clerk.catalog.model import ServiceItem, ServiceObject
from clerk.catalog.search import ItemIndex
from ui.intake.applicant import ApplicantForm, hall_today
from ui.intake.checklist import MaterialChecklist
from ui.intake.finder import ItemFinder
from ui.intake.lines import IntakeRequest
from ui.intake.situation import SituationChooser

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


class IntakeForm(QWidget):
    """The whole intake of one applicant for one item.

    Signals:
        item_chosen(object): the clerk chose a `ServiceItem`.
        ready_changed(bool): whether everything needed to record the intake is there.
        submitted(object): the clerk asked to record the intake: an `IntakeRequest`.
    """

    item_chosen = Signal(object)
    ready_changed = Signal(bool)
    submitted = Signal(object)

    def __init__(
        self,
        index: ItemIndex,
        *,
        today: Callable[[], date] = hall_today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._item: ServiceItem | None = None
        self._ready = False
        self.finder = ItemFinder(index, self)
        self.item_label = QLabel(self.tr("No item chosen yet."), self)
        self.item_label.setObjectName("chosenItem")
        self.item_label.setWordWrap(True)
        self.situation = SituationChooser(self)
        self.applicant = ApplicantForm(today=today, parent=self)
        self.checklist = MaterialChecklist(today=today, parent=self)
        self.missing = QLabel(self)
        self.missing.setObjectName("stillNeeded")
        self.missing.setWordWrap(True)
        self.record = QPushButton(self.tr("Record intake (Ctrl+Enter)"), self)
        self._lay_out()
        self._connect()
        self._refresh()

    def _lay_out(self) -> None:
        find = QGroupBox(self.tr("1 · Service item"), self)
        QVBoxLayout(find).addWidget(self.finder)
        who = QGroupBox(self.tr("2 · Situation and applicant"), self)
        who_layout = QVBoxLayout(who)
        for widget in (self.item_label, self.situation, self.applicant):
            who_layout.addWidget(widget)
        who_layout.addStretch(1)
        materials = QGroupBox(self.tr("3 · Materials"), self)
        QVBoxLayout(materials).addWidget(self.checklist)
        bottom = QHBoxLayout()
        bottom.addWidget(self.missing, 1)
        bottom.addWidget(self.record)
        grid = QGridLayout(self)
        grid.addWidget(find, 0, 0)
        grid.addWidget(who, 0, 1)
        grid.addWidget(materials, 1, 0, 1, 2)
        grid.addLayout(bottom, 2, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(1, 1)

    def _connect(self) -> None:
        self.finder.chosen.connect(self.choose_item)
        self.situation.changed.connect(self._situation_changed)
        self.situation.confirmed.connect(self.applicant.name.setFocus)
        self.applicant.changed.connect(self._refresh)
        self.checklist.changed.connect(self._refresh)
        self.record.clicked.connect(self.submit)
        for keys in SUBMIT_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)

    def item(self) -> ServiceItem | None:
        """The chosen item."""
        return self._item

    def set_index(self, index: ItemIndex) -> None:
        """Search another catalogue."""
        self.finder.set_index(index)

    def choose_item(self, item: ServiceItem) -> None:
        """Take an item (from the finder, or a case reopened): its situations and materials."""
        self._item = item
        self.item_label.setText(f"{item.name}\n{item.code} · {item.agency.name}")
        if ServiceObject.PERSON not in item.service_objects:
            self.applicant.set_kind(ApplicantKind.ORGANISATION)
        self.situation.set_item(item)
        self.item_chosen.emit(item)
        (self.situation if item.situations else self.applicant.name).setFocus()

    def _situation_changed(self, situation: str | None) -> None:
        self.checklist.set_item(self._item, situation)
        self._refresh()

    def still_needed(self) -> list[str]:
        """What must still be entered before the intake can be recorded, in words."""
        needed = []
        if self._item is None:
            needed.append(self.tr("the service item"))
        elif self.situation.needed():
            needed.append(self.tr("the situation"))
        if not self.applicant.name.text().strip():
            needed.append(self.tr("the applicant name"))
        if not self.applicant.check().ok:
            needed.append(self.tr("a valid ID number or credit code"))
        return needed

    def request(self) -> IntakeRequest | None:
        """What the use cases need, or None while something is still needed."""
        applicant = self.applicant.applicant()
        if self._item is None or applicant is None or self.situation.needed():
            return None
        records = tuple(self.checklist.model.records().items())
        return IntakeRequest(self._item.code, self.situation.situation(), applicant, records)

    def submit(self) -> None:
        """Emit `submitted` with the request when everything needed is there."""
        request = self.request()
        if request is not None:
            self.submitted.emit(request)

    def reset(self) -> None:
        """Clear the form for the next applicant (the catalogue stays)."""
        self._item = None
        self.finder.search.clear()
        self.item_label.setText(self.tr("No item chosen yet."))
        self.applicant.clear()
        self.situation.set_item(None)
        self.finder.setFocus()

    def _refresh(self) -> None:
        needed = self.still_needed()
        text = self.tr("Still needed: {list}").format(list=self.tr(", ").join(needed))
        self.missing.setText(text if needed else "")
        ready = not needed
        self.record.setEnabled(ready)
        if ready != self._ready:
            self._ready = ready
            self.ready_changed.emit(ready)
