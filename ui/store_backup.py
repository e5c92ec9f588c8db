"""`python main.py --backup PATH` and `--restore PATH`: the counter store's backup, from a shell.

Both run without a window. A backup may be taken while the counter works; a restore refuses a
store in use and gives the restored store a new epoch (`clerk.store.backup`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from clerk.errors import ClerkError
from clerk.store.backup import backup_store, restore_store
from clerk.store.peek import STORE_FILE
from ui.prestart import data_dir


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Read `--backup PATH | --restore PATH [--epoch N]` and `--data-dir`."""
    parser = argparse.ArgumentParser(
        prog="window-clerk", description="back up or restore the counter's store"
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--backup", type=Path, metavar="PATH", help="write a backup (online)")
    action.add_argument(
        "--restore", type=Path, metavar="PATH", help="replace the store by a backup"
    )
    parser.add_argument("--data-dir", type=Path, help="where the counter keeps its store")
    parser.add_argument(
        "--epoch", type=int, help="with --restore: the new epoch (default: one above any used)"
    )
    args = parser.parse_args(argv)
    args.demo_script = None
    return args


def main(argv: Sequence[str], out: TextIO = sys.stdout) -> int:
    """Back up or restore; returns the exit code (0 done, 1 refused).

    Args:
        argv: the whole command line, the program's name first.
        out: where the outcome is written, one line.
    """
    args = parse_args(argv[1:])
    store = data_dir(args) / STORE_FILE
    try:
        if args.backup is not None:
            info = backup_store(store, args.backup)
            out.write(
                f"ok: backup written to {info.path} (counter {info.device.hall}-"
                f"{info.device.counter}, epoch {info.device.epoch}, {info.documents} documents, "
                f"{info.pending} operations not yet sent)\n"
            )
        else:
            device = restore_store(args.restore, store, epoch=args.epoch)
            out.write(f"ok: restored from {args.restore}; new epoch {device.epoch}\n")
    except ClerkError as error:
        out.write(f"refused: {error}\n")
        return 1
    return 0
