"""Document builders: every paper the counter prints, as PDF bytes (reportlab, no Qt).

`build(kind, data)` returns a PDF; `printing.qt_backend` sends a PDF to a printer. The data
classes live in `printing.data` and `printing.documents`; `printing.from_domain` fills them from
what the domain stores.

The names below are loaded on first use (`clerk.lazy`): importing a light module of the package
(`printing.fonts`, `printing.errors`, `printing.qt_backend`) does not import reportlab, so a
counter's first window shows before the document builders are in (issue 6, start time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk.lazy import lazy_names

if TYPE_CHECKING:
    from printing.builder import DocumentData, DocumentKind, build, data_type, papers, warm_up
    from printing.errors import DocumentDataError, PrinterError, PrintingError, UnsupportedPaper
    from printing.layout import Paper

_BUILD, _ERRORS = "printing.builder", "printing.errors"
__getattr__ = lazy_names(
    __name__,
    {
        "DocumentData": _BUILD,
        "DocumentKind": _BUILD,
        "build": _BUILD,
        "data_type": _BUILD,
        "papers": _BUILD,
        "warm_up": _BUILD,
        "DocumentDataError": _ERRORS,
        "PrinterError": _ERRORS,
        "PrintingError": _ERRORS,
        "UnsupportedPaper": _ERRORS,
        "Paper": "printing.layout",
    },
)

__all__ = [
    "DocumentData",
    "DocumentDataError",
    "DocumentKind",
    "Paper",
    "PrinterError",
    "PrintingError",
    "UnsupportedPaper",
    "build",
    "data_type",
    "papers",
    "warm_up",
]
