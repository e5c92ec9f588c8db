"""Screenshots of the login dialog and the lock screen for docs/screens/ (rendered offscreen).

Regenerate with: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.session.screens

A real registry process serves a test hall; the lock screen is shot while it answers (online),
the login dialog after it stopped (离线登录). The Chinese comes from scripts/zh/session.py,
compiled here, so the shots are right before the project's translation file is regenerated.
"""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, QTranslator
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from tests.integration.sync.harness import HALL, Counter, RegistryProcess
from ui.collector import GuiThreadCollector
from ui.i18n import install_translators
from ui.queue.look import hall_font_family
from ui.session.auth import Authenticator
from ui.session.controller import SessionController
from ui.session.lock import SessionLock
from ui.session.login import LoginDialog

ROOT = Path(__file__).resolve().parents[3]
SCREENS = ROOT / "docs" / "screens"
BIN = Path(sys.executable).parent
COUNTER = f"{HALL} · W01"


def session_translator(app: QApplication, folder: Path) -> QTranslator:
    """The zh_CN translation of ui/session alone, compiled from scripts/zh/session.py."""
    ts, qm = folder / "session_zh_CN.ts", folder / "session_zh_CN.qm"
    sources = sorted(str(path) for path in (ROOT / "ui" / "session").glob("*.py"))
    run = [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(ts)]
    subprocess.run(run, check=True, capture_output=True)
    fill = runpy.run_path(str(ROOT / "scripts" / "translate_fill.py"))["main"]
    fill(str(ts))
    run = [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)]
    subprocess.run(run, check=True, capture_output=True)
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        raise RuntimeError(f"cannot load {qm}")
    app.installTranslator(translator)
    return translator


def wait(until: Callable[[], bool], timeout_ms: int = 20_000) -> None:
    """Run the event loop until `until()` holds (or the time is up)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if until() else None)
    timer.start(20)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()


def lock_image(authenticator: Authenticator, counter: Counter) -> QImage:
    """The lock screen over a stand-in workbench, for the clerk 王芳 (1280 × 800)."""
    window = QMainWindow()
    window.setCentralWidget(QLabel("workbench", window))
    window.show()
    controller = SessionController(window)
    lock = SessionLock(
        window,
        controller=controller,
        authenticator=authenticator,
        counter_label=COUNTER,
        idle_ms=60_000,
    )
    controller.sign_in(authenticator.log_in(f"{HALL}C001", "clerk-pass-1"))
    controller.lock()
    wait(lambda: lock.screen.form.mode.isVisible() and not lock.screen.form.busy)
    lock.screen.showNormal()
    lock.screen.resize(1280, 800)
    image = lock.screen.grab().toImage()
    lock.close()
    window.close()
    return image


def login_image(authenticator: Authenticator) -> QImage:
    """The login dialog with the registry unreachable (离线登录), the staff number typed."""
    dialog = LoginDialog(authenticator, counter_label=COUNTER)
    dialog.show()
    wait(lambda: dialog.form.mode.isVisible() and not dialog.form.busy)
    dialog.form.staff_id.setText(f"{HALL}C001")
    dialog.form.password.setFocus()
    image = dialog.grab().toImage()
    dialog.done(0)
    return image


def render(app: QApplication, folder: Path) -> tuple[QImage, QImage]:
    """(login, lock) images against a registry process working in `folder`."""
    registry = RegistryProcess(f"sqlite:///{folder / 'registry.sqlite'}", folder)
    registry.setup_hall()
    registry.start()
    counter = Counter.enrolled(registry, "W01", folder / "W01")
    authenticator = Authenticator(counter.store.ledger(), registry.url, timeout=(2.0, 5.0))
    try:
        locked = lock_image(authenticator, counter)
        registry.stop()
        login = login_image(authenticator)
    finally:
        authenticator.close()
        counter.close()
        registry.close()
    return login, locked


def main() -> int:
    """Write docs/screens/login.png and lock.png; returns 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    GuiThreadCollector(parent=app).start()
    app.setFont(QFont(hall_font_family(), 11))
    translators = install_translators(app, "zh_CN")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        translators.append(session_translator(app, folder))
        login, locked = render(app, folder)
    SCREENS.mkdir(parents=True, exist_ok=True)
    login.save(str(SCREENS / "login.png"))
    locked.save(str(SCREENS / "lock.png"))
    for translator in translators:
        app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
