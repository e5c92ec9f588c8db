"""Application start: arguments, logging, settings and language, enrolment, sign-in, the workbench.

A counter starts like this: the data folder and its log; the settings file and the language
(the settings', unless `--language` says otherwise) in the bundled CJK font; the counter's
store enrolled with its registry (asking on a first start, never in a scripted run); a first
synchronisation when the store holds no catalogue yet; the clerk's sign-in; then the
workbench (`ui.workbench`) with its queue panel, the customer panel, the print spooler, the
scanner and the background sync loop, and the session's lock over it.

The start overlaps its waits (issue 6; `bench/ui_bench.py` measures it): `ui.prestart` reads
the command line and launches the embedded registry before the heavy imports; the workbench's
modules are imported on a thread while the counter connects; an enrolled counter's clerk gets
the sign-in dialog at once, while the counter connects (`ui.clerk_start`); a scripted sign-in
is checked while the window is built; the hall queue is asked for off the GUI thread after
the sign-in and its panel joins the shown window (`WorkbenchWindow.attach_queue`). Nothing
that depends on another step moves: the first synchronisation still precedes the window, and
the enrolment of a fresh counter precedes everything.

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
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk import logsetup
from clerk.errors import ClerkError
from clerk.private import PrivateRotatingFileHandler
from clerk.scans import ScanFolder
from clerk.services import list_items
from clerk.staff import Actor
from printing.from_domain import PrintContext
from sync.client import SyncError
from sync.embedded import EmbeddedRegistryFailed
from sync.engine import SyncEngine
from sync.login import Login
from sync.loop import SyncLoop
from sync.retention import ScanRetention
from sync.setup import Connection
from ui.clerk_start import ClerkSignedIn, enrolled_label, sign_in_while_connecting
from ui.collector import GuiThreadCollector
from ui.i18n import LanguageSwitch
from ui.prestart import PASSWORD_VARIABLE, SETTINGS_FILE, parse_args, prestart, scripted
from ui.queue.look import hall_font_family
from ui.session.auth import Authenticator
from ui.session.enrolment import ensure_enrolled
from ui.session.lock import SessionLock, start_session
from ui.session.login import sign_in
from ui.session.messages import user_message
from ui.settings import (
    COUNTER_LABEL,
    HALL_NAME,
    LANGUAGE,
    PROGRESS_URL,
    SCAN_RETENTION_DAYS,
    CounterSettings,
)
from ui.starting import deliver, in_background, preload
from ui.sync_status import HealthBridge

if TYPE_CHECKING:
    from ui.queue.remote import RegistryQueue
    from ui.workbench.parts import CounterParts, QueueHookup
    from ui.workbench.window import WorkbenchWindow

__all__ = ["PASSWORD_VARIABLE", "main", "parse_args", "start_sync", "use_bundled_font"]

log = logging.getLogger(__name__)

WORKBENCH_MODULES = (
    "ui.workbench.window",
    "ui.workbench.customer",
    "ui.workbench.parts",
    "ui.workbench.queue",
    "ui.capture.scanner",
)
"""What the workbench needs beyond the start itself, imported while the registry boots."""


def configure_logging(folder: Path) -> None:
    """Module loggers write to a rotating file in the data folder (configured once, here)."""
    handler = PrivateRotatingFileHandler(  # 0600 whatever the umask (issue 7, data at rest)
        folder / "window-clerk.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logsetup.formatter())  # text, or JSON lines on request
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
    scans = ScanFolder(folder / "scans")
    days = CounterSettings(folder / SETTINGS_FILE).get(SCAN_RETENTION_DAYS)
    retention = ScanRetention.from_days(scans, days, data_folder=folder)  # issue 7
    engine = SyncEngine(connection.store, connection.client, scans=scans, retention=retention)
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
    from ui.workbench.parts import CounterParts  # noqa: PLC0415 - preloaded during the start

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
) -> Future[Login | None]:
    """Who works at the counter: scripted (`--staff` and $WINDOW_CLERK_PASSWORD: checked on a
    thread of its own while the workbench is built), nobody in a self-test without `--staff`,
    else whoever signs in at the dialog (None: cancelled).

    The future raises `sync.login.LoginRefused` when the scripted staff number or password is
    wrong.
    """
    password = os.environ.get(PASSWORD_VARIABLE)
    if args.staff and password is not None:
        staff: str = args.staff
        return in_background(lambda: authenticator.log_in(staff, password), name="sign-in")
    done: Future[Login | None] = Future()
    if args.self_test:
        done.set_result(None)
        return done
    if args.staff:
        log.warning("--staff without $%s: the clerk signs in at the dialog", PASSWORD_VARIABLE)
    done.set_result(sign_in(authenticator, counter_label=counter_label))
    return done


GUI_SWITCH_INTERVAL = 0.0001
"""Seconds a busy worker thread may hold the interpreter before the screen's thread gets it."""


def share_the_interpreter_with_the_screen() -> None:
    """Hand the interpreter to the GUI thread within 0.1 ms, not Python's default 5 ms.

    A page's rows, a sync round or a PDF are built on worker threads; painting calls back into
    Python for every cell, and each callback waited up to one switch interval for a busy worker:
    hundreds of waits made a paint of a month's deadlines board take 0.5 s (bench/soak.py). A
    table's paint (1,456 calls of `data`) beside a busy thread took 231 ms at 5 ms, 69 ms at
    1 ms, 19 ms at 0.1 ms (8 ms with no busy thread); two busy threads lose 4 % of their work
    to the extra hand-overs (bench/README.md, "Reading the UI figures").
    """
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)


def main(argv: Sequence[str]) -> int:
    """Run the counter application; returns the process exit code."""
    args, folder, early = prestart(argv)  # the embedded registry launched, if it will be used
    app = QApplication(list(argv))
    share_the_interpreter_with_the_screen()
    GuiThreadCollector(parent=app).start()  # garbage with Qt objects is freed on this thread
    configure_logging(folder)
    if early is not None:
        log.info("embedded registry launched early (process %d)", early)
    settings = CounterSettings(folder / SETTINGS_FILE)
    use_bundled_font(app)
    languages = LanguageSwitch(app, args.language or settings.get(LANGUAGE))
    try:
        if args.display or args.kiosk:
            from ui.queue.launch import run_public_screen  # noqa: PLC0415 - the screens only

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
    preloading = preload(WORKBENCH_MODULES)  # while the registry boots
    label = None if scripted(args) else enrolled_label(folder)
    if label is not None:  # a clerk's start: the sign-in dialog first, while it connects
        signed = sign_in_while_connecting(
            folder, label=label, settings=settings, registry_url=args.registry
        )
        return run_clerk_signed_in(
            app,
            args,
            signed,
            preloading=preloading,
            folder=folder,
            settings=settings,
            languages=languages,
        )
    try:
        connection = ensure_enrolled(
            folder,
            settings=settings,
            registry_url=args.registry,
            code=args.enrolment_code,
            ask=not scripted(args),
        )
    except (ClerkError, EmbeddedRegistryFailed) as error:
        return _cannot_start(app, error)
    if connection is None:
        return 1  # the enrolment was cancelled
    try:
        preloading.join()
        return run_signed_in(
            app, args, connection=connection, folder=folder, settings=settings, languages=languages
        )
    finally:
        connection.close()


def run_clerk_signed_in(
    app: QApplication,
    args: argparse.Namespace,
    signed: ClerkSignedIn,
    *,
    preloading: threading.Thread,
    folder: Path,
    settings: CounterSettings,
    languages: LanguageSwitch,
) -> int:
    """Run the workbench for the clerk who signed in at the dialog; the exit code."""
    try:
        if signed.connection is None:
            return _cannot_start(app, signed.failure or RuntimeError("no connection"))
        if signed.login is None:
            return 0  # the clerk cancelled the sign-in
        preloading.join()
        return run_signed_in(
            app,
            args,
            connection=signed.connection,
            folder=folder,
            settings=settings,
            languages=languages,
            signed_in=(signed.authenticator.connected(), signed.login),
        )
    finally:
        signed.authenticator.close()
        if signed.connection is not None:
            signed.connection.close()


def run_signed_in(
    app: QApplication,
    args: argparse.Namespace,
    *,
    connection: Connection,
    folder: Path,
    settings: CounterSettings,
    languages: LanguageSwitch,
    signed_in: tuple[Authenticator, Login] | None = None,
) -> int:
    """Sign the clerk in on an open counter and run the workbench; the exit code.

    A scripted sign-in is checked on its own thread while the window is built; then the hall
    queue is asked for off the GUI thread (not beside the sign-in, which it would slow down at
    a registry that has just started) and its panel joins the window when it answers.
    """
    from ui.workbench.window import WorkbenchWindow  # noqa: PLC0415 - preloaded during the start

    authenticator = signed_in[0] if signed_in else Authenticator.for_connection(connection)
    try:
        first_sync(connection, folder)  # before the window reads the catalogue
        device = connection.store.device
        if signed_in is None:
            signing_in = log_in(authenticator, args, f"{device.hall} · {device.counter}")
        else:
            signing_in = Future()
            signing_in.set_result(signed_in[1])
        if not args.self_test and _cancelled(signing_in):
            return 0  # the clerk cancelled the sign-in
        parts = counter_parts(
            connection, folder=folder, settings=settings, authenticator=authenticator
        )
        window = WorkbenchWindow(parts, queue=demo_queue(app, args, parts), languages=languages)
        try:
            login = signing_in.result()
        except ClerkError as error:
            window.close()
            return _cannot_start(app, error)
        late_queue = hall_queue_later(window, args, connection=connection)  # after the sign-in
        try:
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
            late_queue()
    finally:
        authenticator.close()


def demo_queue(
    app: QApplication, args: argparse.Namespace, parts: CounterParts
) -> QueueHookup | None:
    """The demonstration queue with `--demo-queue` (None otherwise: the registry's)."""
    if not args.demo_queue:
        return None
    from ui.workbench.queue import demo_queue_hookup  # noqa: PLC0415 - preloaded during the start

    return demo_queue_hookup(parts.counter, parent=app)


def hall_queue_later(
    window: WorkbenchWindow, args: argparse.Namespace, *, connection: Connection
) -> Callable[[], None]:
    """Ask the registry for the hall queue off the GUI thread; the window gets its panel when
    the answer comes (at once for `--demo-script`, whose day begins with the queue).

    Returns:
        What to call when the window has closed: a queue that came too late is closed.
    """
    from ui.workbench.queue import hall_queue, queue_hookup  # noqa: PLC0415 - preloaded

    if args.demo_queue:
        return lambda: None
    client, store = connection.client, connection.store
    asked = in_background(lambda: hall_queue(client), name="hall-queue")
    attached: list[RegistryQueue] = []

    def arrived(queue: RegistryQueue | None) -> None:
        if queue is not None:
            window.attach_queue(queue_hookup(queue, client=client, store=store))
            attached.append(queue)

    if args.demo_script is not None:
        arrived(asked.result())
    else:
        deliver(asked, arrived, parent=window)

    def close_unattached(done: Future[RegistryQueue | None]) -> None:
        queue = None if done.exception() is not None else done.result()
        if queue is not None and not attached:
            queue.close()

    return lambda: asked.add_done_callback(close_unattached)


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
    from ui.capture.scanner import ScannerFilter, burst_rules  # noqa: PLC0415 - preloaded
    from ui.workbench.customer import show_customer_panel  # noqa: PLC0415 - preloaded

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
        window.activateWindow()  # the keyboard stays with the clerk, not the applicant's panel
        window.print_room.wake()  # what an earlier run left in the print queue
        if self_test:
            QTimer.singleShot(0, app.quit)
        if demo_script is not None:
            QTimer.singleShot(0, lambda: app.exit(play_demo(window, demo_script)))
        return app.exec()
    finally:
        if lock is not None:
            lock.close()
        window.close()
        loop.stop()
        scanner.uninstall(app)


def _cancelled(signing_in: Future[Login | None]) -> bool:
    """Whether the sign-in dialog was cancelled (a scripted sign-in still running is not)."""
    return signing_in.done() and signing_in.exception() is None and signing_in.result() is None


def play_demo(window: WorkbenchWindow, folder: Path) -> int:
    """Play the scripted demonstration day into `folder` (`--demo-script`); its exit code."""
    from ui.workbench.demo_day import play_into  # noqa: PLC0415 - demonstrations only

    try:
        return play_into(window, folder)
    except Exception:  # the day ends with an exit code whatever went wrong, never hangs
        log.exception("the demonstration day failed")
        return 1


def _cannot_start(app: QApplication, error: Exception) -> int:
    log.error("cannot start the counter: %s", error)
    QMessageBox.critical(None, app.tr("Window Clerk"), user_message(error))
    return 1
