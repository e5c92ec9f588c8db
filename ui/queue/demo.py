"""A demonstration hall queue (`--demo-queue`): six services and six counters, in memory."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from clerk.errors import ClerkError
from clerk.queue import Channel, Outcome, TicketState, WorkProfile
from ui.queue.memory import MemoryQueue, hall_now
from ui.queue.port import Seat, ServiceInfo

_log = logging.getLogger(__name__)

DEMO_HALL = "示范市民中心政务服务大厅"

DEMO_SERVICES = (
    ServiceInfo("market", "市场监管综合窗口", "A"),
    ServiceInfo("social", "社保医保业务", "B"),
    ServiceInfo("estate", "不动产登记", "C"),
    ServiceInfo("fund", "住房公积金", "D"),
    ServiceInfo("tax", "税务综合业务", "E"),
    ServiceInfo("enquiry", "综合咨询", "F"),
)

DEMO_PROFILES = (
    WorkProfile(counter="W01", services=("market", "enquiry")),
    WorkProfile(counter="W02", services=("market",)),
    WorkProfile(counter="W03", services=("social", "fund")),
    WorkProfile(counter="W04", services=("estate",)),
    WorkProfile(counter="W05", services=("tax", "market"), service_weights={"tax": 1}),
    WorkProfile(counter="W06", services=("enquiry", "social")),
)


def demo_queue(clock: Callable[[], datetime] = hall_now) -> MemoryQueue:
    """An empty demonstration queue (every counter of `DEMO_PROFILES` open)."""
    return MemoryQueue(DEMO_SERVICES, profiles=DEMO_PROFILES, clock=clock)


class DemoTraffic(QObject):
    """A morning in the demonstration hall: tickets issued and called on a timer.

    Gives `--demo-queue` screens something to show: every tick one applicant takes a ticket,
    and one counter (other than those the caller keeps for itself) finishes its visit and
    calls the next. Seeded, so a demonstration runs the same each time.
    """

    def __init__(
        self,
        queue: MemoryQueue,
        *,
        interval_ms: int = 6000,
        keep_free: tuple[str, ...] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._random = random.Random(20261203)  # noqa: S311 - a demonstration, not security
        self._counters = [p.counter for p in DEMO_PROFILES if p.counter not in keep_free]
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    def start(self, *, warm_up: int = 12) -> None:
        """Issue a few tickets at once, then keep going on the timer."""
        for _ in range(warm_up):
            self._issue()
        self._timer.start()

    def tick(self) -> None:
        """One applicant arrives; one counter moves on to its next ticket."""
        self._ticks += 1
        self._issue()
        if not self._counters:
            return
        seat = Seat(self._random.choice(self._counters), "demo")
        try:
            view = self._queue.counter_view(seat)
            if view.current is not None:
                if view.current.state is TicketState.CALLED:
                    self._queue.start(seat)
                self._queue.finish(
                    seat, outcome=Outcome.CONSULTATION, case_ids=(), document_numbers=()
                )
            self._queue.call_next(seat, request_id=f"demo-{self._ticks}")
        except ClerkError as error:
            _log.info("demo traffic: %s", error)

    def _issue(self) -> None:
        service = self._random.choice(DEMO_SERVICES).code
        try:
            self._queue.issue(service=service, channel=Channel.ON_SITE)
        except ClerkError as error:
            _log.info("demo traffic: %s", error)
