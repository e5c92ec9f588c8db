"""Cases for the follow-up tests, built through the real use cases on a real store.

What the back office does (review, suspension) happens at the registry; here it reaches the
counter's store the way the sync engine brings it: the registry acknowledged the counter's
operations, then a pulled page carries the registry's copy of the case (`SyncLedger.apply_page`).
The registry-backed test in this folder checks the same path over HTTP.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from clerk import services
from clerk.cases import Applicant, ApplicantKind, Case
from clerk.catalog.model import ServiceItem
from clerk.codec import from_json, to_json
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.ports import OpState
from clerk.staff import Actor, Role
from clerk.store import Answer, Store, uuid7
from clerk.wire import Change, hall_space

FOOD = "1133990000248201X8000120105000"  # 食品经营许可: 5 working days, 容缺, situations
DISABILITY = "1333990050248219KR000220301000"  # 残疾人证申领: 15 working days, assessment
BUSINESS = "1133990000248201X8000120103000"  # 个体工商户设立登记: 即办件

FOOD_COMPLETE = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.E_LICENCE),
    "M04": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M05": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M06": MaterialRecord(Provision.COMMITMENT),  # 告知承诺 for the health certificates
}
FOOD_PARTIAL = {"M01": MaterialRecord(Provision.ORIGINAL, copies=1)}
DISABILITY_COMPLETE = {
    code: MaterialRecord(Provision.ORIGINAL, copies=1) for code in ("M01", "M02", "M03", "M04")
}
COMPLETE = {
    FOOD: FOOD_COMPLETE,
    DISABILITY: DISABILITY_COMPLETE,
    BUSINESS: {
        "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
        "M02": MaterialRecord(Provision.E_LICENCE),
        "M03": MaterialRecord(Provision.COPY, copies=1),
    },
}
CLERK = Actor("c001", "王小明", Role.CLERK)
SUPERVISOR = Actor("s001", "李主任", Role.SUPERVISOR)
BACK_OFFICE = Actor("b007", "审批科", Role.SUPERVISOR)


def id_number(n: int) -> str:
    """A valid resident ID number, different for each n below 1000."""
    body = f"33010619850312{n % 1000:03d}"
    return body + resident_id_check_char(body)


def applicant(n: int, name: str, *, phone: str = "13812345678") -> Applicant:
    """A checked person applying."""
    return Applicant.checked(
        kind=ApplicantKind.PERSON, name=name, id_number=id_number(n), phone=phone
    )


def open_case(
    store: Store,
    who: Applicant,
    *,
    when: datetime,
    item: str = FOOD,
    situation: str | None = "new",
    actor: Actor = CLERK,
) -> str:
    """Open a case; returns its id."""
    return services.open_case(
        store.unit_of_work(),
        case_id=uuid7(),
        item_code=item,
        situation=situation if item == FOOD else None,
        applicant=who,
        actor=actor,
        now=when,
    ).case.case_id


def accepted(
    store: Store, who: Applicant, *, when: datetime, item: str = FOOD, actor: Actor = CLERK
) -> str:
    """Open a case with complete materials and accept it; returns its id."""
    case_id = open_case(store, who, when=when, item=item, actor=actor)
    services.record_materials(
        store.unit_of_work(),
        case_id=case_id,
        records=COMPLETE[item],
        actor=actor,
        now=when + timedelta(minutes=2),
    )
    uow = store.unit_of_work()
    services.accept(uow, case_id=case_id, actor=actor, now=when + timedelta(minutes=5))
    return case_id


def noticed(store: Store, who: Applicant, *, when: datetime, actor: Actor = CLERK) -> str:
    """Open a food case with materials missing, receive it and issue the one-time notice."""
    case_id = open_case(store, who, when=when, actor=actor)
    uow = store.unit_of_work
    later = when + timedelta(minutes=3)
    services.record_materials(uow(), case_id=case_id, records=FOOD_PARTIAL, actor=actor, now=later)
    services.receive(uow(), case_id=case_id, actor=actor, now=later)
    services.issue_notice(uow(), case_id=case_id, actor=actor, now=when + timedelta(minutes=6))
    return case_id


def registry_took_everything(store: Store, *, when: datetime) -> None:
    """The registry applied every pending operation (as a push round records it)."""
    ledger = store.ledger()
    batch = ledger.outbox_batch(limit=10_000, max_bytes=1 << 30)
    ledger.record_answers([Answer(op.op_id, OpState.APPLIED) for op in batch], at=when)


def registry_rejected_last(store: Store, *, code: str, reason: str, when: datetime) -> None:
    """The registry rejected the newest pending operation and applied the others."""
    ledger = store.ledger()
    batch = ledger.outbox_batch(limit=10_000, max_bytes=1 << 30)
    answers = [Answer(op.op_id, OpState.APPLIED) for op in batch[:-1]]
    answers.append(Answer(batch[-1].op_id, OpState.REJECTED, code, reason))
    ledger.record_answers(answers, at=when)


def back_office(
    store: Store,
    case_id: str,
    *,
    when: datetime,
    suspend: str | None = None,
    resume_after: timedelta | None = None,
) -> None:
    """The back office starts the review (and suspends) at the registry; the counter pulls it.

    Args:
        store: the counter's store (its operations are acknowledged first).
        case_id: an accepted case.
        when: when the review starts; a suspension follows an hour later.
        suspend: the special procedure to suspend for, if any.
        resume_after: resume the suspension this long after it began.
    """
    registry_took_everything(store, when=when)
    case, item = _stored(store, case_id)
    case.start_review(actor=BACK_OFFICE, now=when)
    if suspend is not None:
        paused = when + timedelta(hours=1)
        case.suspend(procedure=suspend, reason="现场核查", item=item, actor=BACK_OFFICE, now=paused)
        if resume_after is not None:
            case.resume(actor=BACK_OFFICE, now=paused + resume_after)
    _pulled(store, case, when=when)


def _stored(store: Store, case_id: str) -> tuple[Case, ServiceItem]:
    with store.unit_of_work(read_only=True) as uow:
        record = uow.cases.get(case_id)
        item = uow.catalogue.item(record.item_code, record.item_version)
    return from_json(Case, record.data), item


def _pulled(store: Store, case: Case, *, when: datetime) -> None:
    ledger = store.ledger()
    space = hall_space(store.device.hall)
    position = ledger.cursor(space) + 1
    with store.unit_of_work(read_only=True) as uow:
        record = uow.cases.get(case.case_id)
    version = (record.server_version or record.version) + 1
    data = {
        "case": to_json(case),
        "case_id": case.case_id,
        "number": case.number,
        "status": case.status.value,
        "version": version,
    }
    page = ledger.apply_page(space, [Change(position, "case", case.case_id, data)], now=when)
    assert page.applied == 1, "the registry's copy was not taken"
