"""Screenshots of the customer-facing panel for docs/screens/ (rendered offscreen, in Chinese).

Regenerate with: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.rating_screens

Until the lead regenerates resources/i18n, the panel's strings are not in the .qm file yet, so
`TableTranslator` serves them from scripts/zh/rating.py underneath the real translation.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from clerk.cases import BadReason, RatingLevel
from ui.collector import GuiThreadCollector
from ui.customer_panel import CustomerPanel
from ui.i18n import install_translators

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "docs" / "screens"
TABLE = ROOT / "scripts" / "zh" / "rating.py"


class TableTranslator(QTranslator):
    """Translates from a `ZH` table; install it before the real translators (asked last)."""

    def __init__(self, table: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table = table

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return self._table.get(source_text, source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - QTranslator API
        return False


def rating_table() -> dict[str, str]:
    """The zh_CN table of the rating screens."""
    table: dict[str, str] = runpy.run_path(str(TABLE))["ZH"]
    return table


def _shot(panel: CustomerPanel) -> QImage:
    QApplication.processEvents()  # lay out what the last change asked for
    return panel.grab().toImage()


def panel_images(panel: CustomerPanel) -> dict[str, QImage]:
    """The panel idle, asking, and asking why (two reasons chosen, a comment typed)."""
    panel.set_clerk("王小明", "C001")
    panel.set_ticket("A012")
    images = {"customer-panel.png": _shot(panel)}
    panel.ask_for_rating("case-1")
    images["customer-panel-asking.png"] = _shot(panel)
    panel.choose_level(RatingLevel.DISSATISFIED)
    panel.reason_buttons[BadReason.LONG_WAIT].setChecked(True)
    panel.reason_buttons[BadReason.UNCLEAR].setChecked(True)
    panel.comment.setText("取号后等了一个多小时")
    images["customer-panel-reasons.png"] = _shot(panel)
    return images


def main() -> int:
    """Write docs/screens/customer-panel*.png; returns 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    GuiThreadCollector(parent=app).start()
    table = TableTranslator(rating_table(), app)
    app.installTranslator(table)  # first installed, asked last
    translators = install_translators(app, "zh_CN")
    panel = CustomerPanel(hall="示范政务服务大厅", counter="5")
    panel.resize(1280, 800)
    panel.show()
    SCREENS.mkdir(parents=True, exist_ok=True)
    for name, image in panel_images(panel).items():
        image.save(str(SCREENS / name))
    panel.close()
    for translator in (*translators, table):
        app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
