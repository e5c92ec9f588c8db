"""The deadlines board: groups, urgency, red overdue rows, working days across holidays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk.services.deadlines import DeadlineGroup
from tests.ui.followup.conftest import Clock, checked
from tests.ui.followup.demo import Demo, at
from ui.followup.case_parts import OVERDUE_RED
from ui.followup.deadlines import BoardFilter, DeadlinesBoard
from ui.followup.source import FollowupSource


def loaded_board(qtbot: QtBot, source: FollowupSource) -> DeadlinesBoard:
    board = DeadlinesBoard(source=source)
    qtbot.addWidget(board)
    board.resize(1200, 500)
    board.show()
    with qtbot.waitSignal(board.refreshed):
        board.refresh()
    return board


def names(board: DeadlinesBoard) -> list[str]:
    return [row.applicant_name for row in board.rows()]


def test_what_needs_watching_comes_first_by_urgency_with_overdue_in_red(
    qtbot: QtBot, source: FollowupSource
) -> None:
    board = loaded_board(qtbot, source)
    # Tuesday 30 September 2025: 李四 is 7 working days late, 孙八 3; 周九 is due today; 张三 has
    # 2 working days (9 and 10 October, after the National Day week); 赵六 is suspended.
    assert names(board) == ["李四", "孙八", "周九", "张三", "赵六"]
    texts = [board.proxy.index(row, 1).data() for row in range(board.proxy.rowCount())]
    assert texts == [
        "Overdue by 7 working day(s)",
        "Overdue by 3 working day(s)",
        "Due today",
        "2 working day(s) left",
        "Paused · 14 working day(s) left",
    ]
    red = board.proxy.index(0, 3).data(Qt.ItemDataRole.ForegroundRole)
    assert red == OVERDUE_RED
    assert board.proxy.index(3, 3).data(Qt.ItemDataRole.ForegroundRole) != OVERDUE_RED
    assert board.buttons[BoardFilter.WATCH].text() == "To watch (5)"
    assert board.buttons[BoardFilter.ON_TRACK].text() == "On track (2)"


def test_each_filter_shows_its_group(qtbot: QtBot, source: FollowupSource) -> None:
    board = loaded_board(qtbot, source)
    expected = {
        BoardFilter.OVERDUE: ["李四", "孙八"],
        BoardFilter.DUE_SOON: ["周九", "张三"],
        BoardFilter.SUSPENDED: ["赵六"],
        BoardFilter.ON_TRACK: ["王五", "吴十"],
    }
    for choice, shown in expected.items():
        QTest.mouseClick(board.buttons[choice], Qt.MouseButton.LeftButton)
        assert names(board) == shown
        assert {row.group for row in board.rows()} == set(choice.value)


def test_refresh_regroups_across_the_holiday_and_the_make_up_saturday(
    qtbot: QtBot, source: FollowupSource, clock: Clock
) -> None:
    board = loaded_board(qtbot, source)
    clock.now = at("2025-10-05 10:00")  # Sunday in the holiday week: no working day passed
    with qtbot.waitSignal(board.refreshed):
        board.refresh()
    rows = {row.applicant_name: row for row in board.model.rows()}
    assert rows["张三"].working_days_left == 2
    assert rows["周九"].group is DeadlineGroup.OVERDUE  # due on 30 September
    assert rows["周九"].working_days_left == 0  # late, but no working day has passed since
    assert board.proxy.index(names(board).index("周九"), 1).data() == "Overdue since 2025-09-30"
    clock.now = at("2025-10-11 09:00")  # Saturday 11 October is a make-up working day
    with qtbot.waitSignal(board.refreshed):
        board.refresh()
    rows = {row.applicant_name: row for row in board.model.rows()}
    assert (rows["张三"].group, rows["张三"].working_days_left) == (DeadlineGroup.OVERDUE, -1)
    assert (rows["王五"].group, rows["王五"].working_days_left) == (DeadlineGroup.DUE_SOON, 1)
    assert rows["赵六"].working_days_left == 14  # the clock is still paused


def test_enter_opens_the_selected_case(qtbot: QtBot, source: FollowupSource, demo: Demo) -> None:
    board = loaded_board(qtbot, source)
    board.table.setFocus()
    QTest.keyClick(board.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(board.case_opened) as opened:
        QTest.keyClick(board.table, Qt.Key.Key_Return)
    assert opened.args == [demo.cases["孙八"]]


def test_the_board_refreshes_itself_when_asked_to(qtbot: QtBot, source: FollowupSource) -> None:
    board = DeadlinesBoard(source=source, refresh_ms=50)
    qtbot.addWidget(board)
    board.show()
    with qtbot.waitSignal(board.refreshed, timeout=5000):
        pass
    assert len(board.model.rows()) == 7


def test_a_hidden_board_is_not_read_on_its_timer(qtbot: QtBot, source: FollowupSource) -> None:
    board = DeadlinesBoard(source=source, refresh_ms=20)
    qtbot.addWidget(board)
    read: list[object] = []
    board.refreshed.connect(read.append)
    ticks: list[None] = []
    board.refresh_timer.timeout.connect(lambda: ticks.append(None))
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # five ticks while hidden
    assert read == []
    board.show()
    with qtbot.waitSignal(board.refreshed, timeout=5000):
        pass


def test_deadline_models(qtmodeltester: ModelTester, qtbot: QtBot, source: FollowupSource) -> None:
    board = DeadlinesBoard(source=source)
    qtbot.addWidget(board)
    checked(qtmodeltester, board.model)
    with qtbot.waitSignal(board.refreshed):
        board.refresh()
    checked(qtmodeltester, board.model)
    for choice in BoardFilter:
        board.set_filter(choice)
        checked(qtmodeltester, board.proxy)
