"""The case aggregate: every move of the state machine, the law's timers and the rules around it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from clerk.cases import (
    OPEN,
    RANK,
    TERMINAL,
    TRANSITIONS,
    Applicant,
    ApplicantKind,
    Case,
    CaseStatus,
    Decision,
    Delivery,
    OwedItem,
    RefusalRequest,
    Remedies,
    Suspension,
    Visit,
)
from clerk.catalog.model import (
    CorrectionExpiry,
    CorrectionPolicy,
    DeliveryMethod,
    OwedExpiry,
    ServiceItem,
)
from clerk.codec import from_json, to_json
from clerk.errors import ClerkError, InvalidInput, PermissionDenied, RuleViolation
from clerk.materials import MaterialRecord, Problem, Provision, Verdict
from clerk.notices import NoticeLine, Override
from clerk.staff import Actor
from clerk.workdays import Deadline, TimeLimit
from tests.unit.factories import (
    ADMIN,
    AGENCY,
    CALENDAR,
    CD,
    CLERK,
    COMMITMENT,
    FORM,
    FRIDAY_BEFORE_NATIONAL_DAY,
    HEALTH,
    HEARING,
    ID_CARD,
    MISSING,
    MONDAY,
    NEW,
    OTHER_CLERK,
    OTHER_SUPERVISOR,
    OWED,
    SITE,
    SUPERVISOR,
    WD,
    at,
    complete_records,
    credit_code,
    good_record,
    immediate_item,
    joint_item,
    later,
    licensing_item,
    on,
    open_case,
    organisation,
    person,
    resident_id,
    with_correction_expiry,
    with_owed_expiry,
)

S = CaseStatus
_DAY = timedelta(days=1)


class Desk:
    """A case at the counter, the item it was received under and a clock that moves on."""

    def __init__(self, item: ServiceItem | None = None, *, start: datetime = MONDAY) -> None:
        self.item = licensing_item() if item is None else item
        self.now = start
        self.case = open_case(self.item, now=start)

    def tick(self, minutes: int = 5) -> datetime:
        self.now = later(self.now, minutes=minutes)
        return self.now

    def record(self, changes: dict[str, MaterialRecord] | None = None) -> None:
        situation = NEW if self.item.situations else None
        records = complete_records(self.item, situation, today=self.now.date())
        self.case.record_materials(records | (changes or {}), self.item)

    def receive(self) -> None:
        self.case.receive(actor=CLERK, now=self.tick(), calendar=CALENDAR)

    def notice(self, number: str = "杭市监补〔2025〕1号", override: Override | None = None) -> None:
        self.case.issue_notice(
            number=number,
            item=self.item,
            actor=CLERK,
            now=self.tick(),
            calendar=CALENDAR,
            override=override,
        )

    def corrections(self) -> None:
        self.case.corrections_received(actor=CLERK, now=self.tick(), calendar=CALENDAR)

    def accept(self) -> None:
        self.case.accept(item=self.item, actor=CLERK, now=self.tick(), calendar=CALENDAR)

    def request_refusal(self, requested_by: Actor = CLERK) -> None:
        self.case.request_refusal(
            RefusalRequest(
                reasons="不属于本机关职权范围",
                facts="申请事项为省级权限",
                legal_basis="《行政许可法》第三十二条第一款第（二）项",
                requested_by=requested_by.staff_id,
                requested_at=self.tick(),
                competent_agency="浙江省市场监督管理局",
            )
        )

    def approve_refusal(self, supervisor: Actor = SUPERVISOR) -> None:
        self.case.approve_refusal(item=self.item, supervisor=supervisor, now=self.tick())

    def start_review(self) -> None:
        self.case.start_review(actor=CLERK, now=self.tick())

    def suspend(self, procedure: str = HEARING, reason: str = "组织听证") -> None:
        self.case.suspend(
            procedure=procedure, reason=reason, item=self.item, actor=CLERK, now=self.tick()
        )

    def resume(self) -> None:
        self.case.resume(actor=CLERK, now=self.tick())

    def decide(self, *, approved: bool = True) -> None:
        self.case.decide(approved=approved, actor=OTHER_CLERK, now=self.tick(), note="审查意见")

    def complete(self) -> None:
        self.case.complete(item=self.item, actor=CLERK, now=self.tick())

    def deliver(self, method: DeliveryMethod = DeliveryMethod.WINDOW) -> None:
        tracking = "SF1234567890" if method is DeliveryMethod.POST else ""
        delivery = Delivery(
            method, self.tick(), "张三", identity_checked=True, tracking_number=tracking
        )
        self.case.deliver(delivery, actor=CLERK)

    def run_timers(self, when: datetime) -> CaseStatus | None:
        self.now = when
        return self.case.run_timers(item=self.item, now=when)


def reach(state: CaseStatus, item: ServiceItem | None = None, *, deficient: bool = False) -> Desk:
    """A desk whose case is in `state` with complete materials (deficient: the form missing)."""
    if item is None and state is S.RETURNED:
        item = RETURNING
    desk = Desk(item)
    needs_notice = state in (S.CORRECTION_REQUESTED, S.RETURNED)
    desk.record({FORM: MISSING} if deficient or needs_notice else None)
    if state is not S.RECEIVING:
        _STEPS[state](desk)
    assert desk.case.status is state
    return desk


def _to_correction(desk: Desk) -> None:
    desk.receive()
    desk.notice()
    desk.record({FORM: MaterialRecord(Provision.ORIGINAL)})


def _from(state: CaseStatus, *then: Callable[[Desk], object]) -> Callable[[Desk], None]:
    def steps(desk: Desk) -> None:
        if state is not S.RECEIVING:
            _STEPS[state](desk)
        for step in then:
            step(desk)

    return steps


def _returned(desk: Desk) -> None:
    _to_correction(desk)
    desk.run_timers(on(desk.case.notices[-1].correction_due, 23) + _DAY)


def _request_and_approve(desk: Desk) -> None:
    desk.request_refusal()
    desk.approve_refusal()


_ACTIONS: dict[str, tuple[CaseStatus, Callable[[Desk], object]]] = {
    "receive": (S.RECEIVED, Desk.receive),
    "corrections_received": (S.RECEIVED, Desk.corrections),
    "issue_notice": (S.CORRECTION_REQUESTED, Desk.notice),
    "accept": (S.ACCEPTED, Desk.accept),
    "no_licence_needed": (
        S.NO_LICENCE_NEEDED,
        lambda d: d.case.no_licence_needed(reason="属于备案事项", actor=CLERK, now=d.tick()),
    ),
    "request_refusal": (S.NOT_ACCEPTED, Desk.request_refusal),
    "approve_refusal": (S.NOT_ACCEPTED, _request_and_approve),
    "start_review": (S.IN_REVIEW, Desk.start_review),
    "suspend": (S.SUSPENDED, Desk.suspend),
    "resume": (S.IN_REVIEW, Desk.resume),
    "decide_approved": (S.DECIDED_APPROVED, Desk.decide),
    "decide_refused": (S.DECIDED_REFUSED, lambda d: d.decide(approved=False)),
    "complete": (S.COMPLETED, Desk.complete),
    "deliver": (S.DELIVERED, Desk.deliver),
    "withdraw": (
        S.WITHDRAWN,
        lambda d: d.case.withdraw(reason="申请人撤回", actor=CLERK, now=d.tick()),
    ),
    "terminate": (
        S.TERMINATED,
        lambda d: d.case.terminate(reason="申请人死亡", actor=CLERK, now=d.tick()),
    ),
    "void": (S.VOID, lambda d: d.case.void(reason="录入错误", actor=CLERK, now=d.tick())),
}

_STEPS: dict[CaseStatus, Callable[[Desk], None]] = {
    S.RECEIVED: Desk.receive,
    S.CORRECTION_REQUESTED: _to_correction,
    S.ACCEPTED: _from(S.RECEIVED, Desk.accept),
    S.IN_REVIEW: _from(S.ACCEPTED, Desk.start_review),
    S.SUSPENDED: _from(S.IN_REVIEW, Desk.suspend),
    S.DECIDED_APPROVED: _from(S.IN_REVIEW, Desk.decide),
    S.DECIDED_REFUSED: _from(S.IN_REVIEW, lambda d: d.decide(approved=False)),
    S.COMPLETED: _from(S.DECIDED_APPROVED, Desk.complete),
    S.DELIVERED: _from(S.COMPLETED, Desk.deliver),
    S.NO_LICENCE_NEEDED: _from(S.RECEIVED, _ACTIONS["no_licence_needed"][1]),
    S.NOT_ACCEPTED: _from(S.RECEIVED, Desk.request_refusal, Desk.approve_refusal),
    S.WITHDRAWN: _from(S.RECEIVED, _ACTIONS["withdraw"][1]),
    S.TERMINATED: _from(S.RECEIVED, _ACTIONS["terminate"][1]),
    S.VOID: _from(S.RECEIVED, _ACTIONS["void"][1]),
    S.RETURNED: _returned,
}


RETURNING = with_correction_expiry(licensing_item(), CorrectionExpiry.RETURNED)

# (from, to) → (action, item, whether the materials must be deficient)
EDGES: dict[tuple[CaseStatus, CaseStatus], tuple[str, Callable[[], ServiceItem], bool]] = {
    (S.RECEIVING, S.RECEIVED): ("receive", licensing_item, False),
    (S.RECEIVING, S.ACCEPTED): ("accept", immediate_item, False),
    (S.RECEIVED, S.NO_LICENCE_NEEDED): ("no_licence_needed", licensing_item, False),
    (S.RECEIVED, S.NOT_ACCEPTED): ("approve_refusal", licensing_item, False),
    (S.RECEIVED, S.CORRECTION_REQUESTED): ("issue_notice", licensing_item, True),
    (S.RECEIVED, S.ACCEPTED): ("accept", licensing_item, False),
    (S.CORRECTION_REQUESTED, S.RECEIVED): ("corrections_received", licensing_item, False),
    (S.CORRECTION_REQUESTED, S.NOT_ACCEPTED): ("approve_refusal", licensing_item, False),
    (S.CORRECTION_REQUESTED, S.RETURNED): ("run_timers", lambda: RETURNING, False),
    (S.ACCEPTED, S.IN_REVIEW): ("start_review", licensing_item, False),
    (S.ACCEPTED, S.COMPLETED): ("complete", immediate_item, False),
    (S.IN_REVIEW, S.SUSPENDED): ("suspend", licensing_item, False),
    (S.IN_REVIEW, S.DECIDED_APPROVED): ("decide_approved", licensing_item, False),
    (S.IN_REVIEW, S.DECIDED_REFUSED): ("decide_refused", licensing_item, False),
    (S.SUSPENDED, S.IN_REVIEW): ("resume", licensing_item, False),
    (S.DECIDED_APPROVED, S.COMPLETED): ("complete", licensing_item, False),
    (S.DECIDED_REFUSED, S.COMPLETED): ("complete", licensing_item, False),
    (S.COMPLETED, S.DELIVERED): ("deliver", licensing_item, False),
}
for _state in OPEN:
    for _end, _name in ((S.WITHDRAWN, "withdraw"), (S.TERMINATED, "terminate"), (S.VOID, "void")):
        EDGES[(_state, _end)] = (_name, licensing_item, False)
for _state in (S.DECIDED_APPROVED, S.DECIDED_REFUSED, S.COMPLETED):
    EDGES[(_state, S.VOID)] = ("void", licensing_item, False)

TABLE_EDGES = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}


def snapshot(case: Case) -> object:
    return to_json(case)


# -- the state machine ------------------------------------------------------------------------


def test_the_edge_table_covers_every_transition() -> None:
    assert set(EDGES) == TABLE_EDGES


@pytest.mark.parametrize(("before", "after"), sorted(TABLE_EDGES))
def test_every_transition_works_through_the_aggregate(
    before: CaseStatus, after: CaseStatus
) -> None:
    name, item, deficient = EDGES[(before, after)]
    desk = reach(before, item(), deficient=deficient)
    moves = len(desk.case.history)
    if name == "run_timers":
        desk.run_timers(on(desk.case.notices[-1].correction_due, 23) + _DAY)
    else:
        _ACTIONS[name][1](desk)
    assert desk.case.status is after
    assert len(desk.case.history) == moves + 1
    change = desk.case.history[-1]
    assert (change.before, change.after) == (before, after)


REFUSED = [
    (state, name)
    for state in S
    for name, (target, _) in _ACTIONS.items()
    if target not in TRANSITIONS.get(state, frozenset())
]


@pytest.mark.parametrize(("state", "name"), REFUSED)
def test_every_move_not_in_the_table_is_refused(state: CaseStatus, name: str) -> None:
    desk = reach(state)
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation):
        _ACTIONS[name][1](desk)
    assert snapshot(desk.case) == before


@pytest.mark.parametrize(("before", "after"), sorted(TABLE_EDGES))
def test_status_only_moves_forward(before: CaseStatus, after: CaseStatus) -> None:
    assert RANK[after] >= RANK[before]


@pytest.mark.parametrize("state", sorted(TERMINAL))
def test_terminal_states_have_no_way_out(state: CaseStatus) -> None:
    assert not TRANSITIONS.get(state)


@pytest.mark.parametrize("state", list(S))
def test_open_means_the_applicant_may_still_withdraw(state: CaseStatus) -> None:
    assert reach(state).case.is_open is (S.WITHDRAWN in TRANSITIONS.get(state, frozenset()))


# -- opening, visits and intake ---------------------------------------------------------------


def test_opening_records_the_first_visit() -> None:
    case = open_case()
    assert case.status is S.RECEIVING
    assert case.visits == [Visit(MONDAY, "5", CLERK.staff_id)]
    assert case.one_trip
    assert (case.item_code, case.item_version) == (licensing_item().code, 3)


def test_a_second_visit_breaks_the_one_trip() -> None:
    desk = reach(S.CORRECTION_REQUESTED)
    desk.case.record_visit(now=later(MONDAY, days=2), counter="7", actor=OTHER_CLERK)
    assert [v.counter for v in desk.case.visits] == ["5", "7"]
    assert not desk.case.one_trip


@pytest.mark.parametrize("situation", [None, "renewal"])
def test_a_case_needs_a_known_situation(situation: str | None) -> None:
    with pytest.raises(InvalidInput, match="situation"):
        Case.open(
            case_id="c",
            number="n",
            item=licensing_item(),
            situation=situation,
            applicant=person(),
            actor=CLERK,
            counter="5",
            now=MONDAY,
        )


def test_recording_an_unknown_material_is_refused_and_changes_nothing() -> None:
    desk = Desk()
    with pytest.raises(InvalidInput, match="passport"):
        desk.case.record_materials(
            {FORM: good_record(desk.item.material(FORM), today=MONDAY.date()), "passport": MISSING},
            desk.item,
        )
    assert desk.case.materials == {}


@pytest.mark.parametrize(
    "state", [s for s in S if s not in (S.RECEIVING, S.RECEIVED, S.CORRECTION_REQUESTED)]
)
def test_materials_are_recorded_only_during_intake(state: CaseStatus) -> None:
    desk = reach(state)
    with pytest.raises(RuleViolation):
        desk.case.record_materials({FORM: MaterialRecord(Provision.ORIGINAL)}, desk.item)


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(joint_item(), id="another item"),
        pytest.param(licensing_item(version=4), id="another version"),
    ],
)
def test_the_case_is_judged_only_against_its_own_item_version(other: ServiceItem) -> None:
    desk = reach(S.RECEIVED)
    before = snapshot(desk.case)
    with pytest.raises(InvalidInput, match="version"):
        desk.case.accept(item=other, actor=CLERK, now=desk.tick(), calendar=CALENDAR)
    with pytest.raises(InvalidInput, match="version"):
        desk.case.record_materials({}, other)
    assert snapshot(desk.case) == before


ITEM_TAKERS: dict[str, tuple[CaseStatus, Callable[[Case, ServiceItem], object]]] = {
    "record_materials": (S.RECEIVED, lambda c, i: c.record_materials({}, i)),
    "checklist": (S.RECEIVED, lambda c, i: c.checklist(i, today=MONDAY.date())),
    "issue_notice": (
        S.RECEIVED,
        lambda c, i: c.issue_notice(number="N", item=i, actor=CLERK, now=MONDAY, calendar=CALENDAR),
    ),
    "accept": (
        S.RECEIVED,
        lambda c, i: c.accept(item=i, actor=CLERK, now=MONDAY, calendar=CALENDAR),
    ),
    "run_timers": (S.RECEIVED, lambda c, i: c.run_timers(item=i, now=later(MONDAY, days=30))),
    "approve_refusal": (
        S.RECEIVED,
        lambda c, i: c.approve_refusal(item=i, supervisor=SUPERVISOR, now=MONDAY),
    ),
    "suspend": (
        S.IN_REVIEW,
        lambda c, i: c.suspend(procedure=HEARING, reason="r", item=i, actor=CLERK, now=MONDAY),
    ),
    "extend": (
        S.IN_REVIEW,
        lambda c, i: c.extend(days=1, reason="r", item=i, approver=SUPERVISOR, now=MONDAY),
    ),
    "complete": (S.DECIDED_APPROVED, lambda c, i: c.complete(item=i, actor=CLERK, now=MONDAY)),
    "deadline": (S.ACCEPTED, lambda c, i: c.deadline(i, as_of=MONDAY.date(), calendar=CALENDAR)),
}


@pytest.mark.parametrize("name", sorted(ITEM_TAKERS))
def test_every_use_of_the_item_checks_its_version(name: str) -> None:
    state, use = ITEM_TAKERS[name]
    desk = reach(state)
    before = snapshot(desk.case)
    with pytest.raises(InvalidInput, match="version"):
        use(desk.case, licensing_item(version=2))
    assert snapshot(desk.case) == before


# -- the 5-working-day notice timer -----------------------------------------------------------


def _received_before_national_day(**changes: MaterialRecord) -> Desk:
    desk = Desk(start=FRIDAY_BEFORE_NATIONAL_DAY)
    desk.record({FORM: MISSING} | changes)
    desk.receive()
    return desk


def test_receiving_starts_the_notice_timer_over_weekend_and_holiday() -> None:
    # Fri 26 Sep 2025 + 5 working days: Sun 28 Sep (make-up day), 29, 30 Sep, 9 and 10 Oct.
    case = _received_before_national_day().case
    assert case.received_on == date(2025, 9, 26)
    assert case.notice_due == date(2025, 10, 10)


def test_a_notice_on_the_last_day_is_in_time() -> None:
    desk = _received_before_national_day()
    desk.now = at(2025, 10, 10, 17)
    desk.notice()
    assert desk.case.status is S.CORRECTION_REQUESTED


def test_a_late_notice_is_refused_and_the_timer_deems_the_case_accepted() -> None:
    desk = _received_before_national_day()
    desk.now = at(2025, 10, 11, 8, 55)  # a make-up working Saturday, one day too late
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation, match="5-working-day"):
        desk.notice()
    assert snapshot(desk.case) == before
    assert desk.run_timers(at(2025, 10, 10, 23, 59)) is None
    assert desk.run_timers(at(2025, 10, 11, 0, 1)) is S.ACCEPTED
    case = desk.case
    assert (case.accepted_on, case.deemed_accepted) == (date(2025, 9, 26), True)
    assert case.history[-1].actor == "system"
    assert case.deadline(desk.item, as_of=date(2025, 10, 11), calendar=CALENDAR) == Deadline(
        date(2025, 10, 16), provisional=False
    )


def test_the_timer_counts_hall_days_not_utc_days() -> None:
    desk = _received_before_national_day()
    # 16:30 UTC on 10 October is already 00:30 on 11 October in the hall.
    assert desk.run_timers(datetime(2025, 10, 10, 16, 30, tzinfo=UTC)) is S.ACCEPTED


def test_after_corrections_the_timer_restarts_and_deems_acceptance_from_that_day() -> None:
    desk = Desk()
    desk.record({FORM: MISSING})
    desk.receive()
    desk.notice()
    desk.now = at(2025, 3, 6, 9)  # Thursday
    desk.record({FORM: MaterialRecord(Provision.COPY, copies=1)})
    desk.corrections()
    assert desk.case.notice_due == date(2025, 3, 13)
    assert desk.case.received_on == date(2025, 3, 3)
    assert desk.run_timers(at(2025, 3, 13, 20)) is None
    assert desk.run_timers(at(2025, 3, 14, 9)) is S.ACCEPTED
    assert desk.case.accepted_on == date(2025, 3, 6)  # correction time is not counted


def test_a_manual_acceptance_after_the_notice_limit_dates_from_receipt() -> None:
    desk = _received_before_national_day(**{FORM: MaterialRecord(Provision.ORIGINAL)})
    desk.now = at(2025, 10, 11, 8, 55)  # one working day past the limit, before any timer ran
    desk.accept()
    case = desk.case
    assert (case.accepted_on, case.deemed_accepted) == (date(2025, 9, 26), True)


def test_an_acceptance_in_time_is_dated_today() -> None:
    desk = _received_before_national_day(**{FORM: MaterialRecord(Provision.ORIGINAL)})
    desk.now = at(2025, 10, 9, 10)
    desk.accept()
    assert (desk.case.accepted_on, desk.case.deemed_accepted) == (date(2025, 10, 9), False)


def test_a_pending_refusal_blocks_acceptance_until_declined() -> None:
    desk = reach(S.RECEIVED)
    desk.request_refusal()
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation, match="refusal request is pending"):
        desk.accept()
    assert snapshot(desk.case) == before
    desk.case.decline_refusal(supervisor=SUPERVISOR, now=desk.tick())
    desk.accept()
    assert desk.case.status is S.ACCEPTED


def test_no_timer_runs_before_receipt() -> None:
    desk = Desk()
    assert desk.run_timers(later(MONDAY, days=60)) is None
    assert desk.case.status is S.RECEIVING


# -- the one-time notice ----------------------------------------------------------------------


def test_the_notice_lists_every_deficient_line_with_its_requirement_and_deadline() -> None:
    desk = Desk()
    desk.record(
        {
            FORM: MISSING,
            ID_CARD: MaterialRecord(Provision.ORIGINAL),
            HEALTH: MaterialRecord(Provision.ORIGINAL, issued_on=date(2024, 1, 2)),
            SITE: MaterialRecord(Provision.COPY, copies=1, defect="地址与申请书不一致"),
        }
    )
    desk.receive()
    desk.notice("杭市监补〔2025〕7号")
    (notice,) = desk.case.notices
    assert notice.lines == (
        NoticeLine(FORM, "申请书", Problem.MISSING, "原件 1 份；须签字或盖章", "未提交"),
        NoticeLine(
            ID_CARD,
            "身份证",
            Problem.NOT_LEGAL_FORM,
            "原件和复印件 2 份；核验原件后退回",
            "应提交原件和复印件 2 份；核验原件后退回",
        ),
        NoticeLine(
            HEALTH,
            "健康证明",
            Problem.NOT_LEGAL_FORM,
            "原件 1 份；6 个月内出具",
            "出具日期 2024-01-02 已超过 6 个月有效期",
        ),
        NoticeLine(SITE, "经营场所证明", Problem.CONTENT, "复印件 1 份", "地址与申请书不一致"),
    )
    assert notice.number == "杭市监补〔2025〕7号"
    assert (notice.issued_at, notice.issued_on, notice.clerk_id) == (
        at(2025, 3, 3, 10, 10),
        date(2025, 3, 3),
        CLERK.staff_id,
    )
    # 15 working days from Monday 3 March 2025; what happens when it passes is on the notice.
    assert (notice.correction_due, notice.correction_due_provisional) == (date(2025, 3, 24), False)
    assert notice.on_expiry is CorrectionExpiry.DEEMED_WITHDRAWN
    assert desk.case.status is S.CORRECTION_REQUESTED
    assert desk.case.history[-1].note == notice.number


@pytest.mark.parametrize(
    ("start", "policy", "due"),
    [
        pytest.param(MONDAY, TimeLimit(15, WD), date(2025, 3, 24), id="15 working days"),
        pytest.param(
            FRIDAY_BEFORE_NATIONAL_DAY, TimeLimit(15, WD), date(2025, 10, 23), id="across holiday"
        ),
        pytest.param(MONDAY, TimeLimit(5, CD), date(2025, 3, 10), id="calendar days end on Sat"),
        pytest.param(MONDAY, TimeLimit(30, CD), date(2025, 4, 2), id="30 calendar days"),
    ],
)
def test_correction_deadline_follows_the_items_policy(
    start: datetime, policy: TimeLimit, due: date
) -> None:
    item = licensing_item(correction_policy=CorrectionPolicy(policy, CorrectionExpiry.RETURNED))
    desk = Desk(item, start=start)
    desk.record({FORM: MISSING})
    desk.receive()
    desk.notice()
    assert desk.case.notices[-1].correction_due == due


def test_a_notice_needs_something_to_correct() -> None:
    desk = reach(S.RECEIVED)
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation, match="accept"):
        desk.notice()
    assert snapshot(desk.case) == before


def test_notice_numbers_are_never_reused() -> None:
    desk = reach(S.CORRECTION_REQUESTED)
    desk.record({FORM: MISSING})
    desk.corrections()
    before = snapshot(desk.case)
    with pytest.raises(InvalidInput, match="number"):
        desk.notice()  # the same number as the first notice
    assert snapshot(desk.case) == before
    desk.notice("杭市监补〔2025〕2号")
    assert [n.number for n in desk.case.notices] == ["杭市监补〔2025〕1号", "杭市监补〔2025〕2号"]


# -- correction deadline expiry ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "status"),
    [
        (CorrectionExpiry.DEEMED_WITHDRAWN, S.WITHDRAWN),
        (CorrectionExpiry.NOT_ACCEPTED, S.NOT_ACCEPTED),
        (CorrectionExpiry.RETURNED, S.RETURNED),
    ],
)
def test_a_missed_correction_deadline_ends_the_case_per_policy(
    policy: CorrectionExpiry, status: CaseStatus
) -> None:
    desk = reach(S.CORRECTION_REQUESTED, with_correction_expiry(licensing_item(), policy))
    assert desk.case.notices[-1].correction_due == date(2025, 3, 24)
    assert desk.run_timers(at(2025, 3, 24, 23, 59)) is None
    assert desk.run_timers(at(2025, 3, 25, 0, 1)) is status
    assert desk.case.status is status
    assert desk.case.closing_reason == "correction deadline passed"


def test_a_case_not_accepted_for_missed_corrections_carries_the_remedies() -> None:
    desk = reach(
        S.CORRECTION_REQUESTED,
        with_correction_expiry(licensing_item(), CorrectionExpiry.NOT_ACCEPTED),
    )
    desk.run_timers(at(2025, 3, 25))
    assert desk.case.remedies == Remedies(AGENCY.review_body, 60, AGENCY.court, 6)


def test_corrections_in_time_stop_the_correction_deadline() -> None:
    desk = reach(S.CORRECTION_REQUESTED)
    desk.corrections()
    desk.accept()
    assert desk.run_timers(at(2025, 4, 30)) is None
    assert desk.case.status is S.ACCEPTED


# -- acceptance and 容缺 ------------------------------------------------------------------------


def test_acceptance_is_refused_while_anything_is_deficient() -> None:
    desk = Desk()
    desk.record({FORM: MISSING, SITE: MaterialRecord(Provision.ORIGINAL)})
    desk.receive()
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation, match="申请书、经营场所证明"):
        desk.accept()
    assert snapshot(desk.case) == before


def test_a_complete_case_is_accepted_the_same_day() -> None:
    desk = reach(S.ACCEPTED)
    case = desk.case
    assert (case.received_on, case.accepted_on, case.deemed_accepted) == (
        MONDAY.date(),
        MONDAY.date(),
        False,
    )
    assert (case.owed, case.commitments) == ([], [])
    # Promised limit 10 working days from Monday 3 March 2025.
    assert case.deadline(desk.item, as_of=MONDAY.date(), calendar=CALENDAR).date == date(
        2025, 3, 17
    )


def _rongque(item: ServiceItem | None = None) -> Desk:
    desk = Desk(item, start=FRIDAY_BEFORE_NATIONAL_DAY)
    desk.record({HEALTH: OWED, SITE: COMMITMENT})
    desk.receive()
    checklist = desk.case.accept(item=desk.item, actor=CLERK, now=desk.tick(), calendar=CALENDAR)
    assert checklist.verdict is Verdict.ACCEPTABLE_WITH_RONGQUE
    return desk


def test_rongque_acceptance_lists_owed_items_with_their_due_date() -> None:
    case = _rongque().case
    # 10 working days from Fri 26 Sep 2025 across the National Day week.
    assert case.owed == [OwedItem(HEALTH, "健康证明", date(2025, 10, 16), provisional=False)]
    assert case.outstanding == tuple(case.owed)
    assert case.commitments == [SITE]


def test_commitments_are_only_those_the_checklist_accepted() -> None:
    desk = Desk()
    # 告知承诺 for a line not asked for in this situation is no commitment.
    desk.record({"change_proof": COMMITMENT})
    desk.receive()
    desk.accept()
    assert desk.case.commitments == []


def test_approval_waits_for_owed_material() -> None:
    desk = _rongque()
    desk.start_review()
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation, match="容缺"):
        desk.decide()
    assert snapshot(desk.case) == before
    health = MaterialRecord(Provision.ORIGINAL, issued_on=date(2025, 9, 1))
    desk.case.fulfil_owed(HEALTH, health, now=desk.tick())
    assert desk.case.owed[0].fulfilled_at == desk.now
    assert desk.case.outstanding == ()
    assert desk.case.materials[HEALTH] == health
    desk.decide()
    assert desk.case.status is S.DECIDED_APPROVED


def test_a_refusal_decision_does_not_wait_for_owed_material() -> None:
    desk = _rongque()
    desk.start_review()
    desk.decide(approved=False)
    assert desk.case.status is S.DECIDED_REFUSED


@pytest.mark.parametrize(
    ("code", "record"),
    [
        pytest.param(FORM, MaterialRecord(Provision.ORIGINAL), id="not owed"),
        pytest.param(HEALTH, OWED, id="still owed"),
        pytest.param(HEALTH, MISSING, id="nothing handed in"),
    ],
)
def test_fulfilling_needs_owed_material_actually_handed_in(
    code: str, record: MaterialRecord
) -> None:
    desk = _rongque()
    before = snapshot(desk.case)
    with pytest.raises(ClerkError):
        desk.case.fulfil_owed(code, record, now=desk.tick())
    assert snapshot(desk.case) == before


def test_owed_material_is_fulfilled_once() -> None:
    desk = _rongque()
    desk.case.fulfil_owed(HEALTH, MaterialRecord(Provision.ORIGINAL), now=desk.tick())
    with pytest.raises(RuleViolation):
        desk.case.fulfil_owed(HEALTH, MaterialRecord(Provision.ORIGINAL), now=desk.tick())


@pytest.mark.parametrize(
    ("policy", "status"),
    [(OwedExpiry.WITHDRAWN, S.WITHDRAWN), (OwedExpiry.TERMINATED, S.TERMINATED)],
)
@pytest.mark.parametrize("in_review", [False, True])
def test_missed_rongque_due_date_ends_the_case_per_policy(
    policy: OwedExpiry, status: CaseStatus, in_review: bool
) -> None:
    desk = _rongque(with_owed_expiry(licensing_item(), policy))
    if in_review:
        desk.start_review()
    assert desk.run_timers(at(2025, 10, 16, 23)) is None
    assert desk.run_timers(at(2025, 10, 17, 9)) is status
    assert desk.case.closing_reason.startswith("容缺")


def test_fulfilled_rongque_material_ends_nothing() -> None:
    desk = _rongque()
    desk.case.fulfil_owed(HEALTH, MaterialRecord(Provision.ORIGINAL), now=desk.tick())
    assert desk.run_timers(at(2025, 12, 1)) is None


def test_a_decided_case_is_not_ended_by_owed_material() -> None:
    desk = _rongque()
    desk.start_review()
    desk.decide(approved=False)
    assert desk.run_timers(at(2025, 12, 1)) is None
    assert desk.case.status is S.DECIDED_REFUSED


# -- suspension and extension -----------------------------------------------------------------


def test_suspension_pauses_the_clock_and_pushes_the_deadline() -> None:
    desk = reach(S.IN_REVIEW)  # accepted Mon 3 March 2025, 10 working days: Mon 17 March
    desk.now = at(2025, 3, 5, 9)
    desk.suspend()
    open_pause = desk.case.deadline(desk.item, as_of=date(2025, 3, 6), calendar=CALENDAR)
    assert open_pause.date == date(2025, 3, 19)  # Wed 5 and Thu 6 paused so far
    desk.now = at(2025, 3, 7, 16)
    desk.resume()
    assert desk.case.suspensions == [
        Suspension(HEARING, "组织听证", date(2025, 3, 5), date(2025, 3, 7))
    ]
    deadline = desk.case.deadline(desk.item, as_of=date(2025, 3, 10), calendar=CALENDAR)
    assert deadline == Deadline(date(2025, 3, 20), provisional=False)
    assert desk.case.status is S.IN_REVIEW


@pytest.mark.parametrize(
    ("procedure", "reason"),
    [
        pytest.param("lottery", "抽签", id="not one of the item's procedures"),
        pytest.param(HEARING, " ", id="no reason"),
    ],
)
def test_suspension_only_for_the_items_special_procedures(procedure: str, reason: str) -> None:
    desk = reach(S.IN_REVIEW)
    before = snapshot(desk.case)
    with pytest.raises(InvalidInput):
        desk.suspend(procedure, reason)
    assert snapshot(desk.case) == before


def _extend(
    desk: Desk, days: int, approver: Actor = SUPERVISOR, reason: str = "需现场核查"
) -> None:
    desk.case.extend(days=days, reason=reason, item=desk.item, approver=approver, now=desk.tick())


@pytest.mark.parametrize(
    ("item", "days", "approver", "error"),
    [
        pytest.param(licensing_item(), 10, SUPERVISOR, None, id="10 days by a supervisor"),
        pytest.param(licensing_item(), 1, ADMIN, None, id="1 day by an admin"),
        pytest.param(licensing_item(), 11, SUPERVISOR, RuleViolation, id="11 days"),
        pytest.param(licensing_item(), 0, SUPERVISOR, RuleViolation, id="0 days"),
        pytest.param(licensing_item(), -3, SUPERVISOR, RuleViolation, id="negative"),
        pytest.param(joint_item(), 15, SUPERVISOR, None, id="joint: 15 days"),
        pytest.param(joint_item(), 16, SUPERVISOR, RuleViolation, id="joint: 16 days"),
        pytest.param(licensing_item(), 5, CLERK, PermissionDenied, id="by a clerk"),
    ],
)
def test_extension_limits(
    item: ServiceItem, days: int, approver: Actor, error: type[ClerkError] | None
) -> None:
    desk = reach(S.IN_REVIEW, item)
    base = desk.case.deadline(desk.item, as_of=MONDAY.date(), calendar=CALENDAR).date
    if error is not None:
        before = snapshot(desk.case)
        with pytest.raises(error):
            _extend(desk, days, approver)
        assert snapshot(desk.case) == before
        return
    _extend(desk, days, approver)
    assert desk.case.extension is not None
    assert (desk.case.extension.days, desk.case.extension.approved_by) == (days, approver.staff_id)
    extended = desk.case.deadline(desk.item, as_of=MONDAY.date(), calendar=CALENDAR).date
    assert extended == CALENDAR.nth_working_day_after(base, days)


def test_extension_of_ten_days_real_date() -> None:
    desk = reach(S.IN_REVIEW)
    _extend(desk, 10)
    assert desk.case.deadline(desk.item, as_of=MONDAY.date(), calendar=CALENDAR).date == date(
        2025, 3, 31
    )


def test_only_one_extension() -> None:
    desk = reach(S.IN_REVIEW)
    _extend(desk, 3)
    with pytest.raises(RuleViolation, match="one extension"):
        _extend(desk, 3)


def test_extension_needs_reasons() -> None:
    with pytest.raises(InvalidInput):
        _extend(reach(S.IN_REVIEW), 3, reason="")


@pytest.mark.parametrize("state", [S.IN_REVIEW, S.SUSPENDED])
def test_extension_during_review(state: CaseStatus) -> None:
    desk = reach(state)
    _extend(desk, 5)
    assert desk.case.extension is not None


@pytest.mark.parametrize("state", [s for s in S if s not in (S.IN_REVIEW, S.SUSPENDED)])
def test_no_extension_outside_review(state: CaseStatus) -> None:
    with pytest.raises(RuleViolation):
        _extend(reach(state), 5)


def test_a_deadline_exists_only_once_accepted() -> None:
    desk = reach(S.RECEIVED)
    with pytest.raises(RuleViolation):
        desk.case.deadline(desk.item, as_of=MONDAY.date(), calendar=CALENDAR)


# -- refusal: 窗口无否决权 ---------------------------------------------------------------------


@pytest.mark.parametrize("state", [S.RECEIVED, S.CORRECTION_REQUESTED])
def test_refusal_requested_by_a_clerk_approved_by_a_supervisor(state: CaseStatus) -> None:
    desk = reach(state)
    desk.request_refusal()
    assert desk.case.status is state  # a request alone refuses nothing
    desk.approve_refusal()
    case = desk.case
    assert case.status is S.NOT_ACCEPTED
    assert case.refusal is not None
    assert (case.refusal.approved_by, case.refusal.approved_at) == (SUPERVISOR.staff_id, desk.now)
    assert case.refusal.competent_agency == "浙江省市场监督管理局"
    assert case.remedies == Remedies("杭州市人民政府", 60, "杭州市西湖区人民法院", 6)
    assert case.closing_reason == "不属于本机关职权范围"
    assert case.history[-1].actor == SUPERVISOR.staff_id


@pytest.mark.parametrize(
    ("requester", "approver"),
    [
        pytest.param(CLERK, CLERK, id="the requesting clerk"),
        pytest.param(CLERK, OTHER_CLERK, id="another clerk"),
        pytest.param(SUPERVISOR, SUPERVISOR, id="the requesting supervisor"),
    ],
)
def test_refusal_cannot_be_approved_by(requester: Actor, approver: Actor) -> None:
    desk = reach(S.RECEIVED)
    desk.request_refusal(requester)
    before = snapshot(desk.case)
    with pytest.raises(PermissionDenied):
        desk.approve_refusal(approver)
    assert snapshot(desk.case) == before


def test_a_supervisors_refusal_is_approved_by_another_supervisor() -> None:
    desk = reach(S.RECEIVED)
    desk.request_refusal(SUPERVISOR)
    desk.approve_refusal(OTHER_SUPERVISOR)
    assert desk.case.status is S.NOT_ACCEPTED


@pytest.mark.parametrize(("field", "value"), [("reasons", " "), ("legal_basis", "")])
def test_a_refusal_needs_reasons_and_legal_basis(field: str, value: str) -> None:
    texts = {"reasons": "r", "legal_basis": "b"} | {field: value}
    with pytest.raises(InvalidInput):
        RefusalRequest(texts["reasons"], "facts", texts["legal_basis"], CLERK.staff_id, MONDAY)


def test_one_refusal_request_at_a_time() -> None:
    desk = reach(S.RECEIVED)
    desk.request_refusal()
    with pytest.raises(RuleViolation, match="already"):
        desk.request_refusal(OTHER_CLERK)


def test_a_declined_refusal_lets_the_case_go_on() -> None:
    desk = reach(S.RECEIVED)
    desk.request_refusal()
    with pytest.raises(PermissionDenied):
        desk.case.decline_refusal(supervisor=CLERK, now=desk.tick())
    desk.case.decline_refusal(supervisor=SUPERVISOR, now=desk.tick())
    assert (desk.case.refusal, desk.case.status) == (None, S.RECEIVED)
    desk.accept()
    assert desk.case.status is S.ACCEPTED


def test_nothing_to_approve_or_decline() -> None:
    desk = reach(S.RECEIVED)
    with pytest.raises(RuleViolation):
        desk.approve_refusal()
    with pytest.raises(RuleViolation):
        desk.case.decline_refusal(supervisor=SUPERVISOR, now=desk.tick())


def test_an_approved_refusal_cannot_be_declined_afterwards() -> None:
    desk = reach(S.NOT_ACCEPTED)
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation):
        desk.case.decline_refusal(supervisor=OTHER_SUPERVISOR, now=desk.tick())
    assert snapshot(desk.case) == before


def test_a_pending_refusal_of_a_withdrawn_case_stays_as_it_was() -> None:
    desk = reach(S.RECEIVED)
    desk.request_refusal()
    _ACTIONS["withdraw"][1](desk)
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation, match="closed"):
        desk.case.decline_refusal(supervisor=SUPERVISOR, now=desk.tick())
    assert snapshot(desk.case) == before


def test_a_pending_refusal_cannot_be_approved_once_the_case_moved_on() -> None:
    desk = reach(S.RECEIVED)
    desk.request_refusal()
    desk.case.withdraw(reason="申请人撤回", actor=CLERK, now=desk.tick())
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation):
        desk.approve_refusal()
    assert snapshot(desk.case) == before


def test_no_licence_needed_needs_a_reason() -> None:
    desk = reach(S.RECEIVED)
    with pytest.raises(InvalidInput):
        desk.case.no_licence_needed(reason="", actor=CLERK, now=desk.tick())
    desk.case.no_licence_needed(reason="属于备案事项", actor=CLERK, now=desk.tick())
    assert (desk.case.status, desk.case.closing_reason) == (S.NO_LICENCE_NEEDED, "属于备案事项")


# -- 即办件, completion and delivery ------------------------------------------------------------


def test_an_immediate_item_is_served_in_one_sitting() -> None:
    desk = Desk(immediate_item())
    desk.record()
    desk.accept()
    desk.complete()
    desk.deliver()
    case = desk.case
    assert [c.after for c in case.history] == [S.ACCEPTED, S.COMPLETED, S.DELIVERED]
    assert case.decision == Decision(True, CLERK.staff_id, later(MONDAY, minutes=10), "即办")
    assert (case.received_on, case.accepted_on) == (MONDAY.date(), MONDAY.date())
    assert {c.at.date() for c in case.history} == {MONDAY.date()}
    assert case.one_trip


def test_an_immediate_item_with_owed_material_is_not_completed_on_the_spot() -> None:
    item = immediate_item(
        materials=(*immediate_item().materials, licensing_item().material(HEALTH)),
        rongque_allowed=True,
        owed_policy=licensing_item().owed_policy,
    )
    desk = Desk(item)
    desk.record({HEALTH: OWED})
    desk.accept()
    with pytest.raises(RuleViolation, match="容缺"):
        desk.complete()
    assert desk.case.decision is None


def test_a_promised_item_cannot_complete_from_accepted() -> None:
    desk = reach(S.ACCEPTED)
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation, match="即办件"):
        desk.complete()
    assert snapshot(desk.case) == before


@pytest.mark.parametrize("approved", [True, False])
def test_decision_is_recorded(approved: bool) -> None:
    desk = reach(S.IN_REVIEW)
    desk.decide(approved=approved)
    assert desk.case.decision == Decision(approved, OTHER_CLERK.staff_id, desk.now, "审查意见")


@pytest.mark.parametrize(
    ("method", "identity", "tracking"),
    [
        pytest.param(DeliveryMethod.WINDOW, False, "", id="window without identity"),
        pytest.param(DeliveryMethod.POST, True, " ", id="post without tracking number"),
    ],
)
def test_delivery_needs_identity_or_tracking(
    method: DeliveryMethod, identity: bool, tracking: str
) -> None:
    with pytest.raises(InvalidInput):
        Delivery(method, MONDAY, "张三", identity_checked=identity, tracking_number=tracking)


@pytest.mark.parametrize("method", list(DeliveryMethod))
def test_delivery_by_each_method(method: DeliveryMethod) -> None:
    desk = reach(S.COMPLETED)
    desk.deliver(method)
    assert desk.case.delivery is not None
    assert desk.case.delivery.method is method
    assert desk.case.history[-1].note == method.value


# -- void and closed cases --------------------------------------------------------------------


@pytest.mark.parametrize("state", [S.RECEIVED, S.IN_REVIEW, S.COMPLETED])
def test_void_keeps_the_case_with_its_reason(state: CaseStatus) -> None:
    desk = reach(state)
    materials, visits = dict(desk.case.materials), list(desk.case.visits)
    desk.case.void(reason="录入错误：申请人姓名有误", actor=SUPERVISOR, now=desk.tick())
    assert desk.case.status is S.VOID
    assert desk.case.closing_reason == "录入错误：申请人姓名有误"
    assert desk.case.history[-1].note == "录入错误：申请人姓名有误"
    assert (desk.case.materials, desk.case.visits) == (materials, visits)


@pytest.mark.parametrize("reason", ["", "  "])
@pytest.mark.parametrize("end", ["void", "withdraw", "terminate"])
def test_ending_a_case_needs_a_reason(reason: str, end: str) -> None:
    desk = reach(S.RECEIVED)
    before = snapshot(desk.case)
    with pytest.raises(InvalidInput, match="reason"):
        getattr(desk.case, end)(reason=reason, actor=CLERK, now=desk.tick())
    assert snapshot(desk.case) == before


CLOSED_ACTIONS: dict[str, Callable[[Desk], object]] = {
    "record_visit": lambda d: d.case.record_visit(now=d.tick(), counter="5", actor=CLERK),
    "record_materials": lambda d: d.case.record_materials({FORM: MISSING}, d.item),
    "fulfil_owed": lambda d: d.case.fulfil_owed(
        HEALTH, MaterialRecord(Provision.ORIGINAL), now=d.tick()
    ),
    "extend": lambda d: _extend(d, 3),
    "request_refusal": Desk.request_refusal,
    "decline_refusal": lambda d: d.case.decline_refusal(supervisor=SUPERVISOR, now=d.tick()),
    **{name: action for name, (_, action) in _ACTIONS.items()},
}


@pytest.mark.parametrize("name", sorted(CLOSED_ACTIONS))
@pytest.mark.parametrize("state", sorted(TERMINAL))
def test_closed_cases_refuse_further_actions(state: CaseStatus, name: str) -> None:
    desk = reach(state)
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation):
        CLOSED_ACTIONS[name](desk)
    assert snapshot(desk.case) == before
    assert desk.run_timers(later(desk.now, days=400)) is None
    assert snapshot(desk.case) == before


# -- the codec ------------------------------------------------------------------------------


@pytest.mark.parametrize("state", list(S))
def test_a_case_round_trips_through_json_in_every_state(state: CaseStatus) -> None:
    case = reach(state).case
    assert from_json(Case, json.loads(json.dumps(to_json(case)))) == case


def test_a_case_with_everything_round_trips() -> None:
    desk = Desk(start=FRIDAY_BEFORE_NATIONAL_DAY)
    desk.record({FORM: MISSING, SITE: MISSING})
    desk.receive()
    desk.notice()
    desk.case.record_visit(now=desk.tick(60 * 24), counter="7", actor=OTHER_CLERK)
    desk.record({HEALTH: OWED, SITE: COMMITMENT, ID_CARD: MaterialRecord(Provision.E_LICENCE)})
    desk.corrections()
    desk.accept()
    desk.start_review()
    desk.suspend()
    _extend(desk, 5)
    desk.resume()
    desk.case.fulfil_owed(
        HEALTH, MaterialRecord(Provision.ORIGINAL, issued_on=date(2025, 9, 1)), now=desk.tick()
    )
    desk.decide()
    desk.complete()
    desk.deliver(DeliveryMethod.POST)
    case = desk.case
    assert all((case.notices, case.owed, case.commitments, case.suspensions, case.extension))
    assert from_json(Case, json.loads(json.dumps(to_json(case)))) == case


def test_a_notice_with_an_override_round_trips() -> None:
    desk = reach(S.CORRECTION_REQUESTED)
    desk.record({FORM: MISSING, SITE: MISSING})
    desk.corrections()
    desk.notice("N2", Override(SUPERVISOR, "首次告知遗漏"))
    assert desk.case.notices[-1].unlisted_codes == (SITE,)
    case = desk.case
    assert from_json(Case, json.loads(json.dumps(to_json(case)))) == case


# -- applicants and times -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "id_number", "problem"),
    [
        pytest.param(ApplicantKind.PERSON, " ", resident_id(), "name", id="empty name"),
        pytest.param(
            ApplicantKind.PERSON, "张三", resident_id()[:17] + "0", "check", id="bad check"
        ),
        pytest.param(ApplicantKind.PERSON, "张三", "1101", "length", id="short"),
        pytest.param(ApplicantKind.ORGANISATION, "某公司", resident_id(), "check", id="ID for org"),
    ],
)
def test_an_applicant_is_checked(
    kind: ApplicantKind, name: str, id_number: str, problem: str
) -> None:
    with pytest.raises(InvalidInput, match=problem):
        Applicant.checked(kind=kind, name=name, id_number=id_number)


def test_an_applicant_is_stored_normalised() -> None:
    legacy = "110105491231002"  # 15-digit form of the factories' person
    applicant = Applicant.checked(kind=ApplicantKind.PERSON, name=" 张三 ", id_number=legacy)
    assert (applicant.name, applicant.id_number) == ("张三", resident_id())
    assert organisation().id_number == credit_code()


def test_naive_times_are_refused_where_legal_days_are_counted() -> None:
    desk = reach(S.RECEIVED)
    before = snapshot(desk.case)
    with pytest.raises(InvalidInput, match="timezone"):
        desk.case.accept(
            item=desk.item, actor=CLERK, now=MONDAY.replace(tzinfo=None), calendar=CALENDAR
        )
    assert snapshot(desk.case) == before


WRONG_METHOD: dict[str, tuple[CaseStatus, Callable[[Desk], object]]] = {
    "resume without a running procedure": (S.ACCEPTED, Desk.resume),
    "start review of a suspended case": (S.SUSPENDED, Desk.start_review),
    "corrections without a notice": (S.RECEIVING, Desk.corrections),
    "receiving corrections as a first receipt": (S.CORRECTION_REQUESTED, Desk.receive),
}


@pytest.mark.parametrize("name", sorted(WRONG_METHOD))
def test_a_move_in_the_table_needs_the_right_action(name: str) -> None:
    state, action = WRONG_METHOD[name]
    desk = reach(state)
    before = snapshot(desk.case)
    with pytest.raises(RuleViolation):
        action(desk)
    assert snapshot(desk.case) == before


NAIVE: dict[str, tuple[CaseStatus, Callable[[Case, datetime], object]]] = {
    "receive": (S.RECEIVING, lambda c, t: c.receive(actor=CLERK, now=t, calendar=CALENDAR)),
    "corrections": (
        S.CORRECTION_REQUESTED,
        lambda c, t: c.corrections_received(actor=CLERK, now=t, calendar=CALENDAR),
    ),
    "suspend": (
        S.IN_REVIEW,
        lambda c, t: c.suspend(
            procedure=HEARING, reason="r", item=licensing_item(), actor=CLERK, now=t
        ),
    ),
    "resume": (S.SUSPENDED, lambda c, t: c.resume(actor=CLERK, now=t)),
}


@pytest.mark.parametrize("name", sorted(NAIVE))
def test_a_naive_time_changes_nothing(name: str) -> None:
    state, action = NAIVE[name]
    desk = reach(state)
    before = snapshot(desk.case)
    with pytest.raises(InvalidInput, match="timezone"):
        action(desk.case, later(MONDAY, days=3).replace(tzinfo=None))
    assert snapshot(desk.case) == before
