"""A glance at a counter's store without opening it: is it enrolled, and how is it named.

A clerk's start shows the sign-in dialog before anything heavy is imported (issue 6): the
dialog names the counter, so its store is read here with the standard library's `sqlite3`,
read-only, without SQLAlchemy, migrations or locks. Anything unexpected (no file, an older
schema, a locked or damaged file) answers None, and the start takes its full path instead,
which opens the store properly and says what is wrong.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

STORE_FILE = "counter.db"
"""The store's file in the counter's data folder."""
EPOCH_KEY, URL_KEY, TOKEN_KEY = "server_epoch", "registry_url", "device_token"
"""The `sync_state` keys of the registry's epoch and address and this counter's credential."""

_ENROLLED = "SELECT count(*) FROM sync_state WHERE key IN (?, ?)"
_NAMED = "SELECT hall, counter FROM device ORDER BY id LIMIT 1"
_WAIT_MS = 200  # a writer holding the file this long: take the full path instead


@dataclass(frozen=True, slots=True)
class EnrolledCounter:
    """An enrolled counter's hall and counter codes, as its store names them."""

    hall: str
    counter: str

    @property
    def label(self) -> str:
        """How screens name the counter, e.g. "DEMO · W01"."""
        return f"{self.hall} · {self.counter}"


def enrolled_counter(path: Path) -> EnrolledCounter | None:
    """The counter of the store at `path` when it is enrolled with a registry, else None
    (no store, not enrolled, or unreadable now: the caller opens it properly)."""
    if not path.is_file():
        return None
    uri = f"{path.resolve().as_uri()}?mode=ro"  # a URI: a missing file is never created
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=_WAIT_MS / 1000)) as database:
            (keys,) = database.execute(_ENROLLED, (URL_KEY, TOKEN_KEY)).fetchone()
            named = database.execute(_NAMED).fetchone()
    except sqlite3.Error:
        return None
    if keys != 2 or named is None:  # both the address and the credential
        return None
    return EnrolledCounter(hall=str(named[0]), counter=str(named[1]))
