"""Cases at the registry: reading them, back-office decisions, audit trails, what needs attention.

A back-office decision is an intent checked by the domain's state machine on the registry's
copy, compare-and-set on the case version the decider looked at; it is announced in the hall's
space, so it flows back to every counter of the hall with their next pull.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from clerk.audit import (
    AuditEntry,
    entry_from_json,
    entry_to_json,
    linked_entry,
    seal,
    verify_chain,
)
from clerk.cases import Case
from clerk.catalog import ServiceItem, parse_catalogue
from clerk.codec import from_json, to_json
from clerk.errors import ClerkError
from clerk.staff import Actor
from clerk.wire import CaseState, Decision, canonical_json, hall_space
from registry.auth import StaffMember
from registry.blobs import pending_for_case
from registry.changes import Changes, case_change
from registry.db import lock_space, stamp
from registry.errors import Conflict, Forbidden, Invalid, NotFoundError
from registry.schema import AUDIT, CASES, CATALOGUES, COUNTERS, OPS

ACTIONS = (
    "start_review",
    "suspend",
    "resume",
    "extend",
    "approve",
    "disapprove",
    "complete",
    "terminate",
)


def get_case(connection: Connection, case_id: str, *, hall: str | None = None) -> CaseState:
    """The registry's copy of a case, with whether scans are still missing.

    Raises:
        NotFoundError: no such case (in this hall, when `hall` is given).
    """
    row = connection.execute(select(CASES).where(CASES.c.case_id == case_id)).mappings().first()
    if row is None or (hall is not None and row["hall"] != hall):
        raise NotFoundError(f"no case {case_id}")
    return CaseState(
        case_id=row["case_id"],
        number=row["number"],
        hall=row["hall"],
        status=row["status"],
        version=row["version"],
        materials_pending=bool(pending_for_case(connection, case_id)),
        data=json.loads(row["data"]),
    )


def decide(
    connection: Connection, case_id: str, decision: Decision, *, member: StaffMember, now: datetime
) -> CaseState:
    """Apply a back-office decision to a case of the member's hall.

    Raises:
        NotFoundError: no such case in the member's hall.
        Conflict: the case changed since `decision.base_version`.
        Invalid: the domain refuses the decision (with its reason).
    """
    space = hall_space(member.hall)
    changes = Changes(connection, space, last=lock_space(connection, space))
    row = connection.execute(select(CASES).where(CASES.c.case_id == case_id)).mappings().first()
    if row is None or row["hall"] != member.hall:
        raise NotFoundError(f"no case {case_id} in hall {member.hall}")
    if row["version"] != decision.base_version:
        raise Conflict(
            f"case {row['number']} is at version {row['version']}, not {decision.base_version}: "
            "it changed since you looked; look again"
        )
    case = from_json(Case, json.loads(row["data"]))
    actor = Actor(member.staff_id, member.name, member.role)
    try:
        _apply(case, decision, item=_item(connection, case), actor=actor, now=now)
    except ClerkError as err:
        raise Invalid(f"{decision.action}: {err}") from None
    data = to_json(case)
    assert isinstance(data, dict)
    updated = dict(
        row, status=case.status.value, version=row["version"] + 1, data=canonical_json(data)
    )
    updated.update(last_writer=f"staff:{member.staff_id}", run_base=row["version"])
    connection.execute(
        update(CASES)
        .where(CASES.c.case_id == case_id)
        .values(
            {key: updated[key] for key in ("status", "version", "data", "last_writer", "run_base")}
            | {"updated_at": stamp(now)},
        )
    )
    _trace(connection, member, decision, case_id=case_id, now=now)
    changes.add(case_change(updated))
    changes.commit(stamp(now))
    return get_case(connection, case_id)


def _apply(
    case: Case, decision: Decision, *, item: ServiceItem, actor: Actor, now: datetime
) -> None:
    moves: dict[str, Callable[[], None]] = {
        "start_review": lambda: case.start_review(actor=actor, now=now),
        "suspend": lambda: case.suspend(
            procedure=decision.kind, reason=decision.reason, item=item, actor=actor, now=now
        ),
        "resume": lambda: case.resume(actor=actor, now=now),
        "extend": lambda: case.extend(
            days=decision.days or 0, reason=decision.reason, item=item, approver=actor, now=now
        ),
        "approve": lambda: case.decide(approved=True, actor=actor, now=now, note=decision.reason),
        "disapprove": lambda: case.decide(
            approved=False, actor=actor, now=now, note=decision.reason
        ),
        "complete": lambda: case.complete(item=item, actor=actor, now=now),
        "terminate": lambda: case.terminate(reason=decision.reason, actor=actor, now=now),
    }
    move = moves.get(decision.action)
    if move is None:
        raise Invalid(f"unknown decision {decision.action!r}; one of {', '.join(ACTIONS)}")
    move()


def _item(connection: Connection, case: Case) -> ServiceItem:
    for text in connection.execute(
        select(CATALOGUES.c.data).order_by(CATALOGUES.c.installed_at.desc())
    ).scalars():
        for item in _catalogue_items(text):
            if item.code == case.item_code and item.version == case.item_version:
                return item
    raise Invalid(f"item {case.item_code} version {case.item_version} is not in any catalogue")


@functools.lru_cache(maxsize=8)
def _catalogue_items(text: str) -> tuple[ServiceItem, ...]:
    return parse_catalogue(json.loads(text)).items


def _trace(
    connection: Connection, member: StaffMember, decision: Decision, *, case_id: str, now: datetime
) -> None:
    chain = f"registry:{member.hall}"
    last = (
        connection.execute(
            select(AUDIT).where(AUDIT.c.chain == chain).order_by(AUDIT.c.seq.desc()).limit(1)
        )
        .mappings()
        .first()
    )
    previous = None if last is None else _entry(last)
    detail: dict[str, Any] = {"reason": decision.reason, "base_version": decision.base_version}
    entry = seal(
        previous,
        chain=chain,
        at=now,
        actor=member.staff_id,
        action=f"case.{decision.action}",
        case_id=case_id,
        detail=detail,
    )
    connection.execute(insert(AUDIT).values(_row(entry)))


def _row(entry: AuditEntry) -> dict[str, Any]:
    data = entry_to_json(entry)
    return dict(data, at=stamp(entry.at), detail=canonical_json(entry.detail))


def _entry(row: Any) -> AuditEntry:
    return entry_from_json(dict(row, detail=json.loads(row["detail"])))


def audit_trail(connection: Connection, case_id: str) -> tuple[list[AuditEntry], list[str]]:
    """A case's audit entries in time order, and the problems found verifying their chains.

    Each chain the case appears in (a counter has one per epoch) is verified from its start up
    to the case's last entry on it, so an entry removed or altered anywhere before is found; a
    chain that says it continues an earlier chain's entry must name that entry as held here.
    """
    rows = (
        connection.execute(
            select(AUDIT).where(AUDIT.c.case_id == case_id).order_by(AUDIT.c.at, AUDIT.c.seq)
        )
        .mappings()
        .all()
    )
    entries = [_entry(row) for row in rows]
    problems = []
    for chain in sorted({entry.chain for entry in entries}):
        upto = max(entry.seq for entry in entries if entry.chain == chain)
        whole = connection.execute(
            select(AUDIT).where(AUDIT.c.chain == chain, AUDIT.c.seq <= upto).order_by(AUDIT.c.seq)
        ).mappings()
        held = [_entry(row) for row in whole]
        check = verify_chain(held)
        if not check.ok:
            problems.append(f"chain {chain} breaks at entry {check.first_bad_seq}: {check.reason}")
        elif held and (problem := _link_problem(connection, held[0])) is not None:
            problems.append(f"chain {chain} breaks at entry 1: {problem}")
    return entries, problems


def _link_problem(connection: Connection, first: AuditEntry) -> str | None:
    """Why a chain's first entry does not continue the entry it names (None when it does).

    An entry not (yet) held here is no problem: its operation may still be on its way.
    """
    link = linked_entry(first)
    if link is None:
        return None
    chain, seq, digest = link
    if not chain:
        return "its link to an earlier chain of the counter is not valid"
    query = select(AUDIT.c.hash).where(AUDIT.c.chain == chain, AUDIT.c.seq == seq)
    held = connection.execute(query).scalar()
    if held is not None and held != digest:
        return f"it continues entry {seq} of chain {chain}, which differs from the one held"
    return None


def needs_attention(connection: Connection, hall: str, *, limit: int = 200) -> list[dict[str, Any]]:
    """Operations of the hall's counters the registry rejected, newest first."""
    query = (
        select(
            OPS.c.op_id,
            OPS.c.op_type,
            OPS.c.entity_id,
            OPS.c.code,
            OPS.c.reason,
            OPS.c.received_at,
            COUNTERS.c.code.label("counter"),
        )
        .join(COUNTERS, COUNTERS.c.device_id == OPS.c.device_id)
        .where(COUNTERS.c.hall == hall, OPS.c.state == "rejected")
        .order_by(OPS.c.received_at.desc())
        .limit(max(1, min(limit, 1000)))
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def last_client_seq(connection: Connection, device_id: str) -> int:
    """The highest client_seq the registry holds from a counter (0 for none)."""
    query = (
        select(OPS.c.client_seq)
        .where(OPS.c.device_id == device_id)
        .order_by(OPS.c.client_seq.desc())
        .limit(1)
    )
    return int(connection.execute(query).scalar() or 0)


def require_hall(member: StaffMember, hall: str) -> None:
    """Refuse a staff member acting on another hall.

    Raises:
        Forbidden: the hall is not the member's.
    """
    if member.hall != hall:
        raise Forbidden(f"staff of hall {member.hall} cannot act on hall {hall}")
