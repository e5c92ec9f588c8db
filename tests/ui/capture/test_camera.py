"""The document camera action: disabled with its reason on a machine without a camera.

Only the absence path can run here: this machine has no camera (QtMultimedia lists none), and
a fake camera would test nothing real. Taking a picture is checked on counter hardware. What
the camera's picture becomes (JPEG bytes the validation accepts) is tested with a real image.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from ui.capture.camera import DocumentCamera, encode_jpeg
from ui.capture.validate import Accepted, check_bytes

pytestmark = pytest.mark.usefixtures("gui_thread_garbage")

no_camera = pytest.mark.skipif(
    bool(QMediaDevices.videoInputs()), reason="a camera is connected to this machine"
)


@no_camera
def test_without_a_camera_the_action_is_disabled_and_says_why(qtbot: QtBot) -> None:
    camera = DocumentCamera()
    button = QToolButton()
    qtbot.addWidget(button)
    button.setDefaultAction(camera.action)
    assert camera.device is None
    assert not camera.action.isEnabled()
    assert not button.isEnabled()
    assert "No document camera" in camera.action.toolTip()
    with qtbot.assertNotEmitted(camera.captured), qtbot.assertNotEmitted(camera.failed):
        camera.capture()  # e.g. a stale shortcut: nothing happens
    camera.close()


def test_a_camera_picture_becomes_a_jpeg_the_counter_accepts() -> None:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#d9d2c5"))
    data = encode_jpeg(image)
    checked = check_bytes(Path("camera-20260302-093000.jpg"), data)
    assert isinstance(checked, Accepted)
    assert checked.media_type == "image/jpeg"


def test_an_empty_picture_cannot_be_encoded() -> None:
    with pytest.raises(ValueError, match="cannot be encoded"):
        encode_jpeg(QImage())
