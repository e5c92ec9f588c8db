"""Start the counter as `python main.py ARGS…` does, and note when it became usable.

Run by `bench/ui_bench.py` (not by hand): `python bench/start_probe.py FIGURES -- ARGS…`.
The application's own code runs unchanged; the probe only swaps in a `QApplication` subclass
that notes when it was made and when its event loop began, and watches with
`ui.stalls.startup.UsableMark` for the first window on screen and answering. Then it quits
the application, which shuts down as it would for a clerk (sync loop, store, embedded
registry), and writes every time (`time.monotonic`, one clock for all processes on Linux)
to FIGURES as JSON: at usable, and again after the shutdown.
"""

from __future__ import annotations

import time

BEGAN = time.monotonic()

import json  # noqa: E402 - the first line notes when Python began running the probe
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6 import QtWidgets  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402

from ui.stalls.startup import UsableMark  # noqa: E402

_times: dict[str, float | str] = {"python": BEGAN}


def _write(path: Path) -> None:
    path.write_text(json.dumps(_times), encoding="utf-8")


def _probe_application(figures: Path) -> type[QtWidgets.QApplication]:
    class ProbeApplication(QtWidgets.QApplication):
        """The application, noting its first moments."""

        def __init__(self, argv: list[str]) -> None:
            _times["application"] = time.monotonic()
            super().__init__(argv)
            self._mark = UsableMark(self)
            self._mark.usable.connect(self._usable)
            QTimer.singleShot(0, self._loop_runs)

        def _loop_runs(self) -> None:
            _times["event_loop"] = time.monotonic()

        def _usable(self, at: float) -> None:
            _times.update(exposed=self._mark.exposed_at or at, usable=at)
            _times["window"] = self._mark.window
            _write(figures)
            QTimer.singleShot(0, self.quit)

    return ProbeApplication


def main() -> int:
    """Run the application with the probe in place; its exit code."""
    figures = Path(sys.argv[1])
    args = sys.argv[sys.argv.index("--") + 1 :]
    # A class assigned over the binding's own, on purpose (mypy forbids assigning to a type).
    QtWidgets.QApplication = _probe_application(figures)  # type: ignore[misc]
    import main as entry  # noqa: PLC0415 - the entry point, imported only after the swap

    _times["imported"] = time.monotonic()
    sys.argv = [str(ROOT / "main.py"), *args]
    code = entry.run()
    _times["closed"] = time.monotonic()
    _write(figures)
    return code


if __name__ == "__main__":
    sys.exit(main())
