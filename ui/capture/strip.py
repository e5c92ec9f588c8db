"""The current case's scans as a strip of thumbnails; choosing one opens it in the viewer.

`ScanListModel` adapts an immutable tuple of `ScanRow`s (one per scan kept with the case, from
`clerk.services.scans.case_scans`); thumbnails come from `Thumbnails` off the GUI thread and a
plain placeholder shows until each is ready.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from clerk.cases import Scan
from clerk.clock import HALL_TIMEZONE
from clerk.scans import ScanFolder
from ui.capture.thumbnails import THUMBNAIL_EDGE, Thumbnails
from ui.capture.validate import PDF

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""The `ScanRow` of an index."""


@dataclass(frozen=True, slots=True)
class ScanRow:
    """One scan of the case as the strip and the viewer show it."""

    sha256: str
    material: str
    material_name: str
    media_type: str
    size: int
    at: datetime
    path: Path
    at_registry: bool = False
    """Let go of here after the retention period: the registry holds it (no file here)."""

    @property
    def is_pdf(self) -> bool:
        """Whether the scan is a PDF (else an image)."""
        return self.media_type == PDF


def scan_rows(
    scans: Sequence[Scan],
    *,
    folder: ScanFolder,
    names: Mapping[str, str],
    held: Collection[str] = (),
) -> tuple[ScanRow, ...]:
    """Rows for the strip: the case's scans, newest first, with their materials' names.

    Args:
        scans: the case's scans (`case_scans`), oldest first.
        folder: where their bytes are.
        names: material code → name for the case's item version.
        held: hashes the registry verified (`held_by_registry`): such a scan without its file
            here was let go after the retention period, not lost.
    """
    return tuple(
        ScanRow(
            sha256=scan.sha256,
            material=scan.material,
            material_name=names.get(scan.material, scan.material),
            media_type=scan.media_type,
            size=scan.size,
            at=scan.at,
            path=folder.path(scan.sha256),
            at_registry=scan.sha256 in held and not folder.path(scan.sha256).exists(),
        )
        for scan in reversed(scans)
    )


def _placeholder(edge: int) -> QPixmap:
    pixmap = QPixmap(edge * 3 // 4, edge)  # a portrait page
    pixmap.fill(QColor("#e6e9ee"))
    return pixmap


def _kind(row: ScanRow) -> str:
    if row.is_pdf:
        return QCoreApplication.translate("Capture", "PDF")
    return QCoreApplication.translate("Capture", "Image")


class ScanListModel(QAbstractListModel):
    """The scans of the case in progress, newest first, with thumbnails as they become ready."""

    def __init__(self, thumbnails: Thumbnails) -> None:
        super().__init__()
        self._rows: tuple[ScanRow, ...] = ()
        self._thumbnails = thumbnails
        self._placeholder = _placeholder(thumbnails.edge)
        thumbnails.ready.connect(self._thumbnail_ready)

    def set_rows(self, rows: Sequence[ScanRow]) -> None:
        """Show these scans (the case changed, or a scan was added)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()
        for row in self._rows:
            if not row.at_registry:
                self._thumbnails.request(row.sha256, row.path, row.media_type)

    def rows(self) -> tuple[ScanRow, ...]:
        """The rows shown."""
        return self._rows

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt API
        """One row per scan; none under an item."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Material name and time; the thumbnail; details in the tool tip; the row itself."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            shown = f"{row.material_name}\n{row.at.astimezone(HALL_TIMEZONE):%H:%M}"
            if row.at_registry:
                shown += "\n" + QCoreApplication.translate("Capture", "kept at the registry")
            return shown
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnails.get(row.sha256) or self._placeholder
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("Capture", "{material} · {kind} · {size} KB").format(
                material=row.material_name, kind=_kind(row), size=max(1, row.size // 1024)
            )
        if role == ROW_ROLE:
            return row
        return None

    @Slot(str)
    def _thumbnail_ready(self, sha256: str) -> None:
        for number, row in enumerate(self._rows):
            if row.sha256 == sha256:
                index = self.index(number, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class ScanStrip(QListView):
    """A horizontal strip of thumbnails.

    Signals:
        opened(object): the clerk chose a scan (`ScanRow`) to look at.
    """

    opened = Signal(object)

    def __init__(self, model: ScanListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMBNAIL_EDGE, THUMBNAIL_EDGE))
        self.setGridSize(QSize(THUMBNAIL_EDGE + 36, THUMBNAIL_EDGE + 56))
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumHeight(THUMBNAIL_EDGE + 80)
        self.activated.connect(self._open)
        self.clicked.connect(self._open)

    def open_row(self, number: int) -> None:
        """Select a scan and open it (keyboard users and tests)."""
        index = self.model().index(number, 0)
        self.setCurrentIndex(index)
        self._open(index)

    def select_row(self, number: int) -> None:
        """Mark a scan as the one shown, without opening it again."""
        self.setCurrentIndex(self.model().index(number, 0))

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, ScanRow):
            self.opened.emit(row)
