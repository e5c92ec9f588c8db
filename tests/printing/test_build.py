"""The `build(kind, data)` entry point: papers, defaults, refusals, the e-seal, stable output."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from printing import (
    DocumentDataError,
    DocumentKind,
    Paper,
    UnsupportedPaper,
    build,
    data_type,
    papers,
)
from printing.data import Head
from printing.documents import AcceptanceReceipt, QueueTicket
from tests.printing import pdftools, samples

K = DocumentKind


def test_every_kind_has_a_data_class_and_a_default_paper() -> None:
    assert data_type(K.ACCEPTANCE_RECEIPT) is AcceptanceReceipt
    assert data_type(K.QUEUE_TICKET) is QueueTicket
    assert papers(K.ACCEPTANCE_RECEIPT) == (Paper.A4, Paper.RECEIPT_80MM)
    assert papers(K.QUEUE_TICKET) == (Paper.RECEIPT_80MM,)
    for kind in K:
        assert papers(kind), kind


def test_the_default_paper_is_the_kinds_first() -> None:
    (page,), _ = pdftools.words(build(K.QUEUE_TICKET, samples.ticket()))
    assert page.width == pytest.approx(80 * 72 / 25.4, abs=0.5)
    (page,), _ = pdftools.words(build(K.REFUSAL_NOTICE, samples.refusal()))
    assert (round(page.width), round(page.height)) == (595, 842)


def test_data_of_another_kind_is_refused() -> None:
    with pytest.raises(DocumentDataError, match="AcceptanceReceipt"):
        build(K.ACCEPTANCE_RECEIPT, samples.voucher())


def test_a_paper_the_kind_has_no_layout_for_is_refused() -> None:
    with pytest.raises(UnsupportedPaper):
        build(K.CORRECTION_NOTICE, samples.notice(), paper=Paper.RECEIPT_80MM)
    with pytest.raises(UnsupportedPaper):
        build(K.QUEUE_TICKET, samples.ticket(), paper=Paper.A4)


def test_the_same_data_gives_the_same_bytes() -> None:
    assert build(K.ACCEPTANCE_RECEIPT, samples.receipt()) == build(
        K.ACCEPTANCE_RECEIPT, samples.receipt()
    )


def test_the_e_seal_is_placed_only_when_the_agency_has_one(tmp_path: Path) -> None:
    path = tmp_path / "seal.png"
    path.write_bytes(samples.seal_png())
    with_path = samples.head(seal=False)
    with_path = dataclasses.replace(
        with_path, issuer=dataclasses.replace(with_path.issuer, seal=path)
    )
    assert pdftools.images(build(K.REFUSAL_NOTICE, samples.refusal(head=with_path))) == 1
    assert pdftools.images(build(K.REFUSAL_NOTICE, samples.refusal())) == 1  # PNG bytes
    bare = build(K.REFUSAL_NOTICE, samples.refusal(head=samples.head(seal=False)))
    assert pdftools.images(bare) == 0
    assert "（盖章）" in pdftools.text(bare)  # room left for the rubber stamp


def test_an_unreadable_seal_is_refused() -> None:
    head = samples.head(seal=False)
    broken = dataclasses.replace(head, issuer=dataclasses.replace(head.issuer, seal=b"not a png"))
    with pytest.raises(DocumentDataError, match="e-seal"):
        build(K.REFUSAL_NOTICE, samples.refusal(head=broken))


def test_a_head_needs_a_number_and_an_aware_time() -> None:
    issuer = samples.issuer(seal=False)
    with pytest.raises(DocumentDataError):
        Head(number=" ", issuer=issuer, issued_at=samples.ISSUED, clerk="王小明")
    with pytest.raises(DocumentDataError):
        Head(number="X-1", issuer=issuer, issued_at=datetime(2026, 1, 1), clerk="王小明")


def test_a_notice_without_lines_cannot_exist() -> None:
    with pytest.raises(DocumentDataError):
        samples.notice(lines=())


def test_warm_up_loads_the_font_in_a_fresh_process() -> None:
    probe = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from printing import warm_up\n"
        "from printing.fonts import FONT\n"
        "try:\n"
        "    pdfmetrics.getFont(FONT)\n"
        "    raise SystemExit('registered before warm_up')\n"
        "except KeyError:\n"
        "    pass\n"
        "warm_up()\n"
        "pdfmetrics.getFont(FONT)\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, timeout=60)
