"""Append-only, hash-chained audit trail (全程留痕): every action leaves a verifiable trace.

Each counter keeps its own chain. An entry's hash covers its content and the previous entry's
hash, so removing, reordering or editing any entry breaks verification from that point on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeAlias

from clerk.errors import InvalidInput

GENESIS = "0" * 64
"""The `prev_hash` of a chain's first entry."""

JsonValue: TypeAlias = "str | int | float | bool | list[JsonValue] | dict[str, JsonValue] | None"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One sealed event of a counter's chain: who did what, when, to which case."""

    chain: str
    seq: int
    at: datetime
    actor: str
    action: str
    case_id: str | None
    prev_hash: str
    hash: str
    detail: Mapping[str, JsonValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """The outcome of verifying a chain: where it first breaks, and why.

    Attributes:
        ok: whether the whole chain verified.
        checked: how many entries verified before the break.
        first_bad_seq: the chain position (sequence number expected there) where it breaks,
            whatever sequence number the entry found there claims.
        reason: why it breaks there.
    """

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str | None = None


def _digest(
    *,
    chain: str,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    case_id: str | None,
    prev_hash: str,
    detail: Mapping[str, JsonValue],
) -> str:
    body = {
        "chain": chain,
        "seq": seq,
        # The instant, not its zone: the store hands times back in UTC.
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "case_id": case_id,
        "prev": prev_hash,
        "detail": detail,
    }
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def seal(
    previous: AuditEntry | None,
    *,
    chain: str,
    at: datetime,
    actor: str,
    action: str,
    case_id: str | None = None,
    detail: Mapping[str, JsonValue] | None = None,
) -> AuditEntry:
    """Create the entry that follows `previous` on a chain.

    Args:
        previous: the chain's last entry, or None for its first.
        chain: the chain's id (the counter's device id).
        at: when it happened; must be timezone-aware.
        actor: the staff member (or system component) who acted.
        action: a stable action code, e.g. "case.accepted".
        case_id: the case concerned, if any.
        detail: extra facts; never raw personal data such as ID numbers.

    Returns:
        The sealed entry.

    Raises:
        InvalidInput: naive time, or `previous` belongs to another chain.
    """
    if at.tzinfo is None:
        raise InvalidInput("audit time must be timezone-aware")
    if previous is not None and previous.chain != chain:
        raise InvalidInput(
            "entry of chain {previous!r} cannot precede chain {chain!r}",
            previous=previous.chain,
            chain=chain,
        )
    seq = 1 if previous is None else previous.seq + 1
    prev_hash = GENESIS if previous is None else previous.hash
    facts = dict(detail or {})
    digest = _digest(
        chain=chain,
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        case_id=case_id,
        prev_hash=prev_hash,
        detail=facts,
    )
    return AuditEntry(chain, seq, at, actor, action, case_id, prev_hash, digest, facts)


def verify_chain(entries: Iterable[AuditEntry]) -> ChainCheck:
    """Check that entries form one unbroken chain starting at sequence 1.

    Returns:
        ChainCheck with ok=True, or the first sequence number where it breaks and why.
    """
    expected_prev, expected_seq, checked, chain = GENESIS, 1, 0, None
    for entry in entries:
        chain = entry.chain if chain is None else chain
        problem = _problem(entry, chain=chain, seq=expected_seq, prev=expected_prev)
        if problem is not None:
            return ChainCheck(False, checked, expected_seq, problem)
        expected_prev, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
    return ChainCheck(True, checked)


def _problem(entry: AuditEntry, *, chain: str, seq: int, prev: str) -> str | None:
    if entry.chain != chain:
        return f"entry belongs to chain {entry.chain!r}, expected {chain!r}"
    if entry.seq != seq:
        return f"sequence {entry.seq} found where {seq} was expected (entry missing or reordered)"
    if entry.prev_hash != prev:
        return "previous-hash link does not match the entry before it"
    if not is_sealed(entry):
        return "content does not match its hash (entry was altered)"
    return None


def is_sealed(entry: AuditEntry) -> bool:
    """Whether the entry's hash matches its content (its link is checked by `verify_chain`)."""
    recomputed = _digest(
        chain=entry.chain,
        seq=entry.seq,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        case_id=entry.case_id,
        prev_hash=entry.prev_hash,
        detail=entry.detail,
    )
    return recomputed == entry.hash


def entry_to_json(entry: AuditEntry) -> dict[str, JsonValue]:
    """The entry as plain JSON (how it travels to the registry and is exported)."""
    return {
        "chain": entry.chain,
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": entry.actor,
        "action": entry.action,
        "case_id": entry.case_id,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
        "detail": dict(entry.detail),
    }


def entry_from_json(data: Mapping[str, object]) -> AuditEntry:
    """Rebuild an entry from `entry_to_json`'s form.

    Raises:
        InvalidInput: a field is missing or of the wrong type.
    """
    try:
        detail = data["detail"]
        case_id = data["case_id"]
        if not isinstance(detail, dict) or not (case_id is None or isinstance(case_id, str)):
            raise TypeError("detail or case_id")
        at = datetime.fromisoformat(str(data["at"]))
        if at.tzinfo is None:
            raise TypeError("naive time")
        seq = data["seq"]
        if not isinstance(seq, int) or isinstance(seq, bool):
            raise TypeError("seq")
        texts = [data[key] for key in ("chain", "actor", "action", "prev_hash", "hash")]
        if not all(isinstance(text, str) for text in texts):
            raise TypeError("text field")
    except (KeyError, TypeError, ValueError) as err:
        raise InvalidInput("not an audit entry: {reason}", reason=str(err)) from None
    chain, actor, action, prev_hash, digest = (str(text) for text in texts)
    return AuditEntry(chain, seq, at, actor, action, case_id, prev_hash, digest, detail)
