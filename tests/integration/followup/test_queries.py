"""Follow-up queries on a real SQLite store, with cases made by the real use cases."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from clerk import services
from clerk.cases import CaseStatus
from clerk.clock import HALL_TIMEZONE
from clerk.errors import InvalidInput, NotFound
from clerk.services.attention import needs_attention
from clerk.services.deadlines import BoardCache, DeadlineGroup, DeadlineRow, deadlines_board
from clerk.services.followup import (
    REPRINTED,
    STATUS_CHANGED,
    QueryKind,
    case_file,
    case_timeline,
    find_cases,
)
from clerk.store import SqlUnitOfWork, Store
from tests.integration.conftest import at
from tests.integration.followup.builders import (
    BUSINESS,
    CLERK,
    DISABILITY,
    FOOD_COMPLETE,
    SUPERVISOR,
    accepted,
    applicant,
    back_office,
    id_number,
    noticed,
    open_case,
    registry_rejected_last,
)


def read(store: Store) -> SqlUnitOfWork:
    return store.unit_of_work(read_only=True)


# -- search ---------------------------------------------------------------------------------


@pytest.fixture
def three_cases(store: Store) -> dict[str, str]:
    zhang = accepted(store, applicant(1, "张三"), when=at("2026-03-02 09:00"))
    zhao = noticed(
        store, applicant(2, "张晓燕", phone="0571-87654321"), when=at("2026-03-03 10:00")
    )
    li = open_case(store, applicant(3, "李四", phone="13900001111"), when=at("2026-03-04 11:00"))
    return {"zhang": zhang, "zhao": zhao, "li": li}


def numbers_of(store: Store, text: str) -> list[str]:
    return [hit.case_id for hit in find_cases(read(store), text=text).hits]


def test_a_case_is_found_by_its_number_in_any_case_and_by_any_of_its_documents(
    store: Store, three_cases: dict[str, str]
) -> None:
    zhang = services.get_case(read(store), case_id=three_cases["zhang"], now=at("2026-03-05 09:00"))
    found = find_cases(read(store), text=f"  {zhang.number.lower()} ")
    assert found.kind is QueryKind.NUMBER
    assert [(h.case_id, h.matched_document) for h in found.hits] == [(zhang.case_id, None)]
    (receipt,) = services.case_documents(read(store), case_id=zhang.case_id)
    by_document = find_cases(read(store), text=receipt.number)
    assert [(h.case_id, h.matched_document) for h in by_document.hits] == [
        (zhang.case_id, receipt.number)
    ]
    assert find_cases(read(store), text="SF01-W05-1-2026-999999").hits == ()


def test_a_case_is_found_by_id_number_in_full_and_shown_masked(
    store: Store, three_cases: dict[str, str]
) -> None:
    full = id_number(2)
    found = find_cases(read(store), text=full)
    assert found.kind is QueryKind.ID_NUMBER
    (hit,) = found.hits
    assert hit.case_id == three_cases["zhao"]
    assert hit.applicant_id_masked == full[:6] + "*" * 8 + full[-4:]
    assert full not in repr(hit)
    assert "87654321" not in repr(hit)  # the phone is masked too
    assert hit.applicant_phone_masked == "0571-****4321"
    # A legacy 15-digit number and a lower-case x find the same applicant (id_number(1) ends in X).
    assert numbers_of(store, "330106850312001") == [three_cases["zhang"]]
    assert numbers_of(store, id_number(1).lower()) == [three_cases["zhang"]]
    assert numbers_of(store, full[:17] + "0") == []  # a wrong check character finds nothing


def test_a_case_is_found_by_phone_typed_with_or_without_separators(
    store: Store, three_cases: dict[str, str]
) -> None:
    assert numbers_of(store, "139 0000 1111") == [three_cases["li"]]
    assert numbers_of(store, "0571-87654321") == [three_cases["zhao"]]
    found = find_cases(read(store), text="13812345678")
    assert found.kind is QueryKind.PHONE
    assert [hit.applicant_phone_masked for hit in found.hits] == ["138****5678"]


def test_a_case_is_found_by_the_start_of_a_name_newest_first(
    store: Store, three_cases: dict[str, str]
) -> None:
    found = find_cases(read(store), text="张")
    assert found.kind is QueryKind.NAME
    assert [hit.case_id for hit in found.hits] == [three_cases["zhao"], three_cases["zhang"]]
    assert [hit.item_name for hit in found.hits] == ["食品经营许可"] * 2
    assert found.hits[0].received_at.tzinfo == HALL_TIMEZONE
    assert found.hits[0].received_at.hour == 10
    assert find_cases(read(store), text="12").kind is QueryKind.UNKNOWN
    assert find_cases(read(store), text="12").hits == ()


# -- the case file ----------------------------------------------------------------------------


def test_the_timeline_holds_every_step_in_order_with_its_documents_and_the_reprint(
    store: Store,
) -> None:
    case_id = noticed(store, applicant(5, "钱五"), when=at("2026-03-02 09:00"))
    uow = store.unit_of_work
    services.record_return_visit(
        uow(), case_id=case_id, actor=SUPERVISOR, now=at("2026-03-04 14:00")
    )
    services.record_materials(
        uow(), case_id=case_id, records=FOOD_COMPLETE, actor=CLERK, now=at("2026-03-04 14:01")
    )
    services.corrections_received(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-04 14:01"))
    services.accept(uow(), case_id=case_id, actor=CLERK, now=at("2026-03-04 14:05"))
    documents = services.case_documents(read(store), case_id=case_id)
    voucher, notice, receipt = (d.number for d in documents)
    services.reprint(uow(), number=notice, actor=CLERK, now=at("2026-03-05 08:30"))

    timeline = case_timeline(read(store), case_id=case_id, staff_names={"s001": "李主任"})
    assert [row.action for row in timeline] == [
        "case.opened",
        "case.materials_recorded",
        "case.received",
        "case.notice_issued",
        "case.visit",
        "case.materials_recorded",
        "case.corrections_received",
        "case.accepted",
        REPRINTED,
    ]
    assert [row.status for row in timeline] == [
        None,
        None,
        CaseStatus.RECEIVED,
        CaseStatus.CORRECTION_REQUESTED,
        None,
        None,
        CaseStatus.RECEIVED,
        CaseStatus.ACCEPTED,
        None,
    ]
    assert [row.documents for row in timeline] == [
        (),
        (),
        (voucher,),
        (notice,),
        (),
        (),
        (),
        (receipt,),
        (),
    ]
    assert (timeline[-1].reprinted, timeline[-1].copy) == (notice, 1)
    # Names: the clerk's from the documents printed in her name, the supervisor's as given.
    assert {(row.actor_id, row.actor_name) for row in timeline} == {
        ("c001", "王小明"),
        ("s001", "李主任"),
    }
    assert all(row.here and row.sealed for row in timeline)
    assert timeline[4].at.tzinfo == HALL_TIMEZONE
    assert (timeline[4].at.hour, timeline[4].at.minute) == (14, 0)


def test_the_case_file_reads_the_case_its_deadline_timeline_and_documents_at_once(
    store: Store,
) -> None:
    case_id = accepted(store, applicant(6, "孙六"), when=at("2026-03-02 09:00"))
    page = case_file(read(store), case_id=case_id, now=at("2026-03-05 10:00"))
    assert page.case.number == page.deadline.number if page.deadline else False
    assert page.case.status is CaseStatus.ACCEPTED
    assert page.deadline is not None
    assert page.deadline.due_on == date(2026, 3, 9)  # 5 working days after Monday 2 March
    assert page.deadline.working_days_left == 2  # Friday 6 and Monday 9
    assert page.deadline.group is DeadlineGroup.DUE_SOON
    assert [d.kind for d in page.documents] == ["acceptance_receipt"]
    assert page.documents[0].issued_at.tzinfo == HALL_TIMEZONE
    assert [row.action for row in page.timeline][-1] == "case.accepted"
    with pytest.raises(NotFound):
        case_file(read(store), case_id="no-such-case", now=at("2026-03-05 10:00"))


def test_moves_made_at_the_registry_join_the_timeline_from_the_case_history(store: Store) -> None:
    case_id = accepted(store, applicant(7, "周七"), when=at("2026-03-02 09:00"), item=DISABILITY)
    back_office(store, case_id, when=at("2026-03-03 09:00"), suspend="assessment")
    timeline = case_timeline(read(store), case_id=case_id, staff_names={"b007": "审批科"})
    elsewhere = [row for row in timeline if not row.here]
    assert [(row.action, row.status, row.actor_name) for row in elsewhere] == [
        (STATUS_CHANGED, CaseStatus.IN_REVIEW, "审批科"),
        (STATUS_CHANGED, CaseStatus.SUSPENDED, "审批科"),
    ]
    assert elsewhere[1].note == "assessment"
    assert [row.at for row in timeline] == sorted(row.at for row in timeline)


# -- the deadlines board ----------------------------------------------------------------------


def test_deadlines_count_working_days_across_the_national_day_holiday(store: Store) -> None:
    # 2025: Sunday 28 September is a make-up working day, 1–8 October are off, Saturday 11
    # October is worked again.
    friday = accepted(store, applicant(10, "甲"), when=at("2025-09-26 09:00"))
    early = accepted(store, applicant(11, "乙"), when=at("2025-09-15 09:00"))
    monday = accepted(store, applicant(12, "丙"), when=at("2025-09-29 09:00"))
    open_case(store, applicant(13, "丁"), when=at("2025-09-29 10:00"))  # not accepted: no clock

    board = deadlines_board(read(store), now=at("2025-09-30 16:00"))
    rows = {row.case_id: row for row in board}
    assert set(rows) == {friday, early, monday}
    assert [row.case_id for row in board] == [early, friday, monday]  # by urgency
    assert (rows[early].due_on, rows[early].working_days_left) == (date(2025, 9, 22), -7)
    assert rows[early].group is DeadlineGroup.OVERDUE
    # Ten calendar days remain, but only two working days (9 and 10 October).
    assert (rows[friday].due_on, rows[friday].working_days_left) == (date(2025, 10, 10), 2)
    assert rows[friday].group is DeadlineGroup.DUE_SOON
    assert (rows[monday].due_on, rows[monday].working_days_left) == (date(2025, 10, 13), 4)
    assert rows[monday].group is DeadlineGroup.ON_TRACK

    holiday = {r.case_id: r for r in deadlines_board(read(store), now=at("2025-10-05 10:00"))}
    assert holiday[friday].working_days_left == 2  # the holiday uses up no working day
    makeup = {r.case_id: r for r in deadlines_board(read(store), now=at("2025-10-11 10:00"))}
    assert (makeup[friday].group, makeup[friday].working_days_left) == (DeadlineGroup.OVERDUE, -1)
    assert (makeup[monday].group, makeup[monday].working_days_left) == (DeadlineGroup.DUE_SOON, 1)


def test_a_suspended_case_keeps_its_working_days_while_the_clock_is_paused(store: Store) -> None:
    case_id = accepted(store, applicant(20, "吴八"), when=at("2026-03-02 09:00"), item=DISABILITY)
    back_office(store, case_id, when=at("2026-03-03 09:00"), suspend="assessment")
    days = []
    for moment in ("2026-03-04 10:00", "2026-03-05 10:00", "2026-03-09 10:00"):
        (row,) = deadlines_board(read(store), now=at(moment))
        assert row.group is DeadlineGroup.SUSPENDED
        assert row.status is CaseStatus.SUSPENDED
        days.append(row.working_days_left)
    # 15 working days from Monday 2 March; the pause began on 3 March, and its first day counts
    # as paused, so none has been used.
    assert days == [15, 15, 15]


def test_a_decided_or_closed_case_is_not_on_the_board(store: Store) -> None:
    case_id = accepted(store, applicant(30, "郑九"), when=at("2026-03-02 09:00"), item=BUSINESS)
    services.complete_on_the_spot(
        store.unit_of_work(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:30")
    )
    assert deadlines_board(read(store), now=at("2026-03-03 09:00")) == ()


# -- needs attention ------------------------------------------------------------------------


def test_rejected_operations_are_listed_with_their_case_newest_first(store: Store) -> None:
    first = accepted(store, applicant(40, "冯十"), when=at("2026-03-02 09:00"))
    registry_rejected_last(
        store, code="stale", reason="case changed at the registry", when=at("2026-03-02 09:10")
    )
    second = accepted(store, applicant(41, "陈十一"), when=at("2026-03-02 10:00"))
    registry_rejected_last(
        store, code="status_backwards", reason="it is decided", when=at("2026-03-02 10:10")
    )
    rows = needs_attention(read(store))
    assert [(r.case_id, r.action, r.code) for r in rows] == [
        (second, "case.accepted", "status_backwards"),
        (first, "case.accepted", "stale"),
    ]
    page = services.get_case(read(store), case_id=first, now=at("2026-03-02 11:00"))
    assert rows[1].case_number == page.number
    assert rows[1].status is CaseStatus.ACCEPTED
    assert rows[1].reason == "case changed at the registry"
    assert rows[1].acted_at == at("2026-03-02 09:05") + timedelta(0)
    assert rows[1].acted_at.tzinfo == HALL_TIMEZONE


def test_the_board_reads_the_longest_received_cases_first_when_limited(store: Store) -> None:
    oldest = accepted(store, applicant(50, "甲一"), when=at("2026-03-02 09:00"))
    middle = accepted(store, applicant(51, "乙二"), when=at("2026-03-03 09:00"))
    accepted(store, applicant(52, "丙三"), when=at("2026-03-04 09:00"))
    board = deadlines_board(read(store), now=at("2026-03-04 10:00"), limit=2)
    assert {row.case_id for row in board} == {oldest, middle}
    with pytest.raises(InvalidInput):
        deadlines_board(read(store), now=at("2026-03-04 10:00"), limit=0)


def test_a_board_read_again_with_its_cache_is_the_board_read_afresh(store: Store) -> None:
    cache = BoardCache()

    def both(moment: str) -> tuple[DeadlineRow, ...]:
        cached = deadlines_board(read(store), now=at(moment), cache=cache)
        assert cached == deadlines_board(read(store), now=at(moment))
        return cached

    first = accepted(store, applicant(40, "甲"), when=at("2026-03-02 09:00"), item=DISABILITY)
    second = accepted(store, applicant(41, "乙"), when=at("2026-03-02 10:00"))
    assert [row.group for row in both("2026-03-03 09:00")] == [DeadlineGroup.ON_TRACK] * 2

    back_office(store, first, when=at("2026-03-03 10:00"), suspend="assessment")  # a new version
    third = accepted(store, applicant(42, "丙"), when=at("2026-03-03 11:00"), item=BUSINESS)
    rows = {row.case_id: row for row in both("2026-03-03 12:00")}
    assert rows[first].group is DeadlineGroup.SUSPENDED
    assert set(rows) == {first, second, third}

    services.complete_on_the_spot(
        store.unit_of_work(), case_id=third, actor=CLERK, now=at("2026-03-03 12:30")
    )
    assert {row.case_id for row in both("2026-03-03 13:00")} == {first, second}
    assert len(cache) == 2  # the closed case is forgotten
    later = {row.case_id: row for row in both("2026-03-20 09:00")}  # another day: counted again
    assert later[second].working_days_left < rows[second].working_days_left


def test_a_case_whose_item_version_the_catalogue_lacks_is_left_out_until_it_arrives(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """A case pulled from the registry may name an item version not yet delivered here: the
    board shows the others, and the cache does not keep the gap once the version arrives."""
    cache = BoardCache()
    shown = accepted(store, applicant(43, "丁"), when=at("2026-03-02 09:00"))
    lacking = accepted(store, applicant(44, "戊"), when=at("2026-03-02 10:00"), item=DISABILITY)
    with read(store) as uow:
        record = uow.cases.get(lacking)
        delivered = uow.catalogue.current()
    assert delivered is not None
    with store.engine.begin() as db:  # as if this version had never been delivered
        db.execute(
            text("DELETE FROM catalogue_items WHERE code = :code AND version = :version"),
            {"code": record.item_code, "version": record.item_version},
        )

    with caplog.at_level(logging.WARNING, logger="clerk.services.deadlines"):
        first = deadlines_board(read(store), now=at("2026-03-03 09:00"), cache=cache)

    assert [row.case_id for row in first] == [shown]
    assert f"case {record.number}: its item version is not in the catalogue" in caplog.text
    with store.unit_of_work() as uow:  # the catalogue arrives with the next synchronisation
        uow.catalogue.put(delivered)
        uow.commit()
    again = deadlines_board(read(store), now=at("2026-03-03 09:00"), cache=cache)
    assert {row.case_id for row in again} == {shown, lacking}
