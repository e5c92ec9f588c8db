"""The registry restarted, killed, restored from an older backup; a counter upgraded; clocks off.

Each test runs a real registry process on SQLite and on PostgreSQL. Backups are real copies of
the database: the registry's own `admin backup` / `admin restore` on SQLite, a database made
from the original as a template on PostgreSQL. After a restore the counters must notice (by the
new epoch, or by the registry no longer holding what it acknowledged), push their retention
window again and converge: every operation applied exactly once, document numbers unique.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from clerk.catalog import DEMO_CATALOGUE, load_catalogue
from clerk.ports import DeviceIdentity, OpState
from clerk.scans import ScanFolder
from clerk.services import install_catalogue
from clerk.store import Credentials, migrations, open_store
from sync.client import Offline, RegistryClient
from sync.engine import Report, SyncEngine
from tests.integration.sync.harness import (
    ROOT,
    Counter,
    RegistryProcess,
    check_invariants,
    local_cases,
    local_ops,
)
from tests.integration.sync.scenarios import (
    CHANGES,
    PUSH,
    Holdings,
    assert_exactly_once,
    attempt,
    hall_time,
    note_cursors,
    settle,
    sync_round,
)
from tests.support.faultproxy import DROP_RESPONSE, REORDER, FaultProxy

MakeCounter = Callable[..., Counter]


def admin(registry: RegistryProcess, *arguments: str) -> str:
    """Run `python -m registry admin …` on the registry's database; its output.

    Raises:
        AssertionError: the command failed.
    """
    command = [sys.executable, "-m", "registry", "admin", *arguments]
    command += ["--database-url", registry.database_url]
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, f"{arguments}: {done.stdout}{done.stderr}"
    return done.stdout


class Backups:
    """Real copies of a stopped registry's database, and putting one back."""

    def __init__(self, registry: RegistryProcess, folder: Path) -> None:
        self.registry, self.folder = registry, folder
        self.url = make_url(registry.database_url)
        self.made: list[str] = []

    @property
    def on_postgres(self) -> bool:
        """Whether the registry runs on PostgreSQL."""
        return self.url.get_backend_name() == "postgresql"

    def take(self) -> str:
        """Copy the database (the registry must be stopped); returns the copy's name."""
        name = f"backup{len(self.made)}"
        self.registry.engine.dispose()  # a template database must have no sessions
        if self.on_postgres:
            name = f"{self.url.database}_{name}"
            self._postgres(sql.SQL("CREATE DATABASE {} TEMPLATE {}"), name, self.url.database)
        else:
            assert "ok: backup written" in admin(self.registry, "backup", str(self.folder / name))
        self.made.append(name)
        return name

    def restore(self, name: str, *, new_epoch: bool) -> None:
        """Put a copy back (the registry must be stopped); with a new epoch, as documented."""
        self.registry.engine.dispose()
        if self.on_postgres:
            database = self.url.database
            self._postgres(sql.SQL("DROP DATABASE {} WITH (FORCE)"), database)
            self._postgres(sql.SQL("CREATE DATABASE {} TEMPLATE {}"), database, name)
            if new_epoch:
                assert "ok: new epoch" in admin(self.registry, "new-epoch")
        elif new_epoch:
            assert "new epoch" in admin(self.registry, "restore", str(self.folder / name))
        else:  # copied back by hand: the operator forgot the new epoch
            target = str(self.url.database)
            with (
                closing(sqlite3.connect(self.folder / name)) as source,
                closing(sqlite3.connect(target)) as copy,
            ):
                source.backup(copy)

    def drop(self) -> None:
        """Drop the PostgreSQL copies (the files of SQLite copies go with the test folder)."""
        if self.on_postgres:
            for name in self.made:
                self._postgres(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)"), name)

    def _postgres(self, statement: sql.SQL, *names: str | None) -> None:
        with psycopg.connect(
            host=self.url.host,
            port=self.url.port,
            user=self.url.username,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(statement.format(*(sql.Identifier(str(n)) for n in names)))


@pytest.fixture
def backups(registry: RegistryProcess, tmp_path: Path) -> Iterator[Backups]:
    """Backups of the registry's database, dropped at the end."""
    made = Backups(registry, tmp_path)
    yield made
    made.drop()


def work(counters: list[Counter], first: int, *, cases: int = 1) -> None:
    """Each counter opens and accepts `cases` cases, stamped with the hall's current time."""
    for k, counter in enumerate(counters):
        for n in range(cases):
            counter.open_and_accept(first + 10 * k + n, when=hall_time())


def test_a_registry_stopped_or_killed_between_and_during_rounds_loses_nothing(
    registry: RegistryProcess, make_counter: MakeCounter
) -> None:
    with FaultProxy("127.0.0.1", registry.port) as proxy:
        w01, w02 = make_counter("W01", url=proxy.url), make_counter("W02")
        both = [w01, w02]
        work(both, 0)
        settle(both)

        stopped_between_push_and_pull(registry, w01, proxy)
        work(both, 100)  # the counters go on while the registry is down
        assert [attempt(counter) for counter in both] == [None, None]
        registry.start()
        settle(both)

        killed_after_committing_a_push_whose_answer_was_lost(registry, w01, proxy)
        settle(both)
    check_invariants(registry, both)
    assert_exactly_once(registry, both)


def stopped_between_push_and_pull(
    registry: RegistryProcess, counter: Counter, proxy: FaultProxy
) -> None:
    """Stop the registry while a round waits for its first page: the push stays, the cursor too."""
    work([counter], 300)
    pending = {op for op, state in local_ops(counter) if state == OpState.PENDING.value}
    proxy.inject(REORDER, path_prefix=CHANGES)
    with ThreadPoolExecutor(max_workers=1) as pool:
        round_in_flight = pool.submit(counter.engine.run_once)
        assert proxy.wait_until_held(1), "the pull was not held"
        registry.stop()
        proxy.set_down(True)  # the held request fails as the stopped registry would fail it
        with pytest.raises(Offline):
            round_in_flight.result(timeout=30)
        proxy.set_down(False)
    note_cursors(counter)
    assert pending <= set(Holdings.of(registry).ops), "the push committed before the stop"


def killed_after_committing_a_push_whose_answer_was_lost(
    registry: RegistryProcess, counter: Counter, proxy: FaultProxy
) -> None:
    """Kill -9 once the push committed: it survives the kill and the retry is a duplicate."""
    work([counter], 200)
    proxy.inject(DROP_RESPONSE, path_prefix=PUSH)
    assert attempt(counter) is None
    registry.kill()
    registry.start()
    report = sync_round(counter)
    assert (report.applied, report.duplicates) == (0, 3)


def test_a_registry_restored_from_an_older_backup_gets_every_operation_again(
    registry: RegistryProcess, make_counter: MakeCounter, backups: Backups
) -> None:
    counters = [make_counter(code) for code in ("W01", "W02")]
    work(counters, 0)
    settle(counters)
    registry.stop()
    backup = backups.take()
    at_backup = {op for counter in counters for op, _ in local_ops(counter)}
    registry.start()
    work(counters, 100, cases=2)
    settle(counters)
    epoch = counters[0].store.ledger().server_epoch()
    everything = {op for counter in counters for op, _ in local_ops(counter)}

    registry.stop()
    backups.restore(backup, new_epoch=True)
    registry.start()

    assert set(Holdings.of(registry).ops) == at_backup, "the registry went back to the backup"
    first = sync_round(counters[0])
    assert first.repushed == len(local_ops(counters[0])), "the retention window went again"
    settle(counters)
    for counter in counters:
        assert counter.store.ledger().server_epoch() != epoch
    assert set(Holdings.of(registry).ops) == everything
    check_invariants(registry, counters)
    assert_exactly_once(registry, counters)


def test_a_restore_without_a_new_epoch_is_noticed_by_the_counters(
    registry: RegistryProcess, make_counter: MakeCounter, backups: Backups
) -> None:
    w01, w02, w03 = counters = [make_counter(code) for code in ("W01", "W02", "W03")]
    work(counters, 0)
    settle(counters)
    registry.stop()
    backup = backups.take()
    registry.start()
    work(counters, 100)
    settle(counters)
    epoch = w01.store.ledger().server_epoch()

    registry.stop()
    backups.restore(backup, new_epoch=False)
    registry.start()

    # W03 stays away for now: what it did after the backup is missing from the feed meanwhile.
    assert rewinding_round(w01).repushed == 3
    later = w02.open_and_accept(200, when=hall_time())
    assert rewinding_round(w02).repushed == 3
    sync_round(w01)
    assert later in local_cases(w01), "W01 sees the case W02 opened after the restore"
    assert rewinding_round(w03).repushed == 3
    settle(counters)
    assert {counter.store.ledger().server_epoch() for counter in counters} == {epoch}
    check_invariants(registry, counters)
    assert_exactly_once(registry, counters)


def rewinding_round(counter: Counter) -> Report:
    """The first round after the registry lost what it had answered: cursors start over."""
    report = counter.engine.run_once()
    counter.cursors_seen.clear()  # the registry's history restarted below them: nothing to keep
    note_cursors(counter)
    return report


def test_a_counter_upgraded_with_a_full_outbox_delivers_it_exactly_once(
    registry: RegistryProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    version_1, path = tmp_path / "v1.db", tmp_path / "W01" / "counter.db"
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "STEPS", migrations.STEPS[:1])
        open_store(version_1).close()
    with closing(RegistryClient(registry.url, timeout=(2.0, 10.0))) as client:
        enrolment = client.enrol(registry.enrolment_code("W01"))
        identity = DeviceIdentity(
            enrolment.device_id, enrolment.hall, enrolment.counter, enrolment.device_epoch
        )
        offline_work_of_an_old_version(path, identity, cases=100, version_1=version_1)
        assert schema(path) == schema(version_1), "the store is what version 1 wrote"

        with open_store(path) as store:  # the new version: migrates, keeps a copy first
            latest = migrations.latest_version()
            assert store.health().schema_version == latest
            kept = path.with_name(f"counter.db.pre-v{latest}.bak")
            assert schema(kept) == schema(version_1), "the old store was kept as it was"
            with closing(sqlite3.connect(kept)) as copy:
                assert copy.execute("SELECT count(*) FROM outbox").fetchone() == (300,)
            assert store.health().pending == 300
            credentials = Credentials(registry.url, enrolment.token)
            store.ledger().save_credentials(credentials, epoch=enrolment.epoch)
            client.token = enrolment.token
            counter = Counter("W01", store, client, ScanFolder(path.parent / "scans"))
            counter.engine = SyncEngine(store, client, scans=counter.scans, batch_ops=128)

            report = sync_round(counter)

            assert (report.pushed, report.applied) == (300, 300)
            assert sync_round(counter).pushed == 0
            check_invariants(registry, [counter])
            assert_exactly_once(registry, [counter])


def offline_work_of_an_old_version(
    path: Path, identity: DeviceIdentity, *, cases: int, version_1: Path
) -> None:
    """Leave at `path` the store of a counter at schema version 1 with `cases` cases unsent.

    Today's code writes the latest version only, so the work is done at that version and the
    store is then taken back to the store at `version_1`: what later steps added (sync state,
    print queue, …) is dropped, a version-1 counter had none of it. A dropped column must hold
    nothing (the counter never synchronised).
    """
    path.parent.mkdir(parents=True)
    store = open_store(path, device=identity)
    install_catalogue(store.unit_of_work(), load_catalogue(DEMO_CATALOGUE))
    old = Counter("W01", store, RegistryClient("http://127.0.0.1:9"), ScanFolder(path.parent))
    try:
        for n in range(cases):
            old.open_and_accept(n, when=hall_time())
    finally:
        old.close()
    _, wanted = schema(version_1)
    kept = {(kind, name) for kind, name, _, _ in wanted}
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        for kind, name, _, text in sorted(schema(path)[1], key=lambda o: o[0] != "trigger"):
            if (kind, name) not in kept and text is not None:  # autoindexes go with their table
                connection.execute(f"DROP {kind.upper()} IF EXISTS {name}")
        for kind, table, _, _ in wanted:
            if kind == "table":
                _drop_columns_added_later(connection, table, version_1)
        connection.execute("PRAGMA user_version = 1")


def _drop_columns_added_later(connection: sqlite3.Connection, table: str, version_1: Path) -> None:
    with closing(sqlite3.connect(version_1)) as reference:
        wanted = {row[1] for row in reference.execute(f"PRAGMA table_info({table})")}
    for row in connection.execute(f"PRAGMA table_info({table})").fetchall():
        if row[1] not in wanted:
            filled = f"SELECT count(*) FROM {table} WHERE {row[1]} IS NOT NULL"
            assert connection.execute(filled).fetchone() == (0,), f"{table}.{row[1]} holds data"
            connection.execute(f"ALTER TABLE {table} DROP COLUMN {row[1]}")


def schema(path: Path) -> tuple[int, list[tuple[str, ...]]]:
    """A store's schema version and every table, index and trigger with its SQL."""
    with closing(sqlite3.connect(path)) as connection:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        objects = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    return int(version), objects


def skewed(shift: timedelta) -> Callable[[], datetime]:
    """A counter clock `shift` off the true time."""

    def clock() -> datetime:
        return datetime.now(UTC) + shift

    return clock


def test_counters_whose_clocks_are_ten_minutes_off_sync_and_see_the_offset(
    registry: RegistryProcess, make_counter: MakeCounter
) -> None:
    ahead, behind = counters = [make_counter("W01"), make_counter("W02")]
    for n, (counter, shift) in enumerate(((ahead, 10), (behind, -10))):
        off = timedelta(minutes=shift)
        counter.engine = SyncEngine(
            counter.store, counter.client, scans=counter.scans, clock=skewed(off)
        )
        counter.open_and_accept(n, when=hall_time(off))

    offsets = [sync_round(counter).clock_offset_seconds for counter in counters]

    assert offsets == [pytest.approx(-600, abs=30), pytest.approx(600, abs=30)]
    settle(counters)
    check_invariants(registry, counters)
    assert_exactly_once(registry, counters)
