"""Scans in a content-addressed folder: written, synced to disk and hashed before use.

A scan is written to a temporary file, fsynced, hashed (SHA-256) and renamed to its hash, and
the folder is fsynced too, all before the transaction that references it (SYNC.md, Local write
path): a case can never point at bytes that are not on disk.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

from clerk.durable import sync_folder
from clerk.errors import InvalidInput, NotFound
from clerk.private import open_private, private_folder

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAX_SCAN_BYTES = 256 * 1024 * 1024


class ScanFolder:
    """The counter's scans, each in a file named by its SHA-256."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def put(self, data: bytes) -> str:
        """Store a scan durably; returns its SHA-256 (storing the same bytes twice is one file).

        Raises:
            InvalidInput: the scan is empty or larger than MAX_SCAN_BYTES.
            OSError: the disk refused (full, read-only); nothing is left half-written.
        """
        if not 0 < len(data) <= MAX_SCAN_BYTES:
            raise InvalidInput(
                "a scan has 1 to {limit} bytes, not {length}",
                limit=MAX_SCAN_BYTES,
                length=len(data),
            )
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256)
        if target.exists():
            return sha256
        _make_folder(target.parent)
        temporary = target.with_name(f".{sha256}.{secrets.token_hex(4)}.tmp")
        try:
            with open_private(temporary) as handle:  # 0600 whatever the umask
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(target)
        finally:
            temporary.unlink(missing_ok=True)
        sync_folder(target.parent)
        return sha256

    def path(self, sha256: str) -> Path:
        """Where the scan with this hash lives.

        Raises:
            InvalidInput: not a SHA-256.
        """
        if not _SHA256.match(sha256):
            raise InvalidInput("{sha256!r} is not a SHA-256", sha256=sha256)
        return self.root / sha256[:2] / sha256

    def read_from(self, sha256: str, offset: int, *, chunk: int) -> Iterator[bytes]:
        """The scan's bytes from `offset` on, in chunks.

        Raises:
            NotFound: the scan is not in the folder.
        """
        try:
            handle = open(self.path(sha256), "rb")  # noqa: SIM115  (closed by the generator)
        except FileNotFoundError:
            raise NotFound(
                "scan {sha256} is not in {root}", sha256=sha256, root=str(self.root)
            ) from None
        with handle:
            handle.seek(offset)
            while data := handle.read(chunk):
                yield data

    def intact(self, sha256: str) -> bool:
        """Whether the stored bytes still hash to their name."""
        digest = hashlib.sha256()
        try:
            for data in self.read_from(sha256, 0, chunk=1024 * 1024):
                digest.update(data)
        except NotFound:
            return False
        return digest.hexdigest() == sha256


def _make_folder(folder: Path) -> None:
    # A new folder's entry lives in its parent: sync the parent too, or a power cut can take
    # the folder (and every scan in it) away although each scan file was synced.
    missing: list[Path] = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        private_folder(path)  # 0700 whatever the umask (issue 7, data at rest)
        sync_folder(path.parent)
