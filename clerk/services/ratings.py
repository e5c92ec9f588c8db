"""好差评 use cases: the applicant rates on the panel; supervisors follow bad ratings up.

`rate` and `follow_up` are clerk actions like any other (one unit of work: the case, the audit
entry and the outbox operation commit together, and the registry re-checks them). The rating
lives in the case's own state, so the follow-up list is a query over the local cases, which
hold every case of the hall once pulled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from clerk.audit import JsonValue
from clerk.cases import (
    ApplicantPanel,
    BadReason,
    Case,
    GivenRating,
    Rating,
    RatingLevel,
    RatingPolicy,
)
from clerk.cases.rating import FOLLOW_UP_RECORDED, RATED
from clerk.catalog.model import ServiceItem
from clerk.clock import local_day
from clerk.codec import from_json
from clerk.identity import mask_phone
from clerk.ports import CaseRecord, UnitOfWork
from clerk.services.core import Step, act, calendar_of
from clerk.services.views import ActionResult
from clerk.staff import Actor, Role


@dataclass(frozen=True, slots=True)
class FollowUpView:
    """One bad rating in the supervisors' follow-up list.

    The phone is masked for the list; `applicant_phone` is there in full for the call-back.
    """

    case_id: str
    number: str
    item_code: str
    applicant_name: str
    applicant_phone_masked: str
    applicant_phone: str
    level: RatingLevel
    reasons: tuple[BadReason, ...]
    text: str
    clerk_id: str
    rated_at: datetime
    due_on: date
    due_provisional: bool
    overdue: bool
    done_by: str | None
    done_at: datetime | None
    note: str

    @property
    def done(self) -> bool:
        """Whether the follow-up has been recorded."""
        return self.done_at is not None


def rate(
    uow: UnitOfWork,
    *,
    case_id: str,
    rating: Rating,
    via: ApplicantPanel | Actor,
    now: datetime,
    policy: RatingPolicy | None = None,
) -> ActionResult:
    """Record the applicant's rating given on the counter's customer-facing panel.

    Args:
        uow: the unit of work (not yet entered).
        case_id: the case rated.
        rating: the level, with reasons (and words) for a bad one.
        via: the panel the rating came through; a staff member's actor is refused.
        now: when (timezone-aware).
        policy: the hall's follow-up period for bad ratings (3 working days by default).

    Returns:
        The case after the rating.

    Raises:
        RuleViolation: given by staff, already rated, or the case cannot be rated now.
        NotFound: no such case.
    """
    hall_policy = policy or RatingPolicy()
    actor = via if isinstance(via, Actor) else _panel_actor(via)

    def rule(case: Case, item: ServiceItem) -> Step:
        given = case.rate(rating, via=via, now=now, policy=hall_policy, calendar=calendar_of(uow))
        detail: dict[str, JsonValue] = {
            "level": rating.level.value,
            "reasons": [reason.value for reason in rating.reasons],
            "rated": given.clerk_id,
        }
        if given.follow_up_due is not None:
            detail["follow_up_due"] = given.follow_up_due.isoformat()
        return Step(RATED, detail)

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def follow_up(
    uow: UnitOfWork, *, case_id: str, note: str, supervisor: Actor, now: datetime
) -> ActionResult:
    """A supervisor records that a bad rating was rectified and the applicant called back.

    Raises:
        RuleViolation: the case has no bad rating waiting for a follow-up.
        PermissionDenied: not a supervisor, or the supervisor is the person rated.
        InvalidInput: no note.
    """

    def rule(case: Case, item: ServiceItem) -> Step:
        given = case.record_follow_up(note=note, supervisor=supervisor, now=now)
        assert given.follow_up_due is not None  # only a bad rating is followed up
        late = local_day(now) > given.follow_up_due
        return Step(FOLLOW_UP_RECORDED, {"late": late, "rated": given.clerk_id})

    return act(uow, case_id=case_id, actor=supervisor, now=now, rule=rule)


def follow_up_list(
    uow: UnitOfWork, *, now: datetime, include_done: bool = False
) -> tuple[FollowUpView, ...]:
    """The bad ratings of the hall's cases held here, soonest due first.

    Args:
        uow: a read-only unit of work (not yet entered).
        now: the moment that decides what is overdue.
        include_done: also list the bad ratings already followed up (after the open ones).

    Returns:
        Open follow-ups by due date, then (if asked) done ones, most recent first.
    """
    today = local_day(now)
    with uow:
        records = uow.cases.rated_badly(open_only=not include_done)
    views = [_view(record, today) for record in records]
    open_ = sorted((v for v in views if not v.done), key=lambda v: (v.due_on, v.rated_at))
    done = sorted((v for v in views if v.done), key=lambda v: v.done_at or v.rated_at)
    return (*open_, *reversed(done))


def _view(record: CaseRecord, today: date) -> FollowUpView:
    given = from_json(GivenRating, record.data["rating"])
    assert given.follow_up_due is not None  # the store found it by its due date
    done = given.follow_up
    return FollowUpView(
        case_id=record.case_id,
        number=record.number,
        item_code=record.item_code,
        applicant_name=record.applicant_name,
        applicant_phone_masked=mask_phone(record.applicant_phone) if record.applicant_phone else "",
        applicant_phone=record.applicant_phone,
        level=given.rating.level,
        reasons=given.rating.reasons,
        text=given.rating.text,
        clerk_id=given.clerk_id,
        rated_at=given.at,
        due_on=given.follow_up_due,
        due_provisional=given.follow_up_provisional,
        overdue=given.overdue(today),
        done_by=None if done is None else done.by,
        done_at=None if done is None else done.at,
        note="" if done is None else done.note,
    )


def _panel_actor(panel: ApplicantPanel) -> Actor:
    """The panel as the audit trail names it.

    Only the id reaches the audit entry; the role is a placeholder that no rule reads (the
    rating's own rule checks for the panel, not for a role).
    """
    return Actor(panel.source_id, "申请人评价", Role.CLERK)
