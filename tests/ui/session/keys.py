"""Driving the session screens by keyboard alone: keys go to whatever has the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    """The widget the keyboard types into (there must be one)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(text: str) -> None:
    """Type `text` into the focused widget."""
    QTest.keyClicks(focused(), text)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release one key on the focused widget."""
    QTest.keyClick(focused(), key, modifier)


def enter() -> None:
    """Press Enter (Return) on the focused widget."""
    press(Qt.Key.Key_Return)
