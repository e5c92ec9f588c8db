"""The scripted stretch of UI work that `bench/ui_bench.py` watches for event-loop stalls.

A scenario is `run_scenario(window, driver)`: the application's main window and a qtbot-like
`tests.support.ui_driver.Driver`. The components scenario below drives what exists beside the
window, phase by phase, the way a clerk would: keys paced like typing, long work handed to a
`Lane` as the components do, the GUI thread left to the event loop in between. Each phase is
measured on its own; a scenario given to the bench as a plain function is one phase.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from clerk.catalog import ServiceItem
from clerk.catalog.search import ItemIndex
from clerk.store import Store
from printing import DocumentKind, Paper, build
from tests.printing import samples
from tests.support.ui_driver import Driver, run_loop
from tests.ui.intake.conftest import person_id, type_chinese
from ui.capture.strip import ScanRow
from ui.capture.viewer import MAX_ZOOM, ScanViewer
from ui.decisions.widgets import PdfPreview
from ui.intake.controller import load_index
from ui.intake.form import IntakeForm
from ui.queue.lane import Lane
from ui.settings import CounterSettings
from ui.settings_dialog import SettingsDialog

Scenario = Callable[[QWidget, Driver], None]
"""A stretch of UI work: the main window and a qtbot-like driver."""
Phase = tuple[str, Scenario]
"""A named part of a scenario, measured on its own."""

_T = TypeVar("_T")
KEY_PAUSE_MS = 40  # a fast clerk's typing: 25 keys a second, the event loop runs between keys
DISTRICTS = (
    "上城",
    "拱墅",
    "西湖",
    "滨江",
    "萧山",
    "余杭",
    "临平",
    "钱塘",
    "富阳",
    "临安",
    "桐庐",
    "淳安",
    "建德",
    "鹿城",
    "龙湾",
    "瓯海",
    "洞头",
    "永嘉",
    "平阳",
    "苍南",
    "文成",
    "泰顺",
    "瑞安",
    "乐清",
    "南湖",
    "秀洲",
    "嘉善",
    "海盐",
    "海宁",
    "平湖",
    "桐乡",
    "吴兴",
    "南浔",
    "德清",
    "长兴",
    "安吉",
    "越城",
    "柯桥",
    "上虞",
    "新昌",
    "诸暨",
    "嵊州",
    "婺城",
    "金东",
    "武义",
    "浦江",
    "磐安",
    "兰溪",
    "义乌",
    "东阳",
    "永康",
    "柯城",
    "衢江",
    "常山",
    "开化",
    "龙游",
    "江山",
    "定海",
    "普陀",
    "岱山",
    "嵊泗",
    "椒江",
    "黄岩",
    "路桥",
    "三门",
    "天台",
    "仙居",
    "温岭",
    "临海",
    "玉环",
    "莲都",
    "青田",
    "缙云",
    "遂昌",
    "松阳",
    "云和",
    "庆元",
    "景宁",
    "龙泉",
    "海曙",
    "江北",
    "北仑",
    "镇海",
    "鄞州",
    "奉化",
    "象山",
    "宁海",
    "余姚",
    "慈溪",
)


def off_thread(driver: Driver, lane: Lane, call: Callable[[], _T], timeout: int = 30_000) -> _T:
    """Run `call` on `lane` (as the components run blocking work) and wait for its result."""
    results: list[_T] = []
    errors: list[Exception] = []
    lane.submit(call, done=results.append, failed=errors.append)
    driver.waitUntil(lambda: bool(results or errors), timeout=timeout)
    if errors:
        raise errors[0]
    return results[0]


def type_like_a_clerk(widget: QWidget, text: str) -> None:
    """Type ASCII `text` one key at a time, the event loop running between keys."""
    for char in text:
        QTest.keyClicks(widget, char)
        run_loop(KEY_PAUSE_MS)


def press(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """One key on `widget`, then the event loop runs."""
    QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
    run_loop(KEY_PAUSE_MS)


def idle(seconds: float) -> Scenario:
    """A phase with nothing driven: the window's own timers, sync, collection."""

    def run(window: QWidget, driver: Driver) -> None:
        until = time.monotonic() + seconds
        driver.waitUntil(lambda: time.monotonic() >= until, timeout=int(seconds * 1000) + 5000)

    return run


@contextmanager
def shown(driver: Driver, widget: QWidget, size: tuple[int, int] = (1280, 800)) -> Iterator[None]:
    """Show `widget` until the block ends, then close it."""
    driver.addWidget(widget)
    widget.resize(*size)
    with driver.waitExposed(widget):
        widget.show()
    try:
        yield
    finally:
        widget.close()
        widget.deleteLater()


def search_items(index: Callable[[], ItemIndex], lane: Lane) -> Scenario:
    """Find items in the intake's finder by pinyin initials, code and name, and choose one."""

    def run(window: QWidget, driver: Driver) -> None:
        form = IntakeForm(off_thread(driver, lane, index))
        with shown(driver, form):
            search = form.finder.search
            for query in ("gtgsh", "spjyxk", "11339900", "getigongshang", "gt gsh"):
                type_like_a_clerk(search, query)
                press(search, Qt.Key.Key_Down)
                press(search, Qt.Key.Key_Escape)
            type_chinese(search, "食品经营")
            run_loop(KEY_PAUSE_MS)
            press(search, Qt.Key.Key_Return)

    return run


def intake_by_keys(index: Callable[[], ItemIndex], lane: Lane) -> Scenario:
    """A whole intake of one applicant by keys (the path of tests/ui/intake/test_intake.py)."""

    def run(window: QWidget, driver: Driver) -> None:
        form = IntakeForm(off_thread(driver, lane, index))
        with shown(driver, form):
            search = form.finder.search
            type_like_a_clerk(search, "gtgsh")
            press(search, Qt.Key.Key_Return)
            type_chinese(form.applicant.name, "张三")
            press(form.applicant.name, Qt.Key.Key_Tab)
            type_like_a_clerk(form.applicant.id_number, person_id())
            press(form.applicant.id_number, Qt.Key.Key_Tab)
            type_like_a_clerk(form.applicant.phone, "13812345678")
            form.checklist.view.setFocus()
            for key in (Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_L, Qt.Key.Key_Down):
                press(form.checklist.view, key)
            with driver.waitSignal(form.submitted):
                press(form.checklist.view, Qt.Key.Key_P)
                press(form.checklist.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    return run


def settings_dialog(folder: Path) -> Scenario:
    """Open the settings dialog, turn every page, and cancel."""

    def run(window: QWidget, driver: Driver) -> None:
        dialog = SettingsDialog(CounterSettings(folder / "window-clerk.ini"), data_folder=folder)
        with shown(driver, dialog, (760, 540)):
            for _ in dialog.pages:
                press(dialog, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
            press(dialog, Qt.Key.Key_Escape)

    return run


def receipt_preview(lane: Lane) -> Scenario:
    """Preview an acceptance receipt (A4, then 80 mm) built on a lane, scrolled to its end."""

    def run(window: QWidget, driver: Driver) -> None:
        preview = PdfPreview()
        with shown(driver, preview, (700, 900)):
            for paper in (Paper.A4, Paper.RECEIPT_80MM):
                pdf = off_thread(driver, lane, functools.partial(receipt_pdf, paper))
                with driver.waitSignal(preview.loaded):
                    preview.show_pdf(pdf)
                bar = preview.view.verticalScrollBar()
                for step in range(11):
                    bar.setValue(bar.maximum() * step // 10)
                    run_loop(KEY_PAUSE_MS)

    return run


def scan_viewer(row: ScanRow) -> Scenario:
    """A scan in the viewer: zoomed in step by step to the maximum, scrolled down at each step,
    then fitted again."""

    def run(window: QWidget, driver: Driver) -> None:
        viewer = ScanViewer()
        with shown(driver, viewer, (1000, 800)):
            with driver.waitSignal(viewer.shown, timeout=10_000):
                viewer.show_scan(row)
            bar = viewer.scroll_area.verticalScrollBar()
            while viewer.zoom is None or viewer.zoom < MAX_ZOOM:
                press(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
                bar.setValue(bar.maximum() // 2)
                run_loop(KEY_PAUSE_MS)
            viewer.fit()
            run_loop(KEY_PAUSE_MS)
            viewer.close_lane()

    return run


def scanned_page(path: Path) -> ScanRow:
    """A JPEG like a scanned A4 page at 300 dpi (2480 × 3508), as the viewer's row."""
    image = QImage(2480, 3508, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y in range(200, 3300, 60):
        painter.fillRect(200, y, 2080 - (y % 700), 24, QColor("black"))
    painter.end()
    image.save(str(path), quality=85)  # JPEG, from the suffix
    media = "image/jpeg"
    return ScanRow("0" * 64, "M01", "申请书", media, path.stat().st_size, datetime.now(UTC), path)


def receipt_pdf(paper: Paper) -> bytes:
    """An acceptance receipt with a QR code, a barcode and a seal (built where it is called)."""
    return build(DocumentKind.ACCEPTANCE_RECEIPT, samples.receipt(), paper=paper)


def large_catalogue(items: Sequence[ServiceItem]) -> tuple[ServiceItem, ...]:
    """About 1,700 items: the demo items once per district of a province, with their own codes."""
    made: list[ServiceItem] = []
    for district in DISTRICTS:
        for item in items:
            number = f"{len(made) + 1:06d}"
            code = item.implementation_code[:-6] + number
            name = f"{district}区{item.name}"
            made.append(dataclasses.replace(item, implementation_code=code, name=name))
    return tuple(made)


def store_index(store: Store) -> Callable[[], ItemIndex]:
    """The index of the catalogue in `store` (built where it is called)."""
    return lambda: load_index(lambda: store.unit_of_work(read_only=True))
