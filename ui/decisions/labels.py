"""Words for the decisions' screens: domain values as the clerk reads them, and error texts.

`explain` is the one function through which an error of a decision reaches the clerk: the
domain's own message (it names the rule or the field; `ui.errors.explain_error` translates it)
after a translated lead that says what kind of problem it is. Errors nobody planned for are
logged and shown as such.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication

from clerk.catalog.model import CorrectionExpiry, OwedExpiry
from clerk.errors import ClerkError, InvalidInput, NotFound, PermissionDenied, RuleViolation
from clerk.identity import IdCheck, IdProblem
from clerk.materials import Problem
from printing.errors import DocumentDataError, PrinterError
from sync.login import LoginRefused
from ui.errors import explain_error

_log = logging.getLogger(__name__)


def problem_label(problem: Problem) -> str:
    """A notice line's problem (Art. 32 wording)."""
    labels = {
        Problem.MISSING: QCoreApplication.translate("Decisions", "Missing"),
        Problem.NOT_LEGAL_FORM: QCoreApplication.translate("Decisions", "Not in legal form"),
        Problem.CONTENT: QCoreApplication.translate("Decisions", "Content to correct"),
    }
    return labels[problem]


def correction_expiry_label(expiry: CorrectionExpiry) -> str:
    """What happens when the correction deadline passes."""
    labels = {
        CorrectionExpiry.DEEMED_WITHDRAWN: QCoreApplication.translate(
            "Decisions", "the application is deemed withdrawn"
        ),
        CorrectionExpiry.NOT_ACCEPTED: QCoreApplication.translate(
            "Decisions", "the application is not accepted"
        ),
        CorrectionExpiry.RETURNED: QCoreApplication.translate(
            "Decisions", "the materials are returned"
        ),
    }
    return labels[expiry]


def owed_expiry_label(expiry: OwedExpiry) -> str:
    """What happens when owed (容缺) material misses its due date."""
    labels = {
        OwedExpiry.WITHDRAWN: QCoreApplication.translate(
            "Decisions", "the application is deemed withdrawn"
        ),
        OwedExpiry.TERMINATED: QCoreApplication.translate(
            "Decisions", "the procedure is terminated"
        ),
    }
    return labels[expiry]


def day_text(day: date, *, provisional: bool = False) -> str:
    """A date as 2026-03-09; a provisional one says so."""
    text = day.isoformat()  # unambiguous in either language
    if provisional:
        return QCoreApplication.translate("Decisions", "{day} (provisional)").format(day=text)
    return text


def id_problem_text(check: IdCheck) -> str:
    """Why an ID number is not valid, naming the problem (empty for a valid number)."""
    if check.ok or check.problem is None:
        return ""
    texts = {
        IdProblem.EMPTY: QCoreApplication.translate("Decisions", "Enter the ID number."),
        IdProblem.LENGTH: QCoreApplication.translate(
            "Decisions", "An ID number has 18 characters (15 for an old one)."
        ),
        IdProblem.CHARACTER: QCoreApplication.translate(
            "Decisions", "Character {found} at position {position} is not allowed."
        ),
        IdProblem.REGION: QCoreApplication.translate("Decisions", "{found} is not a region code."),
        IdProblem.BIRTH_DATE: QCoreApplication.translate(
            "Decisions", "{found} is not a date of birth."
        ),
        IdProblem.BIRTH_DATE_TOO_EARLY: QCoreApplication.translate(
            "Decisions", "The date of birth {found} is too early."
        ),
        IdProblem.BIRTH_DATE_IN_FUTURE: QCoreApplication.translate(
            "Decisions", "The date of birth {found} is in the future."
        ),
        IdProblem.CHECK_CHARACTER: QCoreApplication.translate(
            "Decisions", "The check character is wrong: mistyped?"
        ),
    }
    return texts[check.problem].format(found=check.found or "", position=check.position or "")


def print_failed_text(reason: str) -> str:
    """A failed print: the reason, and that the job waits in the queue."""
    return QCoreApplication.translate(
        "Decisions",
        "The printer failed: {reason}. The document stays in the print queue and prints "
        "when the printer works again; nothing is lost.",
    ).format(reason=reason)


def explain(error: Exception) -> str:
    """The text the clerk reads for a failed decision (logs what nobody planned for)."""
    if isinstance(error, LoginRefused):
        return _login_refused(error)
    if isinstance(error, PrinterError | DocumentDataError):
        return print_failed_text(str(error))
    if isinstance(error, ClerkError):
        return _lead(error).format(message=explain_error(error))
    _log.error("a decision failed unexpectedly", exc_info=error)
    return QCoreApplication.translate(
        "Decisions", "Something went wrong; the error is in the log. Nothing was saved."
    )


def _login_refused(error: LoginRefused) -> str:
    if error.retry_after is not None:
        seconds = max(1, round(error.retry_after))
        return QCoreApplication.translate(
            "Decisions", "Too many failed attempts: try again in {seconds} s."
        ).format(seconds=seconds)
    return QCoreApplication.translate("Decisions", "Wrong staff number or password.")


def _lead(error: ClerkError) -> str:
    if isinstance(error, PermissionDenied):
        return QCoreApplication.translate("Decisions", "Not allowed: {message}")
    if isinstance(error, RuleViolation):
        return QCoreApplication.translate("Decisions", "The rules do not allow this: {message}")
    if isinstance(error, InvalidInput):
        return QCoreApplication.translate("Decisions", "Please check the entry: {message}")
    if isinstance(error, NotFound):
        return QCoreApplication.translate("Decisions", "Not found: {message}")
    return QCoreApplication.translate("Decisions", "Not done: {message}")
