"""The kiosk: a touch issues a ticket and prints its slip; a wrong ID number is said clearly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from clerk.queue import Channel
from printing.errors import PrinterError
from printing.spooler import FolderPrinter
from tests.printing import pdftools
from tests.ui.queue.conftest import Clock
from ui.queue.kiosk import Kiosk
from ui.queue.memory import MemoryQueue
from ui.queue.port import IssuedTicket, QueueUnavailable, ServiceInfo

HALL = "示范市民中心政务服务大厅"
VALID_ID = "11010519491231002X"  # GB 11643's own example
WRONG_CHECK = "110105194912310021"


def open_kiosk(qtbot: QtBot, port: object, printer: object, clock: Clock, **kw: int) -> Kiosk:
    kiosk = Kiosk(port=port, printer=printer, hall=HALL, clock=clock, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(kiosk)
    kiosk.resize(1080, 1920)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons))
    return kiosk


def touch(qtbot: QtBot, button: QPushButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def keypad(kiosk: Kiosk, key: str) -> QPushButton:
    return next(b for b in kiosk.findChildren(QPushButton, "key") if b.text() == key)


def test_a_touch_issues_and_prints_the_ticket(
    qtbot: QtBot, queue: MemoryQueue, clock: Clock, tmp_path: Path, chinese: object
) -> None:
    for _ in range(3):
        queue.issue(service="market", channel=Channel.ON_SITE)
    kiosk = open_kiosk(qtbot, queue, FolderPrinter(tmp_path), clock)
    assert kiosk.service_buttons["market"].text() == "市场监管综合窗口"
    issued: list[IssuedTicket] = []
    kiosk.issued.connect(issued.append)
    with qtbot.waitSignal(kiosk.printed, timeout=30_000) as printed:
        touch(qtbot, kiosk.service_buttons["market"])
    assert printed.args == ["A004"]
    (ticket,) = issued
    assert (ticket.number, ticket.people_ahead) == ("A004", 3)
    assert kiosk.pages.currentIndex() == 1
    assert kiosk.ticket_number.text() == "A004"
    assert kiosk.ticket_ahead.text() == "您前面还有 3 人等候"
    assert kiosk.ticket_wait.text() == "预计等候约 5 分钟"
    assert kiosk.print_state.text() == "请取走您的号票。"
    text = pdftools.flat(pdftools.text((tmp_path / "ticket-20261203-A004.pdf").read_bytes()))
    for expected in ("A004", "市场监管综合窗口", HALL, "您前面还有3人等候", "预计等候约5分钟"):
        assert expected in text
    assert queue.ticket("A004").channel is Channel.ON_SITE


def test_an_invalid_id_number_is_refused_before_any_ticket(
    qtbot: QtBot, queue: MemoryQueue, clock: Clock, tmp_path: Path, chinese: object
) -> None:
    kiosk = open_kiosk(qtbot, queue, FolderPrinter(tmp_path), clock)
    for key in WRONG_CHECK:
        touch(qtbot, keypad(kiosk, key))
    assert kiosk.id_number.text() == WRONG_CHECK
    with qtbot.assertNotEmitted(kiosk.issued, wait=200):
        touch(qtbot, kiosk.service_buttons["social"])
    assert kiosk.id_error.isVisible()
    assert kiosk.id_error.text().startswith("身份证号码有误")
    assert "最后一位" in kiosk.id_error.text()
    assert queue.events() == ()
    assert list(tmp_path.iterdir()) == []
    assert kiosk.pages.currentIndex() == 0
    touch(qtbot, keypad(kiosk, "⌫"))
    assert not kiosk.id_error.isVisible()


def test_a_valid_id_number_issues_an_id_card_ticket(
    qtbot: QtBot, queue: MemoryQueue, clock: Clock, tmp_path: Path
) -> None:
    kiosk = open_kiosk(qtbot, queue, FolderPrinter(tmp_path), clock)
    QTest.keyClicks(kiosk.id_number, VALID_ID[:-1] + "x")  # a lower-case x is accepted
    with qtbot.waitSignal(kiosk.printed, timeout=30_000):
        touch(qtbot, kiosk.service_buttons["social"])
    assert queue.ticket("B001").channel is Channel.ID_CARD
    assert kiosk.id_number.text() == ""


def test_short_and_unreal_numbers_are_explained(
    qtbot: QtBot, queue: MemoryQueue, clock: Clock, tmp_path: Path
) -> None:
    kiosk = open_kiosk(qtbot, queue, FolderPrinter(tmp_path), clock)
    QTest.keyClicks(kiosk.id_number, "1101051949")
    touch(qtbot, kiosk.service_buttons["market"])
    assert "18 characters" in kiosk.id_error.text()
    kiosk.id_number.setText("110105194902301234")
    touch(qtbot, kiosk.service_buttons["market"])
    assert "not a real date" in kiosk.id_error.text()
    assert queue.events() == ()


class JammedPrinter:
    def send(self, pdf: bytes, *, title: str) -> None:
        raise PrinterError("paper jam")


def test_a_failed_slip_leaves_the_number_on_screen(
    qtbot: QtBot, queue: MemoryQueue, clock: Clock
) -> None:
    kiosk = open_kiosk(qtbot, queue, JammedPrinter(), clock)
    with qtbot.waitSignal(kiosk.print_failed, timeout=30_000):
        touch(qtbot, kiosk.service_buttons["estate"])
    assert kiosk.ticket_number.text() == "C001"
    assert "information desk" in kiosk.print_state.text()


def test_the_kiosk_returns_to_the_start_by_itself(
    qtbot: QtBot, queue: MemoryQueue, clock: Clock, tmp_path: Path
) -> None:
    kiosk = open_kiosk(qtbot, queue, FolderPrinter(tmp_path), clock, return_ms=200)
    with qtbot.waitSignal(kiosk.printed, timeout=30_000):
        touch(qtbot, kiosk.service_buttons["fund"])
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0, timeout=5000)


class Unreachable:
    def __init__(self, queue: MemoryQueue) -> None:
        self.queue, self.down = queue, True

    def services(self) -> tuple[ServiceInfo, ...]:
        if self.down:
            raise QueueUnavailable("connection refused")
        return tuple(self.queue.services())

    def issue(self, **kw: object) -> IssuedTicket:
        return self.queue.issue(**kw)  # type: ignore[arg-type]


def test_an_unreachable_queue_is_said_and_retried(
    qtbot: QtBot, queue: MemoryQueue, clock: Clock, tmp_path: Path
) -> None:
    port = Unreachable(queue)
    kiosk = Kiosk(port=port, printer=FolderPrinter(tmp_path), hall=HALL, clock=clock)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: "information desk" in kiosk.status.text())
    assert kiosk.service_buttons == {}
    port.down = False
    kiosk._retry.setInterval(10)
    qtbot.waitUntil(lambda: len(kiosk.service_buttons) == 6, timeout=15_000)
    assert kiosk.status.isHidden()
