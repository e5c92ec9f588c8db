"""Making writes durable: a file's bytes and a folder's entries reach the disk before we go on.

A file renamed into place is durable only once its folder is synced too (POSIX); Windows has
no directory handles to sync, and its renames are journalled by NTFS.
"""

from __future__ import annotations

import os
from pathlib import Path


def sync_file(path: Path) -> None:
    """Flush `path`'s bytes to the disk."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Flush `folder`'s entries (a file created or renamed in it) to the disk (POSIX only)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
