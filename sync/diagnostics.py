"""The diagnostics bundle: what support needs to help a counter, without personal data.

`export` writes one zip (0600) with versions (application, Python, Qt, SQLite, OS), the
settings (secrets removed), a summary of the store (schema version, row counts, cases by
status), of the outbox (counts by kind and state, the oldest waiting operation's age), the
sync status (cursors, last push and pull, scans waiting) and the logs. The store is read
through a read-only SQLite connection, so a running counter is not disturbed.

Personal data never leaves in it: every applicant's name, ID number, phone and address held
in the store is replaced wherever it appears in the logs and settings, and so is anything
shaped like an ID number, a credit code or a phone number (`redact`). The summaries carry
only counts, kinds and times.
"""

from __future__ import annotations

import importlib.metadata
import json
import platform
import re
import sqlite3
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk.private import open_private
from clerk.store.codec import parse_time
from clerk.store.peek import STORE_FILE

REDACTED = "[redacted]"
SETTINGS_FILE = "window-clerk.ini"
LOG_PATTERNS = ("window-clerk.log*", "registry/registry.log*")
_SECRET_KEY = re.compile(r"password|secret|token|credential|enrol", re.IGNORECASE)
_SHAPES = (
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),  # resident ID (GB 11643)
    re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])"),  # legacy 15-digit ID
    re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"),
    re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)"),  # mobile
    re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)"),  # landline with area code
)
_PERSONAL_FIELDS = ("name", "id_number", "phone", "address", "contact_name")


@dataclass(frozen=True, slots=True)
class Bundle:
    """What an export wrote: the zip and the names of its entries."""

    path: Path
    entries: tuple[str, ...]


def redact(text: str, known: Iterable[str] = ()) -> str:
    """`text` without the known personal values and anything shaped like one.

    Args:
        text: a log, a settings file.
        known: names, ID numbers, phones and addresses held in the store.

    Returns:
        The text with each of them replaced by "[redacted]".
    """
    for value in sorted(set(known), key=len, reverse=True):
        text = text.replace(value, REDACTED)
    for shape in _SHAPES:
        text = shape.sub(REDACTED, text)
    return text


def export(
    out: Path,
    *,
    folder: Path,
    now: datetime,
    qt_version: str = "",
    extra: dict[str, str] | None = None,
) -> Bundle:
    """Write the diagnostics bundle of the counter whose data folder is `folder`.

    Args:
        out: the zip to write (replaced; readable by this user only).
        folder: the counter's data folder (store, settings, logs).
        now: the moment of the export (timezone-aware): ages are measured from it.
        qt_version: the Qt library's version (the caller's: this layer has no Qt).
        extra: further version lines (e.g. PySide6).

    Returns:
        The bundle written.
    """
    store = folder / STORE_FILE
    summary, known = _read_store(store, now) if store.exists() else ({}, set())
    entries: dict[str, str] = {
        "versions.json": _json(_versions(qt_version, extra or {})),
        "store.json": _json(summary.get("store", {"present": False})),
        "outbox.json": _json(summary.get("outbox", {})),
        "sync.json": _json(summary.get("sync", {})),
        "settings.ini": redact(_settings(folder / SETTINGS_FILE), known),
    }
    for pattern in LOG_PATTERNS:
        for log in sorted(folder.glob(pattern)):
            text = log.read_text(encoding="utf-8", errors="replace")
            entries[f"logs/{log.relative_to(folder).as_posix()}"] = redact(text, known)
    with open_private(out) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, text in entries.items():
            bundle.writestr(name, text)
    return Bundle(out, tuple(entries))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str)


def _versions(qt_version: str, extra: dict[str, str]) -> dict[str, str]:
    try:
        application = importlib.metadata.version("window-clerk")
    except importlib.metadata.PackageNotFoundError:
        application = "unknown"
    return {
        "application": application,
        "python": sys.version.split()[0],
        "qt": qt_version or "unknown",
        "sqlite": sqlite3.sqlite_version,
        "os": platform.platform(),
        **extra,
    }


def _settings(path: Path) -> str:
    """The settings file with the value of every secret-looking key removed."""
    if not path.exists():
        return ""
    lines = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        key, sep, _value = line.partition("=")
        lines.append(f"{key}={REDACTED}" if sep and _SECRET_KEY.search(key) else line)
    return "\n".join(lines) + "\n"


def _read_store(path: Path, now: datetime) -> tuple[dict[str, Any], set[str]]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        known = _personal_values(connection)
        summary = {
            "store": _store_summary(connection),
            "outbox": _outbox_summary(connection, now),
            "sync": _sync_summary(connection),
        }
        return summary, known
    finally:
        connection.close()


def _personal_values(connection: sqlite3.Connection) -> set[str]:
    """Every applicant's personal values held in the store (to take out of the logs)."""
    known: set[str] = set()
    rows = connection.execute(
        "SELECT applicant_name, applicant_id_number, applicant_phone, data FROM cases"
    )
    for name, id_number, phone, data in rows:
        known.update((name, id_number, phone))
        applicant = json.loads(data).get("applicant") or {}
        known.update(str(applicant.get(key) or "") for key in _PERSONAL_FIELDS)
    return {value for value in known if value and len(value.strip()) >= 2}


def _count(connection: sqlite3.Connection, table: str) -> int:
    return int(connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])  # noqa: S608


def _store_summary(connection: sqlite3.Connection) -> dict[str, Any]:
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    statuses = connection.execute("SELECT status, count(*) FROM cases GROUP BY status")
    return {
        "present": True,
        "schema_version": connection.execute("PRAGMA user_version").fetchone()[0],
        "rows": {table: _count(connection, table) for table in sorted(tables)},
        "cases_by_status": dict(statuses.fetchall()),
    }


def _outbox_summary(connection: sqlite3.Connection, now: datetime) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {}
    for op_type, state, count in connection.execute(
        "SELECT op_type, state, count(*) FROM outbox GROUP BY op_type, state"
    ):
        counts.setdefault(op_type, {})[state] = count
    oldest = connection.execute(
        "SELECT min(created_at) FROM outbox WHERE state = 'pending'"
    ).fetchone()[0]
    age = None
    if oldest is not None:
        age = round((now - parse_time(str(oldest))).total_seconds())
    return {"by_kind_and_state": counts, "oldest_pending_age_seconds": age}


def _sync_summary(connection: sqlite3.Connection) -> dict[str, Any]:
    state = {
        key: value
        for key, value in connection.execute("SELECT key, value FROM sync_state")
        if not _SECRET_KEY.search(key)
    }
    cursors = dict(connection.execute("SELECT space, version FROM sync_cursors").fetchall())
    waiting, size = connection.execute(
        "SELECT count(*), coalesce(sum(size), 0) FROM blobs WHERE verified_at IS NULL"
    ).fetchone()
    return {
        "state": state,
        "cursors": cursors,
        "scans_waiting": waiting,
        "scan_bytes_waiting": size,
    }
