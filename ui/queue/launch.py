"""Starting the queue screens: the hall display, the kiosk, and the counter's panel.

`ui.app` calls these for `--display`, `--kiosk` and `--demo-queue`. The queue behind them is
a `QueuePort`: for now the in-memory demonstration queue (`--demo-queue`); the registry's
HTTP client plugs in here through an adapter once it exists.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from printing.qt_backend import QtPrinter
from printing.spooler import FolderPrinter, Printer
from ui.queue.announcer import Announcer, QtSpeaker, SoundChime, Speaker, TimedSpeaker
from ui.queue.demo import DEMO_HALL, DemoTraffic, demo_queue
from ui.queue.display import HallDisplay
from ui.queue.kiosk import Kiosk
from ui.queue.panel import QueuePanel
from ui.queue.port import QueuePort, Seat
from ui.settings import (
    ANNOUNCE_REPEATS,
    DISPLAY_CALLS,
    RECEIPT_PRINTER,
    RECEIPT_PROFILE,
    CounterSettings,
)

_log = logging.getLogger(__name__)

SILENT_SENTENCE_MS = 2500  # how long the board holds a call when no voice can say it
SETTINGS_FILE = "window-clerk.ini"


def hall_speaker(parent: QObject) -> Speaker:
    """A Chinese voice where an engine offers one, else the silent stand-in (chime only)."""
    return QtSpeaker.find(parent) or TimedSpeaker(duration_ms=SILENT_SENTENCE_MS, parent=parent)


def ticket_printer(settings: CounterSettings, folder: Path) -> Printer:
    """The configured receipt printer, or a folder of PDFs when none is configured."""
    name = settings.get(RECEIPT_PRINTER)
    if name:
        return QtPrinter(settings.profile(RECEIPT_PROFILE), name)
    _log.warning("no receipt printer configured: tickets go to %s", folder / "tickets")
    return FolderPrinter(folder / "tickets")


def counter_panel(port: QueuePort, seat: Seat, settings: CounterSettings) -> QueuePanel:
    """The queue panel for the counter's main window, on the keys of its settings."""
    return QueuePanel(port=port, seat=seat, keys=settings.queue_keys())


def demo_counter_panel(seat: Seat, folder: Path) -> QueuePanel:
    """The panel over the demonstration queue, with applicants arriving and other counters
    calling (this counter calls only when its clerk does)."""
    queue = demo_queue()
    panel = counter_panel(queue, seat, CounterSettings(folder / SETTINGS_FILE))
    DemoTraffic(queue, keep_free=(seat.counter,), parent=panel).start()
    return panel


def run_public_screen(
    app: QApplication, *, kiosk: bool, demo: bool, folder: Path, self_test: bool
) -> int:
    """Run the hall display or the kiosk full screen until it is closed; the exit code.

    Without `demo` there is no queue to show yet (the registry client is not wired), which
    is said in a message box.
    """
    if not demo:
        QMessageBox.critical(
            None,
            app.tr("Window Clerk"),
            app.tr("The hall queue is not connected yet: start with --demo-queue."),
        )
        return 2
    settings = CounterSettings(folder / SETTINGS_FILE)
    queue = demo_queue()
    traffic = DemoTraffic(queue, parent=app)
    screen: QWidget
    if kiosk:
        screen = Kiosk(port=queue, printer=ticket_printer(settings, folder), hall=DEMO_HALL)
    else:
        announcer = Announcer(
            speaker=hall_speaker(app),
            chime=SoundChime(parent=app),
            repeats=settings.get(ANNOUNCE_REPEATS),
            parent=app,
        )
        screen = HallDisplay(
            port=queue, announcer=announcer, hall=DEMO_HALL, keep=settings.get(DISPLAY_CALLS)
        )
    traffic.start()
    screen.showFullScreen()
    if self_test:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    screen.close()
    return code
