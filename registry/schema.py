"""The registry's tables (SQLAlchemy Core), portable between SQLite and PostgreSQL.

JSON is kept as canonical text so that what the registry hashes and serves is byte-for-byte
what it stored. Times are UTC ISO text (`T.at`): comparable, and identical on both engines.
Nothing is ever deleted: cancellation is a state (SYNC.md, who owns what).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

METADATA = MetaData()

_TIME = String(40)
_HASH = String(64)

META = Table(
    "meta",
    METADATA,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

HALLS = Table(
    "halls",
    METADATA,
    Column("code", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("created_at", _TIME, nullable=False),
)

COUNTERS = Table(
    "counters",
    METADATA,
    Column("device_id", String(40), primary_key=True),
    Column("hall", String(16), ForeignKey("halls.code"), nullable=False),
    Column("code", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("token_hash", _HASH, unique=True),
    Column("enrolled_at", _TIME),
    Column("revoked_at", _TIME),
    UniqueConstraint("hall", "code"),
)

ENROLMENTS = Table(
    "enrolments",
    METADATA,
    Column("code_hash", _HASH, primary_key=True),
    Column("device_id", String(40), ForeignKey("counters.device_id"), nullable=False),
    Column("created_at", _TIME, nullable=False),
    Column("expires_at", _TIME, nullable=False),
    Column("used_at", _TIME),
)

STAFF = Table(
    "staff",
    METADATA,
    Column("staff_id", String(32), primary_key=True),
    Column("hall", String(16), ForeignKey("halls.code"), nullable=False),
    Column("name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("verifier", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("locked_until", _TIME),
    Column("updated_at", _TIME, nullable=False),
)

OPS = Table(
    "ops",
    METADATA,
    Column("op_id", String(36), primary_key=True),
    Column("device_id", String(40), nullable=False),
    Column("client_seq", BigInteger, nullable=False),
    Column("op_type", String(64), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("payload_sha256", _HASH, nullable=False),
    Column("state", String(16), nullable=False),
    Column("code", String(64)),
    Column("reason", Text),
    Column("received_at", _TIME, nullable=False),
    Index("ops_device_seq", "device_id", "client_seq"),
)

CASES = Table(
    "cases",
    METADATA,
    Column("case_id", String(64), primary_key=True),
    Column("hall", String(16), nullable=False),
    Column("number", String(64), nullable=False, unique=True),
    Column("owner", String(40), nullable=False),
    Column("status", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("last_writer", String(64), nullable=False),
    Column("run_base", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Column("updated_at", _TIME, nullable=False),
)

DOCUMENTS = Table(
    "documents",
    METADATA,
    Column("number", String(64), primary_key=True),
    Column("case_id", String(64), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("device_id", String(40), nullable=False),
    Column("op_id", String(36), nullable=False),
    Column("created_at", _TIME, nullable=False),
    Column("payload", Text, nullable=False),
)

AUDIT = Table(
    "audit",
    METADATA,
    Column("chain", String(64), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("case_id", String(64), index=True),
    Column("at", _TIME, nullable=False),
    Column("actor", String(32), nullable=False),
    Column("action", String(64), nullable=False),
    Column("prev_hash", _HASH, nullable=False),
    Column("hash", _HASH, nullable=False),
    Column("detail", Text, nullable=False),
)

BLOBS = Table(
    "blobs",
    METADATA,
    Column("sha256", _HASH, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("received", BigInteger, nullable=False),
    Column("verified", Boolean, nullable=False),
    Column("created_at", _TIME, nullable=False),
    Column("verified_at", _TIME),
)

BLOB_CHUNKS = Table(
    "blob_chunks",
    METADATA,
    Column("sha256", _HASH, primary_key=True),
    Column("offset", BigInteger, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

CASE_BLOBS = Table(
    "case_blobs",
    METADATA,
    Column("case_id", String(64), primary_key=True),
    Column("sha256", _HASH, primary_key=True, index=True),
)

SPACES = Table(
    "spaces",
    METADATA,
    Column("space", String(32), primary_key=True),
    Column("version", BigInteger, nullable=False),
)

CHANGES = Table(
    "changes",
    METADATA,
    Column("space", String(32), primary_key=True),
    Column("version", BigInteger, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("data", Text, nullable=False),
    Column("at", _TIME, nullable=False),
)

CATALOGUES = Table(
    "catalogues",
    METADATA,
    Column("version", String(64), primary_key=True),
    Column("data", Text, nullable=False),
    Column("installed_at", _TIME, nullable=False),
)

CALENDAR = Table(
    "calendar_overrides",
    METADATA,
    Column("day", String(10), primary_key=True),
    Column("workday", Boolean, nullable=False),
    Column("reason", Text, nullable=False),
)
