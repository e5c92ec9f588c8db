"""What the sync engine keeps in the local store: cursors, the registry's epoch, answers, pulls.

Every method is one transaction. A page of pulled changes and the cursor that covers it commit
together, so a crash can make the counter pull a page again but never skip one; a case with
operations still waiting for the registry is not overwritten by the registry's older copy
(SYNC.md, Pull). When the registry's epoch changes (it was restored from a backup), cursors are
reset and every operation of the retention window goes back to pending, to be pushed again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as upsert
from sqlalchemy.orm import Session, sessionmaker

from clerk.catalog import parse_catalogue
from clerk.ports import OpState, OutboxOperation
from clerk.store.codec import canonical_json, require_aware
from clerk.store.outbox import SqlOutboxRepository
from clerk.store.peek import EPOCH_KEY, TOKEN_KEY, URL_KEY
from clerk.store.reference import SqlCalendarRepository, SqlCatalogueRepository
from clerk.store.schema import BLOBS, CASES, OUTBOX, STAFF_CACHE, SYNC_CURSORS, SYNC_STATE
from clerk.wire import Change
from clerk.workdays import CalendarOverride

RETENTION = timedelta(days=90)
"""Acknowledged operations are pushed again after a registry restore if younger than this."""
_EPOCH, _URL, _TOKEN = EPOCH_KEY, URL_KEY, TOKEN_KEY
_PENDING = OpState.PENDING.value
_HAS_PENDING = (
    select(OUTBOX.c.op_id)
    .where(OUTBOX.c.entity_id == bindparam("case_id"), OUTBOX.c.state == _PENDING)
    .limit(1)
)
_CASE = select(CASES.c.version, CASES.c.server_version, CASES.c.data).where(
    CASES.c.case_id == bindparam("case_id")
)
# A page of changes reads the cases it touches at once, then writes with statements built once.
_CASES_OF = select(CASES.c.case_id, CASES.c.version, CASES.c.server_version, CASES.c.data).where(
    CASES.c.case_id.in_(bindparam("case_ids", expanding=True))
)
_PENDING_OF = select(OUTBOX.c.entity_id).where(
    OUTBOX.c.entity_id.in_(bindparam("case_ids", expanding=True)), OUTBOX.c.state == _PENDING
)
_NEW_CASE = insert(CASES)
_REFRESH_CASE = update(CASES).where(CASES.c.case_id == bindparam("at_case_id"))
_SERVER_VERSION = _REFRESH_CASE.values(server_version=bindparam("new_server_version"))


@dataclass(frozen=True, slots=True)
class Credentials:
    """Where the registry is and this counter's token for it."""

    registry_url: str
    token: str


@dataclass(frozen=True, slots=True)
class PageApplied:
    """What applying a page of changes did."""

    applied: int
    kept_local: int
    cursor: int


@dataclass(frozen=True, slots=True)
class CachedStaff:
    """A staff member of this hall as last announced by the registry."""

    staff_id: str
    name: str
    role: str
    verifier: str
    active: bool
    failures: int
    locked_until: datetime | None


@dataclass(frozen=True, slots=True)
class Answer:
    """The registry's answer to one operation, to record."""

    op_id: str
    state: OpState
    code: str | None = None
    reason: str | None = None


class SyncLedger:
    """The sync engine's view of the local store (one transaction per call)."""

    def __init__(self, sessions: sessionmaker[Session], readers: sessionmaker[Session]) -> None:
        self._sessions, self._readers = sessions, readers

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._readers() as session, session.begin():
            yield session

    # -- settings ---------------------------------------------------------------------

    def value(self, key: str) -> str | None:
        """A stored sync value (None when unset)."""
        with self._read() as session:
            return session.execute(
                select(SYNC_STATE.c.value).where(SYNC_STATE.c.key == key)
            ).scalar()

    def set_values(self, values: Mapping[str, str]) -> None:
        """Store sync values."""
        with self._write() as session:
            for key, value in values.items():
                _put(session, key, value)

    def credentials(self) -> Credentials | None:
        """The registry and this counter's token, once enrolled."""
        url, token = self.value(_URL), self.value(_TOKEN)
        return None if url is None or token is None else Credentials(url, token)

    def save_credentials(self, credentials: Credentials, *, epoch: str) -> None:
        """Keep the credential of a fresh enrolment and the registry's epoch."""
        self.set_values({_URL: credentials.registry_url, _TOKEN: credentials.token, _EPOCH: epoch})

    def move_registry(self, url: str) -> None:
        """Keep the credential but reach the registry at a new address (same registry)."""
        self.set_values({_URL: url})

    def server_epoch(self) -> str | None:
        """The registry epoch this store last synchronised with."""
        return self.value(_EPOCH)

    def cursor(self, space: str) -> int:
        """The last change position pulled from `space` (0 before the first pull)."""
        with self._read() as session:
            query = select(SYNC_CURSORS.c.version).where(SYNC_CURSORS.c.space == space)
            return int(session.execute(query).scalar() or 0)

    # -- push ---------------------------------------------------------------------------

    def outbox_batch(self, *, limit: int, max_bytes: int) -> list[OutboxOperation]:
        """The oldest pending operations, at most `limit` and about `max_bytes` of payload."""
        with self._read() as session:
            operations = SqlOutboxRepository(session).pending_sized(limit)
        batch: list[OutboxOperation] = []
        size = 0
        for operation, length in operations:
            size += length  # the stored payload is its canonical JSON: no need to serialise again
            if batch and size > max_bytes:
                break
            batch.append(operation)
        return batch

    def record_answers(self, answers: Sequence[Answer], *, at: datetime) -> None:
        """Record the registry's answers to pushed operations (one transaction)."""
        with self._write() as session:
            SqlOutboxRepository(session).record_results(
                [(answer.op_id, answer.state, answer.code, answer.reason) for answer in answers],
                at=at,
            )
            _put(session, "last_push_at", require_aware(at, "push time").isoformat())

    def last_acknowledged_seq(self) -> int:
        """The highest client_seq the registry has answered."""
        with self._read() as session:
            query = select(func.max(OUTBOX.c.client_seq)).where(OUTBOX.c.state != _PENDING)
            return int(session.execute(query).scalar() or 0)

    def adopt_epoch(self, epoch: str, *, now: datetime) -> int:
        """Follow a new registry epoch: reset cursors and push the retention window again.

        Returns:
            How many acknowledged operations went back to pending (0 when nothing changed).
        """
        with self._write() as session:
            known = session.execute(
                select(SYNC_STATE.c.value).where(SYNC_STATE.c.key == _EPOCH)
            ).scalar()
            if known == epoch:
                return 0
            _put(session, _EPOCH, epoch)
            if known is None:
                return 0
            session.execute(delete(SYNC_CURSORS))
            return _repending(session, after_seq=0, since=now - RETENTION)

    def rewind(self, *, after_seq: int, now: datetime) -> int:
        """Push again what the registry no longer holds (it answered, then lost it).

        It was restored without a new epoch: its change positions went back too, so the cursors
        start over as after an epoch change (else changes written at reused positions are lost).

        Returns:
            How many operations went back to pending.
        """
        with self._write() as session:
            session.execute(delete(SYNC_CURSORS))
            return _repending(session, after_seq=after_seq, since=now - RETENTION)

    # -- pull -----------------------------------------------------------------------------

    def apply_page(self, space: str, changes: Sequence[Change], *, now: datetime) -> PageApplied:
        """Apply pulled changes and move the space's cursor past them, in one transaction.

        Raises:
            ValueError: the page would move the cursor backwards (a registry bug).
        """
        with self._write() as session:
            current = (
                session.execute(
                    select(SYNC_CURSORS.c.version).where(SYNC_CURSORS.c.space == space)
                ).scalar()
                or 0
            )
            applied = kept = 0
            cases = _PageCases(session, changes)
            for change in changes:
                if change.version <= current:
                    raise ValueError(
                        f"change {change.version} of {space} is not after cursor {current}"
                    )
                current = change.version
                if _apply(session, change, now=now, cases=cases):
                    applied += 1
                else:
                    kept += 1
            statement = upsert(SYNC_CURSORS).values(space=space, version=current)
            session.execute(
                statement.on_conflict_do_update(index_elements=["space"], set_={"version": current})
            )
            _put(session, "last_pull_at", require_aware(now, "pull time").isoformat())
            return PageApplied(applied, kept, current)

    # -- staff and scans -----------------------------------------------------------------

    def staff(self, staff_id: str) -> CachedStaff | None:
        """A cached staff member of this hall."""
        with self._read() as session:
            row = session.execute(
                select(STAFF_CACHE).where(STAFF_CACHE.c.staff_id == staff_id)
            ).first()
        if row is None:
            return None
        return CachedStaff(
            row.staff_id,
            row.name,
            row.role,
            row.verifier,
            bool(row.active),
            row.failures,
            row.locked_until,
        )

    def record_login(self, staff_id: str, *, failures: int, locked_until: datetime | None) -> None:
        """Keep an offline login's failure count and lock-out."""
        with self._write() as session:
            session.execute(
                update(STAFF_CACHE)
                .where(STAFF_CACHE.c.staff_id == staff_id)
                .values(failures=failures, locked_until=locked_until)
            )

    def unverified_blobs(self, limit: int = 100) -> list[tuple[str, int]]:
        """Scans the registry has not verified yet: (sha256, size), oldest first."""
        with self._read() as session:
            query = (
                select(BLOBS.c.sha256, BLOBS.c.size)
                .where(BLOBS.c.verified_at.is_(None))
                .order_by(BLOBS.c.created_at)
                .limit(limit)
            )
            return [(row.sha256, row.size) for row in session.execute(query)]

    def blobs_verified(self, hashes: Sequence[str], *, at: datetime) -> None:
        """Record that the registry verified these scans."""
        if not hashes:
            return
        with self._write() as session:
            session.execute(
                update(BLOBS)
                .where(BLOBS.c.sha256.in_(list(hashes)), BLOBS.c.verified_at.is_(None))
                .values(verified_at=require_aware(at, "verification time"))
            )

    def pending_scans(self) -> tuple[int, int]:
        """How many scans wait for upload, and their bytes."""
        with self._read() as session:
            query = select(func.count(), func.coalesce(func.sum(BLOBS.c.size), 0)).where(
                BLOBS.c.verified_at.is_(None)
            )
            count, size = session.execute(query).one()
            return int(count), int(size)


def _put(session: Session, key: str, value: str) -> None:
    statement = upsert(SYNC_STATE).values(key=key, value=value)
    session.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def _repending(session: Session, *, after_seq: int, since: datetime) -> int:
    statement = (
        update(OUTBOX)
        .where(OUTBOX.c.state != _PENDING, OUTBOX.c.client_seq > after_seq)
        .where(OUTBOX.c.created_at >= require_aware(since, "retention start"))
        .values(state=_PENDING, result_code=None, result_reason=None, acknowledged_at=None)
    )
    result = session.execute(statement)
    return int(getattr(result, "rowcount", 0))


class _PageCases:
    """The stored cases a page of changes touches: read in two queries, then kept up to date."""

    def __init__(self, session: Session, changes: Sequence[Change]) -> None:
        self._session = session
        ids = list(dict.fromkeys(i for change in changes if (i := _case_id(change)) is not None))
        self._rows: dict[str, tuple[int, int | None, str] | None] = dict.fromkeys(ids)
        self._pending: set[str] = set()
        if ids:
            for row in session.execute(_CASES_OF, {"case_ids": ids}):
                self._rows[row.case_id] = (row.version, row.server_version, row.data)
            self._pending = set(session.execute(_PENDING_OF, {"case_ids": ids}).scalars())

    def row(self, case_id: str) -> tuple[int, int | None, str] | None:
        """(version, server_version, data) of a stored case, None when there is none."""
        if case_id in self._rows:
            return self._rows[case_id]
        row = self._session.execute(_CASE, {"case_id": case_id}).first()
        return None if row is None else (row.version, row.server_version, row.data)

    def has_pending(self, case_id: str) -> bool:
        """Whether local operations of the case wait for the registry."""
        if case_id in self._rows:
            return case_id in self._pending
        return self._session.execute(_HAS_PENDING, {"case_id": case_id}).first() is not None

    def written(self, case_id: str, row: tuple[int, int | None, str]) -> None:
        """Note what a change wrote, for the next change of the same case in the page."""
        if case_id in self._rows:
            self._rows[case_id] = row


def _case_id(change: Change) -> str | None:
    case = change.data.get("case") if change.kind == "case" else None
    return (
        case.get("case_id")
        if isinstance(case, dict) and isinstance(case.get("case_id"), str)
        else None
    )


def _apply(session: Session, change: Change, *, now: datetime, cases: _PageCases) -> bool:
    """Apply one change; False when a local copy with pending operations was kept."""
    if change.kind == "case":
        return _apply_case(session, change.data, now=now, cases=cases)
    if change.kind == "catalogue":
        SqlCatalogueRepository(session).put(parse_catalogue(change.data["catalogue"]))
    elif change.kind == "calendar":
        overrides = [
            CalendarOverride(
                datetime.fromisoformat(o["day"]).date(), bool(o["workday"]), str(o["reason"])
            )
            for o in change.data["overrides"]
        ]
        SqlCalendarRepository(session).replace(
            overrides, [int(y) for y in change.data["complete_years"]]
        )
    elif change.kind == "staff":
        _apply_staff(session, change.data)
    return True


def _apply_staff(session: Session, data: Mapping[str, Any]) -> None:
    values = {key: data[key] for key in ("staff_id", "hall", "name", "role", "verifier")}
    values["active"] = bool(data["active"])
    statement = upsert(STAFF_CACHE).values({**values, "failures": 0})
    session.execute(statement.on_conflict_do_update(index_elements=["staff_id"], set_=values))


def _apply_case(
    session: Session, data: Mapping[str, Any], *, now: datetime, cases: _PageCases
) -> bool:
    case, version = data["case"], int(data["version"])
    case_id = case["case_id"]
    row = cases.row(case_id)
    if row is not None and cases.has_pending(case_id):
        return False  # our own operations come first; the registry's answer follows them
    text = canonical_json(case)
    connection = session.connection()
    if row is None:
        values = {
            **_columns(case, text, now=now),
            "case_id": case_id,
            "number": case["number"],
            "version": 1,
            "server_version": version,
        }
        connection.execute(_NEW_CASE, values)
        cases.written(case_id, (1, version, text))
        return True
    local_version, server_version, stored = row
    if server_version is not None and server_version >= version:
        return True
    if stored == text:
        connection.execute(_SERVER_VERSION, {"at_case_id": case_id, "new_server_version": version})
        cases.written(case_id, (local_version, version, stored))
        return True
    values = {**_columns(case, text, now=now), "version": local_version + 1}
    connection.execute(_REFRESH_CASE, {**values, "server_version": version, "at_case_id": case_id})
    cases.written(case_id, (local_version + 1, version, text))
    return True


def _columns(case: Mapping[str, Any], text: str, *, now: datetime) -> dict[str, Any]:
    applicant = case["applicant"]
    return {
        "status": case["status"],
        "item_code": case["item_code"],
        "item_version": int(case["item_version"]),
        "applicant_name": applicant["name"],
        "applicant_id_number": applicant["id_number"],
        "applicant_phone": applicant.get("phone", ""),
        "received_at": datetime.fromisoformat(case["opened_at"]),
        "updated_at": now,
        "data": text,
    }
