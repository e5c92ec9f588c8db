"""Schema migrations of the local cache, keyed by SQLite's `PRAGMA user_version`.

A counter may be upgraded with weeks of unsynchronised work in its outbox, so an upgrade must
never lose a row: each step runs in its own transaction together with its version bump (SQLite
DDL is transactional), a store that already holds a schema is first copied with the sqlite3
backup API, and a store written by a newer version is refused before anything is touched.

To add a step: write `migration_vN.py` with an `apply(connection)` function and append
`Migration(N, "…", migration_vN.apply)` to `STEPS`. Steps never change once released. A step
that rebuilds a table runs with foreign keys on; use `PRAGMA defer_foreign_keys = ON` inside it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine

from clerk.durable import sync_folder
from clerk.store import migration_v1, migration_v2, migration_v3, migration_v4
from clerk.store.errors import MigrationFailed, SchemaTooNew, StoreError

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: after it ran, `PRAGMA user_version` equals `version`."""

    version: int
    description: str
    apply: Callable[[Connection], None]


STEPS: Sequence[Migration] = (
    Migration(1, "create the schema", migration_v1.apply),
    Migration(2, "synchronisation with the registry", migration_v2.apply),
    Migration(3, "the print queue", migration_v3.apply),
    Migration(4, "the counter's own queue while offline", migration_v4.apply),
)
"""Every step in order; read at call time so that tests can inject steps."""


def latest_version() -> int:
    """The schema version this build of Window Clerk writes."""
    return _checked_steps()[-1].version


def stored_version(engine: Engine) -> int:
    """Return the store's schema version (0 for a new, empty file)."""
    with engine.connect() as connection:
        return _user_version(connection)


def migrate(engine: Engine) -> int:
    """Bring the store to the latest schema version.

    Args:
        engine: an engine of this package (`BEGIN IMMEDIATE` per transaction, pragmas set).

    Returns:
        The schema version the store is at now.

    Raises:
        SchemaTooNew: the store was written by a newer version (nothing was touched).
        MigrationFailed: a step failed; the store is at the version before that step, with
            all its data.
    """
    steps = _checked_steps()
    current, latest = stored_version(engine), steps[-1].version
    if current > latest:
        raise SchemaTooNew(
            "this store has schema version {current}, but this Window Clerk only knows versions "
            "up to {latest}: install the newer Window Clerk again; the store was left untouched",
            current=current,
            latest=latest,
        )
    missing = [step for step in steps if step.version > current]
    if missing and current > 0:
        backup_copy(engine, Path(_database_path(engine) + f".pre-v{latest}.bak"))
    for step in missing:
        _apply(engine, step)
    return latest


def _checked_steps() -> Sequence[Migration]:
    steps = STEPS
    if [step.version for step in steps] != list(range(1, len(steps) + 1)):
        raise StoreError("migration steps must be numbered 1, 2, 3 … without gaps")
    return steps


def _apply(engine: Engine, step: Migration) -> None:
    _log.info("migrating the store to version %d: %s", step.version, step.description)
    try:
        with engine.begin() as connection:
            found = _user_version(connection)
            if found != step.version - 1:
                raise StoreError(
                    "expected version {expected}, found {found}",
                    expected=step.version - 1,
                    found=found,
                )
            step.apply(connection)
            # Same transaction as the step: the version moves exactly when the step committed.
            connection.exec_driver_sql(f"PRAGMA user_version = {int(step.version)}")
    except Exception as err:
        raise MigrationFailed(
            "upgrading the store to version {version} ({description}) failed and was "
            "undone; the store stays at version {previous}: {reason}",
            version=step.version,
            description=step.description,
            previous=step.version - 1,
            reason=str(err),
        ) from err


def _user_version(connection: Connection) -> int:
    value = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
    return int(value)


def _database_path(engine: Engine) -> str:
    database = engine.url.database
    if not database or database == ":memory:":
        raise StoreError("the local store must be a file")
    return database


def backup_copy(engine: Engine, target: Path) -> Path:
    """Write a consistent copy of the store with the sqlite3 backup API.

    The copy is written next to its final name and renamed into place, so a crash leaves
    either the old backup or the complete new one.

    Args:
        engine: the store's engine.
        target: the backup file to (re)place.

    Returns:
        The backup's path.
    """
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        if not isinstance(source, sqlite3.Connection):
            raise StoreError("the store's driver is not sqlite3; cannot back it up")
        with closing(sqlite3.connect(partial)) as copy:
            source.backup(copy)
    finally:
        raw.close()
    os.replace(partial, target)
    sync_folder(target.parent)
    _log.info("backed up the store to %s", target)
    return target
