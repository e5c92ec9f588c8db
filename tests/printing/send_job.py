"""Send a PDF through the Qt back-end, in its own process: `python -m tests.printing.send_job`.

The CUPS test runs this with CUPS_SERVER pointing at its own scheduler. A process of its own
keeps libcups (which remembers its server once asked) and Qt clear of the test process.

Usage: python -m tests.printing.send_job PDF PROFILE PRINTER TITLE
(PROFILE is "a4" or "roll"). Exits 0 once the job was handed to the spooler.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from printing.qt_backend import A4_LASER, THERMAL_80MM, send

logger = logging.getLogger(__name__)


def main(argv: list[str]) -> int:
    """Print the file; return the process's exit status."""
    path, profile, printer, title = argv
    app = QApplication([])
    pages = send(
        Path(path).read_bytes(),
        A4_LASER if profile == "a4" else THERMAL_80MM,
        printer,
        title=title,
    )
    logger.info("sent %d page(s)", pages)
    app.quit()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main(sys.argv[1:]))
