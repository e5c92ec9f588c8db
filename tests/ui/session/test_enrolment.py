"""First-start enrolment against a real registry: a good code, a used or wrong one, no registry."""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clerk.store import open_store
from sync.client import RegistryClient
from sync.enrol import enrol
from sync.setup import Connection, open_counter
from tests.integration.sync.harness import HALL, RegistryProcess
from tests.ui.session.keys import enter, focused, press, type_text
from ui.session.enrolment import EnrolmentDialog, ensure_enrolled, is_enrolled, normalised_code
from ui.settings import REGISTRY_URL, CounterSettings

USED_OR_WRONG = (
    "This enrolment code is unknown, already used or expired. Ask the administrator for a new one."
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "counter"
    made.mkdir()
    return made


@dataclass
class FirstStart:
    """A counter's data folder and settings on its first start, and its enrolment dialogs."""

    qtbot: QtBot
    folder: Path
    settings: CounterSettings
    opened: list[EnrolmentDialog] = field(default_factory=list)

    def open(self) -> EnrolmentDialog:
        dialog = EnrolmentDialog(self.folder, settings=self.settings)
        self.qtbot.addWidget(dialog)
        self.opened.append(dialog)
        with self.qtbot.waitActive(dialog):
            dialog.show()
        return dialog

    def close(self) -> None:
        self.qtbot.waitUntil(lambda: not any(d.busy for d in self.opened), timeout=60_000)
        for dialog in self.opened:
            if dialog.connection is not None:
                dialog.connection.close()


@pytest.fixture
def first(qtbot: QtBot, folder: Path, settings: CounterSettings) -> Iterator[FirstStart]:
    """A first start in `folder`; whatever its dialogs connected is closed afterwards."""
    made = FirstStart(qtbot, folder, settings)
    yield made
    made.close()


def enrol_by_keys(url: str, code: str) -> None:
    """Address, Tab, code, Enter."""
    type_text(url)
    press(Qt.Key.Key_Tab)
    type_text(code)
    enter()


def test_a_good_code_enrols_the_counter_and_the_registry_is_kept(
    qtbot: QtBot,
    registry: RegistryProcess,
    first: FirstStart,
) -> None:
    dialog = first.open()
    assert focused() is dialog.url
    code = registry.enrolment_code("W02").replace("-", " ").lower()  # as someone might type it
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        enrol_by_keys(registry.url, code)
    assert dialog.connection is not None
    device = dialog.connection.store.device
    assert (device.hall, device.counter) == (HALL, "W02")
    assert first.settings.get(REGISTRY_URL) == registry.url
    assert is_enrolled(first.folder)


@pytest.mark.parametrize("kind", ["used", "wrong"])
def test_a_used_or_wrong_code_is_refused_with_a_clear_message(
    qtbot: QtBot,
    registry: RegistryProcess,
    first: FirstStart,
    kind: str,
) -> None:
    code = "ABCD-EFGH-JKMN"
    if kind == "used":
        code = registry.enrolment_code("W02")
        other = open_store(first.folder.parent / "other.db")
        client = RegistryClient(registry.url)
        enrol(other, client, code)
        client.close()
        other.close()
    dialog = first.open()
    enrol_by_keys(registry.url, code)
    qtbot.waitUntil(lambda: dialog.message.text() == USED_OR_WRONG, timeout=30_000)
    assert dialog.isVisible()
    assert dialog.connection is None
    assert focused() is dialog.code
    assert dialog.code.isEnabled()
    assert not is_enrolled(first.folder)
    assert first.settings.get(REGISTRY_URL) == ""


def test_an_unreachable_registry_is_named_and_the_address_can_be_corrected(
    qtbot: QtBot,
    registry: RegistryProcess,
    first: FirstStart,
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    dialog = first.open()
    enrol_by_keys(closed, registry.enrolment_code("W03"))
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.message.text(), timeout=30_000)
    assert focused() is dialog.url
    dialog.url.selectAll()
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        type_text(registry.url)
        enter()
    assert dialog.connection is not None
    assert dialog.connection.store.device.counter == "W03"


@pytest.mark.parametrize(
    ("url", "code", "problem"),
    [
        ("registry.local", "ABCD-EFGH-JKMN", "Type the address of the registry"),
        ("ftp://registry.local", "ABCD-EFGH-JKMN", "Type the address of the registry"),
        ("http://registry.local", "AB-12", "Type the one-time code"),
    ],
)
def test_input_is_checked_before_anything_is_sent(
    qtbot: QtBot,
    first: FirstStart,
    url: str,
    code: str,
    problem: str,
) -> None:
    dialog = first.open()
    enrol_by_keys(url, code)
    assert dialog.message.text().startswith(problem)
    assert not dialog.busy
    assert not (first.folder / "counter.db").exists()


def test_codes_are_read_as_typed() -> None:
    assert normalised_code(" abcd efgh-jkmn ") == "ABCD-EFGH-JKMN"


def close_any_dialog(shown: list[str]) -> QTimer:
    """Records and closes any modal dialog (a start that must not ask would hang on one)."""
    timer = QTimer()

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            shown.append(type(dialog).__name__)
            dialog.reject()

    timer.timeout.connect(poll)
    timer.start(20)
    return timer


def test_an_enrolled_counter_starts_without_a_question(
    qtbot: QtBot, registry: RegistryProcess, folder: Path, settings: CounterSettings
) -> None:
    open_counter(folder, registry_url=registry.url, code=registry.enrolment_code("W01")).close()
    settings.set(REGISTRY_URL, registry.url)
    shown: list[str] = []
    timer = close_any_dialog(shown)
    connection = ensure_enrolled(folder, settings=settings)
    timer.stop()
    assert isinstance(connection, Connection)
    assert connection.client.base_url == registry.url
    connection.close()
    assert shown == []


def test_a_first_start_asks_and_cancelling_gives_no_connection(
    qtbot: QtBot, folder: Path, settings: CounterSettings
) -> None:
    shown: list[str] = []
    timer = close_any_dialog(shown)
    assert ensure_enrolled(folder, settings=settings) is None
    timer.stop()
    assert shown == ["EnrolmentDialog"]
    assert not is_enrolled(folder)


def test_the_built_in_demo_registry_is_chosen_by_keys(qtbot: QtBot, first: FirstStart) -> None:
    dialog = first.open()
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # from the address to the choice
    assert focused() is dialog.registry
    press(Qt.Key.Key_Down)
    assert dialog.demo.isChecked()
    assert not dialog.url.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):
        enter()
    assert dialog.connection is not None
    assert dialog.connection.embedded is not None
    assert dialog.connection.store.device.hall == "DEMO"
    assert first.settings.get(REGISTRY_URL) == ""


@pytest.fixture
def untrusted_https(tmp_path: Path) -> Iterator[str]:
    """An HTTPS server whose certificate nobody trusts (self-signed, made here by openssl)."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
    command += ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"]
    subprocess.run(command, check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_a_registry_with_an_untrusted_certificate_is_named_as_a_tls_problem(
    qtbot: QtBot, first: FirstStart, untrusted_https: str
) -> None:
    dialog = first.open()
    enrol_by_keys(untrusted_https, "ABCD-EFGH-JKMN")
    qtbot.waitUntil(lambda: "TLS certificate" in dialog.message.text(), timeout=30_000)
    assert focused() is dialog.url
    assert not is_enrolled(first.folder)
