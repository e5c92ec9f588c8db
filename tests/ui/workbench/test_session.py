"""The workbench and the session: Ctrl+L locks it, the clerk's name is shown, supervisors see
the follow-ups, and settings changed in the dialog take effect at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.integration.queue.harness import QueueHall
from tests.ui.workbench.conftest import WAIT, Bench, open_bench, press
from ui.queue.actions import QueueAction
from ui.settings import LOCK_KEY, LOCK_MINUTES, QUEUE_KEYS, SCANNER_MIN_CHARS
from ui.settings_dialog import SettingsDialog
from ui.workbench.pages import Page


def test_ctrl_l_locks_the_workbench(qtbot: QtBot, bench: Bench) -> None:
    window = bench.window
    assert window.clerk_label.text() == f"Clerk 王芳 ({bench.hall.clerk})"
    assert not window.pages.isTabVisible(Page.FOLLOW_UPS)  # a clerk has no follow-ups
    window.case_desk.form.finder.search.setFocus()
    with qtbot.waitSignal(bench.lock.controller.locked, timeout=WAIT):
        press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert bench.lock.covered


def test_a_supervisor_sees_the_follow_ups_page(
    qtbot: QtBot, hall: QueueHall, tmp_path: Path
) -> None:
    bench = open_bench(qtbot, hall, tmp_path, staff="S001")
    try:
        window = bench.window
        assert window.pages.isTabVisible(Page.FOLLOW_UPS)
        window.case_desk.form.finder.search.setFocus()
        press(Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentIndex() == Page.FOLLOW_UPS
        assert window.follow_ups is not None
        qtbot.waitUntil(lambda: window.follow_ups is not None, timeout=WAIT)
    finally:
        for close in bench.closers:
            close()


def test_ctrl_comma_opens_the_settings(qtbot: QtBot, bench: Bench) -> None:
    window = bench.window
    window.case_desk.form.finder.search.setFocus()
    press(Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialogs = window.findChildren(SettingsDialog)
    assert len(dialogs) == 1
    assert dialogs[0].isVisible()
    dialogs[0].done(0)


def test_settings_take_effect_at_once(qtbot: QtBot, bench: Bench) -> None:
    window, settings = bench.window, bench.window.parts.settings
    changed = settings.update(
        {
            QUEUE_KEYS[QueueAction.CALL_NEXT]: "Ctrl+F1",
            LOCK_MINUTES: 7,
            LOCK_KEY: "Ctrl+Shift+L",
            SCANNER_MIN_CHARS: 6,
        }
    )
    window.apply_settings(changed)
    panel = window.queue_panel
    assert panel is not None
    assert panel.queue_actions[QueueAction.CALL_NEXT].shortcut().toString() == "Ctrl+F1"
    assert bench.lock.timer.interval() == 7 * 60_000
    assert bench.lock.shortcut.toString() == "Ctrl+Shift+L"
    assert window.scanner is not None
    assert window.scanner.rules.min_chars == 6
    window.case_desk.form.finder.search.setFocus()
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not bench.lock.covered  # Ctrl+L is no longer the key
    with qtbot.waitSignal(bench.lock.controller.locked, timeout=WAIT):
        press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not None
