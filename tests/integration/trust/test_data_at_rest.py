"""Data at rest is readable by the application's user only, whatever the umask (issue 7)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.private import PrivateRotatingFileHandler, tighten_tree
from clerk.scans import ScanFolder
from clerk.staff import Actor, Role
from clerk.store import uuid7
from sync.engine import SyncEngine
from sync.setup import open_counter
from tests.integration.sync.harness import BUSINESS, COMPLETE, at, person
from ui.settings import PDF_FOLDER, CounterSettings

CLERK = Actor("C001", "王芳", Role.CLERK)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def permissive_umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The test process (and the registry it starts) runs with a permissive umask."""
    before = os.umask(request.param)
    yield request.param
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _work(folder: Path) -> dict[str, int]:
    """A counter's day in small: a case with a scan, synchronised with the embedded registry."""
    connection = open_counter(folder)
    try:
        scans = ScanFolder(folder / "scans")
        SyncEngine(connection.store, connection.client, scans=scans).run_once()  # the catalogue
        uow, now = connection.store.unit_of_work, at("2026-03-02 09:00")
        case_id = services.open_case(
            uow(),
            case_id=uuid7(),
            item_code=BUSINESS,
            situation=None,
            applicant=person(1),
            actor=CLERK,
            now=now,
        ).case.case_id
        services.record_materials(uow(), case_id=case_id, records=COMPLETE, actor=CLERK, now=now)
        data = b"%PDF-1.4 a scanned licence"
        sha = scans.put(data)
        services.attach_scan(
            uow(),
            case_id=case_id,
            material="M01",
            sha256=sha,
            size=len(data),
            media_type="application/pdf",
            actor=CLERK,
            now=now,
        )
        assert (folder / "counter.db-wal").exists()
        SyncEngine(connection.store, connection.client, scans=scans).run_once()  # the upload
        sides = [folder / "counter.db-wal", folder / "counter.db-shm"]
        sides += [folder / "registry" / "registry.sqlite-wal"]
        return {path.name: mode(path) for path in sides}  # while open: gone after a checkpoint
    finally:
        connection.close()


def test_the_counter_s_files_are_private_whatever_the_umask(
    permissive_umask: int, tmp_path: Path, qtbot: QtBot
) -> None:
    folder = tmp_path / "counter-data"
    assert set(_work(folder).values()) == {0o600}
    handler = PrivateRotatingFileHandler(folder / "window-clerk.log", maxBytes=200, backupCount=2)
    logger = logging.getLogger("tests.trust.at_rest")
    logger.addHandler(handler)
    try:
        for n in range(20):  # past the size limit: rotated files too
            logger.warning("line %d of the counter's log", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    settings = CounterSettings(folder / "window-clerk.ini")
    settings.set(PDF_FOLDER, str(tmp_path / "pdf"))

    assert mode(folder) == 0o700
    scans = folder / "scans"
    for path in [scans, *(p for p in scans.rglob("*") if p.is_dir())]:
        assert mode(path) == 0o700, path
    files = [p for p in scans.rglob("*") if p.is_file()]
    assert files
    private = [folder / "counter.db"]
    private += [
        folder / "window-clerk.log",
        folder / "window-clerk.log.1",
        folder / "window-clerk.ini",
    ]
    registry = folder / "registry"
    private += [registry / "registry.sqlite", registry / "secret", registry / "registry.log"]
    for path in [*private, *files]:
        assert mode(path) == 0o600, path
    assert mode(registry) == 0o700


def test_tightening_makes_an_older_folder_private(permissive_umask: int, tmp_path: Path) -> None:
    old = tmp_path / "data"
    (old / "scans" / "ab").mkdir(parents=True)
    (old / "scans" / "ab" / "abcd").write_bytes(b"x")
    (old / "window-clerk.ini").write_text("[General]\n")
    os.symlink(old / "window-clerk.ini", old / "link")
    assert tighten_tree(old) >= 4
    assert {mode(p) for p in old.rglob("*") if p.is_dir() and not p.is_symlink()} == {0o700}
    assert {mode(p) for p in old.rglob("*") if p.is_file() and not p.is_symlink()} == {0o600}
    assert tighten_tree(old) == 0  # nothing left to change
