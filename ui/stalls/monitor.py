"""The stall monitor: a precise heartbeat on the GUI thread, and a watchdog naming the culprit.

A `Qt.PreciseTimer` ticks every `interval_ms` (10 ms by default) on the GUI thread. Each tick
notes how late it came (the gap since the previous tick minus the interval): a late tick means
the event loop could not run — no input, no painting — for that long. A tick later than
`threshold_ms` ends a `Stall`, which carries what the watchdog thread sampled of the GUI
thread's stack meanwhile and the GUI thread's time on a CPU and waiting for one.

Usage (a test, a benchmark, a diagnostics page)::

    with StallMonitor() as monitor:
        ...  # the work under watch, with the event loop running
    monitor.longest, monitor.stalls, monitor.summary()

Cost (`bench/ui_bench.py` measures it): one short Python slot per tick (≈ 5 µs warm, tens of
µs with cold caches) and a watchdog wake every `threshold / 2` while the loop ticks. On the
development machine a 10 ms heartbeat costs 0.5–3 % of one CPU while idle (mostly the timer
wake-ups themselves), a 50 ms one 0.4 % — the interval for all-day diagnostics, still fine
enough to catch every stall over 100 ms. GUI-thread work is not measurably slower.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal

from ui.stalls.figures import Lateness, Stall, StallSummary, ThreadClock
from ui.stalls.stacks import Beat, BeatSource, Watchdog, summarise

_log = logging.getLogger(__name__)


def _event_loop_line() -> tuple[str, int] | None:
    """The line that runs the current event loop (where the heartbeat slot was called from)."""
    try:
        frame = sys._getframe(2)
    except ValueError:  # the loop was started from C, with no Python frame
        return None
    return frame.f_code.co_filename, frame.f_lineno or 0


class StallMonitor(QObject):
    """Measures event-loop stalls on the GUI thread.

    Signals:
        stalled(object): a `Stall` ended (emitted on the GUI thread, when the loop runs again).
    """

    stalled = Signal(object)

    def __init__(
        self,
        *,
        interval_ms: int = 10,
        threshold_ms: float = 50.0,
        sample: bool = True,
        hang_after: float = 5.0,
        keep: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.interval = interval_ms / 1000
        self.threshold = threshold_ms / 1000
        self._sample, self._hang_after = sample, hang_after
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._stalls: deque[Stall] = deque(maxlen=keep)
        self._watchdog: Watchdog | None = None
        self._clock: ThreadClock | None = None
        self._beats = BeatSource(Beat(0, time.perf_counter(), None))
        self._last = 0.0
        self._last_clock: tuple[float, float | None] = (0.0, None)
        self.reset()

    def __enter__(self) -> StallMonitor:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """Whether the heartbeat runs."""
        return self._timer.isActive()

    def start(self) -> None:
        """Start the heartbeat (and the watchdog); call on the GUI thread.

        Raises:
            RuntimeError: called on another thread, or without a Qt application.
        """
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            raise RuntimeError("a stall monitor runs on the GUI thread of a Qt application")
        if self.running:
            return
        self._clock = ThreadClock()
        self._last = time.perf_counter()
        self._last_clock = self._clock.read()
        self._since = self._last
        self._beats.publish(Beat(self._beats.last_beat().number, self._last, None))
        if self._sample:
            self._watchdog = Watchdog(
                gui_thread=threading.get_ident(),
                beat=self._beats,
                period=self.interval,
                after=max(2 * self.interval, self.threshold / 2),
                hang_after=self._hang_after,
            )
            self._watchdog.start()
        self._timer.start()

    def stop(self) -> None:
        """Stop the heartbeat and the watchdog; the figures stay readable."""
        if not self.running:
            return
        self._timer.stop()
        self._seconds += time.perf_counter() - self._since
        if self._watchdog is not None:
            self._watchdog.stop()
            self._watchdog_cpu += self._watchdog.cpu
            self._watchdog = None
        if self._clock is not None:
            self._clock.close()
            self._clock = None

    def reset(self) -> None:
        """Forget every figure (a new stretch of work to measure); the heartbeat keeps going."""
        self._lateness = Lateness()
        self._stalls.clear()
        self._stall_count = 0
        self._longest: Stall | None = None
        self._own = self._seconds = self._watchdog_cpu = 0.0
        self._since = time.perf_counter()
        if self._watchdog is not None:
            self._watchdog_cpu = -self._watchdog.cpu

    @property
    def ticks(self) -> int:
        """How many heartbeat ticks were counted."""
        return self._lateness.count

    @property
    def stalls(self) -> list[Stall]:
        """The stalls recorded (the last `keep` of them), oldest first."""
        return list(self._stalls)

    @property
    def stall_count(self) -> int:
        """How many stalls were recorded, including those no longer kept."""
        return self._stall_count

    @property
    def longest(self) -> Stall | None:
        """The longest stall recorded (None if there was none)."""
        return self._longest

    def stalls_over(self, seconds: float) -> list[Stall]:
        """The kept stalls longer than `seconds`."""
        return [stall for stall in self._stalls if stall.duration > seconds]

    def percentile(self, q: float) -> float:
        """The heartbeat lateness (s) that `q` percent of the ticks did not exceed."""
        return self._lateness.percentile(q)

    def summary(self) -> StallSummary:
        """The figures so far: lateness percentiles, stalls, and the monitor's own cost."""
        seconds = self._seconds + (time.perf_counter() - self._since if self.running else 0.0)
        watchdog = self._watchdog_cpu + (self._watchdog.cpu if self._watchdog else 0.0)
        return StallSummary(
            seconds=seconds,
            ticks=self.ticks,
            p50=self.percentile(50),
            p90=self.percentile(90),
            p99=self.percentile(99),
            longest=self._lateness.largest,
            stalls=self._stall_count,
            threshold=self.threshold,
            overhead=(self._own + watchdog) / seconds if seconds > 0 else 0.0,
        )

    def _tick(self) -> None:
        now = time.perf_counter()
        beat = Beat(self._beats.last_beat().number + 1, now, _event_loop_line())
        self._beats.publish(beat)  # first: the watchdog stops sampling the ended silence
        gap = now - self._last
        late = max(0.0, gap - self.interval)
        self._lateness.add(late)
        assert self._clock is not None
        clock = self._clock.read()
        if late >= self.threshold:
            self._record(beat.number - 1, started=self._last + self.interval, gap=gap, clock=clock)
        self._last, self._last_clock = now, clock
        self._own += time.perf_counter() - now

    def _record(
        self, number: int, *, started: float, gap: float, clock: tuple[float, float | None]
    ) -> None:
        samples, busy = self._watchdog.take(number) if self._watchdog else (None, None)
        before_cpu, before_waiting = self._last_clock
        waiting = None if clock[1] is None or before_waiting is None else clock[1] - before_waiting
        stall = Stall(
            started=started,
            duration=gap - self.interval,
            gap=gap,
            on_cpu=clock[0] - before_cpu,
            waiting=waiting,
            stacks=summarise(samples) if samples else (),
            elsewhere=tuple(place for place, _ in busy.most_common()) if busy else (),
        )
        self._stalls.append(stall)
        self._stall_count += 1
        if self._longest is None or stall.duration > self._longest.duration:
            self._longest = stall
        _log.info("event loop stalled %s", stall.describe(frames=4))
        self.stalled.emit(stall)
