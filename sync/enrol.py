"""Enrolling a counter: a one-time code becomes its credential, its identity and a new epoch."""

from __future__ import annotations

from clerk.ports import DeviceIdentity
from clerk.store import Credentials, Store
from sync.client import RegistryClient


def enrol(
    store: Store, client: RegistryClient, code: str, *, device_name: str = ""
) -> DeviceIdentity:
    """Enrol this counter with the registry `client` talks to and keep the credential.

    A store enrolled before keeps its identity and moves to the new epoch the registry issued,
    so the documents it numbers from now on can never repeat earlier numbers.

    Returns:
        The counter's identity with its new epoch.

    Raises:
        sync.client.NotEnrolled: the code is unknown, used or expired.
        clerk.errors.RuleViolation: the store belongs to another counter.
    """
    enrolment = client.enrol(code, device_name=device_name)
    identity = DeviceIdentity(
        enrolment.device_id, enrolment.hall, enrolment.counter, enrolment.device_epoch
    )
    identity = store.register(identity)
    store.ledger().save_credentials(
        Credentials(client.base_url, enrolment.token), epoch=enrolment.epoch
    )
    client.token = enrolment.token
    return identity
