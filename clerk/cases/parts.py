"""The value objects a case is made of: applicant, visits, owed items, pauses, decisions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from clerk.cases.status import CaseStatus
from clerk.catalog.model import DeliveryMethod
from clerk.errors import InvalidInput, Phrase
from clerk.identity import validate_resident_id, validate_uscc


class ApplicantKind(StrEnum):
    """A natural person (ID number) or an organisation (unified social credit code)."""

    PERSON = "person"
    ORGANISATION = "organisation"


@dataclass(frozen=True, slots=True)
class Applicant:
    """Who applies; the ID number is stored in its normalised 18-character form."""

    kind: ApplicantKind
    name: str
    id_number: str
    phone: str = ""
    address: str = ""
    contact_name: str = ""  # the person at the counter for an organisation
    legal_representative: str = ""  # an organisation's 法定代表人

    @classmethod
    def checked(
        cls,
        *,
        kind: ApplicantKind,
        name: str,
        id_number: str,
        phone: str = "",
        address: str = "",
        contact_name: str = "",
        legal_representative: str = "",
    ) -> Applicant:
        """Build an applicant after checking the name and the ID number or credit code.

        Raises:
            InvalidInput: empty name, or an ID number / credit code that fails its check
                (the message names the problem).
        """
        if not name.strip():
            raise InvalidInput("the applicant's name is empty")
        check = (
            validate_resident_id(id_number)
            if kind is ApplicantKind.PERSON
            else validate_uscc(id_number)
        )
        if not check.ok or check.normalized is None:
            raise InvalidInput("applicant ID number: {reason}", reason=check.reason or "")
        return cls(
            kind,
            name.strip(),
            check.normalized,
            phone.strip(),
            address,
            contact_name,
            legal_representative.strip(),
        )


@dataclass(frozen=True, slots=True)
class Visit:
    """One time the applicant stood at a counter for this case (one-trip rate counts these)."""

    at: datetime
    counter: str
    staff_id: str


@dataclass(frozen=True, slots=True)
class Scan:
    """A scanned material: its bytes are in the scan folder under their SHA-256."""

    material: str
    sha256: str
    size: int
    media_type: str
    at: datetime
    by: str


@dataclass(frozen=True, slots=True)
class HandIn:
    """When a material's current record was handed in.

    Attributes:
        visit: index into the case's visits.
        notices: how many notices had been issued then (the one-time rule counts material
            handed in after the last notice as new, even in the same sitting).
    """

    visit: int
    notices: int = 0


@dataclass(frozen=True, slots=True)
class OwedItem:
    """Material owed under 容缺: due by a date, fulfilled or not."""

    code: str
    name: str
    due_on: date
    provisional: bool
    fulfilled_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Suspension:
    """A special procedure pausing the clock (Art. 45); `last_day` None while it runs."""

    procedure: str
    reason: str
    first_day: date
    last_day: date | None = None


@dataclass(frozen=True, slots=True)
class Extension:
    """An approved extension of the decision period (Art. 42) with written reasons."""

    days: int
    reason: str
    approved_by: str
    approved_at: datetime


@dataclass(frozen=True, slots=True)
class RefusalRequest:
    """A clerk's request to refuse (不予受理); only a supervisor's approval makes it final."""

    reasons: str
    facts: str
    legal_basis: str
    requested_by: str
    requested_at: datetime
    competent_agency: str = ""  # Art. 32 (2): the agency that does have the power
    approved_by: str | None = None
    approved_at: datetime | None = None

    def __post_init__(self) -> None:
        for label, text in (
            (Phrase("reasons"), self.reasons),
            (Phrase("legal basis"), self.legal_basis),
        ):
            if not text.strip():
                raise InvalidInput("a refusal needs its {label}", label=label)


@dataclass(frozen=True, slots=True)
class Remedies:
    """Where and how long the applicant may challenge a refusal (printed on the notice)."""

    review_body: str
    review_days: int
    court: str
    lawsuit_months: int


@dataclass(frozen=True, slots=True)
class Decision:
    """The back office's decision on an accepted case."""

    approved: bool
    decided_by: str
    decided_at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class Delivery:
    """How the result was handed out (出件) or sent."""

    method: DeliveryMethod
    delivered_at: datetime
    recipient_name: str
    identity_checked: bool
    tracking_number: str = ""

    def __post_init__(self) -> None:
        if self.method is DeliveryMethod.WINDOW and not self.identity_checked:
            raise InvalidInput("a result handed out at the window needs the recipient's identity")
        if self.method is DeliveryMethod.POST and not self.tracking_number.strip():
            raise InvalidInput("a posted result needs its tracking number")


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One move of the state machine: from, to, when, who, why."""

    before: CaseStatus
    after: CaseStatus
    at: datetime
    actor: str
    note: str = ""
