"""Domain values in printed words: payload fields, materials, limits, fees, expiry policies.

Used by `printing.from_domain`; every reader names the field it misses, as a DocumentDataError.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TypeVar

from clerk.audit import JsonValue
from clerk.cases import Case, Delivery, OwedItem, RefusalRequest
from clerk.cases import Remedies as DomainRemedies
from clerk.catalog.model import (
    CorrectionExpiry,
    DeliveryMethod,
    Fee,
    OwedExpiry,
    ServiceItem,
)
from clerk.codec import from_json
from clerk.errors import InvalidInput, NotFound
from clerk.materials import Problem, Provision, requirement_text
from clerk.notices import Notice
from clerk.workdays import DayUnit, TimeLimit
from printing.data import MaterialLine, OwedLine, Period
from printing.documents import CommitmentLine, CorrectionLine, Remedies
from printing.errors import DocumentDataError
from printing.text import yuan

Payload = Mapping[str, JsonValue]
T = TypeVar("T")

EXPIRY = {
    CorrectionExpiry.DEEMED_WITHDRAWN: "视为撤回申请",
    CorrectionExpiry.NOT_ACCEPTED: "不予受理",
    CorrectionExpiry.RETURNED: "退回申请材料",
}
OWED_EXPIRY = {OwedExpiry.WITHDRAWN: "视为撤回申请", OwedExpiry.TERMINATED: "终止办理"}
DELIVERY = {
    DeliveryMethod.WINDOW: "窗口领取",
    DeliveryMethod.POST: "邮寄送达",
    DeliveryMethod.ELECTRONIC: "电子送达",
}
PROBLEM = {
    Problem.MISSING: "材料缺失",
    Problem.NOT_LEGAL_FORM: "不符合法定形式",
    Problem.CONTENT: "内容需补正",
}
_FORM = {
    Provision.ORIGINAL: "原件",
    Provision.COPY: "复印件",
    Provision.ORIGINAL_AND_COPY: "原件和复印件",
    Provision.ELECTRONIC: "电子材料",
    Provision.E_LICENCE: "电子证照调取",
}


def text(payload: Payload, key: str) -> str:
    """A text field of the payload ("" when absent or null)."""
    value = payload.get(key)
    return value if isinstance(value, str) else ""


def day(payload: Payload, key: str) -> date:
    """A date field of the payload (ISO text).

    Raises:
        DocumentDataError: the field is missing or not a date.
    """
    value = payload.get(key)
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise DocumentDataError(f"the document's {key} is not a date: {value!r}") from error


def decoded(kind: type[T], payload: Payload, key: str) -> T:
    """A dataclass stored in the payload under `key`.

    Raises:
        DocumentDataError: the field is missing or does not decode.
    """
    if key not in payload:
        raise DocumentDataError(f"the document has no {key}")
    try:
        return from_json(kind, payload[key])
    except InvalidInput as error:
        raise DocumentDataError(str(error)) from error


def handed_in(case: Case, item: ServiceItem) -> tuple[MaterialLine, ...]:
    """The materials physically or electronically handed in, in the item's order."""
    lines = []
    for requirement in item.materials:
        record = case.materials.get(requirement.code)
        if record is None or record.provision not in _FORM:
            continue
        note = "核验原件后退回" if requirement.verify_original_and_return else ""
        copies = 0 if record.provision is Provision.E_LICENCE else max(record.copies, 1)
        lines.append(MaterialLine(requirement.name, _FORM[record.provision], copies, note))
    return tuple(lines)


def notice(payload: Payload) -> Notice:
    """The one-time notice stored with a correction-notice document."""
    return decoded(Notice, payload, "notice")


def correction_lines(issued: Notice) -> tuple[CorrectionLine, ...]:
    """Every line of the notice, with its problem in words."""
    return tuple(
        CorrectionLine(line.name, PROBLEM[line.problem], line.requirement, line.reason)
        for line in issued.lines
    )


def period(limit: TimeLimit) -> Period:
    """A catalogue time limit as printed."""
    return Period(limit.value, working=limit.unit is DayUnit.WORKING_DAYS)


def fee(charge: Fee) -> str:
    """ "不收费", or each charge with its amount."""
    if not charge.charged or not charge.items:
        return "不收费"
    return "；".join(f"{item.name} {yuan(item.amount_fen)}" for item in charge.items)


def delivery_methods(methods: Sequence[DeliveryMethod]) -> str:
    """The item's delivery methods, e.g. "窗口领取、邮寄送达（申请人选择）"."""
    words = "、".join(DELIVERY[method] for method in methods) or "窗口领取"
    return f"{words}（申请人选择）" if len(methods) > 1 else words


def special_procedures(item: ServiceItem) -> tuple[str, ...]:
    """Special procedures whose time is not counted, each with its maximum time."""
    return tuple(f"{p.name}（不超过 {period(p.max_time)}）" for p in item.special_procedures)


def owed_lines(payload: Payload, item: ServiceItem) -> tuple[OwedLine, ...]:
    """The material owed under 容缺, as stored with the acceptance receipt."""
    owed = decoded(list[OwedItem], payload, "owed")
    return tuple(
        OwedLine(o.name, o.due_on, _requirement(item, o.code), o.provisional) for o in owed
    )


def commitment_names(payload: Payload, item: ServiceItem) -> tuple[str, ...]:
    """The names of the materials replaced by a 告知承诺 commitment."""
    return tuple(_name(item, code) for code in decoded(list[str], payload, "commitments"))


def commitment_lines(payload: Payload, item: ServiceItem) -> tuple[CommitmentLine, ...]:
    """What the applicant commits for each replaced material (its acceptance standard).

    Raises:
        DocumentDataError: no material was replaced by a commitment.
    """
    lines = []
    for code in decoded(list[str], payload, "commitments"):
        standard = item.material(code).acceptance_standard
        lines.append(CommitmentLine(_name(item, code), f"本人承诺符合以下要求：{standard}"))
    if not lines:
        raise DocumentDataError("no material of this case was replaced by a commitment")
    return tuple(lines)


def refusal(payload: Payload) -> tuple[RefusalRequest, Remedies]:
    """The approved refusal and its remedies, as stored with the refusal notice."""
    remedies = decoded(DomainRemedies, payload, "remedies")
    printed = Remedies(
        remedies.review_body, remedies.review_days, remedies.court, remedies.lawsuit_months
    )
    return decoded(RefusalRequest, payload, "refusal"), printed


def delivery(payload: Payload) -> Delivery:
    """How the result was handed out, as stored with the hand-over record."""
    return decoded(Delivery, payload, "delivery")


def _name(item: ServiceItem, code: str) -> str:
    try:
        return item.material(code).name
    except NotFound:
        return code


def _requirement(item: ServiceItem, code: str) -> str:
    try:
        return requirement_text(item.material(code))
    except NotFound:
        return ""
