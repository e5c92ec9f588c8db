"""`window-clerk-registry`: the registry's command line (admin tools; the server comes next).

Today it offers the admin checks that need no server: validate a catalogue file before it is
imported, and verify the audit hash chain of a counter's store.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from clerk.catalog import CatalogueError, load_catalogue
from clerk.errors import ClerkError
from clerk.services import verify_audit
from clerk.store import open_store


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
    """Verify the audit hash chain of a counter store.

    Returns:
        0 when the chain is intact, 1 when it breaks (the first bad entry is named).
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
        out.write(f"ok: {result.checked} audit entries, chain intact\n")
        return 0
    out.write(f"broken at entry {result.first_bad_seq}: {result.reason}\n")
    return 1


def parser() -> argparse.ArgumentParser:
    """The command line's grammar."""
    root = argparse.ArgumentParser(prog="window-clerk-registry", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)
    admin = commands.add_parser("admin", help="administration").add_subparsers(
        dest="action", required=True
    )
    catalogue = admin.add_parser("check-catalogue", help="validate a catalogue JSON file")
    catalogue.add_argument("path", type=Path)
    audit = admin.add_parser("verify-audit", help="verify a counter store's audit chain")
    audit.add_argument("path", type=Path)
    return root


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    """Run the command line; returns the exit code."""
    args = parser().parse_args(argv)
    if args.action == "check-catalogue":
        return check_catalogue(args.path, out)
    return check_audit(args.path, out)


if __name__ == "__main__":
    sys.exit(main())
