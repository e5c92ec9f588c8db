"""Screenshots of the settings dialog (Printers and Hotkeys pages) for docs/screens/.

Regenerate with: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.settings_screens

The Chinese comes from scripts/zh/settings.py (and the tables the fill script holds), compiled
here by `compile_translation`, so the shots and the tests are right before the project's
translation file is regenerated.
"""

from __future__ import annotations

import runpy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication

from ui.collector import GuiThreadCollector
from ui.i18n import LanguageSwitch
from ui.queue.look import hall_font_family
from ui.settings import DOCUMENT_PRINTER, CounterSettings
from ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "docs" / "screens"
BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "i18n" / "window_clerk_zh_CN.ts"
SOURCES = (
    "ui/settings_dialog.py",
    "ui/sync_status.py",
    "ui/catalogue_view.py",
)
PRINTERS = ("HP-LaserJet-M403-大厅", "XP-80C-receipt")  # names a hall's CUPS might list
SHOWN_DATA_FOLDER = Path("/home/clerk/.local/share/WindowClerk")  # as a counter's would read


def compile_translation(folder: Path) -> Path:
    """window_clerk_zh_CN.qm of the settings dialog and the main window, in `folder`.

    The project's translation file is brought up to date with these sources and the tables
    (as scripts/translations.sh does for all of ui/), in a copy.

    Returns:
        `folder`, to hand to `LanguageSwitch(directory=...)`.
    """
    ts, qm = folder / TS.name, folder / TS.with_suffix(".qm").name
    shutil.copy(TS, ts)
    pages = sorted(str(path) for path in (ROOT / "ui" / "settings_pages").glob("*.py"))
    sources = [str(ROOT / source) for source in SOURCES] + pages
    run = [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(ts)]
    subprocess.run(run, check=True, capture_output=True)
    runpy.run_path(str(ROOT / "scripts" / "translate_fill.py"))["main"](str(ts))
    run = [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)]
    subprocess.run(run, check=True, capture_output=True)
    return folder


def page_images(data_folder: Path) -> dict[str, QImage]:
    """The Printers and Hotkeys pages, an A4 printer chosen, as the clerk sees them."""
    settings = CounterSettings(data_folder / "window-clerk.ini")
    settings.set(DOCUMENT_PRINTER, PRINTERS[0])
    dialog = SettingsDialog(settings, data_folder=SHOWN_DATA_FOLDER, printers=PRINTERS)
    dialog.show()
    images = {}
    for name, page in (("printers", dialog.printers), ("hotkeys", dialog.hotkeys)):
        dialog.nav.setCurrentRow(dialog.pages.index(page))
        QApplication.processEvents()
        images[name] = dialog.grab().toImage()
    dialog.done(0)
    return images


def main() -> int:
    """Write docs/screens/settings-printers.png and settings-hotkeys.png."""
    app = QApplication(sys.argv)
    GuiThreadCollector(parent=app).start()
    app.setFont(QFont(hall_font_family(), 10))  # the counter bundles its CJK font
    with tempfile.TemporaryDirectory() as folder:
        languages = LanguageSwitch(app, "zh_CN", directory=compile_translation(Path(folder)))
        images = page_images(Path(folder))
        languages.close()
    SCREENS.mkdir(parents=True, exist_ok=True)
    for name, image in images.items():
        image.save(str(SCREENS / f"settings-{name}.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
