"""The follow-up screens in Chinese (the counter's default) and back in English."""

from __future__ import annotations

import runpy
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.followup.conftest import ROOT
from tests.ui.followup.demo import Demo
from ui.followup.attention import AttentionList
from ui.followup.case_page import CasePage
from ui.followup.deadlines import BoardFilter, DeadlinesBoard
from ui.followup.search import CaseSearch
from ui.followup.source import FollowupSource


def test_every_follow_up_string_has_a_chinese_translation(
    followup_translation: tuple[Path, Path],
) -> None:
    unfinished = [
        message.findtext("source")
        for message in ET.parse(followup_translation[0]).getroot().iter("message")
        if (translation := message.find("translation")) is not None
        and (translation.get("type") is not None or not "".join(translation.itertext()))
    ]
    assert unfinished == []


def test_the_follow_up_table_agrees_with_every_other_table() -> None:
    ours = runpy.run_path(str(ROOT / "scripts" / "zh" / "followup.py"))["ZH"]
    others = [runpy.run_path(str(ROOT / "scripts" / "translate_fill.py"), run_name="table")["ZH"]]
    others += [
        runpy.run_path(str(path))["ZH"]
        for path in sorted((ROOT / "scripts" / "zh").glob("*.py"))
        if path.name != "followup.py"
    ]
    clashes = {
        source: (text, other[source])
        for other in others
        for source, text in ours.items()
        if source in other and other[source] != text
    }
    assert clashes == {}


def test_the_case_page_in_chinese(
    qtbot: QtBot, zh: None, source: FollowupSource, demo: Demo
) -> None:
    page = CasePage(source=source)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.show_case(demo.cases["张三"])
    assert page.deadline.text() == "2025-10-10 到期 · 剩余 2 个工作日"
    assert page.status.text() == "已受理（计时中）"
    steps = [page.timeline_table.model().index(r, 2).data() for r in range(3)]
    assert steps == ["创建办件", "登记材料", "收件 → 已收件"]
    header = page.timeline_table.model().headerData(1, Qt.Orientation.Horizontal)
    assert header == "经办人"
    assert page.reprint_button.text() == "补打副本（Ctrl+P）"


def test_the_board_search_and_attention_in_chinese(
    qtbot: QtBot, zh: None, source: FollowupSource
) -> None:
    board = DeadlinesBoard(source=source)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.refreshed):
        board.refresh()
    assert board.buttons[BoardFilter.WATCH].text() == "需关注（5）"
    assert board.proxy.index(0, 1).data() == "已超期 7 个工作日"
    assert board.proxy.index(4, 1).data() == "暂停计时 · 剩余 14 个工作日"
    search = CaseSearch(source=source)
    qtbot.addWidget(search)
    search.box.setText("13812345678")
    assert search.hint.text() == "按电话号码查询"
    attention = AttentionList(source=source)
    qtbot.addWidget(attention)
    with qtbot.waitSignal(attention.refreshed):
        attention.refresh()
    assert attention.details.text().splitlines()[1].startswith("情况：本窗口上次同步后")


def test_english_stays_english(qtbot: QtBot, source: FollowupSource) -> None:
    board = DeadlinesBoard(source=source)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.refreshed):
        board.refresh()
    assert board.buttons[BoardFilter.WATCH].text() == "To watch (5)"
    assert board.proxy.index(0, 1).data() == "Overdue by 7 working day(s)"
