"""Administration: halls, counters, staff, enrolment, the catalogue and the calendar.

These functions run inside one transaction each, from the command line (on the registry's
machine) or from the admin API. Everything a counter must know is announced as a change:
the catalogue and calendar in the global space, staff in their hall's space.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from clerk.catalog import Catalogue, catalogue_to_json
from clerk.staff import Role
from clerk.wire import GLOBAL_SPACE, Enrolment, canonical_json, hall_space
from clerk.workdays import CalendarOverride
from registry.auth import hash_password, new_token, token_hash
from registry.changes import Changes
from registry.db import lock_space, server_epoch, stamp
from registry.errors import BadRequest, Conflict, NotFoundError, Unauthorized
from registry.schema import CALENDAR, CATALOGUES, COUNTERS, ENROLMENTS, HALLS, STAFF

_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud or typed
_CODE_LENGTH = 12


@dataclass(frozen=True, slots=True)
class Counter:
    """A counter as the administrator sees it."""

    device_id: str
    hall: str
    code: str
    name: str
    epoch: int
    enrolled: bool
    revoked: bool


def create_hall(connection: Connection, *, code: str, name: str, now: datetime) -> None:
    """Add a hall.

    Raises:
        Conflict: the hall exists.
        BadRequest: the code is not 1–16 upper-case letters or digits.
    """
    _check_code(code, "hall")
    if connection.execute(select(HALLS.c.code).where(HALLS.c.code == code)).first():
        raise Conflict(f"hall {code} exists")
    connection.execute(insert(HALLS).values(code=code, name=name, created_at=stamp(now)))


def create_counter(connection: Connection, *, hall: str, code: str, name: str = "") -> Counter:
    """Add a counter (window) to a hall; it enrols later with a one-time code.

    Raises:
        NotFoundError: no such hall.
        Conflict: the hall already has this counter.
    """
    _check_code(code, "counter")
    _require_hall(connection, hall)
    exists = select(COUNTERS.c.device_id).where(COUNTERS.c.hall == hall, COUNTERS.c.code == code)
    if connection.execute(exists).first():
        raise Conflict(f"counter {hall}/{code} exists")
    device_id = f"{hall}-{code}-{secrets.token_hex(4)}"
    connection.execute(
        insert(COUNTERS).values(
            device_id=device_id, hall=hall, code=code, name=name or code, epoch=0
        )
    )
    return Counter(device_id, hall, code, name or code, 0, enrolled=False, revoked=False)


def enrolment_code(
    connection: Connection, *, hall: str, code: str, now: datetime, hours: int
) -> str:
    """Issue a one-time enrolment code for a counter (shown once; only its hash is kept).

    Raises:
        NotFoundError: no such counter.
    """
    device_id = _device_of(connection, hall, code)
    secret = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
    connection.execute(
        insert(ENROLMENTS).values(
            code_hash=token_hash(_normalise(secret)),
            device_id=device_id,
            created_at=stamp(now),
            expires_at=stamp(now + timedelta(hours=hours)),
        )
    )
    return "-".join(secret[i : i + 4] for i in range(0, _CODE_LENGTH, 4))


def enrol(connection: Connection, *, code: str, now: datetime) -> Enrolment:
    """Exchange a one-time code for the counter's credential and a new epoch.

    Re-enrolling a counter (a new machine, a restored one) gives it a new epoch, so its
    document numbers cannot repeat earlier ones, and the old credential stops working.

    Raises:
        Unauthorized: the code is unknown, used or expired.
    """
    row = connection.execute(
        select(ENROLMENTS).where(ENROLMENTS.c.code_hash == token_hash(_normalise(code)))
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= stamp(now):
        raise Unauthorized("this enrolment code is unknown, already used or expired")
    used = (
        update(ENROLMENTS)
        .where(ENROLMENTS.c.code_hash == row.code_hash, ENROLMENTS.c.used_at.is_(None))
        .values(used_at=stamp(now))
    )
    if connection.execute(used).rowcount != 1:
        raise Unauthorized("this enrolment code is unknown, already used or expired")
    counter = connection.execute(
        select(COUNTERS).where(COUNTERS.c.device_id == row.device_id)
    ).one()
    token = new_token()
    connection.execute(
        update(COUNTERS)
        .where(COUNTERS.c.device_id == counter.device_id)
        .values(
            epoch=counter.epoch + 1,
            token_hash=token_hash(token),
            enrolled_at=stamp(now),
            revoked_at=None,
        )
    )
    return Enrolment(
        device_id=counter.device_id,
        hall=counter.hall,
        counter=counter.code,
        device_epoch=counter.epoch + 1,
        token=token,
        epoch=server_epoch(connection),
    )


def revoke_counter(connection: Connection, *, hall: str, code: str, now: datetime) -> None:
    """Refuse a counter's credential from now on (a stolen or retired machine).

    Raises:
        NotFoundError: no such counter.
    """
    device_id = _device_of(connection, hall, code)
    connection.execute(
        update(COUNTERS).where(COUNTERS.c.device_id == device_id).values(revoked_at=stamp(now))
    )


def list_counters(connection: Connection, hall: str | None = None) -> list[Counter]:
    """Counters, of one hall or all, in hall and code order."""
    query = select(COUNTERS).order_by(COUNTERS.c.hall, COUNTERS.c.code)
    if hall is not None:
        query = query.where(COUNTERS.c.hall == hall)
    return [
        Counter(
            row.device_id,
            row.hall,
            row.code,
            row.name,
            row.epoch,
            row.token_hash is not None,
            row.revoked_at is not None,
        )
        for row in connection.execute(query)
    ]


def create_staff(
    connection: Connection,
    *,
    staff_id: str,
    hall: str,
    name: str,
    role: Role,
    password: str,
    now: datetime,
) -> None:
    """Add a staff member and announce them (with their password verifier) to the hall.

    Raises:
        BadRequest: the password is shorter than 8 characters.
        NotFoundError: no such hall.
        Conflict: the staff number exists.
    """
    if len(password) < 8:
        raise BadRequest("a password needs at least 8 characters")
    _require_hall(connection, hall)
    if connection.execute(select(STAFF.c.staff_id).where(STAFF.c.staff_id == staff_id)).first():
        raise Conflict(f"staff member {staff_id} exists")
    values = {
        "staff_id": staff_id,
        "hall": hall,
        "name": name,
        "role": role.value,
        "verifier": hash_password(password),
        "active": True,
        "failures": 0,
        "updated_at": stamp(now),
    }
    connection.execute(insert(STAFF).values(values))
    _announce_staff(connection, values, now)


def set_staff_active(connection: Connection, *, staff_id: str, active: bool, now: datetime) -> None:
    """Activate or deactivate a staff member (never deleted) and tell their hall.

    Raises:
        NotFoundError: no such staff member.
    """
    row = connection.execute(select(STAFF).where(STAFF.c.staff_id == staff_id)).first()
    if row is None:
        raise NotFoundError(f"no staff member {staff_id}")
    connection.execute(
        update(STAFF)
        .where(STAFF.c.staff_id == staff_id)
        .values(active=active, updated_at=stamp(now))
    )
    _announce_staff(connection, dict(row._mapping, active=active), now)


def _announce_staff(connection: Connection, row: dict[str, Any], now: datetime) -> None:
    space = hall_space(row["hall"])
    changes = Changes(connection, space, last=lock_space(connection, space))
    data = {key: row[key] for key in ("staff_id", "hall", "name", "role", "verifier", "active")}
    changes.add(("staff", row["staff_id"], data))
    changes.commit(stamp(now))


def import_catalogue(connection: Connection, catalogue: Catalogue, *, now: datetime) -> bool:
    """Install a catalogue version and announce it to every counter.

    Returns:
        False when this exact version was already installed (nothing changes).

    Raises:
        Conflict: the version exists with other content (versions never change).
    """
    data = catalogue_to_json(catalogue)
    text = canonical_json(data)
    held = connection.execute(
        select(CATALOGUES.c.data).where(CATALOGUES.c.version == catalogue.version)
    ).scalar()
    if held is not None:
        if held != text:
            raise Conflict(f"catalogue version {catalogue.version} exists with other content")
        return False
    connection.execute(
        insert(CATALOGUES).values(version=catalogue.version, data=text, installed_at=stamp(now))
    )
    changes = Changes(connection, GLOBAL_SPACE, last=lock_space(connection, GLOBAL_SPACE))
    changes.add(("catalogue", catalogue.version, {"version": catalogue.version, "catalogue": data}))
    changes.commit(stamp(now))
    return True


def set_calendar(
    connection: Connection,
    overrides: Sequence[CalendarOverride],
    *,
    complete_years: Sequence[int],
    now: datetime,
) -> None:
    """Replace the working-day overrides and announce them to every counter."""
    connection.execute(delete(CALENDAR))
    rows = [{"day": o.day.isoformat(), "workday": o.workday, "reason": o.reason} for o in overrides]
    if rows:
        connection.execute(insert(CALENDAR), rows)
    changes = Changes(connection, GLOBAL_SPACE, last=lock_space(connection, GLOBAL_SPACE))
    data = {"overrides": rows, "complete_years": sorted(set(complete_years))}
    changes.add(("calendar", "calendar", data))
    changes.commit(stamp(now))


def parse_calendar(text: str) -> tuple[list[CalendarOverride], list[int]]:
    """Read a calendar file: {"overrides": [{"day", "workday", "reason"}], "complete_years": []}.

    Raises:
        BadRequest: the file is not in that form.
    """
    from datetime import date  # noqa: PLC0415  (only the calendar file needs it)

    try:
        data = json.loads(text)
        overrides = [
            CalendarOverride(date.fromisoformat(o["day"]), bool(o["workday"]), str(o["reason"]))
            for o in data.get("overrides", [])
        ]
        years = [int(year) for year in data.get("complete_years", [])]
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise BadRequest(f"not a calendar file: {err}") from None
    return overrides, years


def _require_hall(connection: Connection, hall: str) -> None:
    if connection.execute(select(HALLS.c.code).where(HALLS.c.code == hall)).first() is None:
        raise NotFoundError(f"no hall {hall}")


def _device_of(connection: Connection, hall: str, code: str) -> str:
    query = select(COUNTERS.c.device_id).where(COUNTERS.c.hall == hall, COUNTERS.c.code == code)
    device_id = connection.execute(query).scalar()
    if device_id is None:
        raise NotFoundError(f"no counter {hall}/{code}")
    return str(device_id)


def _check_code(code: str, what: str) -> None:
    if not (1 <= len(code) <= 16 and code.isascii() and code.isalnum() and code == code.upper()):
        raise BadRequest(f"a {what} code is 1–16 upper-case letters or digits, not {code!r}")


def _normalise(code: str) -> str:
    return code.replace("-", "").replace(" ", "").upper()
