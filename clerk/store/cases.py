"""The case repository: cases of this counter's cache, with compare-and-set updates and search."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Row,
    Select,
    bindparam,
    func,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.orm import Session

from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.ports import CaseRecord
from clerk.store.codec import canonical_json, load_object, require_aware
from clerk.store.errors import StoreError, execute_or_refuse
from clerk.store.schema import CASES

# The largest code point: every name that starts with a prefix sorts below prefix + this (in
# SQLite's BINARY collation, UTF-8 byte order is code point order), so a prefix search is an
# index range instead of a LIKE that no BINARY index can serve.
_MAX_CHAR = "\U0010ffff"
# From this many matches on, a name prefix is searched by walking the newest cases: at 1,000,000
# cases that walk reads at most about 25,000 index entries for 50 results.
_COMMON_PREFIX = 2_000
MAX_SEARCH_LIMIT = 500
_MAX_RATED = 10_000
_CHUNK = 500  # ids per IN list: well below SQLite's limit on parameters
_C = CASES.c
# Statements of the write path, built once (compiled once, then cached by SQLAlchemy).
_INSERT = insert(CASES)
_BY_ID = select(CASES).where(_C.case_id == bindparam("case_id"))
_BY_NUMBER = select(CASES).where(_C.number == bindparam("number"))
_BY_IDS = select(CASES).where(_C.case_id.in_(bindparam("case_ids", expanding=True)))
_ID_USED = select(_C.version).where(_C.case_id == bindparam("case_id"))
_NUMBER_USED = select(_C.case_id).where(_C.number == bindparam("number"))
_STAMP = select(_C.number, _C.version).where(_C.case_id == bindparam("case_id"))
# Compare-and-set: the SET clause comes from the parameters, the old_ ones select the row.
_UPDATE = update(CASES).where(
    _C.case_id == bindparam("old_case_id"),
    _C.version == bindparam("old_version"),
    _C.number == bindparam("old_number"),
)


class SqlCaseRepository:
    """Cases in the unit of work's session (implements `clerk.ports.CaseRepository`).

    Rows are read and written with Core statements: cases never enter the session's identity
    map, so a read always sees what the transaction last wrote.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, record: CaseRecord) -> None:
        """Insert a new case.

        Raises:
            RuleViolation: the case id or the case number is already used.
            InvalidInput: a time is naive or the data is not plain JSON.
        """
        if self._first(_ID_USED, case_id=record.case_id) is not None:
            raise RuleViolation("case {case_id} already exists", case_id=record.case_id)
        if self._first(_NUMBER_USED, number=record.number) is not None:
            raise RuleViolation(
                "case number {number} is already used by another case", number=record.number
            )
        values = _values(record) | {"case_id": record.case_id, "number": record.number}
        execute_or_refuse(self._session, _INSERT, f"case {record.number} was not stored", values)

    def get(self, case_id: str) -> CaseRecord:
        """Return a case.

        Raises:
            NotFound: no case has this id.
        """
        row = self._first(_BY_ID, case_id=case_id)
        if row is None:
            raise NotFound("no case {case_id}", case_id=case_id)
        return _record(row)

    def update(self, record: CaseRecord, *, expected_version: int) -> None:
        """Replace a case whose stored version is `expected_version` (compare-and-set).

        One conditional UPDATE does the work; only when it matches no row is the case read
        again, to say why.

        Args:
            record: the case's new state; its version must be above `expected_version`.
            expected_version: the version the caller read before changing the case.

        Raises:
            NotFound: no case has this id.
            RuleViolation: the case was changed meanwhile, or its number would change.
            InvalidInput: the new version is not above the expected one.
        """
        if record.version > expected_version:
            values = _values(record) | {
                "old_case_id": record.case_id,
                "old_version": expected_version,
                "old_number": record.number,
            }
            refusal = f"case {record.number} was not updated"
            if execute_or_refuse(self._session, _UPDATE, refusal, values).rowcount == 1:
                return
        self._refuse_update(record, expected_version)

    def _refuse_update(self, record: CaseRecord, expected_version: int) -> None:
        row = self._first(_STAMP, case_id=record.case_id)
        if row is None:
            raise NotFound("no case {case_id}", case_id=record.case_id)
        if row.version != expected_version:
            raise RuleViolation(
                "case {number} was changed meanwhile (version {version} is stored, "
                "{expected} was expected): reload it and apply the change again",
                number=row.number,
                version=row.version,
                expected=expected_version,
            )
        if record.version <= expected_version:
            raise InvalidInput(
                "case version must grow beyond {expected}", expected=expected_version
            )
        if record.number != row.number:
            raise RuleViolation(
                "case number {number} cannot change to {new_number}",
                number=row.number,
                new_number=record.number,
            )
        # Unreachable under the lock.
        raise StoreError("case {number} was not updated", number=record.number)

    def by_number(self, number: str) -> CaseRecord | None:
        """Return the case with this case number, if any."""
        row = self._first(_BY_NUMBER, number=number)
        return None if row is None else _record(row)

    def search(
        self,
        *,
        number: str | None = None,
        id_number: str | None = None,
        name_prefix: str | None = None,
        phone: str | None = None,
        limit: int = 50,
    ) -> Sequence[CaseRecord]:
        """Cases matching every given criterion, newest (received) first.

        Args:
            number: the exact case number.
            id_number: the applicant's exact ID number.
            name_prefix: the start of the applicant's name (e.g. a surname).
            phone: the applicant's exact phone number.
            limit: at most this many cases (1 to 500).

        Returns:
            The matching cases; with no criterion, simply the newest ones.

        Raises:
            InvalidInput: the limit is out of range.
        """
        if not 1 <= limit <= MAX_SEARCH_LIMIT:
            raise InvalidInput("search limit must be between 1 and {limit}", limit=MAX_SEARCH_LIMIT)
        if name_prefix and not (number or id_number or phone):
            query = self._by_name(name_prefix, limit)
        else:
            query = select(CASES).where(*_conditions(number, id_number, name_prefix, phone))
        query = query.order_by(_C.received_at.desc()).limit(limit)
        return [_record(row) for row in self._session.connection().execute(query)]

    def many(self, case_ids: Collection[str]) -> Sequence[CaseRecord]:
        """The cases of these ids that exist, in no particular order (read in chunks)."""
        ids, found, connection = sorted(set(case_ids)), [], self._session.connection()
        for first in range(0, len(ids), _CHUNK):
            chunk = {"case_ids": ids[first : first + _CHUNK]}
            found += [_record(row) for row in connection.execute(_BY_IDS, chunk)]
        return found

    def stamps_with_status(
        self, statuses: Collection[str], *, limit: int = 1000
    ) -> Sequence[tuple[str, int]]:
        """The ids and versions of the cases in any of these states, oldest received first
        (the deadlines board's cases; reads no case's JSON, so a board read again reads only
        the cases that changed).

        No index covers the status (schema 3), so this reads the case table; the status column
        comes before the case's JSON, so a row that does not match costs little.

        Raises:
            InvalidInput: the limit is below 1.
        """
        if limit < 1:
            raise InvalidInput("a status query needs a limit of at least 1")
        query = select(_C.case_id, _C.version).where(_C.status.in_(sorted(statuses)))
        query = query.order_by(_C.received_at, _C.case_id).limit(limit)
        return [(row.case_id, row.version) for row in self._session.connection().execute(query)]

    def rated_badly(self, *, open_only: bool, limit: int = 1000) -> Sequence[CaseRecord]:
        """Cases with a bad rating, most recently updated first (see `clerk.cases.rating`).

        The rating lives in the case's JSON, stored in canonical form, so a bad one is found by
        its text: a follow-up due date that is not null (and a follow-up still null when only
        open ones are wanted). This reads every case; the hall's bad ratings are few.

        Raises:
            InvalidInput: the limit is out of range.
        """
        if not 1 <= limit <= _MAX_RATED:
            raise InvalidInput("limit must be between 1 and {limit}", limit=_MAX_RATED)
        found = [func.instr(_C.data, '"follow_up_due":"') > 0]
        if open_only:
            found.append(func.instr(_C.data, '"follow_up":null') > 0)
        query = select(CASES).where(*found).order_by(_C.updated_at.desc()).limit(limit)
        return [_record(row) for row in self._session.connection().execute(query)]

    def _by_name(self, prefix: str, limit: int) -> Select[Any]:
        # A name prefix can match a handful of cases or a tenth of them (王, 李, 张). Counting up
        # to a bound on the name index tells which: many matches are found fastest by walking
        # the newest cases (`|| ''` keeps the planner off the name index); few are found on the
        # name index, sorting only index entries and reading just the rows that are returned.
        low, high = prefix, prefix + _MAX_CHAR
        name = _C.applicant_name
        sample = select(name).where(name >= low, name < high).limit(_COMMON_PREFIX).subquery()
        count = self._session.connection().execute(select(func.count()).select_from(sample))
        if (count.scalar() or 0) >= _COMMON_PREFIX:
            unindexed = name.concat("")
            return select(CASES).where(unindexed >= low, unindexed < high)
        rowid: ColumnClause[int] = literal_column("rowid")
        newest = select(rowid).select_from(CASES).where(name >= low, name < high)
        newest = newest.order_by(_C.received_at.desc()).limit(limit)
        rowids = list(self._session.connection().execute(newest).scalars())
        return select(CASES).where(rowid.in_(rowids))

    def _first(self, query: Select[Any], **parameters: object) -> Row[Any] | None:
        return self._session.connection().execute(query, parameters).first()


def _conditions(
    number: str | None, id_number: str | None, name_prefix: str | None, phone: str | None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if number:
        conditions.append(_C.number == number)
    if id_number:
        conditions.append(_C.applicant_id_number == id_number)
    if name_prefix:
        conditions.append(_C.applicant_name >= name_prefix)
        conditions.append(_C.applicant_name < name_prefix + _MAX_CHAR)
    if phone:
        conditions.append(_C.applicant_phone == phone)
    return conditions


def _values(record: CaseRecord) -> dict[str, object]:
    """The columns of a case besides its id and number (checked: aware times, plain JSON)."""
    return {
        "status": record.status,
        "item_code": record.item_code,
        "item_version": record.item_version,
        "applicant_name": record.applicant_name,
        "applicant_id_number": record.applicant_id_number,
        "applicant_phone": record.applicant_phone,
        "received_at": require_aware(record.received_at, "received_at"),
        "updated_at": require_aware(record.updated_at, "updated_at"),
        "version": record.version,
        "data": canonical_json(record.data),
        "server_version": record.server_version,
    }


def _record(row: Row[Any]) -> CaseRecord:
    return CaseRecord(
        case_id=row.case_id,
        number=row.number,
        status=row.status,
        item_code=row.item_code,
        item_version=row.item_version,
        applicant_name=row.applicant_name,
        applicant_id_number=row.applicant_id_number,
        applicant_phone=row.applicant_phone,
        received_at=row.received_at,
        updated_at=row.updated_at,
        version=row.version,
        data=load_object(row.data),
        server_version=row.server_version,
    )
