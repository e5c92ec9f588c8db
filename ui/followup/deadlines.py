"""The deadlines board (电子监察): running cases by urgency, overdue in red.

Filters: what needs watching (overdue, due soon, suspended), each group alone, and the cases on
track; every filter button shows its count. Rows are sorted by urgency: the most overdue first,
then the fewest working days left (counted on the hall's calendar, never in calendar days).
`refresh` reads the board again on the lane; connect it to whatever should refresh it (a
timer, a synchronisation round, a finished action). Enter opens the selected case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk.services.deadlines import DeadlineGroup, DeadlineRow
from ui.followup.case_parts import DUE_SOON_AMBER, ELSEWHERE_GREY, OVERDUE_RED
from ui.followup.errors import error_text
from ui.followup.source import FollowupSource
from ui.followup.texts import group_text, left_text, status_text
from ui.queue.lane import Lane
from ui.rows import GROUP_ROLE, ROW_ROLE, SORT_ROLE, Cells, Column, RowsModel, row_table

_log = logging.getLogger(__name__)
G = DeadlineGroup


class BoardFilter(Enum):
    """Which rows the board shows."""

    WATCH = (G.OVERDUE, G.DUE_SOON, G.SUSPENDED)
    OVERDUE = (G.OVERDUE,)
    DUE_SOON = (G.DUE_SOON,)
    SUSPENDED = (G.SUSPENDED,)
    ON_TRACK = (G.ON_TRACK,)


def _colour(row: DeadlineRow) -> QColor | None:
    return {G.OVERDUE: OVERDUE_RED, G.DUE_SOON: DUE_SOON_AMBER, G.SUSPENDED: ELSEWHERE_GREY}.get(
        row.group
    )


def _group(row: DeadlineRow) -> str:
    return row.group.value


def _case(row: DeadlineRow) -> str:
    return row.case_id


def _urgency(row: DeadlineRow) -> str:
    rank, left, due, number = row.urgency
    return f"{rank}{left + 100_000:07d}{due.isoformat()}{number}"  # text sorts as the tuple


def board_columns() -> tuple[Column[DeadlineRow], ...]:
    """Group, time left, due date, case, item, applicant, status, accepted; coloured by group."""

    def col(
        title: Callable[[], str],
        text: Callable[[DeadlineRow], str],
        sort: Callable[[DeadlineRow], str] | None = None,
    ) -> Column[DeadlineRow]:
        return Column(title, text, sort, foreground=_colour)

    return (
        col(
            lambda: QCoreApplication.translate("Followup", "Group"),
            lambda r: group_text(r.group),
            _urgency,
        ),
        col(lambda: QCoreApplication.translate("Followup", "Time left"), left_text, _urgency),
        col(
            lambda: QCoreApplication.translate("Followup", "Due date"),
            lambda r: r.due_on.isoformat(),
        ),
        col(lambda: QCoreApplication.translate("Followup", "Case number"), lambda r: r.number),
        col(lambda: QCoreApplication.translate("Followup", "Service item"), lambda r: r.item_name),
        col(
            lambda: QCoreApplication.translate("Followup", "Applicant"), lambda r: r.applicant_name
        ),
        col(
            lambda: QCoreApplication.translate("Followup", "Status"),
            lambda r: status_text(r.status),
        ),
        col(
            lambda: QCoreApplication.translate("Followup", "Accepted on"),
            lambda r: r.accepted_on.isoformat(),
        ),
    )


class GroupFilter(QSortFilterProxyModel):
    """Shows the rows of the chosen groups (matched in C++ on each row's `GROUP_ROLE`)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFilterRole(GROUP_ROLE)
        self.setFilterKeyColumn(0)
        self.setSortRole(SORT_ROLE)
        self.show_groups(BoardFilter.WATCH.value)

    def show_groups(self, groups: tuple[DeadlineGroup, ...]) -> None:
        """Show only rows of these groups."""
        names = "|".join(QRegularExpression.escape(group.value) for group in groups)
        self.setFilterRegularExpression(QRegularExpression(f"^(?:{names})$"))


class DeadlinesBoard(QWidget):
    """The deadlines board (see the module).

    Signals:
        case_opened(str): the clerk opened a case: its id.
        refreshed(object): the board was read again: every row, most urgent first.
        failed(str): reading the board failed: the message shown.
    """

    case_opened = Signal(str)
    refreshed = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        *,
        source: FollowupSource,
        lane: Lane | None = None,
        refresh_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deadlinesBoard")
        self._source = source
        self._lane = lane or Lane(parent=self)
        self.model: RowsModel[DeadlineRow] = RowsModel(board_columns(), group=_group, key=_case)
        self.proxy = GroupFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = BoardFilter.WATCH
        self._build()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.timeout.connect(self._tick)
        if refresh_ms is not None:
            self.refresh_timer.start(refresh_ms)

    def _build(self) -> None:
        self.buttons: dict[BoardFilter, QPushButton] = {}
        group = QButtonGroup(self)
        row = QHBoxLayout()
        for choice in BoardFilter:
            button = QPushButton(self)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, c=choice: self.set_filter(c))
            group.addButton(button)
            row.addWidget(button)
            self.buttons[choice] = button
        row.addStretch(1)
        self.buttons[BoardFilter.WATCH].setChecked(True)
        self.table = row_table(self.proxy, self, stretch=4)
        self.table.activated.connect(self._open)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._count()

    def set_filter(self, choice: BoardFilter) -> None:
        """Show one filter's rows, most urgent first."""
        self.filter = choice
        self.buttons[choice].setChecked(True)
        self._most_urgent_first()
        self.proxy.show_groups(choice.value)

    def refresh(self) -> None:
        """Read the board again and make its cells (on the lane)."""
        source, make = self._source, self.model.preparer()
        self._lane.submit(
            lambda: make(source.deadlines()),
            done=self._show,
            failed=self._report,
        )

    def _tick(self) -> None:
        if self.isVisible():  # a hidden board is read again when it is shown
            self.refresh()

    def rows(self) -> list[DeadlineRow]:
        """The rows shown, in their order."""
        shown = (self.proxy.index(i, 0).data(ROW_ROLE) for i in range(self.proxy.rowCount()))
        return [row for row in shown if isinstance(row, DeadlineRow)]

    def _show(self, cells: Cells[DeadlineRow]) -> None:
        self._most_urgent_first()
        self.model.install(cells)  # the proxy sorts them: most urgent first
        self._count()
        self.message.clear()
        self.refreshed.emit(cells.rows)

    def _most_urgent_first(self) -> None:
        """Sort by urgency unless the board already is (each sort filters every row again)."""
        header, ascending = self.table.horizontalHeader(), Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() != 0 or header.sortIndicatorOrder() != ascending:
            self.table.sortByColumn(0, ascending)

    def _count(self) -> None:
        counts = dict.fromkeys(DeadlineGroup, 0)
        for row in self.model.rows():
            counts[row.group] += 1
        for choice, button in self.buttons.items():
            total = sum(counts[group] for group in choice.value)
            button.setText(_filter_text(choice).format(count=total))

    def _open(self, index: QModelIndex) -> None:
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        if isinstance(row, DeadlineRow):
            self.case_opened.emit(row.case_id)

    def _report(self, error: Exception) -> None:
        text = error_text(error, _log)
        self.message.setText(text)
        self.failed.emit(text)


def _filter_text(choice: BoardFilter) -> str:
    texts = {
        BoardFilter.WATCH: QCoreApplication.translate("Followup", "To watch ({count})"),
        BoardFilter.OVERDUE: QCoreApplication.translate("Followup", "Overdue ({count})"),
        BoardFilter.DUE_SOON: QCoreApplication.translate("Followup", "Due soon ({count})"),
        BoardFilter.SUSPENDED: QCoreApplication.translate("Followup", "Suspended ({count})"),
        BoardFilter.ON_TRACK: QCoreApplication.translate("Followup", "On track ({count})"),
    }
    return texts[choice]
