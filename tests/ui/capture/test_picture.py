"""A scan zoomed in the viewer: the right pixels where it is painted, at any zoom."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from clerk.cases import Scan
from clerk.scans import ScanFolder
from tests.ui.capture.conftest import NOW
from ui.capture.picture import ScanPicture
from ui.capture.strip import scan_rows
from ui.capture.thumbnails import render_scan
from ui.capture.viewer import MAX_ZOOM, ScanViewer

pytestmark = pytest.mark.usefixtures("gui_thread_garbage")
BLACK, WHITE = QColor("black"), QColor("white")


def half_black(width: int = 400, height: int = 300) -> QImage:
    """Black on the left half, white on the right."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(WHITE)
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 2, height, BLACK)
    painter.end()
    return image


def pixel(picture: ScanPicture, x: int, y: int) -> QColor:
    """The colour the widget paints at (x, y) (only that spot is painted)."""
    return picture.grab(QRect(x, y, 1, 1)).toImage().pixelColor(0, 0)


def test_a_picture_zoomed_in_paints_the_image_scaled_where_it_shows(qtbot: QtBot) -> None:
    picture = ScanPicture()
    qtbot.addWidget(picture)
    picture.show_image(half_black(), 4.0)

    assert picture.shown_size() == QSize(1600, 1200)
    assert picture.size() == QSize(1600, 1200)
    assert pixel(picture, 790, 600) == BLACK  # left of the edge at 200 × 4
    assert pixel(picture, 810, 600) == WHITE
    assert pixel(picture, 1590, 1190) == WHITE


def test_a_picture_shrunk_keeps_its_proportions_and_halves(qtbot: QtBot) -> None:
    picture = ScanPicture()
    qtbot.addWidget(picture)
    picture.show_image(half_black(), 0.25)

    assert picture.size() == QSize(100, 75)
    assert pixel(picture, 45, 30) == BLACK
    assert pixel(picture, 55, 30) == WHITE
    picture.clear()
    assert picture.size() == QSize(0, 0)


def test_the_viewer_zooms_a_page_to_the_maximum_and_shows_its_middle(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = ScanFolder(tmp_path / "scans")
    page = tmp_path / "page.png"
    half_black(1240, 1754).save(str(page))  # an A4 page at 150 dpi
    data = page.read_bytes()
    scan = Scan("M01", folder.put(data), len(data), "image/png", NOW, "c001")
    rows = scan_rows([scan], folder=folder, names={"M01": "申请书"})
    viewer = ScanViewer()
    qtbot.addWidget(viewer)
    viewer.resize(800, 600)
    viewer.show()
    with qtbot.waitSignal(viewer.shown, timeout=10_000):
        viewer.show_scan(rows[0])
    while viewer.zoom is None or viewer.zoom < MAX_ZOOM:
        viewer.zoom_in()

    assert viewer.picture.shown_size() == QSize(4960, 7016)
    bar = viewer.scroll_area.horizontalScrollBar()
    bar.setValue(2480 - viewer.scroll_area.viewport().width() // 2)  # the edge in the middle
    middle = viewer.scroll_area.viewport().rect().center()
    at = viewer.picture.mapFrom(viewer.scroll_area.viewport(), middle)
    assert pixel(viewer.picture, at.x() - 20, at.y()) == BLACK
    assert pixel(viewer.picture, at.x() + 20, at.y()) == WHITE
    assert viewer.picture.mapTo(viewer, QPoint(0, 0)).x() < 0  # scrolled into the page


def test_a_scan_is_decoded_shrunk_to_the_edge_but_never_enlarged(tmp_path: Path) -> None:
    page = tmp_path / "page.png"
    half_black(400, 300).save(str(page))

    assert render_scan(page, "image/png", edge=1000).size() == QSize(400, 300)
    assert render_scan(page, "image/png", edge=200).size() == QSize(200, 150)
