"""Running the counter in the bench's process and measuring a scenario under the stall monitor.

`run_app` runs `ui.app.main` unchanged; it only makes the application's `QApplication` a
subclass that, once the first window is on screen and answering (`UsableMark`), hands the
visible main window to the bench.
The scenario then runs from inside the application's own event loop, waiting through nested
loops as pytest-qt does, and quits the application when it is done.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6 import QtWidgets
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QWidget

from bench.ui_scenario import Phase
from tests.support.ui_driver import LoopDriver, run_loop
from ui.stalls import Stall, StallMonitor, StallSummary
from ui.stalls.startup import UsableMark

OVERHEAD_SECONDS = 2.0
WORK_SLOTS, WORK_MS = 300, 2.0


@dataclass(frozen=True)
class PhaseFigures:
    """One phase under the monitor: its figures, its stalls, and the error that ended it."""

    name: str
    began: float
    summary: StallSummary
    stalls: tuple[Stall, ...]
    error: str | None


def run_app(argv: Sequence[str], measure: Callable[[QWidget], None]) -> int:
    """Run the counter (`ui.app.main(argv)`); `measure(window)` once its window shows.

    The application quits when `measure` returns; its exit code is returned.

    Raises:
        RuntimeError: `ui.app` was imported before (its QApplication could not be swapped).
    """
    if "ui.app" in sys.modules:
        raise RuntimeError("import ui.app only through run_app")
    base = QtWidgets.QApplication

    class BenchApplication(QtWidgets.QApplication):
        """The application, handing its window to the bench once the window is usable."""

        def __init__(self, argv: Sequence[str] = ()) -> None:
            super().__init__(list(argv))
            self._mark = UsableMark(self)
            self._mark.usable.connect(self._measure)

        def _measure(self) -> None:
            try:
                measure(main_window())
            finally:
                self.quit()

    # A class assigned over the binding's own, on purpose (mypy forbids assigning to a type).
    QtWidgets.QApplication = BenchApplication  # type: ignore[misc,assignment]
    try:
        from ui.app import main  # noqa: PLC0415 - imported after the swap, on purpose

        return main(list(argv))
    finally:
        QtWidgets.QApplication = base  # type: ignore[misc]  # the binding's own class back


def main_window() -> QWidget:
    """The application's visible main window.

    Raises:
        LookupError: there is none.
    """
    for widget in QtWidgets.QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    raise LookupError("the application shows no main window")


def run_phases(
    window: QWidget, phases: Sequence[Phase], *, record_over_ms: float = 50.0
) -> list[PhaseFigures]:
    """Run each phase under one monitor, its figures reset per phase."""
    driver = LoopDriver()
    results = []
    with StallMonitor(interval_ms=10, threshold_ms=record_over_ms, keep=10_000) as monitor:
        for name, phase in phases:
            monitor.reset()
            began, error = time.perf_counter(), None
            try:
                phase(window, driver)
            except Exception as failure:  # a broken phase is reported, the others still run
                error = f"{type(failure).__name__}: {failure}"
            finally:
                driver.close_all()
            summary = monitor.summary()
            results.append(PhaseFigures(name, began, summary, tuple(monitor.stalls), error))
    return results


def measure_overhead(rounds: int = 3) -> str:
    """The monitor's cost: CPU share while the loop idles, and the slowdown of GUI work.

    Without and with the monitor in turn, `rounds` times; the least of each is kept (other
    work on a shared machine only ever adds).
    """
    idle: dict[bool, list[float]] = {False: [], True: []}
    work: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(rounds):
        for monitored in (False, True):
            idle[monitored].append(_idle_cpu(monitored=monitored))
            work[monitored].append(_gui_work(monitored=monitored))
    idle_without, idle_with = min(idle[False]), min(idle[True])
    work_without, work_with = min(work[False]), min(work[True])
    return (
        f"idle process CPU {idle_without * 100:.2f} % → {idle_with * 100:.2f} % of one CPU "
        f"(+{(idle_with - idle_without) * 100:.2f} points); "
        f"{WORK_SLOTS} slots of {WORK_MS:.0f} ms Python work {work_without:.3f} s → "
        f"{work_with:.3f} s ({(work_with / work_without - 1) * 100:+.1f} %)"
    )


def _idle_cpu(*, monitored: bool) -> float:
    monitor = StallMonitor(interval_ms=10)
    if monitored:
        monitor.start()
    before, began = _cpu(), time.perf_counter()
    run_loop(int(OVERHEAD_SECONDS * 1000))
    share = (_cpu() - before) / (time.perf_counter() - began)
    monitor.stop()
    return share


def _gui_work(*, monitored: bool) -> float:
    """Seconds for a chain of slots of fixed Python work, each posted after the previous."""
    monitor = StallMonitor(interval_ms=10)
    if monitored:
        monitor.start()
    left = [WORK_SLOTS]
    driver = LoopDriver()

    def slot() -> None:
        until = time.thread_time() + WORK_MS / 1000
        while time.thread_time() < until:
            pass
        left[0] -= 1
        if left[0]:
            QTimer.singleShot(0, slot)

    began = time.perf_counter()
    QTimer.singleShot(0, slot)
    driver.waitUntil(lambda: left[0] == 0, timeout=60_000)
    took = time.perf_counter() - began
    monitor.stop()
    return took


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
