"""A scanner's burst ending in Enter is a scan; a person's typing reaches the widget untouched.

Key times come from an injected clock the test moves between keys (no sleeping): `type_keys`
sets the time of each key as a scanner or a person would press it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clerk.capture import DocumentNumber, IdNumber, TicketNumber
from clerk.identity import IdKind
from tests.unit.factories import resident_id
from ui.capture.scanner import BurstRules, ScannerFilter, burst_rules, scanned_code
from ui.settings import SCANNER_MAX_GAP_MS, SCANNER_MIN_CHARS, CounterSettings

SCANNER_MS = 4  # a keyboard-wedge scanner: a few milliseconds per key
TYPIST_MS = 45  # a very fast person (about 250 words a minute): still not a scanner


class KeyClock:
    """The time of the next key, in milliseconds; the test moves it on."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self, _event: QKeyEvent) -> float:
        return self.now


@pytest.fixture
def clock() -> KeyClock:
    return KeyClock()


@pytest.fixture
def scanner(qapp: QApplication, clock: KeyClock) -> Iterator[ScannerFilter]:
    watcher = ScannerFilter(rules=BurstRules(max_gap_ms=35, min_chars=4), clock=clock)
    watcher.install(qapp)
    yield watcher
    watcher.uninstall(qapp)


def focused(qtbot: QtBot, widget: QWidget, target: QWidget | None = None) -> None:
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    (target or widget).setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is (target or widget))


def key_click(widget: QWidget, char: str) -> None:
    """Press and release the key of one character, as a keyboard (wedge) sends it."""
    shift = char.isupper()
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    code = ord(char.upper()) if char.isascii() else 0
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, modifiers, char))


def type_keys(widget: QWidget, clock: KeyClock, text: str, *, gap_ms: float) -> None:
    for char in text:
        clock.now += gap_ms
        key_click(widget, char)


def press_enter(widget: QWidget, clock: KeyClock, *, gap_ms: float) -> None:
    clock.now += gap_ms
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_a_burst_into_a_line_edit_is_taken_back_and_emitted(
    qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock
) -> None:
    edit = QLineEdit("张三")
    focused(qtbot, edit)
    edit.setCursorPosition(1)
    with (
        qtbot.waitSignal(scanner.scanned, timeout=1000) as scan,
        qtbot.assertNotEmitted(edit.returnPressed),
    ):
        clock.now += 2000
        type_keys(edit, clock, "A012", gap_ms=SCANNER_MS)
        press_enter(edit, clock, gap_ms=SCANNER_MS)
    assert scan.args == ["A012", TicketNumber("A012", "A", 12)]
    assert edit.text() == "张三"
    assert edit.cursorPosition() == 1


def test_a_person_typing_fast_reaches_the_line_edit_untouched(
    qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock
) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    number = resident_id()
    with (
        qtbot.assertNotEmitted(scanner.scanned),
        qtbot.waitSignal(edit.returnPressed, timeout=1000),
    ):
        type_keys(edit, clock, number, gap_ms=TYPIST_MS)
        press_enter(edit, clock, gap_ms=TYPIST_MS)
    assert edit.text() == number


def test_a_burst_without_enter_is_left_where_it_was_typed(
    qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock
) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    with qtbot.assertNotEmitted(scanner.scanned):
        type_keys(edit, clock, "SF01-W05", gap_ms=SCANNER_MS)
        press_enter(edit, clock, gap_ms=400)  # the person presses Enter afterwards
    assert edit.text() == "SF01-W05"


def test_a_short_burst_is_not_a_scan(qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    with qtbot.assertNotEmitted(scanner.scanned):
        type_keys(edit, clock, "A01", gap_ms=SCANNER_MS)  # rolled keys of a person, say
        press_enter(edit, clock, gap_ms=SCANNER_MS)
    assert edit.text() == "A01"


def test_what_a_person_typed_before_a_scan_stays(
    qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock
) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as scan:
        type_keys(edit, clock, "x", gap_ms=500)  # a person's key, then the scanner
        type_keys(edit, clock, "y", gap_ms=60)
        clock.now += 300  # the scanner is pulled later
        type_keys(edit, clock, "B123", gap_ms=SCANNER_MS)
        press_enter(edit, clock, gap_ms=SCANNER_MS)
    assert scan.args is not None
    assert scan.args[0] == "B123"
    assert edit.text() == "xy"  # what the person typed stays


def test_shift_for_capitals_does_not_break_the_burst(
    qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock
) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    with qtbot.waitSignal(scanner.scanned, timeout=1000) as scan:
        for char in "SF01-W05-1-2026-000123":
            if char.isalpha():
                clock.now += 1
                QTest.keyPress(edit, Qt.Key.Key_Shift)
            type_keys(edit, clock, char, gap_ms=SCANNER_MS)
        press_enter(edit, clock, gap_ms=SCANNER_MS)
    assert scan.args is not None
    assert isinstance(scan.args[1], DocumentNumber)
    assert edit.text() == ""


def test_a_held_key_repeating_fast_is_not_a_scanner(
    qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock
) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    with qtbot.assertNotEmitted(scanner.scanned):
        type_keys(edit, clock, "1", gap_ms=500)
        for _ in range(6):
            clock.now += 30  # the keyboard's auto-repeat rate
            repeat = QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier, "1", True
            )
            QApplication.sendEvent(edit, repeat)
        press_enter(edit, clock, gap_ms=SCANNER_MS)
    assert edit.text() == "1111111"


def test_paste_is_not_a_burst(qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    with qtbot.assertNotEmitted(scanner.scanned):
        type_keys(edit, clock, "A012", gap_ms=SCANNER_MS)
        clock.now += SCANNER_MS
        QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
        press_enter(edit, clock, gap_ms=SCANNER_MS)


def test_the_enter_of_a_scan_does_not_press_the_default_button(
    qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock
) -> None:
    dialog = QDialog()
    button = QPushButton("OK", dialog)
    button.setDefault(True)
    QVBoxLayout(dialog).addWidget(button)
    focused(qtbot, dialog, button)
    number = resident_id()
    with (
        qtbot.waitSignal(scanner.scanned, timeout=1000) as scan,
        qtbot.assertNotEmitted(button.clicked),
    ):
        type_keys(button, clock, number, gap_ms=SCANNER_MS)
        press_enter(button, clock, gap_ms=SCANNER_MS)
    assert scan.args is not None
    assert scanned_code(scan.args[1]) == IdNumber(number, IdKind.RESIDENT_ID)


def test_a_burst_into_an_editable_combo_box_is_taken_back(
    qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock
) -> None:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setEditText("社保")
    focused(qtbot, combo)
    with qtbot.waitSignal(scanner.scanned, timeout=1000):
        type_keys(combo, clock, "A007", gap_ms=SCANNER_MS)
        press_enter(combo, clock, gap_ms=SCANNER_MS)
    assert combo.currentText() == "社保"


def test_keys_for_another_widget_start_a_new_burst(
    qtbot: QtBot, scanner: ScannerFilter, clock: KeyClock
) -> None:
    window = QWidget()
    first, second = QLineEdit(window), QLineEdit(window)
    layout = QVBoxLayout(window)
    layout.addWidget(first)
    layout.addWidget(second)
    focused(qtbot, window, first)
    with qtbot.assertNotEmitted(scanner.scanned):
        type_keys(first, clock, "A0", gap_ms=SCANNER_MS)
        second.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is second)
        type_keys(second, clock, "12", gap_ms=SCANNER_MS)
        press_enter(second, clock, gap_ms=SCANNER_MS)
    assert (first.text(), second.text()) == ("A0", "12")


def test_uninstalled_it_sees_nothing(
    qtbot: QtBot, qapp: QApplication, scanner: ScannerFilter, clock: KeyClock
) -> None:
    edit = QLineEdit()
    focused(qtbot, edit)
    scanner.uninstall(qapp)
    with qtbot.assertNotEmitted(scanner.scanned):
        type_keys(edit, clock, "A012", gap_ms=SCANNER_MS)
        press_enter(edit, clock, gap_ms=SCANNER_MS)
    assert edit.text() == "A012"
    scanner.install(qapp)


def test_scanned_code_refuses_what_is_not_a_classification() -> None:
    with pytest.raises(TypeError):
        scanned_code("A012")


def test_the_rules_come_from_the_counter_settings(qapp: QApplication, tmp_path: Path) -> None:
    settings = CounterSettings(tmp_path / "counter.ini")
    assert burst_rules(settings) == BurstRules(max_gap_ms=35, min_chars=4)
    settings.set(SCANNER_MAX_GAP_MS, 50)
    settings.set(SCANNER_MIN_CHARS, 6)
    assert burst_rules(settings) == BurstRules(max_gap_ms=50, min_chars=6)
    settings.set(SCANNER_MIN_CHARS, 0)  # nonsense: the default
    assert burst_rules(settings).min_chars == 4
