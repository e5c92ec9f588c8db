"""The hall display phase of the UI bench: calls from a real registry process reach the board.

The registry runs in its own process (`tests.integration.sync.harness.RegistryProcess`) with a
hall set up by `tests.integration.queue.harness.QueueHall`. The bench's own moves — a kiosk
issuing a ticket, counter W01 calling and serving it — go over HTTP on a lane thread, so the
GUI thread carries only what the board does: long-polling its feed (on its own lane), showing
each call, flashing it and announcing it (a silent timed speaker: no sound card here).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QWidget

from bench.ui_scenario import Scenario, off_thread, shown
from tests.integration.queue.harness import QueueHall, add_counters
from tests.integration.sync.harness import RegistryProcess
from tests.support.ui_driver import Driver
from ui.queue.announcer import Announcer, TimedSpeaker
from ui.queue.display import HallDisplay
from ui.queue.lane import Lane
from ui.queue.remote import RegistryQueue

DISPLAY = "D01"
COUNTER = "W01"


@contextmanager
def hall_registry(folder: Path) -> Iterator[QueueHall]:
    """A registry process with a hall that has queues and a display; stopped at the end."""
    folder.mkdir(parents=True, exist_ok=True)
    registry = RegistryProcess(f"sqlite:///{folder / 'registry.sqlite'}", folder)
    try:
        registry.start()
        with QueueHall.opened(registry, folder) as hall:
            add_counters(registry, hall.code, [DISPLAY])
            hall.clerk  # noqa: B018 - the clerk's password is hashed now, not while measured
            yield hall
    finally:
        registry.close()


def hall_display(hall: QueueHall, lane: Lane, *, calls: int = 6) -> Scenario:
    """The board shows `calls` tickets called one after the other at counter W01."""

    def run(window: QWidget, driver: Driver) -> None:
        queue = off_thread(driver, lane, lambda: RegistryQueue(hall.device(DISPLAY)))
        announcer = Announcer(
            speaker=TimedSpeaker(duration_ms=300), chime=TimedSpeaker(duration_ms=50), gap_ms=50
        )
        display = HallDisplay(port=queue, announcer=announcer, hall="测试大厅")
        try:
            with shown(driver, display, (1920, 1080)):
                driver.waitUntil(lambda: display.connected is True, timeout=10_000)
                for _ in range(calls):
                    call_one(driver, lane, hall, display)
        finally:
            queue.close()

    return run


def call_one(driver: Driver, lane: Lane, hall: QueueHall, display: HallDisplay) -> None:
    """A ticket issued, called at W01 until the board shows it, then served."""
    off_thread(driver, lane, lambda: hall.issue("BIZ"))
    ticket = off_thread(driver, lane, lambda: hall.called(COUNTER))
    driver.waitUntil(lambda: display.highlighted == ticket.number, timeout=10_000)
    off_thread(driver, lane, lambda: hall.serve(COUNTER, ticket))
