"""The case (办件) state machine of DOMAIN.md §4: which moves exist, and that they go forward."""

from __future__ import annotations

from enum import StrEnum

from clerk.errors import RuleViolation


class CaseStatus(StrEnum):
    """Where a case stands."""

    RECEIVING = "receiving"  # 收件中
    RECEIVED = "received"  # 已收件
    CORRECTION_REQUESTED = "correction_requested"  # 一次性告知补正
    NO_LICENCE_NEEDED = "no_licence_needed"  # 无需许可
    NOT_ACCEPTED = "not_accepted"  # 不予受理
    ACCEPTED = "accepted"  # 已受理
    IN_REVIEW = "in_review"  # 审查中
    SUSPENDED = "suspended"  # 特别程序（暂停计时）
    DECIDED_APPROVED = "decided_approved"  # 准予
    DECIDED_REFUSED = "decided_refused"  # 不予批准
    COMPLETED = "completed"  # 办结
    DELIVERED = "delivered"  # 已出件
    WITHDRAWN = "withdrawn"  # 撤回
    TERMINATED = "terminated"  # 终止
    RETURNED = "returned"  # 退件
    VOID = "void"  # 作废（录入错误，保留记录）


S = CaseStatus

_OPEN_BEFORE_ACCEPTANCE = (S.RECEIVING, S.RECEIVED, S.CORRECTION_REQUESTED)
_OPEN_AFTER_ACCEPTANCE = (S.ACCEPTED, S.IN_REVIEW, S.SUSPENDED)
OPEN = frozenset(_OPEN_BEFORE_ACCEPTANCE + _OPEN_AFTER_ACCEPTANCE)
"""States in which the applicant may still withdraw and the case may be terminated."""

TERMINAL = frozenset(
    {
        S.NO_LICENCE_NEEDED,
        S.NOT_ACCEPTED,
        S.DELIVERED,
        S.WITHDRAWN,
        S.TERMINATED,
        S.RETURNED,
        S.VOID,
    }
)

TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.RECEIVING: frozenset({S.RECEIVED, S.ACCEPTED}),
    S.RECEIVED: frozenset(
        {S.NO_LICENCE_NEEDED, S.NOT_ACCEPTED, S.CORRECTION_REQUESTED, S.ACCEPTED}
    ),
    S.CORRECTION_REQUESTED: frozenset({S.RECEIVED, S.NOT_ACCEPTED, S.RETURNED}),
    S.ACCEPTED: frozenset({S.IN_REVIEW, S.COMPLETED}),
    S.IN_REVIEW: frozenset({S.SUSPENDED, S.DECIDED_APPROVED, S.DECIDED_REFUSED}),
    S.SUSPENDED: frozenset({S.IN_REVIEW}),
    S.DECIDED_APPROVED: frozenset({S.COMPLETED}),
    S.DECIDED_REFUSED: frozenset({S.COMPLETED}),
    S.COMPLETED: frozenset({S.DELIVERED}),
}
"""Moves of the normal flow; withdrawal, termination and voiding are added below."""

for _state in OPEN:
    TRANSITIONS[_state] = TRANSITIONS[_state] | {S.WITHDRAWN, S.TERMINATED, S.VOID}
for _state in (S.DECIDED_APPROVED, S.DECIDED_REFUSED, S.COMPLETED):
    TRANSITIONS[_state] = TRANSITIONS[_state] | {S.VOID}

RANK: dict[CaseStatus, int] = {
    S.RECEIVING: 0,
    S.RECEIVED: 1,
    S.CORRECTION_REQUESTED: 1,  # corrections bring it back to RECEIVED: same stage
    S.ACCEPTED: 2,
    S.IN_REVIEW: 3,
    S.SUSPENDED: 3,  # a pause inside review, not a step back
    S.DECIDED_APPROVED: 4,
    S.DECIDED_REFUSED: 4,
    S.COMPLETED: 5,
    **dict.fromkeys(TERMINAL, 9),
}
"""Progress of each state; a case's rank never decreases (status only moves forward)."""


def check_move(current: CaseStatus, target: CaseStatus) -> None:
    """Refuse a move the state machine does not have.

    Raises:
        RuleViolation: naming both states.
    """
    if target not in TRANSITIONS.get(current, frozenset()):
        raise RuleViolation(
            "a case cannot move from {current} to {target}", current=current, target=target
        )


def _reachable_from(start: CaseStatus) -> frozenset[CaseStatus]:
    seen = {start}
    frontier = [start]
    while frontier:
        for target in TRANSITIONS.get(frontier.pop(), frozenset()):
            if target not in seen:
                seen.add(target)
                frontier.append(target)
    return frozenset(seen)


REACHABLE: dict[CaseStatus, frozenset[CaseStatus]] = {state: _reachable_from(state) for state in S}
"""Every state reachable from each state by zero or more moves (one action may make several)."""


def can_reach(current: CaseStatus, target: CaseStatus) -> bool:
    """Whether `target` follows `current` through the state machine (or is `current`)."""
    return target in REACHABLE[current]
