"""`python main.py --diagnostics OUT.zip [--data-dir DIR]`: write the diagnostics bundle.

No window opens; the bundle is built by `sync.diagnostics` (no personal data in it). This
module only finds the data folder and the Qt version.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion

from sync.diagnostics import export
from ui.prestart import data_dir

_log = logging.getLogger(__name__)


def main(argv: Sequence[str]) -> int:
    """Write the bundle named by `--diagnostics`; returns the exit code (0 when written)."""
    parser = argparse.ArgumentParser(prog="window-clerk --diagnostics")
    parser.add_argument("--diagnostics", type=Path, required=True, help="the zip to write")
    parser.add_argument("--data-dir", type=Path, help="the counter's data folder")
    args, _rest = parser.parse_known_args(list(argv)[1:])
    folder = data_dir(argparse.Namespace(data_dir=args.data_dir, demo_script=None))
    bundle = export(
        args.diagnostics,
        folder=folder,
        now=datetime.now(UTC),
        qt_version=qVersion(),
        extra={"pyside6": PySide6.__version__},
    )
    _log.info("diagnostics written to %s (%d entries)", bundle.path, len(bundle.entries))
    return 0
