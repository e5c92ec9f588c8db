"""The situation chooser: number keys choose, Enter moves on, items without situations pass."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from clerk.catalog import Catalogue, ServiceItem
from tests.ui.intake.conftest import BUSINESS
from ui.intake.situation import SituationChooser


def chooser_for(qtbot: QtBot) -> SituationChooser:
    chooser = SituationChooser()
    qtbot.addWidget(chooser)
    chooser.show()
    return chooser


def test_number_keys_choose_and_enter_confirms(qtbot: QtBot, food: ServiceItem) -> None:
    chooser = chooser_for(qtbot)
    chooser.set_item(food)
    assert chooser.needed()
    with qtbot.assertNotEmitted(chooser.confirmed):
        QTest.keyClick(chooser.choices, Qt.Key.Key_Return)  # nothing chosen yet
    with qtbot.waitSignal(chooser.changed) as changed:
        QTest.keyClick(chooser.choices, Qt.Key.Key_3)
    assert changed.args == ["change"]
    assert chooser.choices.currentText() == "3  变更"
    QTest.keyClick(chooser.choices, Qt.Key.Key_9)  # no ninth situation: nothing changes
    assert chooser.situation() == "change"
    with qtbot.waitSignal(chooser.confirmed):
        QTest.keyClick(chooser.choices, Qt.Key.Key_Return)
    assert not chooser.needed()


def test_an_item_without_situations_needs_no_choice(
    qtbot: QtBot, catalogue: Catalogue, food: ServiceItem
) -> None:
    chooser = chooser_for(qtbot)
    chooser.set_item(food)
    chooser.choose("renew")
    with qtbot.waitSignal(chooser.changed) as changed:
        chooser.set_item(catalogue.item(BUSINESS))
    assert changed.args == [None]
    assert not chooser.needed()
    assert chooser.none.isVisible()
    assert not chooser.choices.isVisible()
