"""Files at rest only the application's user may read: folders 0700, files 0600.

The modes are set explicitly (`chmod` after creating), so they hold whatever the process's
umask is: a permissive umask (0o022, even 0o000) never leaves a store, a scan, a log or a
credential readable by other users of the machine. SQLite creates its `-wal`, `-shm` and
`-journal` files with the mode of the database file, so a database created 0600 keeps its
side files private too.
"""

from __future__ import annotations

import io
import logging.handlers
import os
from pathlib import Path
from typing import IO

FOLDER_MODE = 0o700
FILE_MODE = 0o600
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def private_folder(path: Path) -> Path:
    """Create the folder (and missing parents) if needed and make it 0700.

    Only the folder itself is tightened; parents that existed are left as they are.

    Returns:
        The folder.
    """
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create the file empty if missing and make it 0600 (an existing file keeps its bytes).

    Returns:
        The file.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)
    finally:
        os.close(descriptor)
    return path


def open_private(path: Path, mode: str = "wb") -> IO[bytes]:
    """Open a new or truncated binary file for writing that is 0600 from its creation on."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    descriptor = os.open(path, flags, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)
    return os.fdopen(descriptor, mode)


def private_database(path: Path) -> Path:
    """Make a SQLite database file (created empty when missing) and its side files 0600.

    Returns:
        The database file.
    """
    private_file(path)
    for suffix in SQLITE_SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.chmod(side, FILE_MODE)
    return path


def tighten_tree(root: Path) -> int:
    """Make every folder under `root` (and itself) 0700 and every file 0600.

    Symbolic links are neither followed nor changed.

    Returns:
        How many modes were changed (0 when everything was private already).
    """
    if not root.is_dir():
        return 0
    changed = _tighten(root, FOLDER_MODE)
    for folder, folders, files in os.walk(root):
        for name in folders:
            changed += _tighten(Path(folder, name), FOLDER_MODE)
        for name in files:
            changed += _tighten(Path(folder, name), FILE_MODE)
    return changed


def _tighten(path: Path, mode: int) -> int:
    try:
        if path.is_symlink() or (path.stat().st_mode & 0o777) == mode:
            return 0
        os.chmod(path, mode)
    except FileNotFoundError:  # removed meanwhile (a scan purged, a log rotated)
        return 0
    return 1


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file is 0600 from its creation on, whatever the umask."""

    def _open(self) -> io.TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        os.fchmod(descriptor, FILE_MODE)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)
