"""Backing up the registry's database while it serves, and restoring it under a new epoch.

SQLite: the online backup API in one step (one snapshot of the write-ahead log; the serving
registry keeps committing meanwhile). PostgreSQL: `pg_dump --format=custom` (one MVCC
snapshot, online too) and `pg_restore --clean --single-transaction`. A backup is written next
to its final name, synced and renamed, so it is complete or absent. A restore always ends with
a new server epoch: counters then re-push every operation they keep (SYNC.md, Server epoch).
Stop the registry before restoring; start it again afterwards.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from clerk.durable import sync_file, sync_folder
from registry.db import create_registry_engine, renew_epoch
from registry.errors import ConfigurationError

POSTGRES_BIN = Path("/usr/lib/postgresql")
_TIMEOUT = 3600.0


def backup(url: str, target: Path) -> str:
    """Write a backup of the registry's database to `target`; returns a line for the operator.

    Raises:
        ConfigurationError: no database there, the PostgreSQL client tools are missing, or
            pg_dump failed.
    """
    parsed = _parsed(url)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        if parsed.get_backend_name() == "sqlite":
            with (
                closing(sqlite3.connect(_sqlite_file(parsed), timeout=30)) as source,
                closing(sqlite3.connect(partial)) as copy,
            ):
                source.backup(copy)  # one step: one snapshot, the writers never wait
        else:
            _run(parsed, "pg_dump", "--format=custom", f"--file={partial}")
        sync_file(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    sync_folder(target.parent)
    return f"ok: backup written to {target}"


def restore(url: str, source: Path) -> str:
    """Put a backup back into the registry's database and renew the epoch; returns a line.

    Raises:
        ConfigurationError: no backup there, the PostgreSQL client tools are missing, or
            pg_restore failed (PostgreSQL then keeps the database as it was: one transaction).
    """
    if not source.is_file():
        raise ConfigurationError(f"there is no backup at {source}")
    parsed = _parsed(url)
    if parsed.get_backend_name() == "sqlite":
        with (
            closing(sqlite3.connect(source)) as reader,
            closing(sqlite3.connect(_sqlite_file(parsed, must_exist=False))) as writer,
        ):
            reader.backup(writer)
    else:
        _run(parsed, "pg_restore", "--clean", "--if-exists", "--single-transaction",
             "--no-owner", "--exit-on-error", str(source))  # fmt: skip
    engine = create_registry_engine(url)
    try:
        epoch = renew_epoch(engine)
    finally:
        engine.dispose()
    return f"ok: restored from {source}; new epoch {epoch}"


def _parsed(url: str) -> URL:
    parsed = make_url(url)
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigurationError(
            f"the registry runs on SQLite or PostgreSQL, not {parsed.get_backend_name()}"
        )
    return parsed


def _sqlite_file(url: URL, *, must_exist: bool = True) -> Path:
    if not url.database or url.database == ":memory:":
        raise ConfigurationError("the registry's SQLite database must be a file")
    path = Path(url.database)
    if must_exist and not path.is_file():
        raise ConfigurationError(f"there is no database at {path}")
    return path


def postgres_tool(name: str, root: Path = POSTGRES_BIN) -> Path:
    """The newest `name` (pg_dump, pg_restore): under `root`/<version>/bin, else on PATH.

    Raises:
        ConfigurationError: the PostgreSQL client tools are not installed.
    """

    def version(bin_dir: Path) -> tuple[int, ...]:
        parts = bin_dir.parent.name.split(".")
        return tuple(int(part) for part in parts) if all(p.isdigit() for p in parts) else (-1,)

    for bin_dir in sorted(root.glob("*/bin"), key=version, reverse=True):
        if (bin_dir / name).is_file():
            return bin_dir / name
    found = shutil.which(name)
    if found is None:
        raise ConfigurationError(
            f"{name} not found: install the PostgreSQL client tools (Debian: postgresql-client)"
        )
    return Path(found)


def _run(url: URL, tool: str, *arguments: str) -> None:
    """Run a PostgreSQL client tool on the database; the password goes by the environment."""
    target = url.set(drivername="postgresql", password=None)
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    command = [str(postgres_tool(tool)), f"--dbname={target.render_as_string()}", *arguments]
    done = subprocess.run(  # noqa: S603  (a PostgreSQL tool, arguments built here)
        command, capture_output=True, text=True, env=env, check=False, timeout=_TIMEOUT
    )
    if done.returncode != 0:
        raise ConfigurationError(f"{tool} failed: {done.stderr.strip()[-2000:]}")
