"""The material checklist: every provision against every kind and necessity that matters."""

from __future__ import annotations

import calendar
import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.catalog.model import MaterialKind, Necessity, ServiceItem
from clerk.errors import InvalidInput
from clerk.materials import (
    Checklist,
    LineState,
    MaterialRecord,
    Problem,
    Provision,
    Verdict,
    evaluate,
    requirement_text,
)
from tests.unit.factories import (
    CHANGE,
    CHANGE_PROOF,
    COMMITMENT,
    E_LICENCE,
    FORM,
    HEALTH,
    ID_CARD,
    LICENCE_COPY,
    MISSING,
    NEW,
    OWED,
    PHOTO,
    SITE,
    complete_records,
    immediate_item,
    licensing_item,
)

TODAY = date(2025, 8, 31)
ITEM = licensing_item()
NO_RONGQUE = licensing_item(rongque_allowed=False, owed_policy=None)
NO_COMMITMENT = licensing_item(commitment_allowed=False)
ABSENT = None  # the clerk recorded nothing for the material

R = MaterialRecord
P = Provision


def check(
    changes: dict[str, MaterialRecord | None], *, item: ServiceItem = ITEM, situation: str = NEW
) -> Checklist:
    """Evaluate a complete intake with some lines changed (None removes the record)."""
    records = complete_records(item, situation, today=TODAY)
    for code, record in changes.items():
        if record is None:
            records.pop(code, None)
        else:
            records[code] = record
    return evaluate(item, situation, records, today=TODAY)


def line_of(checklist: Checklist, code: str) -> tuple[LineState, Problem | None, str | None]:
    (line,) = (line for line in checklist.lines if line.code == code)
    return line.state, line.problem, line.reason


OK, MISS, BAD = LineState.OK, LineState.MISSING, LineState.DEFECTIVE
FORM_PROBLEM = Problem.NOT_LEGAL_FORM


@dataclasses.dataclass(frozen=True)
class Row:
    """One line of the checklist table: a record for one material and the verdict on it."""

    shows: str
    code: str
    record: MaterialRecord | None
    state: LineState
    problem: Problem | None = None
    reason: str | None = None
    item: ServiceItem = ITEM


LINE_TABLE = [
    # complete lines of each kind
    Row("original given", FORM, R(P.ORIGINAL), OK),
    Row("original and copy for original", FORM, R(P.ORIGINAL_AND_COPY), OK),
    Row("both, enough copies", ID_CARD, R(P.ORIGINAL_AND_COPY, copies=2), OK),
    Row("both, more copies", ID_CARD, R(P.ORIGINAL_AND_COPY, copies=3), OK),
    Row("copy given", LICENCE_COPY, R(P.COPY, copies=1), OK),
    Row("electronic given", PHOTO, R(P.ELECTRONIC), OK),
    # optional lines
    Row("optional not recorded", PHOTO, ABSENT, LineState.NOT_NEEDED),
    Row("optional recorded missing", PHOTO, MISSING, LineState.NOT_NEEDED),
    Row("optional owed where 容缺 cannot apply", PHOTO, OWED, LineState.NOT_NEEDED),
    Row("optional, no e-licence", PHOTO, E_LICENCE, LineState.NOT_NEEDED),
    # required and deferrable lines left out
    Row("required not recorded", FORM, ABSENT, MISS, Problem.MISSING, "未提交"),
    Row("required recorded missing", FORM, MISSING, MISS, Problem.MISSING, "未提交"),
    Row("deferrable not recorded", HEALTH, ABSENT, MISS, Problem.MISSING, "未提交"),
    # wrong kind: not in legal form, with the exact requirement
    Row("copy where original needed", FORM, R(P.COPY, copies=1), BAD, FORM_PROBLEM,
        "应提交原件 1 份；须签字或盖章"),
    Row("electronic where original needed", FORM, R(P.ELECTRONIC), BAD, FORM_PROBLEM,
        "应提交原件 1 份；须签字或盖章"),
    Row("original alone where original and copies needed", ID_CARD, R(P.ORIGINAL), BAD,
        FORM_PROBLEM, "应提交原件和复印件 2 份；核验原件后退回"),
    Row("original where a copy is needed", LICENCE_COPY, R(P.ORIGINAL), BAD, FORM_PROBLEM,
        "应提交复印件 1 份"),
    Row("paper where electronic needed", PHOTO, R(P.ORIGINAL), BAD, FORM_PROBLEM,
        "应提交电子材料 1 份"),
    # too few copies
    Row("one copy of two", ID_CARD, R(P.ORIGINAL_AND_COPY, copies=1), BAD, FORM_PROBLEM,
        "复印件应为 2 份，实交 1 份"),
    Row("copy kind without a count", LICENCE_COPY, R(P.COPY), BAD, FORM_PROBLEM,
        "复印件应为 1 份，实交 0 份"),
    # validity
    Row("expired", HEALTH, R(P.ORIGINAL, issued_on=date(2025, 2, 27)), BAD, FORM_PROBLEM,
        "出具日期 2025-02-27 已超过 6 个月有效期"),
    Row("month-end clamp: 31 Aug − 6 months is 28 Feb", HEALTH,
        R(P.ORIGINAL, issued_on=date(2025, 2, 28)), OK),
    Row("issued today", HEALTH, R(P.ORIGINAL, issued_on=TODAY), OK),
    Row("issue date not recorded", HEALTH, R(P.ORIGINAL), BAD, FORM_PROBLEM,
        "未注明出具日期（须 6 个月内出具）"),
    Row("issued in the future", HEALTH, R(P.ORIGINAL, issued_on=TODAY + timedelta(days=1)),
        BAD, FORM_PROBLEM, "出具日期晚于今天"),
    # content defects
    Row("defect with reason", FORM, R(P.ORIGINAL, defect="法定代表人未签字"), BAD,
        Problem.CONTENT, "法定代表人未签字"),
    Row("form problem is reported before content", FORM, R(P.COPY, copies=1, defect="未签字"),
        BAD, FORM_PROBLEM, "应提交原件 1 份；须签字或盖章"),
    Row("empty defect text is no defect", FORM, R(P.ORIGINAL, defect=""), OK),
    # e-licence
    Row("e-licence allowed", ID_CARD, E_LICENCE, LineState.E_LICENCE),
    Row("e-licence not available", LICENCE_COPY, E_LICENCE, MISS, Problem.MISSING,
        "该材料不能从电子证照库调取"),
    # 容缺
    Row("deferrable owed under 容缺", HEALTH, OWED, LineState.OWED),
    Row("deferrable owed, item without 容缺", HEALTH, OWED, MISS, Problem.MISSING,
        "该材料不允许容缺后补", item=NO_RONGQUE),
    Row("required (not deferrable) owed", FORM, OWED, MISS, Problem.MISSING,
        "该材料不允许容缺后补"),
    # 告知承诺
    Row("commitment where item and material allow", SITE, COMMITMENT, LineState.COMMITTED),
    Row("commitment, item does not allow", SITE, COMMITMENT, MISS, Problem.MISSING,
        "该材料不适用告知承诺", item=NO_COMMITMENT),
    Row("commitment, material does not allow", FORM, COMMITMENT, MISS, Problem.MISSING,
        "该材料不适用告知承诺"),
]  # fmt: skip


@pytest.mark.parametrize("row", [pytest.param(row, id=row.shows) for row in LINE_TABLE])
def test_line_verdict(row: Row) -> None:
    checklist = check({row.code: row.record}, item=row.item)
    assert line_of(checklist, row.code) == (row.state, row.problem, row.reason)
    others = [line for line in checklist.lines if line.code != row.code]
    assert all(line.state in (OK, LineState.NOT_NEEDED) for line in others)


@pytest.mark.parametrize(
    ("state", "deficient"),
    [
        (LineState.OK, False),
        (LineState.E_LICENCE, False),
        (LineState.OWED, False),
        (LineState.COMMITTED, False),
        (LineState.NOT_NEEDED, False),
        (LineState.MISSING, True),
        (LineState.DEFECTIVE, True),
    ],
)
def test_only_missing_and_defective_lines_go_on_a_notice(state: LineState, deficient: bool) -> None:
    row = next(row for row in LINE_TABLE if row.state is state)
    checklist = check({row.code: row.record}, item=row.item)
    assert (row.code in {line.code for line in checklist.deficient}) is deficient


# -- verdicts ---------------------------------------------------------------------------------


def test_complete_intake_is_complete_with_one_line_per_applicable_material() -> None:
    checklist = check({})
    assert checklist.verdict is Verdict.COMPLETE
    assert [line.code for line in checklist.lines] == [
        FORM,
        ID_CARD,
        LICENCE_COPY,
        HEALTH,
        SITE,
        PHOTO,
    ]
    assert checklist.deficient == ()
    assert checklist.owed == ()


def test_owed_material_only_allows_acceptance_with_rongque() -> None:
    checklist = check({HEALTH: OWED})
    assert checklist.verdict is Verdict.ACCEPTABLE_WITH_RONGQUE
    assert [line.code for line in checklist.owed] == [HEALTH]


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({FORM: MISSING}, id="missing"),
        pytest.param({FORM: MISSING, HEALTH: OWED}, id="missing beats owed"),
        pytest.param({ID_CARD: R(P.ORIGINAL)}, id="defective"),
    ],
)
def test_any_deficient_line_needs_correction(changes: dict[str, MaterialRecord | None]) -> None:
    assert check(changes).verdict is Verdict.NEEDS_CORRECTION


def test_every_deficient_line_is_listed_at_once_in_list_order() -> None:
    checklist = check({SITE: MISSING, FORM: R(P.COPY, copies=1), HEALTH: OWED, ID_CARD: None})
    assert [(line.code, line.problem) for line in checklist.deficient] == [
        (FORM, Problem.NOT_LEGAL_FORM),
        (ID_CARD, Problem.MISSING),
        (SITE, Problem.MISSING),
    ]
    assert checklist.verdict is Verdict.NEEDS_CORRECTION


# -- situations and unknown materials ---------------------------------------------------------


def test_situation_changes_the_lines_and_their_necessity() -> None:
    records = complete_records(ITEM, CHANGE, today=TODAY)
    checklist = evaluate(ITEM, CHANGE, records, today=TODAY)
    codes = [line.code for line in checklist.lines]
    assert SITE not in codes
    assert CHANGE_PROOF in codes
    assert checklist.verdict is Verdict.COMPLETE
    del records[CHANGE_PROOF]
    assert evaluate(ITEM, CHANGE, records, today=TODAY).verdict is Verdict.NEEDS_CORRECTION


def test_a_record_for_a_line_not_applicable_in_the_situation_is_ignored() -> None:
    records = complete_records(ITEM, NEW, today=TODAY) | {CHANGE_PROOF: R(P.COPY)}
    checklist = evaluate(ITEM, NEW, records, today=TODAY)
    assert checklist.verdict is Verdict.COMPLETE
    assert CHANGE_PROOF not in {line.code for line in checklist.lines}


def test_unknown_material_code_is_refused_by_name() -> None:
    records = complete_records(ITEM, NEW, today=TODAY) | {"passport": R(P.ORIGINAL)}
    with pytest.raises(InvalidInput, match="passport"):
        evaluate(ITEM, NEW, records, today=TODAY)


@pytest.mark.parametrize("situation", [None, "renewal"])
def test_item_with_situations_needs_a_known_one(situation: str | None) -> None:
    with pytest.raises(InvalidInput, match="situation"):
        evaluate(ITEM, situation, {}, today=TODAY)


def test_item_without_situations_needs_none() -> None:
    item = immediate_item()
    records = complete_records(item, None, today=TODAY)
    assert evaluate(item, None, records, today=TODAY).verdict is Verdict.COMPLETE
    assert evaluate(item, None, {}, today=TODAY).verdict is Verdict.NEEDS_CORRECTION


# -- validity: calendar months, clamped to the month's end ------------------------------------


def _health_valid(today: date, months: int, issued_on: date) -> bool:
    req = dataclasses.replace(ITEM.material(HEALTH), validity_months=months)
    materials = tuple(req if m.code == HEALTH else m for m in ITEM.materials)
    item = dataclasses.replace(ITEM, materials=materials)
    records = complete_records(item, NEW, today=today) | {
        HEALTH: R(P.ORIGINAL, issued_on=issued_on)
    }
    return evaluate(item, NEW, records, today=today).verdict is Verdict.COMPLETE


@pytest.mark.parametrize(
    ("today", "months", "earliest"),
    [
        (date(2025, 8, 31), 6, date(2025, 2, 28)),
        (date(2024, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2025, 3, 31), 1, date(2025, 2, 28)),
        (date(2025, 5, 31), 1, date(2025, 4, 30)),
        (date(2025, 1, 15), 6, date(2024, 7, 15)),  # across the year
        (date(2024, 2, 29), 12, date(2023, 2, 28)),
        (date(2025, 12, 31), 3, date(2025, 9, 30)),
    ],
)
def test_validity_boundary(today: date, months: int, earliest: date) -> None:
    assert _health_valid(today, months, earliest)
    assert not _health_valid(today, months, earliest - timedelta(days=1))


def _reference_earliest(today: date, months: int) -> date:
    index = today.year * 12 + (today.month - 1) - months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


@given(
    today=st.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31)),
    months=st.integers(min_value=1, max_value=36),
    back=st.integers(min_value=0, max_value=1200),
)
def test_validity_matches_calendar_month_arithmetic(today: date, months: int, back: int) -> None:
    issued_on = today - timedelta(days=back)
    assert _health_valid(today, months, issued_on) == (
        issued_on >= _reference_earliest(today, months)
    )


# -- the requirement as printed ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (FORM, "原件 1 份；须签字或盖章"),
        (ID_CARD, "原件和复印件 2 份；核验原件后退回"),
        (LICENCE_COPY, "复印件 1 份"),
        (HEALTH, "原件 1 份；6 个月内出具"),
        (PHOTO, "电子材料 1 份"),
    ],
)
def test_requirement_text(code: str, text: str) -> None:
    assert requirement_text(ITEM.material(code)) == text


def test_requirement_text_lists_every_condition_in_order() -> None:
    req = dataclasses.replace(
        ITEM.material(ID_CARD),
        kind=MaterialKind.COPY,
        copies=3,
        validity_months=3,
        signature_or_seal_required=True,
    )
    assert requirement_text(req) == "复印件 3 份；3 个月内出具；核验原件后退回；须签字或盖章"


def test_lines_carry_name_and_necessity_for_the_notice() -> None:
    checklist = check({HEALTH: None})
    (line,) = checklist.deficient
    assert (line.code, line.name, line.necessity) == (HEALTH, "健康证明", Necessity.DEFERRABLE)
