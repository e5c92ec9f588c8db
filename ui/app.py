"""Application start: arguments, logging, settings and language, enrolment, sign-in, the workbench.

A counter starts like this: the data folder and its log; the settings file and the language
(the settings', unless `--language` says otherwise) in the bundled CJK font; the counter's
store enrolled with its registry (asking on a first start, never in a scripted run); a first
synchronisation when the store holds no catalogue yet; the clerk's sign-in; then the
workbench (`ui.workbench`) with its queue panel, the customer panel, the print spooler, the
scanner and the background sync loop, and the session's lock over it (`ui.counter_run`).

The start overlaps its waits (issue 6; `bench/ui_bench.py` measures it): `ui.prestart` reads
the command line and launches the embedded registry before the heavy imports; this module
imports only what the first window needs (no SQLAlchemy, no reportlab: `clerk.store` and
`printing` load their names on first use), so an enrolled counter's clerk gets the sign-in
dialog at once (`ui.clerk_start`: the store is glanced at with `clerk.store.peek`) while the
counter connects and the workbench's modules are imported on threads; a scripted sign-in is
checked while the window is built; the hall queue is asked for off the GUI thread after the
sign-in and its panel joins the shown window (`WorkbenchWindow.attach_queue`). Nothing that
depends on another step moves: the first synchronisation still precedes the window, and the
enrolment of a fresh counter precedes everything.

Scripted runs (`--self-test`, tests) sign in without the dialog with `--staff ID` and the
password in the environment variable `WINDOW_CLERK_PASSWORD` — for tests and demonstrations
only; a clerk signs in through the dialog. `--self-test` without `--staff` starts with nobody
signed in, shows the window and quits with 0.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from clerk import logsetup
from clerk.errors import ClerkError
from clerk.private import PrivateRotatingFileHandler
from sync.embedded import EmbeddedRegistryFailed
from ui.clerk_start import enrolled_label, sign_in_while_connecting
from ui.collector import GuiThreadCollector
from ui.i18n import LanguageSwitch
from ui.prestart import PASSWORD_VARIABLE, SETTINGS_FILE, parse_args, prestart, scripted
from ui.queue.look import hall_font_family
from ui.settings import LANGUAGE, CounterSettings
from ui.starting import cannot_start, preload

__all__ = ["PASSWORD_VARIABLE", "main", "parse_args", "use_bundled_font"]

log = logging.getLogger(__name__)

WORKBENCH_MODULES = (
    "ui.counter_run",
    "ui.workbench.window",
    "ui.workbench.customer",
    "ui.workbench.parts",
    "ui.workbench.queue",
    "ui.capture.scanner",
)
"""What the workbench needs beyond the first window, imported while the clerk signs in or the
registry boots."""


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
        preloading.join()
        from ui.counter_run import run_clerk_signed_in  # noqa: PLC0415 - preloaded meanwhile

        return run_clerk_signed_in(
            app,
            args,
            signed,
            folder=folder,
            settings=settings,
            languages=languages,
        )
    from ui.session.enrolment import ensure_enrolled  # noqa: PLC0415 - a store: heavy

    try:
        connection = ensure_enrolled(
            folder,
            settings=settings,
            registry_url=args.registry,
            code=args.enrolment_code,
            ask=not scripted(args),
        )
    except (ClerkError, EmbeddedRegistryFailed) as error:
        return cannot_start(app, error)
    if connection is None:
        return 1  # the enrolment was cancelled
    try:
        preloading.join()
        from ui.counter_run import run_signed_in  # noqa: PLC0415 - preloaded meanwhile

        return run_signed_in(
            app, args, connection=connection, folder=folder, settings=settings, languages=languages
        )
    finally:
        connection.close()
