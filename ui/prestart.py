"""The first moments of a start, before the heavy imports: the command line, the data folder,
and the embedded registry launched early.

The embedded registry child takes a second or more to answer (its own imports and web
application), about as long as the counter's imports. `prestart` reads the command line and
launches the child at once when this start will use it, so both boot side by side; the
counter's `sync.setup.open_counter` then adopts that child (`sync.embedded.prelaunch`). Only
the standard library, QtCore and `sync.embedded` are imported here.
"""

from __future__ import annotations

import argparse
import configparser
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from sync.embedded import prelaunch

PASSWORD_VARIABLE = "WINDOW_CLERK_PASSWORD"  # noqa: S105 - the variable's name, not a password
"""The password of `--staff` in scripted runs and tests (never for a clerk at a counter)."""
URL_VARIABLE = "WINDOW_CLERK_REGISTRY_URL"  # sync.setup.URL_VARIABLE (not imported: heavy)
SETTINGS_FILE = "window-clerk.ini"  # ui.queue.launch.SETTINGS_FILE (not imported: heavy)
ORGANISATION = APPLICATION = "WindowClerk"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Read the command line (without the program's name)."""
    parser = argparse.ArgumentParser(prog="window-clerk", description="Window Clerk counter")
    parser.add_argument("--data-dir", type=Path, help="where the counter keeps its store")
    parser.add_argument(
        "--language", choices=("zh_CN", "en"), help="the screens' language (default: the settings')"
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


def data_dir(args: argparse.Namespace) -> Path:
    """The folder of the store and the logs: `--data-dir`, the demonstration's, else the
    platform's data folder for Window Clerk."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    chosen = args.data_dir or (args.demo_script and args.demo_script / "counter-data")
    folder = chosen or Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def scripted(args: argparse.Namespace) -> bool:
    """Whether the start asks nobody anything (a self-test, or `--staff` with its password)."""
    return bool(args.self_test or (args.staff and os.environ.get(PASSWORD_VARIABLE)))


def uses_embedded(args: argparse.Namespace, folder: Path) -> bool:
    """Whether this start will run the counter over its embedded registry, as far as can be
    told before anything heavy is imported: a counter (not a public screen) with no registry
    configured, either scripted or started over the embedded registry before."""
    if args.display or args.kiosk or args.registry or os.environ.get(URL_VARIABLE):
        return False
    if _configured_registry(folder / SETTINGS_FILE):
        return False
    return scripted(args) or (folder / "registry" / "registry.sqlite").exists()


def _configured_registry(settings: Path) -> str:
    """The registry kept in the settings file (`ui.settings.REGISTRY_URL`), if any."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return "unreadable"  # let the real settings decide, later
    return parser.get("sync", "registry_url", fallback="").strip().strip('"')


def prestart(argv: Sequence[str]) -> tuple[argparse.Namespace, Path, int | None]:
    """Read the command line, make the data folder and launch the embedded registry early
    when this start will use it (once: calling it again finds the same child).

    Args:
        argv: the whole command line, the program's name first.

    Returns:
        The arguments, the data folder and the process id of the registry launched early.
    """
    args = parse_args(argv[1:])
    folder = data_dir(args)
    early = prelaunch(folder / "registry") if uses_embedded(args, folder) else None
    return args, folder, early
