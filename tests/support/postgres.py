"""A real, throwaway PostgreSQL server for the tests: initdb, start, databases, stop, delete.

The server lives in a temporary directory (data, unix socket, log), listens on 127.0.0.1 only,
on a free port, trusts local connections (there is nothing to protect) and keeps fsync on, as in
production. PostgreSQL refuses to run as root, so when the tests run as root (CI), every server
program runs as the `postgres` system user through `runuser` (or `setpriv`), in a directory
handed over to that user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Self

import psycopg
from psycopg import sql

from tests.support.net import free_port

BIN_ROOT = Path("/usr/lib/postgresql")
SUPERUSER = "postgres"
HOST = "127.0.0.1"
_SYSTEM_USER = "postgres"
_TOOLS = ("initdb", "pg_ctl", "postgres")
_START_ATTEMPTS = 3
_COMMAND_TIMEOUT = 120.0
_INSTALL_HINT = "install the Debian package 'postgresql' (apt-get install postgresql)"
_HBA = """\
# Written by tests/support/postgres.py: a throwaway test server, trusted on loopback only.
local   all   all                  trust
host    all   all   127.0.0.1/32   trust
"""


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot run here: binaries or the system user missing, or the server failed."""


def _version(bin_dir: Path) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in bin_dir.parent.name.split("."))
    except ValueError:
        return (-1,)


def find_bin_dir(root: Path = BIN_ROOT) -> Path:
    """The newest `root/<version>/bin` that holds initdb, pg_ctl and postgres.

    Raises:
        PostgresUnavailable: there is none; the message names the package to install.
    """
    for bin_dir in sorted(root.glob("*/bin"), key=_version, reverse=True):
        if all((bin_dir / tool).is_file() for tool in _TOOLS):
            return bin_dir
    raise PostgresUnavailable(
        f"PostgreSQL server programs ({', '.join(_TOOLS)}) not found in {root}/*/bin: "
        + _INSTALL_HINT
    )


def _system_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(_SYSTEM_USER)
    except KeyError:
        raise PostgresUnavailable(
            f"running as root, PostgreSQL needs the '{_SYSTEM_USER}' system user: " + _INSTALL_HINT
        ) from None


def _run_as_prefix() -> list[str]:
    """What to put before a server program so that it does not run as root."""
    if os.geteuid() != 0:
        return []
    user = _system_user()
    if runuser := shutil.which("runuser"):
        return [runuser, "-u", user.pw_name, "--"]
    if setpriv := shutil.which("setpriv"):
        return [setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]
    raise PostgresUnavailable("running as root, and neither runuser nor setpriv is available")


def _read_log(log: Path) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


class PostgresServer:
    """One throwaway PostgreSQL server: `start()`, databases by name, `stop()`.

    Also a context manager that starts on entry and stops (deleting everything) on exit.
    """

    def __init__(
        self,
        *,
        bin_dir: Path | None = None,
        bin_root: Path = BIN_ROOT,
        base_dir: Path | None = None,
    ) -> None:
        """Prepare a server; nothing runs until `start()`.

        Args:
            bin_dir: the directory of initdb, pg_ctl and postgres; by default the newest
                version under `bin_root`.
            bin_root: where to look for versions, e.g. /usr/lib/postgresql.
            base_dir: where the temporary directory is made (default: the system's); the
                `postgres` user must be able to reach it when running as root.
        """
        self._bin_dir = bin_dir
        self._bin_root = bin_root
        self._bin: Path | None = None
        self._base_dir = base_dir
        self._prefix: list[str] = []
        self._root: Path | None = None
        self.port = 0

    @property
    def running(self) -> bool:
        """Whether the server was started and not stopped since."""
        return self._root is not None

    @property
    def directory(self) -> Path:
        """The temporary directory holding data, socket and log.

        Raises:
            RuntimeError: the server is not running.
        """
        return self._require_running()

    def _require_running(self) -> Path:
        if self._root is None:
            raise RuntimeError("the PostgreSQL server is not running")
        return self._root

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of `database` on this server (psycopg 3 driver).

        Raises:
            RuntimeError: the server is not running.
        """
        self._require_running()
        return f"postgresql+psycopg://{SUPERUSER}@{HOST}:{self.port}/{database}"

    def start(self) -> None:
        """Create a cluster in a new temporary directory and start the server on a free port.

        Raises:
            PostgresUnavailable: PostgreSQL is missing, or initdb or the server failed.
            RuntimeError: the server is already running.
        """
        if self._root is not None:
            raise RuntimeError("the PostgreSQL server is already running")
        bin_dir = self._bin = self._bin_dir or find_bin_dir(self._bin_root)
        self._prefix = _run_as_prefix()
        root = Path(tempfile.mkdtemp(prefix="wc-pg-", dir=self._base_dir))
        try:
            self._initdb(bin_dir, root)
            self._start_on_free_port(bin_dir, root)
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise
        self._root = root

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its directory. Does nothing if not running.

        Raises:
            PostgresUnavailable: the server would not stop (its directory is kept for a look).
        """
        if self._root is None or self._bin is None:
            return
        root = self._root
        pg_ctl = [str(self._bin / "pg_ctl"), "-D", str(root / "data"), "-w", "stop"]
        done = self._run([*pg_ctl, "-m", "fast"], root)
        if done.returncode != 0:
            done = self._run([*pg_ctl, "-m", "immediate"], root)
            if done.returncode != 0:
                raise PostgresUnavailable(f"pg_ctl stop failed: {done.stdout}{done.stderr}")
        self._root = None
        shutil.rmtree(root)

    def restart(self) -> None:
        """Restart the server (fast shutdown) on the same port, keeping its data: every
        connection to it is cut.

        Raises:
            PostgresUnavailable: the server did not come back.
            RuntimeError: the server is not running.
        """
        root = self._require_running()
        assert self._bin is not None
        log = root / "server.log"
        data = str(root / "data")
        done = self._run(
            [str(self._bin / "pg_ctl"), "-D", data, "-l", str(log), "-w", "-m", "fast", "restart"],
            root,
        )
        if done.returncode != 0:
            raise PostgresUnavailable(f"pg_ctl restart failed: {done.stderr}{_read_log(log)}")

    def create_database(self, name: str) -> None:
        """Create database `name` (UTF-8, owned by the superuser).

        Raises:
            psycopg.Error: it exists already, or the server refused.
        """
        self._execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def drop_database(self, name: str) -> None:
        """Drop database `name` if it exists, ending any session still connected to it.

        Raises:
            psycopg.Error: the server refused.
        """
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        self._execute(statement.format(sql.Identifier(name)))

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _execute(self, statement: sql.Composed) -> None:
        self._require_running()
        with psycopg.connect(
            host=HOST, port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(statement)

    def _run(self, command: list[str], root: Path) -> subprocess.CompletedProcess[str]:
        # cwd: the postgres user may not be allowed into the directory the tests run from.
        return subprocess.run(
            [*self._prefix, *command],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=_COMMAND_TIMEOUT,
        )

    def _hand_over(self, path: Path) -> None:
        """Give `path` to the server's user when that is not us."""
        if self._prefix:
            user = _system_user()
            os.chown(path, user.pw_uid, user.pw_gid)

    def _initdb(self, bin_dir: Path, root: Path) -> None:
        self._hand_over(root)
        # --no-sync only skips flushing the fresh cluster to disk; the server runs with fsync on.
        done = self._run(
            [
                str(bin_dir / "initdb"),
                *("-D", str(root / "data"), "-U", SUPERUSER, "--auth=trust"),
                *("--encoding=UTF8", "--locale=C", "--no-sync"),
            ],
            root,
        )
        if done.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {done.stdout}{done.stderr}")
        (root / "data" / "pg_hba.conf").write_text(_HBA, encoding="utf-8")
        (root / "socket").mkdir(mode=0o700)
        self._hand_over(root / "socket")

    def _configure(self, root: Path, port: int) -> None:
        # postgresql.auto.conf is read last and already belongs to the server's user.
        (root / "data" / "postgresql.auto.conf").write_text(
            f"listen_addresses = '{HOST}'\n"
            f"port = {port}\n"
            f"unix_socket_directories = '{root / 'socket'}'\n"
            "fsync = on\n",
            encoding="utf-8",
        )

    def _start_on_free_port(self, bin_dir: Path, root: Path) -> None:
        log = root / "server.log"
        for _ in range(_START_ATTEMPTS):
            port = free_port(HOST)
            self._configure(root, port)
            done = self._run(
                [str(bin_dir / "pg_ctl"), "-D", str(root / "data"), "-l", str(log), "-w", "start"],
                root,
            )
            if done.returncode == 0:
                self.port = port
                return
            if "could not bind" not in _read_log(log):
                break  # not a port taken in the meantime: trying again will not help
        raise PostgresUnavailable(
            f"the PostgreSQL server did not start: {done.stderr}{_read_log(log)}"
        )
