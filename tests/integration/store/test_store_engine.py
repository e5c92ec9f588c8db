"""The store's engine and unit of work on a real SQLite file: pragmas, locking, commit, rollback."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from clerk.errors import NotFound, RuleViolation
from clerk.ports import DeviceIdentity, OpState, UnitOfWork
from clerk.store import Store, StoreBusy, StoreError, open_store
from clerk.store.migrations import latest_version
from tests.integration.store.conftest import DEVICE

AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _raw(path: Path, timeout: float = 0.05) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(path, timeout=timeout, isolation_level=None))


def _append(uow: UnitOfWork, entity: str = "case-1") -> None:
    uow.outbox.append(op_type="case.received", entity_id=entity, payload={"n": 1}, at=AT)


def _pragma(connection: sqlite3.Connection, name: str) -> object:
    return connection.execute(f"PRAGMA {name}").fetchone()[0]


def test_pragmas_hold_on_every_pooled_connection(store: Store) -> None:
    # Raw pool connections: several at once, each must have gone through the connect listener.
    pooled = [store.engine.raw_connection() for _ in range(4)]
    try:
        for proxy in pooled:
            driver = proxy.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            assert _pragma(driver, "journal_mode") == "wal"
            assert _pragma(driver, "synchronous") == 2
            assert _pragma(driver, "foreign_keys") == 1
            assert _pragma(driver, "busy_timeout") == 200
            assert driver.isolation_level is None
        assert len({id(proxy.driver_connection) for proxy in pooled}) == 4
    finally:
        for proxy in pooled:
            proxy.close()


def test_a_unit_of_work_holds_the_write_lock_from_its_start(store: Store, path: Path) -> None:
    with store.unit_of_work(), _raw(path) as other:
        # Nothing was written yet, but the lock is taken: another writer is refused.
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("INSERT INTO calendar_years (year) VALUES (2030)")
        # Readers are not blocked (WAL).
        assert other.execute("SELECT count(*) FROM outbox").fetchone() == (0,)
    with _raw(path) as other:
        other.execute("INSERT INTO calendar_years (year) VALUES (2030)")


def test_a_second_unit_of_work_waits_then_reports_busy(store: Store) -> None:
    with store.unit_of_work():
        failure: list[BaseException] = []

        def second() -> None:
            try:
                with store.unit_of_work():
                    pass
            except StoreBusy as err:
                failure.append(err)

        thread = threading.Thread(target=second)
        thread.start()
        thread.join()
    assert len(failure) == 1
    assert "busy" in str(failure[0])


def test_leaving_without_commit_rolls_back(store: Store) -> None:
    with store.unit_of_work() as uow:
        _append(uow)
        assert uow.outbox.count_pending() == 1
    with store.unit_of_work() as uow:
        assert uow.outbox.count_pending() == 0


def test_an_exception_rolls_back(store: Store) -> None:
    def fail_after_appending() -> None:
        with store.unit_of_work() as uow:
            _append(uow)
            raise RuntimeError("printer on fire")

    with pytest.raises(RuntimeError, match="printer on fire"):
        fail_after_appending()
    with store.unit_of_work() as uow:
        assert uow.outbox.count_pending() == 0


def test_work_after_a_commit_is_rolled_back_unless_committed_again(store: Store) -> None:
    with store.unit_of_work() as uow:
        _append(uow, "case-1")
        uow.commit()
        _append(uow, "case-2")
    with store.unit_of_work() as uow:
        assert [op.entity_id for op in uow.outbox.pending()] == ["case-1"]


def test_a_commit_persists_across_reopen(path: Path) -> None:
    with open_store(path, device=DEVICE) as store, store.unit_of_work() as uow:
        _append(uow)
        uow.commit()
    with open_store(path) as store, store.unit_of_work() as uow:
        assert uow.outbox.count_pending() == 1
        assert uow.device == DEVICE


def test_a_unit_of_work_is_not_reentrant_nor_usable_outside_its_block(store: Store) -> None:
    uow = store.unit_of_work()
    with pytest.raises(StoreError, match="not entered"):
        uow.commit()
    with uow, pytest.raises(StoreError, match="already in use"):
        uow.__enter__()


def test_a_unit_of_work_belongs_to_its_thread(store: Store) -> None:
    errors: list[BaseException] = []
    with store.unit_of_work() as uow:

        def commit_elsewhere() -> None:
            try:
                uow.commit()
            except StoreError as err:
                errors.append(err)

        thread = threading.Thread(target=commit_elsewhere)
        thread.start()
        thread.join()
    assert "thread" in str(errors[0])


def test_device_is_set_at_first_open_and_checked_later(path: Path) -> None:
    with open_store(path) as store:
        with pytest.raises(NotFound, match="device identity"):
            _ = store.device
        with pytest.raises(NotFound):
            store.unit_of_work().__enter__()
    with open_store(path, device=DEVICE) as store:
        assert store.device == DEVICE
    other = DeviceIdentity("dev-other", "SF01", "W06", 1)
    with pytest.raises(RuleViolation, match="belongs to device dev-7f3a"):
        open_store(path, device=other)
    with open_store(path) as store:
        assert store.device == DEVICE


def test_a_higher_epoch_from_the_registry_is_adopted_a_lower_one_ignored(path: Path) -> None:
    with open_store(path, device=DEVICE):
        pass
    with open_store(path, device=DeviceIdentity("dev-7f3a", "SF01", "W05", 4)) as store:
        assert store.device.epoch == 4
    with open_store(path, device=DEVICE) as store:
        assert store.device.epoch == 4


def test_new_epoch_only_moves_forward(store: Store, path: Path) -> None:
    assert store.new_epoch().epoch == 2
    assert store.new_epoch(7).epoch == 7
    with pytest.raises(RuleViolation, match="not above"):
        store.new_epoch(7)
    with _raw(path) as raw, pytest.raises(sqlite3.IntegrityError, match="only moves forward"):
        raw.execute("UPDATE device SET epoch = 3")


def test_invalid_device_parts_are_refused(path: Path) -> None:
    with pytest.raises(Exception, match="upper-case letters"):
        open_store(path, device=DeviceIdentity("dev", "sf-01", "W05", 1))


def test_health_reports_pending_oldest_and_rejected(store: Store) -> None:
    assert store.health().pending == 0
    assert store.health().oldest_pending_at is None
    with store.unit_of_work() as uow:
        _append(uow, "case-1")
        _append(uow, "case-2")
        first = uow.outbox.pending()[0]
        uow.repositories.outbox.record_result(
            first.op_id, state=OpState.REJECTED, at=AT, code="stale", reason="base version 3"
        )
        uow.commit()
    health = store.health()
    assert (health.pending, health.rejected, health.schema_version) == (1, 1, latest_version())
    assert health.oldest_pending_at == AT


def test_health_reads_while_a_unit_of_work_holds_the_lock(store: Store) -> None:
    with store.unit_of_work() as uow:
        _append(uow)
        assert store.health().pending == 0  # a reader sees the last commit, and does not wait


def test_store_engine_is_file_backed(store: Store, path: Path) -> None:
    with store.engine.connect() as connection:
        files = connection.execute(text("PRAGMA database_list")).all()
    assert Path(files[0][2]) == path
