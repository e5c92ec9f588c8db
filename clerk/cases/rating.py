"""好差评 (DOMAIN.md §9): the applicant's rating of a case and the follow-up of a bad one.

Five levels; one rating per case, given only on the counter's customer-facing panel (the
`ApplicantPanel` channel: a staff member's `Actor` is refused, so a clerk cannot rate for the
applicant); 不满意 and 非常不满意 need at least one reason from `BadReason` and may carry a short
text. A bad rating opens a follow-up due a hall-set number of working days after the rating
(`RatingPolicy`, 3 by default); a supervisor who was not the person rated records it as done
(rectified and called back) with a note.

When a case can be rated: once the counter has given the applicant an outcome — every state but
RECEIVING (the applicant is still being served) and VOID (an entry error is not a service).
That covers a receipt, a one-time notice, acceptance, refusal, 即办 completion and hand-out,
and later states, so an applicant who did not rate at the first visit can at the next one.

`check_rating_change` is the rule the registry re-checks on every pushed operation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from clerk.cases.status import CaseStatus
from clerk.clock import local_day
from clerk.errors import InvalidInput, PermissionDenied, RuleViolation
from clerk.staff import Actor
from clerk.workdays import WorkCalendar, add_working_days

RATED = "case.rated"
FOLLOW_UP_RECORDED = "case.follow_up_recorded"
RATING_INTENTS = frozenset({RATED, FOLLOW_UP_RECORDED})
"""The operations that may change a case's rating; every other one leaves it as it is."""

PANEL_PREFIX = "applicant-panel:"
MAX_TEXT = 200  # characters of the applicant's own words
MAX_NOTE = 1000
RATABLE = frozenset(CaseStatus) - {CaseStatus.RECEIVING, CaseStatus.VOID}


class AlreadyRated(RuleViolation):
    """The case has its one rating already (the panel thanks the applicant all the same)."""


class RatingLevel(StrEnum):
    """The five levels, best first."""

    VERY_SATISFIED = "very_satisfied"  # 非常满意
    SATISFIED = "satisfied"  # 满意
    BASICALLY_SATISFIED = "basically_satisfied"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意
    VERY_DISSATISFIED = "very_dissatisfied"  # 非常不满意

    @property
    def bad(self) -> bool:
        """Whether this is a 差评 (it needs a reason and a follow-up)."""
        return self in (RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED)


class BadReason(StrEnum):
    """Why the applicant was dissatisfied (the panel offers these, in this order)."""

    ATTITUDE = "attitude"  # 服务态度不好
    LONG_WAIT = "long_wait"  # 等候时间过长
    EXTRA_TRIPS = "extra_trips"  # 多次跑腿
    UNCLEAR = "unclear"  # 告知不清楚
    SLOW = "slow"  # 办理超时、效率低
    TOO_MANY_MATERIALS = "too_many_materials"  # 要求材料过多
    OTHER = "other"  # 其他


@dataclass(frozen=True, slots=True)
class Rating:
    """What the applicant chose: a level, and for a bad one the reasons and optional words.

    Raises:
        InvalidInput: a bad rating without a reason, reasons or words with a good one, a
            reason given twice, or words longer than `MAX_TEXT`.
    """

    level: RatingLevel
    reasons: tuple[BadReason, ...] = ()
    text: str = ""

    def __post_init__(self) -> None:
        if self.level.bad and not self.reasons:
            raise InvalidInput("不满意 and 非常不满意 need at least one reason from the list")
        if not self.level.bad and (self.reasons or self.text.strip()):
            raise InvalidInput("reasons and comments go with 不满意 or 非常不满意 only")
        if len(set(self.reasons)) != len(self.reasons):
            raise InvalidInput("a reason is given twice")
        if len(self.text) > MAX_TEXT:
            raise InvalidInput("the comment is longer than {limit} characters", limit=MAX_TEXT)


@dataclass(frozen=True, slots=True)
class ApplicantPanel:
    """The customer-facing panel of one counter: the one channel a rating comes through."""

    counter: str

    def __post_init__(self) -> None:
        if not self.counter.strip():
            raise InvalidInput("an applicant panel belongs to a counter")

    @property
    def source_id(self) -> str:
        """How the audit trail and the case name this panel (never a staff id)."""
        return f"{PANEL_PREFIX}{self.counter}"


@dataclass(frozen=True, slots=True)
class RatingPolicy:
    """The hall's rule for bad ratings: follow up within this many working days."""

    follow_up_days: int = 3

    def __post_init__(self) -> None:
        if not 1 <= self.follow_up_days <= 30:
            raise InvalidInput("a follow-up period is between 1 and 30 working days")


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A bad rating followed up: the problem rectified and the applicant called back."""

    note: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class GivenRating:
    """A case's rating as recorded: who was rated, when, and the follow-up of a bad one."""

    rating: Rating
    at: datetime
    source: str  # the panel's source_id
    clerk_id: str  # the staff member who served the applicant (the rated one)
    follow_up_due: date | None = None
    follow_up_provisional: bool = False
    follow_up: FollowUp | None = None

    @property
    def needs_follow_up(self) -> bool:
        """Whether a follow-up is owed and not yet recorded."""
        return self.follow_up_due is not None and self.follow_up is None

    def overdue(self, today: date) -> bool:
        """Whether the follow-up is still owed after its due day."""
        return (
            self.needs_follow_up and self.follow_up_due is not None and today > self.follow_up_due
        )


def give_rating(
    rating: Rating,
    *,
    via: ApplicantPanel | Actor,
    status: CaseStatus,
    existing: GivenRating | None,
    clerk_id: str,
    now: datetime,
    policy: RatingPolicy,
    calendar: WorkCalendar,
) -> GivenRating:
    """Record the applicant's rating of a case.

    Returns:
        The rating as the case keeps it; a bad one with its follow-up due date.

    Raises:
        RuleViolation: given by a staff member instead of the panel, the case already rated,
            or not (or no longer) in a state that can be rated.
    """
    if not isinstance(via, ApplicantPanel):
        raise RuleViolation(
            "only the applicant rates, on the customer-facing panel; staff cannot rate for them"
        )
    if existing is not None:
        raise AlreadyRated("this case has already been rated (one rating per case)")
    if status not in RATABLE:
        raise RuleViolation("a case in state {status} cannot be rated", status=status)
    today = local_day(now)  # refuses a naive time
    given = GivenRating(rating, now, via.source_id, clerk_id)
    if not rating.level.bad:
        return given
    due = add_working_days(today, policy.follow_up_days, calendar=calendar)
    return replace(given, follow_up_due=due.date, follow_up_provisional=due.provisional)


def record_follow_up(
    given: GivenRating | None, *, note: str, supervisor: Actor, now: datetime
) -> GivenRating:
    """A supervisor records that a bad rating was rectified and the applicant called back.

    Returns:
        The rating with its follow-up.

    Raises:
        RuleViolation: no bad rating waits for a follow-up.
        PermissionDenied: not a supervisor, or the supervisor is the person rated.
        InvalidInput: no note, or a note longer than `MAX_NOTE`.
    """
    if given is None or given.follow_up_due is None:
        raise RuleViolation("only a bad rating is followed up")
    if given.follow_up is not None:
        raise RuleViolation("this bad rating has already been followed up")
    if not supervisor.may_approve:
        raise PermissionDenied(
            "a follow-up is recorded by a supervisor; {name} is not", name=supervisor.name
        )
    if supervisor.staff_id == given.clerk_id:
        raise PermissionDenied("a bad rating is followed up by someone other than the person rated")
    if not note.strip() or len(note) > MAX_NOTE:
        raise InvalidInput("a follow-up needs a note (at most {limit} characters)", limit=MAX_NOTE)
    local_day(now)  # refuses a naive time
    return replace(given, follow_up=FollowUp(note.strip(), supervisor.staff_id, now))


def check_rating_change(
    before: GivenRating | None, after: GivenRating | None, *, intent: str, status: CaseStatus
) -> None:
    """The rule the registry re-checks: what an operation may do to a case's rating.

    A rating is added once, through the panel, by `RATED`; a follow-up is added once to a bad
    rating by `FOLLOW_UP_RECORDED`; nothing else ever changes or removes either.

    Raises:
        RuleViolation: naming what the operation tried.
    """
    if intent == RATED:
        _check_rated(before, after, status)
    elif intent == FOLLOW_UP_RECORDED:
        _check_followed_up(before, after)
    elif after != before:
        raise RuleViolation("{intent} cannot change a case's rating", intent=intent)


def _check_rated(before: GivenRating | None, after: GivenRating | None, status: CaseStatus) -> None:
    if before is not None:
        raise RuleViolation("this case has already been rated (one rating per case)")
    if after is None or not after.source.startswith(PANEL_PREFIX):
        raise RuleViolation("a rating comes from the applicant panel")
    if status not in RATABLE:
        raise RuleViolation("a case in state {status} cannot be rated", status=status)
    if (after.follow_up_due is not None) != after.rating.level.bad or after.follow_up is not None:
        raise RuleViolation("a bad rating, and only a bad one, opens a follow-up")


def _check_followed_up(before: GivenRating | None, after: GivenRating | None) -> None:
    if before is None or not before.needs_follow_up:
        raise RuleViolation("no bad rating of this case waits for a follow-up")
    if after is None or after.follow_up is None or replace(after, follow_up=None) != before:
        raise RuleViolation("a follow-up adds its record and changes nothing else")
