"""A power cut for tests: what a disk holds once the power goes, not what the page cache held.

A kill -9 keeps every write a process made (the kernel still has it); a power cut keeps only
what reached the disk through fsync. `powercut.c`, preloaded into the process under test, copies
a file's content at each fsync/fdatasync, and a directory's entries at each fsync of the
directory, into a shadow folder; after the process was killed, `PowerCutDisk.cut` rebuilds the
tracked folder from that shadow: files whose directory entry was never made durable vanish,
files never synced are empty, the others hold their last synced content.

The model is strict POSIX, harsher than ext4's ordered mode (which often persists more): a
program that survives it survives real disks that honour fsync.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).with_name("powercut.c")


class ShimUnavailable(RuntimeError):
    """The preload layer cannot be built here (no C compiler)."""


def build_shim(directory: Path) -> Path:
    """Compile `powercut.c` into `directory`; returns the shared library.

    Raises:
        ShimUnavailable: gcc is not installed.
        subprocess.CalledProcessError: the compiler refused the source.
    """
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        raise ShimUnavailable("no C compiler (gcc) to build the power-cut layer")
    library = directory / "libpowercut.so"
    command = [compiler, "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-o", str(library)]
    subprocess.run([*command, str(SOURCE), "-ldl", "-lpthread"], check=True, timeout=120)
    return library


@dataclass(frozen=True, slots=True)
class Entry:
    """One directory entry as the disk holds it."""

    inode: int
    is_dir: bool


@dataclass(frozen=True, slots=True)
class CutReport:
    """What one cut found: how many durability points the process reached, what vanished."""

    points: int
    vanished: tuple[str, ...]
    emptied: tuple[str, ...]


class PowerCutDisk:
    """A folder whose content a power cut can take back to what was last made durable.

    `arm()` before starting a process (the folder's content is then "on disk"), `environment()`
    for that process, `cut()` after it was killed.
    """

    def __init__(self, root: Path, work: Path, library: Path) -> None:
        """Track `root` (created if missing); `work` holds the shadow and the baseline."""
        root.mkdir(parents=True, exist_ok=True)
        self.root = root.resolve()
        self.shadow = work / "shadow"
        self.baseline = work / "baseline"
        self.library = library
        self._dirs: dict[str, dict[str, Entry]] = {}

    def arm(self) -> None:
        """Take the folder as it is now as the disk's content (a clean start after a reboot)."""
        for folder in (self.shadow, self.baseline):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        self._dirs = {}
        for walked, names, files in os.walk(self.root):
            listing = {}
            for name in [*names, *files]:
                path = Path(walked) / name
                info = path.lstat()
                listing[name] = Entry(info.st_ino, path.is_dir())
                if name in files:
                    shutil.copyfile(path, self.baseline / f"{info.st_dev}-{info.st_ino}")
            self._dirs[str(Path(walked))] = listing

    def environment(
        self, *, cut_at: int = 0, after: bool = False, drop: bool = False
    ) -> dict[str, str]:
        """The variables that preload the layer into a child process.

        Args:
            cut_at: the child kills itself at this durability point (0: never).
            after: kill once that point was made durable (else just before).
            drop: fsync makes nothing durable (what eatmydata does), a negative control.
        """
        return {
            "LD_PRELOAD": str(self.library),
            "POWERCUT_ROOT": str(self.root),
            "POWERCUT_SHADOW": str(self.shadow),
            "POWERCUT_AT": str(cut_at),
            "POWERCUT_AFTER": "1" if after else "0",
            "POWERCUT_DROP": "1" if drop else "0",
        }

    def unsupported(self) -> list[str]:
        """Calls the model cannot follow (sync, syncfs, msync, O_SYNC opens)."""
        path = self.shadow / "unsupported"
        return path.read_text().splitlines() if path.exists() else []

    def cut(self) -> CutReport:
        """Replace the folder by what the disk holds (call after the process was killed)."""
        durable_dirs = self._durable_dirs()
        files = {p.name[2:]: p for p in self.shadow.glob("f-*") if not p.name.endswith(".tmp")}
        device = self.root.stat().st_dev
        before = {str(p) for p in self.root.rglob("*")}
        shutil.rmtree(self.root)
        emptied: list[str] = []
        self._rebuild(self.root, durable_dirs, files, device, emptied)
        after = {str(p) for p in self.root.rglob("*")}
        return CutReport(self._points(), tuple(sorted(before - after)), tuple(emptied))

    def _durable_dirs(self) -> dict[str, dict[str, Entry]]:
        dirs = dict(self._dirs)
        for snapshot in self.shadow.glob("d-*"):
            if snapshot.name.endswith(".tmp"):
                continue
            path, *lines = snapshot.read_text().splitlines()
            listing = {}
            for line in lines:
                inode, kind, name = line.split("\t", 2)
                listing[name] = Entry(int(inode), kind == "d")
            dirs[path] = listing
        return dirs

    def _rebuild(
        self,
        folder: Path,
        dirs: dict[str, dict[str, Entry]],
        files: dict[str, Path],
        device: int,
        emptied: list[str],
    ) -> None:
        folder.mkdir()
        for name, entry in dirs.get(str(folder), {}).items():
            target = folder / name
            if entry.is_dir:
                self._rebuild(target, dirs, files, device, emptied)
                continue
            key = f"{device}-{entry.inode}"
            source = files.get(key) or self.baseline / key
            if source.exists():
                shutil.copyfile(source, target)
            else:
                target.touch()  # its name reached the disk, its content never did
                emptied.append(str(target))

    def _points(self) -> int:
        path = self.shadow / "syncs"
        return len(path.read_text().splitlines()) if path.exists() else 0
