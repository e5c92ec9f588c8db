"""The registry's errors: each maps to one HTTP status and a stable code."""

from __future__ import annotations


class RegistryError(Exception):
    """Base of the registry's errors; `status` and `code` say how the API answers."""

    status = 400
    code = "bad_request"


class ConfigurationError(RegistryError):
    """The registry's settings are missing or unsafe; it does not start."""

    code = "configuration"


class BadRequest(RegistryError):
    """The request is malformed or refers to nothing sensible."""


class Unauthorized(RegistryError):
    """No valid credential came with the request."""

    status = 401
    code = "unauthorized"


class Forbidden(RegistryError):
    """The caller is known but may not do this."""

    status = 403
    code = "forbidden"


class NotFoundError(RegistryError):
    """What the request names does not exist."""

    status = 404
    code = "not_found"


class Conflict(RegistryError):
    """The request disagrees with the registry's state (stale version, offset, reuse)."""

    status = 409
    code = "conflict"


class TooLarge(RegistryError):
    """The request body is larger than the registry accepts."""

    status = 413
    code = "too_large"


class Invalid(RegistryError):
    """The request is well-formed but its content is wrong (hash mismatch, bad field)."""

    status = 422
    code = "invalid"


class SlowDown(RegistryError):
    """Too many failed attempts: try again after `retry_after` seconds."""

    status = 429
    code = "slow_down"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class UpgradeRequired(RegistryError):
    """The counter's protocol version is too old: it must be updated (its outbox is kept)."""

    status = 426
    code = "upgrade_required"
