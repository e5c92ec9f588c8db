"""The interim counter window: the catalogue list, its filter, its language, its start command."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk.catalog import load_catalogue
from clerk.services import ItemSummary
from clerk.services.views import item_summary
from ui.catalogue_view import CatalogueModel
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "catalogue" / "demo.json"


def demo_items() -> list[ItemSummary]:
    return [item_summary(item) for item in load_catalogue(DEMO).items]


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit text the way a Chinese input method does (keyClicks only types ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check  # pytest-qt is untyped
    model = CatalogueModel(demo_items())
    check(model)
    model.set_items(demo_items()[:3])
    check(model)
    assert model.rowCount() == 3


def test_window_lists_every_item_and_filters_by_name(qtbot: QtBot) -> None:
    items = demo_items()
    window = MainWindow(items, counter_label="SF01 · W05")
    qtbot.addWidget(window)
    window.show()
    view = window.catalogue
    assert view.proxy.rowCount() == len(items) >= 15
    type_chinese(view.filter, "食品")
    assert view.proxy.rowCount() == 1
    assert "食品经营许可" in str(view.proxy.index(0, 1).data())
    view.filter.clear()
    QTest.keyClicks(view.filter, items[0].code[-8:])
    assert view.proxy.rowCount() >= 1


def test_chinese_is_the_default_language(qtbot: QtBot, chinese: object) -> None:
    window = MainWindow(demo_items(), counter_label="SF01 · W05")
    qtbot.addWidget(window)
    header = window.catalogue.model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "服务事项"
    assert window.windowTitle() == "窗口办件 — 事项目录"
    assert "个服务事项" in window.statusBar().currentMessage()
    assert window.catalogue.model.data(window.catalogue.model.index(0, 3)) in {
        "即收即办",
        "当日办结",
        "限时办结",
        "代办服务",
    }


def test_english_without_translation(qtbot: QtBot, qapp: QApplication) -> None:
    window = MainWindow(demo_items(), counter_label="SF01 · W05")
    qtbot.addWidget(window)
    assert window.catalogue.model.headerData(1, Qt.Orientation.Horizontal) == "Service item"


def test_start_command_opens_the_counter_twice_on_one_store(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, str(ROOT / "main.py"), "--self-test", "--data-dir", str(tmp_path)]
    for _ in range(2):  # the second start finds its store and its device again
        done = subprocess.run(
            command, check=False, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
    with sqlite3.connect(tmp_path / "counter.db") as db:
        items = db.execute("SELECT count(*) FROM catalogue_items").fetchone()[0]
        devices = db.execute("SELECT hall, counter FROM device").fetchall()
    assert items >= 15
    assert devices == [("DEMO", "W01")]
    assert (tmp_path / "window-clerk.log").exists()
