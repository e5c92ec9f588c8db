"""The screen lock: shortcut and inactivity, unlock by the same clerk, takeover by another."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from sync.login import Login
from tests.integration.sync.harness import RegistryProcess
from tests.ui.session.conftest import CLERK, OTHER, OTHER_PASSWORD, PASSWORD
from tests.ui.session.keys import enter, focused, press, type_text
from ui.session.auth import Authenticator
from ui.session.controller import SessionController
from ui.session.lock import SessionLock, start_session
from ui.session.state import Phase
from ui.settings import LOCK_KEY, CounterSettings

PERSONAL = "张三 330106198503120015"


class Workbench(QMainWindow):
    """Stands in for the main window: a field with an applicant's data, keyboard focus in it,
    and an application-wide shortcut (as the queue's "call next" key)."""

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit(PERSONAL, self)
        self.setCentralWidget(self.field)
        self.calls = 0
        call_next = QAction("Call next", self)
        call_next.setShortcut(QKeySequence("F5"))
        call_next.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        call_next.triggered.connect(self._call_next)
        self.addAction(call_next)
        self.resize(700, 500)

    def _call_next(self) -> None:
        self.calls += 1


@pytest.fixture
def window(qtbot: QtBot) -> Workbench:
    made = Workbench()
    qtbot.addWidget(made)
    with qtbot.waitActive(made):
        made.show()
    made.field.setFocus()
    return made


@pytest.fixture
def login(authenticator: Authenticator) -> Login:
    return authenticator.log_in(CLERK, PASSWORD)


def make_lock(
    window: Workbench, authenticator: Authenticator, login: Login, *, idle_ms: int = 60_000
) -> SessionLock:
    controller = SessionController(window)
    lock = SessionLock(
        window,
        controller=controller,
        authenticator=authenticator,
        counter_label="SF01 · W01",
        idle_ms=idle_ms,
    )
    controller.sign_in(login)
    return lock


@pytest.fixture
def lock(window: Workbench, authenticator: Authenticator, login: Login) -> Iterator[SessionLock]:
    made = make_lock(window, authenticator, login)
    yield made
    made.close()


def lock_by_shortcut(qtbot: QtBot, lock: SessionLock) -> None:
    with qtbot.waitSignal(lock.controller.locked, timeout=5_000):
        press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: lock.screen.isActiveWindow() and not lock.screen.form.busy)


def test_the_shortcut_covers_the_workbench_and_its_keys_stop_working(
    qtbot: QtBot, window: Workbench, lock: SessionLock
) -> None:
    press(Qt.Key.Key_F5)
    assert window.calls == 1
    lock_by_shortcut(qtbot, lock)
    assert lock.covered
    assert lock.controller.phase is Phase.LOCKED
    assert lock.screen.geometry().contains(window.frameGeometry())
    assert lock.screen.clerk.text() == f"王芳 · staff number {CLERK}"
    assert focused() is lock.screen.form.password
    QTest.keyClicks(window.field, "typed while locked")
    assert window.field.text() == PERSONAL
    press(Qt.Key.Key_F5)
    QTest.keyClick(window.field, Qt.Key.Key_F5)
    assert window.calls == 1
    assert not lock.timer.isActive()


def test_the_screen_locks_after_the_idle_time(
    qtbot: QtBot, window: Workbench, authenticator: Authenticator, login: Login
) -> None:
    lock = make_lock(window, authenticator, login, idle_ms=100)
    with qtbot.waitSignal(lock.controller.locked, timeout=5_000):
        pass
    assert lock.covered
    lock.close()


def test_any_input_restarts_the_idle_time(
    qtbot: QtBot, window: Workbench, lock: SessionLock
) -> None:
    qtbot.waitUntil(lambda: lock.timer.remainingTime() < 59_000, timeout=5_000)
    QTest.keyClick(window.field, Qt.Key.Key_End)
    assert lock.timer.remainingTime() > 59_000
    qtbot.waitUntil(lambda: lock.timer.remainingTime() < 59_000, timeout=5_000)
    QTest.mouseClick(window.field, Qt.MouseButton.LeftButton)  # the only mouse: it is the input
    assert lock.timer.remainingTime() > 59_000
    assert lock.controller.phase is Phase.ACTIVE


def test_the_same_clerk_unlocks_with_their_password(
    qtbot: QtBot, window: Workbench, lock: SessionLock
) -> None:
    lock_by_shortcut(qtbot, lock)
    type_text("wrong")
    enter()
    qtbot.waitUntil(lambda: lock.screen.form.message.text() == "Wrong staff number or password.")
    assert lock.covered
    with qtbot.waitSignal(lock.controller.unlocked, timeout=10_000):
        type_text(PASSWORD)
        enter()
    assert not lock.screen.isVisible()
    assert lock.controller.actor is not None
    assert lock.controller.actor.staff_id == CLERK
    assert lock.timer.isActive()
    assert window.field.text() == PERSONAL  # the work is still there


def test_unlocking_works_offline(
    qtbot: QtBot, registry: RegistryProcess, window: Workbench, lock: SessionLock
) -> None:
    registry.stop()
    lock_by_shortcut(qtbot, lock)
    assert lock.screen.form.mode.text().startswith("Offline login")
    with qtbot.waitSignal(lock.controller.unlocked, timeout=10_000):
        type_text(PASSWORD)
        enter()
    assert lock.controller.login is not None
    assert lock.controller.login.offline


def test_another_clerk_signing_in_ends_the_first_session(
    qtbot: QtBot, window: Workbench, lock: SessionLock
) -> None:
    seen: list[tuple[str, str]] = []
    controller = lock.controller
    controller.signedOut.connect(lambda actor: seen.append(("signedOut", actor.staff_id)))
    controller.signedIn.connect(lambda login: seen.append(("signedIn", login.actor.staff_id)))
    controller.sessionChanged.connect(lambda login: seen.append(("changed", login.actor.staff_id)))
    controller.unlocked.connect(lambda: seen.append(("unlocked", "")))
    lock_by_shortcut(qtbot, lock)
    press(Qt.Key.Key_F2)
    assert focused() is lock.screen.form.staff_id
    press(Qt.Key.Key_Escape)  # changed their mind: back to unlocking
    assert focused() is lock.screen.form.password
    press(Qt.Key.Key_F2)
    with qtbot.waitSignal(controller.sessionChanged, timeout=10_000):
        type_text(OTHER)
        enter()
        type_text(OTHER_PASSWORD)
        enter()
    assert seen == [("signedOut", CLERK), ("signedIn", OTHER), ("changed", OTHER)]
    assert not lock.screen.isVisible()
    assert controller.actor is not None
    assert controller.actor.name == "李强"


def test_signing_out_covers_the_screen_until_someone_signs_in(
    qtbot: QtBot, window: Workbench, lock: SessionLock
) -> None:
    lock.controller.sign_out()
    qtbot.waitUntil(lambda: lock.screen.isActiveWindow() and not lock.screen.form.busy)
    assert lock.covered
    assert lock.screen.back_button.isHidden()
    assert focused() is lock.screen.form.staff_id
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.controller.phase is Phase.SIGNED_OUT
    with qtbot.waitSignal(lock.controller.signedIn, timeout=10_000):
        type_text(CLERK)
        enter()
        type_text(PASSWORD)
        enter()
    assert not lock.screen.isVisible()


def test_start_session_reads_the_shortcut_from_the_settings(
    qtbot: QtBot,
    window: Workbench,
    authenticator: Authenticator,
    login: Login,
    settings: CounterSettings,
) -> None:
    settings.set(LOCK_KEY, "F12")
    lock = start_session(
        window,
        login=login,
        authenticator=authenticator,
        settings=settings,
        counter_label="SF01 · W01",
    )
    assert lock.timer.interval() == 5 * 60_000
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.controller.phase is Phase.ACTIVE
    with qtbot.waitSignal(lock.controller.locked, timeout=5_000):
        press(Qt.Key.Key_F12)
    lock.close()
