"""Document builders: every paper the counter prints, as PDF bytes (reportlab, no Qt).

`build(kind, data)` returns a PDF; `printing.qt_backend` sends a PDF to a printer. The data
classes live in `printing.data` and `printing.documents`; `printing.from_domain` fills them from
what the domain stores.
"""

from printing.build import DocumentData, DocumentKind, build, data_type, papers, warm_up
from printing.errors import DocumentDataError, PrinterError, PrintingError, UnsupportedPaper
from printing.layout import Paper

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
