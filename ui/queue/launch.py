"""Starting the queue screens: the hall display, the kiosk, and the counter's panel.

`ui.app` calls these for `--display`, `--kiosk` and the counter's main window. The queue
behind them is the registry's (`ui.queue.remote.RegistryQueue`): the embedded one of the data
folder, as the demo hall's kiosk K01 or display D01, or the one named with `--registry`
(enrolled the first time with `--enrolment-code`); `--demo-queue` puts the in-memory
demonstration queue behind them instead. A screen that cannot get a queue at all (the
embedded registry does not start, no credential and no code, a code refused) says why in a
message box and exits with 2; a registry that is only unreachable for now is the screen's own
business (the display's banner, the kiosk's notice) and it recovers by itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clerk.errors import ClerkError
from printing.qt_backend import QtPrinter
from printing.spooler import FolderPrinter, Printer
from sync.client import RegistryClient
from sync.embedded import EmbeddedRegistryFailed
from sync.queue_client import QueueClient
from sync.queue_device import DISPLAY, KIOSK, ScreenConnection, open_screen
from ui.errors import explain_error
from ui.queue.announcer import Announcer, QtSpeaker, SoundChime, Speaker, TimedSpeaker
from ui.queue.demo import DEMO_HALL, DemoTraffic, demo_queue
from ui.queue.display import HallDisplay
from ui.queue.kiosk import Kiosk
from ui.queue.panel import QueuePanel
from ui.queue.port import QueuePort, QueueUnavailable, Seat
from ui.queue.remote import RegistryQueue
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
EXIT_NO_QUEUE = 2


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


def counter_queue(client: RegistryClient) -> RegistryQueue:
    """The hall queue of the counter enrolled through `client` (its own HTTP sessions)."""
    return RegistryQueue(QueueClient(client.base_url, token=client.token, timeout=client.timeout))


def registry_counter_panel(
    client: RegistryClient, *, counter: str, staff: str | None, folder: Path
) -> QueuePanel | None:
    """The counter's panel over its registry's queue, or None when the hall has no queue.

    The clerk who calls is `staff`, else the one the registry last saw at this counter (until
    the counter has a sign-in). A registry unreachable now still gives the panel: it says so
    and works as soon as the registry answers.

    Args:
        client: the counter's registry client (its credential is the queue's).
        counter: the counter's code.
        staff: the clerk's staff number, if given.
        folder: the data folder (the counter's settings: the panel's keys).
    """
    queue = counter_queue(client)
    try:
        if not queue.services():
            _log.info("the hall has no queue: the counter shows no queue panel")
            queue.close()
            return None
        staff = staff or queue.desk_staff()
    except QueueUnavailable as error:
        _log.warning("the queue cannot be reached at start: %s", error)
    except ClerkError as error:
        _log.error("the queue refused this counter: %s", error)
        queue.close()
        return None
    if not staff:
        _log.warning("no clerk known at counter %s: start with --staff to call", counter)
    panel = counter_panel(
        queue, Seat(counter, staff or ""), CounterSettings(folder / SETTINGS_FILE)
    )
    panel.destroyed.connect(queue.close)
    return panel


@dataclass
class PublicScreen:
    """A kiosk or hall display, with the queue and connection it runs on."""

    widget: QWidget
    queue: RegistryQueue | None = None
    connection: ScreenConnection | None = None

    def close(self) -> None:
        """Close the screen, then its queue's sessions and its connection."""
        self.widget.close()
        if self.queue is not None:
            self.queue.close()
        if self.connection is not None:
            self.connection.close()


def demo_public_screen(app: QApplication, *, kiosk: bool, folder: Path) -> PublicScreen:
    """The kiosk or display over the demonstration queue, with its traffic running."""
    memory = demo_queue()
    DemoTraffic(memory, parent=app).start()
    settings = CounterSettings(folder / SETTINGS_FILE)
    return PublicScreen(
        _screen(app, memory, hall=DEMO_HALL, settings=settings, kiosk=kiosk, folder=folder)
    )


def open_public_screen(
    app: QApplication,
    *,
    kiosk: bool,
    folder: Path,
    registry_url: str | None = None,
    code: str | None = None,
    announcer: Announcer | None = None,
) -> PublicScreen:
    """The kiosk or display over the registry's queue (see the module).

    Args:
        app: the application.
        kiosk: the kiosk (else the hall display).
        folder: the data folder (settings, credential, embedded registry, ticket PDFs).
        registry_url: the configured registry (else the environment's, else embedded).
        code: a one-time enrolment code for the configured registry.
        announcer: the display's announcements (default: the hall's voice and chime).

    Raises:
        clerk.errors.ClerkError: no credential and no code, or the registry refused the code
            or cannot be reached to enrol.
        sync.embedded.EmbeddedRegistryFailed: the embedded registry did not start.
    """
    connection = open_screen(
        folder, screen=KIOSK if kiosk else DISPLAY, registry_url=registry_url, code=code
    )
    queue = RegistryQueue(connection.client)
    try:
        settings = CounterSettings(folder / SETTINGS_FILE)
        hall = _hall_title(queue, connection)
        widget = _screen(
            app,
            queue,
            hall=hall,
            settings=settings,
            kiosk=kiosk,
            folder=folder,
            announcer=announcer,
        )
    except BaseException:
        queue.close()
        connection.close()
        raise
    return PublicScreen(widget, queue, connection)


def run_public_screen(
    app: QApplication,
    *,
    kiosk: bool,
    demo: bool,
    folder: Path,
    self_test: bool,
    registry_url: str | None = None,
    code: str | None = None,
) -> int:
    """Run the hall display or the kiosk full screen until it is closed; the exit code.

    Args:
        app: the application.
        kiosk: the kiosk (else the hall display).
        demo: over the in-memory demonstration queue.
        folder: the data folder (settings, credential, embedded registry, ticket PDFs).
        self_test: show the screen, then quit.
        registry_url: the configured registry (else the environment's, else embedded).
        code: a one-time enrolment code for the configured registry.

    Returns:
        The application's exit code; `EXIT_NO_QUEUE` when no queue could be had (said in a
        message box).
    """
    try:
        if demo:
            screen = demo_public_screen(app, kiosk=kiosk, folder=folder)
        else:
            screen = open_public_screen(
                app, kiosk=kiosk, folder=folder, registry_url=registry_url, code=code
            )
    except (ClerkError, EmbeddedRegistryFailed) as error:
        _log.error("the %s has no queue: %s", KIOSK if kiosk else DISPLAY, error)
        reason = explain_error(error) if isinstance(error, ClerkError) else str(error)
        message = app.tr("The hall queue is not available:\n{error}").format(error=reason)
        QMessageBox.critical(None, app.tr("Window Clerk"), message)
        return EXIT_NO_QUEUE
    screen.widget.showFullScreen()
    if self_test:
        QTimer.singleShot(0, app.quit)
    try:
        return app.exec()
    finally:
        screen.close()


def _hall_title(queue: RegistryQueue, connection: ScreenConnection) -> str:
    try:
        return queue.hall_name() or connection.credential.hall
    except ClerkError as error:
        _log.warning("the hall's name is not known yet: %s", error)
        return connection.credential.hall


def _screen(
    app: QApplication,
    port: QueuePort,
    *,
    hall: str,
    settings: CounterSettings,
    kiosk: bool,
    folder: Path,
    announcer: Announcer | None = None,
) -> QWidget:
    if kiosk:
        return Kiosk(port=port, printer=ticket_printer(settings, folder), hall=hall)
    announcer = announcer or Announcer(
        speaker=hall_speaker(app),
        chime=SoundChime(parent=app),
        repeats=settings.get(ANNOUNCE_REPEATS),
        parent=app,
    )
    return HallDisplay(port=port, announcer=announcer, hall=hall, keep=settings.get(DISPLAY_CALLS))
