"""What a stall monitor measures: stalls, the lateness histogram, the GUI thread's own clock.

Plain values and small counters, no Qt: a `Stall` is a frozen record a supervisor's
diagnostics, a log line or a test can read; `Lateness` keeps a whole day of heartbeat ticks in
constant memory; `ThreadClock` tells whether the GUI thread was computing, waiting for a CPU
(the machine was busy with other work) or blocked (disk, network, a lock) during a stall.
"""

from __future__ import annotations

import math
import os
import threading
import time
from dataclasses import dataclass
from enum import StrEnum

NOT_SAMPLED = "not sampled (shorter than the watchdog's first look)"


class StallKind(StrEnum):
    """What the GUI thread was doing while the event loop did not run."""

    BUSY = "busy"  # computing: the culprit stack names the code
    STARVED = "starved"  # ready to run, but waiting for a CPU (other work on the machine)
    BLOCKED = "blocked"  # neither: waiting for the disk, the network, a lock, a sleep


@dataclass(frozen=True)
class SampledStack:
    """One distinct GUI-thread stack the watchdog saw during a stall.

    `frames` read "path:line in function", outermost first; `culprit` is the innermost frame
    of the project's own code (not the standard library or an installed package), or a note
    that Qt's C++ code was running with no Python frame above the event loop.
    """

    frames: tuple[str, ...]
    samples: int
    culprit: str


@dataclass(frozen=True)
class Stall:
    """A stretch during which the GUI thread's event loop did not run.

    `started` is on `time.perf_counter`'s clock (when the next heartbeat was due); `duration`
    is how late that heartbeat came (a lower bound of the block: it may have begun up to one
    heartbeat interval earlier). `on_cpu` and `waiting` are the GUI thread's seconds on a CPU
    and waiting for one since the previous heartbeat (`waiting` is None where the system does
    not say). `stacks` are the sampled stacks, the most frequent first. `elsewhere` names the
    other threads seen busy on a CPU meanwhile, and where ("thread: path:line in function"):
    a GUI thread stuck in Qt's C++ code may be waiting for the GIL one of them holds.
    """

    started: float
    duration: float
    gap: float
    on_cpu: float
    waiting: float | None
    stacks: tuple[SampledStack, ...]
    elsewhere: tuple[str, ...] = ()

    @property
    def culprit(self) -> str:
        """The code that held the GUI thread most of the time the watchdog looked."""
        return self.stacks[0].culprit if self.stacks else NOT_SAMPLED

    @property
    def stack(self) -> tuple[str, ...]:
        """The most frequently sampled stack, outermost frame first (empty if not sampled)."""
        return self.stacks[0].frames if self.stacks else ()

    @property
    def kind(self) -> StallKind:
        """Busy, starved or blocked: whichever took the largest share of the gap."""
        waiting = self.waiting or 0.0
        blocked = max(0.0, self.gap - self.on_cpu - waiting)
        if self.on_cpu >= max(waiting, blocked):
            return StallKind.BUSY
        return StallKind.STARVED if waiting >= blocked else StallKind.BLOCKED

    def describe(self, *, frames: int = 8) -> str:
        """A few lines for a log or a report: duration, kind, culprit and the innermost frames."""
        waiting = "?" if self.waiting is None else f"{self.waiting * 1000:.0f} ms"
        head = (
            f"{self.duration * 1000:.0f} ms {self.kind} (on CPU {self.on_cpu * 1000:.0f} ms, "
            f"waiting for a CPU {waiting}): {self.culprit}"
        )
        lines = [head]
        for stack in self.stacks[:2]:
            lines.append(f"  {stack.samples} sample(s):")
            lines.extend(f"    {frame}" for frame in stack.frames[-frames:])
        lines.extend(f"  meanwhile on a CPU: {other}" for other in self.elsewhere)
        return "\n".join(lines)


@dataclass(frozen=True)
class StallSummary:
    """A monitor's figures: heartbeat lateness percentiles, stalls, and its own cost.

    Times are seconds. `overhead` is the share of one CPU the monitor itself used (its
    heartbeat slots and its watchdog thread) over `seconds` of monitoring.
    """

    seconds: float
    ticks: int
    p50: float
    p90: float
    p99: float
    longest: float
    stalls: int
    threshold: float
    overhead: float


class Lateness:
    """A histogram of heartbeat lateness in buckets 5 % wide: constant memory, ±2.5 %."""

    _STEP = math.log(1.05)

    def __init__(self) -> None:
        self._counts: dict[int, int] = {}
        self.count = 0
        self.largest = 0.0

    def add(self, seconds: float) -> None:
        """Count one tick that came `seconds` late."""
        key = -1 if seconds < 1e-6 else int(math.log(seconds * 1e6) / self._STEP)
        self._counts[key] = self._counts.get(key, 0) + 1
        self.count += 1
        self.largest = max(self.largest, seconds)

    def percentile(self, q: float) -> float:
        """The lateness (s) that `q` percent of the ticks did not exceed (0 with no ticks)."""
        rank = max(1, math.ceil(q / 100 * self.count))
        if rank >= self.count:
            return self.largest
        seen = 0
        for key in sorted(self._counts):
            seen += self._counts[key]
            if seen >= rank:
                middle = math.exp((key + 0.5) * self._STEP) / 1e6
                return 0.0 if key < 0 else min(self.largest, middle)
        return self.largest


class ThreadClock:
    """The calling thread's seconds on a CPU and waiting for one (Linux schedstat).

    Elsewhere (no /proc) it gives the thread's CPU time and no waiting figure. Reading costs
    about a microsecond: one `pread` of a file kept open.
    """

    def __init__(self) -> None:
        self._fd: int | None = None
        try:
            path = f"/proc/self/task/{threading.get_native_id()}/schedstat"
            self._fd = os.open(path, os.O_RDONLY)
            self.read()
        except (OSError, ValueError):
            self.close()

    def read(self) -> tuple[float, float | None]:
        """(seconds on a CPU, seconds waiting for a CPU or None) since the thread began."""
        if self._fd is None:
            return time.thread_time(), None
        on_cpu, waiting, _slices = os.pread(self._fd, 128, 0).split()
        return int(on_cpu) / 1e9, int(waiting) / 1e9

    def close(self) -> None:
        """Close the file (reading falls back to the thread's CPU time)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
