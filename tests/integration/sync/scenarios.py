"""Steps the fault and restore tests share: rounds run as the sync loop runs them, and counts.

A round that meets the unreliable network raises `Offline` or `Busy`; the loop backs off and
runs again, and so does `attempt`. Cursors are noted after every round, failed ones included:
they must never move backwards within an epoch. `assert_exactly_once` compares what each
counter did with what the registry holds, row by row.
"""

from __future__ import annotations

import time
from collections import Counter as Tally
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy import select

from clerk.audit import device_of_chain
from clerk.clock import HALL_TIMEZONE
from clerk.ports import OpState
from clerk.wire import GLOBAL_SPACE, hall_space
from registry.schema import AUDIT, CASES, DOCUMENTS, OPS
from sync.client import Busy, Offline
from sync.engine import Report
from tests.integration.sync.harness import HALL, Counter, RegistryProcess

RETRIED = (Offline, Busy)
"""What the sync loop backs off from and tries again."""
PUSH = "/api/v1/sync/push"
CHANGES = "/api/v1/sync/changes"
HALL_CHANGES = f"{CHANGES}?{urlencode({'space': hall_space(HALL)})}"
BLOBS = "/api/v1/blobs/"


def hall_time(shift: timedelta = timedelta()) -> str:
    """The hall's wall-clock time (plus `shift`), as `open_and_accept` takes it.

    Work stamped now lies inside the retention window that is pushed again after a restore.
    """
    return (datetime.now(HALL_TIMEZONE) + shift).strftime("%Y-%m-%d %H:%M")


def wait_until(condition: Callable[[], bool], *, timeout: float = 10.0, what: str = "") -> None:
    """Poll `condition` until it holds.

    Raises:
        AssertionError: it did not hold within `timeout` seconds.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or condition}")
        time.sleep(0.02)


def note_cursors(counter: Counter) -> None:
    """Assert that no pull cursor moved back since the last note (within one registry epoch)."""
    ledger = counter.store.ledger()
    epoch = ledger.server_epoch()
    for space in (GLOBAL_SPACE, hall_space(counter.store.device.hall)):
        cursor = ledger.cursor(space)
        before = counter.cursors_seen.get((epoch, space), 0)
        assert cursor >= before, f"{counter.name}: cursor of {space} moved back {before} → {cursor}"
        counter.cursors_seen[(epoch, space)] = cursor


def sync_round(counter: Counter) -> Report:
    """One round that must succeed; the cursors are checked after it."""
    report = counter.engine.run_once()
    note_cursors(counter)
    return report


def attempt(counter: Counter) -> Report | None:
    """One round as the loop runs it: None when the network or the registry failed it."""
    try:
        return sync_round(counter)
    except RETRIED:
        note_cursors(counter)
        return None


def settle(counters: Sequence[Counter], *, attempts: int = 6) -> None:
    """Run rounds until every counter completed one, twice over, so each pulls the others' work.

    Raises:
        AssertionError: a counter failed `attempts` rounds in a row.
    """
    for _ in range(2):
        for counter in counters:
            if not any(attempt(counter) is not None for _ in range(attempts)):
                raise AssertionError(f"{counter.name}: {attempts} rounds failed in a row")


@dataclass(frozen=True)
class Holdings:
    """What the registry holds: operations (op_id → device, state), versions, audit, documents."""

    ops: dict[str, tuple[str, str]]
    versions: dict[str, int]
    audit: Tally[str]
    documents: dict[str, str]

    @classmethod
    def of(cls, registry: RegistryProcess) -> Holdings:
        """Read the registry's database."""
        with registry.db() as connection:
            ops = connection.execute(select(OPS.c.op_id, OPS.c.device_id, OPS.c.state)).all()
            versions = connection.execute(select(CASES.c.case_id, CASES.c.version)).all()
            chains = connection.execute(select(AUDIT.c.chain)).scalars().all()
            documents = connection.execute(select(DOCUMENTS.c.number, DOCUMENTS.c.device_id)).all()
        return cls(
            ops={row.op_id: (row.device_id, row.state) for row in ops},
            versions={row.case_id: row.version for row in versions},
            audit=Tally(device_of_chain(chain) for chain in chains),  # every epoch's chain
            documents={row.number: row.device_id for row in documents},
        )


def holds_all(registry: RegistryProcess, op_ids: set[str]) -> bool:
    """Whether the registry holds every one of these operations."""
    return op_ids <= set(Holdings.of(registry).ops)


def local_work(counter: Counter) -> tuple[dict[str, str], set[str]]:
    """A counter's operations (op_id → case) and the numbers of the documents it printed."""
    with counter.store.engine.connect() as connection:
        ops = connection.exec_driver_sql("SELECT op_id, entity_id FROM outbox").all()
        numbers = connection.exec_driver_sql("SELECT number FROM documents").scalars().all()
    return {row[0]: row[1] for row in ops}, set(numbers)


def assert_exactly_once(registry: RegistryProcess, counters: Sequence[Counter]) -> None:
    """Assert that each counter's operations were applied once each, and nothing else was.

    The registry holds exactly the counter's op_ids, all applied; each case's version counts
    exactly its operations (one more application would have bumped it); one audit entry per
    operation; exactly the documents the counter printed.
    """
    held = Holdings.of(registry)
    for counter in counters:
        device = counter.store.device.device_id
        ops, numbers = local_work(counter)
        theirs = {op: state for op, (owner, state) in held.ops.items() if owner == device}
        assert set(theirs) == set(ops), f"{counter.name}: the registry holds other operations"
        assert set(theirs.values()) <= {OpState.APPLIED.value}, f"{counter.name}: {theirs}"
        for case_id, count in Tally(ops.values()).items():
            assert held.versions[case_id] == count, f"{counter.name}: case {case_id} versions"
        assert held.audit[device] == len(ops), f"{counter.name}: audit entries"
        printed = {number for number, owner in held.documents.items() if owner == device}
        assert printed == numbers, f"{counter.name}: documents differ"
