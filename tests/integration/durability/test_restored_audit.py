"""A counter restored from a backup seals its audit trail onto a new chain (one per epoch).

The backup still holds operations the registry received later from the live store: the restored
counter pushes them again, and the registry answers them as duplicates by op_id; its new work
goes on its epoch's chain from sequence 1, linked to the last entry of the chain before, so the
registry holds both chains whole, and a tampered link is named in the audit export.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update

from clerk import services
from clerk.audit import LINK, chain_id
from clerk.ports import OpState
from clerk.store.backup import backup_store, restore_store
from registry.cases import audit_trail
from registry.schema import AUDIT
from tests.integration.sync.harness import (
    Counter,
    RegistryProcess,
    check_invariants,
    local_ops,
)
from tests.integration.sync.scenarios import hall_time, settle

ENTRIES_PER_CASE = 3  # opened, materials recorded, accepted


def work(counter: Counter, first: int, cases: int) -> list[str]:
    """Open and accept cases; returns their ids."""
    return [counter.open_and_accept(first + n, when=hall_time()) for n in range(cases)]


def test_a_restored_counter_re_pushes_once_and_seals_a_new_linked_chain(
    registry: RegistryProcess, tmp_path: Path
) -> None:
    counter = Counter.enrolled(registry, "W01", tmp_path / "W01")
    path, device_id = counter.store.path, counter.store.device.device_id
    try:
        work(counter, 0, 2)
        settle([counter])
        work(counter, 10, 2)  # not pushed yet when the backup is taken
        backup = backup_store(path, tmp_path / "W01.backup")
        settle([counter])
        work(counter, 20, 2)
        settle([counter])
    finally:
        counter.close()
    restore_store(backup.path, path)

    counter = Counter.reopened("W01", path)
    try:
        unsent = {op for op, state in local_ops(counter) if state == OpState.PENDING.value}
        settle([counter])
        new_cases = work(counter, 30, 2)
        settle([counter])
        check_invariants(registry, [counter])
        states = dict(local_ops(counter))
        check = services.verify_audit(counter.store.unit_of_work(read_only=True))
    finally:
        counter.close()

    assert len(unsent) == 2 * ENTRIES_PER_CASE
    assert {states[op] for op in unsent} == {OpState.DUPLICATE.value}, "applied once, earlier"
    assert set(states.values()) <= {OpState.APPLIED.value, OpState.DUPLICATE.value}
    assert (check.ok, check.chains, check.checked) == (True, 2, 6 * ENTRIES_PER_CASE)
    later = chain_id(device_id, 2)
    with registry.db() as connection:
        held = connection.execute(select(AUDIT.c.chain, AUDIT.c.seq, AUDIT.c.hash)).all()
        chains = {(row.chain, row.seq): row.hash for row in held}
        first = connection.execute(
            select(AUDIT.c.detail).where(AUDIT.c.chain == later, AUDIT.c.seq == 1)
        ).scalar_one()
        assert [audit_trail(connection, case_id)[1] for case_id in new_cases] == [[], []]
    assert sorted(seq for chain, seq in chains if chain == device_id) == list(range(1, 19))
    assert sorted(seq for chain, seq in chains if chain == later) == list(range(1, 7))
    linked = 4 * ENTRIES_PER_CASE  # the backup's last entry
    assert f'"{LINK}":{{"chain":"{device_id}","hash":"{chains[device_id, linked]}"' in first

    with registry.db() as connection:  # someone alters the entry the new chain continues from
        connection.execute(
            update(AUDIT)
            .where(AUDIT.c.chain == device_id, AUDIT.c.seq == linked)
            .values(hash="f" * 64)
        )
        problems = audit_trail(connection, new_cases[0])[1]
    assert problems == [
        f"chain {later} breaks at entry 1: it continues entry {linked} of chain {device_id}, "
        "which differs from the one held"
    ]
