"""The scanner's drop folder: each new image or PDF is offered once, when it is complete.

A document scanner (or its software) saves into a folder, often on a network share. The folder
is listed when `QFileSystemWatcher` reports a change and also on a timer, because change
notifications do not cross network shares. Listing runs on a lane (a share can hang for
seconds); the GUI thread only compares listings.

A file is complete when two listings at least `settle_ms` apart find the same size and
modification time (a scanner writes a PDF page by page). Hidden files, temporary files
(``.tmp``, ``.part``…, Office's ``~$`` locks) and anything but PNG, JPEG, TIFF and PDF are
never offered; their content is checked later (`ui.capture.validate`). A path is offered once;
it is offered again only after it left the folder and came back (a scanner reusing a name). A
listing that fails (share unreachable) changes nothing: the files are not forgotten, so they are
not offered again when the share returns.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ui.queue.lane import Lane

_log = logging.getLogger(__name__)

SCAN_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"})
"""What a scanner's file may be called (the content is checked separately)."""
_TEMPORARY_SUFFIXES = frozenset({".tmp", ".temp", ".part", ".partial", ".crdownload", ".filepart"})
_TEMPORARY_PREFIXES = (".", "~")  # hidden files, Office and editor lock files


@dataclass(frozen=True, slots=True)
class Seen:
    """A file as one listing found it."""

    path: Path
    size: int
    mtime_ns: int


def is_scan_name(name: str) -> bool:
    """Whether a file name can be a finished scan (not hidden, not temporary, image or PDF)."""
    if name.startswith(_TEMPORARY_PREFIXES):
        return False
    suffixes = [suffix.lower() for suffix in Path(name).suffixes]
    if any(suffix in _TEMPORARY_SUFFIXES for suffix in suffixes):
        return False
    return bool(suffixes) and suffixes[-1] in SCAN_SUFFIXES


def list_scans(folder: Path) -> tuple[Seen, ...]:
    """The files in `folder` that may be scans, with their size and time (not recursive).

    Raises:
        OSError: the folder cannot be listed (missing, share unreachable).
    """
    found: list[Seen] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not is_scan_name(entry.name):
                continue
            try:
                if not entry.is_file():
                    continue
                status = entry.stat()
            except OSError:  # removed while listing
                continue
            found.append(Seen(Path(entry.path), status.st_size, status.st_mtime_ns))
    return tuple(sorted(found, key=lambda seen: seen.path.name))


class Settler:
    """Decides which files are complete and not yet offered; knows nothing of Qt or disks."""

    def __init__(self, *, settle_ms: float) -> None:
        self.settle_ms = settle_ms
        self._pending: dict[Path, tuple[Seen, float]] = {}
        self._offered: set[Path] = set()

    def ignore(self, listing: Iterable[Seen]) -> None:
        """Never offer these files (those already in the folder when watching starts)."""
        self._offered.update(seen.path for seen in listing)

    @property
    def waiting(self) -> bool:
        """Whether a file with content is being watched until it stops changing."""
        return any(seen.size > 0 for seen, _ in self._pending.values())

    def check(self, listing: Sequence[Seen], now_ms: float) -> list[Path]:
        """Take a listing made at `now_ms`; return the files complete now, in listing order."""
        present = {seen.path for seen in listing}
        self._offered &= present  # a file that left and comes back is new
        self._pending = {p: v for p, v in self._pending.items() if p in present}
        ready: list[Path] = []
        for seen in listing:
            if seen.path in self._offered:
                continue
            before = self._pending.get(seen.path)
            if before is None or before[0] != seen:
                self._pending[seen.path] = (seen, now_ms)
            elif seen.size > 0 and now_ms - before[1] >= self.settle_ms:
                del self._pending[seen.path]
                self._offered.add(seen.path)
                ready.append(seen.path)
        return ready


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


class DropFolder(QObject):
    """Watches the scanner's folder and offers each new, complete scan once.

    Signals:
        fileArrived(Path): a new scan is complete in the folder.
        unreachable(str): the folder cannot be listed (the system's reason); said once until
            it can be listed again.
        checked(): a listing was compared (tests and the status bar follow the watch with it).
    """

    fileArrived = Signal(Path)  # noqa: N815 - Qt signal naming
    unreachable = Signal(str)
    checked = Signal()

    def __init__(
        self,
        folder: Path,
        *,
        settle_ms: int = 1000,
        rescan_ms: int = 3000,
        offer_existing: bool = False,
        clock: Callable[[], float] = _monotonic_ms,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self._settler = Settler(settle_ms=settle_ms)
        self._clock = clock
        self._primed = offer_existing
        self._listing = False
        self._reachable = True
        self._lane = Lane(threads=1, parent=self)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.rescan)
        self._timer = QTimer(self)
        self._timer.setInterval(rescan_ms)
        self._timer.timeout.connect(self.rescan)
        self._follow_up = QTimer(self)
        self._follow_up.setSingleShot(True)
        self._follow_up.setInterval(settle_ms)
        self._follow_up.timeout.connect(self.rescan)

    def start(self) -> None:
        """Start watching (files already there are not offered unless `offer_existing`)."""
        if self.folder.is_dir():
            self._watcher.addPath(str(self.folder))
        self._timer.start()
        self.rescan()

    def stop(self) -> None:
        """Stop watching and wait for a listing in progress."""
        self._timer.stop()
        self._follow_up.stop()
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._lane.close()

    def rescan(self) -> None:
        """List the folder now (once at a time: a listing already running covers this call)."""
        if self._listing:
            return
        self._listing = True
        folder = self.folder
        self._lane.submit(lambda: list_scans(folder), done=self._listed, failed=self._failed)

    def _listed(self, listing: tuple[Seen, ...]) -> None:
        self._listing = False
        if not self._reachable:
            self._reachable = True
            _log.info("the scanner folder can be listed again")
        if not self._watcher.directories() and self.folder.is_dir():
            self._watcher.addPath(str(self.folder))  # the folder appeared or came back
        if not self._primed:
            self._primed = True
            self._settler.ignore(listing)
        for path in self._settler.check(listing, self._clock()):
            _log.info("a new scan is complete in the scanner folder")
            self.fileArrived.emit(path)
        if self._settler.waiting:
            self._follow_up.start()
        self.checked.emit()

    def _failed(self, error: Exception) -> None:
        self._listing = False
        if self._reachable:
            self._reachable = False
            _log.warning("the scanner folder cannot be listed: %s", error)
            self.unreachable.emit(str(error))
        self.checked.emit()
