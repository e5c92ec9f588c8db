"""Screenshots of the hall display and the kiosk for docs/screens/ (rendered offscreen).

Regenerate with: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.queue.screens
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from clerk.clock import HALL_TIMEZONE
from clerk.queue import Channel, Outcome
from printing.spooler import FolderPrinter
from ui.collector import GuiThreadCollector
from ui.i18n import install_translators
from ui.queue.announcer import Announcer, TimedSpeaker
from ui.queue.demo import DEMO_HALL, demo_queue
from ui.queue.display import HallDisplay
from ui.queue.kiosk import Kiosk
from ui.queue.memory import MemoryQueue
from ui.queue.port import Seat

ROOT = Path(__file__).resolve().parents[3]
SCREENS = ROOT / "docs" / "screens"
MOMENT = datetime(2026, 12, 3, 10, 24, 36, tzinfo=HALL_TIMEZONE)


class _Morning:
    """The demo's clock: the morning runs up to `MOMENT` while the queue fills."""

    def __init__(self) -> None:
        self.now = MOMENT - timedelta(minutes=40)

    def __call__(self) -> datetime:
        return self.now


def busy_morning() -> MemoryQueue:
    """A demo queue some way into a morning: calls made at several windows, people waiting."""
    clock = _Morning()
    queue = demo_queue(clock)
    for service, count in (
        ("market", 14),
        ("social", 9),
        ("estate", 6),
        ("fund", 3),
        ("tax", 7),
        ("enquiry", 4),
    ):
        for _ in range(count):
            queue.issue(service=service, channel=Channel.ON_SITE)
    for round_ in range(2):
        for counter in ("W03", "W04", "W01", "W06", "W02", "W05"):
            seat = Seat(counter, "clerk")
            view = queue.call_next(seat, request_id=f"{counter}-{round_}")
            if round_ == 0 and view.current is not None:
                queue.start(seat)
                clock.now += timedelta(minutes=3)
                queue.finish(seat, outcome=Outcome.CONSULTATION, case_ids=(), document_numbers=())
    clock.now = MOMENT
    return queue


def _wait(until: object, app: QApplication, timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if until() else None)  # type: ignore[operator]
    timer.start(20)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()


def display_image(app: QApplication) -> QImage:
    """The board at 1920 × 1080, fed by `busy_morning`."""
    silent = TimedSpeaker(duration_ms=1)
    announcer = Announcer(speaker=silent, chime=silent)
    display = HallDisplay(
        port=busy_morning(), announcer=announcer, hall=DEMO_HALL, clock=lambda: MOMENT
    )
    display.resize(1920, 1080)
    display.show()
    _wait(lambda: display.connected, app)
    image = display.grab().toImage()
    display.close()
    return image


def kiosk_images(app: QApplication) -> tuple[QImage, QImage]:
    """The kiosk at 1080 × 1920 (portrait): the choice of service, then an issued ticket."""
    queue = busy_morning()
    with tempfile.TemporaryDirectory() as folder:
        kiosk = Kiosk(
            port=queue, printer=FolderPrinter(Path(folder)), hall=DEMO_HALL, clock=lambda: MOMENT
        )
        kiosk.resize(1080, 1920)
        kiosk.show()
        _wait(lambda: kiosk.service_buttons, app)
        kiosk.id_number.setText("1101051949")
        choice = kiosk.grab().toImage()
        kiosk.id_number.clear()
        printed: list[str] = []
        kiosk.printed.connect(printed.append)
        kiosk.take("market")
        _wait(lambda: printed, app, timeout_ms=30_000)
        ticket = kiosk.grab().toImage()
        kiosk.close()
    return choice, ticket


def main() -> int:
    """Write docs/screens/display.png, kiosk.png and kiosk-ticket.png; returns 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    GuiThreadCollector(parent=app).start()
    translators = install_translators(app, "zh_CN")
    SCREENS.mkdir(parents=True, exist_ok=True)
    display_image(app).save(str(SCREENS / "display.png"))
    choice, ticket = kiosk_images(app)
    choice.save(str(SCREENS / "kiosk.png"))
    ticket.save(str(SCREENS / "kiosk-ticket.png"))
    for translator in translators:
        app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
