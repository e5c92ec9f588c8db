"""Every staff action carries the staff member: outbox, audit trail, registry (issue 7)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from clerk import services
from clerk.audit import seal
from clerk.cases import ApplicantPanel, Case, Delivery, Rating, RatingLevel
from clerk.catalog import DeliveryMethod
from clerk.catalog.model import ServiceItem
from clerk.errors import InvalidInput
from clerk.ports import OpState
from clerk.services.attention import needs_attention
from clerk.services.core import Step, act, load_case, save
from clerk.staff import Actor, Role
from registry.schema import AUDIT, OPS
from tests.integration.sync.harness import COMPLETE, Counter, RegistryProcess, at
from tests.integration.trust.flows import OTHER_SUPERVISOR, SUPERVISOR, opened, refusal_asked


def _outbox(counter: Counter) -> list[tuple[str, str, str]]:
    """(op_id, op_type, audit actor) of every operation, in client_seq order."""
    with counter.store.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT op_id, op_type, payload FROM outbox ORDER BY client_seq"
        ).all()
    return [(row[0], row[1], json.loads(row[2])["audit"]["actor"]) for row in rows]


def _every_kind_of_action(counter: Counter) -> None:
    """One of each use case that records an operation, by the clerk or a supervisor."""
    uow, clerk, now = counter.store.unit_of_work, counter.clerk, at("2026-03-02 09:30")
    done = opened(counter, 10, clerk)
    services.record_materials(uow(), case_id=done, records=COMPLETE, actor=clerk, now=now)
    services.accept(uow(), case_id=done, actor=clerk, now=now)
    services.complete_on_the_spot(uow(), case_id=done, actor=clerk, now=now)
    counter.attach_scan(done, b"%PDF-1.4 scan of the licence")
    delivery = Delivery(DeliveryMethod.WINDOW, now, "张10", identity_checked=True)
    handed = services.record_hand_out(uow(), case_id=done, delivery=delivery, actor=clerk, now=now)
    services.reprint(uow(), number=handed.documents[0], actor=clerk, now=now)
    services.rate(
        uow(),
        case_id=done,
        rating=Rating(RatingLevel.SATISFIED),
        via=ApplicantPanel("W01"),
        now=now,
    )
    refused = refusal_asked(counter, 11, clerk)
    services.approve_refusal(uow(), case_id=refused, supervisor=SUPERVISOR, now=now)
    declined = refusal_asked(counter, 12, clerk)
    services.decline_refusal(uow(), case_id=declined, supervisor=OTHER_SUPERVISOR, now=now)
    services.void_case(uow(), case_id=declined, reason="录入错误", actor=clerk, now=now)
    withdrawn = opened(counter, 13, SUPERVISOR)
    services.withdraw(uow(), case_id=withdrawn, reason="申请人撤回", actor=SUPERVISOR, now=now)


def test_every_operation_names_its_staff_member_here_and_at_the_registry(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter()
    _every_kind_of_action(counter)
    ops = _outbox(counter)
    kinds = {op_type for _, op_type, _ in ops}
    assert {"case.opened", "case.refusal_approved", "case.delivered", "case.rated"} <= kinds
    staff = {counter.clerk.staff_id, SUPERVISOR.staff_id, OTHER_SUPERVISOR.staff_id}
    for _, op_type, actor in ops:  # the applicant's panel rates; staff do everything else
        assert actor == "applicant-panel:W01" if op_type == "case.rated" else actor in staff, (
            op_type
        )
    with counter.store.unit_of_work(read_only=True) as work:
        local_trail = [
            (e.action, e.actor) for e in work.audit.chain(counter.store.device.device_id)
        ]
    assert local_trail == [(op_type, actor) for _, op_type, actor in ops]

    counter.sync()
    device = counter.store.device.device_id
    with registry.db() as connection:
        states = dict(connection.execute(select(OPS.c.op_id, OPS.c.state)).all())
        trail = connection.execute(
            select(AUDIT.c.action, AUDIT.c.actor)
            .where(AUDIT.c.chain == device)
            .order_by(AUDIT.c.seq)
        ).all()
    assert {op_id: states.get(op_id) for op_id, _, _ in ops} == {
        op_id: "applied" for op_id, _, _ in ops
    }
    assert [tuple(row) for row in trail] == [(op_type, actor) for _, op_type, actor in ops]


def test_a_use_case_refuses_an_action_by_nobody(make_counter: Callable[..., Counter]) -> None:
    counter = make_counter()
    nobody = Actor(" ", "", Role.CLERK)
    with pytest.raises(InvalidInput, match="staff member"):
        opened(counter, 20, nobody)
    assert _outbox(counter) == []


def _act_as_nobody(counter: Counter, case_id: str) -> None:
    """An operation whose audit entry names nobody (crafted past the use cases' check)."""
    now = at("2026-03-02 09:40")
    with counter.store.unit_of_work() as uow:
        case, record, _item = load_case(uow, case_id)
        step = Step("case.withdrawn", {"reason": "?"})
        case.withdraw(reason="?", actor=counter.clerk, now=now)
        chain = uow.device.device_id
        entry = seal(
            uow.audit.last(chain),
            chain=chain,
            at=now,
            actor="",
            action=step.action,
            case_id=case_id,
            detail=step.detail,
        )
        uow.audit.append(entry)
        save(uow, case, previous=record, now=now, step=step, entry=entry)
        uow.commit()


def test_the_registry_refuses_an_operation_without_a_staff_member_and_nothing_is_lost(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter()
    anonymous = opened(counter, 21, counter.clerk)
    _act_as_nobody(counter, anonymous)
    fine = opened(counter, 22, counter.clerk)  # pushed in the same batch

    def withdraw(case: Case, _item: ServiceItem) -> Step:
        case.withdraw(reason="申请人撤回", actor=counter.clerk, now=at("2026-03-02 09:41"))
        return Step("case.withdrawn", {"reason": "申请人撤回"})

    act(
        counter.store.unit_of_work(),
        case_id=fine,
        actor=counter.clerk,
        now=at("2026-03-02 09:41"),
        rule=withdraw,
    )
    counter.sync()
    with registry.db() as connection:
        rows = connection.execute(
            select(OPS.c.op_type, OPS.c.entity_id, OPS.c.state, OPS.c.code).order_by(
                OPS.c.client_seq
            )
        ).all()
    assert [(r.entity_id, r.state, r.code) for r in rows] == [
        (anonymous, "applied", None),
        (anonymous, "rejected", "no_staff"),
        (fine, "applied", None),
        (fine, "applied", None),
    ]
    local = {op_id: op_type for op_id, op_type, actor in _outbox(counter) if actor == ""}
    attention = needs_attention(counter.store.unit_of_work(read_only=True))
    assert [(row.op_id, row.code) for row in attention] == [(next(iter(local)), "no_staff")]
    assert "names no staff member" in attention[0].reason
    with counter.store.engine.connect() as connection:
        state = connection.exec_driver_sql(
            "SELECT state FROM outbox WHERE op_id = ?", (next(iter(local)),)
        ).scalar()
    assert state == OpState.REJECTED.value  # kept, for a person to look at
