"""Staff login at the counter: at the registry when it answers, else against the cached verifier.

The registry announces each staff member of the hall with their argon2 verifier, so a counter
cut off from the network can still let its own staff in. Failed attempts are counted locally
too and lock the member out for a doubling time, exactly as the registry does.
"""

from __future__ import annotations

import functools
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from clerk.errors import ClerkError, PermissionDenied
from clerk.staff import Actor, Role
from sync.client import Busy, NotEnrolled, Offline, RegistryClient, SlowDown

if TYPE_CHECKING:
    from clerk.store import SyncLedger

_log = logging.getLogger(__name__)
_HASHER = PasswordHasher()
FREE_FAILURES = 4
MAX_LOCK = timedelta(minutes=15)


class LoginRefused(PermissionDenied):
    """Wrong staff number or password, an inactive member, or a lock-out (`retry_after`)."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Login:
    """A logged-in staff member; `session` is the registry's token when it was reached."""

    actor: Actor
    session: str | None
    offline: bool


def log_in(
    ledger: SyncLedger,
    client: RegistryClient | None,
    *,
    staff_id: str,
    password: str,
    now: datetime,
) -> Login:
    """Log a staff member in, at the registry if possible, else offline.

    Raises:
        LoginRefused: wrong staff number or password, inactive, or locked out.
    """
    if client is not None:
        try:
            session = client.login(staff_id, password)
        except (Offline, Busy):
            _log.info("registry unreachable: offline login for %s", staff_id)
        except NotEnrolled:
            raise LoginRefused("wrong staff number or password") from None
        except SlowDown as error:
            raise LoginRefused("too many failed logins", retry_after=error.retry_after) from None
        except ClerkError as error:
            raise LoginRefused(str(error)) from None
        else:
            actor = Actor(session.staff_id, session.name, Role(session.role))
            return Login(actor, session.token, offline=False)
    return Login(offline_login(ledger, staff_id=staff_id, password=password, now=now), None, True)


def offline_login(ledger: SyncLedger, *, staff_id: str, password: str, now: datetime) -> Actor:
    """Check a password against the verifier the registry announced for this hall.

    Raises:
        LoginRefused: unknown, inactive, locked out, or a wrong password.
    """
    member = ledger.staff(staff_id)
    if member is None or not member.active:
        _matches(_dummy_verifier(), password)  # the same work whether or not they exist
        raise LoginRefused("wrong staff number or password")
    if member.locked_until is not None and member.locked_until > now:
        wait = (member.locked_until - now).total_seconds()
        raise LoginRefused("too many failed logins", retry_after=wait)
    if not _matches(member.verifier, password):
        failures = member.failures + 1
        ledger.record_login(staff_id, failures=failures, locked_until=_lock_until(failures, now))
        raise LoginRefused("wrong staff number or password")
    if member.failures:
        ledger.record_login(staff_id, failures=0, locked_until=None)
    return Actor(member.staff_id, member.name, Role(member.role))


def _matches(verifier: str, password: str) -> bool:
    try:
        return _HASHER.verify(verifier, password)
    except (VerificationError, InvalidHashError):
        return False


def _lock_until(failures: int, now: datetime) -> datetime | None:
    if failures <= FREE_FAILURES:
        return None
    return now + min(MAX_LOCK, timedelta(seconds=2 ** (failures - FREE_FAILURES)))


@functools.cache
def _dummy_verifier() -> str:
    """A verifier nobody's password matches, made on first need."""
    return _HASHER.hash(secrets.token_hex(16))
