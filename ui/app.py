"""Application start: arguments, logging, translations, the local store and the main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk.errors import ClerkError
from clerk.scans import ScanFolder
from clerk.services import list_items
from sync.client import SyncError
from sync.embedded import EmbeddedRegistryFailed
from sync.engine import SyncEngine
from sync.loop import SyncLoop
from sync.setup import Connection, open_counter
from ui.collector import GuiThreadCollector
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_translators
from ui.main_window import MainWindow
from ui.queue.launch import demo_counter_panel, registry_counter_panel, run_public_screen
from ui.queue.panel import QueuePanel
from ui.queue.port import Seat
from ui.sync_status import HealthBridge, SyncStatus

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="window-clerk", description="Window Clerk counter")
    parser.add_argument("--data-dir", type=Path, help="where the counter keeps its store")
    parser.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--registry", help="the hall's registry URL (default: an embedded one)")
    parser.add_argument("--enrolment-code", help="one-time code to enrol with --registry")
    parser.add_argument(
        "--self-test", action="store_true", help="start, show the window, then quit (for checks)"
    )
    screen = parser.add_mutually_exclusive_group()
    screen.add_argument("--display", action="store_true", help="run the hall display board")
    screen.add_argument("--kiosk", action="store_true", help="run the ticket kiosk")
    parser.add_argument(
        "--demo-queue", action="store_true", help="use an in-memory demonstration hall queue"
    )
    parser.add_argument(
        "--staff",
        help="the clerk's staff number for the queue (default: the clerk last at this counter)",
    )
    return parser.parse_args(argv)


def data_dir(chosen: Path | None) -> Path:
    """The folder of the store and the logs (the platform's data folder by default)."""
    folder = chosen or Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def configure_logging(folder: Path) -> None:
    """Module loggers write to a rotating file in the data folder (configured once, here)."""
    handler = logging.handlers.RotatingFileHandler(
        folder / "window-clerk.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def connect(folder: Path, args: argparse.Namespace) -> Connection:
    """Open the store and reach its registry (the embedded one unless one is configured).

    A counter that holds no catalogue yet (its first start) synchronises once before the
    window opens, so the clerk starts with the hall's catalogue, staff and calendar.
    """
    connection = open_counter(folder, registry_url=args.registry, code=args.enrolment_code)
    if not list_items(connection.store.unit_of_work(read_only=True)):
        engine = SyncEngine(connection.store, connection.client, scans=ScanFolder(folder / "scans"))
        try:
            engine.run_once()
        except SyncError as error:
            log.warning("first synchronisation failed: %s", error)
    return connection


def start_sync(connection: Connection, folder: Path, status: SyncStatus) -> SyncLoop:
    """Run the sync loop in the background, reporting to the status bar."""
    bridge = HealthBridge(status)
    bridge.changed.connect(status.show_health)
    engine = SyncEngine(connection.store, connection.client, scans=ScanFolder(folder / "scans"))
    loop = SyncLoop(engine, on_health=bridge.publish)
    loop.start()
    return loop


def main(argv: Sequence[str]) -> int:
    """Run the counter application; returns the process exit code."""
    args = parse_args(argv[1:])
    app = QApplication(list(argv))
    GuiThreadCollector(parent=app).start()  # garbage with Qt objects is freed on this thread
    app.setOrganizationName("WindowClerk")
    app.setApplicationName("WindowClerk")
    folder = data_dir(args.data_dir)
    configure_logging(folder)
    translators = install_translators(app, args.language)
    if args.display or args.kiosk:
        return run_public_screen(
            app,
            kiosk=args.kiosk,
            demo=args.demo_queue,
            folder=folder,
            self_test=args.self_test,
            registry_url=args.registry,
            code=args.enrolment_code,
        )
    try:
        connection = connect(folder, args)
    except (ClerkError, EmbeddedRegistryFailed) as error:
        log.error("cannot start the counter: %s", error)
        QMessageBox.critical(None, app.tr("Window Clerk"), str(error))
        return 1
    loop: SyncLoop | None = None
    try:
        device = connection.store.device
        items = list_items(connection.store.unit_of_work(read_only=True))
        panel: QueuePanel | None
        if args.demo_queue:
            panel = demo_counter_panel(Seat(device.counter, args.staff or device.counter), folder)
        else:  # the clerk's sign-in is not built yet: --staff, or the registry's last clerk
            panel = registry_counter_panel(
                connection.client, counter=device.counter, staff=args.staff, folder=folder
            )
        window = MainWindow(
            items, counter_label=f"{device.hall} · {device.counter}", queue_panel=panel
        )
        loop = start_sync(connection, folder, window.sync_status)
        window.show()
        if args.self_test:
            QTimer.singleShot(0, app.quit)
        code = app.exec()
    finally:
        if loop is not None:
            loop.stop()
        connection.close()
        for translator in translators:
            app.removeTranslator(translator)
    return code
