"""Keeps accepted files with the case in progress: check, store the bytes, attach, list again.

For every file (dropped, picked, offered by the drop folder, taken by the camera) one call on
the lane (one thread, so files are kept in the order given) checks the content
(`ui.capture.validate`), stores the bytes durably under their SHA-256 (`ScanFolder.put`) and
attaches them to the chosen material with `clerk.services.attach_scan` in one unit of work,
then reads the case's scans again for the strip. Refusals and failures come back as one text
for the clerk that names the file (`refused`), to be shown through the workbench's one error
function.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from clerk.errors import ClerkError
from clerk.ports import UnitOfWork
from clerk.scans import ScanFolder
from clerk.services import attach_scan, get_case
from clerk.services.scans import case_scans, held_by_registry
from clerk.services.views import ActionResult
from clerk.staff import Actor
from ui.capture.strip import ScanRow, scan_rows
from ui.capture.validate import Accepted, Refused, check_bytes, check_file, refusal_text
from ui.errors import explain_error
from ui.queue.lane import Lane

_log = logging.getLogger(__name__)


class UnitsOfWork(Protocol):
    """Opens units of work on the counter's store (`Store.unit_of_work`)."""

    def __call__(self, *, read_only: bool = False) -> UnitOfWork:
        """A new unit of work."""


@dataclass(frozen=True, slots=True)
class Kept:
    """A file kept with the case: its hash, what the action returned and the case's scans."""

    path: Path
    sha256: str
    result: ActionResult
    rows: tuple[ScanRow, ...]


class KeepFailed(Exception):
    """A checked file could not be kept (the disk refused, or the case's rules did)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class _Keeper:
    """What the lane's thread needs (no Qt object): the store, the scan folder, who and when."""

    units: UnitsOfWork
    folder: ScanFolder
    actor: Actor
    clock: Callable[[], datetime]

    def keep(self, checked: Accepted | Refused, *, case_id: str, material: str) -> Kept | Refused:
        if isinstance(checked, Refused):
            return checked
        try:
            sha256 = self.folder.put(checked.data)
            result = attach_scan(
                self.units(),
                case_id=case_id,
                material=material,
                sha256=sha256,
                size=checked.size,
                media_type=checked.media_type,
                actor=self.actor,
                now=self.clock(),
            )
        except (ClerkError, OSError) as error:
            raise KeepFailed(checked.path, str(error)) from error
        return Kept(checked.path, sha256, result, self.rows(case_id))

    def rows(self, case_id: str) -> tuple[ScanRow, ...]:
        view = get_case(self.units(read_only=True), case_id=case_id, now=self.clock())
        names = {line.code: line.name for line in view.lines}
        scans = case_scans(self.units(read_only=True), case_id=case_id)
        gone = [scan.sha256 for scan in scans if not self.folder.path(scan.sha256).exists()]
        held = held_by_registry(self.units(read_only=True), hashes=gone) if gone else frozenset()
        return scan_rows(scans, folder=self.folder, names=names, held=held)


class CaptureController(QObject):
    """Keeps scans with the case in progress and says what the case holds.

    Signals:
        attached(object): a file was kept with the case (`Kept`).
        refused(str): a file was refused or could not be kept; the text names it and says why.
        scansChanged(object): the case's scans (tuple of `ScanRow`, newest first); empty when
            no case is open.
    """

    attached = Signal(object)
    refused = Signal(str)
    scansChanged = Signal(object)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        *,
        units: UnitsOfWork,
        folder: ScanFolder,
        actor: Actor,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._keeper = _Keeper(units, folder, actor, clock)
        self._lane = Lane(threads=1, parent=self)
        self.case_id: str | None = None
        self.material: str | None = None

    def set_actor(self, actor: Actor) -> None:
        """The clerk now signed in (scans are attached in their name)."""
        self._keeper = replace(self._keeper, actor=actor)

    def set_case(self, case_id: str | None) -> None:
        """The case in progress changed (None: no case); its scans are listed again."""
        self.case_id, self.material = case_id, None
        if case_id is None:
            self.scansChanged.emit(())
            return
        keeper = self._keeper
        self._lane.submit(
            lambda: keeper.rows(case_id),
            done=lambda rows: self._listed(case_id, rows),
            failed=self._list_failed,
        )

    def set_material(self, material: str | None) -> None:
        """The material the next scans show (the checklist line the clerk is on)."""
        self.material = material

    def add_files(self, paths: Sequence[Path]) -> None:
        """Check and keep files with the case's chosen material, in order."""
        for path in paths:
            self._submit(path, partial(check_file, path))

    def add_bytes(self, data: bytes, *, name: str) -> None:
        """Check and keep bytes that are not a file yet (a camera's picture named `name`)."""
        self._submit(Path(name), lambda: check_bytes(Path(name), data))

    def close(self) -> None:
        """Finish the file being kept and drop the rest (the counter closes)."""
        self._lane.close()

    def _submit(self, path: Path, check: Callable[[], Accepted | Refused]) -> None:
        case_id, material = self.case_id, self.material
        if case_id is None:
            self.refused.emit(self.tr("Open a case before adding scans."))
            return
        if material is None:
            text = self.tr("{name} was not added: choose the material it shows first.")
            self.refused.emit(text.format(name=path.name))
            return
        keeper = self._keeper
        self._lane.submit(
            lambda: keeper.keep(check(), case_id=case_id, material=material),
            done=self._kept,
            failed=self._keep_failed,
        )

    def _kept(self, outcome: Kept | Refused) -> None:
        if isinstance(outcome, Refused):
            self.refused.emit(refusal_text(outcome))
            return
        _log.info("a scan was kept with case %s", outcome.result.case.case_id)
        self.attached.emit(outcome)
        self._listed(outcome.result.case.case_id, outcome.rows)

    def _listed(self, case_id: str, rows: tuple[ScanRow, ...]) -> None:
        if case_id == self.case_id:  # not a case left meanwhile
            self.scansChanged.emit(rows)

    def _keep_failed(self, error: Exception) -> None:
        if not isinstance(error, KeepFailed):  # kept, but the list after it failed
            self._list_failed(error)
            return
        _log.warning("a scan was not kept: %s", error.reason)
        cause = error.__cause__  # the domain's refusal is put into words here, on the GUI thread
        reason = explain_error(cause) if isinstance(cause, ClerkError) else error.reason
        text = self.tr("{name} was not kept: {reason}")
        self.refused.emit(text.format(name=error.path.name, reason=reason))

    def _list_failed(self, error: Exception) -> None:
        _log.warning("the case's scans cannot be listed: %s", error)
        text = self.tr("The scans of this case cannot be listed: {reason}")
        reason = explain_error(error) if isinstance(error, ClerkError) else str(error)
        self.refused.emit(text.format(reason=reason))
