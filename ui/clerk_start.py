"""A clerk's start on an enrolled counter: the sign-in dialog first, while the registry boots.

A clerk starting the counter types a staff number and a password before anything else; the
dialog needs only the local store to name the counter. So it shows at once, while the counter
connects to its registry on a thread (the embedded one may take a second or more to answer):
the form says it is connecting until it knows whether the registry answers (online or offline
login), and a password is checked once the connection is there — at the registry when it
answers, else offline, exactly as before.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from clerk.store.peek import STORE_FILE, enrolled_counter
from ui.prestart import URL_VARIABLE
from ui.session.auth import Authenticator
from ui.session.login import LoginDialog
from ui.settings import REGISTRY_URL, CounterSettings
from ui.starting import in_background

if TYPE_CHECKING:
    from sync.login import Login
    from sync.setup import Connection


def enrolled_label(folder: Path) -> str | None:
    """How the counter in `folder` is named ("DEMO · W01"), or None when it is not enrolled
    or its store cannot be read at a glance (then the full start opens it: enrolment first)."""
    counter = enrolled_counter(folder / STORE_FILE)
    return None if counter is None else counter.label


def _open_counter(folder: Path, registry_url: str | None) -> Connection:
    """`sync.setup.open_counter`, imported on the connecting thread (it brings SQLAlchemy)."""
    from sync.setup import open_counter  # noqa: PLC0415 - heavy: off the GUI thread

    return open_counter(folder, registry_url=registry_url)


class PendingAuthenticator(Authenticator):
    """An `Authenticator` whose counter is still connecting: each check first waits for the
    connection (on the form's lane, never the GUI thread), then checks as the counter's own."""

    def __init__(self, connecting: Future[Connection]) -> None:
        # No `super().__init__`: every method is its own, delegating to the real one.
        self._connecting = connecting
        self._ready: Authenticator | None = None
        self._making = threading.Lock()

    def connected(self) -> Authenticator:
        """The counter's authenticator (waits for the connection; raises its failure)."""
        connection = self._connecting.result()
        with self._making:
            if self._ready is None:
                self._ready = Authenticator.for_connection(connection)
            return self._ready

    def reachable(self) -> bool:
        """Whether the registry answers, once the counter is connected (blocking)."""
        return self.connected().reachable()

    def log_in(self, staff_id: str, password: str) -> Login:
        """Check a password once the counter is connected (blocking; see `Authenticator`)."""
        return self.connected().log_in(staff_id, password)

    def close(self) -> None:
        """Close the counter's authenticator, if it was made."""
        if self._ready is not None:
            self._ready.close()


@dataclass(frozen=True, slots=True)
class ClerkSignedIn:
    """The outcome of a clerk's start: the connection (None if it failed: `failure`), the
    authenticator that checked the password, and the login (None: cancelled)."""

    connection: Connection | None
    authenticator: PendingAuthenticator
    login: Login | None
    failure: Exception | None = None


def sign_in_while_connecting(
    folder: Path, *, label: str, settings: CounterSettings, registry_url: str | None
) -> ClerkSignedIn:
    """Show the sign-in dialog at once and connect the enrolled counter meanwhile.

    The registry is chosen as `ui.session.enrolment.ensure_enrolled` chooses it for an
    enrolled counter: `registry_url`, else $WINDOW_CLERK_REGISTRY_URL, else the settings',
    else the embedded default (already launched by `ui.prestart`).
    """
    url = registry_url or os.environ.get(URL_VARIABLE) or settings.get(REGISTRY_URL) or None
    connecting = in_background(lambda: _open_counter(folder, url), name="connect")
    authenticator = PendingAuthenticator(connecting)
    dialog = LoginDialog(authenticator, counter_label=label)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        login = dialog.login if accepted else None
    finally:
        dialog.deleteLater()
    try:
        connection = connecting.result()
    except Exception as error:  # handed to the caller, which tells the clerk
        return ClerkSignedIn(None, authenticator, None, failure=error)
    return ClerkSignedIn(connection, authenticator, login)
