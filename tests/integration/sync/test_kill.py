"""A counter process killed (-9) at random points while it works and syncs: nothing lost or doubled.

A counter process (counter_worker.py) opens, records and accepts cases on a real store and runs
sync rounds against the real registry, reporting each committed action and each finished round.
It is killed with SIGKILL after a random delay, timed to land in a sync round, in a local write
or while the store opens, and a new one starts on the same store, again and again (the worker
forks them from one process that imported everything once, so a cycle takes a fraction of a
second); the registry is restarted (and once killed -9) in between. Then one clean sync, and
SYNC.md's invariants: every committed operation applied exactly once, document numbers unique,
the counter converged with the registry, cursors never moved back, and every action a counter
reported is at the registry.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from clerk.ports import OpState
from clerk.scans import ScanFolder
from clerk.store import open_store
from clerk.wire import GLOBAL_SPACE, hall_space
from registry.schema import DOCUMENTS, OPS
from sync.client import RegistryClient
from tests.integration.sync.harness import (
    ROOT,
    Counter,
    RegistryProcess,
    check_invariants,
    local_ops,
)

KILLS = 50 if os.environ.get("CI") else 12
WATCHDOG_SECONDS = 60.0
"""A counter silent this long is stuck: the worker is killed and the test fails."""
WRITE_DELAY = 0.006
SYNC_DELAY = 0.08
OPEN_DELAY = 0.05


@dataclass
class Reports:
    """What the workers said, across every run: committed actions, finished rounds, kills."""

    done: set[tuple[str, str]] = field(default_factory=set)
    cursors: list[tuple[str, int, int]] = field(default_factory=list)
    landed: dict[str, int] = field(default_factory=dict)

    def read(self, lines: list[str]) -> None:
        """Take in one run's lines; note what the worker was doing when it was killed."""
        for line in lines:
            word, *rest = line.split()
            if word == "done":
                self.done.add((rest[0], rest[1]))
            elif word == "synced":
                self.cursors.append((rest[0], int(rest[1]), int(rest[2])))
        last = lines[-1].split()[0] if lines else "start"
        where = {"write": "write", "sync": "sync", "started": "open"}.get(last, "between")
        self.landed[where] = self.landed.get(where, 0) + 1

    def check_cursors(self) -> None:
        """The cursors every finished round left never moved back (within one epoch)."""
        for before, after in zip(self.cursors, self.cursors[1:], strict=False):
            if before[0] == after[0]:
                assert after[1] >= before[1], f"the global cursor moved back: {before} → {after}"
                assert after[2] >= before[2], f"the hall's cursor moved back: {before} → {after}"


class Workers:
    """The counter_worker process: it forks a counter process per run and kills it on demand."""

    def __init__(self, path: Path, url: str, log: Path) -> None:
        command = [sys.executable, "-m", "tests.integration.sync.counter_worker", str(path), url]
        with log.open("a") as stderr:
            self.process = subprocess.Popen(
                command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr
            )
        self.log = log
        self.lines: list[str] = []

    def start(self, run: int) -> None:
        """Fork a counter for run `run`; returns once it runs (before it opens the store)."""
        self.lines = []
        self._send(f"run {run}")
        self.wait_for("started")

    def wait_for(self, marker: str, count: int = 1) -> None:
        """Read the counter's lines until `count` of them started with `marker`."""
        assert self.process.stdout is not None
        seen = 0
        with self._watchdog():
            while seen < count:
                line = self.process.stdout.readline().decode().strip()
                assert line, f"the worker ended: {self.log_tail()}"
                assert line != "crashed", f"the counter failed: {self.log_tail()}"
                self.lines.append(line)
                seen += line.startswith(marker)

    def kill(self) -> list[str]:
        """Have the counter killed -9; returns every line it wrote."""
        self._send("kill")
        self.wait_for("ended")
        *lines, ended = self.lines
        assert ended.split()[2] == str(-signal.SIGKILL), f"{ended}: {self.log_tail()}"
        return lines

    def close(self) -> None:
        """End the worker (it kills a counter still running first) and wait for it."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        try:
            with self._watchdog():
                self.process.stdout.read()  # to its end: the worker never writes into a closed pipe
                self.process.wait()
        finally:
            self.process.stdout.close()

    def log_tail(self) -> str:
        """The end of the workers' error output."""
        return self.log.read_text(errors="replace")[-3000:]

    @contextmanager
    def _watchdog(self) -> Iterator[None]:
        """Kill the worker if the block takes longer than WATCHDOG_SECONDS (it hangs)."""
        timer = threading.Timer(WATCHDOG_SECONDS, self.process.kill)
        timer.start()
        try:
            yield
        finally:
            timer.cancel()

    def _send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{line}\n".encode())
        self.process.stdin.flush()


def kill_at_random(counters: Workers, rng: random.Random) -> None:
    """Kill in a local write, in a sync round or while the store opens, after a random delay."""
    phase = rng.choices(("write", "sync", "ready"), weights=(45, 45, 10))[0]
    if phase == "ready":
        delay = rng.uniform(0, OPEN_DELAY)
    else:
        counters.wait_for(phase, rng.randint(1, 3))
        delay = rng.uniform(0, WRITE_DELAY if phase == "write" else SYNC_DELAY)
    time.sleep(delay)


def registry_events(kills: int) -> dict[int, Callable[[RegistryProcess], None]]:
    """In which runs the registry goes down (stopped twice, killed -9 once) and comes back."""
    return {
        kills // 4: RegistryProcess.stop,
        kills // 2: RegistryProcess.kill,
        3 * kills // 4: RegistryProcess.stop,
    }


@contextmanager
def workers(path: Path, url: str, log: Path) -> Iterator[Workers]:
    """The counter_worker process, ended (with any counter it still runs) whatever happens."""
    started = Workers(path, url, log)
    try:
        yield started
    finally:
        started.close()


def run_kills(registry: RegistryProcess, path: Path, log: Path, *, kills: int) -> Reports:
    """Run `kills` counters on the store one after the other, each killed -9 at random."""
    rng = random.Random(20260302)
    reports = Reports()
    events = registry_events(kills)
    with workers(path, registry.url, log) as counters:
        for run in range(kills):
            counters.start(run)
            if run in events:
                counters.wait_for("sync")
                events[run](registry)
                registry.start()
            kill_at_random(counters, rng)
            reports.read(counters.kill())
    return reports


def reopen(registry: RegistryProcess, folder: Path, reports: Reports) -> Counter:
    """The killed counter's store, opened here, remembering the cursors the workers reported."""
    store = open_store(folder / "counter.db")
    credentials = store.ledger().credentials()
    assert credentials is not None
    client = RegistryClient(registry.url, token=credentials.token, timeout=(2.0, 5.0))
    counter = Counter("W01", store, client, ScanFolder(folder / "scans"))
    hall = hall_space(store.device.hall)
    for epoch, global_cursor, hall_cursor in reports.cursors:
        counter.cursors_seen[(epoch, GLOBAL_SPACE)] = global_cursor
        counter.cursors_seen[(epoch, hall)] = hall_cursor
    return counter


def check_reported(registry: RegistryProcess, counter: Counter, reports: Reports) -> None:
    """Every reported action is applied there, nothing else is, and the documents are the same."""
    device = counter.store.device.device_id
    with registry.db() as connection:
        rows = connection.execute(
            select(OPS.c.op_id, OPS.c.entity_id, OPS.c.op_type, OPS.c.state).where(
                OPS.c.device_id == device
            )
        ).all()
        numbers = connection.execute(
            select(DOCUMENTS.c.number).where(DOCUMENTS.c.device_id == device)
        ).scalars()
        documents = sorted(numbers)
    states = {(row.entity_id, row.op_type): row.state for row in rows}
    missing = [action for action in reports.done if states.get(action) != OpState.APPLIED.value]
    assert missing == [], f"reported as committed but not applied at the registry: {missing}"
    local = local_ops(counter)
    assert sorted(row.op_id for row in rows) == sorted(op_id for op_id, _ in local)
    assert {row.state for row in rows} == {OpState.APPLIED.value}, "an operation was refused"
    with counter.store.engine.connect() as connection:
        held = connection.exec_driver_sql("SELECT number FROM documents ORDER BY number")
        assert [row[0] for row in held] == documents, "documents differ from the registry's"


def test_a_counter_killed_at_random_points_loses_and_doubles_nothing(
    registry: RegistryProcess, tmp_path: Path
) -> None:
    folder = tmp_path / "W01"
    Counter.enrolled(registry, "W01", folder).close()
    reports = run_kills(registry, folder / "counter.db", tmp_path / "worker.log", kills=KILLS)
    reports.check_cursors()
    counter = reopen(registry, folder, reports)
    try:
        counter.sync()
        counter.sync()
        check_invariants(registry, [counter])
        check_reported(registry, counter, reports)
    finally:
        counter.close()
    assert len(reports.done) >= KILLS, "the workers hardly got anything done between kills"
    assert reports.cursors, "no sync round ever finished"
    assert reports.landed.get("sync", 0) > 0, f"no kill landed in a sync round: {reports.landed}"
    assert reports.landed.get("write", 0) > 0, f"no kill landed in a write: {reports.landed}"
