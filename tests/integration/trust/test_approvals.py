"""Approvals by someone other than the asker, at the counter and at the registry (issue 7)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import select

from clerk import services
from clerk.cases import Case
from clerk.catalog.model import ServiceItem
from clerk.errors import PermissionDenied
from clerk.notices import Override
from clerk.ports import OpState
from clerk.services.attention import needs_attention
from clerk.services.core import Step, act, calendar_of, new_number
from clerk.staff import Actor, Role
from registry.schema import CASES, OPS
from tests.integration.sync.harness import Counter, RegistryProcess, at
from tests.integration.trust.flows import (
    OTHER_SUPERVISOR,
    SUPERVISOR,
    refusal_asked,
    second_notice_due,
)


def _registry_op(registry: RegistryProcess, op_type: str) -> tuple[str, str | None, str | None]:
    with registry.db() as connection:
        row = connection.execute(
            select(OPS.c.state, OPS.c.code, OPS.c.reason).where(OPS.c.op_type == op_type)
        ).one()
    return row.state, row.code, row.reason


def _registry_status(registry: RegistryProcess, case_id: str) -> str:
    with registry.db() as connection:
        return str(
            connection.execute(select(CASES.c.status).where(CASES.c.case_id == case_id)).scalar()
        )


# -- at the counter ----------------------------------------------------------------------------


def test_a_supervisor_cannot_approve_the_refusal_they_asked_for(
    make_counter: Callable[..., Counter],
) -> None:
    counter = make_counter()
    case_id = refusal_asked(counter, 1, SUPERVISOR)
    before = counter.store.health().pending
    with pytest.raises(PermissionDenied, match="cannot be approved by the person who asked"):
        services.approve_refusal(
            counter.store.unit_of_work(),
            case_id=case_id,
            supervisor=SUPERVISOR,
            now=at("2026-03-02 09:10"),
        )
    assert counter.store.health().pending == before  # nothing written
    result = services.approve_refusal(
        counter.store.unit_of_work(),
        case_id=case_id,
        supervisor=OTHER_SUPERVISOR,
        now=at("2026-03-02 09:11"),
    )
    assert result.case.status.value == "not_accepted"


def test_a_supervisor_cannot_override_the_one_time_rule_on_their_own_notice(
    make_counter: Callable[..., Counter],
) -> None:
    counter = make_counter()
    case_id = second_notice_due(counter, 2, SUPERVISOR)
    before = counter.store.health().pending
    with pytest.raises(PermissionDenied, match="cannot be approved by the person who asked"):
        services.issue_notice(
            counter.store.unit_of_work(),
            case_id=case_id,
            actor=SUPERVISOR,
            now=at("2026-03-03 09:03"),
            override=Override(SUPERVISOR, "我自己批准"),
        )
    assert counter.store.health().pending == before
    result = services.issue_notice(
        counter.store.unit_of_work(),
        case_id=case_id,
        actor=SUPERVISOR,
        now=at("2026-03-03 09:04"),
        override=Override(OTHER_SUPERVISOR, "申请书签字页首次补交时才发现缺失"),
    )
    assert len(result.case.notices) == 2


# -- at the registry: operations crafted past the counter's checks ------------------------------


def _self_approved_refusal(counter: Counter, case_id: str, approver: Actor) -> None:
    """Write an approval the use case would refuse: the requester approves their own refusal."""

    def rule(case: Case, item: ServiceItem) -> Step:
        assert case.refusal is not None
        requester = case.refusal.requested_by
        case.approve_refusal(item=item, supervisor=OTHER_SUPERVISOR, now=at("2026-03-02 09:10"))
        case.refusal = replace(case.refusal, approved_by=requester)
        return Step("case.refusal_approved", {"requested_by": requester})

    act(
        counter.store.unit_of_work(),
        case_id=case_id,
        actor=approver,
        now=at("2026-03-02 09:10"),
        rule=rule,
    )


def test_the_registry_refuses_a_refusal_approved_by_its_requester(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter()
    case_id = refusal_asked(counter, 3, SUPERVISOR)
    _self_approved_refusal(counter, case_id, SUPERVISOR)
    counter.sync()
    state, code, reason = _registry_op(registry, "case.refusal_approved")
    assert (state, code) == ("rejected", "self_approval")
    assert "who asked for it" in str(reason)
    assert _registry_status(registry, case_id) == "received"  # the registry kept its copy
    attention = needs_attention(counter.store.unit_of_work(read_only=True))
    assert [row.code for row in attention] == ["self_approval"]  # shown to a person


def test_the_registry_refuses_an_approval_made_in_another_name(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter()
    case_id = refusal_asked(counter, 4, counter.clerk)

    def rule(case: Case, item: ServiceItem) -> Step:
        case.approve_refusal(item=item, supervisor=OTHER_SUPERVISOR, now=at("2026-03-02 09:10"))
        return Step("case.refusal_approved")

    # The clerk acts, the case says a supervisor approved.
    act(
        counter.store.unit_of_work(),
        case_id=case_id,
        actor=counter.clerk,
        now=at("2026-03-02 09:10"),
        rule=rule,
    )
    counter.sync()
    assert _registry_op(registry, "case.refusal_approved")[1] == "approver_mismatch"


def test_the_registry_refuses_an_approval_by_a_staff_member_it_knows_as_a_clerk(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter()
    case_id = refusal_asked(counter, 5, counter.clerk)
    pretender = Actor("SF01C001", "王芳", Role.SUPERVISOR)  # a clerk at the registry
    services.approve_refusal(
        counter.store.unit_of_work(),
        case_id=case_id,
        supervisor=pretender,
        now=at("2026-03-02 09:10"),
    )
    counter.sync()
    assert _registry_op(registry, "case.refusal_approved")[1] == "not_a_supervisor"


def test_the_registry_refuses_a_notice_overridden_by_its_own_clerk(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter()
    case_id = second_notice_due(counter, 6, SUPERVISOR)

    def rule(case: Case, item: ServiceItem) -> Step:
        notice = case.issue_notice(
            number=new_number(uow, at("2026-03-03 09:03")),
            item=item,
            actor=SUPERVISOR,
            now=at("2026-03-03 09:03"),
            calendar=calendar_of(uow),
            override=Override(OTHER_SUPERVISOR, "复核"),
        )
        case.notices[-1] = replace(notice, override=Override(SUPERVISOR, "复核"))
        return Step("case.notice_issued", {"override_by": SUPERVISOR.staff_id})

    uow = counter.store.unit_of_work()
    act(uow, case_id=case_id, actor=SUPERVISOR, now=at("2026-03-03 09:03"), rule=rule)
    counter.sync()
    with registry.db() as connection:
        rows = connection.execute(
            select(OPS.c.code)
            .where(OPS.c.op_type == "case.notice_issued")
            .order_by(OPS.c.client_seq)
        ).all()
    assert [row.code for row in rows] == [None, "self_approval"]
    rejected = [
        op_type for op_type, state in _local_ops(counter) if state == OpState.REJECTED.value
    ]
    assert rejected == ["case.notice_issued"]


def _local_ops(counter: Counter) -> list[tuple[str, str]]:
    with counter.store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT op_type, state FROM outbox ORDER BY client_seq")
        return [(row[0], row[1]) for row in rows]
