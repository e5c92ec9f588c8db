"""The calling policy as data: a counter's work profile and the choice of the next ticket.

Recalls go through the normal call: a MISSED ticket whose cooldown has passed and that has
recalls left is eligible again, in its old place (its queue key still says when it arrived), so
an applicant who comes back is called again soon without a clerk having to remember them.

Ranking of eligible tickets, first difference wins:
1. green channel (elderly, disabled, pregnant), if the profile puts it first;
2. appointments from `appointment_window` before their time (earlier they rank as ordinary
   tickets: the applicant is here, serving them early harms no one);
3. tickets waiting (since issue) longer than `long_wait`, if the profile sets it;
4. priority, higher first;
5. service weight, higher first (a counter's main services before its side services;
   `long_wait` is what keeps side services from starving);
6. queue key: front placements, then arrival or end-of-queue time;
7. ticket id, so that the choice is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Protocol

from clerk.errors import InvalidInput, RuleViolation
from clerk.queue.tickets import QueueKey, Ticket, TicketState, require_aware

DEFAULT_APPOINTMENT_WINDOW = timedelta(minutes=2)
DEFAULT_RECALL_COOLDOWN = timedelta(minutes=5)
DEFAULT_MAX_RECALLS = 3


class RecallLimits(Protocol):
    """What the recall rule needs: a `WorkProfile`, or any hall-wide setting with these two."""

    @property
    def recall_cooldown(self) -> timedelta:
        """How long after a miss the ticket may be called again."""

    @property
    def max_recalls(self) -> int:
        """How many times a missed ticket may be called again before it is a no-show."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkProfile:
    """How one counter calls: which services, in which order, with which allowances.

    A ticket transferred to a counter or a staff member is eligible only there, whatever its
    service; every other ticket is eligible at the counters whose `services` include its own.
    """

    counter: str
    services: tuple[str, ...]
    staff: str | None = None
    service_weights: Mapping[str, int] = field(default_factory=dict, hash=False)
    green_channel_first: bool = True
    appointment_window: timedelta = DEFAULT_APPOINTMENT_WINDOW
    recall_cooldown: timedelta = DEFAULT_RECALL_COOLDOWN
    max_recalls: int = DEFAULT_MAX_RECALLS
    long_wait: timedelta | None = None

    def __post_init__(self) -> None:
        if not self.counter:
            raise InvalidInput("a work profile needs the counter it belongs to")
        unknown = sorted(set(self.service_weights) - set(self.services))
        if unknown:
            raise InvalidInput(
                "weights given for services the counter does not serve: {services}",
                services=str(unknown),
            )
        if self.appointment_window < timedelta(0) or self.recall_cooldown < timedelta(0):
            raise InvalidInput("appointment window and recall cooldown cannot be negative")
        if self.max_recalls < 0:
            raise InvalidInput(
                "max_recalls cannot be negative, not {max_recalls}", max_recalls=self.max_recalls
            )
        if self.long_wait is not None and self.long_wait <= timedelta(0):
            raise InvalidInput("long_wait must be a positive duration")
        object.__setattr__(self, "service_weights", MappingProxyType(dict(self.service_weights)))


def recall_refusal(ticket: Ticket, now: datetime, limits: RecallLimits) -> RuleViolation | None:
    """Why a MISSED ticket cannot be recalled now (the error to raise), or None when it can.

    Raises:
        InvalidInput: `now` is naive.
    """
    require_aware(now)
    number = ticket.number
    if ticket.state is not TicketState.MISSED:
        return RuleViolation(
            "ticket {number} is {state}, not missed", number=number, state=ticket.state
        )
    if ticket.recalls >= limits.max_recalls:
        return RuleViolation(
            "ticket {number} has used all {limit} recalls", number=number, limit=limits.max_recalls
        )
    ready = cooldown_end(ticket, limits)
    if now < ready:
        return RuleViolation(
            "ticket {number} can be recalled from {time}, not before",
            number=number,
            time=ready.strftime("%H:%M:%S"),
        )
    return None


def cooldown_end(ticket: Ticket, limits: RecallLimits) -> datetime:
    """When the cooldown after a ticket's last miss is over.

    From then on it may be recalled, or, with its recalls used up, it expires to a no-show.
    """
    # A row restored from storage may lack the miss time; the issue time is the safe floor.
    return (ticket.missed_at or ticket.issued_at) + limits.recall_cooldown


def can_recall(ticket: Ticket, now: datetime, limits: RecallLimits) -> bool:
    """Whether a MISSED ticket may be called again now (cooldown passed, recalls left)."""
    return recall_refusal(ticket, now, limits) is None


def is_eligible(ticket: Ticket, profile: WorkProfile, now: datetime) -> bool:
    """Whether the counter of `profile` may call this ticket now.

    Raises:
        InvalidInput: `now` is naive.
    """
    require_aware(now)
    if not _serves(profile, ticket):
        return False
    if ticket.state is TicketState.WAITING:
        return True
    return can_recall(ticket, now, profile)


def choose_next(waiting: Sequence[Ticket], profile: WorkProfile, now: datetime) -> Ticket | None:
    """Choose the ticket the counter calls next (see the module's ranking).

    Args:
        waiting: a snapshot of the hall's tickets; ineligible ones are skipped.
        profile: the calling counter's work profile.
        now: the time of the call, timezone-aware.

    Returns:
        The ticket to call (call it, or recall it when it is MISSED), or None if none is eligible.

    Raises:
        InvalidInput: `now` is naive.
    """
    eligible = [t for t in waiting if is_eligible(t, profile, now)]
    if not eligible:
        return None
    return min(eligible, key=lambda t: _rank(t, profile, now))


def _serves(profile: WorkProfile, ticket: Ticket) -> bool:
    if ticket.target_counter is None and ticket.target_staff is None:
        return ticket.service in profile.services
    counter_ok = ticket.target_counter in (None, profile.counter)
    staff_ok = ticket.target_staff is None or ticket.target_staff == profile.staff
    return counter_ok and staff_ok


def _rank(
    ticket: Ticket, profile: WorkProfile, now: datetime
) -> tuple[bool, bool, bool, int, int, QueueKey, str]:
    # False sorts before True, so each flag reads "lacks this precedence".
    appointment = ticket.appointment_at
    long_wait = profile.long_wait
    return (
        not (profile.green_channel_first and ticket.green_channel),
        not (appointment is not None and now >= appointment - profile.appointment_window),
        not (long_wait is not None and now - ticket.issued_at > long_wait),
        -ticket.priority,
        -profile.service_weights.get(ticket.service, 0),
        ticket.queue_key,
        ticket.id,
    )
