"""UI test fixtures: translations installed per test and removed afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from ui.i18n import install_translators


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """The zh_CN translation, as the counter runs by default."""
    translators = install_translators(qapp, "zh_CN")
    yield translators
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
