"""What a scanned code is, in one translated line for the status bar (ID numbers masked)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk.capture import (
    CaseNumber,
    DocumentNumber,
    ELicenceCode,
    IdNumber,
    ScannedCode,
    TicketNumber,
    Unknown,
    UnknownReason,
)
from clerk.identity import mask_id_for_screen


def describe(code: ScannedCode) -> str:
    """One line saying what was scanned; an ID number shows masked, as on every screen."""
    translate = QCoreApplication.translate
    if isinstance(code, TicketNumber):
        return translate("Capture", "Scanned ticket {number}").format(number=code.text)
    if isinstance(code, CaseNumber):
        return translate("Capture", "Scanned case number {number}").format(number=code.text)
    if isinstance(code, DocumentNumber):
        return translate("Capture", "Scanned document number {number}").format(number=code.text)
    if isinstance(code, IdNumber):
        return _identity(code)
    if isinstance(code, ELicenceCode):
        return translate("Capture", "Scanned e-licence {type}").format(type=code.licence_type)
    return _unknown(code)


def _identity(code: IdNumber) -> str:
    masked = mask_id_for_screen(code.text)
    if code.is_organisation:
        text = QCoreApplication.translate("Capture", "Scanned credit code {number}")
    else:
        text = QCoreApplication.translate("Capture", "Scanned ID number {number}")
    return text.format(number=masked)


def _unknown(code: Unknown) -> str:
    translate = QCoreApplication.translate
    if code.reason is UnknownReason.INVALID_ID:
        return translate("Capture", "The scanned ID number or credit code is not valid.")
    if code.reason is UnknownReason.LINK_WITHOUT_NUMBER:
        return translate("Capture", "The scanned link holds none of our case numbers.")
    return translate("Capture", "The scanned code is not one the counter knows.")
