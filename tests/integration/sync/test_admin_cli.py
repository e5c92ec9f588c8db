"""`window-clerk-registry admin …` on a real registry database, and what it sends to counters."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import update

from registry.schema import AUDIT
from tests.integration.sync.harness import ROOT, Counter, RegistryProcess


def admin(
    registry: RegistryProcess, *args: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "registry",
        "admin",
        *args,
        "--database-url",
        registry.database_url,
    ]
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, cwd=ROOT, check=False, timeout=60
    )


def test_an_administrator_sets_up_a_hall_and_a_counter_enrols_with_the_code(
    registry: RegistryProcess, make_counter: Callable[..., Counter], tmp_path: Path
) -> None:
    assert admin(registry, "init").returncode == 0
    again = admin(registry, "import-catalogue", "--demo")
    assert (again.returncode, "already installed" in again.stdout) == (0, True)
    assert admin(registry, "create-hall", "HZ02", "西湖区便民服务中心").returncode == 0
    assert admin(registry, "create-counter", "HZ02", "W09", "--name", "9号窗口").returncode == 0
    duplicate = admin(registry, "create-counter", "HZ02", "W09")
    assert duplicate.returncode == 2
    assert "exists" in duplicate.stdout
    staff = admin(
        registry,
        "create-staff",
        "HZ02C01",
        "--hall",
        "HZ02",
        "--name",
        "赵六",
        "--role",
        "clerk",
        stdin="a-long-password\n",
    )
    assert staff.returncode == 0, staff.stdout
    code = admin(registry, "enrolment-code", "HZ02", "W09").stdout.strip()
    assert len(code.replace("-", "")) == 12
    listed = admin(registry, "list-counters").stdout
    assert "HZ02\tW09" in listed
    assert "waiting" in listed.split("HZ02\tW09")[1].splitlines()[0]
    revoked = admin(registry, "revoke-counter", "HZ02", "W09")
    assert revoked.returncode == 0
    assert (
        "revoked" in admin(registry, "list-counters").stdout.split("HZ02\tW09")[1].splitlines()[0]
    )


def test_calendar_overrides_reach_every_counter(
    registry: RegistryProcess, make_counter: Callable[..., Counter], tmp_path: Path
) -> None:
    counter = make_counter("W01")
    calendar = tmp_path / "calendar.json"
    calendar.write_text(
        json.dumps(
            {
                "overrides": [{"day": "2026-03-04", "workday": False, "reason": "台风停工"}],
                "complete_years": [2026],
            }
        ),
        encoding="utf-8",
    )
    assert admin(registry, "set-calendar", str(calendar)).returncode == 0
    counter.sync()
    with counter.store.unit_of_work(read_only=True) as uow:
        overrides = uow.calendar.overrides()
    assert [(o.day, o.workday, o.reason) for o in overrides] == [
        (date(2026, 3, 4), False, "台风停工")
    ]


def test_a_case_s_audit_trail_is_exported_and_a_tampered_entry_is_named(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter("W01")
    case_id = counter.open_and_accept(3)
    counter.sync()
    exported = admin(registry, "export-audit", case_id)
    assert exported.returncode == 0, exported.stdout
    trail = json.loads(exported.stdout)
    assert [entry["action"] for entry in trail["entries"]] == [
        "case.opened",
        "case.materials_recorded",
        "case.accepted",
    ]
    assert trail["problems"] == []
    with registry.db() as connection:
        connection.execute(
            update(AUDIT)
            .where(AUDIT.c.case_id == case_id, AUDIT.c.action == "case.opened")
            .values(actor="someone-else")
        )
    broken = admin(registry, "export-audit", case_id)
    assert broken.returncode == 1
    assert "breaks at entry" in json.loads(broken.stdout)["problems"][0]
