"""The counter's settings: declared once, typed, with defaults and a version, in QSettings (INI).

Each setting names its key, type and default here and nowhere else; a newer version of the file
is upgraded when read. The printers are chosen here: which system printer takes A4 documents and
which takes 80 mm receipts and tickets, each with its profile (printing.qt_backend.PROFILES).
A number may declare its range: a stored value outside it reads as the default. The settings
dialog (`ui.settings_dialog`) builds its editors from these declarations and writes every change
through `CounterSettings.update`.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

from clerk.private import private_file
from printing.qt_backend import A4_LASER, PROFILES, THERMAL_80MM, PrinterProfile
from ui.i18n import DEFAULT_LANGUAGE
from ui.queue.actions import DEFAULT_KEYS, QueueAction

VERSION = 1
_T = TypeVar("_T", str, int, bool)


@dataclass(frozen=True, slots=True)
class Setting(Generic[_T]):
    """One setting: its key, type and default (and, for a number, its range)."""

    key: str
    default: _T
    minimum: int | None = None
    maximum: int | None = None

    def read(self, store: QSettings) -> _T:
        """The stored value, or the default when absent, of the wrong type or out of range."""
        value: Any = store.value(self.key, self.default)
        kind: Any = type(self.default)
        if kind is bool and isinstance(value, str):
            value = value.lower() == "true"
        try:
            converted: _T = kind(value)
        except (TypeError, ValueError):
            return self.default
        return converted if self.allows(converted) else self.default

    def allows(self, value: object) -> bool:
        """Whether `value` is of the setting's type and inside its range."""
        if type(value) is not type(self.default):
            return False
        if isinstance(value, int) and not isinstance(value, bool):
            low = self.minimum if self.minimum is not None else value
            high = self.maximum if self.maximum is not None else value
            return low <= value <= high
        return True


VERSION_SETTING = Setting("version", 0)
DOCUMENT_PRINTER = Setting("printing/document_printer", "")
DOCUMENT_PROFILE = Setting("printing/document_profile", A4_LASER.name)
RECEIPT_PRINTER = Setting("printing/receipt_printer", "")
RECEIPT_PROFILE = Setting("printing/receipt_profile", THERMAL_80MM.name)
PDF_FOLDER = Setting("printing/pdf_folder", "")
"""Where documents go as PDF files for a role without a printer; empty: "printed" in the data
folder."""
PROGRESS_URL = Setting("printing/progress_url", "https://zwfw.example.gov.cn/progress?case=")
REGISTRY_URL = Setting("sync/registry_url", "")
QUEUE_KEYS = {
    action: Setting(f"queue/keys/{action.value}", key) for action, key in DEFAULT_KEYS.items()
}
"""The key of each queue action at the counter (a key sequence such as "F1" or "Ctrl+N")."""
COUNTER_LABEL = Setting("counter/label", "")
"""How applicants are told the counter (calls, the customer panel), e.g. "5号窗口"; empty: the
counter's code."""
HALL_NAME = Setting("counter/hall_name", "")
"""The hall's name on the counter's screens; empty: the name the registry gives."""
LANGUAGE = Setting("ui/language", DEFAULT_LANGUAGE)
"""The language of the counter's screens (`ui.i18n.LANGUAGES`)."""
LOCK_MINUTES = Setting("session/lock_minutes", 5, minimum=1, maximum=240)
"""Minutes without input before the counter's screen locks (at least 1)."""
LOCK_KEY = Setting("session/lock_key", "Ctrl+L")
"""The key that locks the screen at once (empty: no key)."""
ANNOUNCE_REPEATS = Setting("queue/announce_repeats", 2, minimum=1, maximum=5)
"""How many times the display says each call."""
DISPLAY_CALLS = Setting("queue/display_calls", 8, minimum=1, maximum=20)
"""How many recent calls the display keeps on the board."""
VOICE = Setting("queue/voice", True)
"""Whether the display speaks calls (off: the chime alone)."""
SCANNER_FOLDER = Setting("capture/scanner_folder", "")
"""The folder a document scanner saves into (watched for new scans); empty watches none."""
SCANNER_MAX_GAP_MS = Setting("capture/scanner_max_gap_ms", 35, minimum=5, maximum=500)
"""The longest pause between a barcode scanner's keys (longer is a person typing)."""
SCANNER_MIN_CHARS = Setting("capture/scanner_min_chars", 4, minimum=2, maximum=64)
"""The fewest characters of a scan (a ticket number, A001, has four)."""
SCAN_RETENTION_DAYS = Setting("capture/scan_retention_days", 30, minimum=0, maximum=3650)
"""Days a scan stays on this counter after the registry verified it and its case (0: always)."""


class CounterSettings:
    """The counter's settings file (INI in the data folder)."""

    def __init__(self, path: Path) -> None:
        if path.parent.is_dir():
            private_file(path)  # 0600 whatever the umask; Qt keeps the mode when it rewrites
        self._store = QSettings(str(path), QSettings.Format.IniFormat)
        if VERSION_SETTING.read(self._store) < VERSION:
            self._store.setValue("version", VERSION)

    def get(self, setting: Setting[_T]) -> _T:
        """A setting's value."""
        return setting.read(self._store)

    def set(self, setting: Setting[_T], value: _T) -> None:
        """Change a setting (written to disk at once)."""
        self._store.setValue(setting.key, value)
        self._store.sync()

    def update(self, values: Mapping[Setting[Any], object]) -> builtins.set[str]:
        """Write the values that differ from the stored ones, all at once.

        Args:
            values: new values by setting.

        Returns:
            The keys that changed.

        Raises:
            ValueError: a value of the wrong type or out of its setting's range (nothing is
                written then).
        """
        for setting, value in values.items():
            if not setting.allows(value):
                raise ValueError(f"{value!r} is not a valid value for {setting.key}")
        changed = {s.key: v for s, v in values.items() if s.read(self._store) != v}
        for key, value in changed.items():
            self._store.setValue(key, value)
        self._store.sync()
        return set(changed)

    def queue_keys(self) -> dict[QueueAction, str]:
        """The key of every queue action (an empty key leaves the action on its button only)."""
        return {action: self.get(setting) for action, setting in QUEUE_KEYS.items()}

    def profile(self, setting: Setting[str]) -> PrinterProfile:
        """The printer profile a setting names (its default when unknown)."""
        chosen = self.get(setting)
        for profile in PROFILES:
            if profile.name == chosen:
                return profile
        default = setting.default
        return next(profile for profile in PROFILES if profile.name == default)
