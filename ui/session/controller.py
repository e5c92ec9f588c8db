"""The session's public signals: who signed in, locks, unlocks and takeovers at the counter."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from clerk.staff import Actor
from sync.login import Login
from ui.session.state import Change, ChangeKind, Phase, SessionState


class SessionController(QObject):
    """Turns the steps of `SessionState` into signals for the main window.

    Signals:
        signedIn(object): a staff member's session began (`sync.login.Login`; `offline` says
            whether only the cached verifier was checked). Also after a takeover.
        signedOut(object): the session of this `clerk.staff.Actor` ended (signed out, or
            another staff member took over at the lock screen): clear what was theirs.
        locked(): the screen locked (inactivity or the shortcut); the session goes on.
        unlocked(): the same staff member unlocked the screen.
        sessionChanged(object): another staff member (`Login`) took over from the locked one;
            emitted after `signedOut` and `signedIn`.
    """

    signedIn = Signal(object)  # noqa: N815  (Qt signal names are camelCase)
    signedOut = Signal(object)  # noqa: N815
    locked = Signal()
    unlocked = Signal()
    sessionChanged = Signal(object)  # noqa: N815

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = SessionState()

    @property
    def phase(self) -> Phase:
        """Signed out, active or locked."""
        return self.state.phase

    @property
    def login(self) -> Login | None:
        """The current login (kept while locked)."""
        return self.state.login

    @property
    def actor(self) -> Actor | None:
        """The staff member whose session it is."""
        return self.state.actor

    def sign_in(self, login: Login) -> None:
        """A staff member proved who they are: begin, unlock or take over the session."""
        self._emit(self.state.sign_in(login))

    def lock(self) -> None:
        """Lock the screen (only an active session locks)."""
        self._emit(self.state.lock())

    def sign_out(self) -> None:
        """End the session; the screen stays covered until someone signs in."""
        self._emit(self.state.sign_out())

    def _emit(self, changes: list[Change]) -> None:
        for change in changes:
            if change.kind is ChangeKind.SIGNED_IN:
                self.signedIn.emit(change.login)
            elif change.kind is ChangeKind.SIGNED_OUT:
                self.signedOut.emit(change.ended)
            elif change.kind is ChangeKind.LOCKED:
                self.locked.emit()
            elif change.kind is ChangeKind.UNLOCKED:
                self.unlocked.emit()
            else:
                self.sessionChanged.emit(change.login)
