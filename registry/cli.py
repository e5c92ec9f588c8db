"""`window-clerk-registry`: run the registry, and administer it on its own machine.

`serve` runs the HTTP API; `embedded` is the counter's zero-setup default; `admin …` works on
the database directly (initialise, import a catalogue, halls, counters, staff, enrolment codes,
revocation, calendar, audit export and verification, backup and restore).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Engine

from clerk import logsetup
from clerk.audit import entry_to_json
from clerk.catalog import DEMO_CATALOGUE, CatalogueError, load_catalogue
from clerk.errors import ClerkError
from clerk.services import verify_audit
from clerk.staff import Role
from clerk.store import open_store
from registry import admin, backup, cases
from registry.db import create_registry_engine, migrate, renew_epoch, transaction, utc_now
from registry.errors import ConfigurationError, RegistryError
from registry.server import EmbeddedSetup, TlsFiles, prepare_embedded, serve
from registry.settings import ENV_PREFIX, default_database_url, from_environment


def check_catalogue(path: Path, out: TextIO) -> int:
    """Validate a catalogue file; print every problem with its exact field path.

    Returns:
        0 when the file is valid, 1 when it is refused.
    """
    try:
        catalogue = load_catalogue(path)
    except CatalogueError as error:
        for problem in error.problems:
            out.write(f"{problem.path}: {problem.reason}\n")
        out.write(f"refused: {len(error.problems)} problem(s) in {path}\n")
        return 1
    materials = sum(len(item.materials) for item in catalogue.items)
    out.write(
        f"ok: catalogue {catalogue.version}: {len(catalogue.items)} items, "
        f"{materials} material lines, {len(catalogue.agencies)} agencies\n"
    )
    return 0


def check_audit(path: Path, out: TextIO) -> int:
    """Verify the audit hash chains of a counter store (one per epoch it worked in).

    Returns:
        0 when every chain is intact, 1 when one breaks (the first bad entry is named, and its
        chain when the store holds several).
    """
    if not path.is_file():
        out.write(f"refused: no store at {path}\n")
        return 1
    try:
        with open_store(path) as store:
            result = verify_audit(store.unit_of_work(read_only=True))
    except ClerkError as error:
        out.write(f"refused: {error}\n")
        return 1
    if result.ok:
        intact = "chain intact" if result.chains <= 1 else f"{result.chains} chains intact"
        out.write(f"ok: {result.checked} audit entries, {intact}\n")
        return 0
    where = f" (chain {result.chain})" if result.chains > 1 else ""
    out.write(f"broken at entry {result.first_bad_seq}: {result.reason}{where}\n")
    return 1


_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
"""What $WINDOW_CLERK_REGISTRY_LOG_LEVEL may say (INFO by default)."""


def _serve_parsers(commands: Any) -> None:
    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument(
        "--database-url",
        help="else $WINDOW_CLERK_REGISTRY_DATABASE_URL, else SQLite in the data folder",
    )
    serve.add_argument("--port-file", type=Path, help="write the bound port here (with --port 0)")
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--tls-cert", type=Path, help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--tls-key", type=Path, help="the certificate's private key (PEM)")
    embedded = commands.add_parser("embedded", help="a counter's own registry (demo hall, SQLite)")
    embedded.add_argument("--data-dir", type=Path, required=True)
    embedded.add_argument("--port-file", type=Path, required=True)
    embedded.add_argument("--counter", default="W01")


def _admin_parsers(admin_parser: Any) -> None:
    def add(name: str, help_text: str, *arguments: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = admin_parser.add_parser(name, help=help_text)
        for argument in arguments:
            sub.add_argument(argument)
        sub.add_argument("--database-url")
        return sub

    add("init", "create or upgrade the database")
    add("check-catalogue", "validate a catalogue JSON file", "path")
    add("verify-audit", "verify a counter store's audit chains", "path")
    catalogue = add("import-catalogue", "import a catalogue file (or --demo)")
    catalogue.add_argument("path", nargs="?")
    catalogue.add_argument("--demo", action="store_true")
    add("create-hall", "add a hall", "code", "name")
    counter = add("create-counter", "add a counter to a hall", "hall", "code")
    counter.add_argument("--name", default="")
    add("enrolment-code", "issue a one-time enrolment code for a counter", "hall", "code")
    add("revoke-counter", "refuse a counter's credential from now on", "hall", "code")
    add("list-counters", "list counters")
    staff = add("create-staff", "add a staff member (password read from stdin)", "staff_id")
    staff.add_argument("--hall", required=True)
    staff.add_argument("--name", required=True)
    staff.add_argument("--role", choices=[role.value for role in Role], required=True)
    add("set-calendar", "replace the working-day overrides from a JSON file", "path")
    add("export-audit", "print a case's audit trail as JSON and verify its chains", "case_id")
    add("new-epoch", "give the registry a new epoch (after restoring a backup by other means)")
    add("backup", "back the database up to a file, while it serves (SQLite or PostgreSQL)", "path")
    add(
        "restore", "restore the database from a backup, then a new epoch (registry stopped)", "path"
    )


def parser() -> argparse.ArgumentParser:
    """The command line's grammar."""
    root = argparse.ArgumentParser(prog="window-clerk-registry", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    _serve_parsers(commands)
    admin_parser = commands.add_parser("admin", help="administration").add_subparsers(
        dest="action", required=True
    )
    _admin_parsers(admin_parser)
    return root


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    """Run the command line; returns the exit code."""
    args = parser().parse_args(argv)
    level = os.environ.get(f"{ENV_PREFIX}LOG_LEVEL", "INFO").upper()
    logsetup.configure(level if level in _LOG_LEVELS else logging.INFO)
    try:
        if args.command == "serve":
            settings = from_environment(database_url=args.database_url)
            serve(
                settings,
                host=args.host,
                port=args.port,
                port_file=args.port_file,
                workers=args.workers,
                tls=_tls_files(args),
            )
            return 0
        if args.command == "embedded":
            setup = EmbeddedSetup(args.data_dir)
            settings = prepare_embedded(setup, counter=args.counter)
            serve(settings, host="127.0.0.1", port=0, port_file=args.port_file)
            return 0
        return run_admin(args, out)
    except RegistryError as error:
        out.write(f"refused: {error}\n")
        return 2


def _tls_files(args: argparse.Namespace) -> TlsFiles | None:
    """The TLS files named on the command line (both or neither).

    Raises:
        ConfigurationError: only one was given, or one cannot be read.
    """
    if args.tls_cert is None and args.tls_key is None:
        return None
    if args.tls_cert is None or args.tls_key is None:
        raise ConfigurationError("give both --tls-cert and --tls-key to serve HTTPS")
    for path in (args.tls_cert, args.tls_key):
        if not path.is_file():
            raise ConfigurationError(f"the TLS file {path} does not exist or is not a file")
    return TlsFiles(cert=args.tls_cert, key=args.tls_key)


def run_admin(args: argparse.Namespace, out: TextIO) -> int:
    """Carry out one admin action; returns the exit code."""
    if args.action == "check-catalogue":
        return check_catalogue(Path(args.path), out)
    if args.action == "verify-audit":
        return check_audit(Path(args.path), out)
    url = args.database_url or from_environment_url()
    if args.action in ("backup", "restore"):
        return backup_or_restore(url, Path(args.path), restore=args.action == "restore", out=out)
    engine = create_registry_engine(url)
    try:
        migrate(engine)
        return _ADMIN[args.action](engine, args, out)
    finally:
        engine.dispose()


def from_environment_url() -> str:
    """The database URL from the environment or the default (no secret needed for admin)."""
    return os.environ.get(f"{ENV_PREFIX}DATABASE_URL") or default_database_url()


def _init(_engine: Engine, _args: argparse.Namespace, out: TextIO) -> int:
    out.write("ok: database ready\n")
    return 0


def _import_catalogue(engine: Engine, args: argparse.Namespace, out: TextIO) -> int:
    path = DEMO_CATALOGUE if args.demo or not args.path else Path(args.path)
    try:
        catalogue = load_catalogue(path)
    except CatalogueError as error:
        for problem in error.problems:
            out.write(f"{problem.path}: {problem.reason}\n")
        out.write(f"refused: {len(error.problems)} problem(s) in {path}\n")
        return 1
    with transaction(engine) as connection:
        fresh = admin.import_catalogue(connection, catalogue, now=utc_now())
    out.write(
        f"ok: catalogue {catalogue.version} {'imported' if fresh else 'was already installed'}\n"
    )
    return 0


def _create_hall(engine: Engine, args: argparse.Namespace, out: TextIO) -> int:
    with transaction(engine) as connection:
        admin.create_hall(connection, code=args.code, name=args.name, now=utc_now())
    out.write(f"ok: hall {args.code}\n")
    return 0


def _create_counter(engine: Engine, args: argparse.Namespace, out: TextIO) -> int:
    with transaction(engine) as connection:
        counter = admin.create_counter(connection, hall=args.hall, code=args.code, name=args.name)
    out.write(f"ok: counter {counter.hall}/{counter.code} ({counter.device_id})\n")
    return 0


def _enrolment_code(engine: Engine, args: argparse.Namespace, out: TextIO) -> int:
    hours = int(os.environ.get(f"{ENV_PREFIX}ENROLMENT_HOURS", "72"))
    with transaction(engine) as connection:
        code = admin.enrolment_code(
            connection, hall=args.hall, code=args.code, now=utc_now(), hours=hours
        )
    out.write(f"{code}\n")
    return 0


def _revoke(engine: Engine, args: argparse.Namespace, out: TextIO) -> int:
    with transaction(engine) as connection:
        admin.revoke_counter(connection, hall=args.hall, code=args.code, now=utc_now())
    out.write(f"ok: counter {args.hall}/{args.code} revoked\n")
    return 0


def _list_counters(engine: Engine, _args: argparse.Namespace, out: TextIO) -> int:
    with transaction(engine) as connection:
        for counter in admin.list_counters(connection):
            state = "revoked" if counter.revoked else "enrolled" if counter.enrolled else "waiting"
            line = (counter.hall, counter.code, counter.device_id, f"epoch {counter.epoch}", state)
            out.write("\t".join(line) + "\n")
    return 0


def _create_staff(engine: Engine, args: argparse.Namespace, out: TextIO) -> int:
    password = sys.stdin.readline().rstrip("\n")
    with transaction(engine) as connection:
        admin.create_staff(
            connection,
            staff_id=args.staff_id,
            hall=args.hall,
            name=args.name,
            role=Role(args.role),
            password=password,
            now=utc_now(),
        )
    out.write(f"ok: staff {args.staff_id} ({args.role})\n")
    return 0


def _set_calendar(engine: Engine, args: argparse.Namespace, out: TextIO) -> int:
    overrides, years = admin.parse_calendar(Path(args.path).read_text(encoding="utf-8"))
    with transaction(engine) as connection:
        admin.set_calendar(connection, overrides, complete_years=years, now=utc_now())
    out.write(f"ok: {len(overrides)} overrides\n")
    return 0


def _export_audit(engine: Engine, args: argparse.Namespace, out: TextIO) -> int:
    with transaction(engine) as connection:
        entries, problems = cases.audit_trail(connection, args.case_id)
    if not entries:
        out.write(f"refused: no audit entries for case {args.case_id}\n")
        return 1
    document = {
        "case_id": args.case_id,
        "entries": [entry_to_json(e) for e in entries],
        "problems": problems,
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return 1 if problems else 0


def _new_epoch(engine: Engine, _args: argparse.Namespace, out: TextIO) -> int:
    out.write(f"ok: new epoch {renew_epoch(engine)}\n")
    return 0


_ADMIN = {
    "init": _init,
    "import-catalogue": _import_catalogue,
    "create-hall": _create_hall,
    "create-counter": _create_counter,
    "enrolment-code": _enrolment_code,
    "revoke-counter": _revoke,
    "list-counters": _list_counters,
    "create-staff": _create_staff,
    "set-calendar": _set_calendar,
    "export-audit": _export_audit,
    "new-epoch": _new_epoch,
}


def backup_or_restore(url: str, path: Path, *, restore: bool, out: TextIO) -> int:
    """Back the database up to `path` (online), or restore it from there with a new epoch.

    SQLite through its backup API, PostgreSQL through pg_dump/pg_restore (`registry.backup`).

    Returns:
        0 on success, 1 when refused.
    """
    try:
        line = backup.restore(url, path) if restore else backup.backup(url, path)
    except ConfigurationError as error:
        out.write(f"refused: {error}\n")
        return 1
    out.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
