"""The embedded registry launched early: adopted by the counter's start, or stopped at exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sync import embedded
from sync.embedded import EmbeddedRegistry, prelaunch

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
def test_start_adopts_the_child_launched_early_for_its_folder(tmp_path: Path) -> None:
    prelaunch(tmp_path / "registry")
    [early] = embedded._prelaunched.values()  # the child waiting to be adopted
    registry = EmbeddedRegistry(tmp_path / "registry")
    try:
        url = registry.start()
        assert registry.process is early  # no second child
        assert not embedded._prelaunched  # adopted: nobody else stops it
        assert url == f"http://127.0.0.1:{registry.port}"
        assert registry.take_enrolment_code()  # the demo hall left this counter its code
    finally:
        registry.stop()
    assert early.poll() is not None


UNADOPTED = """
import sys
from pathlib import Path
from sync.embedded import prelaunch, _prelaunched
prelaunch(Path(sys.argv[1]))
print(next(iter(_prelaunched.values())).pid, flush=True)
"""


@pytest.mark.slow
def test_a_child_nobody_adopts_ends_with_the_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", UNADOPTED, str(tmp_path / "registry")],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    pid = int(done.stdout)
    assert not Path(f"/proc/{pid}").exists() or "Z" in status_of(pid)


def status_of(pid: int) -> str:
    """The state letter of a process (Z: ended, not yet reaped by its parent)."""
    return Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_a_child_that_died_before_adoption_is_not_adopted(tmp_path: Path) -> None:
    folder = tmp_path / "registry"
    prelaunch(folder)
    [early] = embedded._prelaunched.values()  # the child waiting to be adopted
    early.kill()
    early.wait()
    assert embedded._adopt(folder, "W01") is None  # start spawns afresh
