"""Handing the result out: at the window after an identity check, or by express delivery.

At the window the collector's ID number must be a valid one and either be the applicant's,
or belong to an agent who brings the applicant's authorisation letter (an organisation's
result is always collected by an agent). A posted result needs its recipient, a phone number
that can be dialled, an address and the parcel's tracking number, and an item whose results
may be posted. Either way the hand-over record (出件登记) is issued and queued for printing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from clerk.audit import JsonValue
from clerk.cases import ApplicantKind, Case, Delivery
from clerk.cases.parts import Applicant
from clerk.catalog.model import DeliveryMethod, ServiceItem
from clerk.codec import to_json
from clerk.errors import InvalidInput, Phrase, RuleViolation
from clerk.identity import mask_id_number, validate_resident_id
from clerk.ports import UnitOfWork
from clerk.services.core import Step, act, issue_document, load_case
from clerk.services.intake import document_facts
from clerk.services.views import ActionResult
from clerk.staff import Actor

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")
_SEPARATORS = re.compile(r"[\s\-()（）]")


@dataclass(frozen=True, slots=True)
class Collector:
    """Who collects the result at the window.

    Attributes:
        name: the collector's name (an agent's own name; ignored for the applicant).
        id_number: the ID number on the card the clerk checked.
        agent: someone else collects for the applicant.
        authorisation_letter: the agent handed in the applicant's authorisation letter.
    """

    name: str
    id_number: str
    agent: bool = False
    authorisation_letter: bool = False


@dataclass(frozen=True, slots=True)
class Parcel:
    """An express delivery of the result: to whom, where, and the parcel's tracking number."""

    recipient: str
    phone: str
    address: str
    tracking_number: str


def check_phone(text: str) -> str:
    """A phone number the courier can dial: an 11-digit mobile or a landline with area code.

    Returns:
        The number without separators.

    Raises:
        InvalidInput: naming the problem.
    """
    digits = _SEPARATORS.sub("", text)
    if not digits:
        raise InvalidInput("the phone number is empty")
    if not digits.isdigit():
        raise InvalidInput("a phone number has only digits")
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits):
        return digits
    if digits.startswith("1"):
        raise InvalidInput("a mobile number has 11 digits and starts with 13 to 19")
    raise InvalidInput("a landline number starts with its area code (0…) and has 10 to 12 digits")


def check_collector(applicant: Applicant, collector: Collector) -> str:
    """Check who collects at the window against the applicant.

    Returns:
        The name the hand-over record shows (the applicant's, or the agent's).

    Raises:
        InvalidInput: the ID number is not valid, or it is not the applicant's and no agent
            with a name is given.
        RuleViolation: an agent without the applicant's authorisation letter.
    """
    if _is_applicant(applicant, collector.id_number):
        return applicant.name
    if not collector.agent:
        raise InvalidInput(
            "the ID number is not the applicant's: an agent collects with the applicant's "
            "authorisation letter"
        )
    if not collector.authorisation_letter:
        raise RuleViolation("an agent collects only with the applicant's authorisation letter")
    if not collector.name.strip():
        raise InvalidInput("the agent's name is empty")
    return collector.name.strip()


def _is_applicant(applicant: Applicant, id_number: str) -> bool:
    """Whether a (valid) ID number is the applicant's own.

    Raises:
        InvalidInput: the ID number is not valid (the message names the problem).
    """
    check = validate_resident_id(id_number)
    if not check.ok:
        raise InvalidInput("collector ID number: {reason}", reason=check.reason or "")
    return applicant.kind is ApplicantKind.PERSON and check.normalized == applicant.id_number


def check_parcel(parcel: Parcel) -> Parcel:
    """Check an express delivery's details.

    Returns:
        The parcel with its fields trimmed and the phone number without separators.

    Raises:
        InvalidInput: a field is empty or the phone number cannot be dialled.
    """
    for label, value in (
        (Phrase("recipient"), parcel.recipient),
        (Phrase("address"), parcel.address),
        (Phrase("tracking number"), parcel.tracking_number),
    ):
        if not value.strip():
            raise InvalidInput("the {label} is empty", label=label)
    return Parcel(
        parcel.recipient.strip(),
        check_phone(parcel.phone),
        parcel.address.strip(),
        parcel.tracking_number.strip(),
    )


def delivery_methods(uow: UnitOfWork, *, case_id: str) -> tuple[DeliveryMethod, ...]:
    """How the result of this case may reach the applicant (the item's delivery methods)."""
    with uow:
        _case, _record, item = load_case(uow, case_id)
    return item.delivery_methods


def hand_out(
    uow: UnitOfWork, *, case_id: str, collector: Collector, actor: Actor, now: datetime
) -> ActionResult:
    """Hand the result out at the window after checking the collector's identity.

    Raises:
        InvalidInput, RuleViolation: see `check_collector`; or the case is not completed.
    """

    def rule(case: Case, item: ServiceItem) -> Step:
        name = check_collector(case.applicant, collector)
        delivery = Delivery(DeliveryMethod.WINDOW, now, name, identity_checked=True)
        facts: dict[str, JsonValue] = {
            "agent": not _is_applicant(case.applicant, collector.id_number),
            "id_masked": mask_id_number(collector.id_number),
            "authorisation_letter": collector.authorisation_letter,
        }
        return _deliver(uow, case, item, delivery, actor=actor, extra={"collector": facts})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def post_result(
    uow: UnitOfWork, *, case_id: str, parcel: Parcel, actor: Actor, now: datetime
) -> ActionResult:
    """Record that the result was posted to the applicant (邮寄送达).

    Raises:
        InvalidInput: see `check_parcel`. RuleViolation: the item's results are not posted,
            or the case is not completed.
    """

    def rule(case: Case, item: ServiceItem) -> Step:
        if DeliveryMethod.POST not in item.delivery_methods:
            raise RuleViolation("results of {name} are not sent by post", name=item.name)
        checked = check_parcel(parcel)
        delivery = Delivery(
            DeliveryMethod.POST,
            now,
            checked.recipient,
            identity_checked=False,
            tracking_number=checked.tracking_number,
        )
        express: dict[str, JsonValue] = {"phone": checked.phone, "address": checked.address}
        return _deliver(uow, case, item, delivery, actor=actor, extra={"express": express})

    return act(uow, case_id=case_id, actor=actor, now=now, rule=rule)


def _deliver(
    uow: UnitOfWork,
    case: Case,
    item: ServiceItem,
    delivery: Delivery,
    *,
    actor: Actor,
    extra: dict[str, JsonValue],
) -> Step:
    case.deliver(delivery, actor=actor)
    payload = document_facts(case, item, actor) | {"delivery": to_json(delivery)} | extra
    number = issue_document(
        uow, kind="hand_out_record", case=case, now=delivery.delivered_at, payload=payload
    )
    return Step("case.delivered", {"document": number, "method": delivery.method.value}, [number])
