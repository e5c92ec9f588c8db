"""Use cases that end or advance a case at the counter: refusal, on-the-spot, hand-out, void."""

from __future__ import annotations

from datetime import datetime

from clerk.audit import JsonValue
from clerk.cases import Case, Delivery, RefusalRequest
from clerk.catalog.model import ServiceItem
from clerk.codec import to_json
from clerk.ports import UnitOfWork
from clerk.services.core import Step, act, issue_document
from clerk.services.intake import document_facts
from clerk.services.views import ActionResult
from clerk.staff import Actor


def request_refusal(
    uow: UnitOfWork,
    *,
    case_id: str,
    reasons: str,
    facts: str,
    legal_basis: str,
    actor: Actor,
    now: datetime,
    competent_agency: str = "",
) -> ActionResult:
    """A clerk asks to refuse the application; a supervisor must approve (窗口无否决权).

    Raises:
        InvalidInput: reasons or legal basis missing. RuleViolation: not refusable now.
    """

    def rule(case: Case, item: ServiceItem) -> Step:
        request = RefusalRequest(
            reasons=reasons,
            facts=facts,
            legal_basis=legal_basis,
            requested_by=actor.staff_id,
            requested_at=now,
            competent_agency=competent_agency,
        )
        case.request_refusal(request)
        return Step("case.refusal_requested", {"reasons": reasons})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def approve_refusal(
    uow: UnitOfWork, *, case_id: str, supervisor: Actor, now: datetime
) -> ActionResult:
    """A supervisor approves the refusal: the refusal notice with remedies is issued.

    Raises:
        PermissionDenied: not a supervisor, or approving their own request.
        RuleViolation: no refusal request is pending.
    """

    def rule(case: Case, item: ServiceItem) -> Step:
        request = case.approve_refusal(item=item, supervisor=supervisor, now=now)
        payload = document_facts(case, item, supervisor) | {
            "refusal": to_json(request),
            "remedies": to_json(case.remedies),
        }
        number = issue_document(uow, kind="refusal_notice", case=case, now=now, payload=payload)
        detail: dict[str, JsonValue] = {"document": number, "requested_by": request.requested_by}
        return Step("case.refusal_approved", detail, [number])

    return act(uow, case_id=case_id, actor=supervisor, now=now, rule=rule)


def decline_refusal(
    uow: UnitOfWork, *, case_id: str, supervisor: Actor, now: datetime
) -> ActionResult:
    """A supervisor turns a refusal request down; the clerk goes on with the case."""

    def rule(case: Case, item: ServiceItem) -> Step:
        case.decline_refusal(supervisor=supervisor, now=now)
        return Step("case.refusal_declined")

    return act(uow, case_id=case_id, actor=supervisor, now=now, rule=rule)


def complete_on_the_spot(
    uow: UnitOfWork, *, case_id: str, actor: Actor, now: datetime
) -> ActionResult:
    """Finish a 即办件 at the counter right after acceptance (办结).

    Raises:
        RuleViolation: the item is not a 即办件, or 容缺 material is owed.
    """

    def rule(case: Case, item: ServiceItem) -> Step:
        case.complete(item=item, actor=actor, now=now)
        return Step("case.completed")

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def record_hand_out(
    uow: UnitOfWork, *, case_id: str, delivery: Delivery, actor: Actor, now: datetime
) -> ActionResult:
    """Hand the result out at the window, or record that it was posted (出件登记).

    Raises:
        RuleViolation: the case is not completed. InvalidInput: identity not checked.
    """

    def rule(case: Case, item: ServiceItem) -> Step:
        case.deliver(delivery, actor=actor)
        payload = document_facts(case, item, actor) | {"delivery": to_json(delivery)}
        number = issue_document(uow, kind="hand_out_record", case=case, now=now, payload=payload)
        return Step(
            "case.delivered", {"document": number, "method": delivery.method.value}, [number]
        )

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def void_case(
    uow: UnitOfWork, *, case_id: str, reason: str, actor: Actor, now: datetime
) -> ActionResult:
    """Void a case entered in error: kept forever with its reason, never deleted."""

    def rule(case: Case, item: ServiceItem) -> Step:
        case.void(reason=reason, actor=actor, now=now)
        return Step("case.voided", {"reason": reason})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def withdraw(
    uow: UnitOfWork, *, case_id: str, reason: str, actor: Actor, now: datetime
) -> ActionResult:
    """The applicant withdraws the application."""

    def rule(case: Case, item: ServiceItem) -> Step:
        case.withdraw(reason=reason, actor=actor, now=now)
        return Step("case.withdrawn", {"reason": reason})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)
