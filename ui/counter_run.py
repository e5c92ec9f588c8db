"""The counter once it may start: the clerk signed in (or signing in), the workbench run.

`ui.app` starts light and hands over here once the store is open (`run_signed_in`) or the
clerk has signed in at the first window (`run_clerk_signed_in`): a first synchronisation when
the store holds no catalogue yet, the workbench built while a scripted sign-in is checked, the
hall queue asked for off the GUI thread, then the workbench shown with the sync loop, the
scanner, the customer panel and the session's lock. Imported on a thread while the first
window shows (`ui.app.WORKBENCH_MODULES`): it brings SQLAlchemy, reportlab and the workbench.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from clerk.errors import ClerkError
from clerk.scans import ScanFolder
from clerk.services import list_items
from clerk.staff import Actor
from printing.from_domain import PrintContext
from sync.client import SyncError
from sync.engine import SyncEngine
from sync.login import Login
from sync.loop import SyncLoop
from sync.retention import ScanRetention
from sync.setup import Connection
from ui.clerk_start import ClerkSignedIn
from ui.collector import keep_what_lives_now
from ui.i18n import LanguageSwitch
from ui.prestart import PASSWORD_VARIABLE, SETTINGS_FILE
from ui.session.auth import Authenticator
from ui.session.lock import SessionLock
from ui.session.login import sign_in
from ui.settings import (
    COUNTER_LABEL,
    HALL_NAME,
    PROGRESS_URL,
    SCAN_RETENTION_DAYS,
    CounterSettings,
)
from ui.starting import cannot_start, deliver, in_background
from ui.sync_status import HealthBridge

if TYPE_CHECKING:
    from ui.queue.remote import RegistryQueue
    from ui.workbench.parts import CounterParts, QueueHookup
    from ui.workbench.window import WorkbenchWindow

__all__ = ["first_sync", "hall_queue_later", "run_clerk_signed_in", "run_signed_in", "start_sync"]

log = logging.getLogger(__name__)


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


def run_clerk_signed_in(
    app: QApplication,
    args: argparse.Namespace,
    signed: ClerkSignedIn,
    *,
    folder: Path,
    settings: CounterSettings,
    languages: LanguageSwitch,
) -> int:
    """Run the workbench for the clerk who signed in at the dialog; the exit code."""
    try:
        if signed.connection is None:
            return cannot_start(app, signed.failure or RuntimeError("no connection"))
        if signed.login is None:
            return 0  # the clerk cancelled the sign-in
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
            return cannot_start(app, error)
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
            lock = window.begin_session(login=login, authenticator=authenticator)
        keep_what_lives_now()  # later collections walk only what the day creates
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
