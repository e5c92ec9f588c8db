"""Screenshots of the case page and the deadlines board for docs/screens/ (rendered offscreen).

Regenerate with: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.followup.screens
The screens are in Chinese with the bundled WenQuanYi Micro Hei, as on a machine without CJK
fonts; the data is the demo store of tests/ui/followup/demo.py.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, QTranslator
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication, QWidget

from tests.integration.followup.builders import CLERK
from tests.ui.followup.conftest import CONTEXT, ROOT, compile_followup_translation
from tests.ui.followup.demo import NOW, Demo, demo_store
from ui.collector import GuiThreadCollector
from ui.followup.case_page import CasePage
from ui.followup.deadlines import DeadlinesBoard
from ui.followup.source import FollowupSource
from ui.i18n import install_translators
from ui.queue.look import hall_font_family

SCREENS = ROOT / "docs" / "screens"


def _wait(until: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if until() else None)
    timer.start(20)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()


def _grab(widget: QWidget, width: int, height: int) -> QImage:
    widget.resize(width, height)
    widget.show()
    QApplication.processEvents()
    image = widget.grab().toImage()
    widget.close()
    return image


def case_page_image(source: FollowupSource, demo: Demo) -> QImage:
    """张三's case: a one-time notice, corrections, acceptance and a reprint."""
    page = CasePage(source=source)
    page.show_case(demo.cases["张三"])
    _wait(lambda: page.file is not None)
    page.timeline_table.resizeColumnsToContents()
    return _grab(page, 1280, 900)


def deadlines_image(source: FollowupSource) -> QImage:
    """The board on Tuesday 30 September 2025, what needs watching."""
    board = DeadlinesBoard(source=source)
    board.refresh()
    _wait(lambda: bool(board.model.rows()))
    return _grab(board, 1280, 420)


def main() -> int:
    """Write docs/screens/case-page.png and deadlines.png; returns 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    GuiThreadCollector(parent=app).start()
    app.setFont(QFont(hall_font_family(), 10))  # the bundled CJK font, not a system one
    translators = install_translators(app, "zh_CN")
    with tempfile.TemporaryDirectory() as folder:
        _, qm = compile_followup_translation(Path(folder))
        ours = QTranslator(app)
        assert ours.load(str(qm))
        app.installTranslator(ours)
        demo = demo_store(Path(folder))
        source = FollowupSource(demo.store, actor=lambda: CLERK, context=CONTEXT, clock=lambda: NOW)
        SCREENS.mkdir(parents=True, exist_ok=True)
        case_page_image(source, demo).save(str(SCREENS / "case-page.png"))
        deadlines_image(source).save(str(SCREENS / "deadlines.png"))
        demo.store.close()
    for translator in (*translators, ours):
        app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
