"""A screenshot of the workbench mid-intake for docs/screens/workbench.png (rendered offscreen).

Regenerate with: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.workbench.screens

A real registry process serves a hall with its queues; tickets wait, the clerk 王芳 has called
and is serving one, the intake of 个体工商户设立登记 is half done. The font is the bundled
WenQuanYi (as the application sets it), so the Chinese renders without system CJK fonts; the
Chinese is the project's translation file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from clerk.identity import resident_id_check_char
from clerk.materials import Provision
from clerk.queue import TicketState
from printing.from_domain import PrintContext
from sync.engine import SyncEngine
from sync.loop import SyncLoop
from tests.integration.queue.harness import QueueHall
from tests.integration.sync.harness import STAFF, RegistryProcess
from ui.app import use_bundled_font
from ui.collector import GuiThreadCollector
from ui.decisions.credentials import RegistryCredentials
from ui.i18n import install_translators
from ui.queue.actions import QueueAction
from ui.session.auth import Authenticator
from ui.settings import CounterSettings
from ui.sync_status import HealthBridge
from ui.workbench.parts import CounterParts
from ui.workbench.queue import counter_queue_hookup
from ui.workbench.window import WorkbenchWindow

ROOT = Path(__file__).resolve().parents[3]
SCREEN = ROOT / "docs" / "screens" / "workbench.png"
ID_BODY = "33010619850312001"


def wait(until: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    """Run the event loop until `until()` holds (or the time is up)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if until() else None)
    timer.start(20)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()


def shoot(hall: QueueHall, folder: Path) -> None:
    """Serve a ticket, half-fill an intake and save the window's picture."""
    counter = hall.hall.counter("W01")
    for service in ("BIZ", "BIZ", "BIZ", "TAX", "SOC"):
        hall.issue(service)
    parts = CounterParts(
        store=counter.store,
        scans=counter.scans,
        settings=CounterSettings(folder / "window-clerk.ini"),
        data_folder=folder,
        context=PrintContext(hall="示范市民中心", counter="1 号窗口"),
        credentials=RegistryCredentials(counter.store, None),
        counter_label=f"{hall.code} · W01",
    )
    authenticator = Authenticator(counter.store.ledger(), hall.registry.url, timeout=(2.0, 5.0))
    window = WorkbenchWindow(parts, queue=counter_queue_hookup(counter.client, store=counter.store))
    bridge = HealthBridge(window)
    bridge.changed.connect(window.show_health)
    loop = SyncLoop(
        SyncEngine(counter.store, counter.client, scans=counter.scans), on_health=bridge.publish
    )
    login = authenticator.log_in(hall.hall.staff_id("C001"), STAFF["C001"][2])
    lock = window.begin_session(login=login, authenticator=authenticator)
    window.resize(1440, 860)
    window.show()
    loop.start()
    try:
        serve_and_fill(window)
        wait(lambda: window.sync_status.text().startswith("在线"))
        window.grab().toImage().save(str(SCREEN))
    finally:
        loop.stop()
        lock.close()
        window.close()
        authenticator.close()


def serve_and_fill(window: WorkbenchWindow) -> None:
    """Call and start a ticket, choose the item by pinyin, fill part of the intake."""
    panel = window.queue_panel
    assert panel is not None
    wait(panel.queue_actions[QueueAction.CALL_NEXT].isEnabled)
    panel.trigger(QueueAction.CALL_NEXT)
    wait(lambda: panel.view.current is not None and not panel.busy)
    panel.trigger(QueueAction.START)
    wait(lambda: panel.view.current is not None and panel.view.current.state is TicketState.SERVING)
    form = window.case_desk.form
    wait(form.finder.search.hasFocus)
    QTest.keyClicks(form.finder.search, "gtgsh")
    QTest.keyClick(form.finder.search, Qt.Key.Key_Return)
    form.applicant.name.setText("张三")
    form.applicant.id_number.setText(ID_BODY + resident_id_check_char(ID_BODY))
    form.applicant.phone.setText("13812345678")
    model = form.checklist.model
    model.set_provision(0, Provision.ORIGINAL)
    model.set_provision(1, Provision.E_LICENCE)
    form.checklist.view.setFocus()
    form.checklist.view.selectRow(2)
    wait(lambda: False, timeout_ms=300)  # let the strip's timer and the layout settle


def main() -> int:
    """Write docs/screens/workbench.png; returns 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    GuiThreadCollector(parent=app).start()
    use_bundled_font(app)
    translators = install_translators(app, "zh_CN")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        registry = RegistryProcess(f"sqlite:///{folder / 'registry.sqlite'}", folder)
        registry.start()
        try:
            with QueueHall.opened(registry, folder) as hall:
                hall.hall.staff_id("C001")
                shoot(hall, folder)
        finally:
            registry.close()
    for translator in translators:
        app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
