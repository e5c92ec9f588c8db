"""Errors of the local store, and how SQLite's integrity errors become the domain's errors."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk.errors import ClerkError, RuleViolation


class StoreError(ClerkError):
    """The local store cannot do what was asked (its message says why, for a person)."""


class StoreBusy(StoreError):
    """Another writer held the store's write lock longer than the busy timeout."""


class SchemaTooNew(StoreError):
    """The store was written by a newer Window Clerk; this version must not touch it."""


class MigrationFailed(StoreError):
    """A migration step failed; the store stays at the version before that step."""


def flush_or_refuse(session: Session, refusal: str) -> None:
    """Flush pending rows now, so that a constraint fails here and not at commit.

    Repositories check the expected cases first; this is the backstop for the rest. After it
    raised, the unit of work can only be left (it rolls back).

    Raises:
        RuleViolation: a constraint or trigger refused the rows (`refusal` says which action).
    """
    try:
        session.flush()
    except IntegrityError as err:
        raise RuleViolation(f"{refusal}: {err.orig}") from err
