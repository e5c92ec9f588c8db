"""An index added to a table that already existed is created when the registry starts.

`METADATA.create_all` makes a table's indexes only with the table, so a hall whose registry
ran before `queue_tickets_done` (the wait estimate's read of today's last finished visits)
would otherwise read every finished ticket of every day on each ticket issued, for ever.
"""

from __future__ import annotations

from sqlalchemy import inspect, text

from registry.db import migrate
from tests.integration.sync.harness import RegistryProcess


def _indexes(registry: RegistryProcess) -> set[str]:
    with registry.db() as connection:
        indexes = inspect(connection).get_indexes("queue_tickets")
        return {str(index["name"]) for index in indexes}


def test_an_index_missing_from_an_older_database_is_created_at_the_next_start(
    database: RegistryProcess,
) -> None:
    assert "queue_tickets_done" in _indexes(database)
    with database.db() as connection:  # as a database made before the index was declared
        connection.execute(text("DROP INDEX queue_tickets_done"))
    assert "queue_tickets_done" not in _indexes(database)

    migrate(database.engine)

    assert {"queue_tickets_done", "queue_tickets_open"} <= _indexes(database)
    migrate(database.engine)  # and again: nothing left to create, nothing fails
