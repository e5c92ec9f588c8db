"""The document camera: offered when QtMultimedia finds a camera, disabled with a reason otherwise.

`DocumentCamera.action` is the workbench's "capture from document camera" action. It follows
the cameras plugged in (`QMediaDevices.videoInputsChanged`): with none it is disabled and its
tool tip says why. With one, a press starts the camera, takes one still picture when the camera
is ready (`QImageCapture`), encodes it as JPEG off the GUI thread and hands the bytes on
(`captured`) for the controller to check and keep like any file.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal, Slot
from PySide6.QtGui import QAction, QImage, QImageWriter
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QImageCapture,
    QMediaCaptureSession,
    QMediaDevices,
)

from clerk.clock import HALL_TIMEZONE
from ui.queue.lane import Lane

_log = logging.getLogger(__name__)

JPEG_QUALITY = 90


def encode_jpeg(image: QImage, *, quality: int = JPEG_QUALITY) -> bytes:
    """A picture as JPEG bytes (safe on a pool thread).

    Raises:
        ValueError: the picture cannot be encoded (it is empty).
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(quality)
    if image.isNull() or not writer.write(image):
        raise ValueError("the camera's picture cannot be encoded")
    buffer.close()
    return bytes(data.data())


class DocumentCamera(QObject):
    """The "capture from document camera" action and the camera behind it.

    Signals:
        captured(bytes, str): a picture as JPEG and a file name for it (camera-YYYYmmdd-HHMMSS).
        failed(str): the camera could not take a picture (text for the clerk).
    """

    captured = Signal(bytes, str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.action = QAction(self.tr("Capture from document camera"), self)
        self.action.triggered.connect(self.capture)
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self.refresh)
        self._lane = Lane(threads=1, parent=self)
        self._session: QMediaCaptureSession | None = None
        self._camera: QCamera | None = None
        self._still: QImageCapture | None = None
        self.refresh()

    @property
    def device(self) -> QCameraDevice | None:
        """The camera to use: the system's default video input, if there is any."""
        if not QMediaDevices.videoInputs():
            return None
        return QMediaDevices.defaultVideoInput()

    @Slot()
    def refresh(self) -> None:
        """Enable the action when a camera is connected; otherwise disable it and say why."""
        device = self.device
        self.action.setEnabled(device is not None)
        if device is None:
            self.action.setToolTip(self.tr("No document camera is connected to this computer."))
        else:
            tip = self.tr("Take a picture with {camera} for the current case.")
            self.action.setToolTip(tip.format(camera=device.description()))

    @Slot()
    def capture(self) -> None:
        """Start the camera and take one picture as soon as it is ready.

        This path needs a camera: it cannot run on a machine without one (the test machine has
        none), so it is exercised on counter hardware, not in the automated tests.
        """
        device = self.device
        if device is None:
            self.refresh()
            return
        self._stop()
        self._session = QMediaCaptureSession(self)
        self._camera = QCamera(device, self)
        self._still = QImageCapture(self)
        self._session.setCamera(self._camera)
        self._session.setImageCapture(self._still)
        self._still.readyForCaptureChanged.connect(self._ready)
        self._still.imageCaptured.connect(self._taken)
        self._still.errorOccurred.connect(self._error)
        self._camera.errorOccurred.connect(self._camera_error)
        self._camera.start()

    def close(self) -> None:
        """Stop the camera and the encoding lane."""
        self._stop()
        self._lane.close()

    @Slot(bool)
    def _ready(self, ready: bool) -> None:
        if ready and self._still is not None:
            self._still.capture()

    @Slot(int, QImage)
    def _taken(self, _id: int, image: QImage) -> None:
        self._stop()
        name = f"camera-{datetime.now(HALL_TIMEZONE):%Y%m%d-%H%M%S}.jpg"
        self._lane.submit(
            lambda: encode_jpeg(image),
            done=lambda data: self.captured.emit(data, name),
            failed=lambda error: self.failed.emit(str(error)),
        )

    @Slot(int, QImageCapture.Error, str)
    def _error(self, _id: int, _error: QImageCapture.Error, message: str) -> None:
        _log.warning("the document camera took no picture: %s", message)
        self._stop()
        self.failed.emit(
            self.tr("The document camera took no picture: {reason}").format(reason=message)
        )

    @Slot(QCamera.Error, str)
    def _camera_error(self, _error: QCamera.Error, message: str) -> None:
        _log.warning("the document camera failed: %s", message)
        self._stop()
        self.failed.emit(
            self.tr("The document camera does not work: {reason}").format(reason=message)
        )

    def _stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
        for part in (self._still, self._session):
            if part is not None:
                part.deleteLater()
        self._session = self._camera = self._still = None
