"""Errors of the local store, and how SQLite's integrity errors become the domain's errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from sqlalchemy import CursorResult, Executable
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from clerk.errors import ClerkError, RuleViolation

# Set in a session's `info` once a write was refused by a constraint: the unit of work then
# refuses to commit, so a refused action can never be stored in part.
REFUSED = "clerk_refused"


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
        StoreError: the unit of work is read-only.
    """
    try:
        session.flush()
    except IntegrityError as err:
        session.info[REFUSED] = refusal
        raise RuleViolation("{refusal}: {reason}", refusal=refusal, reason=str(err.orig)) from err
    except OperationalError as err:
        _refuse_read_only(err)
        raise


def execute_or_refuse(
    session: Session,
    statement: Executable,
    refusal: str,
    parameters: Mapping[str, object] | None = None,
) -> CursorResult[Any]:
    """Run one Core statement in the unit of work's transaction (no ORM flush, no identity map).

    Statements built once per module with bound parameters cost little more than raw SQL: they
    are compiled once and cached; only `parameters` change from call to call.

    A constraint that refuses it marks the unit of work as refused: it can then only be left
    (its commit is refused and everything rolls back), as after a failed flush.

    Raises:
        RuleViolation: a constraint or trigger refused the statement (`refusal` says which).
        StoreError: the unit of work is read-only.
    """
    try:
        return session.connection().execute(statement, parameters)
    except IntegrityError as err:
        session.info[REFUSED] = refusal
        raise RuleViolation("{refusal}: {reason}", refusal=refusal, reason=str(err.orig)) from err
    except OperationalError as err:
        _refuse_read_only(err)
        raise


def _refuse_read_only(err: OperationalError) -> None:
    if getattr(err.orig, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY:
        raise StoreError("a read-only unit of work cannot change the store") from err
