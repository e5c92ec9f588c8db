"""The registry's `admin backup` while it serves pushes, and `admin restore`, on both databases.

SQLite through its online backup API, PostgreSQL through pg_dump/pg_restore. The backup is
taken while a counter pushes case after case; restored, it must be whole (every case's
version counts exactly its applied operations, one audit entry each) and carry a new epoch,
so that the counters push again what the backup missed and everything converges.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter as Tally
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from registry.schema import AUDIT, CASES, OPS
from tests.integration.sync.harness import ROOT, Counter, RegistryProcess, check_invariants
from tests.integration.sync.scenarios import (
    Holdings,
    assert_exactly_once,
    hall_time,
    settle,
    sync_round,
)

MakeCounter = Callable[[str], Counter]


@pytest.fixture(params=("sqlite", "postgresql"))
def registry(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RegistryProcess]:
    """A running registry with hall SF01, on a SQLite file or a new PostgreSQL database."""
    url = f"sqlite:///{tmp_path / 'registry.sqlite'}"
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_url")
    process = RegistryProcess(url, tmp_path)
    process.setup_hall()
    process.start()
    yield process
    process.close()


@pytest.fixture
def make_counter(registry: RegistryProcess, tmp_path: Path) -> Iterator[MakeCounter]:
    """Makes enrolled counters (closed at the end)."""
    made: list[Counter] = []

    def make(code: str) -> Counter:
        made.append(Counter.enrolled(registry, code, tmp_path / code))
        return made[-1]

    yield make
    for counter in made:
        counter.close()


def admin(registry: RegistryProcess, *arguments: str) -> str:
    """Run `python -m registry admin …` on the registry's database; returns its output."""
    command = [sys.executable, "-m", "registry", "admin", *arguments]
    done = subprocess.run(
        [*command, "--database-url", registry.database_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, f"{arguments}: {done.stdout}{done.stderr}"
    return done.stdout


class Pusher(threading.Thread):
    """A counter accepting a case and pushing it, round after round, until stopped."""

    def __init__(self, counter: Counter) -> None:
        super().__init__(daemon=True)
        self.counter, self.rounds = counter, 0
        self.stopping, self.progress = threading.Event(), threading.Condition()
        self.error: BaseException | None = None

    def run(self) -> None:
        """Work and push until stopped (an error ends the loop and is kept)."""
        try:
            while not self.stopping.is_set():
                self.counter.open_and_accept(1000 + self.rounds, when=hall_time())
                sync_round(self.counter)
                with self.progress:
                    self.rounds += 1
                    self.progress.notify_all()
        except BaseException as error:  # handed to the test's thread
            self.error = error
            with self.progress:
                self.progress.notify_all()

    def wait_rounds(self, more: int) -> None:
        """Return once `more` rounds were pushed from now."""
        with self.progress:
            goal = self.rounds + more
            assert self.progress.wait_for(lambda: self.rounds >= goal or self.error, timeout=60)
        assert self.error is None, self.error


def assert_whole(registry: RegistryProcess) -> int:
    """Every case's version counts its applied operations, one audit entry per operation."""
    with registry.db() as connection:
        rows = connection.execute(select(CASES.c.case_id, CASES.c.version))
        versions = {str(case_id): int(version) for case_id, version in rows}
        applied = Tally(
            connection.execute(select(OPS.c.entity_id).where(OPS.c.state == "applied")).scalars()
        )
        audits = Tally(connection.execute(select(AUDIT.c.case_id)).scalars())
    assert versions == dict(applied), "the backup holds a case without all its operations"
    assert audits == applied, "the backup holds operations without their audit entries"
    return sum(applied.values())


@pytest.mark.slow
def test_a_backup_taken_while_the_registry_serves_pushes_restores_whole(
    registry: RegistryProcess, make_counter: MakeCounter, tmp_path: Path
) -> None:
    w01, w02 = counters = [make_counter("W01"), make_counter("W02")]
    for n, counter in enumerate(counters):
        counter.open_and_accept(n, when=hall_time())
    settle(counters)
    before = set(Holdings.of(registry).ops)
    pusher = Pusher(w01)
    pusher.start()
    try:
        pusher.wait_rounds(2)
        assert "ok: backup written" in admin(registry, "backup", str(tmp_path / "registry.backup"))
        pusher.wait_rounds(2)
    finally:
        pusher.stopping.set()
        pusher.join(timeout=60)
    assert pusher.error is None, pusher.error
    w02.open_and_accept(50, when=hall_time())
    settle(counters)
    everything = set(Holdings.of(registry).ops)
    epoch = w01.store.ledger().server_epoch()

    registry.stop()
    registry.engine.dispose()  # pg_restore drops the tables: no session may hold them
    assert "new epoch" in admin(registry, "restore", str(tmp_path / "registry.backup"))

    held = set(Holdings.of(registry).ops)
    assert before < held < everything, "the backup holds a moment in the middle of the pushes"
    assert assert_whole(registry) == len(held)
    registry.start()
    settle(counters)
    assert all(counter.store.ledger().server_epoch() != epoch for counter in counters)
    assert set(Holdings.of(registry).ops) == everything
    check_invariants(registry, counters)
    assert_exactly_once(registry, counters)
