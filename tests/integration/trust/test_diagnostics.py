"""`main.py --diagnostics OUT.zip`: the right counts, and no personal data (issue 7)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.identity import resident_id_check_char
from clerk.store import uuid7
from tests.integration.sync.harness import BUSINESS, COMPLETE, ROOT, Counter, at

ID_NUMBER = "11010519491231002X"  # the national standard's own example: a valid number
OTHER_ID = "33010619850312001X"
PHONE = "13912345678"
NAME = "李秀英"
ADDRESS = "北京市朝阳区建国路88号"


def _seed(counter: Counter) -> None:
    """Two cases of real-looking applicants, one synchronised; a log that leaked them."""
    assert resident_id_check_char(ID_NUMBER[:17]) == ID_NUMBER[17]
    uow = counter.store.unit_of_work
    for n, (name, id_number) in enumerate([(NAME, ID_NUMBER), ("赵建国", OTHER_ID)]):
        applicant = Applicant.checked(
            kind=ApplicantKind.PERSON, name=name, id_number=id_number, phone=PHONE, address=ADDRESS
        )
        case_id = services.open_case(
            uow(),
            case_id=uuid7(),
            item_code=BUSINESS,
            situation=None,
            applicant=applicant,
            actor=counter.clerk,
            now=at(f"2026-03-02 09:0{n}"),
        ).case.case_id
        services.record_materials(
            uow(),
            case_id=case_id,
            records=COMPLETE,
            actor=counter.clerk,
            now=at("2026-03-02 09:05"),
        )
        if n == 0:
            counter.sync()
    log = counter.store.path.parent / "window-clerk.log"
    log.write_text(
        f"2026-03-02 INFO ui: served {NAME} ({ID_NUMBER}), phone {PHONE}, lives at {ADDRESS}\n"
        f"2026-03-02 INFO ui: another 赵建国 {OTHER_ID} 138-0013-8000 0571-87654321\n"
        "2026-03-02 WARNING sync.loop: registry unreachable\n",
        encoding="utf-8",
    )
    (counter.store.path.parent / "window-clerk.ini").write_text(
        "[General]\nversion=1\nsync/registry_url=http://127.0.0.1:1\nsync/token=s3cr3t-token\n"
    )


def test_the_bundle_has_the_counts_and_no_personal_data(
    make_counter: Callable[..., Counter], tmp_path: Path
) -> None:
    counter = make_counter()
    _seed(counter)
    folder, out = counter.store.path.parent, tmp_path / "diag.zip"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "main.py", "--diagnostics", str(out), "--data-dir", str(folder)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    with zipfile.ZipFile(out) as bundle:
        texts = {name: bundle.read(name).decode("utf-8") for name in bundle.namelist()}
    everything = "\n".join(texts.values())
    for secret in (ID_NUMBER, OTHER_ID, PHONE, NAME, "赵建国", ADDRESS, "s3cr3t-token"):
        assert secret not in everything, secret
    for leaked in ("138-0013-8000", "0571-87654321", ID_NUMBER[:17]):
        assert leaked not in everything, leaked
    assert "registry unreachable" in texts["logs/window-clerk.log"]  # the log is still useful

    store = json.loads(texts["store.json"])
    assert store["rows"]["cases"] == 2
    assert store["schema_version"] >= 4
    outbox = json.loads(texts["outbox.json"])["by_kind_and_state"]
    assert outbox["case.opened"] == {"applied": 1, "pending": 1}
    assert outbox["case.materials_recorded"] == {"applied": 1, "pending": 1}
    assert json.loads(texts["outbox.json"])["oldest_pending_age_seconds"] >= 0
    versions = json.loads(texts["versions.json"])
    assert {"application", "python", "qt", "sqlite", "os"} <= versions.keys()
    assert versions["qt"] != "unknown"
    assert json.loads(texts["sync.json"])["cursors"]
