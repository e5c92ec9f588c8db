"""The print queue in the local store: nothing is lost between the click and the printer."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk import services
from clerk.errors import NotFound
from clerk.staff import Actor
from clerk.store import Store, open_store
from tests.integration.conftest import at
from tests.integration.test_services import COMPLETE_BUSINESS, open_business_case


def accepted_case(store: Store, clerk: Actor) -> tuple[str, str]:
    case_id = open_business_case(store, clerk, when="2026-03-02 09:00")
    services.record_materials(
        store.unit_of_work(),
        case_id=case_id,
        records=COMPLETE_BUSINESS,
        actor=clerk,
        now=at("2026-03-02 09:05"),
    )
    result = services.accept(
        store.unit_of_work(), case_id=case_id, actor=clerk, now=at("2026-03-02 09:10")
    )
    return case_id, result.documents[0]


def test_an_issued_document_is_queued_in_its_own_transaction_and_survives_a_restart(
    store: Store, clerk_actor: Actor, tmp_path: Path
) -> None:
    _, number = accepted_case(store, clerk_actor)
    jobs = services.queued_jobs(store.unit_of_work(read_only=True))
    assert [(job.number, job.copy, job.state) for job in jobs] == [(number, 0, "queued")]
    store.close()
    with open_store(tmp_path / "counter.db") as reopened:
        assert services.queued_jobs(reopened.unit_of_work(read_only=True)) == jobs


def test_a_failed_attempt_keeps_the_job_and_a_printed_one_leaves_the_queue(
    store: Store, clerk_actor: Actor
) -> None:
    accepted_case(store, clerk_actor)
    (job,) = services.queued_jobs(store.unit_of_work(read_only=True))
    services.job_failed(store.unit_of_work(), job_id=job.job_id, error="printer out of paper")
    (again,) = services.queued_jobs(store.unit_of_work(read_only=True))
    assert (again.job_id, again.attempts, again.last_error) == (
        job.job_id,
        1,
        "printer out of paper",
    )
    services.job_printed(store.unit_of_work(), job_id=job.job_id, now=at("2026-03-02 09:11"))
    assert services.queued_jobs(store.unit_of_work(read_only=True)) == ()


def test_a_reprint_is_an_audited_action_that_queues_a_marked_copy(
    store: Store, clerk_actor: Actor
) -> None:
    case_id, number = accepted_case(store, clerk_actor)
    (original,) = services.queued_jobs(store.unit_of_work(read_only=True))
    services.job_printed(store.unit_of_work(), job_id=original.job_id, now=at("2026-03-02 09:11"))
    services.reprint(
        store.unit_of_work(), number=number, actor=clerk_actor, now=at("2026-03-02 09:30")
    )
    services.reprint(
        store.unit_of_work(), number=number, actor=clerk_actor, now=at("2026-03-02 09:31")
    )
    jobs = services.queued_jobs(store.unit_of_work(read_only=True))
    assert [(job.number, job.copy) for job in jobs] == [(number, 1), (number, 2)]
    with store.unit_of_work(read_only=True) as uow:
        actions = [entry.action for entry in uow.audit.for_case(case_id)]
        pending = [op.op_type for op in uow.outbox.pending()]
    assert actions[-2:] == ["case.document_reprinted", "case.document_reprinted"]
    assert pending[-2:] == ["case.document_reprinted", "case.document_reprinted"]
    with pytest.raises(NotFound):
        services.reprint(
            store.unit_of_work(),
            number="SF01-W05-1-2026-999999",
            actor=clerk_actor,
            now=at("2026-03-02 09:40"),
        )
