"""Scan retention: scans the registry holds leave the counter's disk after a while.

A scan whose bytes the registry verified, and whose cases the registry has confirmed
(`clerk.store.retention`), is deleted from the scan folder once it has been held there for
the retention period since the acknowledgement (30 days by default; 0 keeps every scan). Its
index row stays — hash, size, type — so the case still lists it, as kept at the registry. A
scan not yet acknowledged is never deleted, however old.

The pass runs in the sync loop's thread, after a round (so at start too) and then at most once
an hour; it also makes the data folder's files private again (`clerk.private.tighten_tree`),
for files another program or an older version left readable.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Self

from clerk.private import tighten_tree
from clerk.scans import ScanFolder
from clerk.store import Store
from clerk.store.retention import scans_held_by_registry

_log = logging.getLogger(__name__)

DEFAULT_KEEP_DAYS = 30
PASS_INTERVAL = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Purged:
    """What one retention pass did."""

    scans: int = 0
    bytes: int = 0
    tightened: int = 0


class ScanRetention:
    """Deletes local copies of scans the registry holds, after `keep` (None keeps them all)."""

    def __init__(
        self,
        scans: ScanFolder,
        *,
        keep: timedelta | None = timedelta(days=DEFAULT_KEEP_DAYS),
        data_folder: Path | None = None,
        interval: timedelta = PASS_INTERVAL,
    ) -> None:
        self.scans, self.keep, self.data_folder = scans, keep, data_folder
        self.interval = interval
        self._last: datetime | None = None

    @classmethod
    def from_days(cls, scans: ScanFolder, days: int, *, data_folder: Path | None = None) -> Self:
        """A retention of `days` days after the acknowledgement (0: keep every scan)."""
        keep = timedelta(days=days) if days > 0 else None
        return cls(scans, keep=keep, data_folder=data_folder)

    def due(self, now: datetime) -> bool:
        """Whether a pass is due (the first one always is)."""
        return self._last is None or now - self._last >= self.interval

    def run(self, store: Store, *, now: datetime) -> Purged:
        """One pass: delete what may go, tighten the data folder's modes.

        Disk errors are logged and end the pass; nothing is deleted that may not be.

        Returns:
            How many scans and bytes were deleted, and how many modes were tightened.
        """
        self._last = now
        scans = size = tightened = 0
        try:
            if self.data_folder is not None:
                tightened = tighten_tree(self.data_folder)
            if self.keep is not None:
                for sha256, length in scans_held_by_registry(
                    store.engine, verified_before=now - self.keep
                ):
                    path = self.scans.path(sha256)
                    if path.exists():
                        path.unlink()
                        scans, size = scans + 1, size + length
        except OSError as error:
            _log.warning("scan retention pass stopped: %s", error)
        if scans:
            _log.info(
                "scan retention: %d scans (%d bytes) now kept at the registry only", scans, size
            )
        return Purged(scans, size, tightened)
