"""The material checklist: what the applicant handed in, measured against the item's list.

From the item, the situation and what the clerk recorded per material, `evaluate` decides
whether the case is complete, acceptable with 容缺, or needs a one-time correction notice, and
says for exactly which lines and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk.catalog.model import MaterialKind, MaterialRequirement, Necessity, ServiceItem
from clerk.errors import InvalidInput, NotFound


class Provision(StrEnum):
    """How the applicant provided a material, as the clerk records it."""

    ORIGINAL = "original"  # 原件
    COPY = "copy"  # 复印件
    ORIGINAL_AND_COPY = "original_and_copy"  # 原件和复印件
    ELECTRONIC = "electronic"  # 电子文件
    E_LICENCE = "e_licence"  # 从电子证照库调取
    OWED = "owed"  # 容缺后补
    COMMITMENT = "commitment"  # 告知承诺代替
    MISSING = "missing"  # 未提供


class LineState(StrEnum):
    """The verdict on one line of the checklist."""

    OK = "ok"
    E_LICENCE = "e_licence"
    OWED = "owed"
    COMMITTED = "committed"
    NOT_NEEDED = "not_needed"  # optional and not provided
    MISSING = "missing"
    DEFECTIVE = "defective"


class Problem(StrEnum):
    """Why a line needs correcting, in the terms of the one-time notice (Art. 32)."""

    MISSING = "missing"  # 材料缺失
    NOT_LEGAL_FORM = "not_legal_form"  # 不符合法定形式
    CONTENT = "content"  # 内容需补正


class Verdict(StrEnum):
    """What the whole checklist allows."""

    COMPLETE = "complete"
    ACCEPTABLE_WITH_RONGQUE = "acceptable_with_rongque"
    NEEDS_CORRECTION = "needs_correction"


@dataclass(frozen=True, slots=True)
class MaterialRecord:
    """What the clerk recorded for one material.

    Attributes:
        provision: how it was provided.
        copies: how many copies were handed in (for copy kinds).
        defect: the clerk's reason when the material is there but not acceptable.
        issued_on: the document's issue date, checked against a validity rule.
    """

    provision: Provision
    copies: int = 0
    defect: str | None = None
    issued_on: date | None = None


@dataclass(frozen=True, slots=True)
class ChecklistLine:
    """One material's verdict, with the exact requirement to print on a notice."""

    code: str
    name: str
    necessity: Necessity
    state: LineState
    problem: Problem | None = None
    reason: str | None = None

    @property
    def deficient(self) -> bool:
        """Whether this line must appear on a correction notice."""
        return self.state in (LineState.MISSING, LineState.DEFECTIVE)


@dataclass(frozen=True, slots=True)
class Checklist:
    """The verdict on the whole material list."""

    verdict: Verdict
    lines: tuple[ChecklistLine, ...]

    @property
    def deficient(self) -> tuple[ChecklistLine, ...]:
        """Lines a correction notice must list: all of them, at once."""
        return tuple(line for line in self.lines if line.deficient)

    @property
    def owed(self) -> tuple[ChecklistLine, ...]:
        """Lines owed under 容缺."""
        return tuple(line for line in self.lines if line.state is LineState.OWED)


def requirement_text(requirement: MaterialRequirement) -> str:
    """The exact requirement in words a notice prints, e.g. "复印件 2 份；6 个月内出具"."""
    kind = {
        MaterialKind.ORIGINAL: "原件",
        MaterialKind.COPY: "复印件",
        MaterialKind.ORIGINAL_AND_COPY: "原件和复印件",
        MaterialKind.ELECTRONIC: "电子材料",
    }[requirement.kind]
    parts = [f"{kind} {requirement.copies} 份"]
    if requirement.validity_months:
        parts.append(f"{requirement.validity_months} 个月内出具")
    if requirement.verify_original_and_return:
        parts.append("核验原件后退回")
    if requirement.signature_or_seal_required:
        parts.append("须签字或盖章")
    return "；".join(parts)


def evaluate(
    item: ServiceItem,
    situation: str | None,
    records: Mapping[str, MaterialRecord],
    *,
    today: date,
) -> Checklist:
    """Measure what was handed in against the item's material list.

    Args:
        item: the service item (at the version the case was received under).
        situation: the chosen situation code, or None for items without situations.
        records: what the clerk recorded, by material code; an absent code counts as missing.
        today: the day of the check (validity rules are measured from it).

    Returns:
        The checklist with one line per material that applies in the situation.

    Raises:
        InvalidInput: a record names a material the item does not ask for, or the item has
            situations and none (or an unknown one) was chosen.
    """
    if item.situations and situation is None:
        raise InvalidInput("item {item} needs a situation to be chosen", item=item.code)
    try:
        pairs = item.requirements_for(situation)
    except NotFound as error:
        raise InvalidInput.restated(error) from error
    known = {requirement.code for requirement in item.materials}
    unknown = sorted(set(records) - known)
    if unknown:
        raise InvalidInput(
            "item {item} asks for no material {material!r}", item=item.code, material=unknown[0]
        )
    lines = tuple(
        _judge(item, req, need, records.get(req.code), today=today) for req, need in pairs
    )
    return Checklist(_verdict(lines), lines)


def _verdict(lines: tuple[ChecklistLine, ...]) -> Verdict:
    if any(line.deficient for line in lines):
        return Verdict.NEEDS_CORRECTION
    if any(line.state is LineState.OWED for line in lines):
        return Verdict.ACCEPTABLE_WITH_RONGQUE
    return Verdict.COMPLETE


def _line(
    req: MaterialRequirement,
    need: Necessity,
    state: LineState,
    problem: Problem | None = None,
    reason: str | None = None,
) -> ChecklistLine:
    return ChecklistLine(req.code, req.name, need, state, problem, reason)


def _judge(
    item: ServiceItem,
    req: MaterialRequirement,
    need: Necessity,
    record: MaterialRecord | None,
    *,
    today: date,
) -> ChecklistLine:
    provision = Provision.MISSING if record is None else record.provision
    if provision is Provision.MISSING:
        if need is Necessity.OPTIONAL:
            return _line(req, need, LineState.NOT_NEEDED)
        return _line(req, need, LineState.MISSING, Problem.MISSING, "未提交")
    assert record is not None  # provision is MISSING whenever record is None
    special = _judge_substitute(item, req, need, provision)
    if special is not None:
        return special
    return _judge_handed_in(req, need, record, today=today)


_SUBSTITUTES: dict[Provision, tuple[LineState, str]] = {
    Provision.E_LICENCE: (LineState.E_LICENCE, "该材料不能从电子证照库调取"),
    Provision.OWED: (LineState.OWED, "该材料不允许容缺后补"),
    Provision.COMMITMENT: (LineState.COMMITTED, "该材料不适用告知承诺"),
}


def _substitute_allowed(
    item: ServiceItem, req: MaterialRequirement, need: Necessity, provision: Provision
) -> bool:
    if provision is Provision.E_LICENCE:
        return bool(req.e_licence_code)
    if provision is Provision.OWED:
        return item.rongque_allowed and need is Necessity.DEFERRABLE
    return item.commitment_allowed and req.commitment_allowed


def _judge_substitute(
    item: ServiceItem, req: MaterialRequirement, need: Necessity, provision: Provision
) -> ChecklistLine | None:
    """Judge the provisions that replace handing in the material itself (e-licence, 容缺, 承诺)."""
    if provision not in _SUBSTITUTES:
        return None
    state, refusal = _SUBSTITUTES[provision]
    if _substitute_allowed(item, req, need, provision):
        return _line(req, need, state)
    if need is Necessity.OPTIONAL:
        # A refused substitute leaves the material not provided, which an optional line allows.
        return _line(req, need, LineState.NOT_NEEDED)
    return _line(req, need, LineState.MISSING, Problem.MISSING, refusal)


_SATISFIES: dict[MaterialKind, frozenset[Provision]] = {
    MaterialKind.ORIGINAL: frozenset({Provision.ORIGINAL, Provision.ORIGINAL_AND_COPY}),
    MaterialKind.COPY: frozenset({Provision.COPY, Provision.ORIGINAL_AND_COPY}),
    MaterialKind.ORIGINAL_AND_COPY: frozenset({Provision.ORIGINAL_AND_COPY}),
    MaterialKind.ELECTRONIC: frozenset({Provision.ELECTRONIC}),
}


def _judge_handed_in(
    req: MaterialRequirement, need: Necessity, record: MaterialRecord, *, today: date
) -> ChecklistLine:
    """Judge a material that was physically or electronically handed in."""
    if record.provision not in _SATISFIES[req.kind]:
        reason = f"应提交{requirement_text(req)}"
        return _line(req, need, LineState.DEFECTIVE, Problem.NOT_LEGAL_FORM, reason)
    copies_needed = req.kind in (MaterialKind.COPY, MaterialKind.ORIGINAL_AND_COPY)
    if copies_needed and record.copies < req.copies:
        reason = f"复印件应为 {req.copies} 份，实交 {record.copies} 份"
        return _line(req, need, LineState.DEFECTIVE, Problem.NOT_LEGAL_FORM, reason)
    expired = _expired(req, record, today)
    if expired is not None:
        return _line(req, need, LineState.DEFECTIVE, Problem.NOT_LEGAL_FORM, expired)
    if record.defect:
        return _line(req, need, LineState.DEFECTIVE, Problem.CONTENT, record.defect)
    return _line(req, need, LineState.OK)


def _expired(req: MaterialRequirement, record: MaterialRecord, today: date) -> str | None:
    if req.validity_months is None:
        return None
    if record.issued_on is None:
        return f"未注明出具日期（须 {req.validity_months} 个月内出具）"
    if record.issued_on > today:
        return "出具日期晚于今天"
    if record.issued_on < _months_before(today, req.validity_months):
        return f"出具日期 {record.issued_on.isoformat()} 已超过 {req.validity_months} 个月有效期"
    return None


def _months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for candidate_day in range(day.day, 0, -1):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a first day")  # pragma: no cover
