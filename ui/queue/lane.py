"""Blocking calls off the GUI thread: a lane runs them on its own thread pool, in order.

A widget submits a call with what to do with its result and with its error; the call runs on
the lane's pool and both callbacks run on the GUI thread (the lane's thread), through a queued
signal. A lane of one thread keeps the calls in the order they were submitted (a counter's
moves, a printer's jobs).

The pool threads report through a relay object that outlives the lane, so a call still
running when its widget goes away reports to no one instead of to a deleted object.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

_log = logging.getLogger(__name__)
_T = TypeVar("_T")


class _Relay(QObject):
    """Carries a call's outcome from a pool thread to the lane (queued).

    Signals:
        delivered(int, bool, object): the call's token, whether it succeeded, its result or
            its error.
    """

    delivered = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, token: int, call: Callable[[], object]) -> None:
        super().__init__()
        self._relay, self._token, self._call = relay, token, call

    def run(self) -> None:
        try:
            result = self._call()
        except Exception as error:  # every error goes back to the submitter
            self._relay.delivered.emit(self._token, False, error)
        else:
            self._relay.delivered.emit(self._token, True, result)


class Lane(QObject):
    """Runs blocking calls on a private thread pool; results come back on the GUI thread."""

    def __init__(self, *, threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._next = 0
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._closed = False
        self._relay = _Relay()  # no parent: it must outlive the lane while calls run
        self._relay.delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        call: Callable[[], _T],
        *,
        done: Callable[[_T], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """Run `call` on the pool; then `done(result)` or `failed(error)` on the GUI thread.

        `call` must not touch or hold a widget (capture the port, not `self`): the pool thread
        may drop the last reference to what `call` holds, and a widget deleted off the GUI
        thread crashes the application. Calls submitted after `close` are dropped.
        """
        if self._closed:
            return
        self._next += 1
        self._waiting[self._next] = (done, failed)
        self._pool.start(_Job(self._relay, self._next, call))

    @property
    def busy(self) -> bool:
        """Whether a submitted call has not reported back yet."""
        return bool(self._waiting)

    def close(self, *, timeout_ms: int = 5000) -> None:
        """Drop calls not yet started, wait for running ones, and report nothing more."""
        self._closed = True
        self._pool.clear()
        if not self._pool.waitForDone(timeout_ms):
            _log.warning("a background call still runs after %d ms", timeout_ms)
        self._waiting.clear()

    @Slot(int, bool, object)
    def _deliver(self, token: int, ok: bool, value: object) -> None:
        callbacks = self._waiting.pop(token, None)
        if callbacks is None:  # closed meanwhile: the widget is gone
            return
        done, failed = callbacks
        if ok:
            done(value)
        else:
            assert isinstance(value, Exception)
            failed(value)
