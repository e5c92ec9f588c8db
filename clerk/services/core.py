"""What every use case does around its rule: load, trace, enqueue, number, save, commit.

One clerk action is one unit of work: the case rows, the audit entry, the outbox operation and
any document number commit together or not at all (SYNC.md, local write path).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from clerk.audit import (
    AuditEntry,
    JsonValue,
    chain_id,
    device_of_chain,
    entry_to_json,
    epoch_of_chain,
    link_to,
    seal,
)
from clerk.cases import Case
from clerk.catalog.model import ServiceItem
from clerk.clock import local_day
from clerk.codec import from_json, to_json
from clerk.errors import InvalidInput
from clerk.ports import CaseRecord, DocumentRecord, UnitOfWork
from clerk.services.views import ActionResult, CaseView, case_view
from clerk.staff import Actor
from clerk.workdays import WorkCalendar


@dataclass(slots=True)
class Step:
    """What a rule applied inside a unit of work wants recorded besides the case itself."""

    action: str
    detail: dict[str, JsonValue] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)


def calendar_of(uow: UnitOfWork) -> WorkCalendar:
    """The national calendar with the hall's overrides from the registry."""
    return WorkCalendar.national().with_overrides(
        uow.calendar.overrides(), complete_years=uow.calendar.complete_years()
    )


def require_aware(now: datetime) -> None:
    """Refuse naive times at the edge of the domain.

    Raises:
        InvalidInput: `now` has no time zone.
    """
    if now.tzinfo is None:
        raise InvalidInput("times must be timezone-aware")


def load_case(uow: UnitOfWork, case_id: str) -> tuple[Case, CaseRecord, ServiceItem]:
    """Load a case, its stored record and the item version it was received under."""
    record = uow.cases.get(case_id)
    case = from_json(Case, record.data)
    return case, record, uow.catalogue.item(case.item_code, case.item_version)


def new_number(uow: UnitOfWork, now: datetime) -> str:
    """This counter's next document number for the year of `now` (final once committed)."""
    return str(uow.numbers.next(local_day(now).year))


def issue_document(
    uow: UnitOfWork,
    *,
    kind: str,
    case: Case,
    now: datetime,
    payload: Mapping[str, JsonValue],
    number: str | None = None,
) -> str:
    """Store a document with the facts it prints, under a new number unless one is given.

    Returns:
        The document number (final once the unit of work commits).
    """
    number = number or new_number(uow, now)
    uow.documents.add(DocumentRecord(number, kind, case.case_id, now, dict(payload)))
    uow.prints.add(number, at=now)  # queued with the document: paper is never lost
    return number


def trace(uow: UnitOfWork, *, actor: Actor, now: datetime, step: Step, case_id: str) -> AuditEntry:
    """Seal the step's audit entry onto this counter's chain of its epoch and return it.

    The first entry of a later epoch's chain names the last entry of the chain before it, so
    the chains of a restored or re-registered counter link up.

    Raises:
        InvalidInput: the actor names no staff member (every action carries its person).
    """
    if not actor.staff_id.strip():
        raise InvalidInput("every action needs the staff member who acts")
    device = uow.device
    chain = chain_id(device.device_id, device.epoch)
    previous = uow.audit.last(chain)
    detail = step.detail
    if previous is None:
        before = _chain_before(uow, chain)
        detail = detail if before is None else {**detail, **link_to(before)}
    entry = seal(
        previous,
        chain=chain,
        at=now,
        actor=actor.staff_id,
        action=step.action,
        case_id=case_id,
        detail=detail,
    )
    uow.audit.append(entry)
    return entry


def _chain_before(uow: UnitOfWork, chain: str) -> AuditEntry | None:
    """The last entry of the latest earlier chain of the device (None for its first chain)."""
    epoch, device_id = epoch_of_chain(chain), device_of_chain(chain)
    if epoch <= 1:
        return None
    earlier = [
        other
        for other in uow.audit.chains()
        if device_of_chain(other) == device_id and epoch_of_chain(other) < epoch
    ]
    if not earlier:
        return None
    return uow.audit.last(max(earlier, key=epoch_of_chain))


def save(
    uow: UnitOfWork,
    case: Case,
    *,
    previous: CaseRecord | None,
    now: datetime,
    step: Step,
    entry: AuditEntry,
) -> CaseRecord:
    """Write the case and its outbox operation.

    The operation carries what the registry needs to hold the action exactly as it happened:
    the case after it, the intent, the sealed audit entry and the documents it numbered. Its
    base is the registry's version of the case this counter last saw (compare-and-set there).
    """
    data = to_json(case)
    assert isinstance(data, dict)
    version = 1 if previous is None else previous.version + 1
    record = CaseRecord(
        case_id=case.case_id,
        number=case.number,
        status=case.status.value,
        item_code=case.item_code,
        item_version=case.item_version,
        applicant_name=case.applicant.name,
        applicant_id_number=case.applicant.id_number,
        applicant_phone=case.applicant.phone,
        received_at=case.opened_at,
        updated_at=now,
        version=version,
        data=data,
        server_version=None if previous is None else previous.server_version,
    )
    if previous is None:
        uow.cases.add(record)
    else:
        uow.cases.update(record, expected_version=previous.version)
    documents: list[JsonValue] = [_document_json(uow, number) for number in step.documents]
    uow.outbox.append(
        op_type=step.action,
        entity_id=case.case_id,
        payload={
            "intent": step.detail,
            "case": data,
            "audit": entry_to_json(entry),
            "documents": documents,
        },
        at=now,
        base_version=record.server_version,
    )
    return record


def _document_json(uow: UnitOfWork, number: str) -> JsonValue:
    document = uow.documents.get(number)
    return {
        "number": document.number,
        "kind": document.kind,
        "created_at": document.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "payload": dict(document.payload),
    }


def view_of(
    uow: UnitOfWork, case: Case, item: ServiceItem, *, version: int, now: datetime
) -> CaseView:
    """The case as the screen shows it, with its checklist and deadline where they apply."""
    today = local_day(now)
    checklist = case.checklist(item, today=today)
    due = None
    if case.accepted_on is not None:
        deadline = case.deadline(item, as_of=today, calendar=calendar_of(uow))
        due = (deadline.date, deadline.provisional)
    return case_view(case, item, version=version, checklist=checklist, due=due)


def act(
    uow: UnitOfWork,
    *,
    case_id: str,
    actor: Actor,
    now: datetime,
    rule: Callable[[Case, ServiceItem], Step],
) -> ActionResult:
    """Run one clerk action on an existing case as one unit of work.

    Args:
        uow: the unit of work (not yet entered).
        case_id: the case acted on.
        actor: who acts.
        now: when (timezone-aware).
        rule: applies the domain rule to the loaded case and says what to record.

    Returns:
        The case after the action and the numbers of the documents it issued.
    """
    require_aware(now)
    with uow:
        case, record, item = load_case(uow, case_id)
        step = rule(case, item)
        entry = trace(uow, actor=actor, now=now, step=step, case_id=case.case_id)
        saved = save(uow, case, previous=record, now=now, step=step, entry=entry)
        view = view_of(uow, case, item, version=saved.version, now=now)
        uow.commit()
    return ActionResult(view, tuple(step.documents))
