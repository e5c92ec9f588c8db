"""Cases brought to the point where an approval is asked for, on a harness counter."""

from __future__ import annotations

from clerk import services
from clerk.materials import MaterialRecord, Provision
from clerk.staff import Actor, Role
from clerk.store import uuid7
from tests.integration.sync.harness import BUSINESS, Counter, at, person

SUPERVISOR = Actor("S001", "张敏", Role.SUPERVISOR)
OTHER_SUPERVISOR = Actor("S002", "李强", Role.SUPERVISOR)
REFUSAL = {
    "reasons": "不属于本机关职权范围",
    "facts": "经核查",
    "legal_basis": "《行政许可法》第三十二条",
}


def opened(counter: Counter, n: int, actor: Actor, *, when: str = "2026-03-02 09:00") -> str:
    """A business case opened by `actor`."""
    return services.open_case(
        counter.store.unit_of_work(),
        case_id=uuid7(),
        item_code=BUSINESS,
        situation=None,
        applicant=person(n),
        actor=actor,
        now=at(when),
    ).case.case_id


def refusal_asked(counter: Counter, n: int, actor: Actor) -> str:
    """A case whose refusal `actor` asked for (waiting for a supervisor)."""
    case_id = opened(counter, n, actor)
    uow = counter.store.unit_of_work
    services.receive(uow(), case_id=case_id, actor=actor, now=at("2026-03-02 09:04"))
    services.request_refusal(
        counter.store.unit_of_work(),
        case_id=case_id,
        actor=actor,
        now=at("2026-03-02 09:05"),
        **REFUSAL,
    )
    return case_id


def second_notice_due(counter: Counter, n: int, actor: Actor) -> str:
    """A case whose second notice raises M01, which the first notice did not list.

    Issuing that notice needs a supervisor's override of the one-time rule.
    """
    uow = counter.store.unit_of_work
    case_id = opened(counter, n, actor)
    first = {
        "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M02": MaterialRecord(Provision.E_LICENCE),
    }
    services.record_materials(
        uow(), case_id=case_id, records=first, actor=actor, now=at("2026-03-02 09:01")
    )
    services.receive(uow(), case_id=case_id, actor=actor, now=at("2026-03-02 09:02"))
    services.issue_notice(uow(), case_id=case_id, actor=actor, now=at("2026-03-02 09:03"))
    services.record_return_visit(uow(), case_id=case_id, actor=actor, now=at("2026-03-03 09:00"))
    services.corrections_received(uow(), case_id=case_id, actor=actor, now=at("2026-03-03 09:01"))
    defect = {"M01": MaterialRecord(Provision.ORIGINAL, copies=1, defect="申请书未签字")}
    services.record_materials(
        uow(), case_id=case_id, records=defect, actor=actor, now=at("2026-03-03 09:02")
    )
    return case_id
