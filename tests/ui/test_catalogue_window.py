"""The catalogue page of the workbench: the list of service items, its filter, its language."""

from __future__ import annotations

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
from ui.catalogue_view import CatalogueModel, CatalogueView

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


def test_the_view_lists_every_item_and_filters_by_name(qtbot: QtBot) -> None:
    items = demo_items()
    view = CatalogueView(items)
    qtbot.addWidget(view)
    view.show()
    assert view.proxy.rowCount() == len(items) >= 15
    type_chinese(view.filter, "食品")
    assert view.proxy.rowCount() == 1
    assert "食品经营许可" in str(view.proxy.index(0, 1).data())
    view.filter.clear()
    QTest.keyClicks(view.filter, items[0].code[-8:])
    assert view.proxy.rowCount() >= 1


def test_chinese_is_the_default_language(qtbot: QtBot, chinese: object) -> None:
    view = CatalogueView(demo_items())
    qtbot.addWidget(view)
    header = view.model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "服务事项"
    assert view.model.data(view.model.index(0, 3)) in {
        "即收即办",
        "当日办结",
        "限时办结",
        "代办服务",
    }


def test_english_without_translation(qtbot: QtBot, qapp: QApplication) -> None:
    view = CatalogueView(demo_items())
    qtbot.addWidget(view)
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "Service item"
