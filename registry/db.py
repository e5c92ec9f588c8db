"""The registry's database: engines for SQLite and PostgreSQL, migrations, the server epoch.

Every write transaction that touches a change space first locks that space's version row
(`lock_space`) and takes its positions from it, so positions appear in commit order: a reader
never sees position N+1 before N is committed (SYNC.md, Pull). On SQLite the whole database is
locked by BEGIN IMMEDIATE; on PostgreSQL the row lock does it, so several stateless registry
processes can serve one database.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError

from clerk.private import private_database
from registry import queue_schema  # noqa: F401  (its tables join METADATA: migrate creates them)
from registry.errors import ConfigurationError, Invalid
from registry.schema import META, METADATA, SPACES

_log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_MIGRATION_LOCK = 72_411_001  # PostgreSQL advisory lock key held while migrating


def utc_now() -> datetime:
    """The registry's clock (UTC)."""
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """The stored form of a time: UTC ISO 8601 with microseconds (sorts as it compares)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def create_registry_engine(url: str) -> Engine:
    """An engine for the registry's database, SQLite or PostgreSQL.

    Raises:
        ConfigurationError: the URL is malformed or names another kind of database.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise ConfigurationError(f"the database URL {url!r} is malformed: {err}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return _postgres_engine(create_engine(parsed, pool_size=10, max_overflow=10))
    raise ConfigurationError(f"the registry runs on SQLite or PostgreSQL, not {parsed.drivername}")


PING_AFTER_IDLE_SECONDS = 1.0
"""A pooled PostgreSQL connection idle this long is pinged before it is handed out again."""


def _postgres_engine(engine: Engine) -> Engine:
    """Ping a pooled connection before use only when it sat idle (not before every request).

    SQLAlchemy's `pool_pre_ping` pings before every checkout: a round trip and about a tenth
    of a queue move's Python under load. A connection that served a request within the last
    second is handed out as it is; one idle longer (the database restarted, a proxy's idle
    timeout) is pinged, and a dead one replaced at once. Should the database die within that
    second, the request meeting it answers 503 "retry" and SQLAlchemy invalidates the whole
    pool, so the retry gets a fresh connection.
    """

    @event.listens_for(engine, "checkin")
    def on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def on_checkout(dbapi_connection: Any, record: Any, _proxy: object) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            ping_connection(dbapi_connection)
        except Exception as error:  # whatever failed, this connection is unusable
            raise DisconnectionError(f"a pooled connection is dead: {error}") from error

    return engine


def ping_connection(dbapi_connection: Any) -> None:
    """One round trip on a psycopg connection, outside any transaction."""
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    try:
        dbapi_connection.execute("SELECT 1")
    finally:
        dbapi_connection.autocommit = autocommit


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:" and Path(database).parent.is_dir():
        private_database(Path(database))  # only the registry's user reads its file (0600)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: object) -> None:
        assert isinstance(dbapi_connection, sqlite3.Connection)
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    @event.listens_for(engine, "handle_error")
    def on_error(context: ExceptionContext) -> None:
        # sqlite3 refuses an int beyond 64 bits with a bare OverflowError, not a database error;
        # PostgreSQL says DataError ("bigint out of range"), answered 422 by registry.http.
        if isinstance(context.original_exception, OverflowError):
            raise Invalid(f"a number in the request is out of range: {context.original_exception}")

    return engine


def is_postgres(engine: Engine | Connection) -> bool:
    """Whether the database is PostgreSQL (else SQLite)."""
    return engine.dialect.name == "postgresql"


def migrate(engine: Engine) -> int:
    """Create or upgrade the schema; safe when several processes start at once.

    Returns:
        The schema version now in place.

    Raises:
        ConfigurationError: the database was written by a newer registry.
    """
    with engine.begin() as connection:
        if is_postgres(connection):
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        METADATA.create_all(connection, checkfirst=True)
        _create_missing_indexes(connection)
        version = _meta(connection, "schema_version")
        if version is not None and int(version) > SCHEMA_VERSION:
            raise ConfigurationError(
                f"this database has registry schema {version}; this registry knows "
                f"{SCHEMA_VERSION}: run the newer registry"
            )
        if version is None:
            _set_meta(connection, "schema_version", str(SCHEMA_VERSION))
            _set_meta(connection, "epoch", new_epoch_value())
            _set_meta(connection, EPOCH_SET_AT, stamp(utc_now()))
            _log.info("registry database initialised at schema %d", SCHEMA_VERSION)
    return SCHEMA_VERSION


def _create_missing_indexes(connection: Connection) -> None:
    """Create the indexes added to tables that existed before (`create_all` makes a table's
    indexes only with the table)."""
    present = {
        index["name"]
        for indexes in inspect(connection).get_multi_indexes().values()
        for index in indexes
    }
    for table in METADATA.sorted_tables:
        for index in table.indexes:
            if index.name not in present:
                index.create(connection)
                _log.info("registry database: index %s created", index.name)


EPOCH_SET_AT = "epoch_set_at"
"""The `meta` key of when the epoch was set (absent in databases set up before it was kept)."""


def new_epoch_value() -> str:
    """A fresh server epoch: random, so a restored copy can never reuse one."""
    return secrets.token_hex(8)


def server_epoch(connection: Connection) -> str:
    """The registry's current epoch (changes when it is restored from a backup)."""
    value = _meta(connection, "epoch")
    if value is None:
        raise ConfigurationError("the registry database is not initialised: run `admin init`")
    return value


def renew_epoch(engine: Engine) -> str:
    """Give the registry a new epoch, after a restore: counters then re-push what they hold."""
    value = new_epoch_value()
    with engine.begin() as connection:
        _set_meta(connection, "epoch", value)
        _set_meta(connection, EPOCH_SET_AT, stamp(utc_now()))
    _log.warning("registry epoch renewed to %s: counters will re-push their operations", value)
    return value


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction (BEGIN IMMEDIATE on SQLite), committed unless an error escapes."""
    with engine.begin() as connection:
        yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """Reads only. On PostgreSQL without a transaction: each statement commits on its own,
    which changes nothing a read sees (under READ COMMITTED every statement of a transaction
    takes a snapshot of its own anyway) and spares BEGIN and COMMIT, two round trips more than
    a counter's view's reads. On SQLite, `transaction` (it has no round trips to spare)."""
    if not is_postgres(engine):
        with transaction(engine) as connection:
            yield connection
        return
    with engine.connect() as connection:
        yield connection.execution_options(isolation_level="AUTOCOMMIT")


def lock_space(connection: Connection, space: str) -> int:
    """Lock a change space for this transaction and return its last position.

    The space's row is created on first use (racing creators are settled by the primary key).
    """
    query = select(SPACES.c.version).where(SPACES.c.space == space).with_for_update()
    version = connection.execute(query).scalar()
    if version is None:
        if is_postgres(connection):
            connection.execute(
                text(
                    "INSERT INTO spaces (space, version) VALUES (:space, 0) "
                    "ON CONFLICT (space) DO NOTHING"
                ),
                {"space": space},
            )
        else:
            connection.execute(insert(SPACES).values(space=space, version=0))
        version = connection.execute(query).scalar_one()
    return int(version)


def advance_space(connection: Connection, space: str, version: int) -> None:
    """Record the space's new last position (inside the transaction that locked it)."""
    connection.execute(update(SPACES).where(SPACES.c.space == space).values(version=version))


def _meta(connection: Connection, key: str) -> str | None:
    return connection.execute(select(META.c.value).where(META.c.key == key)).scalar()


def _set_meta(connection: Connection, key: str, value: str) -> None:
    if connection.execute(update(META).where(META.c.key == key).values(value=value)).rowcount:
        return
    connection.execute(insert(META).values(key=key, value=value))
