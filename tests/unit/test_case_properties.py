"""A case driven by random counter actions and passing time keeps the invariants of DOMAIN.md §4.

Every rule may legitimately be refused (ClerkError); a refused action must leave the case exactly
as it was. After every step: the status never moves back, the history is one unbroken chain in
time order, every notice keeps the one-time rule (or carries a supervisor's override), notice
numbers are unique and a closed case never changes again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from clerk.cases import RANK, TERMINAL, CaseStatus, Delivery, RefusalRequest
from clerk.catalog.model import CorrectionExpiry, DeliveryMethod, OwedExpiry, ServiceItem
from clerk.codec import to_json
from clerk.errors import ClerkError
from clerk.materials import MaterialRecord, Provision
from clerk.notices import Override
from clerk.staff import Actor
from tests.unit.factories import (
    ADMIN,
    CALENDAR,
    CLERK,
    HEARING,
    INSPECTION,
    MONDAY,
    OTHER_CLERK,
    OTHER_SUPERVISOR,
    SUPERVISOR,
    complete_records,
    immediate_item,
    joint_item,
    later,
    licensing_item,
    open_case,
    with_correction_expiry,
    with_owed_expiry,
)

ITEMS: dict[str, ServiceItem] = {
    "licensing": licensing_item(),
    "immediate": immediate_item(),
    "joint": joint_item(),
    "returned": with_correction_expiry(licensing_item(), CorrectionExpiry.RETURNED),
    "not_accepted": with_correction_expiry(licensing_item(), CorrectionExpiry.NOT_ACCEPTED),
    "terminated": with_owed_expiry(licensing_item(), OwedExpiry.TERMINATED),
}
CODES = [*sorted({m.code for item in ITEMS.values() for m in item.materials}), "passport"]
ACTORS = [CLERK, OTHER_CLERK, SUPERVISOR, OTHER_SUPERVISOR, ADMIN]
REASONS = ["录入错误", "", " "]

S = CaseStatus
actors = st.sampled_from(ACTORS)
reasons = st.sampled_from(REASONS)


def _hands_in(before: MaterialRecord | None, after: MaterialRecord) -> bool:
    """Whether recording `after` over `before` means material was handed in (the model).

    Recording "missing" hands nothing in, and a fault newly found in the same paper is no new
    material either.
    """
    if after == before or after.provision is Provision.MISSING:
        return False
    only_new_fault = before is not None and replace(before, defect=after.defect) == after
    return not (only_new_fault and after.defect is not None)


class CaseMachine(RuleBasedStateMachine):
    """Random actions at the counter on one case, with a clock that only moves forward."""

    def __init__(self) -> None:
        super().__init__()
        self.item = ITEMS["licensing"]
        self.now = MONDAY
        self.case = open_case(self.item, now=self.now)
        self.rank = RANK[self.case.status]
        self.closed: object = None  # the case's JSON once it reached a terminal state
        self.handed_in_since_notice: set[str] = set()
        self.notices_seen = 0

    @initialize(name=st.sampled_from(sorted(ITEMS)))
    def open(self, name: str) -> None:
        self.item = ITEMS[name]
        self.case = open_case(self.item, now=self.now)

    # -- helpers -------------------------------------------------------------------------------

    def tick(self) -> None:
        self.now = later(self.now, minutes=1)

    def attempt(self, action: Callable[[], object]) -> bool:
        """Run an action; a refusal must change nothing. Returns whether it went through."""
        self.tick()
        before = to_json(self.case)
        try:
            action()
        except ClerkError:
            assert to_json(self.case) == before, "a refused action changed the case"
            return False
        return True

    def record(self, records: dict[str, MaterialRecord]) -> None:
        previous = dict(self.case.materials)
        if self.attempt(lambda: self.case.record_materials(records, self.item)):
            self.handed_in_since_notice |= {
                code for code, record in records.items() if _hands_in(previous.get(code), record)
            }

    # -- intake --------------------------------------------------------------------------------

    @rule(
        code=st.sampled_from(CODES),
        provision=st.sampled_from(Provision),
        copies=st.integers(0, 3),
        defect=st.none() | st.just("印章不清"),
        age_days=st.none() | st.integers(-5, 400),
    )
    def record_one(
        self,
        code: str,
        provision: Provision,
        copies: int,
        defect: str | None,
        age_days: int | None,
    ) -> None:
        issued = None if age_days is None else self.now.date() - timedelta(days=age_days)
        self.record({code: MaterialRecord(provision, copies, defect, issued)})

    @rule()
    def record_complete(self) -> None:
        situation = "new" if self.item.situations else None
        self.record(complete_records(self.item, situation, today=self.now.date()))

    @rule(index=st.integers(0, 10))
    def all_but_one(self, index: int) -> None:
        """The applicant brings everything but one material (a common counter situation)."""
        situation = "new" if self.item.situations else None
        records = complete_records(self.item, situation, today=self.now.date())
        codes = sorted(records)
        self.record(records | {codes[index % len(codes)]: MaterialRecord(Provision.MISSING)})

    @rule(actor=actors)
    def visit(self, actor: Actor) -> None:
        self.attempt(lambda: self.case.record_visit(now=self.now, counter="5", actor=actor))

    @rule()
    def receive(self) -> None:
        self.attempt(lambda: self.case.receive(actor=CLERK, now=self.now, calendar=CALENDAR))

    @rule()
    def corrections(self) -> None:
        self.attempt(
            lambda: self.case.corrections_received(actor=CLERK, now=self.now, calendar=CALENDAR)
        )

    @rule(
        number=st.sampled_from(["N1", "N2", "N3"]),
        override=st.none() | st.tuples(actors, reasons),
    )
    def issue_notice(self, number: str, override: tuple[Actor, str] | None) -> None:
        self.attempt(
            lambda: self.case.issue_notice(
                number=number,
                item=self.item,
                actor=CLERK,
                now=self.now,
                calendar=CALENDAR,
                override=None if override is None else Override(*override),
            )
        )

    @rule()
    def accept(self) -> None:
        self.attempt(
            lambda: self.case.accept(item=self.item, actor=CLERK, now=self.now, calendar=CALENDAR)
        )

    # -- refusal -------------------------------------------------------------------------------

    @rule(requester=actors, reason=reasons)
    def request_refusal(self, requester: Actor, reason: str) -> None:
        self.attempt(
            lambda: self.case.request_refusal(
                RefusalRequest(
                    reason, "事实", "《行政许可法》第三十二条", requester.staff_id, self.now
                )
            )
        )

    @rule(supervisor=actors)
    def approve_refusal(self, supervisor: Actor) -> None:
        self.attempt(
            lambda: self.case.approve_refusal(item=self.item, supervisor=supervisor, now=self.now)
        )

    @rule(supervisor=actors)
    def decline_refusal(self, supervisor: Actor) -> None:
        self.attempt(lambda: self.case.decline_refusal(supervisor=supervisor, now=self.now))

    @rule(reason=reasons)
    def no_licence_needed(self, reason: str) -> None:
        self.attempt(lambda: self.case.no_licence_needed(reason=reason, actor=CLERK, now=self.now))

    # -- review, decision, delivery -----------------------------------------------------------

    @rule()
    def start_review(self) -> None:
        self.attempt(lambda: self.case.start_review(actor=OTHER_CLERK, now=self.now))

    @rule(procedure=st.sampled_from([HEARING, INSPECTION, "lottery"]), reason=reasons)
    def suspend(self, procedure: str, reason: str) -> None:
        self.attempt(
            lambda: self.case.suspend(
                procedure=procedure, reason=reason, item=self.item, actor=CLERK, now=self.now
            )
        )

    @rule()
    def resume(self) -> None:
        self.attempt(lambda: self.case.resume(actor=CLERK, now=self.now))

    @rule(days=st.integers(-1, 16), approver=actors, reason=reasons)
    def extend(self, days: int, approver: Actor, reason: str) -> None:
        self.attempt(
            lambda: self.case.extend(
                days=days, reason=reason, item=self.item, approver=approver, now=self.now
            )
        )

    @rule(approved=st.booleans(), actor=actors)
    def decide(self, approved: bool, actor: Actor) -> None:
        self.attempt(lambda: self.case.decide(approved=approved, actor=actor, now=self.now))

    @rule()
    def complete(self) -> None:
        self.attempt(lambda: self.case.complete(item=self.item, actor=CLERK, now=self.now))

    @rule(
        method=st.sampled_from(DeliveryMethod),
        identity=st.booleans(),
        tracking=st.sampled_from(["", "SF1234567890"]),
    )
    def deliver(self, method: DeliveryMethod, identity: bool, tracking: str) -> None:
        self.attempt(
            lambda: self.case.deliver(
                Delivery(method, self.now, "张三", identity, tracking), actor=CLERK
            )
        )

    @rule(code=st.sampled_from(CODES), provision=st.sampled_from(Provision))
    def fulfil_owed(self, code: str, provision: Provision) -> None:
        record = MaterialRecord(provision, copies=1, issued_on=self.now.date())
        self.attempt(lambda: self.case.fulfil_owed(code, record, now=self.now))

    # -- endings and time ----------------------------------------------------------------------

    @rule(end=st.sampled_from(["withdraw", "terminate", "void"]), reason=reasons)
    def end(self, end: str, reason: str) -> None:
        method = getattr(self.case, end)
        self.attempt(lambda: method(reason=reason, actor=SUPERVISOR, now=self.now))

    @rule(days=st.integers(0, 12), minutes=st.integers(0, 24 * 60))
    def time_passes(self, days: int, minutes: int) -> None:
        self.now = later(self.now, days=days, minutes=minutes)
        self.attempt(lambda: self.case.run_timers(item=self.item, now=self.now))

    @rule(choice=st.integers(0, 3))
    def proceed(self, choice: int) -> None:
        """Take a natural next step, so that random runs also reach the late states."""
        status, case, item, now = self.case.status, self.case, self.item, self.now
        steps: dict[CaseStatus, list[Callable[[], object]]] = {
            S.RECEIVING: [
                lambda: case.receive(actor=CLERK, now=now, calendar=CALENDAR),
                lambda: case.accept(item=item, actor=CLERK, now=now, calendar=CALENDAR),
            ],
            S.RECEIVED: [
                lambda: case.issue_notice(
                    number=f"N{len(case.notices) + 1}",
                    item=item,
                    actor=CLERK,
                    now=now,
                    calendar=CALENDAR,
                ),
                lambda: case.accept(item=item, actor=CLERK, now=now, calendar=CALENDAR),
                lambda: case.request_refusal(
                    RefusalRequest("不属于本机关职权", "事实", "第三十二条", CLERK.staff_id, now)
                ),
                lambda: case.approve_refusal(item=item, supervisor=SUPERVISOR, now=now),
            ],
            S.CORRECTION_REQUESTED: [
                lambda: case.corrections_received(actor=CLERK, now=now, calendar=CALENDAR),
                self.wait_a_month,
            ],
            S.ACCEPTED: [
                lambda: case.start_review(actor=OTHER_CLERK, now=now),
                lambda: case.complete(item=item, actor=CLERK, now=now),
            ],
            S.IN_REVIEW: [
                lambda: case.decide(approved=True, actor=OTHER_CLERK, now=now),
                lambda: case.suspend(
                    procedure=HEARING, reason="听证", item=item, actor=CLERK, now=now
                ),
                lambda: case.decide(approved=False, actor=OTHER_CLERK, now=now),
            ],
            S.SUSPENDED: [lambda: case.resume(actor=CLERK, now=now)],
            S.DECIDED_APPROVED: [lambda: case.complete(item=item, actor=CLERK, now=now)],
            S.DECIDED_REFUSED: [lambda: case.complete(item=item, actor=CLERK, now=now)],
            S.COMPLETED: [
                lambda: case.deliver(
                    Delivery(DeliveryMethod.WINDOW, now, "张三", True), actor=CLERK
                )
            ],
        }
        options = steps.get(status, [])
        if options:
            self.attempt(options[choice % len(options)])

    def wait_a_month(self) -> None:
        self.now = later(self.now, days=30)
        self.case.run_timers(item=self.item, now=self.now)

    # Hypothesis picks rules evenly: more names for the natural step make runs reach further.
    proceed_again = proceed
    proceed_further = proceed
    proceed_on = proceed
    proceed_to_the_end = proceed

    # -- invariants ----------------------------------------------------------------------------

    @invariant()
    def status_only_moves_forward(self) -> None:
        event(f"reached {self.case.status.value}")
        rank = RANK[self.case.status]
        assert rank >= self.rank
        self.rank = rank

    @invariant()
    def history_is_one_chain_in_time_order(self) -> None:
        status = CaseStatus.RECEIVING
        at = self.case.opened_at
        for change in self.case.history:
            assert change.before is status
            assert change.at >= at
            assert RANK[change.after] >= RANK[change.before]
            status, at = change.after, change.at
        assert status is self.case.status

    @invariant()
    def notices_keep_the_one_time_rule(self) -> None:
        notices = self.case.notices
        if len(notices) == self.notices_seen:
            return
        assert len(notices) == self.notices_seen + 1
        *earlier, notice = notices
        allowed = frozenset().union(*(n.codes for n in earlier)) | self.handed_in_since_notice
        if earlier and notice.override is None:
            assert notice.codes <= allowed, "a notice raised an item the one-time rule forbids"
        if notice.override is not None:
            assert notice.override.supervisor.may_approve
            assert set(notice.unlisted_codes) == notice.codes - allowed
        self.notices_seen = len(notices)
        self.handed_in_since_notice = set()

    @invariant()
    def notice_numbers_are_unique(self) -> None:
        numbers = [notice.number for notice in self.case.notices]
        assert len(numbers) == len(set(numbers))

    @invariant()
    def closed_cases_never_change(self) -> None:
        if self.case.status not in TERMINAL:
            return
        now = to_json(self.case)
        if self.closed is None:
            self.closed = now
        assert now == self.closed

    @invariant()
    def dates_follow_the_law(self) -> None:
        case = self.case
        if case.accepted_on is not None and case.received_on is not None:
            assert case.accepted_on >= case.received_on
        for owed in case.owed:
            assert case.accepted_on is not None
            assert owed.due_on > case.accepted_on
        for suspension in case.suspensions:
            last = suspension.last_day or date.max
            assert suspension.first_day <= last


CaseMachine.TestCase.settings = settings(stateful_step_count=50, deadline=None)
TestCaseMachine = CaseMachine.TestCase
