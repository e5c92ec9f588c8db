"""The status bar's synchronisation element: online or not, what waits, what needs a person.

The sync loop reports on its own thread; `HealthBridge` carries each report to the GUI thread
through a queued signal, where `SyncStatus` shows it.

Signals (HealthBridge):
    changed(object): a new `sync.loop.SyncHealth`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from sync.loop import SyncHealth
from ui.i18n import retranslate_on_language_change

_MB = 1024 * 1024


class HealthBridge(QObject):
    """Receives health reports on any thread and re-emits them on the GUI thread."""

    changed = Signal(object)

    def publish(self, health: SyncHealth) -> None:
        """Called by the sync loop's thread."""
        self.changed.emit(health)


class SyncStatus(QLabel):
    """One label: the state, the outbox, pending scans, attention, clock warning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.health: SyncHealth | None = None
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Show the last report (or the wait for the first) in the current language."""
        if self.health is None:
            self.setText(self.tr("Connecting to the registry…"))
        else:
            self.show_health(self.health)

    @Slot(object)
    def show_health(self, health: SyncHealth) -> None:
        """Show a health report."""
        self.health = health
        parts = [self._state(health), self.tr("%n operation(s) waiting", "", health.pending)]
        if health.pending_scans:
            parts.append(
                self.tr("%n scan(s) waiting", "", health.pending_scans)
                + f" ({health.pending_scan_bytes / _MB:.1f} MB)"
            )
        if health.needs_attention:
            parts.append(self.tr("%n need(s) attention", "", health.needs_attention))
        if health.clock_warning and health.clock_offset_seconds is not None:
            minutes = round(health.clock_offset_seconds / 60)
            parts.append(self.tr("clock off by {minutes} min").format(minutes=minutes))
        self.setText(" · ".join(parts))
        self.setToolTip(self._details(health))
        alarm = health.needs_attention or health.clock_warning or health.state != "idle"
        self.setStyleSheet("color: #b00020;" if alarm and health.state != "syncing" else "")

    def _state(self, health: SyncHealth) -> str:
        texts = {
            "idle": self.tr("Online"),
            "syncing": self.tr("Synchronising…"),
            "offline": self.tr("Offline — working locally"),
            "busy": self.tr("Registry busy"),
            "not_enrolled": self.tr("Not enrolled with the registry"),
            "update_needed": self.tr("Update Window Clerk to synchronise"),
        }
        return texts.get(health.state, self.tr("Synchronisation error"))

    def _details(self, health: SyncHealth) -> str:
        lines = [
            self.tr("Last push: {time}").format(time=_clock(health.last_push_at)),
            self.tr("Last pull: {time}").format(time=_clock(health.last_pull_at)),
            self.tr("Oldest waiting operation: {time}").format(
                time=_clock(health.oldest_pending_at)
            ),
        ]
        if health.retry_in is not None:
            lines.append(
                self.tr("Next attempt in {seconds} s").format(seconds=round(health.retry_in))
            )
        if health.last_error:
            lines.append(health.last_error)
        return "\n".join(lines)


def _clock(moment: datetime | None) -> str:
    return "—" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
