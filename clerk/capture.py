"""What a scanned code is: a ticket, a case or document number, an ID number or an e-licence code.

A barcode/QR scanner acting as a keyboard types what it read; `classify` names it so the
workbench can route it (a ticket, notice or case number reopens the case; an ID number fills the
applicant; an e-licence code marks a material). Pure: no storage, no Qt.

The formats are the ones our own paper carries (printing/, DOMAIN.md §5):

- **Ticket** (80 mm queue slip, Code 128): prefix letters and a daily sequence, ``A001``
  (`clerk.queue.numbers`).
- **Document number** (Code 128 on every page of every document):
  ``HALL-COUNTER-EPOCH-YEAR-SEQ``, e.g. ``SF01-W05-1-2026-000123`` (`clerk.ports.DocumentNumber`).
  A case number is allocated from the same sequence, so the shape alone cannot tell a case
  number from a notice's or a receipt's number: `DocumentNumber` means "one of ours; the store
  says which" (`clerk.services.scans.case_of_scanned_number`).
- **Case number from a QR code**: the progress link printed on documents is the configured base
  URL with the case number URL-quoted (`printing.from_domain.progress_link`), e.g.
  ``https://zwfw.example.gov.cn/progress?case=SF01-W05-1-2026-000101``. A link holding one of
  our numbers in a query value or as a path segment is that case's number (`CaseNumber`).
- **ID number**: a valid resident ID or residence permit (GB 11643, 18 or legacy 15 digits) or a
  unified social credit code (GB 32100), as `clerk.identity` checks them. A number of that shape
  that fails its check is `Unknown` with the problem, never an ID.
- **E-licence code** (the QR an applicant shows from the e-licence app, 亮证码). No national
  format is fixed for what the counter reads, so ours is defined here: the licence type code as
  the catalogue names it in a material's ``e_licence_code`` (opaque, e.g. ``EL.JMSFZ``), a
  colon, then the licence's own identifier in the shared library:
  ``<TYPE>:<LICENCE-ID>`` with TYPE = a letter then letters, digits, ``.``, ``_`` or ``-``
  (at most 32) and LICENCE-ID = 4 to 64 letters, digits or ``-``, e.g.
  ``EL.YYZZ:91330106MA2GL1RX4P-2026-0001``. The type picks the material
  (`licence_materials`); the identifier is what the licence library is asked for.

Scanners sometimes type through a Chinese input method: full-width ASCII is folded to ASCII and
surrounding whitespace dropped before anything is matched. Personal numbers are never logged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum, auto
from urllib.parse import parse_qsl, unquote, urlsplit

from clerk import ports
from clerk.catalog.model import ServiceItem
from clerk.errors import InvalidInput
from clerk.identity import IdKind, IdProblem, validate_resident_id, validate_uscc
from clerk.queue.numbers import split_number

_FULL_WIDTH_OFFSET = 0xFEE0  # U+FF01..U+FF5E are the full-width forms of ASCII 0x21..0x7E
_TICKET = re.compile(r"[A-Z]{1,4}[0-9]{3,}")
_ID_SHAPE = re.compile(r"[0-9]{15}|[0-9]{17}[0-9X]|[0-9A-Z]{18}")
_LICENCE = re.compile(r"([A-Z][A-Z0-9._-]{0,31}):([A-Z0-9][A-Z0-9-]{3,63})")
_LINK_SCHEMES = ("http", "https")


class UnknownReason(StrEnum):
    """Why a scanned text is not one of the codes the counter knows; stable codes to translate."""

    EMPTY = auto()
    NOT_RECOGNISED = auto()
    """No format of ours matches."""
    LINK_WITHOUT_NUMBER = auto()
    """A web link (someone else's QR code) that holds none of our numbers."""
    INVALID_ID = auto()
    """Shaped like an ID number or credit code but fails its check (`id_problem` says how)."""


@dataclass(frozen=True, slots=True)
class TicketNumber:
    """A queue ticket's number, e.g. A001."""

    text: str
    prefix: str
    seq: int


@dataclass(frozen=True, slots=True)
class DocumentNumber:
    """One of our numbers from a document's barcode: a document's or a case's (same shape)."""

    text: str
    number: ports.DocumentNumber


@dataclass(frozen=True, slots=True)
class CaseNumber:
    """A case number read from the progress link of a document's QR code."""

    text: str
    number: ports.DocumentNumber
    link: str


@dataclass(frozen=True, slots=True)
class IdNumber:
    """A valid resident ID, residence permit or unified social credit code (normalised)."""

    text: str
    kind: IdKind

    @property
    def is_organisation(self) -> bool:
        """Whether it names an organisation (a credit code) rather than a person."""
        return self.kind is IdKind.USCC


@dataclass(frozen=True, slots=True)
class ELicenceCode:
    """An e-licence code: the licence type as the catalogue names it and the licence's id."""

    text: str
    licence_type: str
    licence_id: str


@dataclass(frozen=True, slots=True)
class Unknown:
    """A scanned text the counter cannot use; `id_problem` is set for a failed ID check."""

    text: str
    reason: UnknownReason
    id_problem: IdProblem | None = None


ScannedCode = TicketNumber | DocumentNumber | CaseNumber | IdNumber | ELicenceCode | Unknown
"""Everything `classify` can return."""


def fold(text: str) -> str:
    """Full-width ASCII folded to ASCII, surrounding whitespace dropped, upper case."""
    ascii_text = "".join(
        chr(ord(c) - _FULL_WIDTH_OFFSET) if "\uff01" <= c <= "\uff5e" else c for c in text
    )
    return ascii_text.strip().upper()


def classify(text: str, *, today: date | None = None) -> ScannedCode:
    """Name what a scanner read.

    Args:
        text: the characters the scanner typed (without the final Enter).
        today: when given, an ID number born after it is not valid.

    Returns:
        The first of: a progress link with our case number, a document number, an ID number or
        credit code, a ticket number, an e-licence code; otherwise `Unknown` with the reason.
    """
    raw = text.strip()
    if not raw:
        return Unknown(text, UnknownReason.EMPTY)
    if urlsplit(raw).scheme.lower() in _LINK_SCHEMES:
        return _from_link(raw)
    code = fold(raw)
    number = _our_number(code)
    if number is not None:
        return DocumentNumber(code, number)
    return _identity(code, today) or _ticket(code) or _licence(code) or _unknown(code)


def _our_number(text: str) -> ports.DocumentNumber | None:
    try:
        return ports.DocumentNumber.parse(text)
    except InvalidInput:
        return None


def _from_link(link: str) -> CaseNumber | Unknown:
    """The case number a progress link carries in a query value or a path segment."""
    parts = urlsplit(link)
    values = [value for _, value in parse_qsl(parts.query)]
    values += [unquote(segment) for segment in reversed(parts.path.split("/")) if segment]
    for value in values:
        number = _our_number(fold(value))
        if number is not None:
            return CaseNumber(str(number), number, link)
    return Unknown(link, UnknownReason.LINK_WITHOUT_NUMBER)


def _identity(code: str, today: date | None) -> IdNumber | Unknown | None:
    if not _ID_SHAPE.fullmatch(code):
        return None
    person = validate_resident_id(code, today=today)
    if person.ok and person.normalized and person.kind:
        return IdNumber(person.normalized, person.kind)
    if len(code) == 18:
        organisation = validate_uscc(code)
        if organisation.ok and organisation.normalized:
            return IdNumber(organisation.normalized, IdKind.USCC)
        if not code[:17].isdigit():
            # Letters inside: a credit code's problem says more than a resident ID's.
            return Unknown(code, UnknownReason.INVALID_ID, organisation.problem)
    return Unknown(code, UnknownReason.INVALID_ID, person.problem)


def _ticket(code: str) -> TicketNumber | None:
    if not _TICKET.fullmatch(code):
        return None
    try:
        prefix, seq = split_number(code)
    except InvalidInput:  # e.g. A0001: not as a ticket is printed
        return None
    return TicketNumber(code, prefix, seq)


def _licence(code: str) -> ELicenceCode | None:
    match = _LICENCE.fullmatch(code)
    if match is None:
        return None
    return ELicenceCode(code, match[1], match[2])


def _unknown(code: str) -> Unknown:
    return Unknown(code, UnknownReason.NOT_RECOGNISED)


def licence_materials(item: ServiceItem, code: ELicenceCode) -> tuple[str, ...]:
    """The codes of the item's materials that this e-licence can stand for.

    Args:
        item: the item version of the case in progress.
        code: the scanned e-licence code.

    Returns:
        Every material whose requirement names the code's licence type, in the item's order
        (empty when the item has no such material).
    """
    wanted = code.licence_type.upper()
    return tuple(
        requirement.code
        for requirement in item.materials
        if requirement.e_licence_code and requirement.e_licence_code.upper() == wanted
    )
