"""Use cases of intake: open a case, record materials, receive, one-time notice, accept."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from clerk.approvals import OVERRIDE, require_other_approver
from clerk.audit import JsonValue
from clerk.cases import Applicant, Case
from clerk.catalog.model import ServiceItem
from clerk.clock import local_day
from clerk.codec import to_json
from clerk.identity import mask_id_number
from clerk.materials import MaterialRecord
from clerk.notices import Override
from clerk.ports import UnitOfWork
from clerk.services.core import (
    Step,
    act,
    calendar_of,
    issue_document,
    new_number,
    require_aware,
    save,
    trace,
    view_of,
)
from clerk.services.views import ActionResult
from clerk.staff import Actor


def open_case(
    uow: UnitOfWork,
    *,
    case_id: str,
    item_code: str,
    situation: str | None,
    applicant: Applicant,
    actor: Actor,
    now: datetime,
) -> ActionResult:
    """Open a case for an applicant at this counter (the first visit).

    Args:
        uow: the unit of work.
        case_id: a new unique id for the case (UUIDv7 from the caller).
        item_code: the item's implementation code (its current version is used).
        situation: the chosen situation code, if the item has situations.
        applicant: the checked applicant (`Applicant.checked`).
        actor: the clerk.
        now: when (timezone-aware).

    Returns:
        The new case; its number is final once this returns.

    Raises:
        NotFound: unknown item. InvalidInput: missing or unknown situation.
    """
    require_aware(now)
    with uow:
        item = uow.catalogue.item(item_code)
        number = new_number(uow, now)
        case = Case.open(
            case_id=case_id,
            number=number,
            item=item,
            situation=situation,
            applicant=applicant,
            actor=actor,
            counter=uow.device.counter,
            now=now,
        )
        step = Step("case.opened", {"number": number, "item": item.code, "version": item.version})
        entry = trace(uow, actor=actor, now=now, step=step, case_id=case_id)
        saved = save(uow, case, previous=None, now=now, step=step, entry=entry)
        view = view_of(uow, case, item, version=saved.version, now=now)
        uow.commit()
    return ActionResult(view)


def record_materials(
    uow: UnitOfWork,
    *,
    case_id: str,
    records: Mapping[str, MaterialRecord],
    actor: Actor,
    now: datetime,
) -> ActionResult:
    """Record what the applicant hands in (at intake, or corrections on a return visit)."""

    def rule(case: Case, item: ServiceItem) -> Step:
        case.record_materials(records, item)
        detail: dict[str, JsonValue] = {c: r.provision.value for c, r in records.items()}
        return Step("case.materials_recorded", {"materials": detail})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def receive(uow: UnitOfWork, *, case_id: str, actor: Actor, now: datetime) -> ActionResult:
    """Take the materials in (收件) and print the materials receipt voucher."""

    def rule(case: Case, item: ServiceItem) -> Step:
        case.receive(actor=actor, now=now, calendar=calendar_of(uow))
        number = issue_document(
            uow,
            kind="materials_voucher",
            case=case,
            now=now,
            payload=document_facts(case, item, actor),
        )
        return Step("case.received", {"document": number}, [number])

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def record_return_visit(
    uow: UnitOfWork, *, case_id: str, actor: Actor, now: datetime
) -> ActionResult:
    """The applicant is back at a counter for this case (counts against the one-trip goal)."""

    def rule(case: Case, item: ServiceItem) -> Step:
        case.record_visit(now=now, counter=uow.device.counter, actor=actor)
        return Step("case.visit", {"visits": len(case.visits)})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def corrections_received(
    uow: UnitOfWork, *, case_id: str, actor: Actor, now: datetime
) -> ActionResult:
    """The corrections asked for are in: the case is received again."""

    def rule(case: Case, item: ServiceItem) -> Step:
        case.corrections_received(actor=actor, now=now, calendar=calendar_of(uow))
        return Step("case.corrections_received")

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def issue_notice(
    uow: UnitOfWork,
    *,
    case_id: str,
    actor: Actor,
    now: datetime,
    override: Override | None = None,
) -> ActionResult:
    """Issue the one-time correction notice (一次性告知书) listing everything to correct.

    Raises:
        RuleViolation: nothing to correct, the 5-day limit passed, or the one-time rule is
            broken without a supervisor's override.
        PermissionDenied: the override is not a supervisor's, or is the issuing person's own.
    """
    if override is not None:  # the person issuing the notice asks for the override
        require_other_approver(override.supervisor, requested_by=actor.staff_id, what=OVERRIDE)

    def rule(case: Case, item: ServiceItem) -> Step:
        number = new_number(uow, now)
        notice = case.issue_notice(
            number=number,
            item=item,
            actor=actor,
            now=now,
            calendar=calendar_of(uow),
            override=override,
        )
        payload = document_facts(case, item, actor) | {"notice": to_json(notice)}
        issue_document(
            uow, kind="correction_notice", case=case, now=now, payload=payload, number=number
        )
        detail: dict[str, JsonValue] = {"document": number, "lines": len(notice.lines)}
        if notice.override is not None:
            detail["override_by"] = notice.override.supervisor.staff_id
            detail["override_reason"] = notice.override.reason
            detail["unlisted"] = list(notice.unlisted_codes)
        return Step("case.notice_issued", detail, [number])

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def accept(uow: UnitOfWork, *, case_id: str, actor: Actor, now: datetime) -> ActionResult:
    """Accept the case (受理) and issue the acceptance receipt, with owed 容缺 items on it.

    Raises:
        RuleViolation: something is missing or defective (a notice is needed instead).
    """

    def rule(case: Case, item: ServiceItem) -> Step:
        calendar = calendar_of(uow)
        case.accept(item=item, actor=actor, now=now, calendar=calendar)
        deadline = case.deadline(item, as_of=local_day(now), calendar=calendar)
        payload = document_facts(case, item, actor) | {
            "accepted_on": local_day(now).isoformat(),
            "due_on": deadline.date.isoformat(),
            "due_provisional": deadline.provisional,
            "owed": to_json(case.owed),
            "commitments": list(case.commitments),
        }
        number = issue_document(uow, kind="acceptance_receipt", case=case, now=now, payload=payload)
        return Step("case.accepted", {"document": number, "owed": len(case.owed)}, [number])

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def document_facts(case: Case, item: ServiceItem, actor: Actor) -> dict[str, JsonValue]:
    """What every printed document of a case shows; the ID number is masked for paper."""
    return {
        "case_number": case.number,
        "item_code": item.code,
        "item_version": item.version,
        "item_name": item.name,
        "situation": case.situation,
        "agency": item.agency.name,
        "applicant_name": case.applicant.name,
        "applicant_id_masked": mask_id_number(case.applicant.id_number),
        "clerk_id": actor.staff_id,
        "clerk_name": actor.name,
    }
