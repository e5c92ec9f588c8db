"""The sync protocol's messages: plain dataclasses shared by the registry and the counters.

The registry serves them as its OpenAPI schema (FastAPI reads dataclasses) and the client
builds them from JSON with `from_wire`. Nothing here does I/O; SYNC.md is the contract.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar, get_type_hints

from clerk.errors import InvalidInput
from clerk.staff import Role

API_PREFIX = "/api/v1"
EPOCH_HEADER = "X-Registry-Epoch"
CLIENT_VERSION_HEADER = "X-Client-Version"
PROTOCOL_VERSION = 1
"""The operation payload version this build writes and the registry applies."""
MAX_BATCH_OPS = 500
MAX_BODY_BYTES = 8 * 1024 * 1024
"""The largest request body (after gzip is undone) the registry reads."""
BLOB_CHUNK_BYTES = 4 * 1024 * 1024
GLOBAL_SPACE = "global"


def canonical_json(value: Mapping[str, object]) -> str:
    """Return the one text form of a JSON object: sorted keys, compact, UTF-8 characters kept.

    Both sides hash this text, so a payload's SHA-256 is the same at the counter and the registry.

    Raises:
        InvalidInput: the value is not plain JSON (NaN, infinity, or a non-JSON type).
    """
    try:
        return json.dumps(
            value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )
    except (TypeError, ValueError) as err:
        raise InvalidInput("value is not plain JSON: {reason}", reason=str(err)) from err


def sha256_text(text: str) -> str:
    """Return the hex SHA-256 of the text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hall_space(hall: str) -> str:
    """The change space of one hall (its cases and staff)."""
    return f"hall:{hall}"


class ResultState(StrEnum):
    """What the registry did with one pushed operation."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Operation:
    """One outbox operation as pushed (SYNC.md, Operations)."""

    op_id: str
    client_seq: int
    op_type: str
    payload_version: int
    entity_id: str
    base_version: int | None
    payload: dict[str, Any]
    payload_sha256: str


@dataclass(frozen=True, slots=True)
class PushRequest:
    """A bounded batch of operations from one counter, in client_seq order."""

    ops: list[Operation]


@dataclass(frozen=True, slots=True)
class OpResult:
    """The registry's answer for one operation."""

    op_id: str
    state: ResultState
    code: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class PushResponse:
    """Per-operation results of a push, with the registry's epoch."""

    epoch: str
    results: list[OpResult]


@dataclass(frozen=True, slots=True)
class Change:
    """One change of a space, at its position (version) in commit order."""

    version: int
    kind: str
    entity_id: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ChangePage:
    """Changes of a space after a cursor; `more` says whether another page follows."""

    epoch: str
    space: str
    changes: list[Change]
    more: bool


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the registry holds of one counter: its epoch and the last client_seq it applied."""

    epoch: str
    device_id: str
    hall: str
    counter: str
    device_epoch: int
    last_client_seq: int
    server_time: str


@dataclass(frozen=True, slots=True)
class EnrolRequest:
    """A counter asking for its credential with a one-time enrolment code."""

    code: str
    device_name: str = ""


@dataclass(frozen=True, slots=True)
class Enrolment:
    """A counter's credential (shown once) and its identity with a new epoch."""

    device_id: str
    hall: str
    counter: str
    device_epoch: int
    token: str
    epoch: str


@dataclass(frozen=True, slots=True)
class LoginRequest:
    """A staff member logging in."""

    staff_id: str
    password: str


@dataclass(frozen=True, slots=True)
class StaffSession:
    """A staff member's bearer token and what it allows."""

    token: str
    staff_id: str
    name: str
    role: Role
    hall: str
    expires_at: str


@dataclass(frozen=True, slots=True)
class HashList:
    """SHA-256 hashes (lowercase hex) of blobs."""

    hashes: list[str]


@dataclass(frozen=True, slots=True)
class UploadState:
    """How much of a blob the registry holds; `verified` once its hash was checked."""

    sha256: str
    size: int
    received: int
    verified: bool


@dataclass(frozen=True, slots=True)
class Decision:
    """A back-office decision on a case, sent as an intent to the registry's state machine.

    `action` is one of start_review, suspend, resume, extend, approve, disapprove, complete,
    terminate; `base_version` is the case version the decision was made on (compare-and-set).
    """

    action: str
    base_version: int
    reason: str = ""
    days: int | None = None
    kind: str = ""


@dataclass(frozen=True, slots=True)
class CaseState:
    """The registry's copy of a case."""

    case_id: str
    number: str
    hall: str
    status: str
    version: int
    materials_pending: bool
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Problem:
    """An error answer: what went wrong, for a person and for a program."""

    code: str
    message: str
    details: list[str] = field(default_factory=list)


_T = TypeVar("_T")


def to_wire(value: Any) -> Any:
    """Turn a message (or a list of them) into plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_wire(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_wire(item) for item in value]
    return value


def from_wire(kind: type[_T], data: Any) -> _T:
    """Build a message from parsed JSON, checking every field's presence and plain type.

    Raises:
        InvalidInput: a field is missing or of the wrong type.
    """
    if not isinstance(data, dict):
        raise InvalidInput("{kind}: expected an object", kind=kind.__name__)
    hints = _type_hints(kind)
    values: dict[str, Any] = {}
    for item in dataclasses.fields(kind):  # type: ignore[arg-type]
        if item.name not in data:
            if item.default is dataclasses.MISSING and item.default_factory is dataclasses.MISSING:
                raise InvalidInput("{kind}.{name} is missing", kind=kind.__name__, name=item.name)
            continue
        values[item.name] = _field(kind, item.name, hints[item.name], data[item.name])
    return kind(**values)


_HINTS: dict[type, dict[str, Any]] = {}


def _type_hints(kind: type) -> dict[str, Any]:
    # Resolving the string annotations costs more than decoding a message: once per class.
    hints = _HINTS.get(kind)
    if hints is None:
        hints = _HINTS[kind] = get_type_hints(kind)
    return hints


def _field(kind: type, name: str, hint: Any, value: Any) -> Any:
    origin = getattr(hint, "__origin__", None)
    if origin is list:
        (inner,) = hint.__args__
        if not isinstance(value, list):
            raise InvalidInput("{kind}.{name}: expected a list", kind=kind.__name__, name=name)
        if isinstance(inner, type) and dataclasses.is_dataclass(inner):
            return [from_wire(inner, item) for item in value]
        return list(value)
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        try:
            return hint(value)
        except ValueError as err:
            raise InvalidInput(
                "{kind}.{name}: {value} is not allowed",
                kind=kind.__name__,
                name=name,
                value=repr(value),
            ) from err
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_wire(hint, value)
    return _plain(kind, name, hint, value)


def _plain(kind: type, name: str, hint: Any, value: Any) -> Any:
    allowed: tuple[type, ...]
    if hint in (int, str, bool):
        allowed = (hint,)
    elif hint == int | None:
        allowed = (int, type(None))
    elif hint == str | None:
        allowed = (str, type(None))
    elif getattr(hint, "__origin__", None) is dict:
        allowed = (dict,)
    else:
        return value
    if not isinstance(value, allowed) or (int in allowed and isinstance(value, bool)):
        raise InvalidInput(
            "{kind}.{name}: expected {hint}, got {type}",
            kind=kind.__name__,
            name=name,
            hint=str(hint),
            type=type(value).__name__,
        )
    return value
