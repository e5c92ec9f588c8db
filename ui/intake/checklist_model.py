"""The material checklist as a table model: one immutable row per material of the situation.

Every change of an entry measures the whole list again with `clerk.materials` (through
`checklist_rows`), so each line's state and problem, and the verdict, are always the case's own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from clerk.catalog.model import ServiceItem
from clerk.materials import Checklist, LineState, MaterialRecord, Provision
from ui.intake.labels import line_text, necessity_label, provision_label, requirement_label
from ui.intake.lines import HANDED_IN, ChecklistRow, LineEntry, checklist_rows, entry_for

_Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole

NAME, REQUIREMENT, PROVISION, COPIES, ISSUED, DEFECT, STATE, STANDARD = range(8)
COLUMNS = 8
ENTRY_ROLE = int(_ROLE.UserRole) + 1
"""The row's `LineEntry` (any column)."""

_PROVISIONS = frozenset(p.value for p in Provision)
_STATE_COLOURS = {
    LineState.OK: "#1b5e20",
    LineState.E_LICENCE: "#1b5e20",
    LineState.OWED: "#8a5a00",
    LineState.COMMITTED: "#8a5a00",
    LineState.NOT_NEEDED: "#555555",
    LineState.MISSING: "#b00020",
    LineState.DEFECTIVE: "#b00020",
}


class ChecklistModel(QAbstractTableModel):
    """The checklist of one item in one situation; edits go through `set_entry`/`setData`.

    Signals:
        evaluated(object): the `Checklist` after every change (None while no item or no
            situation is chosen).
    """

    evaluated = Signal(object)

    def __init__(self, *, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._item: ServiceItem | None = None
        self._situation: str | None = None
        self._rows: tuple[ChecklistRow, ...] = ()
        self._checklist: Checklist | None = None

    def set_item(self, item: ServiceItem | None, situation: str | None) -> None:
        """Show another item (every line not provided yet) or another situation of the same
        item (lines it shares with the previous situation keep what was entered)."""
        same = (
            item is not None
            and self._item is not None
            and (item.code, item.version) == (self._item.code, self._item.version)
        )
        kept = {row.requirement.code: row.entry for row in self._rows} if same else {}
        self.beginResetModel()
        self._item, self._situation = item, situation
        if item is not None:
            asked = {req.code for req, _ in item.requirements_for(situation)}
            kept = {code: entry for code, entry in kept.items() if code in asked}
        self._rows, self._checklist = self._measure(kept)
        self.endResetModel()
        self.evaluated.emit(self._checklist)

    def row(self, number: int) -> ChecklistRow:
        """The row with this number."""
        return self._rows[number]

    def checklist(self) -> Checklist | None:
        """The verdict on the whole list (None while no item or situation is chosen)."""
        return self._checklist

    def records(self) -> dict[str, MaterialRecord]:
        """What `record_materials` takes: a record for every line of the situation."""
        return {row.requirement.code: row.entry.record() for row in self._rows}

    def set_provision(self, number: int, provision: Provision) -> None:
        """Set how a line's material was provided (handed-in material gets the copies asked)."""
        row = self._rows[number]
        self.set_entry(number, entry_for(row.requirement, provision, row.entry))

    def set_entry(self, number: int, entry: LineEntry) -> None:
        """Replace one line's entry and measure the whole list again."""
        entries = {row.requirement.code: row.entry for row in self._rows}
        entries[self._rows[number].requirement.code] = entry
        self._rows, self._checklist = self._measure(entries)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMNS - 1))
        self.evaluated.emit(self._checklist)

    def _measure(
        self, entries: Mapping[str, LineEntry]
    ) -> tuple[tuple[ChecklistRow, ...], Checklist | None]:
        item, situation = self._item, self._situation
        if item is None or (item.situations and situation is None):
            return (), None
        return checklist_rows(item, situation, entries, today=self._today())

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """One row per material of the situation."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Material, requirement, provision, copies, issued on, defect, check, standard."""
        return 0 if parent.isValid() else COLUMNS

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Provision always, copies/issue date/defect only for material on the counter."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self._rows[index.row()]
        editable = index.column() == PROVISION or (
            row.entry.provision in HANDED_IN
            and (
                index.column() in (COPIES, DEFECT)
                or (index.column() == ISSUED and row.requirement.validity_months is not None)
            )
        )
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def data(self, index: _Index, role: int = _ROLE.DisplayRole) -> object:
        """Texts, the editors' values, the state's colour and the full standard as tooltip."""
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _ROLE.DisplayRole:
            return self._display(row, column)
        if role == _ROLE.EditRole:
            return self._edit_value(row, column)
        return self._decoration(row, column, role)

    @staticmethod
    def _decoration(row: ChecklistRow, column: int, role: int) -> object:
        if role == _ROLE.ToolTipRole and column in (NAME, STANDARD, REQUIREMENT):
            return f"{row.requirement.name}\n{row.requirement.acceptance_standard}"
        if role == _ROLE.ForegroundRole and column == STATE:
            return QColor(_STATE_COLOURS[row.line.state])
        return row.entry if role == ENTRY_ROLE else None

    @staticmethod
    def _display(row: ChecklistRow, column: int) -> object:
        entry, handed_in = row.entry, row.entry.provision in HANDED_IN
        texts: dict[int, object] = {
            NAME: row.requirement.name,
            REQUIREMENT: f"{requirement_label(row.requirement)} · {necessity_label(row.necessity)}",
            STANDARD: row.requirement.acceptance_standard,
            PROVISION: provision_label(entry.provision),
            COPIES: entry.copies if handed_in else "",
            ISSUED: entry.issued_on.isoformat() if entry.issued_on else "",
            DEFECT: entry.defect,
            STATE: line_text(row.line),
        }
        return texts[column]

    def _edit_value(self, row: ChecklistRow, column: int) -> object:
        entry = row.entry
        issued = entry.issued_on or self._today()
        values: dict[int, object] = {
            PROVISION: entry.provision.value,
            COPIES: entry.copies,
            ISSUED: QDate(issued.year, issued.month, issued.day),
            DEFECT: entry.defect,
        }
        return values.get(column)

    def setData(self, index: _Index, value: object, role: int = _ROLE.EditRole) -> bool:  # noqa: N802
        """Edit a line's provision, copies, issue date or defect reason."""
        if not index.isValid() or role != _ROLE.EditRole:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        entry = _edited(self._rows[index.row()].entry, index.column(), value)
        if entry is None:
            return False
        if index.column() == PROVISION:
            self.set_provision(index.row(), entry.provision)
        else:
            self.set_entry(index.row(), entry)
        return True

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = _ROLE.DisplayRole,
    ) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != _ROLE.DisplayRole:
            return None
        titles = {
            NAME: self.tr("Material"),
            REQUIREMENT: self.tr("Requirement"),
            PROVISION: self.tr("Handed in"),
            COPIES: self.tr("Copies"),
            ISSUED: self.tr("Issued on"),
            DEFECT: self.tr("Defect"),
            STATE: self.tr("Check"),
            STANDARD: self.tr("Acceptance standard"),
        }
        return titles.get(section)


def _edited(entry: LineEntry, column: int, value: object) -> LineEntry | None:
    """The entry with one field changed from an editor's value (None: not a valid value)."""
    if column == PROVISION and isinstance(value, str) and value in _PROVISIONS:
        return LineEntry(Provision(value), entry.copies, entry.defect, entry.issued_on)
    if column == COPIES and isinstance(value, int) and value >= 0:
        return LineEntry(entry.provision, value, entry.defect, entry.issued_on)
    if column == DEFECT and isinstance(value, str):
        return LineEntry(entry.provision, entry.copies, value, entry.issued_on)
    if column == ISSUED and isinstance(value, QDate) and value.isValid():
        issued = date(value.year(), value.month(), value.day())
        return LineEntry(entry.provision, entry.copies, entry.defect, issued)
    return None
