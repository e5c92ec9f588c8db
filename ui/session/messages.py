"""What the session screens tell the user about a failure: one function, every error."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QCoreApplication

from clerk.errors import ClerkError, RuleViolation
from sync.client import Busy, NotEnrolled, Offline, Refused, TlsError, UpdateNeeded
from sync.embedded import EmbeddedRegistryFailed
from sync.login import LoginRefused
from ui.errors import explain_error

_log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # the name lupdate looks for: translate("Session", …)


def wait_text(seconds: float) -> str:
    """A wait such as "45 s" or "2 min 5 s", rounded up to the second."""
    total = max(1, math.ceil(seconds))
    minutes, rest = divmod(total, 60)
    if not minutes:
        return translate("Session", "{seconds} s").format(seconds=rest)
    if not rest:
        return translate("Session", "{minutes} min").format(minutes=minutes)
    return translate("Session", "{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)


def login_message(error: LoginRefused) -> str:
    """A refused login: a lock-out names the remaining wait."""
    if error.retry_after is not None:
        return translate("Session", "Too many failed attempts: try again in {wait}.").format(
            wait=wait_text(error.retry_after)
        )
    if "wrong staff number or password" in str(error):
        return translate("Session", "Wrong staff number or password.")
    return translate("Session", "Sign-in refused: {reason}").format(reason=explain_error(error))


def user_message(error: Exception) -> str:
    """The message shown for any failure of sign-in or enrolment (logged here, once).

    Args:
        error: what the background call raised.

    Returns:
        A translated sentence for the user.
    """
    _log.info("session step failed: %s: %s", type(error).__name__, error)
    if isinstance(error, LoginRefused):
        return login_message(error)
    if isinstance(error, Offline):
        if isinstance(error, TlsError):
            return translate(
                "Session",
                "The TLS certificate of the registry could not be verified. Check the address "
                "(https://…) and the certificate installed on this computer.",
            )
        return translate(
            "Session", "The registry cannot be reached. Check the address and the network."
        )
    if isinstance(error, NotEnrolled):
        return translate(
            "Session",
            "This enrolment code is unknown, already used or expired. "
            "Ask the administrator for a new one.",
        )
    if isinstance(error, Busy | UpdateNeeded | Refused):
        return _registry_message(error)
    return _other_message(error)


def _registry_message(error: Busy | UpdateNeeded | Refused) -> str:
    if isinstance(error, Busy):
        return translate("Session", "The registry is busy. Please try again in a moment.")
    if isinstance(error, UpdateNeeded):
        return translate(
            "Session", "This Window Clerk is too old for the registry: please update it."
        )
    return translate("Session", "The registry refused: {reason}").format(
        reason=explain_error(error)
    )


def _other_message(error: Exception) -> str:
    if isinstance(error, EmbeddedRegistryFailed):
        return translate("Session", "The built-in demo registry did not start: {reason}").format(
            reason=error
        )
    if isinstance(error, RuleViolation):
        return translate(
            "Session", "The data of this counter belong to another counter: {reason}"
        ).format(reason=explain_error(error))
    if isinstance(error, ClerkError):
        return translate("Session", "The step failed: {reason}").format(reason=explain_error(error))
    _log.error("unexpected failure in the session screens", exc_info=error)
    return translate("Session", "Something unexpected went wrong; the details are in the log.")
