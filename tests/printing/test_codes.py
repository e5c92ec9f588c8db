"""The Code 128 and the QR code a scanner reads off the printed page are the number and the link."""

from __future__ import annotations

import dataclasses

import pytest

from printing import DocumentDataError, DocumentKind, Paper, build
from printing.codes import code128_bars
from printing.data import MaterialLine
from printing.from_domain import progress_link
from tests.printing import pdftools, samples
from tests.printing.conftest import LAYOUTS, layout_id

TICKET_LINK = "https://zwfw.sfs.gov.cn/queue?ticket=A012"


def _expected(kind: DocumentKind) -> list[tuple[str, str]]:
    if kind is DocumentKind.QUEUE_TICKET:
        return sorted([("CODE-128", "A012"), ("QR-Code", TICKET_LINK)])
    by_case = kind in (DocumentKind.RONGQUE_NOTICE, DocumentKind.COMMITMENT_LETTER)
    number = samples.CASE_NUMBER if by_case else samples.NUMBER
    return sorted([("CODE-128", number), ("QR-Code", samples.LOOKUP)])


@pytest.mark.parametrize("layout", LAYOUTS, ids=layout_id)
def test_scanners_read_the_number_and_the_link(
    layout: tuple[DocumentKind, Paper], sample_pdfs: dict[tuple[DocumentKind, Paper], bytes]
) -> None:
    kind, paper = layout
    dpi = 203 if paper is Paper.RECEIPT_80MM else 200  # a thermal head; an office scan
    page = pdftools.render(sample_pdfs[layout], dpi=dpi, gray=True)
    assert sorted(pdftools.barcodes(page)) == _expected(kind)


def test_a_later_page_carries_the_barcode_too() -> None:
    many = tuple(MaterialLine(f"材料{n}", "原件", 1) for n in range(25))
    pdf = build(DocumentKind.ACCEPTANCE_RECEIPT, samples.receipt(materials=many))
    last = pdftools.page_count(pdf)
    assert last >= 2
    found = pdftools.barcodes(pdftools.render(pdf, dpi=200, page=last, gray=True))
    assert ("CODE-128", samples.NUMBER) in found


def test_a_document_without_a_link_prints_no_qr_code() -> None:
    data = samples.voucher(head=dataclasses.replace(samples.head(), lookup_url=None))
    page = pdftools.render(build(DocumentKind.MATERIALS_VOUCHER, data), dpi=200, gray=True)
    assert pdftools.barcodes(page) == [("CODE-128", samples.NUMBER)]


@pytest.mark.parametrize("number", ["", "示市监〔2026〕12号", "SF01\tW05"])
def test_a_number_no_code_128_can_hold_is_refused(number: str) -> None:
    with pytest.raises(DocumentDataError):
        code128_bars(number)


def test_the_progress_link_appends_or_fills_in_the_case_number() -> None:
    assert progress_link("https://x.gov.cn/p?case=", "SF01-W05-1-2026-000101") == (
        "https://x.gov.cn/p?case=SF01-W05-1-2026-000101"
    )
    assert progress_link("https://x.gov.cn/case/{case}/progress", "A B") == (
        "https://x.gov.cn/case/A%20B/progress"
    )
