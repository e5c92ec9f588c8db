"""The material checklist on screen: the table, its keys, and the current line's details beside it.

Keys on a line (no modifier): Space hands it in as asked; O original, C copy, B original and
copy, E electronic file, L e-licence, R owed (容缺), P commitment (告知承诺), M or Delete not
provided; D defective (asks for the reason); + and - change the copies; I edits the issue
date; F2 edits the current cell. Up/Down move between lines; Tab leaves the table.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk.catalog.model import ServiceItem
from clerk.materials import Checklist, Provision, Verdict
from ui.intake import checklist_model as cols
from ui.intake.checklist_model import ChecklistModel
from ui.intake.labels import (
    line_text,
    necessity_label,
    provision_label,
    requirement_label,
    verdict_text,
)
from ui.intake.lines import AS_ASKED, HANDED_IN

_Index = QModelIndex | QPersistentModelIndex

PROVISION_KEYS = {
    Qt.Key.Key_O: Provision.ORIGINAL,
    Qt.Key.Key_C: Provision.COPY,
    Qt.Key.Key_B: Provision.ORIGINAL_AND_COPY,
    Qt.Key.Key_E: Provision.ELECTRONIC,
    Qt.Key.Key_L: Provision.E_LICENCE,
    Qt.Key.Key_R: Provision.OWED,
    Qt.Key.Key_P: Provision.COMMITMENT,
    Qt.Key.Key_M: Provision.MISSING,
    Qt.Key.Key_Delete: Provision.MISSING,
}
"""The key that sets each provision on the current line."""
VERDICT_COLOURS = {
    Verdict.COMPLETE: "#1b5e20",
    Verdict.ACCEPTABLE_WITH_RONGQUE: "#8a5a00",
    Verdict.NEEDS_CORRECTION: "#b00020",
}
_PLAIN = (
    Qt.KeyboardModifier.NoModifier
    | Qt.KeyboardModifier.KeypadModifier
    | Qt.KeyboardModifier.ShiftModifier  # "+" is Shift+= on most keyboards
)


class ProvisionDelegate(QStyledItemDelegate):
    """A drop-down of every provision for the "handed in" column."""

    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget:
        """A combo box of the provisions in their words."""
        editor = QComboBox(parent)
        for provision in Provision:
            editor.addItem(provision_label(provision), provision.value)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802 - Qt API
        """Select the line's provision."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(editor.findData(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(  # noqa: N802 - Qt API
        self, editor: QWidget, model: QAbstractItemModel, index: _Index
    ) -> None:
        """Store the chosen provision."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ChecklistView(QTableView):
    """The checklist table, operated by single keys (see the module's documentation)."""

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setItemDelegateForColumn(cols.PROVISION, ProvisionDelegate(self))
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QTableView.EditTrigger.EditKeyPressed | QTableView.EditTrigger.DoubleClicked
        )
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {
            cols.NAME: 200,
            cols.REQUIREMENT: 160,
            cols.PROVISION: 100,
            cols.COPIES: 48,
            cols.ISSUED: 90,
            cols.DEFECT: 130,
            cols.STATE: 200,
        }
        for column, width in widths.items():
            self.setColumnWidth(column, width)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Single keys set the current line's status."""
        row = self.currentIndex().row()
        if row < 0 or event.modifiers() & ~_PLAIN or not self._line_key(row, event):
            super().keyPressEvent(event)

    def _line_key(self, row: int, event: QKeyEvent) -> bool:
        key, text = event.key(), event.text()
        if key in PROVISION_KEYS:
            self._model.set_provision(row, PROVISION_KEYS[Qt.Key(key)])
        elif key == Qt.Key.Key_Space:
            self._model.set_provision(row, AS_ASKED[self._model.row(row).requirement.kind])
        elif key == Qt.Key.Key_D:
            self._hand_in(row)
            self.edit(self._model.index(row, cols.DEFECT))
        elif key == Qt.Key.Key_I:
            self.edit(self._model.index(row, cols.ISSUED))
        elif text in ("+", "=", "-"):
            self._copies(row, 1 if text != "-" else -1)
        else:
            return False
        return True

    def _hand_in(self, row: int) -> None:
        line = self._model.row(row)
        if line.entry.provision not in HANDED_IN:
            self._model.set_provision(row, AS_ASKED[line.requirement.kind])

    def _copies(self, row: int, step: int) -> None:
        index = self._model.index(row, cols.COPIES)
        copies = self._model.row(row).entry.copies
        self._model.setData(index, max(0, copies + step), Qt.ItemDataRole.EditRole)


class MaterialChecklist(QWidget):
    """The checklist table with the current line's requirement and standard beside it.

    Signals:
        changed(object): the `Checklist` after every change (None while the item or the
            situation is not chosen).
    """

    changed = Signal(object)

    def __init__(self, *, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChecklistModel(today=today, parent=self)
        self.view = ChecklistView(self.model, self)
        self.detail = QLabel(self)
        self.detail.setObjectName("materialDetail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setMinimumWidth(240)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.keys = QLabel(
            self.tr(
                "Keys: Space as asked · O original · C copy · B both · E electronic · "
                "L e-licence · R owed · P commitment · M missing · D defective · +/- copies · "
                "I issue date"
            ),
            self,
        )
        self.keys.setWordWrap(True)
        self._lay_out()
        self.model.evaluated.connect(self._evaluated)
        self.model.dataChanged.connect(self._show_current)
        self.view.selectionModel().currentRowChanged.connect(self._show_current)
        self.setFocusProxy(self.view)

    def _lay_out(self) -> None:
        beside = QHBoxLayout()
        beside.addWidget(self.view, 3)
        beside.addWidget(self.detail, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(beside, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.keys)

    def set_item(self, item: ServiceItem | None, situation: str | None) -> None:
        """Show the materials of an item in a situation, none provided yet."""
        self.model.set_item(item, situation)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, cols.PROVISION))
        self._show_current()

    def _evaluated(self, checklist: Checklist | None) -> None:
        if checklist is None:
            text, colour = self.tr("Choose an item and its situation to see its materials."), ""
        else:
            deficient, owed = len(checklist.deficient), len(checklist.owed)
            text = verdict_text(checklist.verdict, deficient=deficient, owed=owed)
            colour = f"color: {VERDICT_COLOURS[checklist.verdict]};"
        self.verdict.setStyleSheet(f"font-weight: bold; {colour}")
        self.verdict.setText(text)
        self.changed.emit(checklist)

    def _show_current(self) -> None:
        row = self.view.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            self.detail.setText("")
            return
        line = self.model.row(row)
        req = line.requirement
        standard = self.tr("Acceptance standard")
        parts = [
            f"<b>{html.escape(req.name)}</b>",
            html.escape(f"{requirement_label(req)} · {necessity_label(line.necessity)}"),
            f"<b>{html.escape(standard)}</b><br>{html.escape(req.acceptance_standard)}",
            html.escape(line_text(line.line)),
        ]
        if req.blank_form:
            blank = self.tr("Blank form: {form}").format(form=req.blank_form)
            parts.insert(3, html.escape(blank))
        self.detail.setText("<br><br>".join(parts))
