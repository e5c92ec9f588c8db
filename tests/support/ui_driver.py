"""A qtbot-like driver, so one UI script runs both as a pytest-qt test and in a benchmark.

`Driver` is the part of pytest-qt's `QtBot` a scripted stretch of work needs (same names, same
meaning): a test passes its `qtbot`, `bench/ui_bench.py` passes a `LoopDriver`, which waits by
running nested Qt event loops as pytest-qt does — so the stall monitor sees the same event
loop in both. Keys and clicks go through `QTest` directly (what qtbot's own methods call).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Protocol

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

_STEP_MS = 10


class Driver(Protocol):
    """What a scripted stretch of UI work may use of its driver (a subset of `QtBot`)."""

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - pytest-qt's name
        """Keep `widget` until the end (closed then)."""

    def waitUntil(  # noqa: N802 - pytest-qt's name
        self, callback: Callable[[], bool | None], *, timeout: int = 5000
    ) -> None:
        """Run the event loop until `callback` returns True or None without AssertionError."""

    def waitSignal(  # noqa: N802 - pytest-qt's name
        self, signal: SignalInstance, *, timeout: int = 5000
    ) -> AbstractContextManager[Any]:
        """On leaving the block, run the event loop until `signal` was emitted."""

    def waitExposed(  # noqa: N802 - pytest-qt's name
        self, widget: QWidget, *, timeout: int = 5000
    ) -> AbstractContextManager[Any]:
        """On leaving the block, run the event loop until `widget` is on screen."""


class DriverTimeout(AssertionError):
    """A driver's wait ran out of time."""


def run_loop(ms: int) -> None:
    """Run a nested event loop for `ms` milliseconds (what pytest-qt's `wait` does)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class _SignalWait:
    """Records a signal's first emission; waits for it when the block is left."""

    def __init__(self, signal: SignalInstance, timeout: int) -> None:
        self.args: list[Any] | None = None
        self._signal, self._timeout = signal, timeout
        self._loop = QEventLoop()

    def _got(self, *args: Any) -> None:
        if self.args is None:
            self.args = list(args)
            self._loop.quit()

    def __enter__(self) -> _SignalWait:
        self._signal.connect(self._got)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None and self.args is None:
                QTimer.singleShot(self._timeout, self._loop.quit)
                self._loop.exec()
                if self.args is None:
                    raise DriverTimeout(f"no signal within {self._timeout} ms")
        finally:
            self._signal.disconnect(self._got)


class _ExposedWait:
    def __init__(self, driver: LoopDriver, widget: QWidget, timeout: int) -> None:
        self._driver, self._widget, self._timeout = driver, widget, timeout

    def __enter__(self) -> _ExposedWait:
        return self

    def __exit__(self, *exc: object) -> None:
        def exposed() -> bool:
            handle = self._widget.windowHandle()
            return handle is not None and handle.isExposed()

        self._driver.waitUntil(exposed, timeout=self._timeout)


class LoopDriver:
    """The `Driver` for code outside pytest: every wait runs a nested Qt event loop."""

    def __init__(self) -> None:
        self.widgets: list[QWidget] = []

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - pytest-qt's name
        """Keep `widget` until `close_all`."""
        self.widgets.append(widget)

    def close_all(self) -> None:
        """Close and delete the widgets added."""
        for widget in reversed(self.widgets):
            widget.close()
            widget.deleteLater()
        self.widgets.clear()

    def waitUntil(  # noqa: N802 - pytest-qt's name
        self, callback: Callable[[], bool | None], *, timeout: int = 5000
    ) -> None:
        """Run the event loop until `callback` holds (see `Driver`).

        Raises:
            DriverTimeout: it did not hold within `timeout` ms.
        """
        deadline = time.monotonic() + timeout / 1000
        while True:
            try:
                result = callback()
            except AssertionError:
                result = False
            if result is None or result:
                return
            if time.monotonic() > deadline:
                raise DriverTimeout(f"{callback!r} did not hold within {timeout} ms")
            run_loop(_STEP_MS)

    def waitSignal(  # noqa: N802 - pytest-qt's name
        self, signal: SignalInstance, *, timeout: int = 5000
    ) -> _SignalWait:
        """Wait for `signal` when the block is left (`.args` holds its arguments)."""
        return _SignalWait(signal, timeout)

    def waitExposed(  # noqa: N802 - pytest-qt's name
        self, widget: QWidget, *, timeout: int = 5000
    ) -> _ExposedWait:
        """Wait until `widget` is on screen when the block is left."""
        return _ExposedWait(self, widget, timeout)
