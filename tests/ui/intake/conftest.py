"""Fixtures of the intake widgets: the demo catalogue and its index, a fixed day, key helpers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from clerk.catalog import Catalogue, ServiceItem, load_catalogue
from clerk.catalog.search import ItemIndex
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char, uscc_check_char
from clerk.ports import DeviceIdentity
from clerk.services import install_catalogue
from clerk.store import Store, open_store

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "resources" / "catalogue" / "demo.json"
TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=HALL_TIMEZONE)
BUSINESS = "1133990000248201X8000120103000"  # 个体工商户设立登记: no situations, 告知承诺
FOOD = "1133990000248201X8000120105000"  # 食品经营许可: situations, 容缺, validity rule
PHARMACY = "1133990000248201X8000120118000"  # 药品零售企业经营许可: organisations only
DEVICE = DeviceIdentity(
    device_id="0192f0c0-0000-7000-8000-0000000000a1", hall="SF01", counter="W05", epoch=1
)


def person_id(first17: str = "33010619850312001") -> str:
    """A valid resident ID number (born 1985-03-12) from its first 17 digits."""
    return first17 + resident_id_check_char(first17)


def credit_code(first17: str = "91330106MA2AXXXX0") -> str:
    """A valid unified social credit code from its first 17 characters."""
    return first17 + uscc_check_char(first17)


def today() -> date:
    """The fixed hall day of these tests."""
    return TODAY


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The demo catalogue shipped in resources/."""
    return load_catalogue(DEMO)


@pytest.fixture(scope="session")
def index(catalogue: Catalogue) -> ItemIndex:
    """The search index of the demo catalogue."""
    return ItemIndex.of(catalogue)


@pytest.fixture
def food(catalogue: Catalogue) -> ServiceItem:
    """食品经营许可 (three situations, 容缺, a material valid 12 months)."""
    return catalogue.item(FOOD)


@pytest.fixture
def store(tmp_path: Path, catalogue: Catalogue) -> Iterator[Store]:
    """A counter store on a real SQLite file holding the demo catalogue."""
    opened = open_store(tmp_path / "counter.db", device=DEVICE)
    install_catalogue(opened.unit_of_work(), catalogue)
    yield opened
    opened.close()


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit text the way a Chinese input method does (keyClicks only types ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def focused() -> QWidget:
    """The widget with the keyboard focus (keys go where the clerk's keys would go)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press one key on the focused widget."""
    QTest.keyClick(focused(), key, modifier)


def type_keys(text: str) -> None:
    """Type ASCII text on the focused widget."""
    QTest.keyClicks(focused(), text)
