"""好差评 at the registry: the rating rule re-checked on push, and the hall's bad-rating list.

A case's rating is written by one party only, the counter's applicant panel (and then one
supervisor's follow-up), so it never conflicts with what the back office does to the case:

- every pushed operation is checked by the domain's `check_rating_change` against the
  registry's copy; an operation other than a rating intent cannot change the rating (the
  registry keeps its own, so a counter that does not know ratings cannot erase one);
- `case.rated` must come from this counter's panel (the audit entry names it), and
  `case.follow_up_recorded` from an active supervisor (or admin) of the hall;
- a rating intent based on an older version of the case is not refused as stale: its rating
  is put onto the registry's copy (`onto`), because an applicant who has gone home cannot rate
  again.

Supervisors read the hall's bad ratings at `GET /api/v1/follow-ups` (`registry.ratings_api`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from clerk.cases import CaseStatus, GivenRating
from clerk.cases.rating import FOLLOW_UP_RECORDED, RATED, RATING_INTENTS, check_rating_change
from clerk.codec import from_json
from clerk.errors import RuleViolation
from clerk.staff import Role
from clerk.wire import Operation
from registry.auth import Device
from registry.db import stamp
from registry.schema import CASES, STAFF

__all__ = ["RATING_INTENTS", "FollowUpItem", "bad_ratings", "onto", "settle"]

_KEY = "rating"
_APPROVERS = (Role.SUPERVISOR.value, Role.ADMIN.value)


def settle(
    connection: Connection,
    device: Device,
    op: Operation,
    *,
    stored: str | None,
    case: dict[str, Any],
) -> dict[str, Any]:
    """The case to store for `op`, its rating checked against the registry's copy.

    Args:
        connection: the push's transaction.
        device: the counter pushing.
        op: the operation.
        stored: the registry's copy of the case (canonical JSON), None for a new case.
        case: the case the operation carries.

    Returns:
        `case`, or for an operation that is no rating intent, `case` with the registry's rating.

    Raises:
        RuleViolation: the operation breaks the rating rule (the reason names how).
        InvalidInput: the rating does not decode.
    """
    if op.op_type not in RATING_INTENTS:
        if case.get(_KEY) is None and (stored is None or f'"{_KEY}":{{' not in stored):
            return case  # the common case: no rating on either side, nothing to parse
        return dict(case, **{_KEY: _stored_rating(stored)})
    before, after = _decode(_stored_rating(stored)), _decode(case.get(_KEY))
    check_rating_change(before, after, intent=op.op_type, status=CaseStatus(case["status"]))
    assert after is not None  # the rule requires one for both intents
    _check_author(connection, device, op, after)
    return case


def onto(stored: str, case: dict[str, Any]) -> dict[str, Any]:
    """The registry's copy of a case with the rating an operation (already settled) brings.

    Raises:
        RuleViolation: the registry's copy is in a state that cannot be rated.
    """
    current = json.loads(stored)
    status = CaseStatus(current["status"])
    rated = _decode(case.get(_KEY))
    if _decode(current.get(_KEY)) is None and rated is not None:
        check_rating_change(None, rated, intent=RATED, status=status)
    return dict(current, **{_KEY: case.get(_KEY)})


def _stored_rating(stored: str | None) -> Any:
    return None if stored is None else json.loads(stored).get(_KEY)


def _decode(raw: Any) -> GivenRating | None:
    return None if raw is None else from_json(GivenRating, raw)


def _check_author(
    connection: Connection, device: Device, op: Operation, after: GivenRating
) -> None:
    audit = op.payload.get("audit")
    actor = audit.get("actor") if isinstance(audit, dict) else None
    if op.op_type == RATED:
        panel = f"applicant-panel:{device.counter}"
        if after.source != panel or actor != panel:
            raise RuleViolation(
                "a rating at counter {counter} comes from {panel}",
                counter=device.counter,
                panel=panel,
            )
        return
    assert op.op_type == FOLLOW_UP_RECORDED
    assert after.follow_up is not None
    if actor != after.follow_up.by or not _is_approver(connection, device.hall, actor):
        raise RuleViolation(
            "a follow-up is recorded by an active supervisor of hall {hall}, not {staff}",
            hall=device.hall,
            staff=after.follow_up.by,
        )


def _is_approver(connection: Connection, hall: str, staff_id: str) -> bool:
    query = select(STAFF.c.staff_id).where(
        STAFF.c.staff_id == staff_id,
        STAFF.c.hall == hall,
        STAFF.c.active.is_(True),
        STAFF.c.role.in_(_APPROVERS),
    )
    return connection.execute(query).first() is not None


# -- the supervisors' list ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowUpItem:
    """One bad rating of the hall, as supervisors see it (the phone is masked)."""

    case_id: str
    number: str
    status: str
    level: str
    reasons: list[str]
    text: str
    clerk_id: str
    rated_at: str
    due_on: str
    due_provisional: bool
    overdue: bool
    done: bool
    done_by: str | None
    done_at: str | None
    note: str


def bad_ratings(
    connection: Connection, hall: str, *, today: date, open_only: bool, limit: int = 500
) -> list[FollowUpItem]:
    """The hall's bad ratings: open ones by due date, then (unless `open_only`) done ones.

    The rating is inside the case's stored JSON (canonical: compact, sorted keys), so a bad
    one is found by its text, a follow-up due date that is not null.
    """
    data = CASES.c.data
    found = [CASES.c.hall == hall, data.contains('"follow_up_due":"', autoescape=True)]
    if open_only:
        found.append(data.contains('"follow_up":null', autoescape=True))
    query = select(CASES.c.case_id, CASES.c.number, CASES.c.status, data).where(*found)
    rows = connection.execute(query.order_by(CASES.c.updated_at.desc()).limit(limit)).all()
    items = [_item(row, today) for row in rows]
    open_ = sorted((i for i in items if not i.done), key=lambda i: (i.due_on, i.rated_at))
    done = sorted((i for i in items if i.done), key=lambda i: i.done_at or "", reverse=True)
    return open_ + done


def _item(row: Any, today: date) -> FollowUpItem:
    given = from_json(GivenRating, json.loads(row.data)[_KEY])
    assert given.follow_up_due is not None
    done = given.follow_up
    return FollowUpItem(
        case_id=row.case_id,
        number=row.number,
        status=row.status,
        level=given.rating.level.value,
        reasons=[reason.value for reason in given.rating.reasons],
        text=given.rating.text,
        clerk_id=given.clerk_id,
        rated_at=stamp(given.at),
        due_on=given.follow_up_due.isoformat(),
        due_provisional=given.follow_up_provisional,
        overdue=given.overdue(today),
        done=done is not None,
        done_by=None if done is None else done.by,
        done_at=None if done is None else stamp(done.at),
        note="" if done is None else done.note,
    )
