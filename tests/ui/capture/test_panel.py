"""The capture panel: scanner offers, dropped files and the strip work together on a real store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk.scans import ScanFolder
from clerk.store import Store
from tests.ui.capture.conftest import CLERK, NOW
from tests.ui.capture.samples import pdf, picture
from ui.capture.controller import CaptureController
from ui.capture.dropfolder import DropFolder
from ui.capture.offers import OfferBar
from ui.capture.panel import CapturePanel


def test_offers_are_shown_one_at_a_time(qtbot: QtBot) -> None:
    bar = OfferBar()
    qtbot.addWidget(bar)
    assert bar.isHidden()
    bar.offer(Path("/in/scan0001.pdf"))
    bar.offer(Path("/in/scan0002.pdf"))
    bar.offer(Path("/in/scan0001.pdf"))  # offered twice: shown once
    assert not bar.isHidden()
    assert "scan0001.pdf" in bar.text.text()
    assert "1" in bar.text.text()  # one more waiting
    with qtbot.waitSignal(bar.taken, timeout=1000) as taken:
        bar.take_button.click()
    assert taken.args == [Path("/in/scan0001.pdf")]
    with qtbot.waitSignal(bar.dismissed, timeout=1000) as dismissed:
        bar.dismiss_button.click()
    assert dismissed.args == [Path("/in/scan0002.pdf")]
    assert bar.isHidden()
    assert bar.offers == ()


@pytest.fixture
def panel(
    qtbot: QtBot, store: Store, tmp_path: Path, gui_thread_garbage: None
) -> Iterator[tuple[CapturePanel, DropFolder]]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    drop = DropFolder(inbox, settle_ms=20, rescan_ms=40)
    controller = CaptureController(
        units=store.unit_of_work,
        folder=ScanFolder(tmp_path / "scans"),
        actor=CLERK,
        clock=lambda: NOW,
    )
    made = CapturePanel(controller, drop_folder=drop)
    qtbot.addWidget(made)
    made.resize(900, 700)
    made.show()
    with qtbot.waitSignal(drop.checked, timeout=5000):
        drop.start()
    yield made, drop
    drop.stop()
    made.close_work()
    controller.close()


def test_a_scan_from_the_scanner_folder_is_offered_added_and_shown(
    qtbot: QtBot, panel: tuple[CapturePanel, DropFolder], case_id: str, tmp_path: Path
) -> None:
    capture, drop = panel
    capture.controller.set_case(case_id)
    capture.controller.set_material("M01")
    with qtbot.waitSignal(drop.fileArrived, timeout=10_000):
        (drop.folder / "scan0001.pdf").write_bytes(pdf(2))
    assert capture.offers.offers == (drop.folder / "scan0001.pdf",)
    with qtbot.waitSignal(capture.viewer.shown, timeout=10_000):
        capture.offers.take()
    assert capture.model.rowCount() == 1
    assert capture.viewer.page_count == 2  # the newest scan opens in the viewer


def test_a_dropped_file_that_is_not_a_scan_gives_a_message(
    qtbot: QtBot, panel: tuple[CapturePanel, DropFolder], case_id: str, tmp_path: Path
) -> None:
    capture, _ = panel
    capture.controller.set_case(case_id)
    capture.controller.set_material("M01")
    notes = tmp_path / "notes.png"
    notes.write_text("not an image")
    good = tmp_path / "id.png"
    good.write_bytes(picture("PNG"))
    with qtbot.waitSignal(capture.message, timeout=10_000) as message:
        capture.drop_area.take([notes, good])
    assert message.args is not None
    assert "notes.png" in message.args[0]
    qtbot.waitUntil(lambda: capture.model.rowCount() == 1, timeout=10_000)
