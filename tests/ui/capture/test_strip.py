"""The strip of the case's scans (thumbnails made off the GUI thread) and the viewer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QPixmap
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk.cases import Scan
from clerk.scans import ScanFolder
from tests.ui.capture.conftest import NOW
from tests.ui.capture.samples import pdf, picture
from ui.capture.strip import ROW_ROLE, ScanListModel, ScanRow, ScanStrip, scan_rows
from ui.capture.thumbnails import RenderError, Thumbnails, render_scan
from ui.capture.viewer import ScanViewer

pytestmark = pytest.mark.usefixtures("gui_thread_garbage")

NAMES = {"M01": "个体工商户登记申请书", "M02": "经营者居民身份证"}


def keep(folder: ScanFolder, material: str, data: bytes, media_type: str, minute: int) -> Scan:
    sha256 = folder.put(data)
    return Scan(material, sha256, len(data), media_type, NOW + timedelta(minutes=minute), "c001")


@pytest.fixture
def rows(tmp_path: Path) -> tuple[ScanRow, ...]:
    folder = ScanFolder(tmp_path / "scans")
    scans = [
        keep(folder, "M01", pdf(2), "application/pdf", 0),
        keep(folder, "M02", picture("PNG", size=(900, 600), text="身份证"), "image/png", 1),
    ]
    return scan_rows(scans, folder=folder, names=NAMES)


@pytest.fixture
def thumbnails(qtbot: QtBot) -> Iterator[Thumbnails]:
    made = Thumbnails(edge=120)
    yield made
    made.close()


def test_rows_are_newest_first_with_material_names(rows: tuple[ScanRow, ...]) -> None:
    assert [(row.material_name, row.is_pdf) for row in rows] == [
        ("经营者居民身份证", False),
        ("个体工商户登记申请书", True),
    ]
    assert all(row.path.is_file() for row in rows)


def test_a_material_without_a_name_shows_its_code(tmp_path: Path) -> None:
    folder = ScanFolder(tmp_path)
    (row,) = scan_rows([keep(folder, "M09", b"x", "image/png", 0)], folder=folder, names=NAMES)
    assert row.material_name == "M09"


def test_the_model_passes_the_model_tester_and_fills_in_thumbnails(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    thumbnails: Thumbnails,
    rows: tuple[ScanRow, ...],
) -> None:
    check: Callable[[QAbstractItemModel], None] = qtmodeltester.check
    model = ScanListModel(thumbnails)
    check(model)
    placeholder = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    with qtbot.waitSignals([thumbnails.ready, thumbnails.ready], timeout=10_000):
        model.set_rows(rows)
    check(model)
    assert model.rowCount() == 2
    assert placeholder is None  # no rows yet
    for number, row in enumerate(rows):
        index = model.index(number, 0)
        picture_ = model.data(index, Qt.ItemDataRole.DecorationRole)
        assert isinstance(picture_, QPixmap)
        assert max(picture_.width(), picture_.height()) == 120
        assert model.data(index, ROW_ROLE) == row
        assert row.material_name in str(model.data(index, Qt.ItemDataRole.DisplayRole))
        assert "09:3" in str(model.data(index, Qt.ItemDataRole.DisplayRole))  # hall time
    model.set_rows(())
    check(model)
    assert model.rowCount() == 0


def test_a_pdf_thumbnail_is_its_first_page_on_white(rows: tuple[ScanRow, ...]) -> None:
    page = render_scan(rows[1].path, rows[1].media_type, edge=100)
    assert page.height() == 100  # A4 is taller than wide
    assert page.width() == round(100 * 595 / 842)
    assert page.pixelColor(2, 2).name() == "#ffffff"


def test_a_missing_scan_file_has_no_thumbnail(
    qtbot: QtBot, thumbnails: Thumbnails, tmp_path: Path
) -> None:
    with pytest.raises(RenderError):
        render_scan(tmp_path / "gone.png", "image/png", edge=50)
    with qtbot.waitSignal(thumbnails.failed, timeout=10_000):
        thumbnails.request("0" * 64, tmp_path / "gone.pdf", "application/pdf")
    assert thumbnails.get("0" * 64) is None


def test_choosing_a_thumbnail_opens_it(
    qtbot: QtBot, thumbnails: Thumbnails, rows: tuple[ScanRow, ...]
) -> None:
    model = ScanListModel(thumbnails)
    strip = ScanStrip(model)
    qtbot.addWidget(strip)
    model.set_rows(rows)
    with qtbot.waitSignal(strip.opened, timeout=1000) as opened:
        strip.open_row(1)
    assert opened.args == [rows[1]]


def test_the_viewer_fits_and_zooms_an_image(qtbot: QtBot, rows: tuple[ScanRow, ...]) -> None:
    viewer = ScanViewer()
    qtbot.addWidget(viewer)
    viewer.resize(500, 400)
    viewer.show()
    with qtbot.waitSignal(viewer.shown, timeout=10_000):
        viewer.show_scan(rows[0])
    fitted = viewer.picture.shown_size().width()
    assert 0 < fitted <= viewer.scroll_area.viewport().width()
    viewer.zoom_in()
    assert viewer.picture.shown_size().width() == pytest.approx(fitted * 1.25, abs=2)
    viewer.zoom_out()
    viewer.zoom_out()
    assert viewer.picture.shown_size().width() < fitted
    viewer.fit()
    assert viewer.picture.shown_size().width() == fitted
    assert viewer.zoom_in_button.isEnabled()
    assert viewer.page_count == 0


def test_the_viewer_shows_every_page_of_a_pdf(qtbot: QtBot, rows: tuple[ScanRow, ...]) -> None:
    viewer = ScanViewer()
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.shown, timeout=10_000):
        viewer.show_scan(rows[1])
    assert viewer.page_count == 2
    viewer.zoom_in()
    assert viewer.pdf_view.zoomFactor() > 1.0
    viewer.clear()
    assert viewer.page_count == 0
    assert not viewer.fit_button.isEnabled()


def test_the_viewer_says_when_a_scan_cannot_be_shown(
    qtbot: QtBot, rows: tuple[ScanRow, ...], tmp_path: Path
) -> None:
    viewer = ScanViewer()
    qtbot.addWidget(viewer)
    for row in rows:
        row.path.unlink()
        with qtbot.waitSignal(viewer.failed, timeout=10_000):
            viewer.show_scan(row)
        assert not viewer.zoom_in_button.isEnabled()
        assert viewer.message.text() != ""


def test_a_scan_let_go_of_after_the_retention_says_the_registry_keeps_it(
    qtbot: QtBot, thumbnails: Thumbnails, tmp_path: Path
) -> None:
    folder = ScanFolder(tmp_path / "scans")
    scans = [
        keep(folder, "M01", picture("PNG", size=(90, 60), text="1"), "image/png", 0),
        keep(folder, "M02", picture("PNG", size=(90, 60), text="2"), "image/png", 1),
        keep(folder, "M01", picture("PNG", size=(90, 60), text="3"), "image/png", 2),
    ]
    purged, lost, here = scans
    folder.path(purged.sha256).unlink()  # the retention pass let it go: the registry holds it
    folder.path(lost.sha256).unlink()  # gone without the registry holding it: not the same
    held = {purged.sha256, here.sha256}
    rows = {row.sha256: row for row in scan_rows(scans, folder=folder, names=NAMES, held=held)}

    assert [rows[s.sha256].at_registry for s in scans] == [True, False, False]
    model = ScanListModel(thumbnails)
    with qtbot.waitSignals([thumbnails.ready, thumbnails.failed], timeout=10_000):
        model.set_rows(list(rows.values()))  # no thumbnail asked for the one at the registry
    texts = [str(model.data(model.index(n, 0))) for n in range(3)]
    assert ["kept at the registry" in text for text in texts] == [False, False, True]
    viewer = ScanViewer()
    qtbot.addWidget(viewer)
    viewer.show_scan(rows[purged.sha256])
    assert "kept at the registry" in viewer.message.text()
    assert not viewer.zoom_in_button.isEnabled()
    with qtbot.waitSignal(viewer.failed, timeout=10_000):
        viewer.show_scan(rows[lost.sha256])
    assert "missing or damaged" in viewer.message.text()
