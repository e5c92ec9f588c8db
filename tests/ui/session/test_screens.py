"""The screenshot script renders both screens, in Chinese with the bundled font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from tests.ui.session import screens
from ui.i18n import install_translators
from ui.queue.look import hall_font_family


def test_the_screenshots_render_in_chinese(qapp: QApplication, tmp_path: Path) -> None:
    translators = install_translators(qapp, "zh_CN")
    translators.append(screens.session_translator(qapp, tmp_path))
    try:
        offline = QCoreApplication.translate(
            "CredentialsForm",
            "Offline login — the registry cannot be reached; the password is checked here",
        )
        login, locked = screens.render(qapp, tmp_path)
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    assert offline.startswith("离线登录")
    assert QFontMetrics(QFont(hall_font_family())).inFontUcs4(ord("锁"))
    assert (locked.width(), locked.height()) == (1280, 800)
    assert login.width() >= 420
    assert login.height() > 100
    colours = {
        login.pixel(x, y) for x in range(0, login.width(), 3) for y in range(0, login.height(), 3)
    }
    assert len(colours) > 10  # text and fields are drawn, not an empty window
