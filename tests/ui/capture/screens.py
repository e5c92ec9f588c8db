"""Screenshot of the capture panel for docs/screens/capture.png (rendered offscreen, in Chinese).

Two real scans are kept with a real case through the controller (a 收件凭证 PDF built by
printing/ and a photographed ID card), one more waits in the scanner folder's offer bar.

Regenerate with: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.capture.screens
"""

from __future__ import annotations

import os
import runpy
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, QTranslator
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication

from clerk.catalog import load_catalogue
from clerk.scans import ScanFolder
from clerk.services import install_catalogue
from clerk.store import open_store
from printing import DocumentKind, build
from tests.printing.samples import voucher
from tests.ui.capture.conftest import CLERK, DEMO, DEVICE, NOW, open_business_case
from tests.ui.capture.samples import picture
from ui.capture.controller import CaptureController
from ui.capture.panel import CapturePanel
from ui.collector import GuiThreadCollector
from ui.i18n import install_translators
from ui.queue.look import hall_font_family

ROOT = Path(__file__).resolve().parents[3]
SCREENS = ROOT / "docs" / "screens"


class TableTranslator(QTranslator):
    """The capture area's zh table (scripts/zh/capture.py) until the .qm carries it."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self._table = table

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self._table.get(source, source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


def _wait(until: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if until() else None)
    timer.start(20)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()


def capture_image(folder: Path) -> QImage:
    """The panel at 1280 × 860 with two scans kept and a third offered."""
    store = open_store(folder / "counter.db", device=DEVICE)
    install_catalogue(store.unit_of_work(), load_catalogue(DEMO))
    case_id = open_business_case(store)
    controller = CaptureController(
        units=store.unit_of_work,
        folder=ScanFolder(folder / "scans"),
        actor=CLERK,
        clock=lambda: NOW,
    )
    panel = CapturePanel(controller)
    panel.resize(1280, 860)
    panel.show()
    controller.set_case(case_id)
    card = folder / "身份证正面.jpg"
    card.write_bytes(picture("JPEG", size=(856, 540), text="居民身份证  张三丰"))
    receipt = folder / "收件凭证.pdf"
    receipt.write_bytes(build(DocumentKind.MATERIALS_VOUCHER, voucher()))
    controller.set_material("M02")
    controller.add_files([card])
    controller.set_material("M01")
    controller.add_files([receipt])
    _wait(lambda: panel.model.rowCount() == 2 and panel.viewer.page_count > 0)
    panel.offers.offer(folder / "inbox" / "scan0003.pdf")
    _wait(lambda: all(panel.thumbnails.get(row.sha256) for row in panel.model.rows()))
    image = panel.grab().toImage()
    panel.close_work()
    controller.close()
    panel.close()
    store.close()
    return image


def main() -> int:
    """Write docs/screens/capture.png; returns 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    GuiThreadCollector(parent=app).start()
    app.setFont(QFont(hall_font_family(), 10))  # the bundled CJK font, as on a bare machine
    table = runpy.run_path(str(ROOT / "scripts" / "zh" / "capture.py"))["ZH"]
    ours = TableTranslator(table)
    app.installTranslator(ours)
    translators = install_translators(app, "zh_CN")  # asked first; ours fills what it lacks
    SCREENS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        capture_image(Path(folder)).save(str(SCREENS / "capture.png"))
    for translator in (*translators, ours):
        app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
