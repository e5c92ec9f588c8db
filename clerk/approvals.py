"""Four eyes: no approval in a case may be given by the person who asked for it.

The counter's use cases refuse such an approval before anything is written; the registry runs
`self_approvals` on every case a counter pushes, so an operation crafted past the counter is
refused there too. The checks read the case as JSON (`clerk.codec.to_json` of `Case`), the
form both sides hold, and never raise on a malformed case: the registry checks shape elsewhere.

What needs an approval by someone else:
- a refusal (不予受理): `refusal.approved_by` must differ from `refusal.requested_by`;
- a one-time rule override on a notice: `override.supervisor` must differ from the notice's
  `clerk_id` (the person who issued it, and so asked for the override).
An extension (Art. 42) is decided by a supervisor at the registry and has no requester of its
own; declining a refusal request is not an approval (it keeps the case going).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clerk.errors import Phrase
from clerk.staff import Actor, require_approver

OVERRIDE = Phrase("a one-time rule override")


def require_other_approver(approver: Actor, *, requested_by: str, what: str) -> None:
    """Check that a supervisor other than the requester approves `what`.

    Raises:
        PermissionDenied: the approver is not a supervisor, or is the person who asked.
    """
    require_approver(approver, requested_by=requested_by, what=what)


def self_approvals(case: Mapping[str, Any]) -> list[str]:
    """The approvals in a case (as JSON) given by the person who asked for them.

    Returns:
        One English sentence per offending approval (empty when every approval is proper).
    """
    problems = []
    refusal = case.get("refusal")
    if isinstance(refusal, Mapping):
        approver = refusal.get("approved_by")
        if approver is not None and approver == refusal.get("requested_by"):
            problems.append(f"the refusal was approved by {approver}, who asked for it")
    notices = case.get("notices")
    for notice in notices if isinstance(notices, list) else ():
        supervisor = _override_supervisor(notice)
        if supervisor is not None and supervisor == notice.get("clerk_id"):
            problems.append(
                f"notice {notice.get('number')}: the one-time rule override was given by "
                f"{supervisor}, who issued the notice"
            )
    return problems


def approvers(case: Mapping[str, Any]) -> dict[str, str]:
    """Who approved what in a case (as JSON): "refusal" or a notice number → staff id."""
    found: dict[str, str] = {}
    refusal = case.get("refusal")
    if isinstance(refusal, Mapping) and isinstance(refusal.get("approved_by"), str):
        found["refusal"] = refusal["approved_by"]
    notices = case.get("notices")
    for notice in notices if isinstance(notices, list) else ():
        supervisor = _override_supervisor(notice)
        if supervisor is not None:
            found[str(notice.get("number"))] = supervisor
    return found


def _override_supervisor(notice: object) -> str | None:
    if not isinstance(notice, Mapping):
        return None
    override = notice.get("override")
    if not isinstance(override, Mapping):
        return None
    supervisor = override.get("supervisor")
    if not isinstance(supervisor, Mapping) or not isinstance(supervisor.get("staff_id"), str):
        return None
    return str(supervisor["staff_id"])
