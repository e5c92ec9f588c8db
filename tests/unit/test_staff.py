"""Who may approve: supervisors (and admins), never a clerk, never the person who asked."""

from __future__ import annotations

import pytest

from clerk.errors import PermissionDenied
from clerk.staff import Actor, Role, require_approver
from tests.unit.factories import ADMIN, CLERK, OTHER_CLERK, OTHER_SUPERVISOR, SUPERVISOR


@pytest.mark.parametrize(
    ("role", "may_approve"),
    [(Role.CLERK, False), (Role.SUPERVISOR, True), (Role.ADMIN, True)],
)
def test_may_approve_by_role(role: Role, may_approve: bool) -> None:
    assert Actor("s1", "某人", role).may_approve is may_approve


@pytest.mark.parametrize(
    ("approver", "requested_by"),
    [
        pytest.param(SUPERVISOR, None, id="supervisor, nobody asked"),
        pytest.param(SUPERVISOR, CLERK.staff_id, id="supervisor approves a clerk's request"),
        pytest.param(SUPERVISOR, OTHER_SUPERVISOR.staff_id, id="another supervisor's request"),
        pytest.param(ADMIN, CLERK.staff_id, id="admin approves a clerk's request"),
    ],
)
def test_approval_allowed(approver: Actor, requested_by: str | None) -> None:
    require_approver(approver, requested_by=requested_by, what="a refusal")


@pytest.mark.parametrize(
    ("approver", "requested_by", "message"),
    [
        pytest.param(CLERK, None, "supervisor", id="a clerk"),
        pytest.param(CLERK, OTHER_CLERK.staff_id, "supervisor", id="a clerk for another clerk"),
        pytest.param(CLERK, CLERK.staff_id, "supervisor", id="a clerk for themself"),
        pytest.param(SUPERVISOR, SUPERVISOR.staff_id, "asked", id="a supervisor's own request"),
        pytest.param(ADMIN, ADMIN.staff_id, "asked", id="an admin's own request"),
    ],
)
def test_approval_denied(approver: Actor, requested_by: str | None, message: str) -> None:
    with pytest.raises(PermissionDenied, match=message) as denied:
        require_approver(approver, requested_by=requested_by, what="a refusal")
    assert "a refusal" in str(denied.value)


def test_own_request_is_recognised_by_staff_id_not_by_name() -> None:
    namesake = Actor("s-other", SUPERVISOR.name, Role.SUPERVISOR)
    require_approver(namesake, requested_by=SUPERVISOR.staff_id, what="an extension")
