"""Follow-up queries: find a case from whatever was typed, and a case's file and timeline.

Read-only use cases: give them a read-only unit of work (`Store.unit_of_work(read_only=True)`).
ID and phone numbers are matched in full and come back masked for the screen. The deadlines
board lives in `clerk.services.deadlines`, the needs-attention list in `clerk.services.attention`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from clerk.audit import AuditEntry, JsonValue, is_sealed
from clerk.cases import Case, CaseStatus, StatusChange
from clerk.clock import HALL_TIMEZONE, local_day
from clerk.codec import from_json
from clerk.errors import InvalidInput, NotFound
from clerk.identity import mask_id_for_screen, mask_phone, validate_resident_id, validate_uscc
from clerk.ports import CaseRecord, DocumentNumber, DocumentRecord, UnitOfWork
from clerk.services.core import load_case, view_of
from clerk.services.deadlines import DeadlineRow, deadline_of, item_names
from clerk.services.views import CaseView
from clerk.workdays import WarningPolicy

STATUS_CHANGED = "case.status_changed"
"""The timeline action of a move this counter's trail lacks (back office, another counter)."""
REPRINTED = "case.document_reprinted"

# Steps that never move a case's status (so a move made at the same instant is not theirs).
_STILL = frozenset(
    {
        "case.opened",
        "case.materials_recorded",
        "case.visit",
        "case.scan_attached",
        "case.refusal_requested",
        "case.refusal_declined",
        REPRINTED,
    }
)
_SEPARATORS = re.compile(r"[\s\-()（）]")
_PHONE = re.compile(r"^\+?\d{7,15}$")
_ID_SHAPE = re.compile(r"^(\d{17}[\dX]|[0-9A-Z]{18})$")
_DIGITS = re.compile(r"^\+?\d+$")


class QueryKind(StrEnum):
    """What a search box's text was recognised as."""

    EMPTY = "empty"
    NUMBER = "number"  # a case number or a document number (HALL-COUNTER-EPOCH-YEAR-SEQ)
    ID_NUMBER = "id_number"  # a resident ID number or a unified social credit code
    PHONE = "phone"
    NAME = "name"  # the start of a person's or an organisation's name
    UNKNOWN = "unknown"  # digits too few for a phone, or a number of no known shape


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One case found; personal numbers are masked for the screen."""

    case_id: str
    number: str
    status: CaseStatus
    item_code: str
    item_name: str
    applicant_name: str
    applicant_id_masked: str
    applicant_phone_masked: str
    received_at: datetime  # in the hall's time zone
    matched_document: str | None = None  # found through this document's number


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What a search found, and what the text was taken for."""

    kind: QueryKind
    hits: tuple[SearchHit, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One step of a case's life as the counter knows it.

    Attributes:
        at: when, in the hall's time zone.
        actor_id: the staff member ("system" for what time decided).
        actor_name: their name where known, else "".
        action: the audit action code ("case.accepted"), or `STATUS_CHANGED` for a move that
            this counter's trail does not hold.
        status: the status the step moved the case to, if it moved it.
        note: the reason or remark recorded with the step.
        documents: numbers of the documents issued at this step.
        reprinted: the document a reprint step printed again, and `copy` its copy number.
        here: recorded on this counter's audit trail (False: from the case's history only).
        sealed: the trail entry still matches its hash (always True for history rows).
    """

    at: datetime
    actor_id: str
    actor_name: str
    action: str
    status: CaseStatus | None = None
    note: str = ""
    documents: tuple[str, ...] = ()
    reprinted: str | None = None
    copy: int | None = None
    here: bool = True
    sealed: bool = True


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """A document of a case, for the list it is reprinted or previewed from."""

    number: str
    kind: str
    issued_at: datetime  # in the hall's time zone


@dataclass(frozen=True, slots=True)
class CaseFile:
    """Everything the case page shows, read in one snapshot."""

    case: CaseView
    deadline: DeadlineRow | None
    timeline: tuple[TimelineEntry, ...]
    documents: tuple[DocumentLine, ...]


# -- search ---------------------------------------------------------------------------------


def recognise(text: str) -> QueryKind:
    """Tell what a search text is: case/document number, ID number, phone, or name.

    Full-width characters (a Chinese input method) count as their ASCII forms; spaces,
    hyphens and brackets inside numbers are ignored. An 18-character number of ID shape counts
    as an ID number even when its check character is wrong (it finds nothing then).
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    compact = _SEPARATORS.sub("", cleaned).upper()
    if not compact:
        return QueryKind.EMPTY
    try:
        DocumentNumber.parse(_number(cleaned))
    except InvalidInput:
        pass
    else:
        return QueryKind.NUMBER
    if _ID_SHAPE.match(compact) or validate_resident_id(compact).ok:
        return QueryKind.ID_NUMBER
    if _PHONE.match(compact):
        return QueryKind.PHONE
    if _DIGITS.match(compact) or (compact.isascii() and any(c.isdigit() for c in compact)):
        return QueryKind.UNKNOWN
    return QueryKind.NAME


def find_cases(uow: UnitOfWork, *, text: str, limit: int = 50) -> SearchResult:
    """Find cases from one search text, recognised by `recognise`.

    Args:
        uow: a read-only unit of work.
        text: what the clerk typed or scanned.
        limit: at most this many cases (1 to 500).

    Returns:
        What the text was taken for and the cases found, newest first.

    Raises:
        InvalidInput: the limit is out of range.
    """
    kind = recognise(text)
    cleaned = unicodedata.normalize("NFKC", text).strip()
    with uow:
        records = _records(uow, kind, cleaned, limit)
        names = item_names(uow)
        hits = tuple(_hit(record, names(record), document) for record, document in records)
    return SearchResult(kind, hits)


def _records(
    uow: UnitOfWork, kind: QueryKind, text: str, limit: int
) -> list[tuple[CaseRecord, str | None]]:
    compact = _SEPARATORS.sub("", text).upper()
    cases = uow.cases
    if kind is QueryKind.NUMBER:
        return _by_number(uow, _number(text))
    if kind is QueryKind.ID_NUMBER:
        return [(r, None) for r in cases.search(id_number=_normal_id(compact), limit=limit)]
    if kind is QueryKind.PHONE:
        found: dict[str, CaseRecord] = {}
        for form in phone_forms(text):
            found.update((r.case_id, r) for r in cases.search(phone=form, limit=limit))
        newest = sorted(found.values(), key=lambda r: r.received_at, reverse=True)
        return [(r, None) for r in newest[:limit]]
    if kind is QueryKind.NAME:
        return [(r, None) for r in cases.search(name_prefix=text, limit=limit)]
    return []


def phone_forms(text: str) -> tuple[str, ...]:
    """The ways a phone number may have been stored: as typed, bare, and as usually written.

    Phones are stored as the clerk entered them and matched exactly, so "0571 8765 4321" is
    looked up as itself, "057187654321" and "0571-87654321" (a mobile as "138 1234 5678" and
    "138-1234-5678" too): a few index lookups instead of a scan.
    """
    digits = _SEPARATORS.sub("", text)
    forms = [text, digits]
    if len(digits) == 11 and digits.startswith("1"):
        forms += [
            f"{digits[:3]} {digits[3:7]} {digits[7:]}",
            f"{digits[:3]}-{digits[3:7]}-{digits[7:]}",
        ]
    elif digits.startswith("0") and len(digits) >= 10:
        area = 3 if digits[1] in "12" else 4  # 010 and 02x are the only 3-digit area codes
        forms.append(f"{digits[:area]}-{digits[area:]}")
    return tuple(dict.fromkeys(forms))


def _by_number(uow: UnitOfWork, number: str) -> list[tuple[CaseRecord, str | None]]:
    record = uow.cases.by_number(number)
    if record is not None:
        return [(record, None)]
    try:
        document = uow.documents.get(number)
    except NotFound:
        return []
    return [(uow.cases.get(document.case_id), document.number)]


def _number(text: str) -> str:
    """A case or document number as stored: no spaces, upper case."""
    return "".join(text.split()).upper()


def _normal_id(compact: str) -> str:
    for check in (validate_resident_id(compact), validate_uscc(compact)):
        if check.ok and check.normalized:
            return check.normalized
    return compact


def _hit(record: CaseRecord, item_name: str, document: str | None) -> SearchHit:
    phone = record.applicant_phone
    return SearchHit(
        case_id=record.case_id,
        number=record.number,
        status=CaseStatus(record.status),
        item_code=record.item_code,
        item_name=item_name,
        applicant_name=record.applicant_name,
        applicant_id_masked=mask_id_for_screen(record.applicant_id_number),
        applicant_phone_masked=mask_phone(phone) if phone else "",
        received_at=record.received_at.astimezone(HALL_TIMEZONE),
        matched_document=document,
    )


# -- the case file and its timeline ---------------------------------------------------------


def case_file(
    uow: UnitOfWork,
    *,
    case_id: str,
    now: datetime,
    staff_names: Mapping[str, str] | None = None,
    policy: WarningPolicy | None = None,
) -> CaseFile:
    """A case with its deadline, timeline and documents, as the case page shows it.

    Args:
        uow: a read-only unit of work.
        case_id: the case.
        now: the moment the page is for (timezone-aware).
        staff_names: names of staff by id (e.g. the hall's staff cache); names printed on the
            case's documents are known without it.
        policy: when a running period counts as due soon.

    Returns:
        The case file.

    Raises:
        NotFound: no such case.
    """
    with uow:
        case, record, item = load_case(uow, case_id)
        view = view_of(uow, case, item, version=record.version, now=now)
        entries = uow.audit.for_case(case_id)
        documents = uow.documents.for_case(case_id)
        deadline = deadline_of(
            case, item, record=record, today=local_day(now), uow=uow, policy=policy
        )
    return CaseFile(
        case=view,
        deadline=deadline,
        timeline=timeline_of(
            case, entries, documents, staff_names={} if staff_names is None else staff_names
        ),
        documents=tuple(_line(document) for document in documents),
    )


def case_timeline(
    uow: UnitOfWork, *, case_id: str, staff_names: Mapping[str, str] | None = None
) -> tuple[TimelineEntry, ...]:
    """A case's timeline (see `timeline_of`).

    Raises:
        NotFound: no such case.
    """
    with uow:
        record = uow.cases.get(case_id)
        entries = uow.audit.for_case(case_id)
        documents = uow.documents.for_case(case_id)
    case = from_json(Case, record.data)
    return timeline_of(
        case, entries, documents, staff_names={} if staff_names is None else staff_names
    )


def timeline_of(
    case: Case,
    entries: Sequence[AuditEntry],
    documents: Sequence[DocumentRecord],
    *,
    staff_names: Mapping[str, str],
) -> tuple[TimelineEntry, ...]:
    """Merge a case's audit entries with the moves of its history the trail does not hold.

    Every entry of this counter's trail is one row, with the status it moved the case to (the
    history's move made at the same instant by the same person) and the documents numbered at
    that instant. Moves recorded elsewhere (the back office, another counter) come from the
    case's history, as the registry sent it. Rows are in time order.
    """
    names = _namer(documents, staff_names)
    moves = list(case.history)
    named = {_named_document(entry) for entry in entries}
    issued: dict[datetime, list[str]] = {}
    for document in documents:
        if document.number not in named:  # a step that does not name it: match the instant
            issued.setdefault(document.created_at, []).append(document.number)
    rows = [_audited(entry, moves, issued, names) for entry in entries]
    rows.extend(_moved(move, names) for move in moves)  # what no trail entry claimed
    return tuple(sorted(rows, key=lambda row: row.at))


def _named_document(entry: AuditEntry) -> str | None:
    """The document a step names as issued by it (a reprint names one issued before)."""
    named = entry.detail.get("document")
    return named if isinstance(named, str) and entry.action != REPRINTED else None


def _namer(documents: Sequence[DocumentRecord], given: Mapping[str, str]) -> Callable[[str], str]:
    """Names by staff id: as given (the staff cache) first, else as printed on the documents."""
    known: dict[str, str] = {}
    for document in documents:
        staff, printed = document.payload.get("clerk_id"), document.payload.get("clerk_name")
        if isinstance(staff, str) and isinstance(printed, str):
            known[staff] = printed
    asked: dict[str, str] = {}

    def name_of(staff_id: str) -> str:
        if staff_id not in asked:
            asked[staff_id] = given.get(staff_id) or known.get(staff_id, "")
        return asked[staff_id]

    return name_of


def _audited(
    entry: AuditEntry,
    moves: list[StatusChange],
    issued: Mapping[datetime, list[str]],
    names: Callable[[str], str],
) -> TimelineEntry:
    move = None
    if entry.action not in _STILL:
        move = next((m for m in moves if m.at == entry.at and m.actor == entry.actor), None)
    if move is not None:
        moves.remove(move)
    detail = entry.detail
    reprint = entry.action == REPRINTED
    documents = [] if entry.action in _STILL else list(issued.get(entry.at, ()))
    own = _named_document(entry)
    if own is not None:
        documents.insert(0, own)
    named, copy = detail.get("document"), detail.get("copy")
    note = _note(detail, move)
    return TimelineEntry(
        at=entry.at.astimezone(HALL_TIMEZONE),
        actor_id=entry.actor,
        actor_name=names(entry.actor),
        action=entry.action,
        status=None if move is None else move.after,
        note="" if note in documents else note,
        documents=tuple(documents),
        reprinted=named if reprint and isinstance(named, str) else None,
        copy=copy if reprint and isinstance(copy, int) else None,
        sealed=is_sealed(entry),
    )


def _note(detail: Mapping[str, JsonValue], move: StatusChange | None) -> str:
    for key in ("reason", "reasons", "override_reason"):
        value = detail.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return move.note if move is not None else ""


def _moved(move: StatusChange, names: Callable[[str], str]) -> TimelineEntry:
    return TimelineEntry(
        at=move.at.astimezone(HALL_TIMEZONE),
        actor_id=move.actor,
        actor_name=names(move.actor),
        action=STATUS_CHANGED,
        status=move.after,
        note=move.note,
        here=False,
    )


def _line(document: DocumentRecord) -> DocumentLine:
    return DocumentLine(
        document.number, document.kind, document.created_at.astimezone(HALL_TIMEZONE)
    )
