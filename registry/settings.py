"""The registry's settings, read once from the environment (or the command line).

Outside development the registry refuses to start with the well-known development secret or
without one: a secret signs every staff session, so a default one would let anybody in.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from registry.errors import ConfigurationError

ENV_PREFIX = "WINDOW_CLERK_REGISTRY_"
DEVELOPMENT_SECRET = "development-only-secret-do-not-deploy"  # noqa: S105  (refused in production)
_MIN_SECRET_LENGTH = 32
_ENVIRONMENTS = ("development", "production")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a registry process needs to know; immutable once read.

    Attributes:
        database_url: SQLAlchemy URL (sqlite:///path or postgresql+psycopg://…).
        environment: "development" or "production".
        secret: signs staff sessions; at least 32 characters outside development.
        session_hours: how long a staff session lasts.
        min_client_version: counters below this protocol version are told to update.
        max_body_bytes: the largest request body accepted (after gzip is undone).
        enrolment_hours: how long a one-time enrolment code stays valid.
        lean_queue: answer the queue's busiest routes on the lean path (`registry.lean`);
            off, FastAPI answers them like every other route (same answers, slower).
    """

    database_url: str
    environment: str = "production"
    secret: str = ""
    session_hours: int = 10
    min_client_version: int = 1
    max_body_bytes: int = 8 * 1024 * 1024
    enrolment_hours: int = 72
    lean_queue: bool = True

    def __post_init__(self) -> None:
        if self.environment not in _ENVIRONMENTS:
            raise ConfigurationError(
                f"{ENV_PREFIX}ENV must be one of {', '.join(_ENVIRONMENTS)}, "
                f"not {self.environment!r}"
            )
        if self.environment != "development":
            _check_secret(self.secret)

    @property
    def signing_secret(self) -> str:
        """The secret in use (the development one only in development)."""
        return self.secret or DEVELOPMENT_SECRET


def _check_secret(secret: str) -> None:
    if not secret or secret == DEVELOPMENT_SECRET:
        raise ConfigurationError(
            f"set {ENV_PREFIX}SECRET to a random value of at least {_MIN_SECRET_LENGTH} "
            f"characters (e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`); "
            f"the development secret is refused outside {ENV_PREFIX}ENV=development"
        )
    if len(secret) < _MIN_SECRET_LENGTH:
        raise ConfigurationError(
            f"{ENV_PREFIX}SECRET is too short ({len(secret)} characters, "
            f"at least {_MIN_SECRET_LENGTH} needed)"
        )


def default_database_url(environ: Mapping[str, str] | None = None) -> str:
    """SQLite in the platform's data folder (XDG_DATA_HOME, else ~/.local/share)."""
    environ = os.environ if environ is None else environ
    base = Path(environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    folder = base / "window-clerk-registry"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'registry.sqlite'}"


def from_environment(
    environ: Mapping[str, str] | None = None, *, database_url: str | None = None
) -> Settings:
    """Read the settings from `WINDOW_CLERK_REGISTRY_*` variables.

    Args:
        environ: the environment (os.environ by default).
        database_url: overrides WINDOW_CLERK_REGISTRY_DATABASE_URL (e.g. from --database-url).

    Raises:
        ConfigurationError: a value is malformed, or the secret is missing or default outside
            development.
    """
    environ = os.environ if environ is None else environ
    url = database_url or environ.get(f"{ENV_PREFIX}DATABASE_URL") or default_database_url(environ)
    return Settings(
        database_url=url,
        environment=environ.get(f"{ENV_PREFIX}ENV", "production"),
        secret=environ.get(f"{ENV_PREFIX}SECRET", ""),
        session_hours=_integer(environ, "SESSION_HOURS", 10),
        min_client_version=_integer(environ, "MIN_CLIENT_VERSION", 1),
        max_body_bytes=_integer(environ, "MAX_BODY_BYTES", 8 * 1024 * 1024),
        enrolment_hours=_integer(environ, "ENROLMENT_HOURS", 72),
        lean_queue=_switch(environ, "LEAN_QUEUE", default=True),
    )


def _switch(environ: Mapping[str, str], name: str, *, default: bool) -> bool:
    text = environ.get(ENV_PREFIX + name, "").strip().lower()
    if not text:
        return default
    if text in ("1", "on", "yes", "true"):
        return True
    if text in ("0", "off", "no", "false"):
        return False
    raise ConfigurationError(f"{ENV_PREFIX}{name} must be on or off, not {text!r}")


def _integer(environ: Mapping[str, str], name: str, default: int) -> int:
    text = environ.get(ENV_PREFIX + name)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ConfigurationError(
            f"{ENV_PREFIX}{name} must be a whole number, not {text!r}"
        ) from None
    if value <= 0:
        raise ConfigurationError(f"{ENV_PREFIX}{name} must be positive, not {value}")
    return value
