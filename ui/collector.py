"""Python's cyclic garbage collection, run on the GUI thread only.

A Qt object caught in a reference cycle is freed by the cyclic collector, and the collector runs
in whichever thread happens to cross its allocation threshold. When that is a pool thread (a
lane's call, the sync loop), the object is destroyed off its own thread: its timers cannot be
stopped there and the GUI thread later crashes on them. So automatic collection is switched off
and this timer collects on the GUI thread instead, generation by generation with Python's own
thresholds (the approach of qutebrowser's and PyQt's documentation).

A full collection walks every object the process holds — about 100,000 once the workbench is
up (modules, classes, SQLAlchemy's and reportlab's tables, the window's wrappers) — which took
60–80 ms on the GUI thread, a visible stall. `keep_what_lives_now` moves the objects alive once
the workbench shows out of the collector's sight (`gc.freeze`): they live as long as the
process anyway, and a full collection then walks only what the day creates (well under 1 ms).
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

_log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Collects garbage on a GUI-thread timer while automatic collection is off."""

    def __init__(
        self, *, interval_ms: int = DEFAULT_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Switch automatic collection off and collect on the timer from now on."""
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Collect once more and give collection back to Python."""
        self._timer.stop()
        gc.collect()
        gc.enable()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; how many were freed."""
        first, second, third = gc.get_count()
        freed = 0
        if first > self._thresholds[0]:
            freed += gc.collect(0)
            if second > self._thresholds[1]:
                freed += gc.collect(1)
                if third > self._thresholds[2]:
                    freed += gc.collect(2)
        if freed:
            _log.debug("collected %d objects on the GUI thread", freed)
        return freed


def keep_what_lives_now() -> None:
    """Take every object alive now out of later collections (`gc.freeze`): call it once the
    long-lived part of the application is built (the workbench, before it shows), not for
    short-lived objects, which a frozen collector would never free.

    The garbage of the start is collected first, on this (the GUI) thread: frozen garbage would
    never be freed, and a wrapper left over from a deleted Qt object could be handed out again
    for a new object at the same address.
    """
    gc.collect()
    gc.freeze()
    _log.debug("%d objects kept out of later collections", gc.get_freeze_count())
