"""The parts every printed document is made of: issuer, head, applicant, case and material lines.

Plain frozen dataclasses with printable values (text, dates, numbers). A builder depends on
these and nothing else; `printing.from_domain` fills them from what the domain stores. ID and
phone numbers may be given in full: builders always mask them on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from printing.errors import DocumentDataError

SealImage = bytes | Path
"""An agency's e-seal: PNG bytes or the path of a PNG file (transparent background)."""


@dataclass(frozen=True, slots=True)
class Issuer:
    """The agency a document speaks for, the hall and counter it was printed at, its e-seal.

    Attributes:
        agency: the implementing agency (实施机关), printed in the seal area.
        hall: the service hall (政务服务大厅), printed in the letterhead.
        counter: the counter, e.g. "5 号窗口".
        phone: the contact phone for the applicant (咨询电话).
        address: where to hand in or collect.
        seal: the agency's e-seal image, placed in the seal area; None leaves the area
            free for a stamp.
    """

    agency: str
    hall: str = ""
    counter: str = ""
    phone: str = ""
    address: str = ""
    seal: SealImage | None = None


@dataclass(frozen=True, slots=True)
class Head:
    """What every numbered document carries.

    Attributes:
        number: the document number exactly as the domain gives it (Code 128 on paper),
            e.g. "SF01-W05-1-2026-000123".
        issuer: who issues it.
        issued_at: when it was issued (timezone-aware; printed in the hall's local time).
        clerk: the clerk's name (经办人).
        reprint: printed again: every page carries a "副本 / COPY" mark.
        lookup_url: the progress look-up link the QR code carries; None prints no QR code.
    """

    number: str
    issuer: Issuer
    issued_at: datetime
    clerk: str
    reprint: bool = False
    lookup_url: str | None = None

    def __post_init__(self) -> None:
        if not self.number.strip():
            raise DocumentDataError("a document needs its number")
        if self.issued_at.tzinfo is None:
            raise DocumentDataError("issued_at must be timezone-aware")


@dataclass(frozen=True, slots=True)
class Applicant:
    """The applicant (or the person collecting a result) as printed.

    Attributes:
        name: the person's or organisation's name.
        id_number: resident ID or unified social credit code; printed masked.
        phone: printed masked.
        address: postal address (for delivery by post).
        contact_name: the person at the counter for an organisation (经办人/代理人).
    """

    name: str
    id_number: str
    phone: str = ""
    address: str = ""
    contact_name: str = ""


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """The case a document is about.

    Attributes:
        number: the case number (办件编号).
        item: the service item's name (事项名称).
        applicant: who applies.
        situation: the chosen situation (办理情形), empty when the item has none.
        item_code: the item's implementation code (实施编码).
    """

    number: str
    item: str
    applicant: Applicant
    situation: str = ""
    item_code: str = ""


@dataclass(frozen=True, slots=True)
class MaterialLine:
    """One material handed in, as a voucher or receipt lists it.

    Attributes:
        name: the material's name.
        form: what was handed in: 原件, 复印件, 原件和复印件, 电子材料, 电子证照调取 …
        copies: how many copies (份数).
        note: e.g. "核验原件后退回", "容缺后补", "告知承诺代替".
    """

    name: str
    form: str
    copies: int = 1
    note: str = ""


@dataclass(frozen=True, slots=True)
class Period:
    """A time limit as printed: "20 个工作日" or "30 个自然日"."""

    days: int
    working: bool = True

    def __str__(self) -> str:
        return f"{self.days} 个{'工作日' if self.working else '自然日'}"


@dataclass(frozen=True, slots=True)
class OwedLine:
    """Material owed under 容缺, with the date it is due by.

    Attributes:
        name: the material's name.
        due_on: the last day to hand it in.
        requirement: the exact requirement, e.g. "原件 1 份".
        provisional: the due date lies beyond the known holiday calendar (printed "暂定").
    """

    name: str
    due_on: date
    requirement: str = ""
    provisional: bool = False
