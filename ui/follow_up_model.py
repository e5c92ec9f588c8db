"""The table model of the bad-rating follow-up list: one immutable row per bad rating."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from clerk.clock import HALL_TIMEZONE
from clerk.services import FollowUpView
from ui.rating_labels import level_text, reasons_text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The role the list sorts by: plain values of each column (dates as ISO text)."""
OVERDUE_BACKGROUND = QColor("#fde2e1")
OVERDUE_TEXT = QColor("#a4161a")
DONE_TEXT = QColor("#6c7a89")
translate = QCoreApplication.translate  # the name lupdate looks for: translate("FollowUps", …)


def _titles() -> tuple[str, ...]:
    return (
        translate("FollowUps", "Case"),
        translate("FollowUps", "Applicant"),
        translate("FollowUps", "Phone"),
        translate("FollowUps", "Rating"),
        translate("FollowUps", "Reasons"),
        translate("FollowUps", "Comment"),
        translate("FollowUps", "Clerk"),
        translate("FollowUps", "Rated"),
        translate("FollowUps", "Due"),
        translate("FollowUps", "Follow-up"),
    )


def state_text(row: FollowUpView) -> str:
    """Overdue, open, or done by whom."""
    if row.done:
        return translate("FollowUps", "Done by {who}").format(who=row.done_by or "")
    if row.overdue:
        return translate("FollowUps", "Overdue")
    return translate("FollowUps", "Open")


class FollowUpModel(QAbstractTableModel):
    """Bad ratings: case, applicant (phone masked), level, reasons, clerk, dates, state.

    Overdue rows are highlighted in red; rows already followed up are greyed.
    """

    CASE, APPLICANT, PHONE, LEVEL, REASONS, COMMENT, CLERK, RATED, DUE, STATE = range(10)
    COLUMNS = 10

    def __init__(self) -> None:
        super().__init__()
        self._rows: tuple[FollowUpView, ...] = ()

    def set_rows(self, rows: Sequence[FollowUpView]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row(self, index: int) -> FollowUpView:
        """The row at `index` (in the model's order)."""
        return self._rows[index]

    def rows(self) -> tuple[FollowUpView, ...]:
        """Every row."""
        return self._rows

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        """Rows under the root; none under an item."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        """The columns listed in the class."""
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text, sort keys and the highlight of overdue and done rows."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == SORT_ROLE:
            return self._key(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COMMENT:
            return row.text or None
        return self._highlight(row, role)

    @staticmethod
    def _highlight(row: FollowUpView, role: int) -> QBrush | None:
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and (row.overdue or row.done):
            return QBrush(OVERDUE_TEXT if row.overdue else DONE_TEXT)
        return None

    def _text(self, row: FollowUpView, column: int) -> str:
        if column == self.DUE:
            due = row.due_on.isoformat()
            return (
                translate("FollowUps", "{date} (provisional)").format(date=due)
                if (row.due_provisional)
                else due
            )
        if column == self.RATED:
            return f"{row.rated_at.astimezone(HALL_TIMEZONE):%Y-%m-%d %H:%M}"
        texts = {
            self.CASE: row.number,
            self.APPLICANT: row.applicant_name,
            self.PHONE: row.applicant_phone_masked,
            self.LEVEL: level_text(row.level),
            self.REASONS: reasons_text(row.reasons),
            self.COMMENT: row.text,
            self.CLERK: row.clerk_id,
            self.STATE: state_text(row),
        }
        return texts[column]

    def _key(self, row: FollowUpView, column: int) -> str:
        if column == self.DUE:
            return f"{int(row.done)}{row.due_on.isoformat()}"  # open ones first
        if column == self.RATED:
            return row.rated_at.astimezone(UTC).isoformat()
        if column == self.STATE:
            return f"{int(row.done)}{int(not row.overdue)}{row.due_on.isoformat()}"
        return self._text(row, column)

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = _titles()
        return titles[section] if 0 <= section < len(titles) else None
