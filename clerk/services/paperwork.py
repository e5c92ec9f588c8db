"""What the decision dialogs show before they act, and the applicant's signature on paper.

Read-only use cases (a read-only unit of work is enough): the one-time notice as it would be
issued now, the materials 容缺 or 告知承诺 may cover, the refusal's grounds and remedies, the
refusals waiting for a supervisor, and the stored facts a document is printed from. One
write: `sign_document` records that the applicant signed a paper (全程留痕).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from clerk.cases import Case, Remedies
from clerk.cases.case import LAWSUIT_MONTHS, REVIEW_DAYS
from clerk.catalog.model import CorrectionExpiry, OwedExpiry, ServiceItem
from clerk.clock import local_day
from clerk.codec import from_json
from clerk.errors import ClerkError, InvalidInput, RuleViolation
from clerk.materials import LineState, MaterialRecord, Problem, Provision, evaluate
from clerk.notices import Notice, Override
from clerk.ports import CaseRecord, DocumentRecord, UnitOfWork
from clerk.services.core import Step, act, calendar_of, load_case, require_aware
from clerk.services.views import ActionResult
from clerk.staff import Actor, Role
from clerk.workdays import WorkCalendar, add_limit

_DRAFTER = Actor("draft", "draft", Role.SUPERVISOR)
"""Who "issues" a draft notice: it is never saved, and the override it tries is never real."""


@dataclass(frozen=True, slots=True)
class NoticeDraftLine:
    """One line the notice would list, with the acceptance standard the clerk checks."""

    code: str
    name: str
    problem: Problem
    requirement: str
    reason: str
    standard: str
    unlisted: bool  # an earlier notice did not list it: a supervisor must override


@dataclass(frozen=True, slots=True)
class NoticeDraft:
    """The one-time notice as `issue_notice` would issue it now (nothing is written)."""

    case_number: str
    lines: tuple[NoticeDraftLine, ...]
    earlier: tuple[str, ...]
    correction_due: date
    due_provisional: bool
    on_expiry: CorrectionExpiry

    @property
    def needs_override(self) -> bool:
        """Whether the one-time rule refuses this notice without a supervisor's override."""
        return any(line.unlisted for line in self.lines)


@dataclass(frozen=True, slots=True)
class SubstituteLine:
    """A material 容缺 or 告知承诺 may cover, and whether it is recorded so now."""

    code: str
    name: str
    standard: str
    chosen: bool


@dataclass(frozen=True, slots=True)
class Paperwork:
    """What 容缺 and 告知承诺 may cover in a case, and the owed materials' due date."""

    owable: tuple[SubstituteLine, ...]
    committable: tuple[SubstituteLine, ...]
    owed_due: date | None
    owed_due_provisional: bool
    owed_on_expiry: OwedExpiry | None


@dataclass(frozen=True, slots=True)
class PendingRefusal:
    """A refusal request waiting for a supervisor, as the supervisor reads it."""

    case_id: str
    case_number: str
    applicant_name: str
    item_name: str
    reasons: str
    facts: str
    legal_basis: str
    competent_agency: str
    requested_by: str
    requested_at: datetime


@dataclass(frozen=True, slots=True)
class RefusalContext:
    """What a refusal of a case can cite, and the remedies its notice will print."""

    agency: str
    conditions: tuple[str, ...]
    legal_basis: tuple[str, ...]
    remedies: Remedies
    pending: PendingRefusal | None


@dataclass(frozen=True, slots=True)
class DocumentSources:
    """What a stored document is printed from: the record, its case, the item version."""

    record: DocumentRecord
    case: CaseRecord
    item: ServiceItem


def draft_notice(uow: UnitOfWork, *, case_id: str, now: datetime) -> NoticeDraft:
    """The notice that would be issued now, marking what the one-time rule does not allow.

    The case is loaded and the domain's own `issue_notice` runs on that copy, which is then
    dropped: the draft is exactly what the use case would issue.

    Raises:
        NotFound: no such case.
        RuleViolation: no notice can be issued now (wrong state, limit passed, nothing to
            correct) — the same refusals as `issue_notice`, except the one-time rule.
    """
    require_aware(now)
    with uow:
        case, _record, item = load_case(uow, case_id)
        calendar = calendar_of(uow)
    earlier = tuple(notice.number for notice in case.notices)
    notice = _dry_run(case, item, now=now, calendar=calendar)
    lines = tuple(
        NoticeDraftLine(
            code=line.code,
            name=line.name,
            problem=line.problem,
            requirement=line.requirement,
            reason=line.reason,
            standard=item.material(line.code).acceptance_standard,
            unlisted=line.code in notice.unlisted_codes,
        )
        for line in notice.lines
    )
    return NoticeDraft(
        case.number,
        lines,
        earlier,
        notice.correction_due,
        notice.correction_due_provisional,
        notice.on_expiry,
    )


def _dry_run(case: Case, item: ServiceItem, *, now: datetime, calendar: WorkCalendar) -> Notice:
    """Issue the notice on a throwaway copy of the case; retry with an override if refused."""
    try:
        return case.issue_notice(
            number="draft", item=item, actor=_DRAFTER, now=now, calendar=calendar
        )
    except RuleViolation as refused:
        override = Override(_DRAFTER, "draft")
        try:
            return case.issue_notice(
                number="draft",
                item=item,
                actor=_DRAFTER,
                now=now,
                calendar=calendar,
                override=override,
            )
        except ClerkError:
            raise refused from None


def paperwork(uow: UnitOfWork, *, case_id: str, now: datetime) -> Paperwork:
    """The materials 容缺 and 告知承诺 may cover in this case, by the domain's own checklist.

    Raises:
        NotFound: no such case.
    """
    require_aware(now)
    today = local_day(now)
    with uow:
        case, _record, item = load_case(uow, case_id)
        calendar = calendar_of(uow)
    owable = _substitutes(case, item, Provision.OWED, LineState.OWED, today)
    committable = _substitutes(case, item, Provision.COMMITMENT, LineState.COMMITTED, today)
    policy = item.owed_policy
    due = add_limit(today, policy.due, calendar=calendar) if policy and owable else None
    return Paperwork(
        owable=owable,
        committable=committable,
        owed_due=due.date if due else None,
        owed_due_provisional=due.provisional if due else False,
        owed_on_expiry=policy.on_expiry if policy else None,
    )


def _substitutes(
    case: Case, item: ServiceItem, provision: Provision, state: LineState, today: date
) -> tuple[SubstituteLine, ...]:
    """Lines the checklist accepts in `state` when every material is given as `provision`."""
    trial = {m.code: MaterialRecord(provision) for m in item.materials}
    checklist = evaluate(item, case.situation, trial, today=today)
    return tuple(
        SubstituteLine(
            code=line.code,
            name=line.name,
            standard=item.material(line.code).acceptance_standard,
            chosen=_provision(case, line.code) is provision,
        )
        for line in checklist.lines
        if line.state is state
    )


def _provision(case: Case, code: str) -> Provision | None:
    record = case.materials.get(code)
    return None if record is None else record.provision


def refusal_context(uow: UnitOfWork, *, case_id: str) -> RefusalContext:
    """The item's refusal conditions and legal basis, the remedies, and any pending request.

    Raises:
        NotFound: no such case.
    """
    with uow:
        case, _record, item = load_case(uow, case_id)
    agency = item.agency
    return RefusalContext(
        agency=agency.name,
        conditions=item.refusal_conditions,
        legal_basis=item.legal_basis,
        remedies=Remedies(agency.review_body, REVIEW_DAYS, agency.court, LAWSUIT_MONTHS),
        pending=_pending(case, item),
    )


def pending_refusals(uow: UnitOfWork, *, limit: int = 500) -> tuple[PendingRefusal, ...]:
    """Refusal requests waiting for a supervisor among the newest `limit` cases, oldest first."""
    found: list[PendingRefusal] = []
    with uow:
        for record in uow.cases.search(limit=limit):
            case = from_json(Case, record.data)
            if _waiting(case):
                view = _pending(case, uow.catalogue.item(case.item_code, case.item_version))
                found += [view] if view else []
    return tuple(sorted(found, key=lambda pending: pending.requested_at))


def _waiting(case: Case) -> bool:
    return case.refusal is not None and case.refusal.approved_by is None


def _pending(case: Case, item: ServiceItem) -> PendingRefusal | None:
    request = case.refusal
    if request is None or request.approved_by is not None:
        return None
    return PendingRefusal(
        case_id=case.case_id,
        case_number=case.number,
        applicant_name=case.applicant.name,
        item_name=item.name,
        reasons=request.reasons,
        facts=request.facts,
        legal_basis=request.legal_basis,
        competent_agency=request.competent_agency,
        requested_by=request.requested_by,
        requested_at=request.requested_at,
    )


def document_sources(uow: UnitOfWork, *, number: str) -> DocumentSources:
    """The stored document, its case and the item version, to print or preview it.

    Raises:
        NotFound: no such document.
    """
    with uow:
        record = uow.documents.get(number)
        case = uow.cases.get(record.case_id)
        item = uow.catalogue.item(case.item_code, case.item_version)
    return DocumentSources(record, case, item)


def sign_document(
    uow: UnitOfWork, *, case_id: str, document: str, paper: str, actor: Actor, now: datetime
) -> ActionResult:
    """Record that the applicant signed a paper at the counter (the clerk saw it signed).

    Args:
        uow: the unit of work.
        case_id: the case the paper belongs to.
        document: the number of the stored document the paper was printed from.
        paper: which paper was signed (a document kind, e.g. "correction_notice").
        actor: the clerk who saw it signed.
        now: when (timezone-aware).

    Raises:
        NotFound: no such case. InvalidInput: `document` is not a document of the case.
    """

    def rule(case: Case, _item: ServiceItem) -> Step:
        if uow.documents.get(document).case_id != case.case_id:
            raise InvalidInput(
                "document {document} is not a document of case {number}",
                document=document,
                number=case.number,
            )
        return Step("case.document_signed", {"document": document, "paper": paper})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)
