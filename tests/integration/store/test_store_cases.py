"""Cases on a real SQLite file: add, get, compare-and-set update and search."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import event

from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.ports import CaseRecord
from clerk.store import Store, open_store
from tests.integration.store.conftest import DEVICE

CST = timezone(timedelta(hours=8))
AT = datetime(2026, 3, 2, 9, 0, tzinfo=CST)


def _case(
    n: int,
    *,
    name: str = "张三",
    id_number: str = "110105194912310021",
    phone: str = "13800138000",
) -> CaseRecord:
    return CaseRecord(
        case_id=f"case-{n}",
        number=f"SF01-2026-{n:06d}",
        status="received",
        item_code="11330100000105001000-01",
        item_version=3,
        applicant_name=name,
        applicant_id_number=id_number,
        applicant_phone=phone,
        received_at=AT + timedelta(minutes=n),
        updated_at=AT + timedelta(minutes=n),
        version=1,
        data={"materials": [{"code": "form", "present": True}], "note": "容缺受理", "n": n},
    )


def _add(store: Store, *cases: CaseRecord) -> None:
    with store.unit_of_work() as uow:
        for case in cases:
            uow.cases.add(case)
        uow.commit()


@pytest.fixture
def hall(store: Store) -> Store:
    _add(
        store,
        _case(1, name="张三"),
        _case(2, name="李四", id_number="110105195001010010", phone="13900139000"),
        _case(3, name="张三丰", phone="13900139000"),
        _case(4, name="张", id_number="110105195001010010"),
        _case(5, name="王五", phone="13700137000"),
        _case(6, name="Zhang San"),
    )
    return store


def _ids(found: object) -> list[str]:
    assert isinstance(found, list)
    return [case.case_id for case in found]


def test_a_case_comes_back_equal_after_reopen(path: Path) -> None:
    with open_store(path, device=DEVICE) as store:
        _add(store, _case(1))
    with open_store(path) as store, store.unit_of_work() as uow:
        back = uow.cases.get("case-1")
        assert back == _case(1)
        assert back.received_at.tzinfo is UTC  # same instant, stored sortable in UTC
        assert uow.cases.by_number("SF01-2026-000001") == back
        assert uow.cases.by_number("SF01-2026-000099") is None


def test_get_of_a_missing_case_is_not_found(store: Store) -> None:
    with store.unit_of_work() as uow, pytest.raises(NotFound, match="case-9"):
        uow.cases.get("case-9")


def test_a_case_id_or_number_is_used_once(store: Store) -> None:
    _add(store, _case(1))
    with store.unit_of_work() as uow:
        with pytest.raises(RuleViolation, match="already exists"):
            uow.cases.add(_case(1))
        with pytest.raises(RuleViolation, match="already used"):
            uow.cases.add(dataclasses.replace(_case(2), number=_case(1).number))


def test_update_with_the_expected_version_replaces_the_case(store: Store) -> None:
    _add(store, _case(1))
    changed = dataclasses.replace(
        _case(1), status="accepted", version=2, data={"accepted": True}, applicant_name="张叁"
    )
    with store.unit_of_work() as uow:
        uow.cases.update(changed, expected_version=1)
        uow.commit()
    with store.unit_of_work() as uow:
        assert uow.cases.get("case-1") == changed
        assert _ids(uow.cases.search(name_prefix="张叁")) == ["case-1"]


def test_update_of_a_case_changed_meanwhile_is_refused(store: Store) -> None:
    _add(store, _case(1))
    with store.unit_of_work() as uow:
        uow.cases.update(dataclasses.replace(_case(1), version=2), expected_version=1)
        uow.commit()
    with store.unit_of_work() as uow:
        stale = dataclasses.replace(_case(1), status="accepted", version=2)
        with pytest.raises(RuleViolation, match="changed meanwhile"):
            uow.cases.update(stale, expected_version=1)


def test_update_is_checked(store: Store) -> None:
    _add(store, _case(1))
    with store.unit_of_work() as uow:
        with pytest.raises(NotFound):
            uow.cases.update(_case(9), expected_version=1)
        with pytest.raises(InvalidInput, match="grow"):
            uow.cases.update(_case(1), expected_version=1)
        renumbered = dataclasses.replace(_case(1), number="OTHER", version=2)
        with pytest.raises(RuleViolation, match="cannot change"):
            uow.cases.update(renumbered, expected_version=1)


def test_search_by_each_criterion_newest_first(hall: Store) -> None:
    with hall.unit_of_work() as uow:
        assert _ids(uow.cases.search(number="SF01-2026-000002")) == ["case-2"]
        assert _ids(uow.cases.search(id_number="110105195001010010")) == ["case-4", "case-2"]
        assert _ids(uow.cases.search(phone="13900139000")) == ["case-3", "case-2"]
        assert _ids(uow.cases.search(name_prefix="张")) == ["case-4", "case-3", "case-1"]
        assert _ids(uow.cases.search(name_prefix="张三")) == ["case-3", "case-1"]
        assert _ids(uow.cases.search(name_prefix="李")) == ["case-2"]
        assert _ids(uow.cases.search(name_prefix="Zh")) == ["case-6"]
        assert _ids(uow.cases.search(name_prefix="赵")) == []


def test_search_combines_criteria(hall: Store) -> None:
    with hall.unit_of_work() as uow:
        both = uow.cases.search(name_prefix="张", phone="13900139000")
        assert _ids(both) == ["case-3"]
        assert _ids(uow.cases.search(name_prefix="李", id_number="110105194912310021")) == []
        assert _ids(uow.cases.search(number="SF01-2026-000001", name_prefix="张")) == ["case-1"]


def test_search_limits_and_defaults_to_the_newest(hall: Store) -> None:
    with hall.unit_of_work() as uow:
        assert _ids(uow.cases.search(limit=2)) == ["case-6", "case-5"]
        assert _ids(uow.cases.search(name_prefix="张", limit=1)) == ["case-4"]
        with pytest.raises(InvalidInput):
            uow.cases.search(limit=0)


def test_newest_first_holds_across_utc_offsets(store: Store) -> None:
    # 09:30 in Beijing is earlier than 02:00 UTC: order by instant, not by the local text.
    early = dataclasses.replace(_case(1), received_at=datetime(2026, 3, 2, 9, 30, tzinfo=CST))
    late = dataclasses.replace(_case(2), received_at=datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    _add(store, early, late)
    with store.unit_of_work() as uow:
        assert _ids(uow.cases.search()) == ["case-2", "case-1"]


def _plan(path: Path, where: str) -> str:
    query = (
        f"EXPLAIN QUERY PLAN SELECT * FROM cases WHERE {where} ORDER BY received_at DESC LIMIT 50"
    )
    with closing(sqlite3.connect(path)) as raw:
        return " ".join(str(row[-1]) for row in raw.execute(query, ("x", "x\U0010ffff")))


@pytest.mark.parametrize(
    ("where", "index"),
    [
        ("number = ? AND ? IS NOT NULL", "sqlite_autoindex_cases_2"),
        ("applicant_id_number = ? AND ? IS NOT NULL", "cases_by_id_number"),
        ("applicant_phone = ? AND ? IS NOT NULL", "cases_by_phone"),
        ("applicant_name >= ? AND applicant_name < ?", "cases_by_name"),
    ],
)
def test_each_search_uses_an_index(hall: Store, path: Path, where: str, index: str) -> None:
    plan = _plan(path, where)
    assert index in plan
    assert "SCAN cases" not in plan.replace(f"USING INDEX {index}", "")


@pytest.mark.parametrize(
    "bad",
    [{"received_at": datetime(2026, 3, 2)}, {"data": {"x": float("inf")}}],
)
def test_naive_times_and_non_json_data_are_refused(store: Store, bad: dict[str, object]) -> None:
    with store.unit_of_work() as uow, pytest.raises(InvalidInput):
        uow.cases.add(dataclasses.replace(_case(1), **bad))  # type: ignore[arg-type]


def test_a_common_prefix_is_searched_newest_first_too(
    hall: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # From the bound on, the search walks the newest cases instead of the name index.
    monkeypatch.setattr("clerk.store.cases._COMMON_PREFIX", 3)
    statements: list[str] = []

    def record(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(hall.engine, "before_cursor_execute", record)
    with hall.unit_of_work() as uow:
        assert _ids(uow.cases.search(name_prefix="张")) == ["case-4", "case-3", "case-1"]
        assert _ids(uow.cases.search(name_prefix="张", limit=2)) == ["case-4", "case-3"]
        walked = [s for s in statements if "||" in s]
        assert len(walked) == 2
        assert _ids(uow.cases.search(name_prefix="张三")) == ["case-3", "case-1"]
        assert len([s for s in statements if "||" in s]) == 2
    event.remove(hall.engine, "before_cursor_execute", record)
