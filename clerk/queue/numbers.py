"""Ticket numbers (A001…): prefix letters plus a daily sequence, and optional daily caps."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from clerk.errors import InvalidInput, RuleViolation
from clerk.queue.tickets import Ticket

_PREFIX = re.compile(r"[A-Z]{1,4}")
_NUMBER = re.compile(r"([A-Z]{1,4})([0-9]{3,})")


@dataclass(frozen=True, slots=True)
class DailyCap:
    """At most `limit` tickets a day for one prefix (a local policy, configured per queue)."""

    limit: int

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise InvalidInput(
                "a daily cap must allow at least one ticket, not {limit}", limit=self.limit
            )


def format_number(prefix: str, seq: int) -> str:
    """Format a ticket number: the prefix and at least three digits ("A001", "A1000").

    Args:
        prefix: one to four upper-case ASCII letters naming the queue.
        seq: the day's sequence number, from 1.

    Returns:
        The number as printed on the ticket and announced.

    Raises:
        InvalidInput: malformed prefix, or a sequence below 1.
    """
    if not _PREFIX.fullmatch(prefix):
        raise InvalidInput(
            "ticket prefix must be 1 to 4 letters A-Z, not {prefix!r}", prefix=prefix
        )
    if seq < 1:
        raise InvalidInput("ticket sequence starts at 1, not {seq}", seq=seq)
    return f"{prefix}{seq:03d}"


def split_number(number: str) -> tuple[str, int]:
    """Split a ticket number into its prefix and sequence.

    Raises:
        InvalidInput: the text is not a ticket number as `format_number` writes it.
    """
    match = _NUMBER.fullmatch(number)
    if match is None or format_number(match[1], int(match[2])) != number:
        raise InvalidInput("{number!r} is not a ticket number such as A001", number=number)
    return match[1], int(match[2])


def next_number(prefix: str, issued_today: Sequence[str], *, cap: DailyCap | None = None) -> str:
    """The next number of a queue today; numbers restart at 001 every day.

    Args:
        prefix: the queue's prefix.
        issued_today: every number issued today under this prefix (the caller's day, so an
            empty list on a new day gives 001). Gaps are kept: the next is one past the highest.
        cap: the queue's daily cap, if it has one.

    Returns:
        The number to print on the next ticket.

    Raises:
        InvalidInput: a malformed number, or one with another prefix, among `issued_today`.
        RuleViolation: the daily cap is reached.
    """
    seqs = set()
    for number in issued_today:
        their_prefix, seq = split_number(number)
        if their_prefix != prefix:
            raise InvalidInput(
                "ticket {number} does not belong to queue {prefix}", number=number, prefix=prefix
            )
        seqs.add(seq)
    return number_after(prefix, DayCount(last=max(seqs, default=0), issued=len(seqs)), cap=cap)


@dataclass(frozen=True, slots=True)
class DayCount:
    """Where a queue's numbers stand today: the highest sequence and how many were issued.

    Gaps are kept (a number is never reused), so `issued` may be below `last`.
    """

    last: int = 0
    issued: int = 0


def number_after(prefix: str, today: DayCount, *, cap: DailyCap | None = None) -> str:
    """The next number of a queue whose day stands at `today` (one past the highest).

    Raises:
        InvalidInput: a malformed prefix.
        RuleViolation: the daily cap is reached.
    """
    if cap is not None and today.issued >= cap.limit:
        raise RuleViolation(
            "queue {prefix} has reached its daily cap of {limit} tickets",
            prefix=prefix,
            limit=cap.limit,
        )
    return format_number(prefix, today.last + 1)


def numbers_issued_on(tickets: Iterable[Ticket], *, prefix: str, day: date) -> list[str]:
    """The numbers of a queue issued on a day (by the local date of `issued_at`).

    This is what `next_number` needs as `issued_today`.
    """
    return [
        t.number
        for t in tickets
        if t.issued_at.date() == day and split_number(t.number)[0] == prefix
    ]
