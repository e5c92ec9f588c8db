"""The scanner's drop folder offers each new, complete scan once; real files in tmp_path."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.capture.dropfolder import DropFolder, Seen, Settler, is_scan_name, list_scans

lane = pytest.mark.usefixtures("gui_thread_garbage")  # a DropFolder lists on a lane

PDF = b"%PDF-1.4\n" + b"0" * 2000


def seen(name: str, size: int, mtime: int = 1) -> Seen:
    return Seen(Path("/scans") / name, size, mtime)


# -- what counts as complete (the settler, on a clock the test sets) -------------------------


def test_a_file_is_offered_when_two_checks_a_settle_time_apart_agree() -> None:
    settler = Settler(settle_ms=1000)
    assert settler.check([seen("a.pdf", 10)], now_ms=0) == []
    assert settler.waiting
    assert settler.check([seen("a.pdf", 10)], now_ms=400) == []  # same, but too soon
    assert settler.check([seen("a.pdf", 10)], now_ms=1000) == [Path("/scans/a.pdf")]
    assert not settler.waiting


def test_a_growing_file_waits_until_it_stops_growing() -> None:
    settler = Settler(settle_ms=1000)
    assert settler.check([seen("a.pdf", 10)], now_ms=0) == []
    assert settler.check([seen("a.pdf", 5000, 2)], now_ms=1500) == []  # page 2 written
    assert settler.check([seen("a.pdf", 5000, 2)], now_ms=2000) == []
    assert settler.check([seen("a.pdf", 5000, 2)], now_ms=2500) == [Path("/scans/a.pdf")]


def test_an_empty_file_is_never_complete() -> None:
    settler = Settler(settle_ms=10)
    assert settler.check([seen("a.pdf", 0)], now_ms=0) == []
    assert settler.check([seen("a.pdf", 0)], now_ms=5000) == []
    assert not settler.waiting  # nothing worth a quick second look


def test_a_file_is_offered_once_and_again_only_after_it_left() -> None:
    settler = Settler(settle_ms=0)
    settler.check([seen("a.pdf", 10)], now_ms=0)
    assert settler.check([seen("a.pdf", 10)], now_ms=1) == [Path("/scans/a.pdf")]
    assert settler.check([seen("a.pdf", 10)], now_ms=2) == []
    assert settler.check([seen("a.pdf", 99, 5)], now_ms=3) == []  # touched: still the same file
    assert settler.check([], now_ms=4) == []
    settler.check([seen("a.pdf", 20, 6)], now_ms=5)
    assert settler.check([seen("a.pdf", 20, 6)], now_ms=6) == [Path("/scans/a.pdf")]


def test_ignored_files_are_never_offered() -> None:
    settler = Settler(settle_ms=0)
    settler.ignore([seen("old.pdf", 10)])
    settler.check([seen("old.pdf", 10), seen("new.png", 5)], now_ms=0)
    assert settler.check([seen("old.pdf", 10), seen("new.png", 5)], now_ms=1) == [
        Path("/scans/new.png")
    ]


@pytest.mark.parametrize(
    ("name", "offered"),
    [
        ("scan0001.pdf", True),
        ("IMG_20260302.JPG", True),
        ("page.jpeg", True),
        ("fax.TIFF", True),
        ("photo.tif", True),
        ("shot.png", True),
        (".scan0002.pdf", False),
        ("~$report.pdf", False),
        ("scan0003.pdf.part", False),
        ("scan0004.tmp", False),
        ("scan0005.tmp.pdf", False),
        ("download.crdownload", False),
        ("notes.txt", False),
        ("scan.xml", False),
        ("README", False),
    ],
)
def test_scan_names(name: str, offered: bool) -> None:
    assert is_scan_name(name) is offered


def test_list_scans_skips_folders_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "b.pdf").write_bytes(PDF)
    (tmp_path / "a.png").write_bytes(b"x")
    (tmp_path / "c.pdf.part").write_bytes(PDF)
    (tmp_path / "sub.pdf").mkdir()
    listing = list_scans(tmp_path)
    assert [entry.path.name for entry in listing] == ["a.png", "b.pdf"]
    assert listing[1].size == len(PDF)
    with pytest.raises(FileNotFoundError):
        list_scans(tmp_path / "missing")


# -- the watcher on a real folder ----------------------------------------------------------


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "yesterday.pdf").write_bytes(PDF)  # already there when the counter starts
    return folder


@pytest.fixture
def watch(qtbot: QtBot, inbox: Path, gui_thread_garbage: None) -> Iterator[DropFolder]:
    drop = DropFolder(inbox, settle_ms=30, rescan_ms=40)
    with qtbot.waitSignal(drop.checked, timeout=5000):
        drop.start()
    yield drop
    drop.stop()


def checks(qtbot: QtBot, drop: DropFolder, count: int) -> None:
    """Wait for `count` more listings of the folder."""
    for _ in range(count):
        with qtbot.waitSignal(drop.checked, timeout=5000):
            pass


def test_a_new_scan_is_offered_once(qtbot: QtBot, watch: DropFolder, inbox: Path) -> None:
    arrived: list[Path] = []
    watch.fileArrived.connect(arrived.append)
    with qtbot.waitSignal(watch.fileArrived, timeout=5000) as signal:
        (inbox / "scan0001.pdf").write_bytes(PDF)
    assert signal.args == [inbox / "scan0001.pdf"]
    checks(qtbot, watch, 4)
    assert arrived == [inbox / "scan0001.pdf"]  # neither again, nor yesterday's file


def test_hidden_and_temporary_files_are_ignored(
    qtbot: QtBot, watch: DropFolder, inbox: Path
) -> None:
    arrived: list[Path] = []
    watch.fileArrived.connect(arrived.append)
    for name in (".scan0002.pdf", "scan0003.pdf.part", "~$scan.pdf", "scan.xml"):
        (inbox / name).write_bytes(PDF)
    with qtbot.waitSignal(watch.fileArrived, timeout=5000):
        (inbox / "page.png").write_bytes(b"\x89PNG....")
    checks(qtbot, watch, 3)
    assert arrived == [inbox / "page.png"]


def test_a_file_renamed_into_place_is_offered(qtbot: QtBot, watch: DropFolder, inbox: Path) -> None:
    """How careful scanner software saves: write a temporary name, then rename."""
    partial = inbox / "scan0004.pdf.part"
    partial.write_bytes(PDF[:100])
    checks(qtbot, watch, 2)
    with open(partial, "ab") as handle:
        handle.write(PDF[100:])
    with qtbot.waitSignal(watch.fileArrived, timeout=5000) as signal:
        partial.rename(inbox / "scan0004.pdf")
    assert signal.args == [inbox / "scan0004.pdf"]


@lane
def test_files_already_there_can_be_offered_at_start(qtbot: QtBot, inbox: Path) -> None:
    drop = DropFolder(inbox, settle_ms=10, rescan_ms=30, offer_existing=True)
    with qtbot.waitSignal(drop.fileArrived, timeout=5000) as signal:
        drop.start()
    drop.stop()
    assert signal.args == [inbox / "yesterday.pdf"]


def test_an_unreachable_folder_is_reported_once_and_nothing_is_offered_again(
    qtbot: QtBot, watch: DropFolder, inbox: Path, tmp_path: Path
) -> None:
    with qtbot.waitSignal(watch.fileArrived, timeout=5000):
        (inbox / "scan0005.pdf").write_bytes(PDF)
    away = tmp_path / "away"
    with qtbot.waitSignal(watch.unreachable, timeout=5000):
        os.rename(inbox, away)  # the share drops out
    with qtbot.assertNotEmitted(watch.unreachable):
        checks(qtbot, watch, 3)
    os.rename(away, inbox)
    with qtbot.assertNotEmitted(watch.fileArrived):
        checks(qtbot, watch, 4)  # yesterday's file and scan0005 are not new
    with qtbot.waitSignal(watch.fileArrived, timeout=5000) as signal:
        (inbox / "scan0006.pdf").write_bytes(PDF)
    assert signal.args == [inbox / "scan0006.pdf"]


@lane
def test_a_missing_folder_is_watched_from_when_it_appears(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "later"
    drop = DropFolder(folder, settle_ms=10, rescan_ms=30)
    with qtbot.waitSignal(drop.unreachable, timeout=5000):
        drop.start()
    folder.mkdir()
    checks(qtbot, drop, 2)
    with qtbot.waitSignal(drop.fileArrived, timeout=5000) as signal:
        shutil.copyfile(Path(__file__), folder / "copy.pdf")
    drop.stop()
    assert signal.args == [folder / "copy.pdf"]
