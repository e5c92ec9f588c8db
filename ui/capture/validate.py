"""Is a file a scan the counter can keep? PNG, JPEG, TIFF or PDF by content, and decodable.

The file name's suffix proves nothing: the first bytes say what a file is (its magic number),
then the whole file is decoded — images with Pillow (`verify`, then a full `load` of the first
frame), PDFs with QtPdf (it must open without a password, have pages and render its first page)
after a cheap check that the file still ends with ``%%EOF`` (a PDF cut off while it was copied
usually still opens, repaired, with pages missing). `check_file` is a plain function without
widgets: run it off the GUI thread (a large TIFF or PDF takes a while). The refusal names the
file and the problem through `refusal_text`, translated.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from enum import StrEnum, auto
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtPdf import QPdfDocument

from clerk.scans import MAX_SCAN_BYTES

_log = logging.getLogger(__name__)

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG"),
    (b"II*\x00", "image/tiff", "TIFF"),
    (b"MM\x00*", "image/tiff", "TIFF"),
)
PDF = "application/pdf"
MEDIA_TYPES = frozenset({"image/png", "image/jpeg", "image/tiff", PDF})
_PDF_HEADER_WITHIN = 1024  # readers accept the header anywhere in the first kilobyte
_PDF_TRAILER_WITHIN = 2048
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)


class Problem(StrEnum):
    """Why a file is refused; stable codes (`refusal_text` says them to the clerk)."""

    UNREADABLE = auto()
    EMPTY = auto()
    TOO_LARGE = auto()
    NOT_A_SCAN = auto()
    DAMAGED_IMAGE = auto()
    DAMAGED_PDF = auto()
    TRUNCATED = auto()
    PASSWORD = auto()
    NO_PAGES = auto()


@dataclass(frozen=True, slots=True)
class Accepted:
    """A file that is a scan: its bytes as checked (keep these, not the file, which may change)."""

    path: Path
    media_type: str
    data: bytes
    pages: int

    @property
    def size(self) -> int:
        """Its size in bytes."""
        return len(self.data)


@dataclass(frozen=True, slots=True)
class Refused:
    """A file that is not a scan the counter keeps, and why."""

    path: Path
    problem: Problem


def check_file(path: Path, *, limit: int = MAX_SCAN_BYTES) -> Accepted | Refused:
    """Read a file and decide whether it is a scan (slow for big files: not on the GUI thread).

    Args:
        path: the file.
        limit: the largest size accepted, in bytes (the scan folder's limit by default).

    Returns:
        Accepted with the bytes read, or Refused with the problem.
    """
    try:
        size = path.stat().st_size
        if size > limit:
            return Refused(path, Problem.TOO_LARGE)
        data = path.read_bytes()
    except OSError as error:
        _log.info("a file cannot be read: %s", type(error).__name__)
        return Refused(path, Problem.UNREADABLE)
    return check_bytes(path, data, limit=limit)


def check_bytes(path: Path, data: bytes, *, limit: int = MAX_SCAN_BYTES) -> Accepted | Refused:
    """Decide whether bytes (named by `path` in messages; a PDF is opened from it) are a scan.

    Returns:
        Accepted with the bytes, or Refused with the problem.
    """
    if not data:
        return Refused(path, Problem.EMPTY)
    if len(data) > limit:
        return Refused(path, Problem.TOO_LARGE)
    media_type = media_type_of(data)
    if media_type is None:
        return Refused(path, Problem.NOT_A_SCAN)
    outcome = _check_pdf(path, data) if media_type == PDF else _check_image(data)
    if isinstance(outcome, Problem):
        _log.info("a file is refused: %s", outcome.value)
        return Refused(path, outcome)
    return Accepted(path, media_type, data, outcome)


def media_type_of(data: bytes) -> str | None:
    """The media type the first bytes announce (PNG, JPEG, TIFF or PDF), if any."""
    for magic, media_type, _ in _IMAGE_MAGIC:
        if data.startswith(magic):
            return media_type
    return PDF if b"%PDF-" in data[:_PDF_HEADER_WITHIN] else None


def _pillow_format(data: bytes) -> str:
    return next(name for magic, _, name in _IMAGE_MAGIC if data.startswith(magic))


def _check_image(data: bytes) -> int | Problem:
    """The number of frames (pages of a TIFF), or the problem."""
    formats = (_pillow_format(data),)
    try:
        with Image.open(io.BytesIO(data), formats=formats) as image:
            image.verify()  # structure and checksums, without decoding
        with Image.open(io.BytesIO(data), formats=formats) as image:
            image.load()  # decode every pixel of the first frame
            return int(getattr(image, "n_frames", 1))
    except (UnidentifiedImageError, *_DECODE_ERRORS):
        return Problem.DAMAGED_IMAGE  # Pillow's messages do not tell a cut file from a broken one


def _check_pdf(path: Path, data: bytes) -> int | Problem:
    """The number of pages, or the problem (QtPdf opens the file itself)."""
    if b"%%EOF" not in data[-_PDF_TRAILER_WITHIN:]:
        return Problem.TRUNCATED
    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error in (
            QPdfDocument.Error.IncorrectPassword,
            QPdfDocument.Error.UnsupportedSecurityScheme,
        ):
            return Problem.PASSWORD
        if error != QPdfDocument.Error.None_:
            return Problem.DAMAGED_PDF
        pages = document.pageCount()
        if pages == 0:
            return Problem.NO_PAGES
        if document.render(0, QSize(48, 64)).isNull():
            return Problem.DAMAGED_PDF
        return pages
    finally:
        document.close()  # freed when this function returns, on the thread that made it


def refusal_text(refused: Refused) -> str:
    """What the clerk reads: the file's name and the problem, translated."""
    name = refused.path.name
    text = str(_TEXTS[refused.problem])
    limit = MAX_SCAN_BYTES // (1024 * 1024)
    return QCoreApplication.translate("Capture", text).format(name=name, limit=limit)


_TEXTS: dict[Problem, object] = {  # QT_TRANSLATE_NOOP marks them for lupdate
    Problem.UNREADABLE: QT_TRANSLATE_NOOP(
        "Capture", "{name} cannot be opened (it was moved, or access is denied)."
    ),
    Problem.EMPTY: QT_TRANSLATE_NOOP("Capture", "{name} is empty."),
    Problem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "Capture", "{name} is too large: a scan may have at most {limit} MB."
    ),
    Problem.NOT_A_SCAN: QT_TRANSLATE_NOOP(
        "Capture",
        "{name} is not a scan: only PNG, JPEG and TIFF images and PDF files can be kept.",
    ),
    Problem.DAMAGED_IMAGE: QT_TRANSLATE_NOOP(
        "Capture", "{name} is a damaged or incomplete image and cannot be shown."
    ),
    Problem.DAMAGED_PDF: QT_TRANSLATE_NOOP(
        "Capture", "{name} is a damaged PDF and cannot be opened."
    ),
    Problem.TRUNCATED: QT_TRANSLATE_NOOP(
        "Capture", "{name} is incomplete: the file ends too early (was it still being saved?)."
    ),
    Problem.PASSWORD: QT_TRANSLATE_NOOP(
        "Capture", "{name} is protected by a password; save it without one and try again."
    ),
    Problem.NO_PAGES: QT_TRANSLATE_NOOP("Capture", "{name} has no pages."),
}
