"""Backing up the local store while the counter works, and restoring it under a new epoch.

A backup is taken with SQLite's online backup API in one step: it reads one snapshot of the
write-ahead log while the counter keeps committing (readers never block the writer), and is
written next to its final name, checked, synced and renamed, so a backup file is either
complete or absent. It is one self-contained file (rollback journal mode).

A restore refuses a store that is open anywhere: it takes SQLite's exclusive lock on the live
file first (held until the end, so no counter can start meanwhile). It prepares a copy of the
backup (migrated to this version's schema, given a new epoch above both the backup's and the
live store's), then writes that copy into the live file through the backup API, in one
transaction. Numbers continue in the new epoch, so no number issued after the backup was taken
can be issued again.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from clerk.durable import sync_file, sync_folder
from clerk.errors import RuleViolation
from clerk.ports import DeviceIdentity
from clerk.store.db import open_store
from clerk.store.errors import StoreError

_log = logging.getLogger(__name__)


class StoreInUse(StoreError):
    """The store is open in a running counter (or another program): it cannot be replaced."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup holds."""

    path: Path
    device: DeviceIdentity
    schema_version: int
    documents: int
    pending: int


def backup_store(store: Path, target: Path) -> BackupInfo:
    """Copy the store to `target` while it may be in use (online, consistent, durable).

    Args:
        store: the live store file.
        target: the backup file (replaced if it exists).

    Returns:
        What the backup holds.

    Raises:
        StoreError: there is no store at `store`, or the copy failed its integrity check.
    """
    if not store.is_file():
        raise StoreError("there is no store at {path}", path=str(store))
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with (
            closing(sqlite3.connect(store, timeout=30)) as source,
            closing(sqlite3.connect(partial, isolation_level=None)) as copy,
        ):
            source.backup(copy)  # one step: one snapshot, the writer never waits
            copy.execute("PRAGMA journal_mode = DELETE")
            info = _describe(copy, target)
        sync_file(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    sync_folder(target.parent)
    _log.info("store backed up to %s (epoch %d)", target, info.device.epoch)
    return info


def restore_store(backup: Path, store: Path, *, epoch: int | None = None) -> DeviceIdentity:
    """Replace the store by a backup, under a new epoch.

    Args:
        backup: a file written by `backup_store`.
        store: the live store file (created if it is missing).
        epoch: the new epoch (e.g. above the one the registry knows); by default one above
            both the backup's and the live store's.

    Returns:
        The restored identity, with its new epoch.

    Raises:
        StoreInUse: the store is open (a counter is running).
        StoreError: the backup is missing or damaged.
        RuleViolation: the backup belongs to another counter, or `epoch` is not above the
            backup's and the live store's.
    """
    if not backup.is_file():
        raise StoreError("there is no backup at {path}", path=str(backup))
    store.parent.mkdir(parents=True, exist_ok=True)  # a new machine's empty data folder
    with _exclusive(store) as live:
        current = _device_or_none(live)
        prepared = store.with_name(f".{store.name}.restoring")
        try:
            identity = _prepare(backup, prepared, current=current, epoch=epoch)
            with closing(sqlite3.connect(prepared)) as source:
                source.backup(live)
        finally:
            for leftover in prepared.parent.glob(f"{prepared.name}*"):
                leftover.unlink(missing_ok=True)  # the copy, its log, a pre-migration copy
    _log.warning("store restored from %s; new epoch %d", backup, identity.epoch)
    return identity


def _prepare(
    backup: Path, prepared: Path, *, current: DeviceIdentity | None, epoch: int | None
) -> DeviceIdentity:
    """Copy the backup to `prepared`, migrate it and give it its new epoch."""
    prepared.unlink(missing_ok=True)
    with closing(sqlite3.connect(backup)) as source, closing(sqlite3.connect(prepared)) as copy:
        source.backup(copy)
    with open_store(prepared) as opened:
        restored = opened.device
        if current is not None and current.device_id != restored.device_id:
            raise RuleViolation(
                "the backup belongs to counter {other}, this store to {counter}",
                other=f"{restored.hall}-{restored.counter}",
                counter=f"{current.hall}-{current.counter}",
            )
        floor = max(restored.epoch, current.epoch if current else restored.epoch)
        if epoch is not None and epoch <= floor:
            raise RuleViolation(
                "epoch {epoch} is not above {floor}, the highest epoch this counter used",
                epoch=epoch,
                floor=floor,
            )
        return opened.new_epoch(floor + 1 if epoch is None else epoch)


@contextmanager
def _exclusive(store: Path) -> Iterator[sqlite3.Connection]:
    """A connection holding the store's exclusive lock: refused while anyone has it open."""
    live = sqlite3.connect(store, timeout=0, isolation_level=None)
    try:
        try:
            live.execute("PRAGMA locking_mode = EXCLUSIVE")
            live.execute("BEGIN EXCLUSIVE")
            live.execute("SELECT count(*) FROM sqlite_master").fetchall()
            live.execute("COMMIT")  # the lock stays: exclusive locking mode keeps it
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_BUSY:
                raise _damaged(store, error) from error
            raise StoreInUse(
                "the store {path} is in use: close the counter first ({reason})",
                path=str(store),
                reason=str(error),
            ) from error
        yield live
    finally:
        live.close()


def _damaged(store: Path, error: sqlite3.Error) -> StoreError:
    return StoreError(
        "the store {path} cannot be read ({reason}): move it aside, then restore",
        path=str(store),
        reason=str(error),
    )


def _device_or_none(live: sqlite3.Connection) -> DeviceIdentity | None:
    try:
        row = live.execute("SELECT device_id, hall, counter, epoch FROM device").fetchone()
    except sqlite3.DatabaseError:  # a new, empty file, or one too damaged to read
        return None
    return None if row is None else DeviceIdentity(row[0], row[1], row[2], int(row[3]))


def _describe(copy: sqlite3.Connection, target: Path) -> BackupInfo:
    check = copy.execute("PRAGMA integrity_check").fetchone()[0]
    if check != "ok":
        raise StoreError("the backup failed its integrity check: {reason}", reason=str(check))
    device = _device_or_none(copy)
    if device is None:
        raise StoreError("the store has no device identity: nothing worth backing up")
    version = copy.execute("PRAGMA user_version").fetchone()[0]
    documents = copy.execute("SELECT count(*) FROM documents").fetchone()[0]
    pending = copy.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    return BackupInfo(target, device, int(version), int(documents), int(pending))


def backup_name(store: Path, now: datetime | None = None) -> Path:
    """A default backup file next to the store: `counter.db.backup-20260302T093000Z`."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return store.with_name(f"{store.name}.backup-{moment:%Y%m%dT%H%M%SZ}")
