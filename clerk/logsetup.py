"""How the counter and the registry write their logs: plain text, or JSON lines on request.

Both programs configure logging once, at start, through `configure` (the registry for its
stderr, which systemd's journal keeps) or `formatter` (the counter for its rotating file).
`WINDOW_CLERK_LOG_FORMAT=json` switches to one JSON object per line, for a log collector:

    {"ts": "2026-03-02T01:15:04.518Z", "level": "INFO", "logger": "registry.access",
     "message": "POST /api/v1/sync/push 200 12.4 ms", "request_id": "5f0c…",
     "method": "POST", "route": "/api/v1/sync/push", "status": 200, "duration_ms": 12.4,
     "hall": "SF01", "device": "W01"}

`ts` is UTC (ISO 8601, milliseconds, `Z`). Besides the four fixed keys, a record carries only
the fields named in `FIELDS`, given by the code through `extra=`: an argument a caller did not
mean for the log (a password, an ID number) never becomes a key by accident. The message
itself is written by our own code, which never puts credentials or personal data in it
(tests/integration/test_no_secrets_logged.py, tests/ops/test_json_logs.py).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

FORMAT_VARIABLE = "WINDOW_CLERK_LOG_FORMAT"
"""`json` for JSON lines; anything else (or nothing) for the plain text format."""
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
FIELDS = ("request_id", "method", "route", "status", "duration_ms", "hall", "device")
"""The context a record may carry besides its message (request, hall, device — never people)."""


class JsonLines(logging.Formatter):
    """One JSON object per record, on one line (newlines inside values are escaped)."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON object: ts, level, logger, message, known fields, exception."""
        moment = datetime.fromtimestamp(record.created, tz=UTC)
        entry: dict[str, Any] = {
            "ts": moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            value = record.__dict__.get(name)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, separators=(",", ":"), default=str)


def wants_json(environ: Mapping[str, str] | None = None) -> bool:
    """Whether `$WINDOW_CLERK_LOG_FORMAT` asks for JSON lines."""
    environ = os.environ if environ is None else environ
    return environ.get(FORMAT_VARIABLE, "").strip().lower() == "json"


def formatter(environ: Mapping[str, str] | None = None) -> logging.Formatter:
    """The formatter the environment asks for: `JsonLines`, or the plain text format."""
    return JsonLines() if wants_json(environ) else logging.Formatter(TEXT_FORMAT)


def level_named(name: str | None, default: int = logging.INFO) -> int:
    """The level called `name` (DEBUG, INFO, WARNING, ERROR, any case), else `default`."""
    levels = {"DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARNING": logging.WARNING}
    levels["ERROR"] = logging.ERROR
    return levels.get((name or "").strip().upper(), default)


def configure(
    level: int | str,
    *,
    handlers: Sequence[logging.Handler] | None = None,
    environ: Mapping[str, str] | None = None,
) -> None:
    """Send every module logger's records at `level` and above to `handlers` (stderr if none).

    Like `logging.basicConfig`, does nothing when the root logger has handlers already (a
    host such as pytest configured it).

    Args:
        level: a logging level (number or name).
        handlers: where records go; each gets the environment's formatter.
        environ: the environment to read the format from (os.environ by default).
    """
    chosen = list(handlers) if handlers else [logging.StreamHandler()]
    for handler in chosen:
        handler.setFormatter(formatter(environ))
    logging.basicConfig(level=level, handlers=chosen)
