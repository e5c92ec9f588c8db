"""The counter's settings dialog: pages built from the declared settings (`ui.settings`).

Pages: Counter, Printers, Scanner, Hotkeys, Display, Lock, Language (`ui.settings_pages`).
Every value is checked before anything is written; a problem shows under the pages, on its
page, with the cursor in the editor to fix. OK writes every change through
`CounterSettings.update` (the one place) and switches the language when it changed; Cancel
writes nothing. Keyboard: arrow keys in the page list, Ctrl+Tab / Ctrl+Shift+Tab (or
Ctrl+PgDown / Ctrl+PgUp) anywhere, Enter for OK, Esc for Cancel.

The dialog opens at once: the system's printers are asked on a thread
(`ui.settings_pages.printer_names`), and the Printers page fills in its list when they come.

Signals:
    settingsChanged(set): the keys OK changed (only when something changed).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import LanguageSwitch, retranslate_on_language_change
from ui.settings import LANGUAGE, CounterSettings, Setting
from ui.settings_pages.base import Problem, SettingsPage
from ui.settings_pages.hotkeys import HotkeysPage
from ui.settings_pages.printer_names import PrinterNames, system_printers
from ui.settings_pages.printers import PrintersPage
from ui.settings_pages.simple import CounterPage, DisplayPage, LanguagePage, LockPage, ScannerPage

_log = logging.getLogger(__name__)
_PROBLEM_STYLE = "color: #b00020;"


class SettingsDialog(QDialog):
    """The pages in a list on the left, the chosen page on the right, OK and Cancel below."""

    settingsChanged = Signal(set)  # noqa: N815 - Qt signal name

    def __init__(
        self,
        settings: CounterSettings,
        *,
        data_folder: Path,
        printers: Sequence[str] | None = None,
        printer_names: PrinterNames | None = None,
        languages: LanguageSwitch | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the pages and show the stored values.

        Args:
            settings: the counter's settings file.
            data_folder: the counter's data folder (PDFs go to "printed" in it by default).
            printers: the printers to offer, used as they are (default: the ones Qt sees,
                asked off the GUI thread through `printer_names`).
            printer_names: where the system's printers come from (default: the process's).
            languages: the application's language, switched when OK changes it.
            parent: the window the dialog belongs to.
        """
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.settings, self.languages = settings, languages
        self.nav = QListWidget(self)  # first: Tab goes from the list into the page shown
        self.nav.setObjectName("settingsPages")
        self.counter = CounterPage(self)
        self.printers = self._printers_page(printers, printer_names, data_folder)
        self.scanner = ScannerPage(self)
        self.hotkeys = HotkeysPage(self)
        self.display = DisplayPage(self)
        self.lock = LockPage(self)
        self.language = LanguagePage(self)
        self.pages: tuple[SettingsPage, ...] = (
            self.counter,
            self.printers,
            self.scanner,
            self.hotkeys,
            self.display,
            self.lock,
            self.language,
        )
        self._build()
        for page in self.pages:
            page.load(settings)
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()
        self.nav.setCurrentRow(0)
        self.nav.setFocus()

    def _printers_page(
        self, given: Sequence[str] | None, names: PrinterNames | None, data_folder: Path
    ) -> PrintersPage:
        if given is not None:
            return PrintersPage(list(given), data_folder=data_folder, parent=self)
        names = system_printers() if names is None else names
        latest = names.latest()
        known = None if latest is None else latest.names
        page = PrintersPage(known, data_folder=data_folder, parent=self)
        pending = names.ask()  # a fresh answer asks nothing; an old one is shown meanwhile
        if pending is not None:
            page.look_for_printers(pending)
        return page

    def _build(self) -> None:
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.nav.addItem("")
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.problem = QLabel(self)
        self.problem.setObjectName("settingsProblem")
        self.problem.setStyleSheet(_PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        standard = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(standard.Ok | standard.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._shortcuts()
        self.resize(760, 540)

    def _shortcuts(self) -> None:
        turns: list[tuple[QKeySequence | QKeySequence.StandardKey, int]] = [
            (QKeySequence.StandardKey.NextChild, 1),  # Ctrl+Tab
            (QKeySequence.StandardKey.PreviousChild, -1),  # Ctrl+Shift+Tab
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown), 1),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp), -1),
        ]
        for keys, step in turns:
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda step=step: self.turn_page(step))

    def retranslate_ui(self) -> None:
        """Set the dialog's words (the pages set their own)."""
        self.setWindowTitle(self.tr("Settings — Window Clerk"))
        for row, page in enumerate(self.pages):
            item = self.nav.item(row)
            item.setText(page.title())
        standard = QDialogButtonBox.StandardButton
        self.buttons.button(standard.Ok).setText(self.tr("OK"))
        self.buttons.button(standard.Cancel).setText(self.tr("Cancel"))

    def turn_page(self, step: int) -> None:
        """Show the next (1) or previous (-1) page, round the end."""
        self.nav.setCurrentRow((self.nav.currentRow() + step) % len(self.pages))

    def values(self) -> dict[Setting[Any], object]:
        """Every page's values, checked.

        Raises:
            Problem: the first value that cannot be saved.
        """
        values: dict[Setting[Any], object] = {}
        for page in self.pages:
            page.check()
            values.update(page.values())
        return values

    def accept(self) -> None:
        """Write what changed and close, or show why not and stay open."""
        try:
            values = self.values()
            self._switch_language(str(values[LANGUAGE]))
        except Problem as problem:
            self.tell(problem)
            return
        changed = self.settings.update(values)
        _log.info("settings changed: %s", ", ".join(sorted(changed)) or "nothing")
        if changed:
            self.settingsChanged.emit(changed)
        super().accept()

    def _switch_language(self, language: str) -> None:
        if self.languages is None:
            return
        try:
            self.languages.switch(language)
        except (ValueError, OSError) as error:
            _log.error("cannot switch to %s: %s", language, error)
            message = self.tr("The language cannot be changed: {reason}").format(reason=error)
            raise Problem(message, self.language.language.widget) from None

    def tell(self, problem: Problem) -> None:
        """Show a problem under the pages, on its page, with the cursor in its editor."""
        for row, page in enumerate(self.pages):
            if page.isAncestorOf(problem.widget):
                self.nav.setCurrentRow(row)
        self.problem.setText(problem.message)
        problem.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        """Close: a test page still printing finishes first, then nothing more reports."""
        self.printers.lane.close()
        super().done(result)


def edit_settings(
    settings: CounterSettings,
    *,
    data_folder: Path,
    languages: LanguageSwitch | None = None,
    parent: QWidget | None = None,
) -> set[str]:
    """Show the settings dialog until the clerk closes it (modal).

    Args:
        settings: the counter's settings file.
        data_folder: the counter's data folder.
        languages: the application's language, switched when the clerk changes it.
        parent: the window the dialog belongs to.

    Returns:
        The keys the clerk changed (empty after Cancel).
    """
    dialog = SettingsDialog(settings, data_folder=data_folder, languages=languages, parent=parent)
    changed: set[str] = set()
    dialog.settingsChanged.connect(changed.update)
    dialog.exec()
    dialog.deleteLater()
    return changed
