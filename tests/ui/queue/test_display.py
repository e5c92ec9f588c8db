"""The hall display: calls from the feed, the highlight and its flash, counts, disconnection."""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from clerk.queue import Channel, Outcome
from tests.ui.queue.conftest import Clock, Sounds
from ui.queue import look
from ui.queue.display import HallDisplay
from ui.queue.memory import MemoryQueue
from ui.queue.port import Feed, QueueUnavailable, Seat


class Flaky:
    """A feed that fails while `down` is set, like a registry behind a cut cable."""

    def __init__(self, queue: MemoryQueue) -> None:
        self.queue = queue
        self.down = False
        self.asked = 0

    def feed(self, *, after: int) -> Feed:
        self.asked += 1
        if self.down:
            raise QueueUnavailable("connection refused")
        return self.queue.feed(after=after)


def board(qtbot: QtBot, port: Flaky | MemoryQueue, sounds: Sounds, clock: Clock) -> HallDisplay:
    display = HallDisplay(
        port=port, announcer=sounds.announcer(), hall="示范大厅", poll_ms=30, clock=clock
    )
    qtbot.addWidget(display)
    display.resize(1280, 720)
    display.show()
    qtbot.waitUntil(lambda: display.connected is True)
    return display


def numbers(display: HallDisplay) -> list[str]:
    return [call.number for call in display.recent.calls()]


def call(queue: MemoryQueue, counter: str, services: Sequence[str] = ("market",)) -> str:
    for service in services:
        queue.issue(service=service, channel=Channel.ON_SITE)
    view = queue.call_next(Seat(counter, "clerk"), request_id=f"{counter}-{len(queue.events())}")
    assert view.current is not None
    return view.current.number


def test_new_calls_appear_newest_first_and_are_announced_and_flashed(
    qtbot: QtBot, queue: MemoryQueue, sounds: Sounds, clock: Clock
) -> None:
    display = board(qtbot, queue, sounds, clock)
    assert numbers(display) == []
    assert display.highlighted == "—"
    first, second = call(queue, "W01"), call(queue, "W02")
    qtbot.waitUntil(lambda: numbers(display) == [second, first])
    model = display.recent
    assert model.data(model.index(0, 1)) == "Window 2"
    assert model.data(model.index(0, 0), role=9) is not None  # ForegroundRole: newest in gold
    assert model.data(model.index(1, 0), role=9) is None
    with qtbot.waitSignal(display.announcer.started, timeout=5000) as started:
        pass
    assert started.args is not None
    qtbot.waitUntil(lambda: display.highlighted == second, timeout=5000)
    assert display.flashing or display.announcer.current is None
    qtbot.waitUntil(lambda: sounds.sentences[-1:] == [display.announcer.text(model.calls()[0])])


def test_the_flash_inverts_the_card_so_the_number_stays_readable(
    qtbot: QtBot, queue: MemoryQueue, sounds: Sounds, clock: Clock
) -> None:
    display = board(qtbot, queue, sounds, clock)
    seen: list[tuple[str, str, str]] = []

    def look_at_the_card(_: object) -> None:  # runs right after the board's own slot
        number = display.number
        seen.append(
            (
                number.text(),
                number.palette().color(number.foregroundRole()).name(),
                str(display.card.property("lit")),
            )
        )

    display.announcer.started.connect(look_at_the_card)
    called = call(queue, "W02")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(called, look.CALL_RED, "True")]
    qtbot.waitUntil(lambda: not display.flashing, timeout=5000)
    assert display.card.property("lit") is False
    assert display.number.palette().color(display.number.foregroundRole()).name() == look.GOLD


def test_calls_shown_at_start_are_not_announced(
    qtbot: QtBot, queue: MemoryQueue, sounds: Sounds, clock: Clock
) -> None:
    earlier = [call(queue, counter) for counter in ("W01", "W02", "W05")]
    display = board(qtbot, queue, sounds, clock)
    assert numbers(display) == earlier[::-1]
    assert display.highlighted == earlier[-1]
    assert display.window_label.text() == "Please go to Window 5"
    assert display.service_label.text() == "市场监管综合窗口"
    assert display.announcer.current is None
    assert sounds.timeline == []


def test_the_board_keeps_the_last_n_calls(
    qtbot: QtBot, queue: MemoryQueue, sounds: Sounds, clock: Clock
) -> None:
    display = board(qtbot, queue, sounds, clock)
    called = []
    for _ in range(5):
        for counter in ("W01", "W02"):
            called.append(call(queue, counter))
            queue.start(Seat(counter, "clerk"))
            queue.finish(
                Seat(counter, "clerk"),
                outcome=Outcome.CONSULTATION,
                case_ids=(),
                document_numbers=(),
            )
    qtbot.waitUntil(lambda: len(numbers(display)) == 8)
    assert numbers(display) == called[::-1][:8]


def test_waiting_counts_per_service(
    qtbot: QtBot, queue: MemoryQueue, sounds: Sounds, clock: Clock
) -> None:
    display = board(qtbot, queue, sounds, clock)
    for service in ("market", "market", "estate"):
        queue.issue(service=service, channel=Channel.ON_SITE)
    qtbot.waitUntil(lambda: display.counts["market"].text() == "2 waiting")
    assert display.counts["estate"].text() == "1 waiting"
    assert display.counts["tax"].text() == "0 waiting"
    tile = display.counts["estate"].parentWidget()
    assert tile is not None
    assert "不动产登记" in [label.text() for label in tile.findChildren(QLabel)]


def test_a_lost_feed_is_shown_and_the_board_recovers_by_itself(
    qtbot: QtBot, queue: MemoryQueue, sounds: Sounds, clock: Clock
) -> None:
    port = Flaky(queue)
    display = board(qtbot, port, sounds, clock)
    assert display.banner.isHidden()
    with qtbot.waitSignal(display.connection_changed) as lost:
        port.down = True
    assert lost.args == [False]
    assert display.banner.isVisible()
    assert "reconnecting" in display.banner.text()
    missed_while_down = call(queue, "W03", services=("social",))
    asked = port.asked
    qtbot.waitUntil(lambda: port.asked > asked + 2)  # it keeps trying
    assert display.banner.isVisible()
    with qtbot.waitSignal(display.connection_changed) as back:
        port.down = False
    assert back.args == [True]
    assert display.banner.isHidden()
    qtbot.waitUntil(lambda: numbers(display) == [missed_while_down])
    qtbot.waitUntil(lambda: display.highlighted == missed_while_down)


def test_the_disconnected_banner_in_chinese(
    qtbot: QtBot, queue: MemoryQueue, sounds: Sounds, clock: Clock, chinese: object
) -> None:
    port = Flaky(queue)
    port.down = True
    display = HallDisplay(port=port, announcer=sounds.announcer(), hall="示范大厅", poll_ms=30)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.connected is False)
    assert display.banner.isVisible()
    assert display.banner.text().startswith("与中心的连接已断开")


class Slow:
    """A feed that answers only when released (a registry on a bad line)."""

    def __init__(self, queue: MemoryQueue) -> None:
        self.queue = queue
        self.asked = threading.Event()
        self.release = threading.Event()

    def feed(self, *, after: int) -> Feed:
        self.asked.set()
        self.release.wait(timeout=10)
        return self.queue.feed(after=after)


def test_a_board_dropped_during_a_poll_is_deleted_on_the_gui_thread(
    qtbot: QtBot, queue: MemoryQueue, sounds: Sounds
) -> None:
    port = Slow(queue)
    display = HallDisplay(port=port, announcer=sounds.announcer(), hall="大厅", poll_ms=10)
    destroyed: list[bool] = []
    display.destroyed.connect(lambda: destroyed.append(True))
    qtbot.waitUntil(port.asked.is_set)
    threading.Timer(0.2, port.release.set).start()  # the answer comes while the board goes
    del display  # the last reference: the poll still out must not keep the widget alive
    gc.collect()
    assert destroyed == [True]
