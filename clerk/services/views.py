"""Plain, frozen results the use cases return to the UI (no ORM rows, no aggregates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerk.cases import Case, CaseStatus, RatingLevel
from clerk.catalog.model import ServiceItem
from clerk.identity import mask_id_for_screen, mask_phone
from clerk.materials import Checklist, ChecklistLine, Verdict
from clerk.ports import CaseRecord


@dataclass(frozen=True, slots=True)
class OwedView:
    """A material owed under 容缺 and its due date."""

    code: str
    name: str
    due_on: date
    fulfilled: bool


@dataclass(frozen=True, slots=True)
class CaseView:
    """A case as the counter shows it; personal numbers are masked for the screen."""

    case_id: str
    number: str
    status: CaseStatus
    item_code: str
    item_name: str
    situation: str | None
    applicant_name: str
    applicant_id_masked: str
    applicant_phone_masked: str
    visits: int
    received_on: date | None
    notice_due: date | None
    accepted_on: date | None
    deemed_accepted: bool
    due_on: date | None
    due_provisional: bool
    verdict: Verdict | None
    lines: tuple[ChecklistLine, ...]
    notices: tuple[str, ...]
    owed: tuple[OwedView, ...]
    refusal_pending: bool
    version: int
    rating: RatingLevel | None = None  # the applicant's 好差评, once given


@dataclass(frozen=True, slots=True)
class ActionResult:
    """What one clerk action produced: the case after it and the documents to print."""

    case: CaseView
    documents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One search hit."""

    case_id: str
    number: str
    status: CaseStatus
    item_code: str
    applicant_name: str
    applicant_id_masked: str
    applicant_phone_masked: str
    received_on: date


@dataclass(frozen=True, slots=True)
class ItemSummary:
    """One catalogue entry for lists and pickers."""

    code: str
    version: int
    name: str
    agency: str
    four_class: str
    handling_class: str
    materials: int


def case_view(
    case: Case,
    item: ServiceItem,
    *,
    version: int,
    checklist: Checklist,
    due: tuple[date, bool] | None,
) -> CaseView:
    """Build the screen view of a case."""
    return CaseView(
        case_id=case.case_id,
        number=case.number,
        status=case.status,
        item_code=item.code,
        item_name=item.name,
        situation=case.situation,
        applicant_name=case.applicant.name,
        applicant_id_masked=mask_id_for_screen(case.applicant.id_number),
        applicant_phone_masked=mask_phone(case.applicant.phone) if case.applicant.phone else "",
        visits=len(case.visits),
        received_on=case.received_on,
        notice_due=case.notice_due,
        accepted_on=case.accepted_on,
        deemed_accepted=case.deemed_accepted,
        due_on=due[0] if due else None,
        due_provisional=due[1] if due else False,
        verdict=checklist.verdict,
        lines=checklist.lines,
        notices=tuple(notice.number for notice in case.notices),
        owed=tuple(
            OwedView(o.code, o.name, o.due_on, o.fulfilled_at is not None) for o in case.owed
        ),
        refusal_pending=case.refusal is not None and case.refusal.approved_by is None,
        version=version,
        rating=case.rating.rating.level if case.rating else None,
    )


def case_summary(record: CaseRecord) -> CaseSummary:
    """Build a search hit from a stored case."""
    return CaseSummary(
        case_id=record.case_id,
        number=record.number,
        status=CaseStatus(record.status),
        item_code=record.item_code,
        applicant_name=record.applicant_name,
        applicant_id_masked=mask_id_for_screen(record.applicant_id_number),
        applicant_phone_masked=mask_phone(record.applicant_phone) if record.applicant_phone else "",
        received_on=record.received_at.date(),
    )


def item_summary(item: ServiceItem) -> ItemSummary:
    """Build a catalogue list entry."""
    return ItemSummary(
        code=item.code,
        version=item.version,
        name=item.name,
        agency=item.agency.name,
        four_class=item.four_class.value,
        handling_class=item.handling_class.value,
        materials=len(item.materials),
    )
