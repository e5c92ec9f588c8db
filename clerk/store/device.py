"""This counter's identity in the store: set once, then only its epoch moves (forward)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk.errors import InvalidInput, NotFound, RuleViolation
from clerk.ports import DeviceIdentity
from clerk.store.schema import DEVICE, DeviceRow

_ROW_ID = 1
_LOAD = select(DEVICE).where(DEVICE.c.id == _ROW_ID)


def load_device(session: Session) -> DeviceIdentity | None:
    """Return the stored identity, or None while the counter was never registered."""
    row = session.connection().execute(_LOAD).first()
    if row is None:
        return None
    return DeviceIdentity(row.device_id, row.hall, row.counter, row.epoch)


def require_device(session: Session) -> DeviceIdentity:
    """Return the stored identity.

    Raises:
        NotFound: the store was never opened with a device identity.
    """
    device = load_device(session)
    if device is None:
        raise NotFound("this counter has no device identity yet: register it first")
    return device


def ensure_device(session: Session, device: DeviceIdentity) -> DeviceIdentity:
    """Store the identity on first use, or check that it is the stored one.

    A higher epoch than the stored one is adopted (the registry issued it); a lower one is
    ignored, because epochs never move back.

    Returns:
        The identity now stored.

    Raises:
        RuleViolation: the store belongs to another device, hall or counter.
    """
    stored = load_device(session)
    if stored is None:
        _check_parts(device)
        row = DeviceRow(
            id=_ROW_ID,
            device_id=device.device_id,
            hall=device.hall,
            counter=device.counter,
            epoch=device.epoch,
        )
        session.add(row)
        session.flush()
        return device
    if (stored.device_id, stored.hall, stored.counter) != (
        device.device_id,
        device.hall,
        device.counter,
    ):
        raise RuleViolation(
            "this store belongs to device {device} ({hall}-{counter}), "
            "not to {other_device} ({other_hall}-{other_counter})",
            device=stored.device_id,
            hall=stored.hall,
            counter=stored.counter,
            other_device=device.device_id,
            other_hall=device.hall,
            other_counter=device.counter,
        )
    return advance_epoch(session, device.epoch) if device.epoch > stored.epoch else stored


def advance_epoch(session: Session, epoch: int | None = None) -> DeviceIdentity:
    """Move the epoch forward: to `epoch` (issued by the registry) or by one.

    Raises:
        NotFound: no identity is stored yet.
        RuleViolation: `epoch` is not above the current epoch.
    """
    stored = require_device(session)
    new = stored.epoch + 1 if epoch is None else epoch
    if new <= stored.epoch:
        raise RuleViolation(
            "epoch {new} is not above the current epoch {epoch}", new=new, epoch=stored.epoch
        )
    row = session.get_one(DeviceRow, _ROW_ID)
    row.epoch = new
    session.flush()
    return DeviceIdentity(stored.device_id, stored.hall, stored.counter, new)


def _check_parts(device: DeviceIdentity) -> None:
    # Hall and counter are printed inside document numbers, whose format allows [A-Z0-9] only.
    for name in ("hall", "counter"):
        value = getattr(device, name)
        if not value or not value.isascii() or not value.isalnum() or value != value.upper():
            raise InvalidInput(
                "device {name} {value!r} must be upper-case letters and digits",
                name=name,
                value=value,
            )
    if not device.device_id or device.epoch < 0:
        raise InvalidInput("a device needs an id and an epoch of at least 0")
