"""The change feed: every change of a space at a position given in commit order (SYNC.md, Pull).

Writers collect their changes in a `Changes` opened after `lock_space`, so the positions they
take follow the last committed one; readers page through positions after a cursor.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert, select

from clerk.wire import Change, ChangePage, canonical_json
from registry.db import advance_space
from registry.schema import CHANGES

PAGE_LIMIT = 1000


class Changes:
    """Changes made by one transaction in one space (locked by the caller)."""

    def __init__(self, connection: Connection, space: str, *, last: int) -> None:
        self._connection, self._space, self._last = connection, space, last
        self._rows: list[dict[str, Any]] = []

    def add(self, change: tuple[str, str, dict[str, Any] | str]) -> int:
        """Queue a change (kind, entity id, data or its canonical JSON); returns its position."""
        kind, entity_id, data = change
        self._last += 1
        self._rows.append(
            {
                "space": self._space,
                "version": self._last,
                "kind": kind,
                "entity_id": entity_id,
                "data": data if isinstance(data, str) else canonical_json(data),
            }
        )
        return self._last

    def commit(self, at: str) -> None:
        """Write the queued changes and the space's new last position."""
        if not self._rows:
            return
        self._connection.execute(insert(CHANGES), [dict(row, at=at) for row in self._rows])
        advance_space(self._connection, self._space, self._last)
        self._rows.clear()


def case_change(row: dict[str, Any]) -> tuple[str, str, str]:
    """The change announcing a case's registry copy (from its row), as canonical JSON.

    The row's data already is the case's canonical JSON: it is spliced in under "case" (the
    first key in sorted order) instead of being parsed and serialised again for every case.
    """
    rest = canonical_json(
        {
            "case_id": row["case_id"],
            "number": row["number"],
            "status": row["status"],
            "version": row["version"],
        }
    )
    return "case", row["case_id"], '{"case":' + row["data"] + "," + rest[1:]


def read_page(
    connection: Connection, *, space: str, after: int, limit: int, epoch: str
) -> ChangePage:
    """Changes of `space` after position `after`, at most `limit` (capped at PAGE_LIMIT)."""
    limit = max(1, min(limit, PAGE_LIMIT))
    query = (
        select(CHANGES.c.version, CHANGES.c.kind, CHANGES.c.entity_id, CHANGES.c.data)
        .where(CHANGES.c.space == space, CHANGES.c.version > after)
        .order_by(CHANGES.c.version)
        .limit(limit + 1)
    )
    rows = connection.execute(query).all()
    changes = [
        Change(row.version, row.kind, row.entity_id, json.loads(row.data)) for row in rows[:limit]
    ]
    return ChangePage(epoch=epoch, space=space, changes=changes, more=len(rows) > limit)
