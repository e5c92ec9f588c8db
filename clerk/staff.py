"""Who acts at the counter: staff members and their roles."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerk.errors import PermissionDenied


class Role(StrEnum):
    """What a staff member may do: clerks serve, supervisors (首席代表) approve, admins set up."""

    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Actor:
    """The staff member behind an action (every action carries one)."""

    staff_id: str
    name: str
    role: Role

    @property
    def may_approve(self) -> bool:
        """Whether this person may approve refusals, overrides and extensions."""
        return self.role in (Role.SUPERVISOR, Role.ADMIN)


def require_approver(approver: Actor, *, requested_by: str | None, what: str) -> None:
    """Check that `approver` may approve `what` and did not ask for it themselves.

    `what` names the thing approved in the messages: pass a `Phrase` ("an extension"), so the
    UI can translate it.

    Raises:
        PermissionDenied: the approver is not a supervisor, or approves their own request.
    """
    if not approver.may_approve:
        raise PermissionDenied(
            "{what} needs a supervisor's approval; {name} is a clerk", what=what, name=approver.name
        )
    if requested_by is not None and approver.staff_id == requested_by:
        raise PermissionDenied(
            "{what} cannot be approved by the person who asked for it", what=what
        )
