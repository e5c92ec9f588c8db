"""Migrations on real SQLite files: fresh stores, newer stores, failing steps, backups."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection

from clerk.store import (
    MigrationFailed,
    SchemaTooNew,
    StoreError,
    latest_version,
    migrations,
    open_store,
)
from clerk.store.migrations import Migration
from clerk.store.schema import Base
from tests.integration.store.conftest import DEVICE

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _raw(path: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(path))


def _user_version(path: Path) -> int:
    with _raw(path) as raw:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])


def _pending_ids(path: Path) -> list[str]:
    with _raw(path) as raw:
        rows = raw.execute("SELECT op_id FROM outbox WHERE state = 'pending' ORDER BY client_seq")
        return [row[0] for row in rows]


def _store_with_pending(path: Path, count: int = 25) -> list[str]:
    with open_store(path, device=DEVICE) as store, store.unit_of_work() as uow:
        for n in range(count):
            uow.outbox.append(
                op_type="case.received",
                entity_id=f"case-{n}",
                payload={"n": n, "name": "张三"},
                at=AT + timedelta(seconds=n),
            )
        uow.commit()
    return _pending_ids(path)


def _with_step(step: Migration) -> Sequence[Migration]:
    return (*migrations.STEPS, step)


def _add_note_column(connection: Connection) -> None:
    connection.exec_driver_sql("ALTER TABLE outbox ADD COLUMN note TEXT")


def _half_way_then_fail(connection: Connection) -> None:
    connection.exec_driver_sql("CREATE TABLE scans (hash TEXT PRIMARY KEY) STRICT")
    connection.exec_driver_sql("ALTER TABLE outbox ADD COLUMN note TEXT")
    connection.exec_driver_sql("UPDATE outbox SET note = 'half'")
    raise RuntimeError("disk said no")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_fresh_store_is_at_the_latest_version_without_a_backup(path: Path) -> None:
    with open_store(path, device=DEVICE) as store:
        assert store.health().schema_version == latest_version() == 4
    assert _user_version(path) == latest_version()
    assert list(path.parent.glob("*.bak")) == []


def test_the_rows_match_the_migrated_tables(path: Path) -> None:
    open_store(path).close()
    with _raw(path) as raw:
        for table in Base.metadata.sorted_tables:
            info = raw.execute(f"PRAGMA table_info({table.name})").fetchall()
            stored = {row[1]: (bool(row[3]) or bool(row[5])) for row in info}
            mapped = {column.name: not column.nullable for column in table.columns}
            assert stored == mapped, table.name


def test_reopening_an_up_to_date_store_changes_nothing(path: Path) -> None:
    pending = _store_with_pending(path)
    open_store(path).close()
    assert _pending_ids(path) == pending
    assert list(path.parent.glob("*.bak")) == []


def test_a_store_of_a_newer_version_is_refused_untouched(path: Path) -> None:
    _store_with_pending(path)
    with _raw(path) as raw:
        raw.execute(f"PRAGMA user_version = {latest_version() + 1}")
    before = _sha256(path)
    with pytest.raises(SchemaTooNew) as caught:
        open_store(path, device=DEVICE)
    message = str(caught.value)
    assert f"version {latest_version() + 1}" in message
    assert f"up to {latest_version()}" in message
    assert _sha256(path) == before
    assert _user_version(path) == latest_version() + 1


def test_a_failing_step_leaves_the_store_at_its_version_with_its_operations(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pending = _store_with_pending(path)
    new = latest_version() + 1
    failing = Migration(new, "scans", _half_way_then_fail)
    monkeypatch.setattr(migrations, "STEPS", _with_step(failing))
    with pytest.raises(MigrationFailed, match=rf"version {new}.*stays at version {new - 1}.*disk"):
        open_store(path, device=DEVICE)
    assert _user_version(path) == new - 1
    assert _pending_ids(path) == pending
    with _raw(path) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
        columns = {row[1] for row in raw.execute("PRAGMA table_info(outbox)")}
    assert "scans" not in tables
    assert "note" not in columns
    monkeypatch.undo()
    with open_store(path, device=DEVICE) as store, store.unit_of_work() as uow:
        assert [op.op_id for op in uow.outbox.pending()] == pending


def test_an_upgrade_backs_up_first_and_keeps_every_pending_operation(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pending = _store_with_pending(path)
    new = latest_version() + 1
    monkeypatch.setattr(migrations, "STEPS", _with_step(Migration(new, "notes", _add_note_column)))
    with open_store(path, device=DEVICE) as store:
        assert store.health().schema_version == new
        with store.unit_of_work() as uow:
            assert [op.op_id for op in uow.outbox.pending()] == pending
    backup = path.with_name(f"counter.db.pre-v{new}.bak")
    assert _user_version(backup) == new - 1
    assert _pending_ids(backup) == pending
    with _raw(backup) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _user_version(path) == new
    assert _pending_ids(path) == pending


def test_steps_must_be_numbered_without_gaps(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    gap = Migration(latest_version() + 2, "gap", _add_note_column)
    monkeypatch.setattr(migrations, "STEPS", _with_step(gap))
    with pytest.raises(StoreError, match="without gaps"):
        open_store(path)
