"""The settings pages made of declared settings alone: counter, scanner, display, lock, language."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.i18n import LANGUAGE_NAMES, LANGUAGES
from ui.settings import (
    ANNOUNCE_REPEATS,
    COUNTER_LABEL,
    DISPLAY_CALLS,
    HALL_NAME,
    LANGUAGE,
    LOCK_MINUTES,
    SCANNER_FOLDER,
    SCANNER_MAX_GAP_MS,
    SCANNER_MIN_CHARS,
    VOICE,
)
from ui.settings_pages.base import Problem, SettingsPage
from ui.settings_pages.fields import ChoiceField, FolderField, NumberField, field_for


class _Hint(QLabel):
    """A line of explanation under a page's form."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("settingsHint")


class CounterPage(SettingsPage):
    """How applicants are told this counter, and the hall's name on its screens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add(field_for(COUNTER_LABEL, self))
        self.add(field_for(HALL_NAME, self))
        self.hint = _Hint(self)
        self.layout_.addWidget(self.hint)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def title(self) -> str:
        """The page's name."""
        return self.tr("Counter")

    def retranslate_ui(self) -> None:
        """Set the page's words."""
        super().retranslate_ui()
        self.label(COUNTER_LABEL).setText(self.tr("Window shown to applicants"))
        self.label(HALL_NAME).setText(self.tr("Hall name shown"))
        self.hint.setText(
            self.tr(
                "Applicants hear and see the window's name when they are called, e.g. "
                "“Window 5”. Leave a field empty to use the name the registry gives."
            )
        )


class ScannerPage(SettingsPage):
    """The document scanner's drop folder and what makes a burst of keys a barcode scan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = FolderField(SCANNER_FOLDER, self)
        self.add(self.folder)
        self.gap = NumberField(SCANNER_MAX_GAP_MS, self)
        self.add(self.gap)
        self.add(NumberField(SCANNER_MIN_CHARS, self))
        self.hint = _Hint(self)
        self.layout_.addWidget(self.hint)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def title(self) -> str:
        """The page's name."""
        return self.tr("Scanner")

    def retranslate_ui(self) -> None:
        """Set the page's words."""
        super().retranslate_ui()
        self.label(SCANNER_FOLDER).setText(self.tr("Scanner drop folder"))
        self.folder.edit.setPlaceholderText(self.tr("None: no folder is watched"))
        self.label(SCANNER_MAX_GAP_MS).setText(self.tr("Longest pause between a scan's keys"))
        self.gap.spin.setSuffix(" " + self.tr("ms"))
        self.label(SCANNER_MIN_CHARS).setText(self.tr("Fewest characters of a scan"))
        self.hint.setText(
            self.tr(
                "New images and PDFs in the drop folder are offered for the current case. "
                "Keys typed faster than the pause above and ending in Enter are a barcode scan."
            )
        )


class DisplayPage(SettingsPage):
    """The hall display board: how many calls it keeps, how it announces them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for setting in (DISPLAY_CALLS, ANNOUNCE_REPEATS, VOICE):
            self.add(field_for(setting, self))
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def title(self) -> str:
        """The page's name."""
        return self.tr("Display")

    def retranslate_ui(self) -> None:
        """Set the page's words."""
        super().retranslate_ui()
        self.label(DISPLAY_CALLS).setText(self.tr("Calls kept on the board"))
        self.label(ANNOUNCE_REPEATS).setText(self.tr("Times each call is announced"))
        self.label(VOICE).setText(self.tr("Speak the calls (off: chime only)"))


class LockPage(SettingsPage):
    """When the counter's screen locks by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.minutes = NumberField(LOCK_MINUTES, self)
        self.add(self.minutes)
        self.hint = _Hint(self)
        self.layout_.addWidget(self.hint)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def title(self) -> str:
        """The page's name."""
        return self.tr("Lock")

    def retranslate_ui(self) -> None:
        """Set the page's words."""
        super().retranslate_ui()
        self.label(LOCK_MINUTES).setText(self.tr("Lock the screen after no input for"))
        self.minutes.spin.setSuffix(" " + self.tr("min"))
        self.hint.setText(self.tr("The key that locks the screen at once is on the Hotkeys page."))


class LanguagePage(SettingsPage):
    """The language of the counter's screens (中文 / English)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = ChoiceField(LANGUAGE, self, values=LANGUAGES)
        self.language.set_labels(LANGUAGE_NAMES)
        self.add(self.language)
        self.layout_.addStretch(1)
        self.retranslate_ui()

    def title(self) -> str:
        """The page's name."""
        return self.tr("Language")

    def retranslate_ui(self) -> None:
        """Set the page's words (the languages keep their own names)."""
        super().retranslate_ui()
        self.label(LANGUAGE).setText(self.tr("Language of the screens"))

    def check(self) -> None:
        """Only a language the counter has (a stored unknown one is refused)."""
        super().check()
        if self.language.value() not in LANGUAGES:
            raise Problem(self.tr("Choose 中文 or English."), self.language.widget)
