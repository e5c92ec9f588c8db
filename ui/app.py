"""Application start: arguments, logging, translations, the local store and the main window."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from clerk.catalog import load_catalogue
from clerk.errors import NotFound
from clerk.ports import DeviceIdentity
from clerk.services import ItemSummary, install_catalogue, list_items
from clerk.store import Store, open_store
from clerk.store.ids import uuid7
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_translators
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEMO_CATALOGUE = RESOURCES / "catalogue" / "demo.json"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(prog="window-clerk", description="Window Clerk counter")
    parser.add_argument("--data-dir", type=Path, help="where the counter keeps its store")
    parser.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    parser.add_argument("--catalogue", type=Path, default=DEMO_CATALOGUE, help=argparse.SUPPRESS)
    parser.add_argument(
        "--self-test", action="store_true", help="start, show the window, then quit (for checks)"
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


def open_counter_store(folder: Path, catalogue: Path) -> tuple[Store, tuple[ItemSummary, ...]]:
    """Open (or create) the counter's store and make sure it holds a catalogue.

    Until the counter enrols with a registry it runs as the demo hall's counter W01.

    Returns:
        The open store and the items of its catalogue.
    """
    store = open_store(folder / "counter.db")
    try:
        store.device  # noqa: B018 - raises NotFound for a store that was never registered
    except NotFound:
        store.register(DeviceIdentity(device_id=uuid7(), hall="DEMO", counter="W01", epoch=1))
    items = list_items(store.unit_of_work(read_only=True))
    if not items:
        install_catalogue(store.unit_of_work(), load_catalogue(catalogue))
        log.info("installed catalogue from %s", catalogue.name)
        items = list_items(store.unit_of_work(read_only=True))
    return store, items


def main(argv: Sequence[str]) -> int:
    """Run the counter application; returns the process exit code."""
    args = parse_args(argv[1:])
    app = QApplication(list(argv))
    app.setOrganizationName("WindowClerk")
    app.setApplicationName("WindowClerk")
    folder = data_dir(args.data_dir)
    configure_logging(folder)
    translators = install_translators(app, args.language)
    store, items = open_counter_store(folder, args.catalogue)
    try:
        device = store.device
        window = MainWindow(items, counter_label=f"{device.hall} · {device.counter}")
        window.show()
        if args.self_test:
            QTimer.singleShot(0, app.quit)
        code = app.exec()
    finally:
        store.close()
        for translator in translators:
            app.removeTranslator(translator)
    return code
