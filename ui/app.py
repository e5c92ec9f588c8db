"""Application start: arguments, logging, settings and language, enrolment, sign-in, the workbench.

A counter starts like this: the data folder and its log; the settings file and the language
(the settings', unless `--language` says otherwise) in the bundled CJK font; the counter's
store enrolled with its registry (asking on a first start, never in a scripted run); a first
synchronisation when the store holds no catalogue yet; the clerk's sign-in; then the
workbench (`ui.workbench`) with its queue panel, the customer panel, the print spooler, the
scanner and the background sync loop, and the session's lock over it.

Scripted runs (`--self-test`, tests) sign in without the dialog with `--staff ID` and the
password in the environment variable `WINDOW_CLERK_PASSWORD` — for tests and demonstrations
only; a clerk signs in through the dialog. `--self-test` without `--staff` starts with nobody
signed in, shows the window and quits with 0.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk.errors import ClerkError
from clerk.scans import ScanFolder
from clerk.services import list_items
from clerk.staff import Actor
from printing.from_domain import PrintContext
from sync.client import SyncError
from sync.embedded import EmbeddedRegistryFailed
from sync.engine import SyncEngine
from sync.login import Login
from sync.loop import SyncLoop
from sync.setup import Connection
from ui.capture.scanner import ScannerFilter, burst_rules
from ui.collector import GuiThreadCollector
from ui.i18n import LANGUAGES, LanguageSwitch
from ui.queue.launch import SETTINGS_FILE, run_public_screen
from ui.queue.look import hall_font_family
from ui.session.auth import Authenticator
from ui.session.enrolment import ensure_enrolled
from ui.session.lock import SessionLock, start_session
from ui.session.login import sign_in
from ui.session.messages import user_message
from ui.settings import COUNTER_LABEL, HALL_NAME, LANGUAGE, PROGRESS_URL, CounterSettings
from ui.sync_status import HealthBridge
from ui.workbench.customer import show_customer_panel
from ui.workbench.demo_day import play_into
from ui.workbench.parts import CounterParts, QueueHookup
from ui.workbench.queue import counter_queue_hookup, demo_queue_hookup
from ui.workbench.window import WorkbenchWindow

log = logging.getLogger(__name__)

PASSWORD_VARIABLE = "WINDOW_CLERK_PASSWORD"  # noqa: S105 - the variable's name, not a password
"""The password of `--staff` in scripted runs and tests (never for a clerk at a counter)."""


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="window-clerk", description="Window Clerk counter")
    parser.add_argument("--data-dir", type=Path, help="where the counter keeps its store")
    parser.add_argument(
        "--language", choices=LANGUAGES, help="the screens' language (default: the settings')"
    )
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
        help=f"scripted runs and tests: sign in as this staff member with the password in "
        f"${PASSWORD_VARIABLE}, without the dialog",
    )
    parser.add_argument(
        "--demo-script",
        type=Path,
        metavar="DIR",
        help="play the scripted demonstration day (with --staff), saving screenshots and "
        "printed PDFs into DIR, then quit",
    )
    args = parser.parse_args(argv)
    if args.demo_script and not (args.staff and os.environ.get(PASSWORD_VARIABLE)):
        parser.error(f"--demo-script needs --staff and ${PASSWORD_VARIABLE}")
    return args


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


def use_bundled_font(app: QApplication) -> None:
    """Every window in the bundled WenQuanYi, so Chinese shows without a system CJK font."""
    font = app.font()
    font.setFamily(hall_font_family())
    app.setFont(font)


def first_sync(connection: Connection, folder: Path) -> None:
    """Synchronise once when the store holds no catalogue yet (a counter's first start), so
    the clerk starts with the hall's catalogue, staff and calendar."""
    if list_items(connection.store.unit_of_work(read_only=True)):
        return
    engine = SyncEngine(connection.store, connection.client, scans=ScanFolder(folder / "scans"))
    try:
        engine.run_once()
    except SyncError as error:
        log.warning("first synchronisation failed: %s", error)


def start_sync(connection: Connection, folder: Path, window: WorkbenchWindow) -> SyncLoop:
    """Run the sync loop in the background, reporting to the window; commits wake it."""
    bridge = HealthBridge(window)
    bridge.changed.connect(window.show_health)
    engine = SyncEngine(connection.store, connection.client, scans=ScanFolder(folder / "scans"))
    loop = SyncLoop(engine, on_health=bridge.publish)
    window.committed.connect(loop.poke)
    loop.start()
    return loop


@dataclass(frozen=True, slots=True)
class AuthenticatorCredentials:
    """A supervisor's credentials checked at this counter (`ui.decisions.desk.CredentialCheck`)."""

    authenticator: Authenticator

    def __call__(self, staff_id: str, password: str, now: datetime) -> Actor:
        """The staff member (raises `sync.login.LoginRefused`); `now` is the checker's own."""
        return self.authenticator.log_in(staff_id.strip(), password).actor


def counter_parts(
    connection: Connection, *, folder: Path, settings: CounterSettings, authenticator: Authenticator
) -> CounterParts:
    """What the workbench is built from, for the counter of `connection`."""
    device = connection.store.device
    context = PrintContext(
        hall=settings.get(HALL_NAME) or device.hall,
        counter=settings.get(COUNTER_LABEL) or device.counter,
        lookup_base_url=settings.get(PROGRESS_URL) or None,
    )
    return CounterParts(
        store=connection.store,
        scans=ScanFolder(folder / "scans"),
        settings=settings,
        data_folder=folder,
        context=context,
        credentials=AuthenticatorCredentials(authenticator),
        counter_label=f"{device.hall} · {device.counter}",
    )


def log_in(
    authenticator: Authenticator, args: argparse.Namespace, counter_label: str
) -> Login | None:
    """Who works at the counter: scripted (`--staff` and $WINDOW_CLERK_PASSWORD), nobody in a
    self-test without `--staff`, else whoever signs in at the dialog (None: cancelled).

    Raises:
        sync.login.LoginRefused: the scripted staff number or password is wrong.
    """
    password = os.environ.get(PASSWORD_VARIABLE)
    if args.staff and password is not None:
        return authenticator.log_in(args.staff, password)
    if args.self_test:
        return None
    if args.staff:
        log.warning("--staff without $%s: the clerk signs in at the dialog", PASSWORD_VARIABLE)
    return sign_in(authenticator, counter_label=counter_label)


def main(argv: Sequence[str]) -> int:
    """Run the counter application; returns the process exit code."""
    args = parse_args(argv[1:])
    app = QApplication(list(argv))
    GuiThreadCollector(parent=app).start()  # garbage with Qt objects is freed on this thread
    app.setOrganizationName("WindowClerk")
    app.setApplicationName("WindowClerk")
    folder = data_dir(args.data_dir or (args.demo_script and args.demo_script / "counter-data"))
    configure_logging(folder)
    settings = CounterSettings(folder / SETTINGS_FILE)
    use_bundled_font(app)
    languages = LanguageSwitch(app, args.language or settings.get(LANGUAGE))
    try:
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
        return run_counter(app, args, folder=folder, settings=settings, languages=languages)
    finally:
        languages.close()


def run_counter(
    app: QApplication,
    args: argparse.Namespace,
    *,
    folder: Path,
    settings: CounterSettings,
    languages: LanguageSwitch,
) -> int:
    """Enrol, sign in and run the workbench until it is closed; the exit code."""
    scripted = args.self_test or bool(args.staff and os.environ.get(PASSWORD_VARIABLE))
    try:
        connection = ensure_enrolled(
            folder,
            settings=settings,
            registry_url=args.registry,
            code=args.enrolment_code,
            ask=not scripted,
        )
    except (ClerkError, EmbeddedRegistryFailed) as error:
        return _cannot_start(app, error)
    if connection is None:
        return 1  # the enrolment was cancelled
    try:
        return run_signed_in(
            app, args, connection=connection, folder=folder, settings=settings, languages=languages
        )
    finally:
        connection.close()


def run_signed_in(
    app: QApplication,
    args: argparse.Namespace,
    *,
    connection: Connection,
    folder: Path,
    settings: CounterSettings,
    languages: LanguageSwitch,
) -> int:
    """Sign the clerk in on an open counter and run the workbench; the exit code."""
    authenticator = Authenticator.for_connection(connection)
    try:
        first_sync(connection, folder)
        device = connection.store.device
        try:
            login = log_in(authenticator, args, f"{device.hall} · {device.counter}")
        except ClerkError as error:
            return _cannot_start(app, error)
        if login is None and not args.self_test:
            return 0  # the clerk cancelled the sign-in
        parts = counter_parts(
            connection, folder=folder, settings=settings, authenticator=authenticator
        )
        queue = counter_queue(app, args, connection=connection, counter=parts.counter)
        window = WorkbenchWindow(parts, queue=queue, languages=languages)
        return run_workbench(
            app,
            window,
            connection=connection,
            login=login,
            authenticator=authenticator,
            self_test=args.self_test,
            demo_script=args.demo_script,
        )
    finally:
        authenticator.close()


def counter_queue(
    app: QApplication, args: argparse.Namespace, *, connection: Connection, counter: str
) -> QueueHookup | None:
    """The demonstration queue with `--demo-queue`, else the registry's with its fallback."""
    if args.demo_queue:
        return demo_queue_hookup(counter, parent=app)
    return counter_queue_hookup(connection.client, store=connection.store)


def run_workbench(
    app: QApplication,
    window: WorkbenchWindow,
    *,
    connection: Connection,
    login: Login | None,
    authenticator: Authenticator,
    self_test: bool,
    demo_script: Path | None = None,
) -> int:
    """Show the workbench with everything running behind it; the exit code when it closes
    (with `demo_script`: when the scripted day has been played into that folder)."""
    parts = window.parts
    scanner = ScannerFilter(rules=burst_rules(parts.settings), parent=app)
    scanner.install(app)
    window.use_scanner(scanner)
    loop = start_sync(connection, parts.data_folder, window)
    lock: SessionLock | None = None
    try:
        if login is not None:
            lock = start_session(
                window,
                login=login,
                authenticator=authenticator,
                settings=parts.settings,
                counter_label=parts.counter_label,
            )
            window.attach_session(lock)
        window.show()
        show_customer_panel(window.customer.panel)
        window.print_room.wake()  # what an earlier run left in the print queue
        if self_test:
            QTimer.singleShot(0, app.quit)
        if demo_script is not None:
            QTimer.singleShot(0, lambda: app.exit(play_into(window, demo_script)))
        return app.exec()
    finally:
        if lock is not None:
            lock.close()
        window.close()
        loop.stop()
        scanner.uninstall(app)


def _cannot_start(app: QApplication, error: Exception) -> int:
    log.error("cannot start the counter: %s", error)
    QMessageBox.critical(None, app.tr("Window Clerk"), user_message(error))
    return 1
