"""When the application became usable: its first window shown and its event loop answering.

`UsableMark` watches the whole application (an event filter on it) for the first top-level
window (a main window or a dialog, such as the login) to be exposed on screen — by then Qt
has painted its first frame — and then posts itself an event: when the event loop processes
that event, the window is on screen and answers input. The time is on `time.monotonic`, which
on Linux is one clock for every process, so a parent process can subtract its own start.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QWindow

_USABLE = QEvent.Type(QEvent.registerEventType())
_FIRST_WINDOWS = (Qt.WindowType.Window, Qt.WindowType.Dialog)


class UsableMark(QObject):
    """Notes when the application's first window is shown and its event loop answers.

    Signals:
        usable(float): the time (`time.monotonic`) the event loop answered after the first
            window was exposed; emitted once.
    """

    usable = Signal(float)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self.exposed_at: float | None = None
        self.usable_at: float | None = None
        self.window = ""
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Note the first top-level window exposed, then ask the event loop to answer."""
        if (
            self.exposed_at is None
            and event.type() == QEvent.Type.Expose
            and isinstance(watched, QWindow)
            and watched.isExposed()
            and watched.type() in _FIRST_WINDOWS
        ):
            self.exposed_at = time.monotonic()
            self.window = watched.title() or watched.objectName()
            self._app.removeEventFilter(self)
            QCoreApplication.postEvent(self, QEvent(_USABLE))
        return False

    def event(self, event: QEvent) -> bool:
        """The posted event came back: the loop answers."""
        if event.type() == _USABLE:
            self.usable_at = time.monotonic()
            self.usable.emit(self.usable_at)
            return True
        return super().event(event)


def write_when_usable(app: QCoreApplication, path: Path) -> UsableMark:
    """Write `{"exposed": …, "usable": …, "window": …}` (monotonic seconds) to `path` once usable.

    For start-time measurements (`bench/ui_bench.py`): a parent process that noted
    `time.monotonic()` before starting this one subtracts it.
    """
    mark = UsableMark(app)

    def write(usable: float) -> None:
        figures = {"exposed": mark.exposed_at, "usable": usable, "window": mark.window}
        path.write_text(json.dumps(figures), encoding="utf-8")

    mark.usable.connect(write)
    return mark
