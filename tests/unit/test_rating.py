"""好差评 on the case aggregate: levels, reasons, panel only, follow-ups, the registry's rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerk.cases import (
    ApplicantPanel,
    BadReason,
    Case,
    CaseStatus,
    GivenRating,
    Rating,
    RatingLevel,
    RatingPolicy,
)
from clerk.cases.rating import FOLLOW_UP_RECORDED, RATABLE, RATED, check_rating_change
from clerk.codec import from_json, to_json
from clerk.errors import InvalidInput, PermissionDenied, RuleViolation
from clerk.staff import Actor
from tests.unit.factories import (
    ADMIN,
    CALENDAR,
    CLERK,
    FRIDAY_BEFORE_NATIONAL_DAY,
    OTHER_SUPERVISOR,
    SUPERVISOR,
)
from tests.unit.test_cases import Desk, reach

S = CaseStatus
L = RatingLevel
PANEL = ApplicantPanel("5")
POLICY = RatingPolicy()
GOOD = (L.VERY_SATISFIED, L.SATISFIED, L.BASICALLY_SATISFIED)
BAD = (L.DISSATISFIED, L.VERY_DISSATISFIED)


def accepted() -> Desk:
    """A licensing case accepted on Monday 3 March 2025."""
    return reach(S.ACCEPTED)


def rate(desk: Desk, rating: Rating, *, via: ApplicantPanel | Actor = PANEL) -> GivenRating:
    return desk.case.rate(rating, via=via, now=desk.tick(), policy=POLICY, calendar=CALENDAR)


def bad(level: RatingLevel = L.DISSATISFIED, *reasons: BadReason, text: str = "") -> Rating:
    return Rating(level, reasons or (BadReason.LONG_WAIT,), text)


@pytest.mark.parametrize("level", GOOD)
def test_a_good_rating_is_kept_and_owes_no_follow_up(level: RatingLevel) -> None:
    desk = accepted()
    given = rate(desk, Rating(level))
    assert desk.case.rating == given
    assert given.rating.level is level
    assert given.source == "applicant-panel:5"
    assert given.clerk_id == CLERK.staff_id  # the clerk who served is the one rated
    assert given.follow_up_due is None
    assert not given.needs_follow_up


@pytest.mark.parametrize("level", BAD)
def test_a_bad_rating_opens_a_follow_up_due_in_three_working_days(level: RatingLevel) -> None:
    desk = accepted()
    given = rate(desk, bad(level, BadReason.ATTITUDE, BadReason.OTHER, text="没人理我"))
    assert given.rating.reasons == (BadReason.ATTITUDE, BadReason.OTHER)
    assert given.rating.text == "没人理我"
    assert given.follow_up_due == date(2025, 3, 6)  # rated Monday 3 March: Thursday
    assert given.needs_follow_up
    assert not given.overdue(date(2025, 3, 6))
    assert given.overdue(date(2025, 3, 7))


def test_the_follow_up_period_counts_working_days_and_the_halls_setting() -> None:
    desk = Desk(start=FRIDAY_BEFORE_NATIONAL_DAY)
    desk.record()
    desk.accept()
    given = desk.case.rate(
        bad(), via=PANEL, now=desk.tick(), policy=RatingPolicy(5), calendar=CALENDAR
    )
    # Friday 26 Sept 2025: Sunday 28 is a make-up working day, 1–8 October are off.
    assert given.follow_up_due == date(2025, 10, 10)


@pytest.mark.parametrize("days", [0, 31])
def test_the_follow_up_period_is_bounded(days: int) -> None:
    with pytest.raises(InvalidInput):
        RatingPolicy(days)


@pytest.mark.parametrize("level", BAD)
def test_a_bad_rating_without_a_reason_is_refused(level: RatingLevel) -> None:
    with pytest.raises(InvalidInput, match="reason"):
        Rating(level, (), "太慢了")


@pytest.mark.parametrize(
    "rating",
    [
        lambda: Rating(L.SATISFIED, (BadReason.LONG_WAIT,)),
        lambda: Rating(L.VERY_SATISFIED, (), "很好"),
        lambda: Rating(L.DISSATISFIED, (BadReason.SLOW, BadReason.SLOW)),
        lambda: Rating(L.DISSATISFIED, (BadReason.OTHER,), "字" * 201),
    ],
    ids=["reason-with-good", "text-with-good", "reason-twice", "text-too-long"],
)
def test_malformed_ratings_are_refused(rating: object) -> None:
    with pytest.raises(InvalidInput):
        rating()  # type: ignore[operator]  # each parameter is a zero-argument builder


@pytest.mark.parametrize("staff", [CLERK, SUPERVISOR, ADMIN], ids=lambda a: a.role.value)
def test_staff_cannot_rate_for_the_applicant(staff: Actor) -> None:
    desk = accepted()
    before = to_json(desk.case)
    with pytest.raises(RuleViolation, match="only the applicant rates"):
        rate(desk, Rating(L.VERY_SATISFIED), via=staff)
    assert to_json(desk.case) == before


def test_a_case_is_rated_once() -> None:
    desk = accepted()
    first = rate(desk, Rating(L.SATISFIED))
    with pytest.raises(RuleViolation, match="already been rated"):
        rate(desk, bad(L.VERY_DISSATISFIED))
    assert desk.case.rating == first


@pytest.mark.parametrize("state", sorted(RATABLE))
def test_every_state_after_an_outcome_can_be_rated(state: CaseStatus) -> None:
    desk = reach(state)
    assert rate(desk, Rating(L.SATISFIED)).rating.level is L.SATISFIED


@pytest.mark.parametrize("state", [S.RECEIVING, S.VOID])
def test_a_case_in_progress_or_voided_cannot_be_rated(state: CaseStatus) -> None:
    desk = reach(state)
    with pytest.raises(RuleViolation, match="cannot be rated"):
        rate(desk, Rating(L.SATISFIED))
    assert desk.case.rating is None


def test_a_supervisor_records_the_follow_up_of_a_bad_rating() -> None:
    desk = accepted()
    rate(desk, bad())
    done = desk.case.record_follow_up(
        note="  已整改：增开窗口；已回访，申请人表示理解  ", supervisor=SUPERVISOR, now=desk.tick()
    )
    assert done.follow_up is not None
    assert done.follow_up.note == "已整改：增开窗口；已回访，申请人表示理解"
    assert done.follow_up.by == SUPERVISOR.staff_id
    assert not done.needs_follow_up
    assert not done.overdue(date(2030, 1, 1))
    with pytest.raises(RuleViolation, match="already been followed up"):
        desk.case.record_follow_up(note="再次", supervisor=OTHER_SUPERVISOR, now=desk.tick())


def test_a_clerk_cannot_record_a_follow_up() -> None:
    desk = accepted()
    rate(desk, bad())
    with pytest.raises(PermissionDenied, match="supervisor"):
        desk.case.record_follow_up(note="已回访", supervisor=CLERK, now=desk.tick())


def test_the_person_rated_cannot_follow_up_their_own_bad_rating() -> None:
    desk = Desk()
    desk.case.visits[-1] = replace(desk.case.visits[-1], staff_id=SUPERVISOR.staff_id)
    desk.record()
    desk.receive()
    desk.accept()
    rate(desk, bad())
    with pytest.raises(PermissionDenied, match="other than the person rated"):
        desk.case.record_follow_up(note="已回访", supervisor=SUPERVISOR, now=desk.tick())


@pytest.mark.parametrize("note", ["", "   ", "字" * 1001])
def test_a_follow_up_needs_a_note(note: str) -> None:
    desk = accepted()
    rate(desk, bad())
    with pytest.raises(InvalidInput, match="note"):
        desk.case.record_follow_up(note=note, supervisor=SUPERVISOR, now=desk.tick())


@pytest.mark.parametrize("good", [True, False], ids=["good-rating", "no-rating"])
def test_only_a_bad_rating_is_followed_up(good: bool) -> None:
    desk = accepted()
    if good:
        rate(desk, Rating(L.BASICALLY_SATISFIED))
    with pytest.raises(RuleViolation, match="only a bad rating"):
        desk.case.record_follow_up(note="已回访", supervisor=SUPERVISOR, now=desk.tick())


def test_the_rating_survives_the_json_round_trip_and_old_cases_have_none() -> None:
    desk = accepted()
    rate(desk, bad(L.VERY_DISSATISFIED, BadReason.EXTRA_TRIPS, text="跑了三次"))
    desk.case.record_follow_up(note="已回访", supervisor=SUPERVISOR, now=desk.tick())
    data = to_json(desk.case)
    assert from_json(Case, data) == desk.case
    assert isinstance(data, dict)
    old = {key: value for key, value in data.items() if key != "rating"}
    assert from_json(Case, old).rating is None


# -- the rule the registry re-checks -----------------------------------------------------------


def given_pair() -> tuple[GivenRating, GivenRating]:
    desk = accepted()
    rated = rate(desk, bad())
    done = desk.case.record_follow_up(note="已回访", supervisor=SUPERVISOR, now=desk.tick())
    return rated, done


def test_the_registry_accepts_exactly_the_moves_of_the_rule() -> None:
    rated, done = given_pair()
    check_rating_change(None, rated, intent=RATED, status=S.ACCEPTED)
    check_rating_change(rated, done, intent=FOLLOW_UP_RECORDED, status=S.ACCEPTED)
    check_rating_change(done, done, intent="case.delivered", status=S.DELIVERED)
    check_rating_change(None, None, intent="case.accepted", status=S.ACCEPTED)


@pytest.mark.parametrize(
    ("case", "intent", "status"),
    [
        ("second-rating", RATED, S.ACCEPTED),
        ("rating-by-other-intent", "case.accepted", S.ACCEPTED),
        ("rating-removed", "case.delivered", S.DELIVERED),
        ("follow-up-without-rating", FOLLOW_UP_RECORDED, S.ACCEPTED),
        ("follow-up-changes-the-rating", FOLLOW_UP_RECORDED, S.ACCEPTED),
        ("rated-while-receiving", RATED, S.RECEIVING),
        ("not-from-the-panel", RATED, S.ACCEPTED),
        ("bad-without-follow-up-due", RATED, S.ACCEPTED),
    ],
)
def test_the_registry_refuses_every_other_change(
    case: str, intent: str, status: CaseStatus
) -> None:
    rated, done = given_pair()
    before, after = {
        "second-rating": (rated, rated),
        "rating-by-other-intent": (None, rated),
        "rating-removed": (done, None),
        "follow-up-without-rating": (None, done),
        "follow-up-changes-the-rating": (rated, replace(done, clerk_id="someone-else")),
        "rated-while-receiving": (None, rated),
        "not-from-the-panel": (None, replace(rated, source=CLERK.staff_id)),
        "bad-without-follow-up-due": (None, replace(rated, follow_up_due=None)),
    }[case]
    with pytest.raises(RuleViolation):
        check_rating_change(before, after, intent=intent, status=status)
