"""Audit chains at the registry: a counter's own, one per epoch; never another counter's.

Every test works in a hall of its own on a registry process shared by the module, on SQLite and
on PostgreSQL (see `halls.py`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk import services
from clerk.audit import LINK, chain_id, entry_from_json, entry_to_json, seal
from clerk.store import uuid7
from clerk.wire import Operation, ResultState, canonical_json, sha256_text
from registry.cases import audit_trail
from registry.schema import AUDIT
from sync.enrol import enrol
from tests.integration.sync.halls import BACKENDS, Hall, outbox, shared_registry
from tests.integration.sync.harness import RegistryProcess, local_ops


@pytest.fixture(scope="module", params=BACKENDS)
def live(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    """One registry for the module's tests, on each backend."""
    yield from shared_registry(request, tmp_path_factory)


@pytest.fixture
def hall(live: RegistryProcess, tmp_path: Path) -> Iterator[Hall]:
    """A fresh hall of the shared registry."""
    with Hall.opened(live, tmp_path) as opened:
        yield opened


def sealed_on(op: Operation, chain: str) -> Operation:
    """`op` under a new op_id, its audit entry sealed again as the first entry of `chain`."""
    entry = entry_from_json(op.payload["audit"])
    moved = seal(
        None,
        chain=chain,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        case_id=entry.case_id,
        detail=entry.detail,
    )
    payload = dict(op.payload, audit=entry_to_json(moved))
    return dataclasses.replace(
        op, op_id=uuid7(), payload=payload, payload_sha256=sha256_text(canonical_json(payload))
    )


@pytest.mark.parametrize("epoch", [1, 3])
def test_an_entry_sealed_on_another_counters_chain_is_refused(hall: Hall, epoch: int) -> None:
    ours, theirs = hall.counter("W01"), hall.counter("W02")
    ours.open_and_accept(1)
    foreign = chain_id(theirs.store.device.device_id, epoch)

    answer = ours.client.push([sealed_on(outbox(ours)[0], foreign)])

    assert [(result.state, result.code) for result in answer.results] == [
        (ResultState.REJECTED, "audit_invalid")
    ]
    with hall.registry.db() as connection:
        held = select(func.count()).select_from(AUDIT).where(AUDIT.c.chain == foreign)
        assert connection.scalar(held) == 0
    ours.sync()  # the counter's own work still goes through
    assert {state for _, state in local_ops(ours)} == {ResultState.APPLIED.value}


def test_a_re_enrolled_counter_carries_on_a_new_chain_linked_to_the_last(hall: Hall) -> None:
    counter = hall.counter("W01")
    device_id = counter.store.device.device_id
    counter.open_and_accept(1)
    counter.sync()
    identity = enrol(counter.store, counter.client, hall.registry.enrolment_code("W01", hall.code))
    case_id = counter.open_and_accept(2)
    counter.sync()

    later = chain_id(device_id, identity.epoch)
    assert identity.epoch == 2
    check = services.verify_audit(counter.store.unit_of_work(read_only=True))
    assert (check.ok, check.chains, check.checked) == (True, 2, 6)
    assert {state for _, state in local_ops(counter)} == {ResultState.APPLIED.value}
    with hall.registry.db() as connection:
        rows = connection.execute(
            select(AUDIT.c.chain, AUDIT.c.seq, AUDIT.c.hash, AUDIT.c.detail).where(
                AUDIT.c.chain.startswith(device_id)
            )
        ).all()
        entries, problems = audit_trail(connection, case_id)
    held = {(row.chain, row.seq): row for row in rows}
    assert sorted(held) == [(device_id, seq) for seq in (1, 2, 3)] + [
        (later, seq) for seq in (1, 2, 3)
    ]
    assert f'"{LINK}":{{"chain":"{device_id}","hash":"{held[device_id, 3].hash}","seq":3}}' in (
        held[later, 1].detail
    )
    assert ([entry.chain for entry in entries], problems) == ([later] * 3, [])
