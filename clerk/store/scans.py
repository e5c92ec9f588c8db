"""The index of scans this counter holds, written in the transaction that attaches them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from clerk.store.codec import require_aware
from clerk.store.errors import execute_or_refuse
from clerk.store.schema import BLOBS


class SqlScanIndex:
    """Scans in the unit of work's session (implements `clerk.ports.ScanIndex`)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, *, sha256: str, size: int, media_type: str, at: datetime) -> None:
        """Index a scan; the same bytes indexed again change nothing."""
        statement = insert(BLOBS).values(
            sha256=sha256,
            size=size,
            media_type=media_type,
            created_at=require_aware(at, "scan time"),
            verified_at=None,
        )
        refusal = f"scan {sha256} was not indexed"
        execute_or_refuse(self._session, statement.on_conflict_do_nothing(), refusal)

    def verified(self, hashes: Sequence[str]) -> frozenset[str]:
        """Those of `hashes` whose bytes the registry verified (it holds them)."""
        if not hashes:
            return frozenset()
        query = select(BLOBS.c.sha256).where(
            BLOBS.c.sha256.in_(list(hashes)), BLOBS.c.verified_at.is_not(None)
        )
        return frozenset(self._session.execute(query).scalars())
