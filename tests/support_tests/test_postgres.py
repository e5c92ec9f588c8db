"""The throwaway PostgreSQL server of tests/support: real databases, independent, cleaned up."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import ProgrammingError

from tests.support.fixtures import start_or_fail
from tests.support.postgres import PostgresServer, PostgresUnavailable, find_bin_dir


@contextlib.contextmanager
def engine_on(url: str) -> Iterator[Engine]:
    engine = create_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def engine(postgres_url: str) -> Iterator[Engine]:
    with engine_on(postgres_url) as created:
        yield created


def test_a_fresh_database_stores_and_returns_rows(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE cases (id integer PRIMARY KEY, name text NOT NULL)"))
        connection.execute(
            text("INSERT INTO cases VALUES (:id, :name)"),
            [{"id": 1, "name": "张三"}, {"id": 2, "name": "李四"}],
        )
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, name FROM cases ORDER BY id")).all()
    assert [tuple(row) for row in rows] == [(1, "张三"), (2, "李四")]
    assert engine.dialect.driver == "psycopg"


def test_the_server_is_durable_and_reachable_on_loopback_only(engine: Engine) -> None:
    with engine.connect() as connection:
        settings = {
            name: connection.execute(text(f"SHOW {name}")).scalar_one()
            for name in ("fsync", "synchronous_commit", "listen_addresses", "server_encoding")
        }
    assert settings == {
        "fsync": "on",
        "synchronous_commit": "on",
        "listen_addresses": "127.0.0.1",
        "server_encoding": "UTF8",
    }


def test_two_databases_are_independent(postgres_server: PostgresServer) -> None:
    for name in ("independent_a", "independent_b"):
        postgres_server.create_database(name)
    try:
        with (
            engine_on(postgres_server.url("independent_a")) as engine,
            engine.begin() as connection,
        ):
            connection.execute(text("CREATE TABLE only_here (n integer)"))
            connection.execute(text("INSERT INTO only_here VALUES (7)"))
        with (
            engine_on(postgres_server.url("independent_b")) as engine,
            engine.connect() as connection,
            pytest.raises(ProgrammingError),
        ):
            connection.execute(text("SELECT n FROM only_here"))
    finally:
        for name in ("independent_a", "independent_b"):
            postgres_server.drop_database(name)


def test_dropping_a_database_ends_its_sessions(postgres_server: PostgresServer) -> None:
    postgres_server.create_database("dropped_while_open")
    with psycopg.connect(
        host="127.0.0.1", port=postgres_server.port, user="postgres", dbname="dropped_while_open"
    ) as connection:
        connection.execute("SELECT 1")
        postgres_server.drop_database("dropped_while_open")
        with pytest.raises(psycopg.OperationalError, match="terminating connection"):
            connection.execute("SELECT 1")


def test_a_server_stops_cleanly_and_leaves_nothing_behind() -> None:
    with PostgresServer() as server:
        directory, port = server.directory, server.port
        assert (directory / "data" / "postmaster.pid").exists()
        assert server.url("postgres") == f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    assert not server.running
    assert not directory.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host="127.0.0.1", port=port, user="postgres", connect_timeout=2)
    with pytest.raises(RuntimeError, match="not running"):
        server.url("postgres")


def test_missing_binaries_fail_the_fixture_naming_the_package(tmp_path: Path) -> None:
    with pytest.raises(PostgresUnavailable, match="install the Debian package 'postgresql'"):
        find_bin_dir(tmp_path)
    with pytest.raises(pytest.fail.Exception, match="'postgresql'"):
        start_or_fail(PostgresServer(bin_root=tmp_path))
    assert not list(tmp_path.iterdir())


def test_the_newest_installed_version_is_chosen(tmp_path: Path) -> None:
    for version in ("9.6", "15", "13"):
        bin_dir = tmp_path / version / "bin"
        bin_dir.mkdir(parents=True)
        for tool in ("initdb", "pg_ctl", "postgres"):
            (bin_dir / tool).touch()
    (tmp_path / "16" / "bin").mkdir(parents=True)  # an incomplete install is passed over
    assert find_bin_dir(tmp_path) == tmp_path / "15" / "bin"
