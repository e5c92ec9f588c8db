"""Locking the workbench: after minutes without input, or at once on a shortcut (Ctrl+L).

An event filter on the application sees every key press, click, wheel turn and touch of any
window and restarts the inactivity timer; when it runs out, or the shortcut is pressed, the
session locks and the lock screen covers the main window. While it does, input meant for the
main window (a stray key, a shortcut of the workbench) is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from sync.login import Login
from ui.session.auth import Authenticator
from ui.session.controller import SessionController
from ui.session.lock_screen import LockScreen
from ui.session.state import Phase
from ui.settings import LOCK_KEY, LOCK_MINUTES, CounterSettings

_T = QEvent.Type
ACTIVITY = frozenset(
    {
        _T.KeyPress,
        _T.MouseButtonPress,
        _T.MouseButtonDblClick,
        _T.MouseMove,
        _T.Wheel,
        _T.TouchBegin,
        _T.TouchUpdate,
        _T.TabletPress,
    }
)
"""The events that count as someone at the counter."""
_KEYS = frozenset({_T.KeyPress, _T.KeyRelease, _T.ShortcutOverride, _T.Shortcut})


class SessionLock(QObject):
    """Locks the session after `idle_ms` without input or on `shortcut`; the lock screen
    unlocks it (the same staff member) or lets another staff member take over.

    `timer` is the inactivity timer (single shot); tests may start or fire it directly.
    """

    def __init__(
        self,
        window: QWidget,
        *,
        controller: SessionController,
        authenticator: Authenticator,
        counter_label: str,
        idle_ms: int,
        shortcut: str = "Ctrl+L",
    ) -> None:
        super().__init__(controller)
        self.window, self.controller = window, controller
        self.shortcut = QKeySequence.fromString(shortcut, QKeySequence.SequenceFormat.PortableText)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(controller.lock)
        self.screen = LockScreen(authenticator, counter_label=counter_label, parent=window)
        self.screen.signedIn.connect(controller.sign_in)
        controller.locked.connect(self._cover)
        controller.signedOut.connect(self._signed_out)
        controller.unlocked.connect(self._uncover)
        controller.signedIn.connect(self._uncover)
        app = QApplication.instance()
        assert app is not None, "a QApplication runs the counter"
        app.installEventFilter(self)
        if controller.phase is Phase.ACTIVE:
            self.timer.start()

    @property
    def covered(self) -> bool:
        """Whether the lock screen covers the main window."""
        return self.screen.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Restart the timer on input, lock on the shortcut, drop input to a covered window."""
        kind = event.type()
        if self.covered:
            return kind in _KEYS and not self._inside_screen(watched)
        if kind not in ACTIVITY:
            return False
        if kind == _T.KeyPress and self._is_shortcut(event):
            self.controller.lock()
            return True
        if self.controller.phase is Phase.ACTIVE:
            self.timer.start()
        return False

    def close(self) -> None:
        """Stop watching input and close the lock screen (the application is ending)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()
        self.screen.form.close_lane()
        self.screen.close()

    def _is_shortcut(self, event: QEvent) -> bool:
        if self.shortcut.isEmpty() or not isinstance(event, QKeyEvent):
            return False
        return QKeySequence(event.keyCombination()) == self.shortcut

    def _inside_screen(self, watched: QObject) -> bool:
        node: QObject | None = watched
        while node is not None:
            if node is self.screen:
                return True
            node = node.parent()
        return False

    def _cover(self) -> None:
        self.timer.stop()
        actor = self.controller.actor
        if actor is not None:
            self.screen.show_locked(actor)

    def _signed_out(self) -> None:
        if self.controller.phase is Phase.SIGNED_OUT:  # not a takeover: nobody works here now
            self.timer.stop()
            self.screen.show_signed_out()

    def _uncover(self, _login: Login | None = None) -> None:
        self.screen.hide()
        self.window.activateWindow()
        self.timer.start()


def start_session(
    window: QWidget,
    *,
    login: Login,
    authenticator: Authenticator,
    settings: CounterSettings,
    counter_label: str,
) -> SessionLock:
    """Begin the signed-in staff member's session on the main window, with its lock.

    Args:
        window: the main window the lock screen covers.
        login: who signed in (from `sign_in`).
        authenticator: checks passwords at the lock screen.
        settings: the lock's minutes and shortcut (`LOCK_MINUTES`, `LOCK_KEY`).
        counter_label: how the lock screen names the counter, e.g. "SF01 · W01".

    Returns:
        The lock; its `controller` carries the session's signals. Call `close()` on exit.
    """
    controller = SessionController(window)
    minutes = max(1, settings.get(LOCK_MINUTES))
    lock = SessionLock(
        window,
        controller=controller,
        authenticator=authenticator,
        counter_label=counter_label,
        idle_ms=minutes * 60_000,
        shortcut=settings.get(LOCK_KEY),
    )
    controller.sign_in(login)
    return lock
