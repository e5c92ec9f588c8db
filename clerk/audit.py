"""Append-only, hash-chained audit trail (全程留痕): every action leaves a verifiable trace.

Each counter keeps one chain per epoch (`chain_id`). An entry's hash covers its content and the
previous entry's hash, so removing, reordering or editing any entry breaks verification from
that point on. A counter restored from a backup takes a new epoch and so a new chain: it never
seals again a sequence number it already sealed (and pushed) after the backup was taken.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TypeAlias

from clerk.errors import InvalidInput

GENESIS = "0" * 64
"""The `prev_hash` of a chain's first entry."""

LINK = "continues"
"""The fact in the first entry of a later epoch's chain naming the entry it continues from."""

_LATER_CHAIN = re.compile(r"(?P<device>.+)@e(?P<epoch>[1-9][0-9]*)", re.ASCII | re.DOTALL)

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
        chain: the chain that breaks (set when several chains were verified).
        chains: how many chains were verified.
    """

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: str | None = None
    chain: str | None = None
    chains: int = 1


def chain_id(device_id: str, epoch: int) -> str:
    """The id of the chain a device seals its audit entries onto during one epoch.

    Up to epoch 1 the chain is the device id itself (so stores and registries from before
    chains were per epoch stay valid); each later epoch has its own chain, `{device_id}@e{epoch}`,
    which starts again at sequence 1. Device ids never contain "@" (the registry issues
    `{hall}-{counter}-{hex}`).
    """
    return device_id if epoch <= 1 else f"{device_id}@e{epoch}"


def device_of_chain(chain: str) -> str:
    """The device whose chain this is (`chain_id`'s inverse); a chain of no epoch is its own."""
    return _parse_chain(chain)[0]


def epoch_of_chain(chain: str) -> int:
    """The epoch a device's chain belongs to: 1 for the chain named by the device id alone."""
    return _parse_chain(chain)[1]


def _parse_chain(chain: str) -> tuple[str, int]:
    match = _LATER_CHAIN.fullmatch(chain)
    if match is None or int(match["epoch"]) < 2:
        return chain, 1
    return match["device"], int(match["epoch"])


def link_to(previous: AuditEntry) -> dict[str, JsonValue]:
    """The facts by which the first entry of a new epoch's chain names the entry before it."""
    return {LINK: {"chain": previous.chain, "seq": previous.seq, "hash": previous.hash}}


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
        chain: the chain's id (`chain_id` of the counter and its epoch).
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


def verify_chains(device_id: str, chains: Mapping[str, Sequence[AuditEntry]]) -> ChainCheck:
    """Check every chain of one device, oldest epoch first.

    Each chain must be the device's (`device_of_chain`), unbroken from sequence 1, and a later
    epoch's chain whose first entry names the entry it continues (`link_to`) must name one held
    on an earlier chain of the device, with its hash.

    Args:
        device_id: the device.
        chains: each chain's entries in sequence order, by chain id.

    Returns:
        ChainCheck over them all (`checked` counts every entry that verified), naming the chain
        that breaks, if one does.
    """
    checked = 0
    for chain in sorted(chains, key=lambda chain: (epoch_of_chain(chain), chain)):
        check = _check_one(device_id, chain, chains)
        if not check.ok:
            return replace(check, checked=checked + check.checked, chain=chain, chains=len(chains))
        checked += check.checked
    return ChainCheck(True, checked, chains=len(chains))


def _check_one(
    device_id: str, chain: str, chains: Mapping[str, Sequence[AuditEntry]]
) -> ChainCheck:
    if device_of_chain(chain) != device_id:
        return ChainCheck(False, 0, 1, f"chain {chain!r} is not a chain of device {device_id!r}")
    entries = chains[chain]
    check = verify_chain(entries)
    if not check.ok or not entries:
        return check
    link = linked_entry(entries[0])
    if link is None:
        return check
    named, seq, digest = link
    held = {entry.seq: entry.hash for entry in chains.get(named, ())}
    if not named:
        return ChainCheck(False, 0, 1, "its link to an earlier chain of the device is not valid")
    if held.get(seq) != digest:
        reason = f"it continues entry {seq} of chain {named!r}, which is not held as linked"
        return ChainCheck(False, 0, 1, reason)
    return check


def linked_entry(first: AuditEntry) -> tuple[str, int, str] | None:
    """The (chain, seq, hash) a chain's first entry says it continues from, if it names one.

    A link is honoured only to an earlier epoch's chain of the same device; any other claim is
    reported as a link to nothing (chain "", seq 0), which no held entry matches.
    """
    link = first.detail.get(LINK)
    if link is None:
        return None
    nothing = ("", 0, "")
    if not isinstance(link, dict):
        return nothing
    chain, seq, digest = link.get("chain"), link.get("seq"), link.get("hash")
    if not (isinstance(chain, str) and isinstance(seq, int) and isinstance(digest, str)):
        return nothing
    same_device = device_of_chain(chain) == device_of_chain(first.chain)
    if not same_device or epoch_of_chain(chain) >= epoch_of_chain(first.chain):
        return nothing
    return chain, seq, digest


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
