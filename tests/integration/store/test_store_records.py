"""Append-only records on a real SQLite file: the audit chain, documents and document numbers."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from clerk.audit import AuditEntry, seal, verify_chain
from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.ports import CaseRecord, DocumentNumber, DocumentRecord
from clerk.store import Store, open_store
from tests.integration.store.conftest import DEVICE

CST = timezone(timedelta(hours=8))
AT = datetime(2026, 3, 2, 9, 0, tzinfo=CST)


def _entry(previous: AuditEntry | None, n: int, case_id: str | None = None) -> AuditEntry:
    return seal(
        previous,
        chain=DEVICE.device_id,
        at=AT + timedelta(seconds=n, microseconds=n),
        actor="s-clerk",
        action="case.accepted" if n % 2 else "queue.called",
        case_id=case_id,
        detail={"n": n, "note": "一次性告知", "ratio": n / 3, "flags": [True, None]},
    )


def _case(case_id: str = "case-1") -> CaseRecord:
    return CaseRecord(
        case_id=case_id,
        number=f"SF01-{case_id}",
        status="received",
        item_code="11330100000105001000-01",
        item_version=3,
        applicant_name="张三",
        applicant_id_number="110105194912310021",
        applicant_phone="13800138000",
        received_at=AT,
        updated_at=AT,
        version=1,
        data={},
    )


def _raw_fails(path: Path, statement: str, message: str) -> None:
    with closing(sqlite3.connect(path)) as raw, pytest.raises(sqlite3.IntegrityError) as caught:
        raw.execute(statement)
    assert message in str(caught.value)


# -- audit ----------------------------------------------------------------------------------


def test_a_chain_of_100_entries_comes_back_verified(store: Store) -> None:
    previous = None
    with store.unit_of_work() as uow:
        for n in range(100):
            previous = _entry(previous, n, case_id="case-1" if n % 10 == 0 else None)
            uow.audit.append(previous)
        uow.commit()
    with store.unit_of_work() as uow:
        chain = uow.audit.chain(DEVICE.device_id)
        assert uow.audit.last(DEVICE.device_id) == chain[-1] == previous
        assert [e.seq for e in uow.audit.for_case("case-1")] == list(range(1, 101, 10))
        assert uow.audit.last("another-chain") is None
    check = verify_chain(chain)
    assert check.ok, check.reason
    assert check.checked == 100
    assert chain[0].at.utcoffset() == timedelta(hours=8)  # the sealed offset is kept


def test_the_chain_continues_across_units_of_work(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.audit.append(_entry(None, 0))
        uow.commit()
    with store.unit_of_work() as uow:
        uow.audit.append(_entry(uow.audit.last(DEVICE.device_id), 1))
        uow.commit()
    with store.unit_of_work() as uow:
        assert verify_chain(uow.audit.chain(DEVICE.device_id)).ok


def test_an_entry_that_does_not_follow_the_last_is_refused(store: Store) -> None:
    first = _entry(None, 0)
    second = _entry(first, 1)
    with store.unit_of_work() as uow:
        uow.audit.append(first)
        uow.audit.append(second)
        with pytest.raises(RuleViolation, match="does not follow"):
            uow.audit.append(_entry(first, 2))  # sealed on an outdated chain
        with pytest.raises(RuleViolation, match="does not follow"):
            uow.audit.append(second)  # the same entry again
        with pytest.raises(RuleViolation, match="does not follow"):
            uow.audit.append(dataclasses.replace(_entry(second, 2), prev_hash="0" * 64))
        with pytest.raises(RuleViolation, match="hash"):
            uow.audit.append(dataclasses.replace(_entry(second, 2), actor="someone else"))
        assert len(uow.audit.chain(DEVICE.device_id)) == 2


def test_a_first_entry_must_start_the_chain(store: Store) -> None:
    with store.unit_of_work() as uow, pytest.raises(RuleViolation, match="does not follow"):
        uow.audit.append(_entry(_entry(None, 0), 1))


def test_raw_updates_and_deletes_of_audit_rows_fail(store: Store, path: Path) -> None:
    with store.unit_of_work() as uow:
        uow.audit.append(_entry(None, 0))
        uow.commit()
    _raw_fails(path, "UPDATE audit_entries SET actor = 'x'", "append-only")
    _raw_fails(path, "DELETE FROM audit_entries", "append-only")
    with store.unit_of_work() as uow:
        assert len(uow.audit.chain(DEVICE.device_id)) == 1


# -- documents ------------------------------------------------------------------------------


def _document(number: str, *, case_id: str = "case-1", minutes: int = 0) -> DocumentRecord:
    return DocumentRecord(
        number=number,
        kind="receipt",
        case_id=case_id,
        created_at=AT + timedelta(minutes=minutes),
        payload={"copies": 1, "title": "受理回执"},
    )


def test_documents_are_stored_and_listed_oldest_first(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.cases.add(_case())
        uow.documents.add(_document("SF01-W05-1-2026-000002", minutes=5))
        uow.documents.add(_document("SF01-W05-1-2026-000001"))
        uow.commit()
    with store.unit_of_work() as uow:
        listed = uow.documents.for_case("case-1")
        assert [d.number for d in listed] == ["SF01-W05-1-2026-000001", "SF01-W05-1-2026-000002"]
        assert uow.documents.get("SF01-W05-1-2026-000001") == _document("SF01-W05-1-2026-000001")
        with pytest.raises(NotFound):
            uow.documents.get("SF01-W05-1-2026-000003")
        assert uow.documents.for_case("case-2") == []


def test_a_document_number_is_issued_once(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.cases.add(_case())
        uow.documents.add(_document("SF01-W05-1-2026-000001"))
        with pytest.raises(RuleViolation, match="already issued"):
            uow.documents.add(_document("SF01-W05-1-2026-000001", minutes=1))


def test_a_document_needs_its_case(store: Store) -> None:
    with store.unit_of_work() as uow, pytest.raises(NotFound, match="case-9"):
        uow.documents.add(_document("SF01-W05-1-2026-000001", case_id="case-9"))


def test_raw_updates_and_deletes_of_documents_fail(store: Store, path: Path) -> None:
    with store.unit_of_work() as uow:
        uow.cases.add(_case())
        uow.documents.add(_document("SF01-W05-1-2026-000001"))
        uow.commit()
    _raw_fails(path, "UPDATE documents SET kind = 'notice'", "append-only")
    _raw_fails(path, "DELETE FROM documents", "append-only")
    _raw_fails(path, "DELETE FROM cases", "never deleted")


# -- numbers --------------------------------------------------------------------------------


def _allocate(store: Store, count: int, year: int = 2026) -> list[DocumentNumber]:
    with store.unit_of_work() as uow:
        numbers = [uow.numbers.next(year) for _ in range(count)]
        uow.commit()
    return numbers


def test_1000_numbers_never_repeat_and_count_up(store: Store) -> None:
    numbers = _allocate(store, 1000)
    assert len(set(numbers)) == 1000
    assert [n.seq for n in numbers] == list(range(1, 1001))
    assert str(numbers[0]) == "SF01-W05-1-2026-000001"
    assert DocumentNumber.parse(str(numbers[-1])) == numbers[-1]


def test_each_year_has_its_own_sequence(store: Store) -> None:
    with store.unit_of_work() as uow:
        assert str(uow.numbers.next(2026)) == "SF01-W05-1-2026-000001"
        assert str(uow.numbers.next(2027)) == "SF01-W05-1-2027-000001"
        assert str(uow.numbers.next(2026)) == "SF01-W05-1-2026-000002"
        with pytest.raises(InvalidInput):
            uow.numbers.next(26)


def test_numbers_continue_across_reopen_and_new_epochs(path: Path) -> None:
    issued: list[str] = []
    for _ in range(3):
        with open_store(path, device=DEVICE) as store:
            issued += [str(n) for n in _allocate(store, 100)]
            store.new_epoch()
            issued += [str(n) for n in _allocate(store, 100)]
    assert len(issued) == len(set(issued)) == 600
    # After a reopen an epoch continues where it stopped; a new epoch starts at 1.
    assert issued[200] == "SF01-W05-2-2026-000101"
    assert issued[-1] == "SF01-W05-4-2026-000100"
    assert {DocumentNumber.parse(n).epoch for n in issued} == {1, 2, 3, 4}


def test_a_rolled_back_number_is_simply_not_used(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.numbers.next(2026)  # rolled back: gaps are allowed, repeats never
    kept = _allocate(store, 2)
    assert [n.seq for n in kept] == [1, 2]
    with store.unit_of_work() as uow:
        uow.numbers.next(2026)
        uow.commit()
    assert _allocate(store, 1)[0].seq == 4


def test_a_naive_document_time_is_refused(store: Store) -> None:
    naive = dataclasses.replace(
        _document("SF01-W05-1-2026-000001"),
        created_at=datetime(2026, 3, 2, 9, 0),
    )
    with store.unit_of_work() as uow:
        uow.cases.add(_case())
        with pytest.raises(InvalidInput, match="timezone-aware"):
            uow.documents.add(naive)


def test_document_times_come_back_as_the_same_instant(store: Store) -> None:
    with store.unit_of_work() as uow:
        uow.cases.add(_case())
        uow.documents.add(_document("SF01-W05-1-2026-000001"))
        uow.commit()
    with store.unit_of_work() as uow:
        back = uow.documents.get("SF01-W05-1-2026-000001").created_at
    assert back == AT
    assert back.tzinfo is UTC
