"""The settings dialog never waits for the print system: the printers come in behind it.

The print system (CUPS, the Windows spooler) cannot be made slow, broken or changed from a
test, so a fake lookup stands for it (`FakePrintSystem`); everything else is real: the dialog,
its pages, the INI file, the lookup thread and the delivery to the GUI thread.
"""

from __future__ import annotations

import runpy
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.settings_screens import ROOT, compile_translation
from ui.i18n import LanguageSwitch
from ui.settings import DOCUMENT_PRINTER, LOCK_MINUTES, RECEIPT_PRINTER, CounterSettings
from ui.settings_dialog import SettingsDialog
from ui.settings_pages.printer_check import Role
from ui.settings_pages.printer_names import PrinterNames
from ui.settings_pages.printers import NONE

ZH: dict[str, str] = runpy.run_path(str(ROOT / "scripts" / "translate_fill.py"))["ZH"]
INSTALLED = ("HallLaser", "ReceiptXP80", "OfficeColour")
DATA_FOLDER = Path("/nonexistent/window-clerk")  # every test page here names its folder
ANSWER_WAIT_S = 30  # a lookup left blocked by a failing test ends by itself


class FakePrintSystem:
    """Stands for the OS print system: answers when released, counting the questions."""

    def __init__(self, names: Sequence[str] = INSTALLED, *, error: Exception | None = None):
        self.names, self.error = list(names), error
        self.threads: list[threading.Thread] = []
        self.asked = threading.Event()
        self.release = threading.Event()
        self.release.set()

    def hold(self) -> FakePrintSystem:
        """Answer only once `release` is set (a slow CUPS server, a sleeping spooler)."""
        self.release.clear()
        return self

    def __call__(self) -> list[str]:
        self.threads.append(threading.current_thread())
        self.asked.set()
        self.release.wait(ANSWER_WAIT_S)
        if self.error is not None:
            raise self.error
        return list(self.names)


@pytest.fixture
def print_system() -> Iterator[Callable[..., FakePrintSystem]]:
    """Makes fake print systems; every one is released at the end, whatever happened."""
    made: list[FakePrintSystem] = []

    def make(
        names: Sequence[str] = INSTALLED, *, error: Exception | None = None
    ) -> FakePrintSystem:
        made.append(FakePrintSystem(names, error=error))
        return made[-1]

    yield make
    for system in made:
        system.release.set()


@pytest.fixture(scope="module")
def zh_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The compiled Chinese of the settings dialog."""
    return compile_translation(tmp_path_factory.mktemp("i18n"))


@pytest.fixture(params=["zh_CN", "en"])
def language(qapp: QApplication, zh_folder: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """The application's language, Chinese or English, removed after the test."""
    switch = LanguageSwitch(qapp, request.param, directory=zh_folder)
    yield switch.language
    switch.close()


def said(language: str, english: str) -> str:
    """What the clerk reads for an English source."""
    return ZH[english] if language == "zh_CN" else english


@pytest.fixture
def settings(tmp_path: Path) -> CounterSettings:
    """A counter's settings with both printers saved."""
    settings = CounterSettings(tmp_path / "window-clerk.ini")
    settings.update({DOCUMENT_PRINTER: "HallLaser", RECEIPT_PRINTER: "ReceiptXP80"})
    return settings


def open_dialog(
    qtbot: QtBot,
    settings: CounterSettings,
    names: PrinterNames,
    *,
    printers: Sequence[str] | None = None,
) -> SettingsDialog:
    """The dialog over `settings`, shown, on its Printers page."""
    dialog = SettingsDialog(
        settings, data_folder=DATA_FOLDER, printers=printers, printer_names=names
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.nav.setCurrentRow(dialog.pages.index(dialog.printers))
    return dialog


def offered(dialog: SettingsDialog, role: Role) -> list[str]:
    """The printers a role's box offers (values, "" for none)."""
    combo = dialog.printers.boxes[role].printer.combo
    return [combo.itemData(row) for row in range(combo.count())]


def chosen(dialog: SettingsDialog, role: Role) -> str:
    """The printer a role's box shows chosen."""
    return dialog.printers.boxes[role].printer.value()


def test_the_dialog_opens_while_the_print_system_is_still_answering(
    qtbot: QtBot,
    language: str,
    settings: CounterSettings,
    print_system: Callable[..., FakePrintSystem],
) -> None:
    system = print_system().hold()
    dialog = open_dialog(qtbot, settings, PrinterNames(system))
    qtbot.waitUntil(system.asked.is_set)
    assert dialog.isVisible()
    assert system.threads[0] is not threading.main_thread()
    note = dialog.printers.lookup_note
    assert note.isVisible()
    assert note.text() == said(language, "Looking for printers…")
    assert offered(dialog, Role.DOCUMENTS) == [NONE, "HallLaser"]  # the saved one, selectable
    assert chosen(dialog, Role.DOCUMENTS) == "HallLaser"
    system.release.set()
    qtbot.waitUntil(lambda: offered(dialog, Role.DOCUMENTS) == [NONE, *INSTALLED])
    assert chosen(dialog, Role.DOCUMENTS) == "HallLaser"
    assert not note.isVisible()
    none = said(language, "None — save PDFs to a folder")
    assert dialog.printers.boxes[Role.RECEIPTS].printer.combo.itemText(0) == none


def test_the_clerks_choice_survives_the_list_arriving(
    qtbot: QtBot, settings: CounterSettings, print_system: Callable[..., FakePrintSystem]
) -> None:
    system = print_system().hold()
    dialog = open_dialog(qtbot, settings, PrinterNames(system))
    documents = dialog.printers.boxes[Role.DOCUMENTS].printer.combo
    documents.setCurrentIndex(documents.findData(NONE))  # PDFs instead, before the list comes
    system.release.set()
    qtbot.waitUntil(lambda: offered(dialog, Role.RECEIPTS) == [NONE, *INSTALLED])
    assert chosen(dialog, Role.DOCUMENTS) == NONE
    assert chosen(dialog, Role.RECEIPTS) == "ReceiptXP80"
    assert "HallLaser" in offered(dialog, Role.DOCUMENTS)  # still there to choose back
    with qtbot.waitSignal(dialog.settingsChanged) as changed:
        dialog.accept()
    assert changed.args == [{DOCUMENT_PRINTER.key}]
    assert settings.get(DOCUMENT_PRINTER) == NONE


def test_a_saved_printer_gone_from_the_system_stays_offered_and_is_refused(
    qtbot: QtBot, settings: CounterSettings, print_system: Callable[..., FakePrintSystem]
) -> None:
    system = print_system(["ReceiptXP80"])
    dialog = open_dialog(qtbot, settings, PrinterNames(system))
    qtbot.waitUntil(lambda: offered(dialog, Role.DOCUMENTS) == [NONE, "ReceiptXP80", "HallLaser"])
    dialog.accept()
    assert dialog.isVisible()
    assert "HallLaser" in dialog.problem.text()


def test_a_failing_lookup_says_why_and_pdfs_still_work(
    qtbot: QtBot,
    language: str,
    settings: CounterSettings,
    tmp_path: Path,
    print_system: Callable[..., FakePrintSystem],
) -> None:
    system = print_system(error=OSError("the CUPS scheduler is not running"))
    dialog = open_dialog(qtbot, settings, PrinterNames(system))
    expected = said(language, "Could not list the printers: {reason}").format(
        reason="the CUPS scheduler is not running"
    )
    note = dialog.printers.lookup_note
    qtbot.waitUntil(lambda: note.text() == expected)
    assert note.isVisible()
    assert offered(dialog, Role.DOCUMENTS) == [NONE, "HallLaser"]
    out = tmp_path / "pdfs"
    out.mkdir()
    dialog.printers.folder.edit.setText(str(out))
    dialog.printers.boxes[Role.RECEIPTS].printer.combo.setCurrentIndex(0)  # none: PDFs
    with qtbot.waitSignal(dialog.printers.checkPrinted, timeout=20_000):
        dialog.printers.boxes[Role.RECEIPTS].check.click()
    assert list(out.glob("test-page-receipts-*.pdf"))
    dialog.lock.minutes.spin.setValue(9)  # the saved A4 printer cannot be checked: not refused
    with qtbot.waitSignal(dialog.settingsChanged):
        dialog.accept()
    assert settings.get(LOCK_MINUTES) == 9
    assert settings.get(DOCUMENT_PRINTER) == "HallLaser"


def test_a_second_dialog_asks_nothing_and_shows_the_printers_at_once(
    qtbot: QtBot, settings: CounterSettings, print_system: Callable[..., FakePrintSystem]
) -> None:
    system = print_system()
    names = PrinterNames(system)
    first = open_dialog(qtbot, settings, names)
    qtbot.waitUntil(lambda: offered(first, Role.DOCUMENTS) == [NONE, *INSTALLED])
    first.reject()
    second = open_dialog(qtbot, settings, names)
    assert offered(second, Role.DOCUMENTS) == [NONE, *INSTALLED]
    assert not second.printers.lookup_note.isVisible()
    assert len(system.threads) == names.lookups == 1


def test_an_old_answer_is_shown_at_once_and_asked_again_behind_it(
    qtbot: QtBot, settings: CounterSettings, print_system: Callable[..., FakePrintSystem]
) -> None:
    now = [0.0]
    system = print_system(INSTALLED[:2])
    names = PrinterNames(system, fresh_for_s=60.0, clock=lambda: now[0])
    first = open_dialog(qtbot, settings, names)
    qtbot.waitUntil(lambda: offered(first, Role.DOCUMENTS) == [NONE, *INSTALLED[:2]])
    first.reject()
    now[0] = 61.0  # a printer was installed meanwhile
    system.names = list(INSTALLED)
    system.hold()
    second = open_dialog(qtbot, settings, names)
    assert offered(second, Role.DOCUMENTS) == [NONE, *INSTALLED[:2]]
    assert not second.printers.lookup_note.isVisible()  # a list is there: nothing to wait for
    system.release.set()
    qtbot.waitUntil(lambda: offered(second, Role.DOCUMENTS) == [NONE, *INSTALLED])
    assert names.lookups == 2


def test_a_failed_lookup_is_asked_again_by_the_next_dialog(
    qtbot: QtBot, settings: CounterSettings, print_system: Callable[..., FakePrintSystem]
) -> None:
    system = print_system(error=OSError("spooler stopped"))
    names = PrinterNames(system)
    first = open_dialog(qtbot, settings, names)
    qtbot.waitUntil(lambda: "spooler stopped" in first.printers.lookup_note.text())
    first.reject()
    system.error = None
    second = open_dialog(qtbot, settings, names)
    qtbot.waitUntil(lambda: offered(second, Role.DOCUMENTS) == [NONE, *INSTALLED])
    assert names.lookups == 2


def test_printers_given_are_used_at_once_and_nothing_is_asked(
    qtbot: QtBot, settings: CounterSettings, print_system: Callable[..., FakePrintSystem]
) -> None:
    system = print_system()
    names = PrinterNames(system)
    dialog = open_dialog(qtbot, settings, names, printers=("HallLaser", "Spare"))
    assert offered(dialog, Role.DOCUMENTS) == [NONE, "HallLaser", "Spare"]
    assert not dialog.printers.lookup_note.isVisible()
    assert names.lookups == 0
    assert system.threads == []
