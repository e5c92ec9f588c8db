"""The status bar's own elements: sync figures, the signed-in clerk, the counter, a clock.

One small class per element (`ui.sync_status.SyncStatus` shows the sync state, what waits and
what needs attention): `SyncFigures` the last synchronisation and the clock's offset from the
registry, `ClerkLabel` who is signed in, `ClockLabel` the hall's time, once a second.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from clerk.clock import HALL_TIMEZONE
from clerk.staff import Actor
from sync.loop import SyncHealth
from ui.i18n import retranslate_on_language_change


def offset_text(seconds: float) -> str:
    """A clock offset as the clerk reads it: "+2 s", "−3 min", "0 s"."""
    size = abs(seconds)
    shown = f"{round(size)} s" if size < 120 else f"{round(size / 60)} min"
    if shown == "0 s":
        return shown
    return ("+" if seconds > 0 else "−") + shown


class SyncFigures(QLabel):
    """When the counter last synchronised, and how far its clock is off the registry's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncFigures")
        self.health: SyncHealth | None = None
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    @Slot(object)
    def show_health(self, health: SyncHealth) -> None:
        """Show a health report's figures."""
        self.health = health
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Show the figures in the current language."""
        health = self.health
        last = (
            None
            if health is None
            else max(
                (t for t in (health.last_push_at, health.last_pull_at) if t is not None),
                default=None,
            )
        )
        when = "—" if last is None else last.astimezone(HALL_TIMEZONE).strftime("%H:%M:%S")
        parts = [self.tr("Last sync {time}").format(time=when)]
        if health is not None and health.clock_offset_seconds is not None:
            offset = offset_text(health.clock_offset_seconds)
            parts.append(self.tr("clock {offset}").format(offset=offset))
        self.setText(" · ".join(parts))


class ClerkLabel(QLabel):
    """Who is signed in at the counter (name and staff number), or that nobody is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clerkLabel")
        self.actor: Actor | None = None
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def show_actor(self, actor: Actor | None) -> None:
        """The staff member signed in now (None: nobody)."""
        self.actor = actor
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Show the clerk in the current language."""
        actor = self.actor
        if actor is None:
            self.setText(self.tr("Nobody signed in"))
        else:
            self.setText(
                self.tr("Clerk {name} ({staff})").format(name=actor.name, staff=actor.staff_id)
            )


class ClockLabel(QLabel):
    """The hall's time, updated every second."""

    def __init__(self, *, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockLabel")
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self.tick()

    def tick(self) -> None:
        """Show the time now."""
        self.setText(self._clock().strftime("%H:%M:%S"))
