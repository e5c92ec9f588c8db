"""The case aggregate (办件): every move of DOMAIN.md §4 with its invariants.

A `Case` changes only through its methods; each checks the state machine and the law's rules
and appends to `history`. Time is always passed in; legal dates are the hall's local days.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from clerk.cases.parts import (
    Applicant,
    Decision,
    Delivery,
    Extension,
    HandIn,
    OwedItem,
    RefusalRequest,
    Remedies,
    Scan,
    StatusChange,
    Suspension,
    Visit,
)
from clerk.cases.rating import (
    ApplicantPanel,
    GivenRating,
    Rating,
    RatingPolicy,
    give_rating,
    record_follow_up,
)
from clerk.cases.status import OPEN, RANK, TERMINAL, CaseStatus, check_move
from clerk.catalog.model import CorrectionExpiry, HandlingClass, OwedExpiry, ServiceItem
from clerk.clock import local_day
from clerk.errors import InvalidInput, NotFound, Phrase, RuleViolation
from clerk.materials import (
    Checklist,
    LineState,
    MaterialRecord,
    Provision,
    Verdict,
    evaluate,
    requirement_text,
)
from clerk.notices import Notice, Override, enforce_one_time_rule, notice_lines
from clerk.staff import Actor, Role, require_approver
from clerk.workdays import (
    DayUnit,
    Deadline,
    Pause,
    TimeLimit,
    WorkCalendar,
    add_limit,
    case_deadline,
    notice_limit_date,
)

S = CaseStatus
REVIEW_DAYS = 60  # 行政复议法 art. 20: within 60 days of learning of the act
LAWSUIT_MONTHS = 6  # 行政诉讼法 art. 46: within 6 months
_EXPIRY_STATUS = {
    CorrectionExpiry.DEEMED_WITHDRAWN: S.WITHDRAWN,
    CorrectionExpiry.NOT_ACCEPTED: S.NOT_ACCEPTED,
    CorrectionExpiry.RETURNED: S.RETURNED,
}


@dataclass(slots=True)
class Case:
    """One application at the counter, from receiving to delivery (or to its end)."""

    case_id: str
    number: str
    item_code: str
    item_version: int
    situation: str | None
    applicant: Applicant
    opened_at: datetime
    status: CaseStatus = S.RECEIVING
    visits: list[Visit] = field(default_factory=list)
    materials: dict[str, MaterialRecord] = field(default_factory=dict)
    handed_in: dict[str, HandIn] = field(default_factory=dict)
    received_on: date | None = None
    notice_due: date | None = None
    notice_timer_from: date | None = None  # receipt or corrections: when deemed accepted
    notices: list[Notice] = field(default_factory=list)
    accepted_on: date | None = None
    deemed_accepted: bool = False
    owed: list[OwedItem] = field(default_factory=list)
    commitments: list[str] = field(default_factory=list)
    suspensions: list[Suspension] = field(default_factory=list)
    extension: Extension | None = None
    refusal: RefusalRequest | None = None
    remedies: Remedies | None = None
    decision: Decision | None = None
    delivery: Delivery | None = None
    closing_reason: str = ""
    history: list[StatusChange] = field(default_factory=list)
    scans: list[Scan] = field(default_factory=list)
    rating: GivenRating | None = None

    # -- opening and intake ------------------------------------------------------------

    @classmethod
    def open(
        cls,
        *,
        case_id: str,
        number: str,
        item: ServiceItem,
        situation: str | None,
        applicant: Applicant,
        actor: Actor,
        counter: str,
        now: datetime,
    ) -> Case:
        """Open a case at the counter: the applicant's first visit for it.

        Raises:
            InvalidInput: the item needs a situation and none (or an unknown one) was chosen.
        """
        if item.situations:
            if situation is None:
                raise InvalidInput("item {item} needs a situation to be chosen", item=item.code)
            _known(item.situation, situation)
        local_day(now)  # refuses a naive time
        case = cls(case_id, number, item.code, item.version, situation, applicant, now)
        case.visits.append(Visit(now, counter, actor.staff_id))
        return case

    @property
    def is_open(self) -> bool:
        """Whether the applicant may still withdraw (before a decision)."""
        return self.status in OPEN

    @property
    def one_trip(self) -> bool:
        """Whether the applicant has needed only one visit so far (最多跑一次)."""
        return len(self.visits) <= 1

    def record_visit(self, *, now: datetime, counter: str, actor: Actor) -> None:
        """Record that the applicant stands at a counter again for this case."""
        self._require_not_terminal()
        local_day(now)  # refuses a naive time
        self.visits.append(Visit(now, counter, actor.staff_id))

    def record_materials(self, records: Mapping[str, MaterialRecord], item: ServiceItem) -> None:
        """Record what the applicant hands in now (during intake or as corrections).

        Raises:
            RuleViolation: the case is past intake.
            InvalidInput: a record names a material the item does not ask for.
        """
        self._require_item(item)
        if self.status not in (S.RECEIVING, S.RECEIVED, S.CORRECTION_REQUESTED):
            raise RuleViolation(
                "materials cannot be recorded in state {status}", status=self.status
            )
        for code in records:
            _known(item.material, code)
        hand_in = HandIn(len(self.visits) - 1, len(self.notices))
        for code, record in records.items():
            before = self.materials.get(code)
            if before == record:
                continue
            self.materials[code] = record
            if before is None or not _only_new_finding(before, record):
                self.handed_in[code] = hand_in

    def checklist(self, item: ServiceItem, *, today: date) -> Checklist:
        """The material checklist as it stands.

        Raises:
            InvalidInput: `item` is not the item version the case was received under.
        """
        self._require_item(item)
        return evaluate(item, self.situation, self.materials, today=today)

    def receive(self, *, actor: Actor, now: datetime, calendar: WorkCalendar) -> None:
        """Take the materials in (收件): the 5-working-day notice timer starts today.

        Raises:
            RuleViolation: the case was already received (corrections are received as such).
        """
        self._require_status(S.RECEIVING, action=Phrase("receive"))
        self._move(S.RECEIVED, actor, now)
        self._start_notice_timer(local_day(now), calendar)

    def _start_notice_timer(self, day: date, calendar: WorkCalendar) -> None:
        self.received_on = self.received_on or day
        self.notice_timer_from = day
        self.notice_due = notice_limit_date(day, calendar=calendar).date

    # -- the one-time notice -----------------------------------------------------------

    def issue_notice(
        self,
        *,
        number: str,
        item: ServiceItem,
        actor: Actor,
        now: datetime,
        calendar: WorkCalendar,
        override: Override | None = None,
    ) -> Notice:
        """Issue the one-time correction notice listing everything deficient, at once.

        Raises:
            RuleViolation: not in RECEIVED; the 5-working-day limit has passed (the case is
                deemed accepted instead); nothing is deficient; or the one-time rule is broken
                without a supervisor's override.
            InvalidInput: the number is already used by an earlier notice of the case.
        """
        check_move(self.status, S.CORRECTION_REQUESTED)
        if any(notice.number == number for notice in self.notices):
            raise InvalidInput("notice number {number} is already used by this case", number=number)
        today = local_day(now)
        if self.notice_due is not None and today > self.notice_due:
            raise RuleViolation("the 5-working-day notice limit has passed: deemed accepted")
        checklist = self.checklist(item, today=today)
        if checklist.verdict is not Verdict.NEEDS_CORRECTION:
            raise RuleViolation("nothing needs correcting: accept the case instead")
        lines = notice_lines(
            checklist.deficient, {m.code: requirement_text(m) for m in item.materials}
        )
        allowed = enforce_one_time_rule(
            self.notices, lines, newly_handed_in=self._newly_handed_in(), override=override
        )
        due = add_limit(today, item.correction_policy.deadline, calendar=calendar)
        notice = Notice(
            number=number,
            issued_at=now,
            issued_on=today,
            lines=lines,
            correction_due=due.date,
            correction_due_provisional=due.provisional,
            on_expiry=item.correction_policy.on_expiry,
            clerk_id=actor.staff_id,
            override=override if allowed else None,
            unlisted_codes=allowed,
        )
        self.notices.append(notice)
        self._move(S.CORRECTION_REQUESTED, actor, now, note=number)
        return notice

    def _newly_handed_in(self) -> frozenset[str]:
        """Materials handed in after the last notice (a record of "missing" hands nothing in)."""
        return frozenset(
            code
            for code, hand_in in self.handed_in.items()
            if hand_in.notices == len(self.notices)
            and self.materials[code].provision is not Provision.MISSING
        )

    def corrections_received(self, *, actor: Actor, now: datetime, calendar: WorkCalendar) -> None:
        """The applicant brought corrections: back to RECEIVED, the notice timer restarts.

        Raises:
            RuleViolation: no correction notice is waiting for corrections.
        """
        self._require_status(S.CORRECTION_REQUESTED, action=Phrase("receive corrections"))
        self._move(S.RECEIVED, actor, now)
        self._start_notice_timer(local_day(now), calendar)

    # -- acceptance ------------------------------------------------------------------

    def accept(
        self, *, item: ServiceItem, actor: Actor, now: datetime, calendar: WorkCalendar
    ) -> Checklist:
        """Accept the case (受理): complete, or complete but for material owed under 容缺.

        Returns:
            The checklist the acceptance was based on.

        Raises:
            RuleViolation: a material is missing or defective (issue a notice instead), or the
                state machine does not allow acceptance now.
        """
        check_move(self.status, S.ACCEPTED)
        if self.refusal is not None and self.refusal.approved_by is None:
            raise RuleViolation("a refusal request is pending: a supervisor must decline it first")
        today = local_day(now)
        checklist = self.checklist(item, today=today)
        if checklist.verdict is Verdict.NEEDS_CORRECTION:
            names = "、".join(line.name for line in checklist.deficient)
            raise RuleViolation("cannot accept: {names} must be corrected first", names=names)
        self.received_on = self.received_on or today
        late = self.notice_due is not None and today > self.notice_due
        # Art. 32: past the notice limit the application counts as accepted from receipt.
        self.accepted_on = (self.notice_timer_from or self.received_on) if late else today
        self.deemed_accepted = late
        self.commitments = [ln.code for ln in checklist.lines if ln.state is LineState.COMMITTED]
        self.owed = self._owed_items(item, checklist, today, calendar)
        self._move(S.ACCEPTED, actor, now)
        return checklist

    def _owed_items(
        self, item: ServiceItem, checklist: Checklist, today: date, calendar: WorkCalendar
    ) -> list[OwedItem]:
        if not checklist.owed:
            return []
        assert item.owed_policy is not None  # the catalogue requires one where 容缺 is allowed
        due = add_limit(today, item.owed_policy.due, calendar=calendar)
        return [OwedItem(ln.code, ln.name, due.date, due.provisional) for ln in checklist.owed]

    def deem_accepted(self, *, now: datetime) -> bool:
        """Accept by operation of law when the 5-day notice limit passed (Art. 32).

        Returns:
            True when the case was deemed accepted now.
        """
        today = local_day(now)
        if self.status is not S.RECEIVED or self.notice_due is None or today <= self.notice_due:
            return False
        # Art. 32: accepted from the day the materials (or the corrections) were received.
        self.accepted_on = self.notice_timer_from or self.received_on
        self.deemed_accepted = True
        self._move(S.ACCEPTED, _SYSTEM, now, note="deemed accepted: notice limit passed")
        return True

    def fulfil_owed(self, code: str, record: MaterialRecord, *, now: datetime) -> None:
        """Record that material owed under 容缺 was handed in.

        Raises:
            RuleViolation: the material is not owed, or already fulfilled, or the case ended.
            InvalidInput: the record hands nothing in (missing, or owed again).
        """
        self._require_not_terminal()
        local_day(now)  # refuses a naive time
        if record.provision in (Provision.MISSING, Provision.OWED):
            raise InvalidInput(
                "owed material {material!r} is fulfilled only by handing it in", material=code
            )
        for index, owed in enumerate(self.owed):
            if owed.code == code and owed.fulfilled_at is None:
                self.owed[index] = replace(owed, fulfilled_at=now)
                self.materials[code] = record
                return
        raise RuleViolation("material {material!r} is not owed by this case", material=code)

    @property
    def outstanding(self) -> tuple[OwedItem, ...]:
        """Owed items not yet handed in."""
        return tuple(owed for owed in self.owed if owed.fulfilled_at is None)

    # -- timers ----------------------------------------------------------------------

    def run_timers(self, *, item: ServiceItem, now: datetime) -> CaseStatus | None:
        """Apply what the passing of time decides: deemed acceptance, correction or 容缺 expiry.

        Returns:
            The new status when a timer moved the case, else None.
        """
        self._require_item(item)
        if self.deem_accepted(now=now):
            return self.status
        today = local_day(now)
        if self.status is S.CORRECTION_REQUESTED and today > self.notices[-1].correction_due:
            target = _EXPIRY_STATUS[self.notices[-1].on_expiry]
            self._close(target, _SYSTEM, now, reason="correction deadline passed")
            if target is S.NOT_ACCEPTED:
                self.remedies = _remedies(item)
            return target
        late = [owed for owed in self.outstanding if today > owed.due_on]
        if late and self.is_open and item.owed_policy is not None:
            withdrawn = item.owed_policy.on_expiry is OwedExpiry.WITHDRAWN
            target = S.WITHDRAWN if withdrawn else S.TERMINATED
            self._close(target, _SYSTEM, now, reason="容缺 material not handed in by its due date")
            return target
        return None

    # -- refusal ---------------------------------------------------------------------

    def request_refusal(self, request: RefusalRequest) -> None:
        """A clerk asks to refuse; the case waits for a supervisor (窗口无否决权).

        Raises:
            RuleViolation: not before acceptance, or a request is already pending.
        """
        check_move(self.status, S.NOT_ACCEPTED)
        if self.refusal is not None:
            raise RuleViolation("a refusal request is already waiting for approval")
        self.refusal = request

    def approve_refusal(
        self, *, item: ServiceItem, supervisor: Actor, now: datetime
    ) -> RefusalRequest:
        """A supervisor approves the pending refusal: the case is not accepted, with remedies.

        Raises:
            RuleViolation: no request is pending, or the case can no longer be refused.
            PermissionDenied: not a supervisor, or the requester approving their own request.
        """
        self._require_item(item)
        check_move(self.status, S.NOT_ACCEPTED)
        if self.refusal is None:
            raise RuleViolation("there is no refusal request to approve")
        require_approver(
            supervisor, requested_by=self.refusal.requested_by, what=Phrase("a refusal")
        )
        self._close(S.NOT_ACCEPTED, supervisor, now, reason=self.refusal.reasons)
        self.refusal = replace(self.refusal, approved_by=supervisor.staff_id, approved_at=now)
        self.remedies = _remedies(item)
        return self.refusal

    def decline_refusal(self, *, supervisor: Actor, now: datetime) -> None:
        """A supervisor turns the refusal request down; the case goes on.

        Raises:
            RuleViolation: no request is pending (an approved refusal stays), or the case ended.
            PermissionDenied: not a supervisor.
        """
        self._require_not_terminal()
        if self.refusal is None or self.refusal.approved_by is not None:
            raise RuleViolation("there is no refusal request to decline")
        require_approver(supervisor, requested_by=None, what=Phrase("declining a refusal"))
        self.refusal = None

    def no_licence_needed(self, *, reason: str, actor: Actor, now: datetime) -> None:
        """Art. 32 (1): the matter needs no licence; the applicant is told so."""
        self._close(S.NO_LICENCE_NEEDED, actor, now, reason=reason)

    # -- review, decision, delivery ----------------------------------------------------

    def start_review(self, *, actor: Actor, now: datetime) -> None:
        """The back office takes the accepted case up.

        Raises:
            RuleViolation: the case is not freshly accepted (a suspended case is resumed).
        """
        self._require_status(S.ACCEPTED, action=Phrase("start the review"))
        self._move(S.IN_REVIEW, actor, now)

    def suspend(
        self, *, procedure: str, reason: str, item: ServiceItem, actor: Actor, now: datetime
    ) -> None:
        """Pause the clock for a special procedure the item provides for (Art. 45).

        Raises:
            InvalidInput: the item has no such special procedure, or no reason was given.
        """
        self._require_item(item)
        if procedure not in {p.code for p in item.special_procedures}:
            raise InvalidInput(
                "item {item} has no special procedure {procedure!r}",
                item=item.code,
                procedure=procedure,
            )
        if not reason.strip():
            raise InvalidInput("a suspension needs a written reason for the applicant")
        self._move(S.SUSPENDED, actor, now, note=procedure)
        self.suspensions.append(Suspension(procedure, reason, local_day(now)))

    def resume(self, *, actor: Actor, now: datetime) -> None:
        """End the running special procedure: the clock runs again from the next day.

        Raises:
            RuleViolation: no special procedure is running.
        """
        self._require_status(S.SUSPENDED, action=Phrase("resume"))
        self._move(S.IN_REVIEW, actor, now)
        last = self.suspensions[-1]
        self.suspensions[-1] = replace(last, last_day=max(local_day(now), last.first_day))

    def extend(
        self, *, days: int, reason: str, item: ServiceItem, approver: Actor, now: datetime
    ) -> None:
        """Extend the decision period once, with a supervisor's approval (Art. 42).

        Raises:
            RuleViolation: not in review, already extended, or more days than the law allows.
            PermissionDenied: the approver is not a supervisor.
        """
        self._require_item(item)
        if self.status not in (S.IN_REVIEW, S.SUSPENDED):
            raise RuleViolation("only a case in review can be extended")
        limit = 15 if item.handling_class is HandlingClass.JOINT else 10
        if self.extension is not None or not 0 < days <= limit:
            raise RuleViolation(
                "one extension of at most {limit} working days is allowed", limit=limit
            )
        if not reason.strip():
            raise InvalidInput("an extension needs written reasons")
        require_approver(approver, requested_by=None, what=Phrase("an extension"))
        local_day(now)  # refuses a naive time
        self.extension = Extension(days, reason, approver.staff_id, now)

    def decide(self, *, approved: bool, actor: Actor, now: datetime, note: str = "") -> None:
        """Record the back office's decision.

        Raises:
            RuleViolation: 容缺 material is still owed (it must arrive before a decision).
        """
        if approved and self.outstanding:
            raise RuleViolation("容缺 material is still owed; it must arrive before approval")
        self._move(S.DECIDED_APPROVED if approved else S.DECIDED_REFUSED, actor, now, note=note)
        self.decision = Decision(approved, actor.staff_id, now, note)

    def complete(self, *, item: ServiceItem, actor: Actor, now: datetime) -> None:
        """办结: after a decision, or at once for a 即办件 accepted at the counter.

        Raises:
            RuleViolation: an accepted case that is not a 即办件 must be decided first.
        """
        self._require_item(item)
        on_the_spot = self.status is S.ACCEPTED
        if on_the_spot:
            if item.handling_class is not HandlingClass.IMMEDIATE:
                raise RuleViolation("only a 即办件 is completed on the spot")
            if self.outstanding:
                raise RuleViolation("容缺 material is still owed")
        self._move(S.COMPLETED, actor, now)
        if on_the_spot:
            self.decision = Decision(True, actor.staff_id, now, "即办")

    def deliver(self, delivery: Delivery, *, actor: Actor) -> None:
        """Hand the result out, or record that it was sent (出件)."""
        self._move(S.DELIVERED, actor, delivery.delivered_at, note=delivery.method.value)
        self.delivery = delivery

    # -- ending ----------------------------------------------------------------------

    def withdraw(self, *, reason: str, actor: Actor, now: datetime) -> None:
        """The applicant withdraws the application."""
        self._close(S.WITHDRAWN, actor, now, reason=reason)

    def terminate(self, *, reason: str, actor: Actor, now: datetime) -> None:
        """The agency ends the procedure (终止)."""
        self._close(S.TERMINATED, actor, now, reason=reason)

    def void(self, *, reason: str, actor: Actor, now: datetime) -> None:
        """Mark an entry error: the case is kept, never deleted.

        Raises:
            InvalidInput: no reason given.
        """
        self._close(S.VOID, actor, now, reason=reason)

    # -- deadlines -------------------------------------------------------------------

    def deadline(self, item: ServiceItem, *, as_of: date, calendar: WorkCalendar) -> Deadline:
        """The promised completion date: pauses push it out, an extension adds to it.

        Raises:
            RuleViolation: the case has not been accepted.
        """
        self._require_item(item)
        if self.accepted_on is None:
            raise RuleViolation("a case has a deadline only once accepted")
        pauses = [Pause(s.first_day, s.last_day) for s in self.suspensions]
        extension = TimeLimit(self.extension.days, DayUnit.WORKING_DAYS) if self.extension else None
        return case_deadline(
            self.accepted_on,
            item.promised_limit,
            pauses=pauses,
            extension=extension,
            as_of=as_of,
            calendar=calendar,
        )

    def attach_scan(self, scan: Scan, item: ServiceItem) -> None:
        """Keep a scan of one of the item's materials with the case.

        Raises:
            InvalidInput: the item has no such material, or the scan is not a SHA-256 of bytes.
            RuleViolation: the case is closed.
        """
        self._require_item(item)
        self._require_not_terminal()
        if scan.material not in {m.code for m in item.materials}:
            raise InvalidInput(
                "item {item} has no material {material!r}", item=item.code, material=scan.material
            )
        if len(scan.sha256) != 64 or scan.size <= 0:
            raise InvalidInput("a scan is named by the SHA-256 of its bytes and is not empty")
        local_day(scan.at)  # refuses a naive time
        self.scans.append(scan)

    # -- 好差评 ------------------------------------------------------------------------

    def rate(
        self,
        rating: Rating,
        *,
        via: ApplicantPanel | Actor,
        now: datetime,
        policy: RatingPolicy,
        calendar: WorkCalendar,
    ) -> GivenRating:
        """The applicant rates the case on the counter's panel (see `clerk.cases.rating`).

        Raises:
            RuleViolation: a staff member tries to rate, the case is already rated or cannot
                be rated in its state.
        """
        self.rating = give_rating(
            rating,
            via=via,
            status=self.status,
            existing=self.rating,
            clerk_id=self.visits[-1].staff_id,
            now=now,
            policy=policy,
            calendar=calendar,
        )
        return self.rating

    def record_follow_up(self, *, note: str, supervisor: Actor, now: datetime) -> GivenRating:
        """A supervisor records the follow-up of the case's bad rating.

        Raises:
            RuleViolation: no bad rating waits. PermissionDenied: not a supervisor, or the
                person rated. InvalidInput: no note.
        """
        self.rating = record_follow_up(self.rating, note=note, supervisor=supervisor, now=now)
        return self.rating

    # -- internals -------------------------------------------------------------------

    def _require_item(self, item: ServiceItem) -> None:
        if (item.code, item.version) != (self.item_code, self.item_version):
            raise InvalidInput(
                "case {number} was received under item {item} version {version}, "
                "not {given_item} version {given_version}",
                number=self.number,
                item=self.item_code,
                version=self.item_version,
                given_item=item.code,
                given_version=item.version,
            )

    def _require_status(self, status: CaseStatus, *, action: Phrase) -> None:
        if self.status is not status:
            raise RuleViolation(
                "cannot {action} a case in state {status}", action=action, status=self.status
            )

    def _require_not_terminal(self) -> None:
        if self.status in TERMINAL:
            raise RuleViolation("the case is closed ({status})", status=self.status)

    def _close(self, target: CaseStatus, actor: Actor, now: datetime, *, reason: str) -> None:
        if not reason.strip():
            raise InvalidInput("moving a case to {target} needs a reason", target=target)
        self._move(target, actor, now, note=reason)
        self.closing_reason = reason

    def _move(self, target: CaseStatus, actor: Actor, now: datetime, *, note: str = "") -> None:
        check_move(self.status, target)
        local_day(now)  # refuses a naive time before anything changes
        assert RANK[target] >= RANK[self.status]  # the table only holds forward moves
        self.history.append(StatusChange(self.status, target, now, actor.staff_id, note))
        self.status = target


def _only_new_finding(before: MaterialRecord, after: MaterialRecord) -> bool:
    """Whether the clerk only found (another) fault in paper already handed in.

    Such a finding is not new material: under the one-time rule it may be raised later only if
    an earlier notice listed it. Clearing a defect means a corrected paper arrived.
    """
    return after.defect is not None and replace(before, defect=after.defect) == after


_SYSTEM = Actor("system", "系统", Role.CLERK)
"""The actor of moves that time decides (deemed acceptance, expiries)."""


def _remedies(item: ServiceItem) -> Remedies:
    """Where and how long a refusal by the item's agency may be challenged."""
    agency = item.agency
    return Remedies(agency.review_body, REVIEW_DAYS, agency.court, LAWSUIT_MONTHS)


def _known(lookup: Callable[[str], object], code: str) -> None:
    """Check a code against the item, as a data error (the catalogue itself is fine)."""
    try:
        lookup(code)
    except NotFound as error:
        raise InvalidInput.restated(error) from error
