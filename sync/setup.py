"""Connecting a counter's store to its registry: a configured one, or the embedded default.

A configured registry (URL, and a one-time code the first time) is used as it is. Without
one, the counter starts its embedded registry and enrols with the code it leaves. A store
that already holds a credential keeps it; only the embedded registry's port changes per start.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from clerk.errors import InvalidInput, NotFound
from clerk.private import private_folder
from clerk.store import Store, open_store
from clerk.store.peek import STORE_FILE
from sync.client import RegistryClient
from sync.embedded import EmbeddedRegistry
from sync.enrol import enrol

_log = logging.getLogger(__name__)

URL_VARIABLE = "WINDOW_CLERK_REGISTRY_URL"
CODE_VARIABLE = "WINDOW_CLERK_ENROLMENT_CODE"


@dataclass
class Connection:
    """A counter's store with its registry client (and the embedded registry, if any)."""

    store: Store
    client: RegistryClient
    embedded: EmbeddedRegistry | None = None

    def close(self) -> None:
        """Close the client and the store, stop the embedded registry."""
        self.client.close()
        self.store.close()
        if self.embedded is not None:
            self.embedded.stop()


def open_counter(
    folder: Path, *, registry_url: str | None = None, code: str | None = None
) -> Connection:
    """Open the counter's store in `folder` and connect it to its registry.

    Args:
        folder: the counter's data folder (store, scans, embedded registry).
        registry_url: a configured registry (else $WINDOW_CLERK_REGISTRY_URL, else embedded).
        code: a one-time enrolment code for a configured registry (else the environment).

    Raises:
        InvalidInput: a configured registry, no credential yet, and no enrolment code.
        sync.client.SyncError: the registry refused the enrolment or cannot be reached.
        sync.embedded.EmbeddedRegistryFailed: the embedded registry did not start.
    """
    registry_url = registry_url or os.environ.get(URL_VARIABLE)
    private_folder(folder)  # the store, scans, logs and settings: the application's user only
    store = _open_store(folder)
    try:
        if registry_url:
            return _configured(store, registry_url, code or os.environ.get(CODE_VARIABLE))
        return _embedded(store, folder)
    except BaseException:
        store.close()
        raise


def _open_store(folder: Path) -> Store:
    path = folder / STORE_FILE
    store = open_store(path)
    if store.ledger().credentials() is not None:
        return store
    try:
        store.device  # noqa: B018 - NotFound for a store that was never registered
    except NotFound:
        return store
    # A store from before enrolment existed (a local demo identity, never synchronised):
    # keep it aside untouched and start a fresh one that the registry will identify.
    store.close()
    kept = path.with_name(f"{STORE_FILE}.unenrolled-{datetime.now(UTC):%Y%m%dT%H%M%S}")
    path.rename(kept)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(kept.with_name(kept.name + suffix))
    _log.warning("a store without a registry identity was kept aside as %s", kept.name)
    return open_store(path)


def _configured(store: Store, url: str, code: str | None) -> Connection:
    credentials = store.ledger().credentials()
    if credentials is not None:
        return Connection(store, RegistryClient(url, token=credentials.token))
    if not code:
        raise InvalidInput(
            "this counter is not enrolled with {url} yet: ask the administrator for a one-time "
            "enrolment code and start with --enrolment-code CODE (or ${variable})",
            url=url,
            variable=CODE_VARIABLE,
        )
    client = RegistryClient(url)
    enrol(store, client, code)
    return Connection(store, client)


def _embedded(store: Store, folder: Path) -> Connection:
    embedded = EmbeddedRegistry(folder / "registry")
    url = embedded.start()
    try:
        credentials = store.ledger().credentials()
        if credentials is not None:
            store.ledger().move_registry(url)
            return Connection(store, RegistryClient(url, token=credentials.token), embedded)
        code = embedded.take_enrolment_code()
        if code is None:
            raise InvalidInput(
                "the embedded registry left no enrolment code; see {log}",
                log=str(embedded.log_path),
            )
        client = RegistryClient(url)
        enrol(store, client, code)
        embedded.forget_enrolment_code()
        return Connection(store, client, embedded)
    except BaseException:
        embedded.stop()
        raise
