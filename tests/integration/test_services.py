"""Use cases on a real SQLite store with the demo catalogue: one action, one transaction."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from clerk import services
from clerk.cases import Applicant, ApplicantKind, CaseStatus, Delivery
from clerk.catalog import DeliveryMethod
from clerk.errors import PermissionDenied, RuleViolation
from clerk.identity import resident_id_check_char
from clerk.materials import LineState, MaterialRecord, Provision, Verdict
from clerk.notices import Override
from clerk.ports import DocumentNumber
from clerk.staff import Actor
from clerk.store import Store, uuid7
from tests.integration.conftest import at

BUSINESS = "1133990000248201X8000120103000"  # 个体工商户设立登记 (即办件, 告知承诺)
FOOD = "1133990000248201X8000120105000"  # 食品经营许可 (容缺, situations)


def person_id(body17: str = "33010619850312001") -> str:
    """A valid resident ID number built on 17 digits."""
    return body17 + resident_id_check_char(body17)


def open_business_case(store: Store, clerk: Actor, *, name: str = "张三", when: str) -> str:
    applicant = Applicant.checked(
        kind=ApplicantKind.PERSON, name=name, id_number=person_id(), phone="13812345678"
    )
    result = services.open_case(
        store.unit_of_work(),
        case_id=uuid7(),
        item_code=BUSINESS,
        situation=None,
        applicant=applicant,
        actor=clerk,
        now=at(when),
    )
    return result.case.case_id


COMPLETE_BUSINESS = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}


def counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {
            table: int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in ("cases", "outbox", "audit_entries", "documents")
        }


def test_complete_application_is_accepted_completed_and_handed_out(
    store: Store, clerk_actor: Actor
) -> None:
    case_id = open_business_case(store, clerk_actor, when="2026-03-02 09:00")
    uow = store.unit_of_work
    services.record_materials(
        uow(),
        case_id=case_id,
        records=COMPLETE_BUSINESS,
        actor=clerk_actor,
        now=at("2026-03-02 09:05"),
    )
    accepted = services.accept(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:10")
    )
    assert accepted.case.status is CaseStatus.ACCEPTED
    assert accepted.case.verdict is Verdict.COMPLETE
    assert len(accepted.documents) == 1
    receipt = DocumentNumber.parse(accepted.documents[0])
    assert (receipt.hall, receipt.counter, receipt.epoch, receipt.year) == ("SF01", "W05", 1, 2026)
    done = services.complete_on_the_spot(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:12")
    )
    assert done.case.status is CaseStatus.COMPLETED
    delivery = Delivery(
        DeliveryMethod.WINDOW, at("2026-03-02 09:15"), "张三", identity_checked=True
    )
    handed = services.record_hand_out(
        uow(), case_id=case_id, delivery=delivery, actor=clerk_actor, now=at("2026-03-02 09:15")
    )
    assert handed.case.status is CaseStatus.DELIVERED
    assert handed.case.visits == 1  # one trip

    documents = services.case_documents(uow(), case_id=case_id)
    assert [d.kind for d in documents] == ["acceptance_receipt", "hand_out_record"]
    assert documents[0].payload["applicant_id_masked"] == "3301**********" + person_id()[-4:]
    assert services.verify_audit(uow()).ok
    with uow() as work:
        pending = work.outbox.pending()
    assert [op.op_type for op in pending] == [
        "case.opened",
        "case.materials_recorded",
        "case.accepted",
        "case.completed",
        "case.delivered",
    ]
    assert [op.client_seq for op in pending] == sorted(op.client_seq for op in pending)
    # No registry has seen the case yet: every operation is based on "unknown to the registry".
    assert [op.base_version for op in pending] == [None] * 5
    # Each operation carries the sealed audit entry and the documents of its action.
    payloads: list[Any] = [op.payload for op in pending]
    seqs = [payload["audit"]["seq"] for payload in payloads]
    assert seqs == sorted(seqs)
    numbers = [doc["number"] for payload in payloads for doc in payload["documents"]]
    assert numbers == [d.number for d in documents]


def test_missing_material_gets_one_notice_then_acceptance_on_return(
    store: Store, clerk_actor: Actor, supervisor: Actor
) -> None:
    uow = store.unit_of_work
    case_id = open_business_case(store, clerk_actor, when="2026-03-02 09:00")
    partial = {"M01": MaterialRecord(Provision.ORIGINAL, copies=1)}
    services.record_materials(
        uow(), case_id=case_id, records=partial, actor=clerk_actor, now=at("2026-03-02 09:01")
    )
    services.receive(uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:02"))
    with pytest.raises(RuleViolation, match="must be corrected"):
        services.accept(uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:03"))
    notice = services.issue_notice(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:04")
    )
    assert notice.case.status is CaseStatus.CORRECTION_REQUESTED
    missing = {line.code for line in notice.case.lines if line.state is LineState.MISSING}
    assert missing == {"M02", "M03"}
    (notice_doc,) = [
        d for d in services.case_documents(uow(), case_id=case_id) if d.kind == "correction_notice"
    ]
    listed: Any = notice_doc.payload["notice"]
    assert [line["code"] for line in listed["lines"]] == ["M02", "M03"]

    services.record_return_visit(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-04 10:00")
    )
    services.record_materials(
        uow(),
        case_id=case_id,
        records=COMPLETE_BUSINESS,
        actor=clerk_actor,
        now=at("2026-03-04 10:01"),
    )
    services.corrections_received(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-04 10:02")
    )
    accepted = services.accept(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-04 10:03")
    )
    assert accepted.case.status is CaseStatus.ACCEPTED
    assert accepted.case.visits == 2


def test_second_notice_with_new_items_needs_a_supervisor_override(
    store: Store, clerk_actor: Actor, supervisor: Actor
) -> None:
    uow = store.unit_of_work
    case_id = open_business_case(store, clerk_actor, when="2026-03-02 09:00")
    first = {
        "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M02": MaterialRecord(Provision.E_LICENCE),
    }
    services.record_materials(
        uow(), case_id=case_id, records=first, actor=clerk_actor, now=at("2026-03-02 09:01")
    )
    services.receive(uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:02"))
    services.issue_notice(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:03")
    )  # lists M03
    services.record_return_visit(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-03 09:00")
    )
    services.corrections_received(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-03 09:01")
    )
    # The clerk now finds fault with M01, handed in before the notice and never listed on it.
    defect = {"M01": MaterialRecord(Provision.ORIGINAL, copies=1, defect="申请书未签字")}
    with uow() as work:  # recorded as a defect found in old material: not "newly handed in"
        pass
    services.record_materials(
        uow(), case_id=case_id, records=defect, actor=clerk_actor, now=at("2026-03-03 09:02")
    )
    before = counts(store)
    with pytest.raises(RuleViolation, match="one-time rule"):
        services.issue_notice(uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-03 09:03"))
    assert counts(store) == before  # a refused action leaves no trace at all
    with pytest.raises(PermissionDenied):
        services.issue_notice(
            uow(),
            case_id=case_id,
            actor=clerk_actor,
            now=at("2026-03-03 09:04"),
            override=Override(clerk_actor, "clerk tries to approve"),
        )
    result = services.issue_notice(
        uow(),
        case_id=case_id,
        actor=clerk_actor,
        now=at("2026-03-03 09:05"),
        override=Override(supervisor, "申请书签字页首次补交时才发现缺失"),
    )
    assert result.case.status is CaseStatus.CORRECTION_REQUESTED
    assert len(result.case.notices) == 2
    with uow() as work:
        entries = work.audit.for_case(case_id)
    overrides = [e for e in entries if "override_by" in e.detail]
    assert len(overrides) == 1
    assert overrides[0].detail["override_by"] == "s001"
    assert overrides[0].detail["unlisted"] == ["M01"]


def test_rongque_acceptance_records_owed_items_on_the_receipt(
    store: Store, clerk_actor: Actor
) -> None:
    uow = store.unit_of_work
    applicant = Applicant.checked(
        kind=ApplicantKind.PERSON, name="赵六", id_number=person_id("33010619900101002")
    )
    opened = services.open_case(
        uow(),
        case_id=uuid7(),
        item_code=FOOD,
        situation="new",
        applicant=applicant,
        actor=clerk_actor,
        now=at("2026-03-02 09:00"),
    )
    records = {
        "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M02": MaterialRecord(Provision.E_LICENCE),
        "M03": MaterialRecord(Provision.E_LICENCE),
        "M04": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M05": MaterialRecord(Provision.OWED),
        "M06": MaterialRecord(Provision.COMMITMENT),
    }
    case_id = opened.case.case_id
    services.record_materials(
        uow(), case_id=case_id, records=records, actor=clerk_actor, now=at("2026-03-02 09:05")
    )
    accepted = services.accept(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:10")
    )
    assert accepted.case.verdict is Verdict.ACCEPTABLE_WITH_RONGQUE
    assert [o.code for o in accepted.case.owed] == ["M05"]
    assert accepted.case.due_on is not None
    assert accepted.case.accepted_on is not None
    assert accepted.case.due_on > accepted.case.accepted_on
    (receipt,) = services.case_documents(uow(), case_id=case_id)
    assert receipt.payload["commitments"] == ["M06"]
    owed: Any = receipt.payload["owed"]
    assert isinstance(owed, list)
    assert owed[0]["code"] == "M05"


def test_refusal_needs_a_supervisor_who_did_not_ask(
    store: Store, clerk_actor: Actor, supervisor: Actor
) -> None:
    uow = store.unit_of_work
    case_id = open_business_case(store, clerk_actor, when="2026-03-02 09:00")
    services.receive(uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:01"))
    services.request_refusal(
        uow(),
        case_id=case_id,
        reasons="经营范围属于禁止类项目",
        facts="申请经营烟花爆竹批发",
        legal_basis="《促进个体工商户发展条例》",
        actor=clerk_actor,
        now=at("2026-03-02 09:02"),
    )
    with pytest.raises(PermissionDenied):
        services.approve_refusal(
            uow(), case_id=case_id, supervisor=clerk_actor, now=at("2026-03-02 09:03")
        )
    boss_who_asked = Actor("c001", "王小明", supervisor.role)
    with pytest.raises(PermissionDenied, match="asked for it"):
        services.approve_refusal(
            uow(), case_id=case_id, supervisor=boss_who_asked, now=at("2026-03-02 09:03")
        )
    refused = services.approve_refusal(
        uow(), case_id=case_id, supervisor=supervisor, now=at("2026-03-02 09:04")
    )
    assert refused.case.status is CaseStatus.NOT_ACCEPTED
    (notice,) = services.case_documents(uow(), case_id=case_id)[1:]
    assert notice.kind == "refusal_notice"
    remedies: Any = notice.payload["remedies"]
    assert isinstance(remedies, dict)
    assert remedies["review_days"] == 60
    assert remedies["lawsuit_months"] == 6
    assert remedies["review_body"]
    assert remedies["court"]


def test_void_keeps_the_case_and_search_finds_it(store: Store, clerk_actor: Actor) -> None:
    uow = store.unit_of_work
    case_id = open_business_case(store, clerk_actor, name="欧阳娜娜", when="2026-03-02 09:00")
    other = open_business_case(store, clerk_actor, name="李四", when="2026-03-02 09:30")
    voided = services.void_case(
        uow(),
        case_id=case_id,
        reason="录入错误：事项选错",
        actor=clerk_actor,
        now=at("2026-03-02 09:40"),
    )
    assert voided.case.status is CaseStatus.VOID
    hits = services.search_cases(uow(), name_prefix="欧阳")
    assert [h.case_id for h in hits] == [case_id]
    assert hits[0].status is CaseStatus.VOID
    assert hits[0].applicant_id_masked.count("*") == 8
    legacy = person_id()[:6] + person_id()[8:17]  # the 15-digit form of the same number
    assert {h.case_id for h in services.search_cases(uow(), id_number=legacy)} == {case_id, other}
    number = services.get_case(uow(), case_id=other, now=at("2026-03-02 10:00")).number
    assert [h.case_id for h in services.search_cases(uow(), number=number.lower())] == [other]
    assert len(services.search_cases(uow(), phone="13812345678")) == 2
    with pytest.raises(RuleViolation):
        services.accept(uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:50"))


def test_numbers_never_repeat_across_cases_and_documents(store: Store, clerk_actor: Actor) -> None:
    uow = store.unit_of_work
    numbers: list[str] = []
    for minute in range(10):
        case_id = open_business_case(store, clerk_actor, when=f"2026-03-02 10:{minute:02d}")
        services.record_materials(
            uow(),
            case_id=case_id,
            records=COMPLETE_BUSINESS,
            actor=clerk_actor,
            now=at(f"2026-03-02 10:{minute:02d}"),
        )
        result = services.accept(
            uow(), case_id=case_id, actor=clerk_actor, now=at(f"2026-03-02 10:{minute:02d}")
        )
        numbers += [result.case.number, *result.documents]
    assert len(numbers) == len(set(numbers)) == 20


def test_a_declined_refusal_lets_the_clerk_accept(
    store: Store, clerk_actor: Actor, supervisor: Actor
) -> None:
    uow = store.unit_of_work
    case_id = open_business_case(store, clerk_actor, when="2026-03-02 09:00")
    services.record_materials(
        uow(),
        case_id=case_id,
        records=COMPLETE_BUSINESS,
        actor=clerk_actor,
        now=at("2026-03-02 09:01"),
    )
    services.receive(uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:02"))
    services.request_refusal(
        uow(),
        case_id=case_id,
        reasons="疑似材料不实",
        facts="场所地址与证明不符",
        legal_basis="《行政许可法》第三十二条",
        actor=clerk_actor,
        now=at("2026-03-02 09:03"),
    )
    with pytest.raises(RuleViolation, match="refusal request is pending"):
        services.accept(uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:04"))
    declined = services.decline_refusal(
        uow(), case_id=case_id, supervisor=supervisor, now=at("2026-03-02 09:05")
    )
    assert not declined.case.refusal_pending
    accepted = services.accept(
        uow(), case_id=case_id, actor=clerk_actor, now=at("2026-03-02 09:06")
    )
    assert accepted.case.status is CaseStatus.ACCEPTED


def test_a_withdrawal_is_kept_with_its_reason(store: Store, clerk_actor: Actor) -> None:
    uow = store.unit_of_work
    case_id = open_business_case(store, clerk_actor, when="2026-03-02 09:00")
    result = services.withdraw(
        uow(),
        case_id=case_id,
        reason="申请人决定暂不办理",
        actor=clerk_actor,
        now=at("2026-03-02 09:10"),
    )
    assert result.case.status is CaseStatus.WITHDRAWN
    with uow() as work:
        (last,) = [op for op in work.outbox.pending() if op.op_type == "case.withdrawn"]
    assert last.payload["intent"] == {"reason": "申请人决定暂不办理"}
