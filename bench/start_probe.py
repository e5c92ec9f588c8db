"""Start the counter as `python main.py ARGS…` does, and note when it became usable.

Run by `bench/ui_bench.py` (not by hand): `python bench/start_probe.py FIGURES -- ARGS…`.
The application's own code runs unchanged; the probe only swaps in a `QApplication` subclass
that notes when it was made (the imports are done by then) and when its event loop began,
and watches with `ui.stalls.startup.UsableMark` for the first window on screen and answering.
Usable means more than that: the clerk can type into it — the keyboard focus is in an enabled,
visible, editable text field of the active window, with no other modal window in front, and
the event loop answers. The probe checks that every 5 ms from the first exposed window on and
notes the field (`focus`: its window's title and the field's class and object name). Then it quits
the application, which shuts down as it would for a clerk (sync loop, store, embedded
registry), and writes every time (`time.monotonic`, one clock for all processes on Linux)
to FIGURES as JSON: at usable, and again after the shutdown.

With `$PROBE_SIGN_IN` ("STAFF PASSWORD SECONDS"), a first window that is the sign-in dialog is
then used as a clerk uses it: SECONDS later (the time a clerk takes to type them) the probe
types the staff number, Enter, the password, Enter (real key events into the focused fields)
and notes when it pressed the last Enter (`entered`) and when the workbench took typing
(`workbench`) — the clerk's wait after signing in.
"""

from __future__ import annotations

import time

BEGAN = time.monotonic()

import json  # noqa: E402 - the first line notes when Python began running the probe
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6 import QtWidgets  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.stalls.startup import UsableMark  # noqa: E402

_times: dict[str, float | str] = {"python": BEGAN}
CHECK_MS = 5
SIGN_IN_VARIABLE = "PROBE_SIGN_IN"


def typable(app: QApplication) -> QWidget | None:
    """The field the clerk would type into now, if the keyboard reaches one."""
    widget = app.focusWidget()
    if widget is None or not (widget.isVisible() and widget.isEnabled()):
        return None
    window = widget.window()
    modal = app.activeModalWidget()
    if not window.isActiveWindow() or (modal is not None and modal is not window):
        return None
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return None if widget.isReadOnly() else widget
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return None if widget.isReadOnly() else widget
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget
    return None


def _described(field: QWidget) -> str:
    """Where typing goes: the window's title, the field's class and name, and its owner."""
    owner = field.parentWidget()
    inside = f" in {type(owner).__name__}" if owner is not None else ""
    return f"{field.window().windowTitle()}: {type(field).__name__} {field.objectName()!r}{inside}"


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
            _times.update(exposed=self._mark.exposed_at or at, answering=at)
            _times["window"] = self._mark.window
            self._typing = QTimer(self)
            self._typing.setInterval(CHECK_MS)
            self._typing.timeout.connect(self._check_typable)
            self._typing.start()
            self._check_typable()

        def _check_typable(self) -> None:
            field = typable(self)
            if field is None:
                return
            self._typing.stop()
            _times["usable"] = time.monotonic()
            _times["focus"] = _described(field)
            _write(figures)
            sign_in = os.environ.get(SIGN_IN_VARIABLE, "").split()
            if field.objectName() == "staffId" and len(sign_in) == 3:
                staff, password, seconds = sign_in
                typing_ms = round(float(seconds) * 1000)
                QTimer.singleShot(typing_ms, lambda: self._sign_in(field, staff, password))
                return
            QTimer.singleShot(0, self._leave)

        def _sign_in(self, dialog_field: QWidget, staff: str, password: str) -> None:
            """Type as the clerk does, then watch for the workbench to take typing."""
            dialog = dialog_field.window()
            QTest.keyClicks(dialog_field, staff)
            QTest.keyClick(dialog_field, Qt.Key.Key_Return)
            password_field = self.focusWidget() or dialog_field  # Enter moved to the password
            QTest.keyClicks(password_field, password)
            QTest.keyClick(password_field, Qt.Key.Key_Return)
            _times["entered"] = time.monotonic()
            self._typing = QTimer(self)
            self._typing.setInterval(CHECK_MS)
            self._typing.timeout.connect(lambda: self._check_workbench(dialog))
            self._typing.start()

        def _check_workbench(self, dialog: QWidget) -> None:
            field = typable(self)
            if field is None or field.window() is dialog:
                return
            self._typing.stop()
            _times["workbench"] = time.monotonic()
            _times["workbench_focus"] = _described(field)
            _write(figures)
            QTimer.singleShot(0, self._leave)

        def _leave(self) -> None:
            """Quit as a clerk would: a modal dialog (the sign-in) is closed first, since
            quitting does not end its loop; it may wait for a check under way."""
            modal = self.activeModalWidget()
            if modal is None:
                self.quit()
                return
            modal.close()
            QTimer.singleShot(CHECK_MS, self._leave)

    return ProbeApplication


def main() -> int:
    """Run the application with the probe in place; its exit code."""
    figures = Path(sys.argv[1])
    args = sys.argv[sys.argv.index("--") + 1 :]
    # A class assigned over the binding's own, on purpose (mypy forbids assigning to a type).
    QtWidgets.QApplication = _probe_application(figures)  # type: ignore[misc]
    import main as entry  # noqa: PLC0415 - the entry point, imported only after the swap

    sys.argv = [str(ROOT / "main.py"), *args]
    code = entry.run()
    _times["closed"] = time.monotonic()
    _write(figures)
    return code


if __name__ == "__main__":
    sys.exit(main())
