"""The errors of the printing package: one small hierarchy, third-party errors converted here."""

from __future__ import annotations


class PrintingError(Exception):
    """Something kept a document from being built or printed."""


class UnsupportedPaper(PrintingError):
    """A document kind was asked for on paper it has no layout for (e.g. a notice on 80 mm)."""


class DocumentDataError(PrintingError):
    """The data given to a builder cannot be printed (wrong kind, a number no barcode can hold)."""


class PrinterError(PrintingError):
    """The printer refused the job or could not be reached (raised by the Qt back-end)."""
