"""Applying a counter's pushed operations exactly once (SYNC.md, Operations).

A batch is one transaction under its hall's space lock. Every operation gets its own result:
applied, duplicate (an op_id applied before) or rejected with a code (again, for an op_id
rejected before); a rejection never stops the others. What an operation carries: the case as
the counter holds it after the action, the intent, the sealed audit entry and the documents it
printed.

Case writes are compare-and-set: an operation based on an older registry version is applied
only when every later version came from the same counter's own operations; otherwise the case
changed elsewhere (back office, another counter) and the intent is rejected as stale, for a
person to look at, and the registry's copy is sent back to the counter with the next pull.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from clerk.audit import AuditEntry, device_of_chain, entry_from_json, is_sealed
from clerk.cases import CaseStatus, can_reach
from clerk.errors import ClerkError, InvalidInput
from clerk.wire import (
    PROTOCOL_VERSION,
    Operation,
    OpResult,
    ResultState,
    canonical_json,
    hall_space,
    sha256_text,
)
from registry import ratings
from registry.acting import staff_problem
from registry.auth import Device
from registry.changes import Changes, case_change
from registry.db import lock_space, stamp
from registry.errors import Invalid
from registry.schema import AUDIT, CASE_BLOBS, CASES, DOCUMENTS, OPS

_log = logging.getLogger(__name__)


class Rejected(Exception):
    """An operation the registry refuses, with a stable code and a reason for a person."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def check_hashes(ops: Sequence[Operation]) -> None:
    """Refuse a batch in which a payload does not match its SHA-256 (nothing is applied).

    Raises:
        Invalid: naming the first operation whose payload was damaged.
    """
    for op in ops:
        try:
            text = canonical_json(op.payload)
        except InvalidInput as err:
            raise Invalid(f"operation {op.op_id}: {err}") from None
        if sha256_text(text) != op.payload_sha256:
            raise Invalid(
                f"operation {op.op_id}: the payload does not match its SHA-256 "
                f"(damaged in transit?); nothing in this batch was applied"
            )


class _Batch:
    """The state of one push while it is applied: what exists, what will be written."""

    def __init__(self, connection: Connection, device: Device, ops: Sequence[Operation]) -> None:
        self.connection, self.device = connection, device
        self.cases = _load_cases(connection, {op.entity_id for op in ops})
        self.numbers_taken = _taken_numbers(connection, ops)
        self.case_numbers = _taken_case_numbers(connection, ops)
        self.audit = _load_audit(connection, device.device_id, ops)  # by (chain, seq)
        self.new_cases: set[str] = set()
        self.touched: dict[str, None] = {}
        self.rows: dict[str, list[dict[str, Any]]] = {"ops": [], "documents": [], "audit": []}
        self.scans: set[tuple[str, str]] = set()


def apply_push(
    connection: Connection, device: Device, ops: Sequence[Operation], *, now: datetime
) -> list[OpResult]:
    """Apply a batch of one counter's operations; returns one result per operation, in order."""
    changes = Changes(
        connection, hall_space(device.hall), last=lock_space(connection, hall_space(device.hall))
    )
    seen = _seen_ops(connection, [op.op_id for op in ops])
    batch = _Batch(connection, device, [op for op in ops if op.op_id not in seen])
    results = []
    for op in ops:
        if op.op_id in seen:
            results.append(_answer_again(op, seen[op.op_id]))
            continue
        result = _apply_one(batch, op)
        seen[op.op_id] = (op.payload_sha256, result)
        batch.rows["ops"].append(_op_row(op, device, result, now))
        results.append(result)
    _write(batch, changes, now)
    applied = sum(result.state is ResultState.APPLIED for result in results)
    _log.debug(
        "push from %s/%s: %d operations, %d applied", device.hall, device.counter, len(ops), applied
    )
    return results


def _answer_again(op: Operation, stored: tuple[str, OpResult]) -> OpResult:
    sha, result = stored
    if sha != op.payload_sha256:
        _log.warning("op_id %s pushed again with another payload: refused", op.op_id)
        return OpResult(
            op.op_id,
            ResultState.REJECTED,
            "op_id_reused",
            "this op_id was already used for another payload; the first one stands",
        )
    if result.state is ResultState.REJECTED:
        return result  # still a rejection: the counter whose answer was lost must list it too
    return OpResult(op.op_id, ResultState.DUPLICATE, result.code, result.reason)


def _apply_one(batch: _Batch, op: Operation) -> OpResult:
    try:
        case = _check_payload(op)
        entry = _check_audit(batch, op)
        _check_staff(batch, op, case, entry)
        documents = _check_documents(batch, op)
    except Rejected as refusal:
        return OpResult(op.op_id, ResultState.REJECTED, refusal.code, refusal.reason)
    if (entry.chain, entry.seq) not in batch.audit:
        batch.audit[entry.chain, entry.seq] = entry.hash
        batch.rows["audit"].append(_audit_row(entry))
    batch.rows["documents"].extend(documents)
    batch.numbers_taken.update(row["number"] for row in documents)
    try:
        _write_case(batch, op, case)
    except Rejected as refusal:
        if op.entity_id in batch.cases:
            batch.touched[op.entity_id] = None  # send the registry's copy back to the counter
        return OpResult(op.op_id, ResultState.REJECTED, refusal.code, refusal.reason)
    return OpResult(op.op_id, ResultState.APPLIED)


def _check_payload(op: Operation) -> dict[str, Any]:
    if op.payload_version != PROTOCOL_VERSION:
        raise Rejected(
            "unsupported_payload_version",
            f"payload version {op.payload_version} is not supported by this registry "
            f"(it applies version {PROTOCOL_VERSION}): update the registry",
        )
    case = op.payload.get("case")
    if not op.op_type.startswith("case.") or not isinstance(case, dict):
        raise Rejected("malformed_payload", f"{op.op_type}: the operation carries no case")
    if case.get("case_id") != op.entity_id or not isinstance(case.get("number"), str):
        raise Rejected("malformed_payload", f"{op.op_type}: the case does not match entity_id")
    try:
        CaseStatus(str(case.get("status")))
    except ValueError:
        raise Rejected("malformed_payload", f"unknown case status {case.get('status')!r}") from None
    return case


def _check_audit(batch: _Batch, op: Operation) -> AuditEntry:
    raw = op.payload.get("audit")
    try:
        entry = entry_from_json(raw if isinstance(raw, dict) else {})
    except InvalidInput as err:
        raise Rejected("audit_invalid", str(err)) from None
    if device_of_chain(entry.chain) != batch.device.device_id or not is_sealed(entry):
        raise Rejected("audit_invalid", "the audit entry is not sealed by this counter's chain")
    known = batch.audit.get((entry.chain, entry.seq))
    if known is not None and known != entry.hash:
        raise Rejected("audit_conflict", f"audit entry {entry.seq} differs from the one held")
    previous = batch.audit.get((entry.chain, entry.seq - 1))
    if previous is not None and previous != entry.prev_hash:
        raise Rejected(
            "audit_chain_broken", f"audit entry {entry.seq} does not follow its predecessor"
        )
    return entry


def _check_staff(batch: _Batch, op: Operation, case: dict[str, Any], entry: AuditEntry) -> None:
    hall = batch.device.hall
    problem = staff_problem(batch.connection, hall=hall, op_type=op.op_type, case=case, entry=entry)
    if problem is not None:
        raise Rejected(*problem)


def _check_documents(batch: _Batch, op: Operation) -> list[dict[str, Any]]:
    raw = op.payload.get("documents", [])
    prefix = f"{batch.device.hall}-{batch.device.counter}-"
    rows = []
    for document in raw if isinstance(raw, list) else [None]:
        if not isinstance(document, dict) or not isinstance(document.get("number"), str):
            raise Rejected("malformed_payload", "a document has no number")
        number = document["number"]
        if not number.startswith(prefix):
            raise Rejected("foreign_number", f"document {number} was not numbered by this counter")
        if number in batch.numbers_taken:
            raise Rejected("document_number_taken", f"document number {number} is already used")
        rows.append(_document_row(document, op, batch.device))
    return rows


def _write_case(batch: _Batch, op: Operation, case: dict[str, Any]) -> None:
    current = batch.cases.get(op.entity_id)
    case = _settle_rating(batch, op, current, case)
    if current is None:
        if op.base_version is not None:
            raise Rejected("unknown_case", f"case {op.entity_id} is not known to the registry")
        _new_case(batch, op, case)
        return
    try:
        _check_case(batch, op, current, case)
    except Rejected as refusal:
        if refusal.code != "stale" or op.op_type not in ratings.RATING_INTENTS:
            raise
        case = _settle_rating(batch, op, current, case, onto_stored=True)
    writer = batch.device.device_id
    run_base = current["run_base"] if current["last_writer"] == writer else current["version"]
    current.update(
        status=case["status"],
        version=current["version"] + 1,
        last_writer=writer,
        run_base=run_base,
        data=canonical_json(case),
    )
    batch.touched[op.entity_id] = None
    _note_scans(batch, op.entity_id, case)


def _settle_rating(
    batch: _Batch,
    op: Operation,
    current: dict[str, Any] | None,
    case: dict[str, Any],
    *,
    onto_stored: bool = False,
) -> dict[str, Any]:
    """The case with its rating checked (`registry.ratings`); stale rating intents are merged."""
    stored = None if current is None else current["data"]
    try:
        if onto_stored and stored is not None:
            return ratings.onto(stored, case)
        return ratings.settle(batch.connection, batch.device, op, stored=stored, case=case)
    except ClerkError as err:
        raise Rejected("rating_refused", str(err)) from None


def _check_case(
    batch: _Batch, op: Operation, current: dict[str, Any], case: dict[str, Any]
) -> None:
    if current["hall"] != batch.device.hall:
        raise Rejected("wrong_hall", f"case {current['number']} belongs to hall {current['hall']}")
    base = 0 if op.base_version is None else op.base_version
    own_run = current["last_writer"] == batch.device.device_id and current["run_base"] <= base
    if current["version"] != base and not own_run:
        raise Rejected(
            "stale",
            f"case {current['number']} changed at the registry since this action was based on it "
            f"(now {current['status']}, version {current['version']}): look at it again",
        )
    if not can_reach(CaseStatus(current["status"]), CaseStatus(case["status"])):
        raise Rejected(
            "status_backwards",
            f"case {current['number']} is {current['status']} at the registry; "
            f"it cannot become {case['status']}",
        )
    if case["number"] != current["number"]:
        raise Rejected("malformed_payload", "a case's number never changes")


def _new_case(batch: _Batch, op: Operation, case: dict[str, Any]) -> None:
    number = case["number"]
    if number in batch.case_numbers:
        raise Rejected("case_number_taken", f"case number {number} is already used")
    batch.case_numbers.add(number)
    batch.cases[op.entity_id] = {
        "case_id": op.entity_id,
        "hall": batch.device.hall,
        "number": number,
        "owner": batch.device.device_id,
        "status": case["status"],
        "version": 1,
        "last_writer": batch.device.device_id,
        "run_base": 0,
        "data": canonical_json(case),
    }
    batch.new_cases.add(op.entity_id)
    batch.touched[op.entity_id] = None
    _note_scans(batch, op.entity_id, case)


def _note_scans(batch: _Batch, case_id: str, case: dict[str, Any]) -> None:
    for scan in case.get("scans") or ():
        if isinstance(scan, dict) and isinstance(scan.get("sha256"), str):
            batch.scans.add((case_id, scan["sha256"]))


def _write(batch: _Batch, changes: Changes, now: datetime) -> None:
    connection, at = batch.connection, stamp(now)
    for table, key in ((OPS, "ops"), (DOCUMENTS, "documents"), (AUDIT, "audit")):
        if batch.rows[key]:
            connection.execute(insert(table), batch.rows[key])
    new = [dict(batch.cases[case_id], updated_at=at) for case_id in batch.new_cases]
    if new:
        connection.execute(insert(CASES), new)
    updated = []
    for case_id in batch.touched:
        row = batch.cases[case_id]
        if case_id not in batch.new_cases:
            updated.append(_case_update(row, at))
        changes.add(case_change(row))
    if updated:  # one statement for the batch: on PostgreSQL, not one round trip per case
        connection.execute(_UPDATE_CASE, updated)
    _write_scans(connection, batch.scans)
    changes.commit(at)


_UPDATE_CASE = (
    update(CASES)
    .where(CASES.c.case_id == bindparam("case"))
    .values(
        status=bindparam("new_status"),
        version=bindparam("new_version"),
        last_writer=bindparam("new_last_writer"),
        run_base=bindparam("new_run_base"),
        data=bindparam("new_data"),
        updated_at=bindparam("new_updated_at"),
    )
)


def _case_update(row: dict[str, Any], at: str) -> dict[str, Any]:
    return {
        "case": row["case_id"],
        "new_status": row["status"],
        "new_version": row["version"],
        "new_last_writer": row["last_writer"],
        "new_run_base": row["run_base"],
        "new_data": row["data"],
        "new_updated_at": at,
    }


def _write_scans(connection: Connection, scans: set[tuple[str, str]]) -> None:
    if not scans:
        return
    pairs = sorted(scans)
    held = {
        (row.case_id, row.sha256)
        for row in connection.execute(
            select(CASE_BLOBS).where(CASE_BLOBS.c.case_id.in_({case for case, _ in pairs}))
        )
    }
    fresh = [{"case_id": case, "sha256": sha} for case, sha in pairs if (case, sha) not in held]
    if fresh:
        connection.execute(insert(CASE_BLOBS), fresh)


def _seen_ops(connection: Connection, op_ids: list[str]) -> dict[str, tuple[str, OpResult]]:
    query = select(OPS.c.op_id, OPS.c.payload_sha256, OPS.c.state, OPS.c.code, OPS.c.reason)
    if not op_ids:
        return {}
    rows = connection.execute(query.where(OPS.c.op_id.in_(op_ids)))
    return {
        row.op_id: (
            row.payload_sha256,
            OpResult(row.op_id, ResultState(row.state), row.code, row.reason),
        )
        for row in rows
    }


def _load_cases(connection: Connection, case_ids: set[str]) -> dict[str, dict[str, Any]]:
    if not case_ids:
        return {}
    rows = connection.execute(select(CASES).where(CASES.c.case_id.in_(case_ids))).mappings()
    return {row["case_id"]: dict(row) for row in rows}


def _taken_case_numbers(connection: Connection, ops: Sequence[Operation]) -> set[str]:
    wanted = {
        case["number"]
        for case in (op.payload.get("case") for op in ops)
        if isinstance(case, dict) and isinstance(case.get("number"), str)
    }
    if not wanted:
        return set()
    query = select(CASES.c.number).where(CASES.c.number.in_(wanted))
    return set(connection.execute(query).scalars())


def _taken_numbers(connection: Connection, ops: Sequence[Operation]) -> set[str]:
    wanted: set[str] = set()
    for op in ops:
        for document in op.payload.get("documents") or ():
            if isinstance(document, dict) and isinstance(document.get("number"), str):
                wanted.add(document["number"])
    if not wanted:
        return set()
    query = select(DOCUMENTS.c.number).where(DOCUMENTS.c.number.in_(wanted))
    return set(connection.execute(query).scalars())


def _load_audit(
    connection: Connection, device_id: str, ops: Sequence[Operation]
) -> dict[tuple[str, int], str]:
    """The hashes held of the entries the batch seals and of those they follow, by (chain, seq).

    Only the device's own chains (one per epoch) are read: an entry on another chain is refused.
    """
    wanted: set[tuple[str, int]] = set()
    for op in ops:
        audit = op.payload.get("audit")
        if not isinstance(audit, dict) or not isinstance(audit.get("seq"), int):
            continue
        chain = audit.get("chain")
        if isinstance(chain, str) and device_of_chain(chain) == device_id:
            wanted.update(((chain, audit["seq"]), (chain, audit["seq"] - 1)))
    if not wanted:
        return {}
    chains, seqs = {chain for chain, _ in wanted}, {seq for _, seq in wanted}
    query = select(AUDIT.c.chain, AUDIT.c.seq, AUDIT.c.hash).where(
        AUDIT.c.chain.in_(chains), AUDIT.c.seq.in_(seqs)
    )
    return {(row.chain, row.seq): row.hash for row in connection.execute(query)}


def _op_row(op: Operation, device: Device, result: OpResult, now: datetime) -> dict[str, Any]:
    return {
        "op_id": op.op_id,
        "device_id": device.device_id,
        "client_seq": op.client_seq,
        "op_type": op.op_type[:64],
        "entity_id": op.entity_id[:64],
        "payload_sha256": op.payload_sha256,
        "state": result.state.value,
        "code": result.code,
        "reason": result.reason,
        "received_at": stamp(now),
    }


def _audit_row(entry: AuditEntry) -> dict[str, Any]:
    return {
        "chain": entry.chain,
        "seq": entry.seq,
        "case_id": entry.case_id,
        "at": stamp(entry.at),
        "actor": entry.actor,
        "action": entry.action,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
        "detail": canonical_json(entry.detail),
    }


def _document_row(document: dict[str, Any], op: Operation, device: Device) -> dict[str, Any]:
    payload = document.get("payload")
    return {
        "number": document["number"],
        "case_id": op.entity_id,
        "kind": str(document.get("kind", ""))[:32],
        "device_id": device.device_id,
        "op_id": op.op_id,
        "created_at": str(document.get("created_at", "")),
        "payload": canonical_json(payload if isinstance(payload, dict) else {}),
    }
