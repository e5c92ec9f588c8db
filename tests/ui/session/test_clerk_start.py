"""A clerk's start: the sign-in dialog shows and takes typing before the counter is connected."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from pytestqt.qtbot import QtBot

from sync.client import RegistryClient
from sync.setup import Connection
from tests.integration.sync.harness import Counter, RegistryProcess
from tests.ui.session.conftest import CLERK, PASSWORD
from tests.ui.session.keys import enter, focused, type_text
from ui.clerk_start import PendingAuthenticator, enrolled_label
from ui.session.login import LoginDialog


def test_the_dialog_takes_typing_while_connecting_and_signs_in_once_connected(
    qtbot: QtBot, counter: Counter, registry: RegistryProcess
) -> None:
    connecting: Future[Connection] = Future()
    authenticator = PendingAuthenticator(connecting)
    dialog = LoginDialog(authenticator, counter_label="SF01 · W01")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    try:
        assert dialog.form.mode.text() == "Connecting to the registry…"  # not "online" yet
        assert focused() is dialog.form.staff_id
        type_text(CLERK)
        enter()
        type_text(PASSWORD)
        assert dialog.form.busy  # still waiting for the connection: nothing claimed yet
        client = RegistryClient(registry.url, token=counter.client.token)
        connecting.set_result(Connection(counter.store, client))
        qtbot.waitUntil(lambda: dialog.form.mode.text() == "Online login", timeout=10_000)
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            enter()
        assert dialog.login is not None
        assert dialog.login.actor.staff_id == CLERK
        assert not dialog.login.offline
    finally:
        authenticator.close()
        dialog.form.close_lane()


def test_a_connection_that_fails_is_told_at_the_dialog(qtbot: QtBot) -> None:
    connecting: Future[Connection] = Future()
    authenticator = PendingAuthenticator(connecting)
    dialog = LoginDialog(authenticator, counter_label="SF01 · W01")
    qtbot.addWidget(dialog)
    dialog.show()
    connecting.set_exception(RuntimeError("the embedded registry exited with 1"))
    qtbot.waitUntil(lambda: not dialog.form.busy, timeout=10_000)
    assert dialog.form.message.text()  # the clerk is told; nobody is signed in
    assert dialog.login is None
    dialog.form.close_lane()


def test_only_an_enrolled_counter_starts_with_the_dialog(counter: Counter, tmp_path: Path) -> None:
    assert enrolled_label(counter.store.path.parent) == f"{counter.store.device.hall} · W01"
    assert enrolled_label(tmp_path / "fresh") is None
