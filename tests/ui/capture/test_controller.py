"""Accepted files are kept with the case in a real SQLite store and a real scan folder."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from clerk import services
from clerk.scans import ScanFolder
from clerk.services.scans import case_of_scanned_number, case_scans
from clerk.store import Store
from tests.ui.capture.conftest import CLERK, NOW
from tests.ui.capture.samples import pdf, picture
from ui.capture.controller import CaptureController, Kept
from ui.capture.strip import ScanRow

pytestmark = pytest.mark.usefixtures("gui_thread_garbage")


@pytest.fixture
def folder(tmp_path: Path) -> ScanFolder:
    return ScanFolder(tmp_path / "scans")


@pytest.fixture
def controller(store: Store, folder: ScanFolder) -> Iterator[CaptureController]:
    made = CaptureController(
        units=store.unit_of_work, folder=folder, actor=CLERK, clock=lambda: NOW
    )
    yield made
    made.close()


def put(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def outbox_actions(store: Store) -> list[str]:
    with store.engine.connect() as connection:
        rows = connection.execute(text("SELECT op_type FROM outbox ORDER BY client_seq"))
        return [row[0] for row in rows]


def test_an_accepted_file_is_kept_with_the_case(
    qtbot: QtBot, controller: CaptureController, store: Store, case_id: str, tmp_path: Path
) -> None:
    folder = ScanFolder(tmp_path / "scans")  # the controller's folder
    data = picture("JPEG", text="居民身份证")
    path = put(tmp_path, "身份证.jpg", data)
    controller.set_case(case_id)
    controller.set_material("M01")
    lists: list[tuple[ScanRow, ...]] = []
    controller.scansChanged.connect(lists.append)
    with qtbot.waitSignal(controller.attached, timeout=10_000) as attached:
        controller.add_files([path])
    assert attached.args is not None
    kept = attached.args[0]
    assert isinstance(kept, Kept)
    sha256 = hashlib.sha256(data).hexdigest()
    assert folder.intact(sha256)  # the bytes are on disk under their hash
    scans = case_scans(store.unit_of_work(read_only=True), case_id=case_id)
    assert [(s.material, s.sha256, s.media_type, s.size, s.by) for s in scans] == [
        ("M01", sha256, "image/jpeg", len(data), CLERK.staff_id)
    ]
    qtbot.waitUntil(lambda: bool(lists) and len(lists[-1]) == 1)
    rows = lists[-1]
    assert kept.rows == rows
    assert isinstance(rows[0], ScanRow)
    assert rows[0].path == folder.path(sha256)
    assert rows[0].material_name != "M01"  # the material's name from the catalogue
    assert outbox_actions(store) == ["case.opened", "case.scan_attached"]  # goes to the registry


def test_files_are_kept_in_order_and_listed_newest_first(
    qtbot: QtBot, controller: CaptureController, case_id: str, tmp_path: Path
) -> None:
    first = put(tmp_path, "form.pdf", pdf(1))
    second = put(tmp_path, "page.png", picture("PNG"))
    controller.set_case(case_id)
    controller.set_material("M03")
    lists: list[tuple[ScanRow, ...]] = []
    controller.scansChanged.connect(lists.append)
    controller.add_files([first, second])
    qtbot.waitUntil(lambda: bool(lists) and len(lists[-1]) == 2, timeout=10_000)
    assert [row.media_type for row in lists[-1]] == ["image/png", "application/pdf"]


def test_a_file_that_is_not_a_scan_is_refused_by_name(
    qtbot: QtBot, controller: CaptureController, store: Store, case_id: str, tmp_path: Path
) -> None:
    path = put(tmp_path, "清单.pdf", "不是 PDF".encode())
    controller.set_case(case_id)
    controller.set_material("M01")
    with (
        qtbot.waitSignal(controller.refused, timeout=10_000) as refused,
        qtbot.assertNotEmitted(controller.attached),
    ):
        controller.add_files([path])
    assert refused.args is not None
    assert "清单.pdf" in refused.args[0]
    assert case_scans(store.unit_of_work(read_only=True), case_id=case_id) == ()


def test_nothing_is_kept_without_a_case_or_a_material(
    qtbot: QtBot, controller: CaptureController, case_id: str, tmp_path: Path
) -> None:
    path = put(tmp_path, "page.png", picture("PNG"))
    with qtbot.waitSignal(controller.refused, timeout=1000) as no_case:
        controller.add_files([path])
    controller.set_case(case_id)
    with qtbot.waitSignal(controller.refused, timeout=1000) as no_material:
        controller.add_files([path])
    assert no_case.args is not None
    assert no_material.args is not None
    assert "page.png" in no_material.args[0]


def test_a_material_the_item_does_not_have_is_refused(
    qtbot: QtBot, controller: CaptureController, store: Store, case_id: str, tmp_path: Path
) -> None:
    path = put(tmp_path, "page.png", picture("PNG"))
    controller.set_case(case_id)
    controller.set_material("M99")
    with qtbot.waitSignal(controller.refused, timeout=10_000) as refused:
        controller.add_files([path])
    assert refused.args is not None
    assert refused.args[0].startswith("page.png was not kept: ")
    assert case_scans(store.unit_of_work(read_only=True), case_id=case_id) == ()


def test_a_camera_picture_is_kept_like_a_file(
    qtbot: QtBot, controller: CaptureController, store: Store, case_id: str
) -> None:
    controller.set_case(case_id)
    controller.set_material("M02")
    with qtbot.waitSignal(controller.attached, timeout=10_000):
        controller.add_bytes(picture("JPEG"), name="camera-20260302-093000.jpg")
    scans = case_scans(store.unit_of_work(read_only=True), case_id=case_id)
    assert [scan.material for scan in scans] == ["M02"]


def test_reopening_a_case_lists_its_scans_and_closing_it_empties_the_strip(
    qtbot: QtBot, controller: CaptureController, case_id: str, tmp_path: Path
) -> None:
    controller.set_case(case_id)
    controller.set_material("M01")
    with qtbot.waitSignal(controller.attached, timeout=10_000):
        controller.add_files([put(tmp_path, "page.png", picture("PNG"))])
    with qtbot.waitSignal(controller.scansChanged, timeout=1000) as closed:
        controller.set_case(None)
    assert closed.args == [()]
    with qtbot.waitSignal(controller.scansChanged, timeout=10_000) as reopened:
        controller.set_case(case_id)
    assert reopened.args is not None
    assert len(reopened.args[0]) == 1
    assert controller.material is None  # the clerk chooses the material again


def test_a_scanned_document_or_case_number_finds_its_case(store: Store, case_id: str) -> None:
    uow = store.unit_of_work
    received = services.receive(uow(), case_id=case_id, actor=CLERK, now=NOW)
    (voucher,) = received.documents
    assert case_of_scanned_number(uow(read_only=True), number=voucher) == case_id
    number = received.case.number
    assert case_of_scanned_number(uow(read_only=True), number=number) == case_id
    assert case_of_scanned_number(uow(read_only=True), number="SF01-W05-1-2026-999999") is None
