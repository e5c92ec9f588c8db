"""What the frozen Windows counter must contain, in plain Python (read by window-clerk.spec).

Kept apart from the spec so that the lists can be checked without PyInstaller installed
(tests/ops/test_pyinstaller_spec.py): every data source exists, every hidden import imports,
and every `clerk.bundle.resource(...)` the code asks for is found in a bundle laid out from
`datas()`.

Data files: `resources/` (the bundled CJK font and its licence, the compiled translations,
the demo catalogue the embedded registry imports, the chime), and the data of libraries that
PyInstaller's analysis cannot see (pypinyin's dictionaries, python-barcode's and reportlab's
fonts), and Window Clerk's own metadata (its version). Hidden imports: modules loaded by
name at run time (uvicorn's protocol, loop and lifespan classes; SQLAlchemy's SQLite
dialect; reportlab's font metrics; argon2's CFFI bindings; the Qt modules whose plug-ins must
be collected: platforms, multimedia, text to speech, print support, PDF).
"""

from __future__ import annotations

import importlib.util
import os
import pkgutil
import sys
import tomllib
from pathlib import Path

NAME = "window-clerk"
"""The executable's and the folder's name (`dist/window-clerk/window-clerk.exe`)."""
PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
ENTRY = PACKAGING / "frozen_main.py"
RESOURCES = ROOT / "resources"
RESOURCE_GLOBS = ("fonts/*.ttc", "fonts/LICENSE-*", "i18n/*.qm", "catalogue/*.json", "sounds/*.wav")
"""What of `resources/` ships (not the .ts sources of the translations, not READMEs)."""
LIBRARY_DATA = (("pypinyin", "*.json"), ("barcode", "fonts/*"), ("reportlab", "fonts/*"))
"""Data files of libraries, as (package, glob inside it)."""
HIDDEN_IMPORTS = (
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "uvicorn.logging",
    "uvicorn.loops.auto",
    "uvicorn.loops.asyncio",
    "uvicorn.protocols.http.auto",
    "uvicorn.protocols.http.h11_impl",
    "uvicorn.protocols.websockets.auto",
    "uvicorn.lifespan.on",
    "uvicorn.lifespan.off",
    "registry.server",
    "_argon2_cffi_bindings",
    "_cffi_backend",
    "PySide6.QtMultimedia",
    "PySide6.QtTextToSpeech",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
)
WINDOWS_ONLY_IMPORTS = ("tzdata",)
"""Windows has no IANA time zone database: zoneinfo needs the `tzdata` package for
Asia/Shanghai (the hall's day, deadlines)."""
WINDOWS_ONLY_DATA = (("tzdata", "zoneinfo/**/*"),)
EXCLUDES = (
    "tkinter",
    "psycopg",  # the counter's registry is SQLite; PostgreSQL is for the registry on Linux
    "psycopg_binary",
    "pytest",
    "hypothesis",
    "schemathesis",
    "tests",
    "bench",
)


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"bundle_manifest: the package {name!r} is not installed")
    return Path(spec.origin).parent


def datas(platform: str = sys.platform) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for every data file the counter reads."""
    pairs = [
        (str(path), str(path.parent.relative_to(ROOT)).replace("\\", "/"))
        for pattern in RESOURCE_GLOBS
        for path in sorted(RESOURCES.glob(pattern))
    ]
    libraries = [*LIBRARY_DATA, *(WINDOWS_ONLY_DATA if platform == "win32" else ())]
    for package, pattern in libraries:
        folder = _package_dir(package)
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                inside = path.parent.relative_to(folder.parent)
                pairs.append((str(path), str(inside).replace("\\", "/")))
    return [*pairs, *_metadata()]


def _metadata() -> list[tuple[str, str]]:
    """Window Clerk's own dist-info, so the frozen registry knows its version (health).

    Written from pyproject.toml into `$WINDOW_CLERK_BUILD_DIR` (`build/` by default, where
    PyInstaller works anyway), whatever way the build environment installed the project.
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = f"window_clerk-{project['version']}.dist-info"
    folder = Path(os.environ.get("WINDOW_CLERK_BUILD_DIR") or ROOT / "build") / "metadata" / name
    folder.mkdir(parents=True, exist_ok=True)
    metadata = folder / "METADATA"
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {project['version']}"]
    metadata.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [(str(metadata), name)]


def hiddenimports(platform: str = sys.platform) -> list[str]:
    """Modules the analysis cannot find by itself (imported by name at run time)."""
    fontdata = sorted(
        f"reportlab.pdfbase.{module.name}"
        for module in pkgutil.iter_modules([str(_package_dir("reportlab") / "pdfbase")])
        if module.name.startswith("_fontdata")
    )
    extra = list(WINDOWS_ONLY_IMPORTS) if platform == "win32" else []
    return [*HIDDEN_IMPORTS, *fontdata, *extra]


def require_build_dependencies(platform: str = sys.platform) -> None:
    """Stop the build, saying what to install, when a module the bundle needs is missing.

    Raises:
        SystemExit: a hidden import cannot be found in the build's environment.
    """
    missing = [name for name in hiddenimports(platform) if importlib.util.find_spec(name) is None]
    if missing:
        raise SystemExit(
            f"bundle_manifest: install {', '.join(missing)} into the build's environment "
            "(see packaging/build-windows.md)"
        )
