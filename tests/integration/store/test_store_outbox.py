"""The outbox on a real SQLite file: ids, client_seq, canonical payload and hash, pending order."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clerk.audit import JsonValue
from clerk.errors import InvalidInput, NotFound
from clerk.ports import OpState
from clerk.store import Store, open_store
from clerk.store.ids import uuid7_time
from tests.integration.store.conftest import DEVICE

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _fill(store: Store, count: int, *, start: datetime = AT) -> None:
    with store.unit_of_work() as uow:
        for n in range(count):
            uow.outbox.append(
                op_type="case.received",
                entity_id=f"case-{n}",
                payload={"n": n},
                at=start + timedelta(milliseconds=n),
            )
        uow.commit()


def _raw_rows(path: Path, query: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as raw:
        return raw.execute(query).fetchall()


def test_op_ids_are_unique_time_ordered_uuid7s(store: Store) -> None:
    _fill(store, 300)
    with store.unit_of_work() as uow:
        ops = uow.outbox.pending(limit=1000)
    ids = [op.op_id for op in ops]
    assert len(set(ids)) == 300
    assert ids == sorted(ids)
    # The process-wide generator never goes back, so an id may embed a later time, never earlier.
    assert uuid7_time(ids[0]) >= AT


def test_client_seq_strictly_increases_across_reopen(path: Path) -> None:
    seqs: list[int] = []
    for _ in range(3):
        with open_store(path, device=DEVICE) as store:
            _fill(store, 5)
            with store.unit_of_work() as uow:
                seqs = [op.client_seq for op in uow.outbox.pending(limit=1000)]
    assert seqs == list(range(1, 16))


def test_a_rolled_back_append_leaves_no_trace(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.outbox.append(op_type="x", entity_id="e", payload={}, at=AT)
    _fill(store, 2)
    with store.unit_of_work() as uow:
        assert [op.client_seq for op in uow.outbox.pending()] == [1, 2]


def test_payload_is_stored_canonical_and_its_hash_matches(store: Store, path: Path) -> None:
    payload: dict[str, JsonValue] = {
        "z": [1, 2.5, None],
        "applicant": {"name": "张三", "phone": "13800138000"},
        "a": True,
    }
    with store.unit_of_work() as uow:
        op = uow.outbox.append(
            op_type="case.received",
            entity_id="case-1",
            payload=payload,
            at=AT,
            base_version=3,
            payload_version=2,
        )
        uow.commit()
    ((stored, digest),) = _raw_rows(path, "SELECT payload, payload_sha256 FROM outbox")
    assert isinstance(stored, str)
    assert stored == json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert "张三" in stored
    assert digest == hashlib.sha256(stored.encode("utf-8")).hexdigest() == op.payload_sha256
    with store.unit_of_work() as uow:
        (back,) = uow.outbox.pending()
    assert back == op
    assert (back.base_version, back.payload_version, back.payload) == (3, 2, payload)


def test_the_hash_does_not_depend_on_key_order(store: Store) -> None:
    with store.unit_of_work() as uow:
        one = uow.outbox.append(op_type="x", entity_id="e", payload={"a": 1, "b": 2}, at=AT)
        two = uow.outbox.append(op_type="x", entity_id="e", payload={"b": 2, "a": 1}, at=AT)
    assert one.payload_sha256 == two.payload_sha256


def test_pending_is_in_client_seq_order_and_limited(store: Store) -> None:
    # Times run backwards: the order is client_seq, never the clock.
    with store.unit_of_work() as uow:
        for n in range(10):
            uow.outbox.append(
                op_type="x", entity_id=f"e{n}", payload={}, at=AT - timedelta(minutes=n)
            )
        uow.commit()
    with store.unit_of_work() as uow:
        assert [op.entity_id for op in uow.outbox.pending(limit=4)] == ["e0", "e1", "e2", "e3"]
        assert uow.outbox.count_pending() == 10
        assert uow.repositories.outbox.oldest_pending_at() == AT - timedelta(minutes=9)


def test_answered_operations_leave_pending_but_stay(store: Store) -> None:
    _fill(store, 3)
    outbox_at = AT + timedelta(minutes=5)
    with store.unit_of_work() as uow:
        first, second, third = uow.outbox.pending()
        outbox = uow.repositories.outbox
        outbox.record_result(first.op_id, state=OpState.APPLIED, at=outbox_at)
        outbox.record_result(second.op_id, state=OpState.DUPLICATE, at=outbox_at)
        outbox.record_result(
            third.op_id, state=OpState.REJECTED, at=outbox_at, code="stale", reason="版本已变"
        )
        uow.commit()
    with store.unit_of_work() as uow:
        outbox = uow.repositories.outbox
        assert outbox.pending() == []
        assert outbox.count_pending() == 0
        assert [op.result_reason for op in outbox.needs_attention()] == ["版本已变"]
        assert outbox.get(first.op_id).state is OpState.APPLIED
        assert outbox.get(first.op_id).payload == first.payload


def test_result_recording_is_checked(store: Store) -> None:
    _fill(store, 1)
    with store.unit_of_work() as uow:
        (op,) = uow.outbox.pending()
        outbox = uow.repositories.outbox
        with pytest.raises(InvalidInput, match="not an answer"):
            outbox.record_result(op.op_id, state=OpState.PENDING, at=AT)
        with pytest.raises(InvalidInput, match="code"):
            outbox.record_result(op.op_id, state=OpState.REJECTED, at=AT)
        with pytest.raises(NotFound):
            outbox.record_result("missing", state=OpState.APPLIED, at=AT)
        with pytest.raises(NotFound):
            outbox.get("missing")


def test_an_operations_content_cannot_be_changed_by_raw_sql(store: Store, path: Path) -> None:
    _fill(store, 1)
    with closing(sqlite3.connect(path)) as raw:
        with pytest.raises(sqlite3.IntegrityError, match="keeps its content"):
            raw.execute("UPDATE outbox SET payload = '{}'")
        raw.execute("UPDATE outbox SET state = 'applied'")
        raw.commit()


@pytest.mark.parametrize(
    ("payload", "at"),
    [
        ({"x": float("nan")}, AT),
        ({"x": object()}, AT),
        ({"x": 1}, datetime(2026, 3, 2, 9, 0)),
    ],
)
def test_bad_payloads_and_naive_times_are_refused(
    store: Store, payload: dict[str, object], at: datetime
) -> None:
    with store.unit_of_work() as uow, pytest.raises(InvalidInput):
        uow.outbox.append(op_type="x", entity_id="e", payload=payload, at=at)  # type: ignore[arg-type]
