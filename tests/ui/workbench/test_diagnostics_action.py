"""Counter ▸ Export diagnostics…: written off the GUI thread, without personal data."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pytestqt.qtbot import QtBot

from clerk.store import open_store
from clerk.store.peek import STORE_FILE
from tests.ui.workbench.conftest import Bench
from ui.workbench.diagnostics import DiagnosticsExport

ID_NUMBER = "11010519491231002X"  # the national standard's example of a valid number


def test_the_clerk_exports_diagnostics_where_asked_and_no_id_number_is_in_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    open_store(folder / STORE_FILE).close()
    (folder / "window-clerk.log").write_text(
        f"2026-03-02 INFO ui: served {ID_NUMBER}, phone 13912345678\n", encoding="utf-8"
    )
    said: list[str] = []
    asked: list[Path] = []
    target = tmp_path / "out" / "bundle.zip"
    target.parent.mkdir()

    def ask(_window: object, suggested: Path) -> Path | None:
        asked.append(suggested)
        return target

    export = DiagnosticsExport(data_folder=folder, say=said.append, ask_path=ask)
    export.start()
    qtbot.waitUntil(lambda: not export.busy, timeout=20_000)
    export.close()

    assert asked[0].name.startswith("window-clerk-diagnostics-")
    assert said[-1] == f"Diagnostics saved to {target}"
    with zipfile.ZipFile(target) as bundle:
        text = "".join(bundle.read(name).decode("utf-8", "replace") for name in bundle.namelist())
    assert "outbox.json" in bundle.namelist()
    assert "served" in text  # the log is in it…
    assert ID_NUMBER not in text  # …without the person
    assert "13912345678" not in text


def test_a_cancelled_export_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    said: list[str] = []
    export = DiagnosticsExport(data_folder=tmp_path, say=said.append, ask_path=lambda *_: None)
    export.start()
    export.close()

    assert said == []
    assert list(tmp_path.iterdir()) == []


def test_a_bundle_that_cannot_be_written_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    said: list[str] = []
    nowhere = tmp_path / "missing-folder" / "bundle.zip"
    export = DiagnosticsExport(data_folder=tmp_path, say=said.append, ask_path=lambda *_: nowhere)
    export.start()
    qtbot.waitUntil(lambda: not export.busy, timeout=20_000)
    export.close()

    assert said[-1].startswith("The diagnostics bundle could not be written:")


def test_the_counter_menu_exports_diagnostics(bench: Bench, qtbot: QtBot, tmp_path: Path) -> None:
    window = bench.window
    target = tmp_path / "from-the-menu.zip"
    window.diagnostics._ask_path = lambda *_: target  # the save dialog, answered
    assert window.diagnostics_action in window.menu.actions()

    window.diagnostics_action.trigger()
    qtbot.waitUntil(lambda: not window.diagnostics.busy, timeout=20_000)

    assert zipfile.is_zipfile(target)
    assert window.statusBar().currentMessage() == f"Diagnostics saved to {target}"
