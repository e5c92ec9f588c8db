"""The counter's settings: declared once, typed, with defaults and a version, in QSettings (INI).

Each setting names its key, type and default here and nowhere else; a newer version of the file
is upgraded when read. The printers are chosen here: which system printer takes A4 documents and
which takes 80 mm receipts and tickets, each with its profile (printing.qt_backend.PROFILES).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

from printing.qt_backend import A4_LASER, PROFILES, THERMAL_80MM, PrinterProfile
from ui.queue.actions import DEFAULT_KEYS, QueueAction

VERSION = 1
_T = TypeVar("_T", str, int, bool)


@dataclass(frozen=True, slots=True)
class Setting(Generic[_T]):
    """One setting: its key, type and default."""

    key: str
    default: _T

    def read(self, store: QSettings) -> _T:
        """The stored value, or the default when absent or of the wrong type."""
        value: Any = store.value(self.key, self.default)
        kind: Any = type(self.default)
        if kind is bool and isinstance(value, str):
            value = value.lower() == "true"
        try:
            converted: _T = kind(value)
        except (TypeError, ValueError):
            return self.default
        return converted


VERSION_SETTING = Setting("version", 0)
DOCUMENT_PRINTER = Setting("printing/document_printer", "")
DOCUMENT_PROFILE = Setting("printing/document_profile", A4_LASER.name)
RECEIPT_PRINTER = Setting("printing/receipt_printer", "")
RECEIPT_PROFILE = Setting("printing/receipt_profile", THERMAL_80MM.name)
PROGRESS_URL = Setting("printing/progress_url", "https://zwfw.example.gov.cn/progress?case=")
REGISTRY_URL = Setting("sync/registry_url", "")
QUEUE_KEYS = {
    action: Setting(f"queue/keys/{action.value}", key) for action, key in DEFAULT_KEYS.items()
}
"""The key of each queue action at the counter (a key sequence such as "F1" or "Ctrl+N")."""
ANNOUNCE_REPEATS = Setting("queue/announce_repeats", 2)
DISPLAY_CALLS = Setting("queue/display_calls", 8)


class CounterSettings:
    """The counter's settings file (INI in the data folder)."""

    def __init__(self, path: Path) -> None:
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
