"""Garbage with Qt objects is freed on the GUI thread, however busy the pool threads are."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from pytestqt.qtbot import QtBot

from ui.collector import GuiThreadCollector
from ui.queue.lane import Lane

ROOT = Path(__file__).resolve().parents[2]


class Cyclic(QObject):
    """A Qt object with a running timer, kept alive only by a reference cycle."""

    def __init__(self, threads: list[bool]) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(5)
        self.timer.start()
        self.me = self
        self.destroyed.connect(
            lambda: threads.append(threading.current_thread() is threading.main_thread()),
            Qt.ConnectionType.DirectConnection,
        )


def reraise(error: Exception) -> None:
    raise error


@pytest.fixture
def collector() -> Iterator[GuiThreadCollector]:
    collector = GuiThreadCollector(interval_ms=20)
    collector.start()
    yield collector
    collector.stop()


def test_cycles_are_freed_on_the_gui_thread_while_pool_threads_allocate(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    lane = Lane(threads=2)
    threads: list[bool] = []
    made = 0

    def allocate() -> int:
        return len([[n] * 3 for n in range(2000)])  # crosses the collector's threshold

    def again(_: int) -> None:
        nonlocal made
        if made < 300:
            made += 1
            Cyclic(threads)  # garbage at once, reachable only through its cycle
            lane.submit(allocate, done=again, failed=reraise)

    for _ in range(2):
        lane.submit(allocate, done=again, failed=reraise)
    qtbot.waitUntil(lambda: made >= 300, timeout=30_000)
    lane.close()
    gc.collect()
    assert len(threads) >= 300
    assert all(threads)


def test_stop_gives_collection_back(qtbot: QtBot) -> None:
    collector = GuiThreadCollector()
    collector.start()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()


FREEZE_CHILD = """
import gc, sys, threading
from PySide6.QtWidgets import QApplication
sys.path.insert(0, sys.argv[1])
from tests.ui.test_collector import Cyclic
from ui.collector import GuiThreadCollector, keep_what_lives_now
app = QApplication([])
collector = GuiThreadCollector(interval_ms=20)
collector.start()
walked = len(gc.get_objects(generation=2))
keep_what_lives_now()
threads = []
for _ in range(50):
    Cyclic(threads)  # the day's garbage, made after the freeze
for _ in range(3):
    collector.check()  # the timer's work, forced: collect what passed its threshold
    gc.collect()
print(gc.get_freeze_count() >= walked, len(threads), all(threads))
"""
"""The freeze in a process of its own: freezing a test process's whole heap (every earlier
test's leftovers) would change when its garbage is freed for every test after it."""


def test_what_lives_at_the_start_is_kept_out_of_collections_and_new_cycles_are_still_freed() -> (
    None
):
    done = subprocess.run(
        [sys.executable, "-c", FREEZE_CHILD, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )
    frozen, freed, on_gui_thread = done.stdout.split()
    assert frozen == "True"  # a full collection no longer walks what lived at the start
    assert freed == "50"
    assert on_gui_thread == "True"
