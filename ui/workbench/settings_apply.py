"""Settings changed in the dialog take effect at once: keys, lock, scanner, printers.

`SettingsDialog.settingsChanged` names the keys it changed; `apply_settings` hands each group
to the part that uses it. The language switches inside the dialog itself (`LanguageSwitch`).
The hall's name and the counter's label reach new documents after a restart.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QKeySequence

from ui.capture.scanner import ScannerFilter, burst_rules
from ui.queue.panel import QueuePanel
from ui.session.lock import SessionLock
from ui.settings import (
    LOCK_KEY,
    LOCK_MINUTES,
    SCANNER_FOLDER,
    SCANNER_MAX_GAP_MS,
    SCANNER_MIN_CHARS,
    CounterSettings,
)
from ui.workbench.case_desk import CaseDesk
from ui.workbench.print_room import PrintRoom


@dataclass(frozen=True, slots=True, kw_only=True)
class Configurable:
    """The parts of the workbench that follow the settings (None: not there)."""

    panel: QueuePanel | None
    lock: SessionLock | None
    scanner: ScannerFilter | None
    case_desk: CaseDesk
    print_room: PrintRoom


def scanner_folder(settings: CounterSettings) -> Path | None:
    """The folder the document scanner saves into, or None when none is set."""
    folder = settings.get(SCANNER_FOLDER).strip()
    return Path(folder) if folder else None


def apply_lock(lock: SessionLock, settings: CounterSettings) -> None:
    """The lock's minutes and key from the settings (the inactivity timer restarts)."""
    lock.timer.setInterval(max(1, settings.get(LOCK_MINUTES)) * 60_000)
    lock.shortcut = QKeySequence.fromString(
        settings.get(LOCK_KEY), QKeySequence.SequenceFormat.PortableText
    )
    if lock.timer.isActive():
        lock.timer.start()


def apply_settings(changed: Set[str], settings: CounterSettings, parts: Configurable) -> None:
    """Apply the settings whose keys changed.

    Args:
        changed: the keys the settings dialog changed.
        settings: the counter's settings (already written).
        parts: what follows the settings.
    """
    if parts.panel is not None and any(key.startswith("queue/keys/") for key in changed):
        parts.panel.set_keys(settings.queue_keys())
    if parts.lock is not None and changed & {LOCK_MINUTES.key, LOCK_KEY.key}:
        apply_lock(parts.lock, settings)
    if parts.scanner is not None and changed & {SCANNER_MAX_GAP_MS.key, SCANNER_MIN_CHARS.key}:
        parts.scanner.rules = burst_rules(settings)
    if SCANNER_FOLDER.key in changed:
        parts.case_desk.watch_folder(scanner_folder(settings))
    if any(key.startswith("printing/") for key in changed):
        parts.print_room.apply(settings)
