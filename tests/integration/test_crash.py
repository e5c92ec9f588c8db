"""A counter process killed (-9) in the middle of writing: every action is whole or absent."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from clerk.audit import verify_chain
from clerk.catalog import Catalogue
from clerk.services import install_catalogue
from clerk.store import Store, open_store
from tests.integration.conftest import DEVICE

ROOT = Path(__file__).resolve().parents[2]
KILLS = 12


def run_and_kill(path: Path, rng: random.Random) -> dict[str, int]:
    """Start the writer, let it work a random while, kill it -9; return what it reported done."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.crash_writer", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.02, 0.4))
    os.kill(child.pid, signal.SIGKILL)
    output, _ = child.communicate()
    done: dict[str, int] = {}
    for line in output.splitlines():
        _, case_id, version = line.split()
        done[case_id] = int(version)
    return done


def check_whole(store: Store, acknowledged: dict[str, int]) -> int:
    """Every case's rows, outbox operations, audit entries and documents agree; returns cases."""
    with store.engine.connect() as db:
        rows = db.execute(text("SELECT case_id, version FROM cases")).all()
        versions: dict[str, int] = {str(row[0]): int(row[1]) for row in rows}
        ops = Counter(r[0] for r in db.execute(text("SELECT entity_id FROM outbox")))
        audits = Counter(r[0] for r in db.execute(text("SELECT case_id FROM audit_entries")))
        accepted = {
            r[0] for r in db.execute(text("SELECT case_id FROM cases WHERE status='accepted'"))
        }
        receipts = Counter(r[0] for r in db.execute(text("SELECT case_id FROM documents")))
        seqs = [r[0] for r in db.execute(text("SELECT client_seq FROM outbox ORDER BY client_seq"))]
    for case_id, version in acknowledged.items():
        assert versions.get(case_id, 0) >= version, "an acknowledged action was lost"
    for case_id, version in versions.items():
        assert ops[case_id] == version, "outbox operations disagree with the case"
        assert audits[case_id] == version, "audit entries disagree with the case"
        assert receipts[case_id] == (1 if case_id in accepted else 0)
    assert len(seqs) == len(set(seqs))
    with store.unit_of_work() as uow:
        assert verify_chain(uow.audit.chain(DEVICE.device_id)).ok
    return len(versions)


@pytest.mark.slow
def test_killed_writer_leaves_every_action_whole_or_absent(
    tmp_path: Path, demo_catalogue: Catalogue
) -> None:
    path = tmp_path / "counter.db"
    with open_store(path, device=DEVICE) as store:
        install_catalogue(store.unit_of_work(), demo_catalogue)
    rng = random.Random(20261121)
    acknowledged: dict[str, int] = {}
    cases = 0
    for _ in range(KILLS):
        acknowledged |= run_and_kill(path, rng)
        with open_store(path) as store:
            cases = check_whole(store, acknowledged)
    assert cases >= KILLS  # the writer really made progress between kills
