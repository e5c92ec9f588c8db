"""Fixtures of the queue screens: a demo queue on a settable clock, test sounds, a seat."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk.clock import HALL_TIMEZONE
from ui.collector import GuiThreadCollector
from ui.queue.announcer import Announcer, TimedSpeaker, Utterance
from ui.queue.demo import demo_queue
from ui.queue.memory import MemoryQueue
from ui.queue.port import CallNotice


def notice(sequence: int, number: str, window: str) -> CallNotice:
    at = datetime(2026, 12, 3, 9, 0, tzinfo=HALL_TIMEZONE)
    return CallNotice(
        sequence=sequence,
        number=number,
        service="market",
        counter=f"W{window}",
        window=window,
        at=at,
    )


class Clock:
    """A settable hall clock (the queue's rules compare times; tests move it on)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 9, 0, tzinfo=HALL_TIMEZONE)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As the application does: cyclic garbage is freed on the GUI thread, never by a lane's
    pool thread (where a Qt object's timers cannot be stopped and Qt later crashes)."""
    collector = GuiThreadCollector(interval_ms=50)
    collector.start()
    yield
    collector.stop()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def queue(clock: Clock) -> MemoryQueue:
    return demo_queue(clock)


class Sounds:
    """A chime and a speaker on one timeline, both timed by QTimer."""

    def __init__(self, *, speech_ms: int, chime_ms: int) -> None:
        self.timeline: list[Utterance] = []
        self.speaker = TimedSpeaker(duration_ms=speech_ms, timeline=self.timeline)
        self.chime = TimedSpeaker(duration_ms=chime_ms, timeline=self.timeline)

    def announcer(self, *, repeats: int = 2, gap_ms: int = 20) -> Announcer:
        return Announcer(speaker=self.speaker, chime=self.chime, repeats=repeats, gap_ms=gap_ms)

    @property
    def sentences(self) -> list[str]:
        return [u.text for u in self.timeline if u.text]


@pytest.fixture
def sounds(qtbot: QtBot) -> Sounds:
    return Sounds(speech_ms=60, chime_ms=20)
