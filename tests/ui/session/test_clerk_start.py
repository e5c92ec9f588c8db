"""A clerk's start: the sign-in dialog shows and takes typing before the counter is connected."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk.ports import DeviceIdentity
from clerk.store import open_store
from clerk.store.peek import STORE_FILE
from sync.client import RegistryClient
from sync.setup import Connection
from tests.integration.sync.harness import Counter, RegistryProcess
from tests.ui.session.conftest import CLERK, PASSWORD
from tests.ui.session.keys import enter, focused, type_text
from ui.clerk_start import PendingAuthenticator, enrolled_label
from ui.session.login import LoginDialog

ROOT = Path(__file__).resolve().parents[3]


@dataclass
class Signing:
    """A sign-in dialog shown while its counter is still connecting (`connecting`)."""

    connecting: Future[Connection]
    dialog: LoginDialog


@pytest.fixture
def signing(qtbot: QtBot) -> Iterator[Signing]:
    """The dialog shown and active; at the end, checks still waiting are released and the
    dialog's lane closed."""
    connecting: Future[Connection] = Future()
    authenticator = PendingAuthenticator(connecting)
    dialog = LoginDialog(authenticator, counter_label="SF01 · W01")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    yield Signing(connecting, dialog)
    if not connecting.done():  # a failed assertion: release the waiting checks
        connecting.set_exception(RuntimeError("the test ended"))
    authenticator.close()
    dialog.form.close_lane()


def test_the_dialog_takes_typing_while_connecting_and_signs_in_once_connected(
    qtbot: QtBot, signing: Signing, counter: Counter, registry: RegistryProcess
) -> None:
    connecting, dialog = signing.connecting, signing.dialog
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


def test_a_clerk_who_presses_enter_before_the_counter_is_connected_is_signed_in_once_it_is(
    qtbot: QtBot, signing: Signing, counter: Counter, registry: RegistryProcess
) -> None:
    # A fast clerk (or a badge scanner) finishes before the registry has answered: the Enter
    # is kept and the password checked as soon as the counter is connected, not dropped.
    connecting, dialog = signing.connecting, signing.dialog
    type_text(CLERK)
    enter()
    type_text(PASSWORD)
    enter()  # still "Connecting to the registry…"
    assert dialog.form.message.text() == "Checking…"
    assert not dialog.form.password.isEnabled()  # nothing more to type: one check only
    client = RegistryClient(registry.url, token=counter.client.token)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        connecting.set_result(Connection(counter.store, client))
    assert dialog.login is not None
    assert dialog.login.actor.staff_id == CLERK


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


def test_the_glance_at_the_store_changes_nothing_and_never_creates_one(
    counter: Counter, tmp_path: Path
) -> None:
    folder = counter.store.path.parent
    before = {path.name: path.stat().st_mtime_ns for path in folder.iterdir() if path.is_file()}
    assert enrolled_label(folder) is not None
    after = {path.name: path.stat().st_mtime_ns for path in folder.iterdir() if path.is_file()}
    assert after == before  # read-only: no migration, no backup, no journal left behind
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    assert enrolled_label(fresh) is None
    assert list(fresh.iterdir()) == []  # a missing store is not created by looking


def test_a_store_not_enrolled_or_unreadable_takes_the_full_start(tmp_path: Path) -> None:
    # Not enrolled yet: a device row but no credential (then the enrolment comes first).
    (tmp_path / "plain").mkdir()
    store = open_store(tmp_path / "plain" / STORE_FILE)
    try:
        store.register(DeviceIdentity(device_id="d-1", hall="SF01", counter="W02", epoch=1))
    finally:
        store.close()
    assert enrolled_label(tmp_path / "plain") is None
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / STORE_FILE).write_bytes(b"not a database at all" * 100)
    assert enrolled_label(damaged) is None  # the full start opens it and says what is wrong


def test_the_first_window_needs_no_database_or_document_library() -> None:
    # A fresh interpreter, as a clerk's start: what `main.py` imports before the sign-in dialog.
    # SQLAlchemy and reportlab (about a second on this machine) load on threads meanwhile.
    probe = (
        "import sys, ui.prestart, ui.app; "
        "print(sorted(m for m in ('sqlalchemy', 'reportlab', 'fastapi', 'barcode', 'segno') "
        "if m in sys.modules))"
    )
    assert _child_prints(probe).strip() == "[]"


def test_a_package_name_is_the_function_even_after_its_home_module_is_imported() -> None:
    # `printing.build` is the function; its module is `printing.builder`, so importing the
    # module (as every builder does) cannot put the module in the function's place.
    probe = (
        "import printing.builder, printing, clerk.store.db, clerk.store; "
        "print(callable(printing.build), printing.build.__module__, "
        "clerk.store.open_store.__module__)"
    )
    assert _child_prints(probe).split() == ["True", "printing.builder", "clerk.store.db"]


def _child_prints(probe: str) -> str:
    """What `probe` prints when run by a fresh interpreter in the project's folder."""
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout
