"""A supervisor's credentials checked at this counter: at the registry, else offline.

The check is `sync.login.log_in`: the registry when it answers (its lock-outs count), and
otherwise the argon2 verifier the registry announced to this counter, so a supervisor can
approve at a counter cut off from the network. The check has its own registry client, since
a client is used by one thread at a time and the sync loop has its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clerk.staff import Actor
from clerk.store import Store
from sync.client import RegistryClient
from sync.login import log_in


@dataclass(frozen=True, slots=True)
class RegistryCredentials:
    """Checks staff credentials for this counter (`ui.decisions.desk.CredentialCheck`)."""

    store: Store
    client: RegistryClient | None

    def __call__(self, staff_id: str, password: str, now: datetime) -> Actor:
        """The staff member the credentials belong to.

        Raises:
            LoginRefused: wrong staff number or password, inactive, or locked out.
        """
        login = log_in(
            self.store.ledger(), self.client, staff_id=staff_id.strip(), password=password, now=now
        )
        return login.actor
