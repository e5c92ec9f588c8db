"""The real print path: Qt back-end → CUPS → a cups-pdf printer → a PDF file with the same content.

The session starts its own CUPS scheduler (a generated configuration in a temporary folder,
listening on its own socket), adds a cups-pdf queue and prints through `printing.qt_backend.send`
in a separate process pointed at that scheduler. cups-pdf writes the job to the "Out" folder of
/etc/cups/cups-pdf.conf (by default ~/PDF of the user who printed).

The queue renders PDF to PostScript with pdftocairo: poppler's pdftops and ghostscript both
drop the Unicode mapping of CJK glyphs on cups-pdf's way back to PDF, pdftocairo keeps it.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from printing import DocumentKind, Paper, build
from tests.printing import pdftools, samples

PRINTER = "WindowClerkPDF"
ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("cupsd", "lpadmin", "lpinfo", "lpstat", "cupsenable", "cupsdisable")
SBIN = ("/usr/sbin", "/usr/bin", "/sbin", "/bin")

CUPSD_CONF = """LogLevel warn
Listen {socket}
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order allow,deny
    Allow all
  </Limit>
</Policy>
"""
FILES_CONF = """ServerRoot {root}/conf
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/tmp
Printcap {root}/printcap
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
User lp
Group lp
SystemGroup root
"""


def _tool(name: str) -> str:
    found = shutil.which(name, path=os.pathsep.join([os.environ.get("PATH", ""), *SBIN]))
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install cups cups-client)")
    return found


@dataclass(frozen=True)
class Cups:
    """A running private CUPS scheduler with the cups-pdf queue."""

    socket: Path
    out: Path
    log: Path

    @property
    def env(self) -> dict[str, str]:
        """The environment that points CUPS clients (lp tools, libcups in Qt) at it."""
        return {**os.environ, "CUPS_SERVER": str(self.socket)}

    def run(self, *command: str) -> str:
        """Run a CUPS client tool against this scheduler."""
        done = subprocess.run(
            [_tool(command[0]), *command[1:]],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        )
        return done.stdout

    def queued(self) -> str:
        """The jobs waiting on the queue (lpstat -o)."""
        return self.run("lpstat", "-o", PRINTER)

    def send(self, pdf: bytes, *, profile: str, title: str, folder: Path) -> None:
        """Print through the Qt back-end, in a process of its own."""
        path = folder / f"{title}.pdf"
        path.write_bytes(pdf)
        command = [
            sys.executable,
            "-m",
            "tests.printing.send_job",
            str(path),
            profile,
            PRINTER,
            title,
        ]
        env = {**self.env, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run(command, env=env, cwd=ROOT, check=True, timeout=120, capture_output=True)

    def arrived(self, title: str) -> list[Path]:
        """cups-pdf's output files for a job title."""
        return sorted(self.out.glob(f"{title}*.pdf"))


def _out_folder() -> Path:
    """Where cups-pdf writes a job printed by this user (its configuration's "Out")."""
    user = pwd.getpwuid(os.getuid())
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        match = re.search(r"^Out\s+(\S+)", conf.read_text(encoding="utf-8"), re.MULTILINE)
        out = match.group(1) if match else out
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def _configure(root: Path) -> Path:
    for name in ("conf", "spool", "cache", "state", "log"):
        (root / name).mkdir()
    (root / "tmp").mkdir(mode=0o1777)
    (root / "tmp").chmod(0o1777)  # filters run as lp and write here
    socket = root / "cups.sock"
    (root / "conf" / "cupsd.conf").write_text(CUPSD_CONF.format(socket=socket))
    (root / "conf" / "cups-files.conf").write_text(FILES_CONF.format(root=root))
    return socket


def _wait(condition: Callable[[], bool], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}")
        time.sleep(0.1)


def _pdf_driver(cups: Cups) -> str:
    drivers = [
        line.split()[0] for line in cups.run("lpinfo", "-m").splitlines() if "CUPS-PDF" in line
    ]
    if not drivers:
        pytest.skip("no cups-pdf driver (apt-get install printer-driver-cups-pdf)")
    return next((d for d in drivers if "_opt" in d), drivers[0])


@pytest.fixture(scope="session")
def cups() -> Iterator[Cups]:
    """A private CUPS scheduler with a cups-pdf queue, for the whole session."""
    if os.geteuid() != 0:
        pytest.skip("cups-pdf is a root-only backend: a private cupsd needs root to run it")
    if not Path("/usr/lib/cups/backend/cups-pdf").exists():
        pytest.skip("the cups-pdf backend is missing (apt-get install printer-driver-cups-pdf)")
    # Not under pytest's own temporary folder: that is private to root, and CUPS filters run
    # as the user lp, who must reach the spool and temporary folders.
    root = Path(tempfile.mkdtemp(prefix="window-clerk-cups-"))
    root.chmod(0o755)
    socket = _configure(root)
    conf = root / "conf"
    with (root / "log" / "cupsd.out").open("w") as output:
        daemon = subprocess.Popen(
            [
                _tool("cupsd"),
                "-f",
                "-c",
                str(conf / "cupsd.conf"),
                "-s",
                str(conf / "cups-files.conf"),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = Cups(socket, _out_folder(), root / "log")
    try:
        _wait(lambda: socket.exists() and "is running" in _status(server), seconds=20, what="cupsd")
        server.run(
            "lpadmin",
            "-p",
            PRINTER,
            "-v",
            "cups-pdf:/",
            "-m",
            _pdf_driver(server),
            "-E",
            "-o",
            "pdftops-renderer-default=pdftocairo",
        )
        yield server
    finally:
        daemon.terminate()
        daemon.wait(timeout=20)
        shutil.rmtree(root, ignore_errors=True)


def _status(cups: Cups) -> str:
    try:
        return cups.run("lpstat", "-r")
    except subprocess.CalledProcessError:
        return ""


@pytest.fixture
def title() -> Iterator[str]:
    """A job title no other job has (cups-pdf names its file after it)."""
    name = f"wcjob{uuid.uuid4().hex[:12]}"
    yield name
    for path in _out_folder().glob(f"{name}*.pdf"):
        path.unlink()


FACTS = [
    "受理通知书",
    "张三丰",
    samples.ID_MASKED,
    "食品经营许可",
    samples.CASE_NUMBER,
    "2026年12月4日",
]


def test_a_job_arrives_as_a_pdf_with_the_same_content(
    cups: Cups, title: str, tmp_path: Path
) -> None:
    pdf = build(DocumentKind.ACCEPTANCE_RECEIPT, samples.receipt())
    cups.send(pdf, profile="a4", title=title, folder=tmp_path)
    _wait(lambda: bool(cups.arrived(title)) and not cups.queued(), seconds=60, what="the PDF")
    (arrived,) = cups.arrived(title)
    printed = arrived.read_bytes()
    assert pdftools.page_count(printed) == 1
    read = pdftools.flat(pdftools.text(printed))
    assert [fact for fact in FACTS if pdftools.flat(fact) not in read] == []
    found = pdftools.barcodes(pdftools.render(printed, dpi=200, gray=True))
    assert sorted(found) == [("CODE-128", samples.NUMBER), ("QR-Code", samples.LOOKUP)]


def test_a_job_for_a_stopped_printer_waits_and_prints_once_resumed(
    cups: Cups, title: str, tmp_path: Path
) -> None:
    pdf = build(DocumentKind.ACCEPTANCE_RECEIPT, samples.receipt(), paper=Paper.RECEIPT_80MM)
    cups.run("cupsdisable", PRINTER)
    try:
        cups.send(pdf, profile="roll", title=title, folder=tmp_path)
        _wait(lambda: PRINTER in cups.queued(), seconds=10, what="the job in the queue")
        time.sleep(2)  # a stopped printer must not print: give it the time it would take
        assert PRINTER in cups.queued()
        assert cups.arrived(title) == []
    finally:
        cups.run("cupsenable", PRINTER)
    _wait(lambda: bool(cups.arrived(title)) and not cups.queued(), seconds=60, what="the PDF")
    (arrived,) = cups.arrived(title)
    printed = arrived.read_bytes()
    width, _height = pdftools.page_size(printed)
    assert width == pytest.approx(80 * 72 / 25.4, abs=1.5)
    assert pdftools.flat("受理回执") in pdftools.flat(pdftools.text(printed))
    found = pdftools.barcodes(pdftools.render(printed, dpi=203, gray=True))
    assert sorted(found) == [("CODE-128", samples.NUMBER), ("QR-Code", samples.LOOKUP)]
