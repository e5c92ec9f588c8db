"""Scans by content hash: which are missing, resumable chunked upload, hash check (SYNC.md, Blobs).

Bytes live in the database in chunks, so any registry process can take the next chunk of an
upload another one started. A blob counts only once its SHA-256 was recomputed from the stored
chunks; a mismatch throws the chunks away and the upload starts again from zero.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from clerk.wire import BLOB_CHUNK_BYTES, UploadState
from registry.db import is_postgres, stamp
from registry.errors import BadRequest, Conflict, Invalid, NotFoundError
from registry.schema import BLOB_CHUNKS, BLOBS, CASE_BLOBS

MAX_BLOB_BYTES = 512 * 1024 * 1024
MAX_CHUNK_BYTES = 2 * BLOB_CHUNK_BYTES
MAX_QUERY_HASHES = 1000
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_READ_BINARY = 'SELECT data FROM blob_chunks WHERE sha256 = %s ORDER BY "offset"'


class HashMismatch(Invalid):
    """The completed bytes do not hash to their name; the chunks were thrown away.

    The caller must commit that reset before answering, or the upload stays stuck at its last
    chunk with the bad bytes kept.
    """


def check_hash(sha256: str) -> str:
    """Return a well-formed lowercase SHA-256.

    Raises:
        BadRequest: not 64 lowercase hexadecimal digits.
    """
    if not _SHA256.match(sha256):
        raise BadRequest(f"{sha256[:80]!r} is not a SHA-256 (64 lowercase hexadecimal digits)")
    return sha256


def missing(connection: Connection, hashes: Sequence[str]) -> list[str]:
    """The hashes among `hashes` the registry does not hold verified, in the order asked.

    Raises:
        BadRequest: too many hashes, or one is malformed.
    """
    if len(hashes) > MAX_QUERY_HASHES:
        raise BadRequest(f"ask about at most {MAX_QUERY_HASHES} hashes at a time")
    wanted = [check_hash(sha) for sha in hashes]
    if not wanted:
        return []
    query = select(BLOBS.c.sha256).where(BLOBS.c.sha256.in_(set(wanted)), BLOBS.c.verified)
    held = set(connection.execute(query).scalars())
    return [sha for sha in dict.fromkeys(wanted) if sha not in held]


def state(connection: Connection, sha256: str) -> UploadState:
    """How much of a blob has arrived.

    Raises:
        NotFoundError: no upload of this blob has started.
    """
    row = connection.execute(select(BLOBS).where(BLOBS.c.sha256 == check_hash(sha256))).first()
    if row is None:
        raise NotFoundError(f"no upload of blob {sha256} has started")
    return UploadState(row.sha256, row.size, row.received, row.verified)


def put_chunk(
    connection: Connection, *, sha256: str, size: int, offset: int, data: bytes, now: datetime
) -> UploadState:
    """Store the chunk at `offset` of a blob of `size` bytes; verify the blob when complete.

    Raises:
        BadRequest: impossible size, offset or chunk length.
        Conflict: the offset is not where the upload stands (the answer says where it does).
        HashMismatch: the completed bytes do not hash to `sha256` (the upload restarts at zero;
            commit before answering).
    """
    check_hash(sha256)
    _check_chunk(size=size, offset=offset, length=len(data))
    row = connection.execute(
        select(BLOBS).where(BLOBS.c.sha256 == sha256).with_for_update()
    ).first()
    if row is None:
        connection.execute(
            insert(BLOBS).values(
                sha256=sha256, size=size, received=0, verified=False, created_at=stamp(now)
            )
        )
        received, verified = 0, False
    else:
        if row.size != size:
            raise Conflict(f"blob {sha256} is being uploaded with size {row.size}, not {size}")
        received, verified = row.received, row.verified
    if verified:
        return UploadState(sha256, size, size, verified=True)
    if offset != received:
        raise Conflict(f"blob {sha256}: the upload stands at byte {received}, not {offset}")
    connection.execute(insert(BLOB_CHUNKS).values(sha256=sha256, offset=offset, data=data))
    received += len(data)
    connection.execute(update(BLOBS).where(BLOBS.c.sha256 == sha256).values(received=received))
    if received == size:
        return _verify(connection, sha256, size, now)
    return UploadState(sha256, size, received, verified=False)


def _check_chunk(*, size: int, offset: int, length: int) -> None:
    if not 0 < size <= MAX_BLOB_BYTES:
        raise BadRequest(f"a blob has 1 to {MAX_BLOB_BYTES} bytes, not {size}")
    if not 0 < length <= MAX_CHUNK_BYTES:
        raise BadRequest(f"a chunk has 1 to {MAX_CHUNK_BYTES} bytes, not {length}")
    if offset < 0 or offset + length > size:
        raise BadRequest(f"bytes {offset}–{offset + length} do not fit a blob of {size} bytes")


def _verify(connection: Connection, sha256: str, size: int, now: datetime) -> UploadState:
    digest = hashlib.sha256()
    for chunk in read(connection, sha256):
        digest.update(chunk)
    if digest.hexdigest() != sha256:
        connection.execute(delete(BLOB_CHUNKS).where(BLOB_CHUNKS.c.sha256 == sha256))
        connection.execute(update(BLOBS).where(BLOBS.c.sha256 == sha256).values(received=0))
        raise HashMismatch(f"the bytes received do not hash to {sha256}: the upload starts again")
    connection.execute(
        update(BLOBS).where(BLOBS.c.sha256 == sha256).values(verified=True, verified_at=stamp(now))
    )
    return UploadState(sha256, size, size, verified=True)


def read(connection: Connection, sha256: str) -> list[bytes]:
    """A blob's chunks in order."""
    if is_postgres(connection):
        # psycopg reads bytea as hex text unless asked for binary: 3× slower for megabytes.
        driver = connection.connection.driver_connection
        assert driver is not None
        rows = driver.execute(_READ_BINARY, (sha256,), binary=True)
        return [bytes(row[0]) for row in rows]
    query = (
        select(BLOB_CHUNKS.c.data)
        .where(BLOB_CHUNKS.c.sha256 == sha256)
        .order_by(BLOB_CHUNKS.c.offset)
    )
    return [bytes(chunk) for chunk in connection.execute(query).scalars()]


def pending_for_case(connection: Connection, case_id: str) -> list[str]:
    """Scans a case references whose bytes have not arrived verified ("materials pending")."""
    query = (
        select(CASE_BLOBS.c.sha256)
        .select_from(CASE_BLOBS.outerjoin(BLOBS, BLOBS.c.sha256 == CASE_BLOBS.c.sha256))
        .where(CASE_BLOBS.c.case_id == case_id)
        .where((BLOBS.c.verified.is_(None)) | (BLOBS.c.verified.is_(False)))
        .order_by(CASE_BLOBS.c.sha256)
    )
    return list(connection.execute(query).scalars())
