"""The settings dialog on a real INI file: round trips, refusals, keys, language, test page.

Every test runs in Chinese (the counter's default) and in English; the Chinese is compiled from
the sources and scripts/zh/ (tests/ui/settings_screens.py), so it is what the clerk will see.
"""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from clerk.services import ItemSummary
from tests.ui.settings_screens import ROOT, compile_translation
from ui.catalogue_view import CatalogueView
from ui.i18n import LanguageSwitch
from ui.queue.actions import QueueAction
from ui.settings import (
    ANNOUNCE_REPEATS,
    COUNTER_LABEL,
    DISPLAY_CALLS,
    DOCUMENT_PRINTER,
    HALL_NAME,
    LANGUAGE,
    LOCK_KEY,
    LOCK_MINUTES,
    PDF_FOLDER,
    QUEUE_KEYS,
    RECEIPT_PROFILE,
    SCANNER_FOLDER,
    SCANNER_MAX_GAP_MS,
    SCANNER_MIN_CHARS,
    VOICE,
    CounterSettings,
    Setting,
)
from ui.settings_dialog import SettingsDialog
from ui.settings_pages.printer_check import CJK_SAMPLE, Role
from ui.sync_status import SyncStatus

ZH: dict[str, str] = {
    **runpy.run_path(str(ROOT / "scripts" / "translate_fill.py"))["ZH"],
    **runpy.run_path(str(ROOT / "scripts" / "zh" / "settings.py"))["ZH"],
}
PRINTERS = ("HallLaser", "ReceiptXP80")  # names only: no printer is touched unless printed on
ITEMS = [ItemSummary("GT001", 1, "个体工商户设立登记", "市场监管局", "time_limited", "承诺件", 4)]
Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="session")
def zh_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The compiled Chinese of the dialog and the main window."""
    return compile_translation(tmp_path_factory.mktemp("i18n"))


@pytest.fixture(params=["zh_CN", "en"])
def languages(
    qapp: QApplication, zh_folder: Path, request: pytest.FixtureRequest
) -> Iterator[LanguageSwitch]:
    """The application's language, Chinese or English, removed after the test."""
    switch = LanguageSwitch(qapp, request.param, directory=zh_folder)
    yield switch
    switch.close()


def said(languages: LanguageSwitch, english: str) -> str:
    """What the clerk reads for an English source in the current language."""
    return ZH[english] if languages.language == "zh_CN" else english


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    """The counter's settings file."""
    return tmp_path / "window-clerk.ini"


def open_dialog(qtbot: QtBot, ini: Path, languages: LanguageSwitch | None = None) -> SettingsDialog:
    """The dialog over `ini`, shown, with the page list focused."""
    settings = CounterSettings(ini)
    dialog = SettingsDialog(
        settings, data_folder=ini.parent, printers=PRINTERS, languages=languages
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.nav)
    return dialog


def focused() -> QWidget:
    """The widget the keys go to."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key on whatever has the focus."""
    QTest.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    """Type into the focused widget: Latin keys one by one, Chinese as an input method does."""
    if text.isascii():
        QTest.keyClicks(focused(), text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)


def fill_every_page(dialog: SettingsDialog, tmp_path: Path) -> dict[Setting[Any], object]:
    """Change one or more values on every page; returns what was chosen."""
    (tmp_path / "scans").mkdir()
    (tmp_path / "pdfs").mkdir()
    dialog.counter.fields[0].widget.setFocus()
    type_text("5号窗口")
    dialog.counter.fields[1].widget.setFocus()
    type_text("市民中心政务服务大厅")
    box = dialog.printers.boxes[Role.DOCUMENTS]
    box.printer.combo.setCurrentIndex(box.printer.combo.findData("HallLaser"))
    receipts = dialog.printers.boxes[Role.RECEIPTS]
    receipts.profile.combo.setCurrentIndex(receipts.profile.combo.findData("a4_laser"))
    dialog.printers.folder.edit.setText(str(tmp_path / "pdfs"))
    dialog.scanner.folder.edit.setText(str(tmp_path / "scans"))
    dialog.scanner.gap.spin.setValue(50)
    dialog.scanner.fields[2].widget.setProperty("value", 6)
    record_key(dialog, QUEUE_KEYS[QueueAction.CALL_NEXT], Qt.Key.Key_N, Ctrl)
    record_key(dialog, LOCK_KEY, Qt.Key.Key_F12)
    display = {field.setting.key: field.widget for field in dialog.display.fields}
    display[DISPLAY_CALLS.key].setProperty("value", 12)
    display[ANNOUNCE_REPEATS.key].setProperty("value", 3)
    display[VOICE.key].setProperty("checked", False)
    dialog.lock.minutes.spin.setValue(15)
    dialog.language.language.combo.setCurrentIndex(dialog.language.language.combo.findData("en"))
    return {
        COUNTER_LABEL: "5号窗口",
        HALL_NAME: "市民中心政务服务大厅",
        DOCUMENT_PRINTER: "HallLaser",
        RECEIPT_PROFILE: "a4_laser",
        PDF_FOLDER: str(tmp_path / "pdfs"),
        SCANNER_FOLDER: str(tmp_path / "scans"),
        SCANNER_MAX_GAP_MS: 50,
        SCANNER_MIN_CHARS: 6,
        QUEUE_KEYS[QueueAction.CALL_NEXT]: "Ctrl+N",
        LOCK_KEY: "F12",
        DISPLAY_CALLS: 12,
        ANNOUNCE_REPEATS: 3,
        VOICE: False,
        LOCK_MINUTES: 15,
        LANGUAGE: "en",
    }


def record_key(
    dialog: SettingsDialog,
    setting: Setting[str],
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press a key into an action's key editor, as the clerk does."""
    edit = dialog.hotkeys.keys[setting.key].edit
    edit.setFocus()
    QTest.keyClick(edit, key, modifier)


def test_every_page_round_trips_through_the_ini_file(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ini)
    chosen = fill_every_page(dialog, tmp_path)
    with qtbot.waitSignal(dialog.settingsChanged) as changed:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert changed.args == [{setting.key for setting in chosen}]
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = CounterSettings(ini)
    assert {setting: again.get(setting) for setting in chosen} == chosen
    reopened = open_dialog(qtbot, ini)
    shown = {}
    for page in reopened.pages:
        shown.update(page.values())
    assert {setting: shown[setting] for setting in chosen} == chosen


def test_cancel_writes_nothing(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path, tmp_path: Path
) -> None:
    CounterSettings(ini).set(LOCK_MINUTES, 7)
    before = ini.read_bytes()
    dialog = open_dialog(qtbot, ini)
    fill_every_page(dialog, tmp_path)
    dialog.nav.setFocus()
    with qtbot.assertNotEmitted(dialog.settingsChanged):
        press(Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert ini.read_bytes() == before
    assert CounterSettings(ini).get(LOCK_MINUTES) == 7


def test_a_key_already_taken_is_refused_naming_both_actions(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path
) -> None:
    dialog = open_dialog(qtbot, ini)
    recall = QUEUE_KEYS[QueueAction.RECALL]
    record_key(dialog, recall, Qt.Key.Key_F1)  # F1 is "call next"
    message = dialog.hotkeys.message.text()
    assert said(languages, "Call next") in message
    assert said(languages, "Call again") in message
    assert "F1" in message
    assert dialog.hotkeys.keys[recall.key].value() == "F2"
    record_key(dialog, recall, Qt.Key.Key_F11)  # a free key is taken, the message goes
    assert dialog.hotkeys.keys[recall.key].value() == "F11"
    assert dialog.hotkeys.message.text() == ""
    dialog.hotkeys.reset_to_defaults()
    assert dialog.hotkeys.keys[recall.key].value() == "F2"


def test_a_file_with_one_key_twice_cannot_be_saved_until_fixed(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path
) -> None:
    CounterSettings(ini).set(LOCK_KEY, "F3")  # edited by hand: F3 also starts serving
    before = ini.read_bytes()
    dialog = open_dialog(qtbot, ini)
    with qtbot.assertNotEmitted(dialog.settingsChanged):
        dialog.accept()
    assert dialog.isVisible()
    assert dialog.stack.currentWidget() is dialog.hotkeys
    assert said(languages, "Lock the screen") in dialog.problem.text()
    assert said(languages, "Start serving") in dialog.problem.text()
    assert ini.read_bytes() == before
    record_key(dialog, LOCK_KEY, Qt.Key.Key_L, Ctrl)
    with qtbot.waitSignal(dialog.settingsChanged) as changed:
        dialog.accept()
    assert changed.args == [{LOCK_KEY.key}]
    assert CounterSettings(ini).get(LOCK_KEY) == "Ctrl+L"


@pytest.mark.parametrize("kind", ["missing", "a file"])
def test_a_folder_that_is_not_one_is_refused(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "scans"
    if kind == "a file":
        folder.write_text("not a folder")
    dialog = open_dialog(qtbot, ini)
    dialog.scanner.folder.edit.setText(str(folder))
    dialog.lock.minutes.spin.setValue(30)
    with qtbot.assertNotEmitted(dialog.settingsChanged):
        press(Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.stack.currentWidget() is dialog.scanner
    expected = said(languages, "The folder {folder} does not exist.").format(folder=folder)
    assert dialog.problem.text() == expected
    assert focused() is dialog.scanner.folder.edit
    assert not ini.exists() or "lock_minutes" not in ini.read_text()


def test_an_uninstalled_printer_is_refused(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path
) -> None:
    CounterSettings(ini).set(DOCUMENT_PRINTER, "GoneLaser")  # removed from the system since
    dialog = open_dialog(qtbot, ini)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.stack.currentWidget() is dialog.printers
    assert "GoneLaser" in dialog.problem.text()
    box = dialog.printers.boxes[Role.DOCUMENTS]
    box.printer.combo.setCurrentIndex(0)  # none: PDFs to the folder
    with qtbot.waitSignal(dialog.settingsChanged) as changed:
        dialog.accept()
    assert changed.args == [{DOCUMENT_PRINTER.key}]
    assert CounterSettings(ini).get(DOCUMENT_PRINTER) == ""


def test_the_keyboard_alone_turns_the_pages_and_saves_with_enter(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path
) -> None:
    dialog = open_dialog(qtbot, ini)
    assert dialog.stack.currentWidget() is dialog.counter
    press(Qt.Key.Key_Down)
    assert dialog.stack.currentWidget() is dialog.printers
    press(Qt.Key.Key_Tab, Ctrl)
    assert dialog.stack.currentWidget() is dialog.scanner
    press(Qt.Key.Key_Backtab, Ctrl | Shift)
    press(Qt.Key.Key_Backtab, Ctrl | Shift)
    assert dialog.stack.currentWidget() is dialog.counter
    press(Qt.Key.Key_PageUp, Ctrl)  # round the end
    assert dialog.stack.currentWidget() is dialog.language
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Up)
    assert dialog.stack.currentWidget() is dialog.display
    press(Qt.Key.Key_Home)
    press(Qt.Key.Key_Tab)  # into the page shown: the window's name
    assert focused() is dialog.counter.fields[0].widget
    type_text("综合窗口 3")
    with qtbot.waitSignal(dialog.settingsChanged) as changed:
        press(Qt.Key.Key_Return)
    assert changed.args == [{COUNTER_LABEL.key}]
    assert not dialog.isVisible()
    assert CounterSettings(ini).get(COUNTER_LABEL) == "综合窗口 3"


def test_switching_the_language_retranslates_open_windows(
    qtbot: QtBot, qapp: QApplication, zh_folder: Path, ini: Path
) -> None:
    languages = LanguageSwitch(qapp, "zh_CN", directory=zh_folder)
    try:
        window = QMainWindow()  # the workbench's catalogue page and sync state, as it shows them
        catalogue = CatalogueView(ITEMS, window)
        window.setCentralWidget(catalogue)
        status = SyncStatus(window)
        window.statusBar().addPermanentWidget(status)
        qtbot.addWidget(window)
        window.show()
        header = catalogue.model.headerData
        assert header(1, Qt.Orientation.Horizontal) == "服务事项"
        choose_language(qtbot, ini, languages, "en")
        qtbot.waitUntil(lambda: status.text() == "Connecting to the registry…")
        assert catalogue.filter.placeholderText() == "Find an item by name or code"
        assert header(1, Qt.Orientation.Horizontal) == "Service item"
        assert catalogue.model.index(0, 3).data() == "Time-limited"
        choose_language(qtbot, ini, languages, "zh_CN")
        qtbot.waitUntil(lambda: status.text() == "正在连接中心登记系统…")
        assert catalogue.filter.placeholderText() != "Find an item by name or code"
        assert header(1, Qt.Orientation.Horizontal) == "服务事项"
    finally:
        languages.close()


def choose_language(qtbot: QtBot, ini: Path, languages: LanguageSwitch, language: str) -> None:
    """Pick a language on the Language page by keys, press Enter; an open dialog follows."""
    dialog = open_dialog(qtbot, ini, languages=languages)
    watcher = open_dialog(qtbot, ini)  # a second dialog left open retranslates too
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.nav)
    dialog.nav.setCurrentRow(dialog.pages.index(dialog.language))
    dialog.language.language.widget.setFocus()
    combo = dialog.language.language.combo
    press(Qt.Key.Key_Down if combo.currentData() == "zh_CN" else Qt.Key.Key_Up)
    with qtbot.waitSignal(dialog.settingsChanged) as changed:
        press(Qt.Key.Key_Return)
    assert changed.args == [{LANGUAGE.key}]
    assert languages.language == language
    title = "Settings — Window Clerk"
    qtbot.waitUntil(lambda: watcher.windowTitle() == (ZH[title] if language == "zh_CN" else title))
    english = QCoreApplication.translate("HotkeysPage", "Call next") == "Call next"
    assert english == (language == "en")
    watcher.done(0)


@pytest.mark.parametrize("role", list(Role))
def test_a_test_page_lands_as_a_pdf_in_the_folder(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path, tmp_path: Path, role: Role
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = open_dialog(qtbot, ini)
    dialog.nav.setCurrentRow(dialog.pages.index(dialog.printers))
    dialog.printers.folder.edit.setText(str(out))
    button = dialog.printers.boxes[role].check
    button.setFocus()
    with qtbot.waitSignal(dialog.printers.checkPrinted, timeout=20_000) as printed:
        press(Qt.Key.Key_Space)
    assert printed.args == [str(out)]
    (pdf,) = out.glob(f"test-page-{role.value}-*.pdf")
    text = subprocess.run(
        [pdftotext(), "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert said(languages, "Printer test page") in text
    assert CJK_SAMPLE.split("：")[1].split()[0] in text  # 窗口办件: Chinese prints
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    width = "595" if role is Role.DOCUMENTS else "227"  # A4 or 80 mm, in points
    assert re.search(rf"Page size:\s+{width}(\.\d+)? x", info.stdout), info.stdout
    assert said(languages, "The test page went to {printer}.").format(printer=out) == (
        dialog.printers.status.text()
    )
    assert not ini.exists() or "printing" not in ini.read_text()  # nothing saved by a test page


def test_a_test_page_into_a_missing_folder_is_refused(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, ini)
    dialog.printers.folder.edit.setText(str(tmp_path / "nowhere"))
    with qtbot.waitSignal(dialog.printers.checkFailed) as failed:
        dialog.printers.boxes[Role.RECEIPTS].check.click()
    expected = said(languages, "The folder {folder} does not exist.")
    assert failed.args == [expected.format(folder=tmp_path / "nowhere")]
    assert not (tmp_path / "nowhere").exists()


def pdftotext() -> str:
    """The poppler tool that reads a PDF's text (installed with the system's poppler)."""
    tool = shutil.which("pdftotext")
    assert tool is not None, "pdftotext (poppler-utils) is needed"
    return tool


def test_values_outside_a_declared_range_are_neither_read_nor_written(ini: Path) -> None:
    ini.write_text("[session]\nlock_minutes=0\n[queue]\nannounce_repeats=99\n")
    settings = CounterSettings(ini)
    assert settings.get(LOCK_MINUTES) == LOCK_MINUTES.default
    assert settings.get(ANNOUNCE_REPEATS) == ANNOUNCE_REPEATS.default
    with pytest.raises(ValueError, match="lock_minutes"):
        settings.update({COUNTER_LABEL: "W5", LOCK_MINUTES: 0})
    assert settings.get(COUNTER_LABEL) == ""
    assert settings.update({COUNTER_LABEL: "W5", LOCK_MINUTES: 5}) == {COUNTER_LABEL.key}


def test_a_name_with_a_line_break_is_refused(
    qtbot: QtBot, languages: LanguageSwitch, ini: Path
) -> None:
    dialog = open_dialog(qtbot, ini)
    dialog.counter.fields[0].widget.setProperty("text", "5号\n窗口")  # pasted from a document
    dialog.accept()
    assert dialog.isVisible()
    expected = said(languages, "Type plain text: tabs and line breaks are not allowed.")
    assert dialog.problem.text() == expected
    assert focused() is dialog.counter.fields[0].widget
    assert not ini.exists() or "label" not in ini.read_text()
