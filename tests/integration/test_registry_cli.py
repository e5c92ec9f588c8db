"""`window-clerk-registry admin`: catalogue checks and audit-chain verification on real files."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from clerk.cases import Applicant, ApplicantKind
from clerk.services import open_case
from clerk.staff import Actor
from clerk.store import Store, uuid7
from registry.cli import main
from tests.integration.conftest import DEMO, at
from tests.integration.test_services import BUSINESS, person_id

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def test_the_console_script_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "registry", "admin", "check-catalogue", str(DEMO)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: catalogue 2026.11-demo: 19 items")


def test_a_broken_catalogue_is_refused_with_every_field_path(tmp_path: Path) -> None:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["items"][2]["materials"][1]["kind"] = "orginal"
    data["items"][0]["statutory_limit"]["value"] = -5
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, text = run("admin", "check-catalogue", str(broken))
    assert code == 1
    assert "items[2].materials[1].kind: 'orginal' is not one of" in text
    assert "items[0].statutory_limit.value" in text
    assert "refused: 2 problem(s)" in text


def open_one(store: Store, clerk: Actor) -> None:
    applicant = Applicant.checked(kind=ApplicantKind.PERSON, name="张三", id_number=person_id())
    for minute in range(3):
        open_case(
            store.unit_of_work(),
            case_id=uuid7(),
            item_code=BUSINESS,
            situation=None,
            applicant=applicant,
            actor=clerk,
            now=at(f"2026-03-02 09:0{minute}"),
        )


def test_audit_verification_finds_a_tampered_entry(store: Store, clerk_actor: Actor) -> None:
    open_one(store, clerk_actor)
    path = store.path
    store.close()
    assert run("admin", "verify-audit", str(path)) == (0, "ok: 3 audit entries, chain intact\n")
    # Someone with access to the file drops the guard and rewrites history.
    with sqlite3.connect(path) as db:
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("UPDATE audit_entries SET actor = 'someone-else' WHERE seq = 2")
    code, text = run("admin", "verify-audit", str(path))
    assert code == 1
    assert text.startswith("broken at entry 2: ")


def test_audit_verification_of_a_missing_store(tmp_path: Path) -> None:
    assert run("admin", "verify-audit", str(tmp_path / "none.db")) == (
        1,
        f"refused: no store at {tmp_path / 'none.db'}\n",
    )
