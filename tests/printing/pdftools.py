"""The real tools users' machines read PDFs with: poppler (pdftotext, pdffonts, pdftoppm), zbar.

Each helper writes the PDF to a temporary file, runs the tool and returns what it found.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image

_TIMEOUT = 60


def _run(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT, check=True)
    return done.stdout


def _written(pdf: bytes, folder: Path) -> Path:
    path = folder / "document.pdf"
    path.write_bytes(pdf)
    return path


def text(pdf: bytes, *, page: int | None = None) -> str:
    """What pdftotext reads (one page, or all)."""
    with tempfile.TemporaryDirectory() as folder:
        path = _written(pdf, Path(folder))
        pages = ["-f", str(page), "-l", str(page)] if page else []
        return _run("pdftotext", *pages, str(path), "-")


def flat(value: str) -> str:
    """Text without any whitespace: wrapped lines and table cells read as one run."""
    return re.sub(r"\s+", "", value)


@dataclass(frozen=True)
class FontRow:
    """One line of pdffonts."""

    name: str
    kind: str
    embedded: bool
    subset: bool
    unicode: bool


def fonts(pdf: bytes) -> list[FontRow]:
    """The fonts pdffonts lists."""
    with tempfile.TemporaryDirectory() as folder:
        output = _run("pdffonts", str(_written(pdf, Path(folder))))
    rows = []
    for line in output.splitlines()[2:]:
        match = re.match(
            r"(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line
        )
        assert match, f"unexpected pdffonts line: {line!r}"
        name, kind, _encoding, emb, sub, uni = match.groups()
        rows.append(FontRow(name, kind, emb == "yes", sub == "yes", uni == "yes"))
    return rows


def page_count(pdf: bytes) -> int:
    """How many pages pdfinfo counts."""
    with tempfile.TemporaryDirectory() as folder:
        info = _run("pdfinfo", str(_written(pdf, Path(folder))))
    match = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert match
    return int(match.group(1))


def page_size(pdf: bytes) -> tuple[float, float]:
    """The first page's width and height in points, as pdfinfo reports them."""
    with tempfile.TemporaryDirectory() as folder:
        info = _run("pdfinfo", str(_written(pdf, Path(folder))))
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    assert match
    return float(match.group(1)), float(match.group(2))


def render(pdf: bytes, *, dpi: int, page: int = 1, gray: bool = False) -> Image.Image:
    """One page rendered by pdftoppm."""
    with tempfile.TemporaryDirectory() as folder:
        path = _written(pdf, Path(folder))
        mode = ["-gray"] if gray else []
        command = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), *mode, "-png"]
        done = subprocess.run(
            [*command, str(path)], capture_output=True, timeout=_TIMEOUT, check=True
        )
    image = Image.open(io.BytesIO(done.stdout))
    image.load()
    return image


def barcodes(image: Image.Image) -> list[tuple[str, str]]:
    """(symbology, data) of every Code 128 and QR code zbarimg decodes in the image."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.png"
        image.save(path)
        done = subprocess.run(
            [
                "zbarimg",
                "-q",
                "-Sdisable",
                "-Scode128.enable",
                "-Sqrcode.enable",
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=False,  # exit status 4 means "nothing found": an empty list says that
        )
    found = []
    for line in done.stdout.splitlines():
        symbology, _, data = line.partition(":")
        found.append((symbology, data))
    return found


@dataclass(frozen=True)
class Word:
    """A word pdftotext placed on a page, in points from the top left corner."""

    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


@dataclass(frozen=True)
class PageBox:
    """A page's size in points."""

    width: float
    height: float


def words(pdf: bytes) -> tuple[list[PageBox], list[Word]]:
    """Every word with its box (pdftotext -bbox), and the size of every page."""
    with tempfile.TemporaryDirectory() as folder:
        xhtml = _run("pdftotext", "-bbox", str(_written(pdf, Path(folder))), "-")
    root = ElementTree.fromstring(xhtml)
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    pages, found = [], []
    for number, page in enumerate(root.iterfind(".//x:page", namespace), 1):
        pages.append(PageBox(float(page.attrib["width"]), float(page.attrib["height"])))
        for word in page.iterfind("x:word", namespace):
            box = (float(word.attrib[k]) for k in ("xMin", "yMin", "xMax", "yMax"))
            found.append(Word(number, word.text or "", *box))
    return pages, found


def images(pdf: bytes) -> int:
    """How many images pdfimages lists (an e-seal is one; its alpha mask is not counted)."""
    with tempfile.TemporaryDirectory() as folder:
        listing = _run("pdfimages", "-list", str(_written(pdf, Path(folder))))
    return sum(1 for row in listing.splitlines()[2:] if row.split()[2] == "image")
