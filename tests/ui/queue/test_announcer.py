"""The announcement queue: in order, none lost, never overlapping, repeats honoured."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from clerk.queue import Channel
from tests.ui.queue.conftest import Sounds, notice
from ui.queue.announcer import Announcer, TimedSpeaker, Utterance
from ui.queue.display import HallDisplay
from ui.queue.memory import MemoryQueue
from ui.queue.port import CallNotice, Seat


def assert_one_at_a_time(timeline: list[Utterance]) -> None:
    for before, after in itertools.pairwise(timeline):
        assert after.started >= before.ended, f"{after} overlaps {before}"


def test_a_burst_is_announced_in_order_with_every_repeat(qtbot: QtBot, sounds: Sounds) -> None:
    announcer = sounds.announcer(repeats=3)
    calls = [notice(i, f"A{i:03d}", str(i)) for i in range(1, 11)]
    finished: list[CallNotice] = []
    announcer.finished.connect(finished.append)
    with qtbot.waitSignal(announcer.idle, timeout=10_000):
        for call in calls:
            announcer.announce(call)
    assert finished == calls
    expected = [announcer.text(c) for c in calls for _ in range(3)]
    assert sounds.sentences == expected
    assert len(sounds.timeline) == 10 * (1 + 3)  # a chime before each announcement
    assert [u.text for u in sounds.timeline[:4]] == ["", *expected[:3]]
    assert_one_at_a_time(sounds.timeline)


def test_ten_calls_within_two_seconds_from_counters_to_the_hall(
    qtbot: QtBot, queue: MemoryQueue, sounds: Sounds
) -> None:
    """Ten counters call within two seconds; the board announces all ten, in call order."""
    for _ in range(10):
        queue.issue(service="market", channel=Channel.ON_SITE)
    announcer = sounds.announcer(repeats=2)
    display = HallDisplay(port=queue, announcer=announcer, hall="大厅", poll_ms=50)
    qtbot.addWidget(display)
    qtbot.waitUntil(lambda: display.connected is True)
    called: list[tuple[str, float]] = []
    counters = iter(f"C{i:02d}" for i in range(1, 11))

    def call_one() -> None:
        counter = next(counters, None)
        if counter is None:
            timer.stop()
            return
        view = queue.call_next(Seat(counter, "s"), request_id=f"{counter}-1")
        assert view.current is not None
        called.append((view.current.number, time.monotonic()))

    timer = QTimer()
    timer.timeout.connect(call_one)
    timer.start(150)
    call_one()
    qtbot.waitUntil(lambda: len(sounds.timeline) == 10 * 3, timeout=20_000)
    assert called[-1][1] - called[0][1] < 2.0
    numbers = [number for number, _ in called]
    assert numbers == [f"A{i:03d}" for i in range(1, 11)]
    spoken = sounds.sentences
    assert len(spoken) == 20
    for i, number in enumerate(numbers):
        window = str(i + 1)  # counters C01…C10 are windows 1…10
        sentence = announcer.text(notice(0, number, window))
        assert spoken[2 * i : 2 * i + 2] == [sentence, sentence]
    assert_one_at_a_time(sounds.timeline)


def test_a_speaker_that_never_ends_is_cut_off_and_the_queue_goes_on(qtbot: QtBot) -> None:
    timeline: list[Utterance] = []

    class Mute:
        """A speech engine that never reports the end of a sentence."""

        def __init__(self) -> None:
            self.stopped = 0

        def say(self, text: str, done: Callable[[], None]) -> None:
            timeline.append(Utterance(text, time.monotonic(), time.monotonic()))

        def stop(self) -> None:
            self.stopped += 1

    mute = Mute()
    chime = TimedSpeaker(duration_ms=10)
    announcer = Announcer(speaker=mute, chime=chime, repeats=1, gap_ms=10, watchdog_ms=100)
    with qtbot.waitSignal(announcer.idle, timeout=5000):
        announcer.announce(notice(1, "A001", "1"))
        announcer.announce(notice(2, "A002", "2"))
    assert [u.text for u in timeline] == [
        announcer.text(notice(1, "A001", "1")),
        announcer.text(notice(2, "A002", "2")),
    ]
    assert mute.stopped == 2


def test_the_sentence_is_the_halls(qtbot: QtBot, sounds: Sounds, chinese: object) -> None:
    announcer = sounds.announcer()
    assert announcer.text(notice(1, "A012", "5")) == "请 A012 号到 5 号窗口办理"


def test_an_announcement_is_said_at_least_once(sounds: Sounds) -> None:
    with pytest.raises(ValueError, match="at least once"):
        sounds.announcer(repeats=0)
