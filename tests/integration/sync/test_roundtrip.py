"""Push, pull and convergence between counters through a real registry process."""

from __future__ import annotations

import os
from collections.abc import Callable

import requests
from sqlalchemy import func, select

from clerk import services
from clerk.cases import CaseStatus, Delivery
from clerk.catalog import DeliveryMethod
from clerk.ports import OpState
from registry import blobs
from registry.schema import DOCUMENTS, OPS
from tests.integration.sync.harness import (
    Counter,
    RegistryProcess,
    at,
    check_invariants,
    local_cases,
    local_ops,
    staff_session,
)


def test_work_of_one_counter_reaches_the_registry_and_the_other_counters(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    w01, w02 = make_counter("W01"), make_counter("W02")
    cases = [w01.open_and_accept(n) for n in range(5)]
    cases += [w02.open_and_accept(100 + n) for n in range(3)]
    for counter in (w01, w02, w01):
        counter.sync()
    check_invariants(registry, [w01, w02])
    with registry.db() as connection:
        assert connection.scalar(select(func.count()).select_from(OPS)) == 8 * 3
        assert connection.scalar(select(func.count()).select_from(DOCUMENTS)) == 8
    assert {state for _, state in local_ops(w01)} == {OpState.APPLIED.value}
    assert set(cases) <= set(local_cases(w02))


def test_scans_follow_the_case_and_the_registry_shows_materials_pending_until_they_arrive(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter("W01")
    case_id = counter.open_and_accept(1)
    scan = os.urandom(3 * 1024 * 1024 + 17)
    sha256 = counter.attach_scan(case_id, scan)
    assert counter.store.ledger().pending_scans() == (1, len(scan))
    counter.engine.scans = None  # this round pushes the case but uploads nothing
    counter.sync()
    headers = staff_session(registry, "C001")
    seen = requests.get(f"{registry.url}/api/v1/cases/{case_id}", headers=headers, timeout=10)
    assert seen.json()["materials_pending"] is True
    counter.engine.scans = counter.scans
    counter.sync()
    seen = requests.get(f"{registry.url}/api/v1/cases/{case_id}", headers=headers, timeout=10)
    assert seen.json()["materials_pending"] is False
    assert counter.store.ledger().pending_scans() == (0, 0)
    with registry.db() as connection:
        assert b"".join(blobs.read(connection, sha256)) == scan
    check_invariants(registry, [counter])


def test_back_office_decisions_flow_back_and_the_counter_hands_out_on_them(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    w01, w02 = make_counter("W01"), make_counter("W02")
    food = w01.open_and_accept(7)
    w01.sync()
    headers = staff_session(registry, "S001")
    version = requests.get(f"{registry.url}/api/v1/cases/{food}", headers=headers, timeout=10)
    base = version.json()["version"]
    for action in ("start_review", "approve", "complete"):
        answer = requests.post(
            f"{registry.url}/api/v1/cases/{food}/decisions",
            json={"action": action, "base_version": base, "reason": "材料齐全"},
            headers=headers,
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        base = answer.json()["version"]
    stale = requests.post(
        f"{registry.url}/api/v1/cases/{food}/decisions",
        json={"action": "complete", "base_version": base - 1},
        headers=headers,
        timeout=10,
    )
    assert stale.status_code == 409
    w02.sync()
    assert local_cases(w02)[food][0] == CaseStatus.COMPLETED.value
    delivery = Delivery(DeliveryMethod.WINDOW, at("2026-03-05 10:00"), "张7", identity_checked=True)
    services.record_hand_out(
        w02.store.unit_of_work(),
        case_id=food,
        delivery=delivery,
        actor=w02.clerk,
        now=at("2026-03-05 10:00"),
    )
    w02.sync()
    w01.sync()
    assert local_cases(w01)[food][0] == CaseStatus.DELIVERED.value
    assert w02.store.health().rejected == 0
    check_invariants(registry, [w01, w02])


def test_a_counter_acting_on_a_case_the_back_office_changed_gets_it_back_for_a_person(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter("W01")
    case_id = counter.open_and_accept(9)
    counter.sync()
    headers = staff_session(registry, "S001")
    base = requests.get(
        f"{registry.url}/api/v1/cases/{case_id}", headers=headers, timeout=10
    ).json()["version"]
    decided = requests.post(
        f"{registry.url}/api/v1/cases/{case_id}/decisions",
        json={"action": "start_review", "base_version": base},
        headers=headers,
        timeout=10,
    )
    assert decided.status_code == 200
    services.withdraw(
        counter.store.unit_of_work(),
        case_id=case_id,
        reason="申请人撤回",
        actor=counter.clerk,
        now=at("2026-03-02 11:00"),
    )  # offline, on the copy from before the review started
    counter.sync()
    with counter.store.unit_of_work(read_only=True) as uow:
        attention = uow.repositories.outbox.needs_attention()
    assert [(op.op_type, op.result_code) for op in attention] == [("case.withdrawn", "stale")]
    assert local_cases(counter)[case_id][0] == CaseStatus.IN_REVIEW.value  # the registry's copy
    listed = requests.get(f"{registry.url}/api/v1/attention", headers=headers, timeout=10).json()
    assert [item["code"] for item in listed["items"]] == ["stale"]
    check_invariants(registry, [counter])
