"""A ticket kiosk's or hall display's way to the hall queue: its registry and its credential.

Like a counter (`sync.setup`), a public screen uses the registry it is given (`--registry
URL`, enrolling the first time with a one-time code) or, without one, starts the embedded
registry of the data folder as its own child process — the same database a counter of that
folder uses — as the demo hall's kiosk K01 or display D01. A screen keeps no store: its
credential is a private file in the data folder, one per screen (`queue-kiosk.json`,
`queue-display.json`), naming the registry it belongs to. The embedded registry leaves a
screen a fresh enrolment code at every start, so a lost or refused credential is replaced.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from clerk.errors import InvalidInput
from sync.client import NotEnrolled
from sync.embedded import EmbeddedRegistry
from sync.queue_client import QueueClient
from sync.setup import CODE_VARIABLE, URL_VARIABLE

_log = logging.getLogger(__name__)

EMBEDDED = "embedded"
"""The registry name kept with a credential of the embedded registry (its port changes)."""
KIOSK, DISPLAY = "kiosk", "display"
DEMO_DEVICES = {KIOSK: "K01", DISPLAY: "D01"}
"""The embedded demo hall's device of each screen."""


@dataclass(frozen=True, slots=True)
class ScreenCredential:
    """What a screen keeps: the registry it enrolled with, its token, hall and device code."""

    registry: str
    token: str
    hall: str
    device: str


@dataclass
class ScreenConnection:
    """A screen's queue client (and the embedded registry it started, if any)."""

    client: QueueClient
    credential: ScreenCredential
    embedded: EmbeddedRegistry | None = None

    def close(self) -> None:
        """Close the client and stop the embedded registry."""
        self.client.close()
        if self.embedded is not None:
            self.embedded.stop()


def credential_path(folder: Path, screen: str) -> Path:
    """Where a screen's credential is kept in its data folder."""
    return folder / f"queue-{screen}.json"


def open_screen(
    folder: Path, *, screen: str, registry_url: str | None = None, code: str | None = None
) -> ScreenConnection:
    """Connect a kiosk or hall display to its registry (see the module).

    Args:
        folder: the screen's data folder (its credential, the embedded registry).
        screen: `KIOSK` or `DISPLAY`.
        registry_url: a configured registry (else $WINDOW_CLERK_REGISTRY_URL, else embedded).
        code: a one-time enrolment code for a configured registry (else the environment).

    Raises:
        InvalidInput: a configured registry, no credential for it yet, and no code.
        sync.client.SyncError: the registry refused the enrolment or cannot be reached.
        sync.embedded.EmbeddedRegistryFailed: the embedded registry did not start.
    """
    registry_url = registry_url or os.environ.get(URL_VARIABLE)
    path = credential_path(folder, screen)
    if registry_url:
        return _configured(path, registry_url, code or os.environ.get(CODE_VARIABLE), screen)
    return _embedded(folder, path, screen)


def _configured(path: Path, url: str, code: str | None, screen: str) -> ScreenConnection:
    saved = _read(path)
    if saved is not None and saved.registry == url:
        return ScreenConnection(QueueClient(url, token=saved.token), saved)
    if not code:
        raise InvalidInput(
            "this {screen} is not enrolled with {url} yet: ask the administrator for a one-time "
            "enrolment code and start with --enrolment-code CODE (or ${variable})",
            screen=screen,
            url=url,
            variable=CODE_VARIABLE,
        )
    client = QueueClient(url)
    try:
        return ScreenConnection(client, _enrol(client, path, code, url, screen))
    except BaseException:
        client.close()
        raise


def _embedded(folder: Path, path: Path, screen: str) -> ScreenConnection:
    embedded = EmbeddedRegistry(folder / "registry", counter=DEMO_DEVICES[screen])
    url = embedded.start()
    client = QueueClient(url)
    try:
        saved = _read(path)
        if saved is not None and saved.registry == EMBEDDED and _accepted(client, saved.token):
            embedded.forget_enrolment_code()
            return ScreenConnection(client, saved, embedded)
        fresh = embedded.take_enrolment_code()
        if fresh is None:
            raise InvalidInput(
                "the embedded registry left no enrolment code; see {log}",
                log=str(embedded.log_path),
            )
        credential = _enrol(client, path, fresh, EMBEDDED, screen)
        embedded.forget_enrolment_code()
        return ScreenConnection(client, credential, embedded)
    except BaseException:
        client.close()
        embedded.stop()
        raise


def _accepted(client: QueueClient, token: str) -> bool:
    """Whether the registry accepts `token` (which `client` then keeps)."""
    client.token = token
    try:
        client.services()
    except NotEnrolled:
        _log.warning("the embedded registry refused this screen's credential: enrolling again")
        client.token = None
        return False
    return True


def _enrol(
    client: QueueClient, path: Path, code: str, registry: str, screen: str
) -> ScreenCredential:
    enrolment = client.enrol(code, device_name=f"Window Clerk {screen}")
    client.token = enrolment.token
    credential = ScreenCredential(registry, enrolment.token, enrolment.hall, enrolment.counter)
    _write(path, credential)
    _log.info("%s enrolled as %s/%s", screen, enrolment.hall, enrolment.counter)
    return credential


def _read(path: Path) -> ScreenCredential | None:
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ScreenCredential(
            str(data["registry"]), str(data["token"]), str(data["hall"]), str(data["device"])
        )
    except (ValueError, KeyError, TypeError):
        _log.warning("the screen's credential file %s is damaged: ignored", path.name)
        return None


def _write(path: Path, credential: ScreenCredential) -> None:
    """Keep the credential in a file readable by this user only, replaced atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(
        {
            "registry": credential.registry,
            "token": credential.token,
            "hall": credential.hall,
            "device": credential.device,
        }
    )
    temporary = path.with_name(path.name + ".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)
