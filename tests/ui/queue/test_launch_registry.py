"""The queue screens over the registry's queue: the display, the kiosk and the counter's panel
started as the application starts them, against a real registry process (configured with
`--registry`, or the embedded one of a fresh data folder), offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk.errors import InvalidInput
from sync.queue_device import credential_path
from sync.setup import CODE_VARIABLE, URL_VARIABLE, open_counter
from tests.integration.queue.harness import QueueHall, add_counters
from tests.integration.sync.harness import RegistryProcess
from tests.ui.queue.conftest import Sounds
from ui.queue.actions import QueueAction
from ui.queue.display import HallDisplay
from ui.queue.kiosk import Kiosk
from ui.queue.launch import PublicScreen, open_public_screen, registry_counter_panel
from ui.queue.port import Feed, Seat
from ui.queue.remote import RegistryQueue

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RegistryProcess]:
    workdir = tmp_path_factory.mktemp("registry")
    process = RegistryProcess(f"sqlite:///{workdir / 'registry.sqlite'}", workdir)
    try:
        process.start()
        yield process
    finally:
        process.close()


@pytest.fixture
def hall(registry: RegistryProcess, tmp_path: Path) -> Iterator[QueueHall]:
    with QueueHall.opened(registry, tmp_path) as opened:
        add_counters(registry, opened.code, ["D01", "K02"])
        yield opened


@pytest.fixture
def no_configured_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    monkeypatch.delenv(CODE_VARIABLE, raising=False)


@pytest.fixture
def screens() -> Iterator[list[PublicScreen]]:
    opened: list[PublicScreen] = []
    yield opened
    for screen in opened:
        screen.close()


def numbers(display: HallDisplay) -> list[str]:
    return [call.number for call in display.recent.calls()]


def take_ticket(qtbot: QtBot, kiosk: Kiosk, service: str) -> str:
    qtbot.waitUntil(lambda: service in kiosk.service_buttons, timeout=10_000)
    with qtbot.waitSignal(kiosk.issued, timeout=10_000) as issued:
        QTest.mouseClick(kiosk.service_buttons[service], Qt.MouseButton.LeftButton)
    assert issued.args is not None
    return str(issued.args[0].number)


def test_display_and_kiosk_of_a_configured_registry_show_a_call_within_a_second(
    qtbot: QtBot,
    qapp: QApplication,
    *,
    hall: QueueHall,
    tmp_path: Path,
    sounds: Sounds,
    screens: list[PublicScreen],
) -> None:
    url = hall.registry.url
    board = open_public_screen(
        qapp,
        kiosk=False,
        folder=tmp_path / "display",
        registry_url=url,
        code=hall.registry.enrolment_code("D01", hall=hall.code),
        announcer=sounds.announcer(),
    )
    screens.append(board)
    kiosk_screen = open_public_screen(
        qapp,
        kiosk=True,
        folder=tmp_path / "kiosk",
        registry_url=url,
        code=hall.registry.enrolment_code("K02", hall=hall.code),
    )
    screens.append(kiosk_screen)
    display, kiosk = board.widget, kiosk_screen.widget
    assert isinstance(display, HallDisplay)
    assert isinstance(kiosk, Kiosk)
    display.show()
    kiosk.show()
    qtbot.waitUntil(lambda: display.connected is True, timeout=10_000)
    assert display.title.text() == "测试大厅 · Calling"
    # The kiosk asks for its services on its own lane: wait for them, not for the display.
    qtbot.waitUntil(lambda: list(kiosk.service_buttons) == ["BIZ", "TAX", "SOC"], timeout=10_000)

    number = take_ticket(qtbot, kiosk, "BIZ")
    assert number == "A001"
    qtbot.waitUntil(lambda: display.counts["BIZ"].text() == "1 waiting", timeout=5000)
    counter = RegistryQueue(hall.device("W01"))
    try:
        counter.call_next(Seat("W01", hall.clerk), request_id=uuid.uuid4().hex)
        called = time.monotonic()
        qtbot.waitUntil(lambda: numbers(display) == ["A001"], timeout=5000)
        shown = time.monotonic() - called
    finally:
        counter.close()

    assert shown < 1.0, f"the call took {shown:.2f} s to reach the board"
    assert display.recent.data(display.recent.index(0, 1)) == "Window 1"
    qtbot.waitUntil(lambda: display.highlighted == "A001", timeout=5000)
    qtbot.waitUntil(lambda: "Number A001, please go to window 1" in sounds.sentences)
    assert display.counts["BIZ"].text() == "0 waiting"


class CountingQueue(RegistryQueue):
    """A registry queue that counts the display's feed requests."""

    asked = 0

    def feed(self, *, after: int) -> Feed:
        self.asked += 1
        return super().feed(after=after)


def test_an_idle_board_waits_at_the_registry_instead_of_asking_again_and_again(
    qtbot: QtBot, hall: QueueHall, sounds: Sounds
) -> None:
    queue = CountingQueue(hall.device("D01"), feed_wait=0.5)
    display = HallDisplay(port=queue, announcer=sounds.announcer(), hall="大厅", poll_ms=50)
    qtbot.addWidget(display)
    try:
        qtbot.waitUntil(lambda: display.connected is True, timeout=5000)
        started = time.monotonic()
        asked = queue.asked
        qtbot.waitUntil(lambda: queue.asked >= asked + 4, timeout=10_000)
        took = time.monotonic() - started
        # Polled every 50 ms, four requests would take 0.2 s; long polls take 0.5 s each.
        assert took >= 1.4, f"four polls in {took:.2f} s: the board hammers the registry"
    finally:
        display.close()
        queue.close()


def test_a_configured_registry_without_credential_or_code_is_refused_clearly(
    qapp: QApplication, hall: QueueHall, tmp_path: Path, no_configured_registry: None
) -> None:
    with pytest.raises(InvalidInput) as refused:
        open_public_screen(qapp, kiosk=False, folder=tmp_path, registry_url=hall.registry.url)

    assert "--enrolment-code" in str(refused.value)
    assert not credential_path(tmp_path, "display").exists()


def test_a_fresh_folder_runs_display_kiosk_and_counter_on_the_embedded_registry(
    qtbot: QtBot,
    qapp: QApplication,
    *,
    tmp_path: Path,
    sounds: Sounds,
    screens: list[PublicScreen],
    no_configured_registry: None,
) -> None:
    board = open_public_screen(qapp, kiosk=False, folder=tmp_path, announcer=sounds.announcer())
    screens.append(board)
    kiosk_screen = open_public_screen(qapp, kiosk=True, folder=tmp_path)
    screens.append(kiosk_screen)
    counter = open_counter(tmp_path)
    try:
        panel = registry_counter_panel(counter.client, counter="W01", staff=None, folder=tmp_path)
        assert panel is not None
        qtbot.addWidget(panel)
        assert panel.seat == Seat("W01", "C001")  # the demo hall's clerk at W01
        display, kiosk = board.widget, kiosk_screen.widget
        assert isinstance(display, HallDisplay)
        assert isinstance(kiosk, Kiosk)
        display.show()
        assert display.title.text() == "演示政务服务大厅 · Calling"
        qtbot.waitUntil(lambda: len(kiosk.service_buttons) == 4, timeout=10_000)
        assert [b.text() for b in kiosk.service_buttons.values()] == [
            "企业开办",
            "社保医保",
            "不动产登记",
            "综合咨询",
        ]
        assert take_ticket(qtbot, kiosk, "BIZ") == "A001"
        qtbot.waitUntil(lambda: panel.view.paused is False and not panel.busy, timeout=5000)
        panel.trigger(QueueAction.CALL_NEXT)
        qtbot.waitUntil(lambda: panel.number.text() == "A001", timeout=10_000)
        qtbot.waitUntil(lambda: numbers(display) == ["A001"], timeout=5000)
        qtbot.waitUntil(lambda: display.window_label.text() == "Please go to Window 1")
    finally:
        counter.close()


@pytest.mark.parametrize("screen", ["--display", "--kiosk"])
def test_public_screens_start_on_the_embedded_registry(
    tmp_path: Path, screen: str, no_configured_registry: None
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, str(ROOT / "main.py"), screen, "--self-test"]
    done = subprocess.run(
        [*command, "--data-dir", str(tmp_path)],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert credential_path(tmp_path, screen.strip("-")).exists()
