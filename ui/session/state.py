"""Who is signed in at the counter and whether the screen is locked (no Qt).

`SessionState` is the rule; it answers each step with the changes it made, as a plain list,
and `ui.session.controller.SessionController` turns them into Qt signals.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from clerk.staff import Actor
from sync.login import Login


class Phase(Enum):
    """Where the session is."""

    SIGNED_OUT = "signed_out"
    ACTIVE = "active"
    LOCKED = "locked"


class ChangeKind(Enum):
    """What a step changed (the signals of the controller carry the same names)."""

    SIGNED_IN = "signed_in"
    SIGNED_OUT = "signed_out"
    LOCKED = "locked"
    UNLOCKED = "unlocked"
    SESSION_CHANGED = "session_changed"


@dataclass(frozen=True, slots=True)
class Change:
    """One change: its kind, the login it concerns (signed in, unlocked, changed to) or the
    staff member whose session ended (signed out)."""

    kind: ChangeKind
    login: Login | None = None
    ended: Actor | None = None


class SessionState:
    """The counter's session: nobody, a signed-in staff member, or that member behind a lock."""

    def __init__(self) -> None:
        self.phase = Phase.SIGNED_OUT
        self.login: Login | None = None

    @property
    def actor(self) -> Actor | None:
        """The staff member whose session it is (also while locked)."""
        return self.login.actor if self.login is not None else None

    def sign_in(self, login: Login) -> list[Change]:
        """A staff member proved who they are (at the login, the lock screen or a takeover).

        The same member behind the lock unlocks it; another member ends the first one's
        session and starts their own.

        Returns:
            The changes, in the order the UI should apply them.
        """
        previous = self.login
        self.login = login
        if previous is None:
            self.phase = Phase.ACTIVE
            return [Change(ChangeKind.SIGNED_IN, login=login)]
        if previous.actor.staff_id == login.actor.staff_id:
            was_locked, self.phase = self.phase is Phase.LOCKED, Phase.ACTIVE
            return [Change(ChangeKind.UNLOCKED, login=login)] if was_locked else []
        self.phase = Phase.ACTIVE
        return [
            Change(ChangeKind.SIGNED_OUT, ended=previous.actor),
            Change(ChangeKind.SIGNED_IN, login=login),
            Change(ChangeKind.SESSION_CHANGED, login=login),
        ]

    def lock(self) -> list[Change]:
        """Lock an active session (nothing happens otherwise)."""
        if self.phase is not Phase.ACTIVE:
            return []
        self.phase = Phase.LOCKED
        return [Change(ChangeKind.LOCKED, login=self.login)]

    def sign_out(self) -> list[Change]:
        """End the session (locked or not)."""
        if self.login is None:
            return []
        ended, self.login, self.phase = self.login.actor, None, Phase.SIGNED_OUT
        return [Change(ChangeKind.SIGNED_OUT, ended=ended)]
