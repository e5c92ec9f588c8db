"""Credentials: counter tokens, staff passwords (argon2) and signed staff sessions.

A counter's token is random and stored only as its SHA-256; a staff session is a signed,
expiring token (HMAC-SHA256 with the registry's secret) that any registry process can check,
while the staff row is still read on every request so a deactivated member is refused at once.
Repeated failed logins lock the member out for a doubling time.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, bindparam, select, update

from clerk.staff import Role
from registry.access_log import note_caller
from registry.db import stamp
from registry.errors import SlowDown, Unauthorized
from registry.schema import COUNTERS, STAFF

_log = logging.getLogger(__name__)

DEVICE_PREFIX = "wcd_"
SESSION_PREFIX = "wcs."
FREE_FAILURES = 4  # failed logins allowed before the lock-out starts
MAX_LOCK_SECONDS = 15 * 60
_HASHER = PasswordHasher()


def new_token(prefix: str = DEVICE_PREFIX) -> str:
    """A random credential (shown once; only its hash is stored)."""
    return prefix + secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The stored form of a random token."""
    return hashlib.sha256(token.encode()).hexdigest()


def set_password_cost(*, time_cost: int, memory_kib: int) -> None:
    """Make new verifiers cheaper or dearer (tests make many; checks read the cost from each).

    A verifier carries its own parameters, so verifiers made at any cost keep verifying.
    """
    global _HASHER  # noqa: PLW0603  (one hasher per process, set before use)
    _HASHER = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=1)


def hash_password(password: str) -> str:
    """An argon2id verifier for a password."""
    return _HASHER.hash(password)


def password_matches(verifier: str, password: str) -> bool:
    """Whether a password matches its argon2 verifier (False for a damaged verifier)."""
    try:
        return _HASHER.verify(verifier, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True, slots=True)
class Device:
    """An enrolled, unrevoked counter, as authenticated from its token."""

    device_id: str
    hall: str
    counter: str
    epoch: int
    desk_locked: bool = False
    """Whether this transaction already holds the counter's queue lock: taken with the
    authentication (`registry.queue_config.authenticate_at_desk`, PostgreSQL)."""


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A logged-in, active staff member."""

    staff_id: str
    name: str
    role: Role
    hall: str


_DEVICE = select(COUNTERS).where(COUNTERS.c.token_hash == bindparam("token_hash"))
"""The counter holding a token (built once: every device request asks)."""


def authenticate_device(connection: Connection, token: str) -> Device:
    """The counter owning `token`.

    Raises:
        Unauthorized: unknown token, or the counter was revoked.
    """
    return device_from_row(connection.execute(_DEVICE, {"token_hash": token_hash(token)}).first())


def device_from_row(row: Any, *, desk_locked: bool = False) -> Device:
    """The device of a `counters` row read by its token's hash (None: no such token).

    Raises:
        Unauthorized: unknown token, or the counter was revoked.
    """
    if row is None:
        raise Unauthorized("this counter credential is not known to the registry")
    if row.revoked_at is not None:
        raise Unauthorized(f"counter {row.hall}/{row.code} was revoked at {row.revoked_at}")
    note_caller(hall=row.hall, device=row.code)
    return Device(row.device_id, row.hall, row.code, row.epoch, desk_locked)


def sign_session(member: StaffMember, *, secret: str, expires: datetime) -> str:
    """A staff session token that expires at `expires`."""
    body = json.dumps(
        {"sid": member.staff_id, "exp": int(expires.timestamp())}, separators=(",", ":")
    ).encode()
    encoded = base64.urlsafe_b64encode(body).rstrip(b"=").decode()
    return f"{SESSION_PREFIX}{encoded}.{_mac(encoded, secret)}"


def _mac(encoded: str, secret: str) -> str:
    return hmac.new(secret.encode(), encoded.encode(), hashlib.sha256).hexdigest()


def authenticate_staff(
    connection: Connection, token: str, *, secret: str, now: datetime
) -> StaffMember:
    """The active staff member a session token was issued to.

    Raises:
        Unauthorized: a forged, malformed or expired token, or an inactive member.
    """
    staff_id = _session_subject(token, secret=secret, now=now)
    row = connection.execute(select(STAFF).where(STAFF.c.staff_id == staff_id)).first()
    if row is None or not row.active:
        raise Unauthorized(f"staff member {staff_id} is not active")
    note_caller(hall=row.hall)
    _log.debug("staff %s signed in", staff_id)
    return StaffMember(row.staff_id, row.name, Role(row.role), row.hall)


def _session_subject(token: str, *, secret: str, now: datetime) -> str:
    encoded, _, mac = token.removeprefix(SESSION_PREFIX).partition(".")
    # Compared as bytes: compare_digest raises TypeError on a str with non-ASCII characters.
    expected = _mac(encoded, secret).encode()
    if not token.startswith(SESSION_PREFIX) or not hmac.compare_digest(mac.encode(), expected):
        raise Unauthorized("this staff session is not valid")
    try:
        claims = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
        staff_id, expires = str(claims["sid"]), int(claims["exp"])
    except (ValueError, KeyError, TypeError):
        raise Unauthorized("this staff session is not valid") from None
    if expires <= now.timestamp():
        raise Unauthorized("this staff session has expired: log in again")
    return staff_id


def check_login(
    connection: Connection, *, staff_id: str, password: str, now: datetime
) -> StaffMember:
    """Check a password, counting failures and locking the member out for a doubling time.

    Raises:
        SlowDown: too many recent failures; try again after `retry_after` seconds.
        Unauthorized: unknown member, inactive, or a wrong password (the same message for each).
    """
    row = connection.execute(select(STAFF).where(STAFF.c.staff_id == staff_id)).first()
    if row is None or not row.active:
        password_matches(_dummy_verifier(), password)  # the same work as for a real member
        raise Unauthorized("wrong staff number or password")
    if row.locked_until is not None and row.locked_until > stamp(now):
        wait = datetime.fromisoformat(row.locked_until) - now
        raise SlowDown("too many failed logins", retry_after=max(1, int(wait.total_seconds()) + 1))
    if not password_matches(row.verifier, password):
        failures = row.failures + 1
        _log.debug("login of %s refused: wrong password (%d in a row)", staff_id, failures)
        connection.execute(
            update(STAFF)
            .where(STAFF.c.staff_id == staff_id)
            .values(failures=failures, locked_until=_lock_until(failures, now))
        )
        raise Unauthorized("wrong staff number or password")
    if row.failures:
        connection.execute(
            update(STAFF).where(STAFF.c.staff_id == staff_id).values(failures=0, locked_until=None)
        )
    return StaffMember(row.staff_id, row.name, Role(row.role), row.hall)


def _lock_until(failures: int, now: datetime) -> str | None:
    if failures <= FREE_FAILURES:
        return None
    seconds = min(MAX_LOCK_SECONDS, 2 ** (failures - FREE_FAILURES))
    return stamp(now + timedelta(seconds=seconds))


@functools.cache
def _dummy_verifier() -> str:
    """A verifier nobody's password matches, made on first need (not at every start)."""
    return _HASHER.hash(secrets.token_hex(16))
