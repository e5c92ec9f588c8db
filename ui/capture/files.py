"""Files for the current case: dropped on the capture area or picked with a file dialog.

The area only collects paths (local files, in the order given); the controller checks their
content off the GUI thread (`ui.capture.validate`) and attaches what is a scan.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

SCAN_PATTERNS = "*.png *.jpg *.jpeg *.tif *.tiff *.pdf"


def local_files(urls: Iterable[QUrl]) -> list[Path]:
    """The local files among dropped URLs, in order, each once (web links are left out)."""
    paths: list[Path] = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path not in paths:
                paths.append(path)
    return paths


def _has_local_files(data: QMimeData) -> bool:
    return data.hasUrls() and bool(local_files(data.urls()))


class FileDropArea(QFrame):
    """Where the clerk drops scans or picks them from a folder.

    Signals:
        filesChosen(list): the paths (list[Path]) dropped or picked, in order.
    """

    filesChosen = Signal(list)  # noqa: N815 - Qt signal naming

    def __init__(self, *, start_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_folder = start_folder
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("fileDropArea")
        self.hint = QLabel(self.tr("Drop scans here (PNG, JPEG, TIFF or PDF)"))
        self.hint.setWordWrap(True)
        self.pick_button = QPushButton(self.tr("Pick files…"))
        self.pick_button.setToolTip(self.tr("Choose scans saved on this computer or the network"))
        self.pick_button.clicked.connect(self.pick)
        layout = QHBoxLayout(self)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.pick_button)
        self._set_hover(False)

    @Slot()
    def pick(self) -> None:
        """Ask for files with the system's dialog; the chosen ones are taken."""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose scans"),
            str(self.start_folder or Path.home()),
            self.tr("Scans ({patterns});;All files (*)").format(patterns=SCAN_PATTERNS),
        )
        self.take([Path(name) for name in names])

    @Slot(list)
    def take(self, paths: list[Path]) -> None:
        """Take files as if dropped or picked (tests call this instead of the dialog)."""
        if paths:
            self.start_folder = paths[-1].parent
            self.filesChosen.emit(list(paths))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        """Accept a drag that carries local files."""
        if _has_local_files(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._set_hover(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt API
        """Keep accepting while the files hover over the area."""
        if _has_local_files(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt API
        """The files left without being dropped."""
        self._set_hover(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        """Take the dropped local files (copied: the originals stay where they are)."""
        self._set_hover(False)
        paths = local_files(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.take(paths)

    def _set_hover(self, hover: bool) -> None:
        colour = "#1f6fd1" if hover else "#9aa5b1"
        self.setStyleSheet(
            f"QFrame#fileDropArea {{ border: 2px dashed {colour}; border-radius: 6px; }}"
        )
