"""The session's rule without Qt: sign in, lock, unlock by the same member, takeover, sign out."""

from __future__ import annotations

from clerk.staff import Actor, Role
from sync.login import Login
from ui.session.state import Change, ChangeKind, Phase, SessionState

WANG = Login(Actor("C001", "王芳", Role.CLERK), "token-1", offline=False)
WANG_OFFLINE = Login(WANG.actor, None, offline=True)
LI = Login(Actor("C002", "李强", Role.CLERK), None, offline=True)


def kinds(changes: list[Change]) -> list[ChangeKind]:
    return [change.kind for change in changes]


def test_a_session_locks_and_the_same_member_unlocks_it() -> None:
    state = SessionState()
    assert state.lock() == []  # nobody signed in: nothing to lock
    assert state.sign_in(WANG) == [Change(ChangeKind.SIGNED_IN, login=WANG)]
    assert kinds(state.lock()) == [ChangeKind.LOCKED]
    assert state.lock() == []
    assert state.phase is Phase.LOCKED
    assert state.sign_in(WANG_OFFLINE) == [Change(ChangeKind.UNLOCKED, login=WANG_OFFLINE)]
    assert (state.phase, state.login) == (Phase.ACTIVE, WANG_OFFLINE)


def test_another_member_at_the_lock_ends_the_first_session() -> None:
    state = SessionState()
    state.sign_in(WANG)
    state.lock()
    assert state.sign_in(LI) == [
        Change(ChangeKind.SIGNED_OUT, ended=WANG.actor),
        Change(ChangeKind.SIGNED_IN, login=LI),
        Change(ChangeKind.SESSION_CHANGED, login=LI),
    ]
    assert (state.phase, state.actor) == (Phase.ACTIVE, LI.actor)


def test_signing_out_ends_a_locked_session_once() -> None:
    state = SessionState()
    state.sign_in(WANG)
    state.lock()
    assert state.sign_out() == [Change(ChangeKind.SIGNED_OUT, ended=WANG.actor)]
    assert state.sign_out() == []
    assert (state.phase, state.actor) == (Phase.SIGNED_OUT, None)
    assert kinds(state.sign_in(LI)) == [ChangeKind.SIGNED_IN]


def test_the_same_member_signing_in_again_while_active_changes_nothing() -> None:
    state = SessionState()
    state.sign_in(WANG)
    assert state.sign_in(WANG_OFFLINE) == []
    assert state.phase is Phase.ACTIVE
