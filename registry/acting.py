"""Who acted in a pushed operation: a named staff member, and approvals by someone else.

Every operation a counter pushes carries its sealed audit entry, whose `actor` is the staff
member who acted. The registry refuses an operation that names nobody, and one whose case holds
an approval the four-eyes rule forbids (`clerk.approvals`): given by the person who asked for
it, given in another person's name than the one who acted, or given by a staff member this
registry knows as a clerk. A refusal is an ordinary rejection: the counter keeps the operation
on its needs-attention list and nothing else of the batch is held back.

Staff the registry does not know are not refused here (a counter's staff list comes from the
registry, but staff ids in older or test data need not); roles are checked where known.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from clerk.approvals import approvers, self_approvals
from clerk.audit import AuditEntry
from clerk.staff import Role
from registry.schema import STAFF

REFUSAL_APPROVED = "case.refusal_approved"
NOTICE_ISSUED = "case.notice_issued"


def staff_problem(
    connection: Connection,
    *,
    hall: str,
    op_type: str,
    case: Mapping[str, Any],
    entry: AuditEntry,
) -> tuple[str, str] | None:
    """Why the registry refuses the operation's staff or approvals, or None when they hold.

    Args:
        connection: the push's transaction.
        hall: the pushing counter's hall.
        op_type: the operation's intent ("case.refusal_approved", ...).
        case: the case after the action, as the counter sent it.
        entry: the operation's audit entry (its actor is who acted).

    Returns:
        (code, reason) of the refusal: no_staff, self_approval, approver_mismatch or
        not_a_supervisor.
    """
    if not entry.actor.strip():
        return (
            "no_staff",
            f"{op_type}: the operation names no staff member; every action at a counter "
            "carries the person who did it",
        )
    problems = self_approvals(case)
    if problems:
        return "self_approval", f"{op_type}: {'; '.join(problems)}"
    approver = _new_approver(op_type, case, entry)
    if approver is None:
        return None
    if op_type == REFUSAL_APPROVED and approver != entry.actor:
        return (
            "approver_mismatch",
            f"{op_type}: the refusal names {approver} as approver, but {entry.actor} acted",
        )
    if _role(connection, hall=hall, staff_id=approver) is Role.CLERK:
        return "not_a_supervisor", f"{op_type}: {approver} is a clerk and cannot approve"
    return None


def _new_approver(op_type: str, case: Mapping[str, Any], entry: AuditEntry) -> str | None:
    """The approver this operation introduces (a refusal approval, a notice's override)."""
    given = approvers(case)
    if op_type == REFUSAL_APPROVED:
        return given.get("refusal", "")
    if op_type == NOTICE_ISSUED:
        number = entry.detail.get("document")
        return given.get(str(number)) if number is not None else None
    return None


def _role(connection: Connection, *, hall: str, staff_id: str) -> Role | None:
    role = connection.execute(
        select(STAFF.c.role).where(STAFF.c.staff_id == staff_id, STAFF.c.hall == hall)
    ).scalar()
    try:
        return None if role is None else Role(role)
    except ValueError:
        return None
