"""The Windows build recipe (packaging/window-clerk.spec), checked without PyInstaller.

The spec is executed as PyInstaller executes it, with recorders in place of PyInstaller's
build classes. What it hands them must hold up: the entry point exists and dispatches the
embedded registry, every data file exists, every hidden import imports, and a bundle laid out
from the spec's data — with `sys.frozen` and `sys._MEIPASS` set as the bootloader sets them —
holds every resource the code asks `clerk.bundle.resource` for.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "window-clerk.spec"
PACKAGES = ("clerk", "ui", "printing", "sync", "registry")


@dataclass
class Built:
    """One PyInstaller build object the spec made: its positional and keyword arguments."""

    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    pure: list[Any] = field(default_factory=list)
    scripts: list[Any] = field(default_factory=list)
    binaries: list[Any] = field(default_factory=list)
    datas: list[Any] = field(default_factory=list)


@dataclass
class Recording:
    """What the spec built, by class name."""

    built: dict[str, Built] = field(default_factory=dict)

    def recorder(self, name: str) -> Any:
        def build(*args: Any, **kwargs: Any) -> Built:
            self.built[name] = Built(args, kwargs)
            return self.built[name]

        return build


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Recording]:
    """The spec executed once, as PyInstaller would (its manifest forgotten afterwards)."""
    build = pytest.MonkeyPatch()
    build.setenv("WINDOW_CLERK_BUILD_DIR", str(tmp_path_factory.mktemp("build")))
    result = Recording()
    namespace = {name: result.recorder(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    namespace |= {"SPECPATH": str(PACKAGING), "__file__": str(SPEC)}
    saved_path = list(sys.path)
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
        yield result
    finally:
        sys.path[:] = saved_path
        sys.modules.pop("bundle_manifest", None)
        build.undo()


def test_the_spec_builds_one_windowed_folder_from_the_frozen_entry(recording: Recording) -> None:
    analysis, exe = recording.built["Analysis"], recording.built["EXE"]
    assert analysis.args[0] == [str(PACKAGING / "frozen_main.py")]
    assert Path(analysis.args[0][0]).is_file()
    assert analysis.kwargs["pathex"] == [str(ROOT)]  # main.py and the packages come from here
    assert exe.kwargs["name"] == recording.built["COLLECT"].kwargs["name"] == "window-clerk"
    assert exe.kwargs["console"] is False
    assert exe.kwargs["exclude_binaries"] is True  # one folder: nothing to unpack at each start


def test_every_data_file_exists_and_only_compiled_translations_ship(recording: Recording) -> None:
    datas: list[tuple[str, str]] = recording.built["Analysis"].kwargs["datas"]
    assert [source for source, _ in datas if not Path(source).is_file()] == []
    shipped = {(Path(source).name, folder) for source, folder in datas}
    for expected in [
        ("wqy-microhei.ttc", "resources/fonts"),
        ("LICENSE-wqy-microhei.txt", "resources/fonts"),
        ("window_clerk_zh_CN.qm", "resources/i18n"),
        ("demo.json", "resources/catalogue"),
        ("chime.wav", "resources/sounds"),
        ("pinyin_dict.json", "pypinyin"),
        ("DejaVuSansMono.ttf", "barcode/fonts"),
    ]:
        assert expected in shipped
    assert not any(name.endswith(".ts") for name, _ in shipped)
    assert any(
        name == "METADATA" and folder.startswith("window_clerk-") for name, folder in shipped
    )


def test_every_hidden_import_imports_here(recording: Recording) -> None:
    hidden: list[str] = recording.built["Analysis"].kwargs["hiddenimports"]
    assert "sqlalchemy.dialects.sqlite" in hidden
    assert "uvicorn.protocols.http.h11_impl" in hidden
    assert any(name.startswith("reportlab.pdfbase._fontdata_widths") for name in hidden)
    for name in hidden:
        importlib.import_module(name)


def test_a_windows_build_adds_the_time_zone_database() -> None:
    manifest = _load_manifest()
    assert "tzdata" in manifest.hiddenimports("win32")
    assert "tzdata" not in manifest.hiddenimports("linux")


def _load_manifest() -> Any:
    spec = importlib.util.spec_from_file_location("manifest_copy", PACKAGING / "bundle_manifest.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def resource_requests() -> set[tuple[str, ...]]:
    """Every `resource("…", …)` call with literal arguments in the program's packages."""
    found: set[tuple[str, ...]] = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "resource"
                ):
                    parts = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
                    assert len(parts) == len(node.args), f"{path}: resource() with a variable"
                    found.add(tuple(str(part) for part in parts))
    return found


def test_no_module_finds_resources_around_the_shared_lookup() -> None:
    bypassing = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if path != ROOT / "clerk" / "bundle.py"
        and any(
            isinstance(node, ast.Constant) and node.value == "resources"
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert bypassing == []


def lay_out(datas: list[tuple[str, str]], bundle: Path) -> None:
    """Place the data files as PyInstaller's COLLECT does (links instead of copies)."""
    for source, folder in datas:
        (bundle / folder).mkdir(parents=True, exist_ok=True)
        os.symlink(source, bundle / folder / Path(source).name)


FROZEN_PROBE = """
import json, sys
sys.frozen, sys._MEIPASS = True, sys.argv[1]
from clerk.bundle import resource
from clerk.catalog import DEMO_CATALOGUE, load_catalogue
from printing.fonts import FONT_FILE, register_font
from ui.i18n import I18N_DIR
from ui.queue.announcer import CHIME_WAV
register_font()
items = len(load_catalogue(DEMO_CATALOGUE).items)
paths = [str(DEMO_CATALOGUE), str(FONT_FILE), str(I18N_DIR / "window_clerk_zh_CN.qm"),
         str(CHIME_WAV)] + [str(resource(*parts)) for parts in json.loads(sys.argv[2])]
print(json.dumps({"items": items, "paths": paths}))
"""


def test_the_frozen_lookups_find_every_resource_in_the_bundle(
    recording: Recording, tmp_path: Path
) -> None:
    bundle = tmp_path / "_internal"
    lay_out(recording.built["Analysis"].kwargs["datas"], bundle)
    requests = sorted(resource_requests())
    assert ("fonts", "wqy-microhei.ttc") in requests
    probe = subprocess.run(
        [sys.executable, "-c", FROZEN_PROBE, str(bundle), json.dumps(requests)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=60,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    answer = json.loads(probe.stdout)
    assert answer["items"] > 0
    [bundled] = importlib.metadata.distributions(name="window-clerk", path=[str(bundle)])
    assert bundled.version == importlib.metadata.version("window-clerk")  # the health's version
    for path in answer["paths"]:
        assert path.startswith(str(bundle)), path
        assert Path(path).exists(), path


def test_the_frozen_entry_runs_the_registry_when_started_as_the_embedded_child(
    tmp_path: Path,
) -> None:
    catalogue = ROOT / "resources" / "catalogue" / "demo.json"
    command = [sys.executable, str(PACKAGING / "frozen_main.py"), "-m", "registry"]
    answer = subprocess.run(
        [*command, "admin", "check-catalogue", str(catalogue)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.startswith("ok: catalogue")


def test_the_frozen_entry_starts_the_counter_otherwise(tmp_path: Path) -> None:
    answer = subprocess.run(
        [sys.executable, str(PACKAGING / "frozen_main.py"), "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=60,
        check=False,
    )
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.startswith("usage: window-clerk ")
    assert "--enrolment-code" in answer.stdout
