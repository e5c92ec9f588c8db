"""The watchdog: a thread that samples the GUI thread's Python stack while its loop is silent.

The heartbeat (on the GUI thread) publishes a `Beat` after each tick. The watchdog wakes every
few milliseconds; when the last beat is older than its threshold, it reads the GUI thread's
innermost frame (`sys._current_frames`) and counts the stack under the beat's number, so the
stall that beat ends can name what held the thread. When the innermost frame stands on a line
that runs an event loop, no Python code is running: Qt's own C++ work is the culprit.

A stall so long that it may never end (a deadlock) is logged once, with its stack, after
`hang_after` seconds. Sampling needs the GIL: while the GUI thread runs C code that keeps the
GIL, samples wait until it lets go (Python code gives it up every 5 ms).
"""

from __future__ import annotations

import logging
import sys
import sysconfig
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from ui.stalls.figures import SampledStack

_log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
QT_CULPRIT = "Qt's own work (no Python code running), in the event loop run from {where}"
_MAX_FRAMES = 60
_LIBRARIES = tuple(
    {sysconfig.get_path(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")}
)

Frame = tuple[str, int, str]
"""A frame as sampled: file name, line, function."""
Sample = tuple[bool, tuple[Frame, ...]]
"""Whether only Qt code ran, and the frames (innermost first)."""
BUSY_SHARE = 0.25  # another thread on a CPU a quarter of the time between two looks is busy


@dataclass(frozen=True)
class Beat:
    """The heartbeat's last tick: its number, when (perf_counter), the line its loop runs at."""

    number: int
    at: float
    loop: tuple[str, int] | None


def frames_of(frame: FrameType | None) -> tuple[Frame, ...]:
    """The frames from `frame` outwards (innermost first, at most 60)."""
    frames: list[Frame] = []
    while frame is not None and len(frames) < _MAX_FRAMES:
        frames.append((frame.f_code.co_filename, frame.f_lineno or 0, frame.f_code.co_name))
        frame = frame.f_back
    return tuple(frames)


def where(frame: Frame) -> str:
    """Where a frame is: "path:line in function" (the path relative to the project inside it)."""
    path = Path(frame[0])
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return f"{shown}:{frame[1]} in {frame[2]}"


def is_library(filename: str) -> bool:
    """Whether code in `filename` belongs to Python's library or an installed package."""
    return filename.startswith("<") or filename.startswith(_LIBRARIES)


def summarise(samples: Counter[Sample]) -> tuple[SampledStack, ...]:
    """The sampled stacks, most frequent first, each with its culprit."""
    stacks = []
    for (in_qt, frames), count in samples.most_common():
        outermost_first = tuple(where(frame) for frame in reversed(frames))
        stacks.append(SampledStack(outermost_first, count, _culprit(in_qt, frames)))
    return tuple(stacks)


def thread_cpu(ident: int) -> float | None:
    """Seconds another thread (by `threading` ident) spent on a CPU; None where unknown."""
    try:
        return time.clock_gettime(time.pthread_getcpuclockid(ident))
    except (AttributeError, OSError):  # not a POSIX system, or the thread has ended
        return None


def own_place(frame: FrameType) -> str:
    """Where a thread is: its innermost project frame, and the library code it is in."""
    frames = frames_of(frame)
    own = next((f for f in frames if not is_library(f[0])), None)
    if own is None:
        return where(frames[0])
    return where(own) if own is frames[0] else f"{where(own)} (in {where(frames[0])})"


def _culprit(in_qt: bool, frames: tuple[Frame, ...]) -> str:
    own = next((frame for frame in frames if not is_library(frame[0])), None)
    if in_qt:
        return QT_CULPRIT.format(where=where(own) if own else "outside the project")
    if own is not None:
        return where(own)
    return where(frames[0]) if frames else "no Python frame"


class Watchdog(threading.Thread):
    """Samples the GUI thread's stack whenever the heartbeat has been silent too long."""

    def __init__(
        self,
        *,
        gui_thread: int,
        beat: BeatSource,
        period: float,
        after: float,
        hang_after: float,
    ) -> None:
        super().__init__(name="stall-watchdog", daemon=True)
        self._gui, self._beat = gui_thread, beat
        self._period, self._after, self._hang_after = period, after, hang_after
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._samples: dict[int, Counter[Sample]] = {}
        self._elsewhere: dict[int, Counter[str]] = {}
        self._cpu_seen: dict[int, tuple[float, float]] = {}
        self._hang_logged = -1
        self.cpu = 0.0

    def run(self) -> None:
        """Sleep until the heartbeat could have been silent too long; look; again until stopped.

        While the loop ticks, that is one wake per `after` seconds; during a silence, one per
        `period` (each wake takes the GIL for a few microseconds).
        """
        while True:
            due = self._beat.last_beat().at + self._after - time.perf_counter()
            if self._stopping.wait(max(self._period, due)):
                return
            self._look()
            self.cpu = time.thread_time()

    def stop(self) -> None:
        """Stop looking and wait for the thread to end."""
        self._stopping.set()
        self.join(timeout=5)

    def take(self, number: int) -> tuple[Counter[Sample], Counter[str]]:
        """The samples taken while the beat `number` was the last one, and the other threads
        seen busy meanwhile (forgets older ones)."""
        with self._lock:
            taken = self._samples.pop(number, Counter())
            busy = self._elsewhere.pop(number, Counter())
            for kept in (self._samples, self._elsewhere):
                for old in [key for key in kept if key < number]:
                    del kept[old]
        return taken, busy

    def _look(self) -> None:
        beat = self._beat.last_beat()
        silent = time.perf_counter() - beat.at
        if silent < self._after:
            return
        every = sys._current_frames()
        frame = every.get(self._gui)
        sample: Sample = (self._beat.in_event_loop(frame), frames_of(frame))
        busy = self._busy_elsewhere(every)
        del frame, every
        with self._lock:
            self._samples.setdefault(beat.number, Counter())[sample] += 1
            self._elsewhere.setdefault(beat.number, Counter()).update(busy)
        if silent >= self._hang_after and self._hang_logged != beat.number:
            self._hang_logged = beat.number
            stack = summarise(Counter([sample]))[0]
            _log.warning(
                "the GUI thread has not answered for %.1f s: %s\n%s",
                silent,
                stack.culprit,
                "\n".join(stack.frames[-12:]),
            )

    def _busy_elsewhere(self, frames: dict[int, FrameType]) -> list[str]:
        """The other threads on a CPU most of the time since the previous look, and where."""
        now, busy = time.perf_counter(), []
        names = {thread.ident: thread.name for thread in threading.enumerate()}
        for ident, frame in frames.items():
            if ident in (self._gui, self.ident):
                continue
            used, seen = thread_cpu(ident), self._cpu_seen.get(ident)
            if used is None:
                continue
            self._cpu_seen[ident] = (used, now)
            if seen is not None and used - seen[0] >= BUSY_SHARE * (now - seen[1]):
                busy.append(f"{names.get(ident, ident)}: {own_place(frame)}")
        return busy


class BeatSource:
    """What the watchdog reads: the heartbeat's last tick, and where event loops run.

    An event loop is known by the line that runs it (`loop.exec()`, `dialog.exec()`,
    `processEvents()`): every line a tick ran under. A frame stopped on such a line is
    waiting in Qt's C++ code, not running Python. A loop entered at a new line is known from
    its first tick on; what blocks before that is put down to the line that entered it.
    """

    def __init__(self, beat: Beat) -> None:
        self._beat = beat
        self._loop_lines: set[tuple[str, int]] = set()

    def last_beat(self) -> Beat:
        """The last tick (one attribute read: atomic under the GIL)."""
        return self._beat

    def publish(self, beat: Beat) -> None:
        """Replace the last tick (on the GUI thread), noting the line its loop runs at."""
        self._beat = beat
        if beat.loop is not None:
            self._loop_lines.add(beat.loop)

    def in_event_loop(self, frame: FrameType | None) -> bool:
        """Whether `frame` (the GUI thread's innermost) waits in an event loop: no Python runs."""
        if frame is None:
            return False
        return (frame.f_code.co_filename, frame.f_lineno or 0) in self._loop_lines
