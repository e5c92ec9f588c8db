"""好差评 use cases on a real SQLite store: audited, queued for the registry, listed."""

from __future__ import annotations

from typing import Any

import pytest

from clerk import services
from clerk.cases import ApplicantPanel, BadReason, Rating, RatingLevel, RatingPolicy
from clerk.errors import PermissionDenied, RuleViolation
from clerk.staff import Actor
from clerk.store import Store
from tests.integration.conftest import at
from tests.integration.test_services import COMPLETE_BUSINESS, open_business_case

PANEL = ApplicantPanel("W05")
SLOW = Rating(RatingLevel.VERY_DISSATISFIED, (BadReason.LONG_WAIT, BadReason.OTHER), "等了两小时")


def accepted_case(store: Store, clerk: Actor, *, name: str = "张三", when: str) -> str:
    case_id = open_business_case(store, clerk, name=name, when=when)
    uow = store.unit_of_work
    services.record_materials(
        uow(), case_id=case_id, records=COMPLETE_BUSINESS, actor=clerk, now=at(when)
    )
    services.accept(uow(), case_id=case_id, actor=clerk, now=at(when))
    return case_id


def audit_actions(store: Store) -> list[tuple[str, str, dict[str, Any]]]:
    with store.unit_of_work(read_only=True) as uow:
        chain = uow.audit.chain(uow.device.device_id)
    return [(entry.actor, entry.action, dict(entry.detail)) for entry in chain]


def test_a_rating_is_stored_audited_and_queued_for_the_registry(
    store: Store, clerk_actor: Actor
) -> None:
    case_id = accepted_case(store, clerk_actor, when="2026-03-02 09:00")
    result = services.rate(
        store.unit_of_work(), case_id=case_id, rating=SLOW, via=PANEL, now=at("2026-03-02 09:20")
    )
    assert result.case.rating is RatingLevel.VERY_DISSATISFIED
    shown = services.get_case(
        store.unit_of_work(read_only=True), case_id=case_id, now=at("2026-03-02 10:00")
    )
    assert shown.rating is RatingLevel.VERY_DISSATISFIED
    actor, action, detail = audit_actions(store)[-1]
    assert (actor, action) == ("applicant-panel:W05", "case.rated")
    assert detail == {
        "level": "very_dissatisfied",
        "reasons": ["long_wait", "other"],
        "rated": clerk_actor.staff_id,
        "follow_up_due": "2026-03-05",
    }
    assert services.verify_audit(store.unit_of_work()).ok
    with store.unit_of_work() as uow:
        last = uow.outbox.pending()[-1]
    assert last.op_type == "case.rated"
    payload: Any = last.payload
    assert payload["case"]["rating"]["rating"]["text"] == "等了两小时"
    assert payload["audit"]["actor"] == "applicant-panel:W05"


def test_a_second_rating_and_a_clerks_rating_are_refused_and_leave_nothing(
    store: Store, clerk_actor: Actor
) -> None:
    case_id = accepted_case(store, clerk_actor, when="2026-03-02 09:00")
    with pytest.raises(RuleViolation, match="only the applicant rates"):
        services.rate(
            store.unit_of_work(),
            case_id=case_id,
            rating=Rating(RatingLevel.VERY_SATISFIED),
            via=clerk_actor,
            now=at("2026-03-02 09:20"),
        )
    services.rate(
        store.unit_of_work(),
        case_id=case_id,
        rating=Rating(RatingLevel.SATISFIED),
        via=PANEL,
        now=at("2026-03-02 09:21"),
    )
    entries = len(audit_actions(store))
    with pytest.raises(RuleViolation, match="already been rated"):
        services.rate(
            store.unit_of_work(),
            case_id=case_id,
            rating=SLOW,
            via=PANEL,
            now=at("2026-03-02 09:22"),
        )
    assert len(audit_actions(store)) == entries
    view = services.get_case(
        store.unit_of_work(read_only=True), case_id=case_id, now=at("2026-03-02 10:00")
    )
    assert view.rating is RatingLevel.SATISFIED
    assert (
        services.follow_up_list(store.unit_of_work(read_only=True), now=at("2026-03-02 10:00"))
        == ()
    )


def test_the_follow_up_list_orders_by_due_date_flags_overdue_and_records_follow_ups(
    store: Store, clerk_actor: Actor, supervisor: Actor
) -> None:
    uow = store.unit_of_work
    good = accepted_case(store, clerk_actor, name="李四", when="2026-03-02 09:00")
    services.rate(
        uow(),
        case_id=good,
        rating=Rating(RatingLevel.SATISFIED),
        via=PANEL,
        now=at("2026-03-02 09:05"),
    )
    late = accepted_case(store, clerk_actor, name="王五", when="2026-03-02 10:00")
    services.rate(uow(), case_id=late, rating=SLOW, via=PANEL, now=at("2026-03-02 10:05"))
    fresh = accepted_case(store, clerk_actor, name="赵六", when="2026-03-06 10:00")
    unclear = Rating(RatingLevel.DISSATISFIED, (BadReason.UNCLEAR,))
    services.rate(
        uow(),
        case_id=fresh,
        rating=unclear,
        via=PANEL,
        now=at("2026-03-06 10:05"),
        policy=RatingPolicy(5),
    )
    listed = services.follow_up_list(uow(read_only=True), now=at("2026-03-06 12:00"))
    assert [(v.case_id, v.due_on.isoformat(), v.overdue) for v in listed] == [
        (late, "2026-03-05", True),  # Monday + 3 working days, now Friday
        (fresh, "2026-03-13", False),  # Friday + 5 working days
    ]
    first = listed[0]
    assert first.applicant_name == "王五"
    assert first.applicant_phone_masked == "138****5678"
    assert first.reasons == (BadReason.LONG_WAIT, BadReason.OTHER)
    assert first.clerk_id == clerk_actor.staff_id
    with pytest.raises(PermissionDenied):
        services.follow_up(
            uow(), case_id=late, note="已回访", supervisor=clerk_actor, now=at("2026-03-06 12:00")
        )
    with pytest.raises(RuleViolation, match="only a bad rating"):
        services.follow_up(
            uow(), case_id=good, note="已回访", supervisor=supervisor, now=at("2026-03-06 12:00")
        )
    services.follow_up(
        uow(),
        case_id=late,
        note="已整改；电话回访，申请人认可",
        supervisor=supervisor,
        now=at("2026-03-06 14:00"),
    )
    assert [
        v.case_id for v in services.follow_up_list(uow(read_only=True), now=at("2026-03-06 15:00"))
    ] == [fresh]
    everything = services.follow_up_list(
        uow(read_only=True), now=at("2026-03-06 15:00"), include_done=True
    )
    assert [(v.case_id, v.done, v.overdue) for v in everything] == [
        (fresh, False, False),
        (late, True, False),
    ]
    assert (everything[1].done_by, everything[1].note) == (
        supervisor.staff_id,
        "已整改；电话回访，申请人认可",
    )
    actor, action, detail = audit_actions(store)[-1]
    assert (actor, action, detail) == (
        supervisor.staff_id,
        "case.follow_up_recorded",
        {"late": True, "rated": clerk_actor.staff_id},
    )
