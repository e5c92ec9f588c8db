"""Counter ▸ Export diagnostics…: the bundle an operator asks for, written off the GUI thread.

The bundle is built by `sync.diagnostics.export` (logs, versions, settings without secrets,
store and outbox summaries, personal data redacted); this module only asks where to save it,
runs the export on its own lane and says how it went in the status bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, qVersion
from PySide6.QtWidgets import QFileDialog, QWidget

from sync.diagnostics import Bundle, export
from ui.queue.lane import Lane

_log = logging.getLogger(__name__)


def default_name(now: datetime) -> str:
    """The bundle's suggested file name (the moment in it, so exports never overwrite)."""
    return f"window-clerk-diagnostics-{now:%Y%m%d-%H%M%S}.zip"


class DiagnosticsExport(QObject):
    """Exports the counter's diagnostics bundle from `data_folder` on request (see module)."""

    def __init__(
        self,
        *,
        data_folder: Path,
        say: Callable[[str], None],
        ask_path: Callable[[QWidget | None, Path], Path | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_folder, self._say = data_folder, say
        self._ask_path = ask_path or _ask_with_dialog
        self._lane = Lane(parent=self)

    @property
    def busy(self) -> bool:
        """Whether an export is being written."""
        return self._lane.busy

    def start(self, window: QWidget | None = None) -> None:
        """Ask where to save the bundle, then write it (nothing happens if the clerk cancels)."""
        if self._lane.busy:
            return
        now = datetime.now(UTC)
        path = self._ask_path(window, Path.home() / default_name(now))
        if path is None:
            return
        folder, qt = self.data_folder, qVersion()
        extra = {"pyside6": PySide6.__version__}
        self._say(QCoreApplication.translate("Diagnostics", "Writing the diagnostics bundle…"))
        self._lane.submit(
            lambda: export(path, folder=folder, now=now, qt_version=qt, extra=extra),
            done=self._written,
            failed=self._failed,
        )

    def close(self) -> None:
        """Wait for an export being written (the window closes)."""
        self._lane.close()

    def _written(self, bundle: Bundle) -> None:
        _log.info("diagnostics written (%d entries)", len(bundle.entries))
        self._say(
            QCoreApplication.translate("Diagnostics", "Diagnostics saved to {path}").format(
                path=bundle.path
            )
        )

    def _failed(self, error: Exception) -> None:
        _log.warning("the diagnostics bundle could not be written: %s", type(error).__name__)
        self._say(
            QCoreApplication.translate(
                "Diagnostics", "The diagnostics bundle could not be written: {reason}"
            ).format(reason=error)
        )


def _ask_with_dialog(window: QWidget | None, suggested: Path) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("Diagnostics", "Export diagnostics"),
        str(suggested),
        QCoreApplication.translate("Diagnostics", "Zip archive (*.zip)"),
    )
    return Path(chosen) if chosen else None
