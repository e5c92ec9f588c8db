"""The deadlines board (电子监察): running cases, overdue, due soon or suspended, by urgency.

A running case is one accepted and not yet decided (accepted, in review, suspended). Its
deadline is the case's own (`Case.deadline`: the promised limit in working days, pushed out by
suspensions, plus an approved extension), counted on the hall's calendar; the working days left
are counted by `clerk.workdays`, never in calendar days.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from clerk.cases import Case, CaseStatus
from clerk.catalog.model import ServiceItem
from clerk.clock import local_day
from clerk.codec import from_json
from clerk.errors import NotFound
from clerk.ports import CaseRecord, UnitOfWork
from clerk.services.core import calendar_of, require_aware
from clerk.workdays import (
    DeadlineState,
    WarningPolicy,
    WorkCalendar,
    classify,
    working_days_between,
)

_log = logging.getLogger(__name__)

RUNNING = (CaseStatus.ACCEPTED, CaseStatus.IN_REVIEW, CaseStatus.SUSPENDED)
"""States in which the decision period runs (or is paused)."""
BOARD_LIMIT = 2000
"""At most this many running cases are read, the longest-received first (the most urgent)."""


class DeadlineGroup(StrEnum):
    """Where a running case stands on the board (most urgent first)."""

    OVERDUE = "overdue"  # 超期
    DUE_SOON = "due_soon"  # 预警
    SUSPENDED = "suspended"  # 暂停计时 (special procedure)
    ON_TRACK = "on_track"


_URGENCY = {group: rank for rank, group in enumerate(DeadlineGroup)}


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """One running case on the deadlines board.

    Attributes:
        working_days_left: working days after today up to the deadline (0 on the day itself);
            once overdue, minus the working days since the deadline (0 when none has passed
            yet, e.g. on the weekend after a Friday deadline).
        provisional: the deadline counts through a year whose holidays are not known yet.
        group: overdue, due soon, suspended (the clock is paused) or on track.
    """

    case_id: str
    number: str
    status: CaseStatus
    item_code: str
    item_name: str
    applicant_name: str
    accepted_on: date
    due_on: date
    provisional: bool
    working_days_left: int
    group: DeadlineGroup
    extended: bool

    @property
    def urgency(self) -> tuple[int, int, date, str]:
        """Sort key: the group's rank, then fewest working days left, then the earliest due."""
        return (_URGENCY[self.group], self.working_days_left, self.due_on, self.number)


class BoardCache:
    """The board's rows as last computed, kept by case version.

    A board read again with a cache decodes and computes only the cases that changed since
    (a case's row depends on its stored version, the day, the policy and the hall's calendar;
    a new day, policy or calendar starts afresh). The running cases are listed by id and
    version first, which reads no case's JSON. One cache belongs to one board; it is not
    thread-safe (one lane refreshes a board).
    """

    def __init__(self) -> None:
        self._basis: object = None
        self._rows: dict[str, tuple[int, DeadlineRow | None]] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def start(self, basis: object) -> None:
        """Begin a reading for this day, policy and calendar (forgets rows of another)."""
        if basis != self._basis:
            self._basis, self._rows = basis, {}

    def stale(self, stamps: Sequence[tuple[str, int]]) -> list[str]:
        """The cases (of these ids and versions) whose rows are missing or out of date."""
        return [case_id for case_id, version in stamps if self._version(case_id) != version]

    def _version(self, case_id: str) -> int | None:
        kept = self._rows.get(case_id)
        return None if kept is None else kept[0]

    def keep(self, case_id: str, version: int, row: DeadlineRow | None) -> None:
        """Keep a case's row (None: the case is not on the board) as of its version."""
        self._rows[case_id] = (version, row)

    def rows_for(self, stamps: Sequence[tuple[str, int]]) -> list[DeadlineRow]:
        """The rows of these cases; every other case is forgotten."""
        running = {case_id for case_id, _ in stamps}
        self._rows = {case_id: kept for case_id, kept in self._rows.items() if case_id in running}
        return [row for _, row in self._rows.values() if row is not None]


def deadlines_board(
    uow: UnitOfWork,
    *,
    now: datetime,
    policy: WarningPolicy | None = None,
    limit: int = BOARD_LIMIT,
    cache: BoardCache | None = None,
) -> tuple[DeadlineRow, ...]:
    """Every running case with its deadline and group, most urgent first.

    Args:
        uow: a read-only unit of work.
        now: the moment the board is for (timezone-aware).
        policy: when a period counts as due soon (default: 20 % of it or 2 working days left).
        limit: at most this many running cases are read (the longest-received first).
        cache: the rows of this board's last reading (see `BoardCache`), brought up to date.

    Returns:
        The rows, overdue first (the most overdue first), then due soon, suspended, on track.

    Raises:
        InvalidInput: `now` is naive or the limit is below 1.
    """
    require_aware(now)
    today = local_day(now)
    policy = policy or WarningPolicy()
    cache = BoardCache() if cache is None else cache
    statuses = [s.value for s in RUNNING]
    with uow:
        calendar = calendar_of(uow)
        cache.start((today, policy, calendar))
        stamps = uow.cases.stamps_with_status(statuses, limit=limit)
        records = uow.cases.many(cache.stale(stamps))  # the first time, every one
        items = _items(uow)
        for record in records:
            try:
                item = items(record)
            except NotFound:  # not kept: read again once the catalogue has that version
                _log.warning("case %s: its item version is not in the catalogue", record.number)
                continue
            case = from_json(Case, record.data)
            row = deadline_of(
                case, item, record=record, today=today, uow=uow, policy=policy, calendar=calendar
            )
            cache.keep(record.case_id, record.version, row)
        rows = cache.rows_for(stamps)
    return tuple(sorted(rows, key=lambda row: row.urgency))


def deadline_of(
    case: Case,
    item: ServiceItem,
    *,
    record: CaseRecord,
    today: date,
    uow: UnitOfWork,
    policy: WarningPolicy | None = None,
    calendar: WorkCalendar | None = None,
) -> DeadlineRow | None:
    """The board's row of a case, or None when its decision period is not running.

    Call it inside the entered unit of work (it reads the hall's calendar unless given).
    """
    if case.status not in RUNNING or case.accepted_on is None:
        return None
    calendar = calendar_of(uow) if calendar is None else calendar
    deadline = case.deadline(item, as_of=today, calendar=calendar)
    period = working_days_between(case.accepted_on, deadline.date, calendar=calendar)
    state = classify(
        deadline.date,
        today=today,
        period_working_days=period,
        policy=policy or WarningPolicy(),
        calendar=calendar,
    )
    if today > deadline.date:
        left = -working_days_between(deadline.date, today, calendar=calendar)
    else:
        left = working_days_between(today, deadline.date, calendar=calendar)
    return DeadlineRow(
        case_id=case.case_id,
        number=case.number,
        status=case.status,
        item_code=item.code,
        item_name=item.name,
        applicant_name=record.applicant_name,
        accepted_on=case.accepted_on,
        due_on=deadline.date,
        provisional=deadline.provisional,
        working_days_left=left,
        group=_group(state, suspended=case.status is CaseStatus.SUSPENDED),
        extended=case.extension is not None,
    )


def _group(state: DeadlineState, *, suspended: bool) -> DeadlineGroup:
    if state is DeadlineState.OVERDUE:
        return DeadlineGroup.OVERDUE  # late before the pause began: the pause does not excuse it
    if suspended:
        return DeadlineGroup.SUSPENDED
    if state is DeadlineState.DUE_SOON:
        return DeadlineGroup.DUE_SOON
    return DeadlineGroup.ON_TRACK


def _items(uow: UnitOfWork) -> Callable[[CaseRecord], ServiceItem]:
    """The item version of a stored case, each read once per unit of work."""
    cache: dict[tuple[str, int], ServiceItem] = {}

    def item(record: CaseRecord) -> ServiceItem:
        key = (record.item_code, record.item_version)
        if key not in cache:
            cache[key] = uow.catalogue.item(*key)
        return cache[key]

    return item


def item_names(uow: UnitOfWork) -> Callable[[CaseRecord], str]:
    """The item name of a stored case (its code when the catalogue lacks that version)."""
    items = _items(uow)

    def name(record: CaseRecord) -> str:
        try:
            return items(record).name
        except NotFound:
            return record.item_code

    return name
