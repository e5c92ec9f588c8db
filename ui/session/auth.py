"""Checking a staff member's password for the session screens, off the GUI thread (no Qt).

`Authenticator` owns its own registry client, apart from the sync loop's (a client is used by
one thread at a time), and serialises its calls with a lock, so the login dialog and the lock
screen may both use it from a lane.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sync.client import RegistryClient, SyncError
from sync.login import Login, log_in

if TYPE_CHECKING:
    from clerk.store import SyncLedger
    from sync.setup import Connection

_log = logging.getLogger(__name__)

LOGIN_TIMEOUT = (3.05, 10.0)
"""Connect and read timeouts of a login: a clerk waits at most this long before going offline."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Authenticator:
    """Logs staff in at the registry when it answers, else against the hall's cached verifiers."""

    def __init__(
        self,
        ledger: SyncLedger,
        registry_url: str | None,
        *,
        clock: Callable[[], datetime] = _utc_now,
        timeout: tuple[float, float] = LOGIN_TIMEOUT,
    ) -> None:
        self._ledger = ledger
        self._client = RegistryClient(registry_url, timeout=timeout) if registry_url else None
        self._clock = clock
        self._lock = threading.Lock()

    @classmethod
    def for_connection(
        cls, connection: Connection, *, clock: Callable[[], datetime] = _utc_now
    ) -> Authenticator:
        """The authenticator of an open counter (its store, the registry it syncs with)."""
        return cls(connection.store.ledger(), connection.client.base_url, clock=clock)

    def reachable(self) -> bool:
        """Whether the registry answers now (blocking: call it off the GUI thread)."""
        if self._client is None:
            return False
        with self._lock:
            try:
                self._client.health()
            except SyncError:
                return False
        return True

    def log_in(self, staff_id: str, password: str) -> Login:
        """Check a staff member's password (blocking: call it off the GUI thread).

        Returns:
            The login; `offline` says whether only the cached verifier was checked.

        Raises:
            sync.login.LoginRefused: wrong staff number or password, inactive, or locked out
                (`retry_after` seconds), at the registry or locally.
        """
        with self._lock:
            login = log_in(
                self._ledger, self._client, staff_id=staff_id, password=password, now=self._clock()
            )
        _log.info("%s signed in (%s)", staff_id, "offline" if login.offline else "online")
        return login

    def close(self) -> None:
        """Close the registry client's connections."""
        if self._client is not None:
            self._client.close()
