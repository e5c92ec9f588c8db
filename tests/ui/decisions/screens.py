"""Screenshots of the one-time notice and the supervisor's approval for docs/screens/.

Rendered offscreen with the bundled WenQuanYi Micro Hei as the only font the widgets ask for,
and in Chinese from the translation tables (`scripts/translate_fill.py` merges them into the
.ts file the application loads).

Regenerate with: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.decisions.screens
"""

from __future__ import annotations

import runpy
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from clerk import services
from clerk.catalog import load_catalogue
from clerk.store import Store, open_store
from printing.fonts import FONT_FILE
from printing.spooler import FolderPrinter
from tests.ui.decisions.conftest import (
    CLERK,
    CONTEXT,
    DEMO,
    DEVICE,
    Clock,
    announce_staff,
    received_incomplete,
    view,
)
from ui.collector import GuiThreadCollector
from ui.decisions.credentials import RegistryCredentials
from ui.decisions.desk import DecisionDesk
from ui.decisions.notice import NoticeDialog
from ui.decisions.refusal import RefusalRequestDialog

ROOT = Path(__file__).resolve().parents[3]
SCREENS = ROOT / "docs" / "screens"


class TableTranslator(QTranslator):
    """Chinese straight from the translation tables (what the .qm will hold)."""

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__()
        self._table = table

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The table's Chinese for `source`, if it has some."""
        return self._table.get(source)

    def isEmpty(self) -> bool:  # noqa: N802  (Qt's name)
        """Never empty: Qt then asks it."""
        return False


def wait(until: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    """Run the event loop until `until()` holds (or the time is up)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if until() else None)
    timer.start(20)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()


def settle(widget: QWidget, ms: int = 600) -> None:
    """Let the widget lay out and paint (the PDF view renders its pages in the background)."""
    QTest.qWait(ms)
    widget.repaint()


def save(widget: QWidget, name: str) -> Path:
    """Grab the widget into docs/screens/`name`."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / name
    image: QImage = widget.grab().toImage()
    image.save(str(path))
    return path


def main() -> int:
    """Write notice.png and approval.png; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    collector = GuiThreadCollector(interval_ms=50)
    collector.start()
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT_FILE)))
    app.setFont(QFont(family[0], 10))
    fill = runpy.run_path(str(ROOT / "scripts" / "translate_fill.py"))
    translator = TableTranslator(fill["ZH"])
    app.installTranslator(translator)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "counter.db", device=DEVICE)
        services.install_catalogue(store.unit_of_work(), load_catalogue(DEMO))
        announce_staff(store)
        clock = Clock()
        desk = DecisionDesk(
            store=store,
            actor=CLERK,
            printer=FolderPrinter(Path(folder) / "printed"),
            context=CONTEXT,
            credentials=RegistryCredentials(store, None),
            clock=clock,
        )
        written = [notice_screen(desk, store, clock), approval_screen(desk, store, clock)]
        desk.close()
        store.close()
    app.removeTranslator(translator)
    collector.stop()
    for path in written:
        sys.stdout.write(f"wrote {path}\n")
    return 0


def notice_screen(desk: DecisionDesk, store: Store, clock: Clock) -> Path:
    """The notice issued, its PDF in the preview, Print as the next key."""
    dialog = NoticeDialog(desk, view(store, received_incomplete(store, n=7), clock))
    dialog.resize(1000, 820)
    dialog.show()
    wait(lambda: dialog.draft is not None)
    dialog.issue_button.click()
    wait(lambda: dialog.document.preview.pages > 0)
    settle(dialog, 1500)
    path = save(dialog, "notice.png")
    dialog.close()
    return path


def approval_screen(desk: DecisionDesk, store: Store, clock: Clock) -> Path:
    """A supervisor about to approve a refusal at this counter."""
    request = RefusalRequestDialog(desk, view(store, received_incomplete(store, n=8), clock))
    request.show()
    wait(lambda: request.context is not None)
    request.conditions.item(0).setCheckState(Qt.CheckState.Checked)
    request.facts.setPlainText("申请人现任示范市某机关公务员，属于禁止从事营利性活动的人员")
    request.request_button.click()
    wait(request.approve_here_button.isVisible)
    request.approve_here_button.click()
    approval = request.approval
    assert approval is not None
    approval.resize(620, approval.sizeHint().height())
    QTest.keyClicks(approval.staff_id, "SF01S001")
    QTest.keyClicks(approval.password, "super-pass-1")
    settle(approval)
    path = save(approval, "approval.png")
    approval.close()
    request.close()
    return path


if __name__ == "__main__":
    sys.exit(main())
