"""Overlapping the steps of a start: work that waits on the registry runs beside the GUI thread.

A counter's start waits for its registry several times (the embedded child booting, the
scripted sign-in, the hall queue's first answer). `ui.app` runs those waits on threads of
their own while the GUI thread imports and builds the workbench, then joins them: nothing is
skipped or reordered that depends on another step, only waiting is overlapped.
"""

from __future__ import annotations

import logging
import sysconfig
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from importlib import import_module
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.session.messages import user_message

_log = logging.getLogger(__name__)
_T = TypeVar("_T")
DELIVERY_POLL_MS = 10


def in_background(call: Callable[[], _T], *, name: str) -> Future[_T]:
    """Run `call` on a thread of its own now; its result (or exception) in the future.

    Args:
        call: the blocking work (no Qt objects: it runs off the GUI thread).
        name: the thread's name (seen in stall reports and logs).
    """
    future: Future[_T] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(call())
        except BaseException as error:  # handed to whoever waits for it
            future.set_exception(error)

    _start_thread(run, name=name)
    return future


def preload(modules: Iterable[str]) -> threading.Thread:
    """Import `modules` on a thread while the GUI thread waits for something else; join the
    thread before using them (an import that fails here fails again, visibly, when used)."""
    names = tuple(modules)

    def load() -> None:
        for name in names:
            try:
                import_module(name)
            except Exception:  # raised again where it is imported for use
                _log.exception("preloading %s failed", name)
                return

    return _start_thread(load, name="preload")


def _start_thread(target: Callable[[], None], *, name: str) -> threading.Thread:
    """Start a daemon thread once Python's lazily built shared state is built on this thread.

    Python 3.11's `sysconfig.get_config_vars()` publishes its dictionary before filling it (made
    thread-safe in 3.13); `zoneinfo`, first imported on a start thread while the GUI thread was
    building it, found no zone folders, and every `ZoneInfo` of the process failed
    (tests/ui/test_starting_threads.py).
    """
    sysconfig.get_config_vars()
    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.start()
    return thread


def deliver(future: Future[_T], done: Callable[[_T], None], *, parent: QObject) -> QTimer:
    """Call `done` with the future's result on the GUI thread once it is there (a failure is
    logged); nothing is delivered after `parent` is gone.

    Returns:
        The timer that watches the future (a child of `parent`).
    """
    timer = QTimer(parent)
    timer.setInterval(DELIVERY_POLL_MS)

    def check() -> None:
        if not future.done():
            return
        timer.stop()
        timer.deleteLater()
        error = future.exception()
        if error is not None:
            _log.error("a step of the start failed", exc_info=error)
            return
        done(future.result())

    timer.timeout.connect(check)
    timer.start()
    return timer


def cannot_start(app: QApplication, error: Exception) -> int:
    """Tell the clerk why the counter cannot start (logged too); the exit code, 1."""
    _log.error("cannot start the counter: %s", error)
    QMessageBox.critical(None, app.tr("Window Clerk"), user_message(error))
    return 1
