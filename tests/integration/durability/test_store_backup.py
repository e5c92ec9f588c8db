"""The counter store's backup and restore: `python main.py --backup PATH` / `--restore PATH`.

A backup is taken while a counter process commits case after case, and must be a consistent
store; a restore must refuse a store in use, and the restored store must take a new epoch, so
that no number issued after the backup can be issued again; a restored counter then converges
with a real registry process.
"""

from __future__ import annotations

import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import text

from clerk import services
from clerk.audit import verify_chain
from clerk.catalog import Catalogue
from clerk.errors import RuleViolation
from clerk.services import install_catalogue
from clerk.staff import Actor, Role
from clerk.store import Store, StoreError, open_store, uuid7
from clerk.store.backup import StoreInUse, backup_store, restore_store
from tests.integration.conftest import DEVICE
from tests.integration.sync.harness import (
    BUSINESS,
    COMPLETE,
    Counter,
    RegistryProcess,
    at,
    check_invariants,
    local_cases,
    person,
)
from tests.integration.sync.scenarios import Holdings, hall_time, settle
from tests.integration.test_crash import check_whole

ROOT = Path(__file__).resolve().parents[3]
BACKUPS = 3


def clerk_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    """Run `python main.py …` (no window: backup and restore only)."""
    return subprocess.run(
        [sys.executable, "main.py", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def numbers(store: Store) -> set[str]:
    """Every document number the store holds."""
    with store.engine.connect() as db:
        return {str(row[0]) for row in db.execute(text("SELECT number FROM documents"))}


def check_backup(path: Path, scratch: Path) -> set[str]:
    """A backup is a whole store: every action whole, chain intact; returns its numbers."""
    copy = scratch / path.name
    shutil.copyfile(path, copy)  # opening a store may write to it; the backup stays as taken
    with open_store(copy) as store:
        assert check_whole(store, {}) > 0, "the backup holds no case"
        with store.engine.connect() as db:
            assert db.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        with store.unit_of_work() as uow:
            assert verify_chain(uow.audit.chain(DEVICE.device_id)).ok
        return numbers(store)


class Writer:
    """A counter process committing case after case (`tests.integration.crash_writer`).

    Its reports are read as they come, on a thread, and stamped: a report written while the
    test was busy (taking a backup) is not mistaken for an action committed afterwards.
    """

    def __init__(self, store: Path) -> None:
        command = [sys.executable, "-m", "tests.integration.crash_writer", str(store)]
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"
        self._reports: queue.Queue[tuple[float, str]] = queue.Queue()
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._reports.put((time.monotonic(), line))

    def wait_for(self, actions: int) -> None:
        """Return once `actions` more actions were committed from now on."""
        since, seen = time.monotonic(), 0
        while seen < actions:
            at, line = self._reports.get(timeout=60)
            assert line.startswith("done "), line
            seen += at >= since

    def kill(self) -> None:
        """Kill -9 (the test only needs it gone)."""
        self.process.send_signal(signal.SIGKILL)
        self.process.communicate()


@pytest.fixture
def data_dir(tmp_path: Path, demo_catalogue: Catalogue) -> Path:
    """A counter's data folder holding its registered store."""
    folder = tmp_path / "counter"
    folder.mkdir()
    with open_store(folder / "counter.db", device=DEVICE) as store:
        install_catalogue(store.unit_of_work(), demo_catalogue)
    return folder


@pytest.mark.slow
def test_backups_taken_while_a_counter_writes_restore_under_a_new_epoch(
    data_dir: Path, tmp_path: Path
) -> None:
    live, scratch = data_dir / "counter.db", tmp_path / "scratch"
    scratch.mkdir()
    writer = Writer(live)
    taken = []
    try:
        for n in range(BACKUPS):
            writer.wait_for(6)
            target = tmp_path / f"backup-{n}.db"
            done = clerk_cli("--data-dir", str(data_dir), "--backup", str(target))
            assert done.returncode == 0, done.stdout + done.stderr
            assert "ok: backup written" in done.stdout
            taken.append(check_backup(target, scratch))
        refused = clerk_cli("--data-dir", str(data_dir), "--restore", str(tmp_path / "backup-0.db"))
        assert (refused.returncode, refused.stdout.split(":")[0]) == (1, "refused")
        assert "in use" in refused.stdout
        writer.wait_for(3)  # the refused restore left the counter working
    finally:
        writer.kill()
    assert taken[0] < taken[1] < taken[2], "each backup holds more than the one before"
    with open_store(live) as store:
        issued = numbers(store)  # everything the counter issued, the backups' numbers included
    assert taken[-1] < issued

    done = clerk_cli("--data-dir", str(data_dir), "--restore", str(tmp_path / "backup-0.db"))

    assert (done.returncode, done.stdout) == (
        0,
        f"ok: restored from {tmp_path / 'backup-0.db'}; new epoch 2\n",
    )
    with open_store(live) as store:
        assert store.device.epoch == 2
        assert numbers(store) == taken[0], "the store is the backup again"
        check_whole(store, {})
        after = accept_cases(store, 5) - taken[0]
    assert len(after) == 5
    assert after.isdisjoint(issued), "a number issued after the backup was issued again"
    assert all(number.startswith("SF01-W05-2-") for number in after)


def accept_cases(store: Store, count: int) -> set[str]:
    """Open, complete and accept `count` cases; returns every number the store then holds."""
    clerk = Actor("c001", "王小明", Role.CLERK)
    for n in range(count):
        now = at(hall_time())
        case_id = services.open_case(
            store.unit_of_work(), case_id=uuid7(), item_code=BUSINESS, situation=None,
            applicant=person(n), actor=clerk, now=now,
        ).case.case_id  # fmt: skip
        services.record_materials(
            store.unit_of_work(), case_id=case_id, records=COMPLETE, actor=clerk, now=now
        )
        services.accept(store.unit_of_work(), case_id=case_id, actor=clerk, now=now)
    return numbers(store)


def work(counter: Counter, first: int, cases: int) -> set[str]:
    """Open and accept cases; returns their ids."""
    return {counter.open_and_accept(first + n, when=hall_time()) for n in range(cases)}


def test_a_restored_counter_converges_with_the_registry_and_reuses_no_number(
    registry: RegistryProcess, tmp_path: Path
) -> None:
    counter = Counter.enrolled(registry, "W01", tmp_path / "W01")
    path = counter.store.path
    try:
        work(counter, 0, 2)
        settle([counter])
        backup = backup_store(path, tmp_path / "W01.backup")  # online: the store is open
        later = work(counter, 10, 3)
        settle([counter])
        with pytest.raises(StoreInUse):
            restore_store(backup.path, path)
    finally:
        counter.close()
    before = Holdings.of(registry).documents
    restored = restore_store(backup.path, path)
    assert restored.epoch == backup.device.epoch + 1

    counter = Counter.reopened("W01", path)
    try:
        settle([counter])
        assert later <= set(local_cases(counter)), "what was done after the backup came back"
        work(counter, 20, 3)
        settle([counter])
        check_invariants(registry, [counter])
        with counter.store.engine.connect() as db:
            rejected = db.execute(text("SELECT count(*) FROM outbox WHERE state = 'rejected'"))
            assert rejected.scalar() == 0
    finally:
        counter.close()
    after = Holdings.of(registry).documents
    assert len(after) == len(before) + 3, "three new numbers, none refused as taken"


def test_a_restore_refuses_another_counters_backup_a_low_epoch_and_a_damaged_store(
    data_dir: Path, tmp_path: Path, demo_catalogue: Catalogue
) -> None:
    live = data_dir / "counter.db"
    other = replace(DEVICE, device_id="0192f0c0-0000-7000-8000-000000000002", counter="W06")
    with open_store(tmp_path / "other.db", device=other) as store:
        install_catalogue(store.unit_of_work(), demo_catalogue)
    foreign = backup_store(tmp_path / "other.db", tmp_path / "other.backup")
    own = backup_store(live, tmp_path / "own.backup")
    with open_store(live) as store:
        store.new_epoch(5)  # re-registered after the backup was taken

    with pytest.raises(RuleViolation, match="belongs to counter SF01-W06"):
        restore_store(foreign.path, live)
    with pytest.raises(RuleViolation, match="not above 5"):
        restore_store(own.path, live, epoch=5)
    assert restore_store(own.path, live).epoch == 6, "above the live store's epoch"
    assert restore_store(own.path, live, epoch=9).epoch == 9

    live.write_bytes(b"not a database, whatever the disk did" * 200)
    with pytest.raises(StoreError, match="cannot be read"):
        restore_store(own.path, live)
    assert restore_store(own.path, tmp_path / "new" / "counter.db").epoch == 2
