"""A file is kept as a scan only when its content is a decodable PNG, JPEG, TIFF or PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from tests.ui.capture.samples import pdf, picture, tiff_pages
from ui.capture.validate import (
    Accepted,
    Problem,
    Refused,
    check_bytes,
    check_file,
    media_type_of,
    refusal_text,
)


def put(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("sample", "media_type", "pages"),
    [
        (("page.png", picture("PNG")), "image/png", 1),
        (("photo.jpg", picture("JPEG")), "image/jpeg", 1),
        (("fax.tif", tiff_pages(3)), "image/tiff", 3),
        (("form.pdf", pdf(2)), "application/pdf", 2),
    ],
)
def test_scans_are_accepted_with_their_bytes(
    qapp: QCoreApplication, tmp_path: Path, sample: tuple[str, bytes], media_type: str, pages: int
) -> None:
    name, data = sample
    result = check_file(put(tmp_path, name, data))
    assert isinstance(result, Accepted)
    assert (result.media_type, result.pages, result.data) == (media_type, pages, data)
    assert result.size == len(data)


def test_the_content_counts_not_the_name(qapp: QCoreApplication, tmp_path: Path) -> None:
    result = check_file(put(tmp_path, "scan.pdf", picture("JPEG")))  # a JPEG called .pdf
    assert isinstance(result, Accepted)
    assert result.media_type == "image/jpeg"


def test_a_text_file_is_not_a_scan(qapp: QCoreApplication, tmp_path: Path) -> None:
    path = put(tmp_path, "申请书.pdf", "这不是扫描件".encode())
    assert check_file(path) == Refused(path, Problem.NOT_A_SCAN)


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "cut.png"), ("JPEG", "cut.jpg")])
def test_a_truncated_image_is_refused(
    qapp: QCoreApplication, tmp_path: Path, fmt: str, name: str
) -> None:
    data = picture(fmt, size=(900, 700))
    path = put(tmp_path, name, data[: len(data) // 2])
    assert check_file(path) == Refused(path, Problem.DAMAGED_IMAGE)


def test_a_damaged_png_is_refused(qapp: QCoreApplication, tmp_path: Path) -> None:
    data = bytearray(picture("PNG"))
    idat = data.index(b"IDAT")
    data[idat + 20 : idat + 40] = bytes(20)  # the checksum no longer matches
    path = put(tmp_path, "bad.png", bytes(data))
    assert check_file(path) == Refused(path, Problem.DAMAGED_IMAGE)


def test_a_header_alone_is_not_an_image(qapp: QCoreApplication, tmp_path: Path) -> None:
    path = put(tmp_path, "head.png", b"\x89PNG\r\n\x1a\n" + b"junk" * 10)
    assert check_file(path) == Refused(path, Problem.DAMAGED_IMAGE)


def test_a_pdf_cut_short_is_refused(qapp: QCoreApplication, tmp_path: Path) -> None:
    data = pdf(3)
    path = put(tmp_path, "cut.pdf", data[: len(data) * 2 // 3])
    assert check_file(path) == Refused(path, Problem.TRUNCATED)


def test_a_pdf_with_a_garbage_body_is_refused(qapp: QCoreApplication, tmp_path: Path) -> None:
    path = put(tmp_path, "junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    result = check_file(path)
    assert isinstance(result, Refused)
    assert result.problem in (Problem.DAMAGED_PDF, Problem.NO_PAGES)


def test_a_password_protected_pdf_is_refused(qapp: QCoreApplication, tmp_path: Path) -> None:
    path = put(tmp_path, "locked.pdf", pdf(1, password="1234"))
    assert check_file(path) == Refused(path, Problem.PASSWORD)


def test_empty_missing_and_too_large_files(qapp: QCoreApplication, tmp_path: Path) -> None:
    empty = put(tmp_path, "empty.png", b"")
    assert check_file(empty) == Refused(empty, Problem.EMPTY)
    missing = tmp_path / "gone.pdf"
    assert check_file(missing) == Refused(missing, Problem.UNREADABLE)
    big = put(tmp_path, "big.png", picture("PNG"))
    assert check_file(big, limit=100) == Refused(big, Problem.TOO_LARGE)
    assert check_bytes(big, big.read_bytes(), limit=100) == Refused(big, Problem.TOO_LARGE)


def test_media_types_by_magic() -> None:
    assert media_type_of(b"II*\x00rest") == "image/tiff"
    assert media_type_of(b"MM\x00*rest") == "image/tiff"
    assert media_type_of(b"\r\n%PDF-1.4 after a stray line") == "application/pdf"
    assert media_type_of(b"GIF89a") is None


def test_every_refusal_names_the_file(qapp: QCoreApplication) -> None:
    texts = {refusal_text(Refused(Path("/scans/身份证.pdf"), problem)) for problem in Problem}
    assert len(texts) == len(Problem)
    assert all(text.startswith("身份证.pdf ") for text in texts)
    assert "256 MB" in refusal_text(Refused(Path("x.png"), Problem.TOO_LARGE))
