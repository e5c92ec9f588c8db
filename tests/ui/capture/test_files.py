"""Files dropped on the capture area or picked reach the controller as local paths, in order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.capture.files import FileDropArea, local_files


def mime(*urls: QUrl) -> QMimeData:
    data = QMimeData()
    data.setUrls(list(urls))
    return data


def drag_enter(area: FileDropArea, data: QMimeData) -> bool:
    event = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(area, event)
    return event.isAccepted()


def drop(area: FileDropArea, data: QMimeData) -> bool:
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(area, event)
    return event.isAccepted()


def test_dropped_files_are_taken_in_order(qtbot: QtBot, tmp_path: Path) -> None:
    area = FileDropArea()
    qtbot.addWidget(area)
    first, second = tmp_path / "身份证.jpg", tmp_path / "申请书.pdf"
    data = mime(
        QUrl.fromLocalFile(str(first)),
        QUrl("https://example.com/x.pdf"),
        QUrl.fromLocalFile(str(second)),
        QUrl.fromLocalFile(str(first)),
    )
    assert drag_enter(area, data)
    with qtbot.waitSignal(area.filesChosen, timeout=1000) as chosen:
        assert drop(area, data)
    assert chosen.args == [[first, second]]
    assert area.start_folder == tmp_path  # the dialog opens where the last files came from


def test_a_drag_without_local_files_is_refused(qtbot: QtBot) -> None:
    area = FileDropArea()
    qtbot.addWidget(area)
    web = mime(QUrl("https://example.com/scan.pdf"))
    assert not drag_enter(area, web)
    text = QMimeData()
    text.setText("A012")
    assert not drag_enter(area, text)
    with qtbot.assertNotEmitted(area.filesChosen):
        assert not drop(area, web)


def test_picked_files_are_taken(qtbot: QtBot, tmp_path: Path) -> None:
    area = FileDropArea()
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.filesChosen, timeout=1000) as chosen:
        area.take([tmp_path / "a.png"])  # what the file dialog's choice leads to
    assert chosen.args == [[tmp_path / "a.png"]]
    with qtbot.assertNotEmitted(area.filesChosen):
        area.take([])  # the dialog was cancelled


def test_local_files() -> None:
    assert local_files([QUrl("file:///tmp/a.pdf"), QUrl("ftp://h/b.pdf")]) == [Path("/tmp/a.pdf")]
