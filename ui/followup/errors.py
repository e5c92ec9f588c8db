"""How the follow-up screens put an error into words (the one place they do it)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from clerk.errors import ClerkError, NotFound
from clerk.store import StoreBusy
from printing.errors import PrintingError
from ui.errors import explain_error


def error_text(error: Exception, log: logging.Logger) -> str:
    """The message a screen shows for a failed call; unexpected errors go to the log.

    Args:
        error: what the call raised.
        log: the calling module's logger, for errors nobody expected.

    Returns:
        A sentence for the clerk.
    """
    if isinstance(error, StoreBusy):
        return QCoreApplication.translate(
            "Followup", "The local store is busy. Please try again in a moment."
        )
    if isinstance(error, NotFound):
        return QCoreApplication.translate("Followup", "Not found: {reason}").format(
            reason=explain_error(error)
        )
    if isinstance(error, ClerkError):
        return explain_error(error)
    if isinstance(error, PrintingError):
        return str(error)
    log.error("a follow-up call failed", exc_info=error)
    return QCoreApplication.translate(
        "Followup", "Something went wrong; the error is in the log. Please tell the supervisor."
    )
