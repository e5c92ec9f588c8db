"""Read-only units of work, refused writes and cached reference data on a real SQLite file."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from clerk import services
from clerk.audit import AuditEntry, seal
from clerk.catalog import Catalogue
from clerk.errors import RuleViolation
from clerk.ports import CaseRecord, UnitOfWork
from clerk.services.core import calendar_of
from clerk.store import Store, StoreError
from clerk.workdays import CalendarOverride
from tests.integration.store.conftest import DEVICE

AT = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _case(n: int) -> CaseRecord:
    return CaseRecord(
        case_id=f"case-{n}",
        number=f"SF01-2026-{n:06d}",
        status="received",
        item_code="11330100000105001000-01",
        item_version=3,
        applicant_name="张三",
        applicant_id_number="110105194912310021",
        applicant_phone="13800138000",
        received_at=AT,
        updated_at=AT,
        version=1,
        data={"n": n},
    )


def _add(store: Store, *records: CaseRecord) -> None:
    with store.unit_of_work() as uow:
        for record in records:
            uow.cases.add(record)
        uow.commit()


def _append(uow: UnitOfWork, entity: str = "case-1") -> None:
    uow.outbox.append(op_type="case.received", entity_id=entity, payload={"n": 1}, at=AT)


# -- read-only units of work ----------------------------------------------------------------


def test_a_read_only_unit_of_work_reads_and_refuses_to_commit(store: Store) -> None:
    _add(store, _case(1))
    with store.unit_of_work(read_only=True) as uow:
        assert uow.device == DEVICE
        assert uow.cases.get("case-1") == _case(1)
        assert [c.case_id for c in uow.cases.search(number=_case(1).number)] == ["case-1"]
        with pytest.raises(StoreError, match="read-only"):
            uow.commit()


def test_a_read_only_unit_of_work_cannot_write(store: Store) -> None:
    with store.unit_of_work(read_only=True) as uow:
        with pytest.raises(StoreError, match="read-only"):
            _append(uow)
        with pytest.raises(StoreError, match="read-only"):
            uow.cases.add(_case(1))
    with store.unit_of_work(read_only=True) as uow:
        assert uow.outbox.count_pending() == 0
        assert uow.cases.by_number(_case(1).number) is None


def test_a_read_only_unit_of_work_does_not_wait_for_a_writer(store: Store) -> None:
    _add(store, _case(1))
    with store.unit_of_work() as writer:
        writer.cases.add(_case(2))
        # The writer holds the lock; a reader enters at once and sees the last commit only.
        with store.unit_of_work(read_only=True) as reader:
            assert [c.case_id for c in reader.cases.search()] == ["case-1"]
        writer.commit()


def test_a_writer_commits_while_a_read_only_unit_of_work_is_open(store: Store) -> None:
    _add(store, _case(1))
    with store.unit_of_work(read_only=True) as reader:
        assert len(reader.cases.search()) == 1
        _add(store, _case(2))  # not blocked by the reader
        assert len(reader.cases.search()) == 1  # the reader keeps its snapshot
    with store.unit_of_work(read_only=True) as reader:
        assert len(reader.cases.search()) == 2


def test_a_read_only_unit_of_work_leaves_the_raw_file_writable(store: Store, path: Path) -> None:
    raw_writer = closing(sqlite3.connect(path, timeout=0.05))
    with store.unit_of_work(read_only=True) as uow, raw_writer as raw:
        assert uow.calendar.complete_years() == []
        raw.execute("INSERT INTO calendar_years (year) VALUES (2030)")  # no lock held
        raw.commit()


def test_the_read_only_use_cases_run_on_a_read_only_unit_of_work(
    store: Store, demo_catalogue: Catalogue
) -> None:
    services.install_catalogue(store.unit_of_work(), demo_catalogue)
    assert services.list_items(store.unit_of_work(read_only=True))
    assert services.search_cases(store.unit_of_work(read_only=True), name_prefix="张") == ()
    assert services.case_documents(store.unit_of_work(read_only=True), case_id="case-1") == ()
    assert services.verify_audit(store.unit_of_work(read_only=True)).ok


# -- refused writes -------------------------------------------------------------------------


def test_a_write_refused_by_a_constraint_refuses_the_whole_action(store: Store) -> None:
    # A STRICT column refuses a text version: the unit of work then cannot commit the rest.
    broken = dataclasses.replace(_case(1), item_version="three")  # type: ignore[arg-type]
    with store.unit_of_work() as uow:
        _append(uow)
        with pytest.raises(RuleViolation, match="was not stored"):
            uow.cases.add(broken)
        with pytest.raises(RuleViolation, match="was not stored"):
            uow.commit()
    with store.unit_of_work(read_only=True) as uow:
        assert uow.outbox.count_pending() == 0
        assert uow.cases.search() == []


def test_a_refused_update_leaves_the_case_as_it_was(store: Store) -> None:
    _add(store, _case(1))
    broken = dataclasses.replace(_case(1), version=2, item_version="x")  # type: ignore[arg-type]
    with store.unit_of_work() as uow, pytest.raises(RuleViolation, match="not updated"):
        uow.cases.update(broken, expected_version=1)
    with store.unit_of_work(read_only=True) as uow:
        assert uow.cases.get("case-1") == _case(1)


def test_a_compare_and_set_update_is_seen_in_the_same_unit_of_work(store: Store) -> None:
    _add(store, _case(1))
    with store.unit_of_work() as uow:
        first = uow.cases.get("case-1")
        uow.cases.update(
            dataclasses.replace(first, version=2, status="accepted"), expected_version=1
        )
        assert uow.cases.get("case-1").status == "accepted"
        with pytest.raises(RuleViolation, match="changed meanwhile"):
            uow.cases.update(dataclasses.replace(first, version=2), expected_version=1)


# -- cached reference data ------------------------------------------------------------------


def test_an_item_version_delivered_again_is_read_with_its_new_content(
    store: Store, demo_catalogue: Catalogue
) -> None:
    item = demo_catalogue.items[0]
    services.install_catalogue(store.unit_of_work(), demo_catalogue)
    with store.unit_of_work(read_only=True) as uow:
        assert uow.catalogue.item(item.code, item.version) == item
        assert uow.catalogue.item(item.code) is uow.catalogue.item(item.code)  # parsed once
    renamed = dataclasses.replace(item, name=item.name + "（更正）")
    corrected = dataclasses.replace(
        demo_catalogue, version="2026.9", items=(renamed, *demo_catalogue.items[1:])
    )
    services.install_catalogue(store.unit_of_work(), corrected)
    with store.unit_of_work(read_only=True) as uow:
        assert uow.catalogue.item(item.code, item.version).name == renamed.name
        current = uow.catalogue.current()
        assert current is not None
        assert current.version == "2026.9"


def test_the_hall_calendar_follows_a_new_delivery(store: Store) -> None:
    holiday = CalendarOverride(date(2030, 3, 4), False, "local holiday")  # a Monday
    with store.unit_of_work() as uow:
        uow.calendar.replace([holiday], [2030])
        uow.commit()
    with store.unit_of_work(read_only=True) as uow:
        hall = calendar_of(uow)
        assert not hall.is_workday(holiday.day)
        assert hall is calendar_of(uow)  # derived once, then cached
    with store.unit_of_work() as uow:
        uow.calendar.replace([], [2030])
        uow.commit()
    with store.unit_of_work(read_only=True) as uow:
        assert calendar_of(uow).is_workday(holiday.day)
        assert uow.calendar.complete_years() == [2030]


# -- what a unit of work remembers lasts one transaction -----------------------------------


def _sealed(previous: AuditEntry | None, n: int) -> AuditEntry:
    return seal(previous, chain=DEVICE.device_id, at=AT, actor="c001", action=f"step.{n}")


def _raw_append(path: Path, entry: AuditEntry) -> None:
    with closing(sqlite3.connect(path, timeout=0.05)) as raw:
        raw.execute(
            "INSERT INTO audit_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.chain,
                entry.seq,
                entry.at.isoformat(),
                entry.actor,
                entry.action,
                None,
                entry.prev_hash,
                entry.hash,
                "{}",
            ),
        )
        raw.commit()


def test_the_audit_check_rereads_the_chain_after_a_commit(store: Store, path: Path) -> None:
    first = _sealed(None, 1)
    with store.unit_of_work() as uow:
        uow.audit.append(first)
        uow.commit()
        _raw_append(path, _sealed(first, 2))  # another writer, between two transactions
        with pytest.raises(RuleViolation, match="does not follow"):
            uow.audit.append(_sealed(first, 3))
        uow.audit.append(_sealed(uow.audit.last(DEVICE.device_id), 3))
        uow.commit()
    with store.unit_of_work(read_only=True) as uow:
        assert [e.seq for e in uow.audit.chain(DEVICE.device_id)] == [1, 2, 3]


def test_the_calendar_is_read_again_after_a_commit(store: Store, path: Path) -> None:
    holiday = CalendarOverride(date(2030, 3, 4), False, "local holiday")
    with store.unit_of_work() as uow:
        assert uow.calendar.overrides() == []
        uow.commit()
        with closing(sqlite3.connect(path, timeout=0.05)) as raw:
            raw.execute("INSERT INTO calendar_overrides VALUES ('2030-03-04', 0, 'local holiday')")
            raw.execute("INSERT INTO calendar_years VALUES (2030)")
            raw.commit()
        assert uow.calendar.overrides() == [holiday]
        assert uow.calendar.complete_years() == [2030]
        uow.calendar.replace([], [])
        assert uow.calendar.overrides() == []
        assert uow.calendar.complete_years() == []
