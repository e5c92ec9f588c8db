"""The one-time written notice (一次性告知) and the rule that makes it one-time.

Art. 32 of the Administrative Licensing Law: if an application is incomplete, the agency tells the
applicant, once and within 5 working days, everything that must be corrected. After a notice, a
later review may raise only (a) items the notice listed that are still deficient, or (b) defects
in material handed in after the notice. Anything else means the notice was incomplete: it is
refused unless a supervisor overrides with a recorded reason, and the override is reported.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from clerk.catalog.model import CorrectionExpiry
from clerk.errors import InvalidInput, Phrase, RuleViolation
from clerk.materials import ChecklistLine, Problem
from clerk.staff import Actor, require_approver


@dataclass(frozen=True, slots=True)
class NoticeLine:
    """One thing the applicant must correct: the material, the problem, the exact requirement."""

    code: str
    name: str
    problem: Problem
    requirement: str
    reason: str


@dataclass(frozen=True, slots=True)
class Override:
    """A supervisor's recorded permission to raise an item the earlier notice did not list."""

    supervisor: Actor
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise InvalidInput("an override needs a reason")


@dataclass(frozen=True, slots=True)
class Notice:
    """A correction notice as issued: numbered, dated, with every line and the deadline."""

    number: str
    issued_at: datetime
    issued_on: date
    lines: tuple[NoticeLine, ...]
    correction_due: date
    correction_due_provisional: bool
    on_expiry: CorrectionExpiry
    clerk_id: str
    override: Override | None = None
    unlisted_codes: tuple[str, ...] = ()  # what the override allowed beyond the rule

    @property
    def codes(self) -> frozenset[str]:
        """Material codes this notice listed."""
        return frozenset(line.code for line in self.lines)


def notice_lines(
    deficient: Sequence[ChecklistLine], requirements: dict[str, str]
) -> tuple[NoticeLine, ...]:
    """Turn the checklist's deficient lines into notice lines, each with its exact requirement.

    Raises:
        InvalidInput: nothing is deficient (a notice with no line makes no sense).
    """
    if not deficient:
        raise InvalidInput("a correction notice needs at least one deficient material")
    return tuple(
        NoticeLine(
            code=line.code,
            name=line.name,
            problem=line.problem or Problem.MISSING,
            requirement=requirements[line.code],
            reason=line.reason or "",
        )
        for line in deficient
    )


def unlisted(
    previous: Sequence[Notice],
    lines: Sequence[NoticeLine],
    newly_handed_in: Collection[str],
) -> tuple[str, ...]:
    """Codes a new notice would raise that the one-time rule does not allow.

    Args:
        previous: notices already issued for the case.
        lines: what the new notice would list.
        newly_handed_in: codes of material handed in after the last notice.

    Returns:
        The offending codes, in the order of `lines` (empty when the rule holds).
    """
    if not previous:
        return ()
    listed = frozenset().union(*(notice.codes for notice in previous))
    return tuple(
        line.code for line in lines if line.code not in listed and line.code not in newly_handed_in
    )


def enforce_one_time_rule(
    previous: Sequence[Notice],
    lines: Sequence[NoticeLine],
    *,
    newly_handed_in: Collection[str],
    override: Override | None,
) -> tuple[str, ...]:
    """Refuse a notice that breaks the one-time rule unless a supervisor overrides it.

    Returns:
        The codes the override allowed (empty when no override was needed).

    Raises:
        RuleViolation: the notice raises unlisted items and there is no override.
        PermissionDenied: the override is not given by a supervisor.
    """
    offending = unlisted(previous, lines, newly_handed_in)
    if not offending:
        return ()
    if override is None:
        names = "、".join(line.name for line in lines if line.code in offending)
        raise RuleViolation(
            "one-time rule: the earlier notice did not list {names}; "
            "a supervisor's override with a reason is required",
            names=names,
        )
    require_approver(
        override.supervisor, requested_by=None, what=Phrase("a one-time rule override")
    )
    return offending
