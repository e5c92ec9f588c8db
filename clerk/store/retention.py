"""Which scans this counter may let go of: the registry holds them and confirmed their cases.

A scan may leave the counter's disk only when all of these hold:
- the registry verified its bytes (`blobs.verified_at`: it hashed the stored upload) before
  the cut-off, so the retention period counts from the acknowledgement;
- at least one case refers to it, and every case that does is confirmed by the registry: the
  registry's copy was pulled (`cases.server_version`) and no operation of the case is pending
  or rejected here (the registry's copy then holds everything this counter did to it).
The index row stays: the scan's hash (its reference at the registry), size and type.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, Engine, and_, exists, select

from clerk.ports import OpState
from clerk.store.codec import require_aware
from clerk.store.schema import BLOBS, CASES, OUTBOX

_OPEN = (OpState.PENDING.value, OpState.REJECTED.value)


def scans_held_by_registry(engine: Engine, *, verified_before: datetime) -> list[tuple[str, int]]:
    """Scans the registry verified before the cut-off whose cases it has all confirmed.

    Args:
        engine: the store's engine (`Store.engine`).
        verified_before: the cut-off (timezone-aware).

    Returns:
        (sha256, size) of each such scan, oldest verification first.
    """
    cutoff = require_aware(verified_before, "retention cut-off")
    query = (
        select(BLOBS.c.sha256, BLOBS.c.size)
        .where(BLOBS.c.verified_at.is_not(None), BLOBS.c.verified_at < cutoff)
        .order_by(BLOBS.c.verified_at)
    )
    with engine.connect() as connection:
        candidates = [(row.sha256, row.size) for row in connection.execute(query)]
        return [(sha, size) for sha, size in candidates if _cases_confirmed(connection, sha)]


def _cases_confirmed(connection: Connection, sha256: str) -> bool:
    open_op = exists().where(and_(OUTBOX.c.entity_id == CASES.c.case_id, OUTBOX.c.state.in_(_OPEN)))
    rows = connection.execute(
        select(CASES.c.server_version, open_op.label("open"), CASES.c.data).where(
            CASES.c.data.contains(sha256)
        )
    ).all()
    refers = [row for row in rows if f'"sha256":"{sha256}"' in row.data.replace(" ", "")]
    return bool(refers) and all(row.server_version is not None and not row.open for row in refers)
