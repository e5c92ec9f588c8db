"""The scripted day's hands: keys where the focus is, Chinese committed, and waits on the loop.

Everything the scripted day does at the counter goes through these: `press` (one key, as
QTest sends it to the focused widget), `type_text` (ASCII at the keyboard), `commit_text`
(Chinese, as an input method commits it) and the waits of a `Waits` driver — pytest-qt's
`qtbot` in tests, `LoopWaits` (nested event loops) in `--demo-script` and the bench.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

WAIT_MS = 30_000
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


class Waits(Protocol):
    """What the player needs of its driver (pytest-qt's `QtBot` has it)."""

    def waitUntil(  # noqa: N802 - pytest-qt's name
        self, callback: Callable[[], bool | None], *, timeout: int = 5000
    ) -> None:
        """Run the event loop until `callback` holds (raise when it does not in time)."""


class StepFailed(AssertionError):
    """A step of the scripted day did not come about in time."""


class LoopWaits:
    """`Waits` outside pytest: nested event loops, polled every 10 ms."""

    def waitUntil(  # noqa: N802 - pytest-qt's name
        self, callback: Callable[[], bool | None], *, timeout: int = 5000
    ) -> None:
        """Run the event loop until `callback` returns True or None.

        Raises:
            StepFailed: it did not within `timeout` ms.
        """
        timer, loop = QTimer(), QEventLoop()
        timer.timeout.connect(lambda: loop.quit() if holds(callback) else None)
        timer.start(10)
        QTimer.singleShot(timeout, loop.quit)
        if not holds(callback):
            loop.exec()
        timer.stop()
        if not holds(callback):
            raise StepFailed(f"{callback!r} did not hold within {timeout} ms")


def holds(callback: Callable[[], bool | None]) -> bool:
    """Whether a wait's condition holds now (an AssertionError counts as not yet)."""
    try:
        result = callback()
    except AssertionError:
        return False
    return result is None or bool(result)


def focused() -> QWidget:
    """The widget the keyboard types into.

    Raises:
        StepFailed: nothing has the keyboard focus.
    """
    widget = QApplication.focusWidget()
    if widget is None:
        raise StepFailed("nothing has the keyboard focus")
    return widget


class _Pace:
    """The pause between keys: none for tests (each key is handled before the next is sent),
    a clerk's pace for measuring the screen's responsiveness (`paced_typing`)."""

    pause_ms = 0


def paced_typing(pause_ms: int) -> None:
    """Let the event loop run `pause_ms` after every key from now on (0: no pause).

    Keys sent back to back are handled in one go, without the event loop between them, so a
    monitor of the event loop would see a whole ID number typed as one stall; at a clerk's
    pace (`bench/ui_bench.py`: 40 ms, 25 keys a second) it sees what a clerk would.
    """
    _Pace.pause_ms = pause_ms


def _paused() -> None:
    if _Pace.pause_ms:
        QTest.qWait(_Pace.pause_ms)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    """Press one key where the focus is."""
    QTest.keyClick(focused(), key, modifier)
    _paused()


def type_text(text: str) -> None:
    """Type ASCII text where the focus is."""
    if not _Pace.pause_ms:
        QTest.keyClicks(focused(), text)
        return
    for char in text:
        QTest.keyClicks(focused(), char)
        _paused()


def commit_text(text: str) -> None:
    """Commit `text` where the focus is, as a Chinese input method does."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)


class Seen:
    """A block after which `signal` must have been emitted (its first arguments kept).

    `with Seen(wait, signal) as args:` — `args` holds the arguments once the block is left.
    """

    def __init__(
        self,
        wait: Callable[[Callable[[], bool]], None],
        signal: SignalInstance,
        check: Callable[..., bool] | None = None,
    ) -> None:
        self._wait, self._signal, self._check = wait, signal, check
        self.args: list[object] | None = None
        self._holder: list[object] = []

    def _got(self, *args: object) -> None:
        if self.args is None and (self._check is None or self._check(*args)):
            self.args = list(args)

    def __enter__(self) -> list[object]:
        self._signal.connect(self._got)
        return self._holder

    def __exit__(self, kind: object, *_rest: object) -> None:
        try:
            if kind is None:
                self._wait(lambda: self.args is not None)
                self._holder.extend(self.args or [])
        finally:
            self._signal.disconnect(self._got)
