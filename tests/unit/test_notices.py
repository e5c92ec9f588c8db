"""The one-time rule: a later notice may raise only what the earlier one listed or what is new."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from clerk.cases import Case
from clerk.catalog.model import CorrectionExpiry, Necessity
from clerk.errors import InvalidInput, PermissionDenied, RuleViolation
from clerk.materials import ChecklistLine, LineState, MaterialRecord, Problem, Provision
from clerk.notices import (
    Notice,
    NoticeLine,
    Override,
    enforce_one_time_rule,
    notice_lines,
    unlisted,
)
from clerk.staff import Actor
from tests.unit.factories import (
    ADMIN,
    CALENDAR,
    CLERK,
    FORM,
    HEALTH,
    ID_CARD,
    MISSING,
    MONDAY,
    SITE,
    SUPERVISOR,
    complete_records,
    later,
    licensing_item,
    open_case,
)

NAMES = {"a": "申请书", "b": "身份证", "c": "营业执照", "d": "健康证明"}


def line(code: str) -> NoticeLine:
    return NoticeLine(code, NAMES[code], Problem.MISSING, "原件 1 份", "未提交")


def notice(*codes: str, number: str = "N1") -> Notice:
    return Notice(
        number=number,
        issued_at=MONDAY,
        issued_on=MONDAY.date(),
        lines=tuple(line(code) for code in codes),
        correction_due=date(2025, 3, 24),
        correction_due_provisional=False,
        on_expiry=CorrectionExpiry.DEEMED_WITHDRAWN,
        clerk_id=CLERK.staff_id,
    )


def lines(*codes: str) -> tuple[NoticeLine, ...]:
    return tuple(line(code) for code in codes)


# previous notices' codes, codes of the new notice, newly handed in, offending codes
RULE_TABLE = [
    pytest.param([], ["a", "b"], [], [], id="first notice: anything goes"),
    pytest.param([["a", "b"]], ["a"], [], [], id="listed item still deficient"),
    pytest.param([["a", "b"]], ["a", "b"], [], [], id="all listed items still deficient"),
    pytest.param([["a"]], ["c"], ["c"], [], id="defect in newly handed-in material"),
    pytest.param([["a"]], ["a", "c"], ["c"], [], id="listed and new together"),
    pytest.param([["a"]], ["c"], [], ["c"], id="unlisted and not new"),
    pytest.param([["a"]], ["d", "a", "c"], ["b"], ["d", "c"], id="offenders in line order"),
    pytest.param([["a"], ["b"]], ["a", "b"], [], [], id="any earlier notice counts"),
    pytest.param([["a"], ["b"]], ["c"], [], ["c"], id="no earlier notice listed it"),
]


@pytest.mark.parametrize(("previous", "new", "handed_in", "offending"), RULE_TABLE)
def test_unlisted(
    previous: list[list[str]], new: list[str], handed_in: list[str], offending: list[str]
) -> None:
    earlier = [notice(*codes, number=f"N{i}") for i, codes in enumerate(previous)]
    assert unlisted(earlier, lines(*new), handed_in) == tuple(offending)


@pytest.mark.parametrize(("previous", "new", "handed_in", "offending"), RULE_TABLE)
def test_enforce_without_override(
    previous: list[list[str]], new: list[str], handed_in: list[str], offending: list[str]
) -> None:
    earlier = [notice(*codes, number=f"N{i}") for i, codes in enumerate(previous)]
    if not offending:
        assert (
            enforce_one_time_rule(earlier, lines(*new), newly_handed_in=handed_in, override=None)
            == ()
        )
        return
    with pytest.raises(RuleViolation) as refused:
        enforce_one_time_rule(earlier, lines(*new), newly_handed_in=handed_in, override=None)
    for code in offending:
        assert NAMES[code] in str(refused.value)
    for code in set(new) - set(offending):
        assert NAMES[code] not in str(refused.value)


@pytest.mark.parametrize("approver", [SUPERVISOR, ADMIN], ids=["supervisor", "admin"])
def test_an_approver_override_allows_the_unlisted_items(approver: Actor) -> None:
    override = Override(approver, "上次告知遗漏营业执照")
    allowed = enforce_one_time_rule(
        [notice("a")], lines("a", "c", "d"), newly_handed_in=(), override=override
    )
    assert allowed == ("c", "d")


def test_a_clerks_override_is_refused() -> None:
    with pytest.raises(PermissionDenied):
        enforce_one_time_rule(
            [notice("a")], lines("c"), newly_handed_in=(), override=Override(CLERK, "遗漏")
        )


def test_an_override_that_is_not_needed_allows_nothing() -> None:
    override = Override(CLERK, "不需要")  # not even checked: nothing to override
    assert (
        enforce_one_time_rule([notice("a")], lines("a"), newly_handed_in=(), override=override)
        == ()
    )


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_an_override_needs_a_reason(reason: str) -> None:
    with pytest.raises(InvalidInput, match="reason"):
        Override(SUPERVISOR, reason)


def test_notice_codes() -> None:
    assert notice("a", "c").codes == frozenset({"a", "c"})


# -- notice lines -----------------------------------------------------------------------------


def test_notice_lines_carry_problem_requirement_and_reason() -> None:
    deficient = [
        ChecklistLine(
            "a", "申请书", Necessity.REQUIRED, LineState.MISSING, Problem.MISSING, "未提交"
        ),
        ChecklistLine(
            "b", "身份证", Necessity.REQUIRED, LineState.DEFECTIVE, Problem.CONTENT, "模糊"
        ),
    ]
    requirements = {"a": "原件 1 份", "b": "原件和复印件 2 份", "c": "复印件 1 份"}
    assert notice_lines(deficient, requirements) == (
        NoticeLine("a", "申请书", Problem.MISSING, "原件 1 份", "未提交"),
        NoticeLine("b", "身份证", Problem.CONTENT, "原件和复印件 2 份", "模糊"),
    )


def test_a_line_without_problem_or_reason_reads_as_missing() -> None:
    bare = ChecklistLine("a", "申请书", Necessity.REQUIRED, LineState.MISSING)
    (only,) = notice_lines([bare], {"a": "原件 1 份"})
    assert (only.problem, only.reason) == (Problem.MISSING, "")


def test_a_notice_without_lines_is_refused() -> None:
    with pytest.raises(InvalidInput):
        notice_lines([], {})


# -- the rule at the counter, through the case ------------------------------------------------

ITEM = licensing_item()


def _after_first_notice(changes: dict[str, MaterialRecord] | None = None) -> Case:
    """A case whose first notice listed the missing form; the applicant then comes back."""
    case = open_case(ITEM)
    records = complete_records(ITEM, "new", today=MONDAY.date()) | {FORM: MISSING}
    case.record_materials(records | (changes or {}), ITEM)
    case.receive(actor=CLERK, now=later(MONDAY, minutes=5), calendar=CALENDAR)
    case.issue_notice(
        number="N1", item=ITEM, actor=CLERK, now=later(MONDAY, minutes=10), calendar=CALENDAR
    )
    case.record_visit(now=later(MONDAY, days=1), counter="5", actor=CLERK)
    return case


def _second_notice(case: Case, override: Override | None = None) -> Notice:
    case.corrections_received(actor=CLERK, now=later(MONDAY, days=1, minutes=5), calendar=CALENDAR)
    return case.issue_notice(
        number="N2",
        item=ITEM,
        actor=CLERK,
        now=later(MONDAY, days=1, minutes=10),
        calendar=CALENDAR,
        override=override,
    )


def test_listed_item_still_missing_may_be_raised_again() -> None:
    case = _after_first_notice()
    second = _second_notice(case)
    assert second.codes == {FORM}
    assert (second.override, second.unlisted_codes) == (None, ())


def test_defect_in_material_handed_in_after_the_notice_may_be_raised() -> None:
    case = _after_first_notice()
    bad_form = MaterialRecord(Provision.ORIGINAL, defect="未签字")
    bad_id = MaterialRecord(Provision.ORIGINAL_AND_COPY, copies=1)
    case.record_materials({FORM: bad_form, ID_CARD: bad_id}, ITEM)
    assert _second_notice(case).codes == {FORM, ID_CARD}


def test_material_handed_in_in_the_same_sitting_as_the_notice_counts_as_new() -> None:
    case = open_case(ITEM)
    records = complete_records(ITEM, "new", today=MONDAY.date()) | {FORM: MISSING}
    case.record_materials(records, ITEM)
    case.receive(actor=CLERK, now=later(MONDAY, minutes=5), calendar=CALENDAR)
    case.issue_notice(
        number="N1", item=ITEM, actor=CLERK, now=later(MONDAY, minutes=10), calendar=CALENDAR
    )
    # The applicant fetches the form at once; the copy brought with it is one short.
    bad_id = MaterialRecord(Provision.ORIGINAL_AND_COPY, copies=1)
    case.record_materials({FORM: MaterialRecord(Provision.ORIGINAL), ID_CARD: bad_id}, ITEM)
    assert _second_notice(case).codes == {ID_CARD}


def test_an_unlisted_item_is_refused_naming_the_material() -> None:
    # The health certificate is exactly 6 months old at the first notice (Mon 3 March 2025) and
    # has expired by the next day: the first notice could not list it, nothing new came for it.
    health = MaterialRecord(Provision.ORIGINAL, issued_on=date(2024, 9, 3))
    case = _after_first_notice(changes={HEALTH: health})
    case.record_materials({FORM: MaterialRecord(Provision.ORIGINAL)}, ITEM)
    case.corrections_received(actor=CLERK, now=later(MONDAY, days=1, minutes=5), calendar=CALENDAR)
    with pytest.raises(RuleViolation, match="健康证明"):
        case.issue_notice(
            number="N2",
            item=ITEM,
            actor=CLERK,
            now=later(MONDAY, days=1, minutes=10),
            calendar=CALENDAR,
        )
    assert [n.number for n in case.notices] == ["N1"]


def test_recording_a_material_as_missing_is_not_handing_it_in() -> None:
    case = _after_first_notice()
    case.record_materials({FORM: MaterialRecord(Provision.ORIGINAL), SITE: MISSING}, ITEM)
    case.corrections_received(actor=CLERK, now=later(MONDAY, days=1, minutes=5), calendar=CALENDAR)
    with pytest.raises(RuleViolation, match="经营场所证明"):
        case.issue_notice(
            number="N2",
            item=ITEM,
            actor=CLERK,
            now=later(MONDAY, days=1, minutes=10),
            calendar=CALENDAR,
        )


def test_supervisor_override_is_recorded_on_the_notice() -> None:
    case = _after_first_notice()
    case.record_materials({SITE: MISSING}, ITEM)
    override = Override(SUPERVISOR, "首次告知遗漏场所证明")
    second = _second_notice(case, override)
    assert second.override == override
    assert second.unlisted_codes == (SITE,)
    assert second.codes == {FORM, SITE}


def test_clerk_override_is_refused_and_nothing_changes() -> None:
    case = _after_first_notice()
    case.record_materials({HEALTH: MISSING}, ITEM)
    case.corrections_received(actor=CLERK, now=later(MONDAY, days=1, minutes=5), calendar=CALENDAR)
    with pytest.raises(PermissionDenied):
        case.issue_notice(
            number="N2",
            item=ITEM,
            actor=CLERK,
            now=later(MONDAY, days=1, minutes=10),
            calendar=CALENDAR,
            override=Override(CLERK, "遗漏"),
        )
    assert len(case.notices) == 1
    assert case.status.value == "received"


def test_a_fault_newly_found_in_paper_already_handed_in_is_not_new_material() -> None:
    case = _after_first_notice()
    case.record_materials({FORM: MaterialRecord(Provision.ORIGINAL)}, ITEM)
    # The clerk re-reads the ID copies handed in at the first visit and now finds a fault.
    id_card = case.materials[ID_CARD]
    case.record_materials({ID_CARD: dataclasses.replace(id_card, defect="复印件模糊")}, ITEM)
    case.corrections_received(actor=CLERK, now=later(MONDAY, days=1, minutes=5), calendar=CALENDAR)
    with pytest.raises(RuleViolation, match="身份证"):
        case.issue_notice(
            number="N2",
            item=ITEM,
            actor=CLERK,
            now=later(MONDAY, days=1, minutes=10),
            calendar=CALENDAR,
        )


def test_a_new_paper_after_the_notice_is_new_material_even_with_a_fault() -> None:
    case = _after_first_notice()
    new_id = MaterialRecord(Provision.ORIGINAL_AND_COPY, copies=3, defect="复印件模糊")
    case.record_materials({FORM: MaterialRecord(Provision.ORIGINAL), ID_CARD: new_id}, ITEM)
    assert _second_notice(case).codes == {ID_CARD}
