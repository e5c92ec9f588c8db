"""Long names and long material lists wrap and flow onto more pages; nothing is cut off."""

from __future__ import annotations

import dataclasses

import pytest

from printing import DocumentKind, Paper, build
from printing.data import CaseFacts, MaterialLine
from printing.documents import CorrectionLine
from tests.printing import pdftools, samples

MM = 72 / 25.4
LONG_NAME = "欧阳" + "娜" * 40 + "（新疆维吾尔自治区乌鲁木齐市天山区某某某某有限责任公司）"
LONG_ITEM = "食品经营许可（含网络经营、中央厨房、集体用餐配送单位）" * 4
MATERIALS = tuple(
    MaterialLine(
        f"第{n}号材料：与食品经营相适应的主要设备设施、经营布局、操作流程等文件（第{n}份）",
        "原件和复印件",
        2,
        "核验原件后退回；须加盖公章",
    )
    for n in range(1, 41)
)


def _long_case() -> CaseFacts:
    case = samples.case(name=LONG_NAME, item=LONG_ITEM)
    return dataclasses.replace(case, situation="新办（食品销售经营者、餐饮服务经营者、单位食堂）")


def _inside(pdf: bytes, *, margin: float, hang: float = 0) -> list[str]:
    """Words that stick out of the page or into its side margins.

    `hang` allows a closing punctuation mark to hang into the right margin, as CJK line
    breaking does (never more than one character's width).
    """
    pages, words = pdftools.words(pdf)
    outside = []
    for word in words:
        page = pages[word.page - 1]
        if word.x_min < margin - 1 or word.x_max > page.width - margin + hang + 1:
            outside.append(f"{word.text} (x {word.x_min:.0f}–{word.x_max:.0f})")
        if word.y_min < 0 or word.y_max > page.height:
            outside.append(f"{word.text} (y {word.y_min:.0f}–{word.y_max:.0f})")
    return outside


def test_a_long_acceptance_receipt_flows_onto_more_pages() -> None:
    data = samples.receipt(case=_long_case(), materials=MATERIALS)
    pdf = build(DocumentKind.ACCEPTANCE_RECEIPT, data)
    pages = pdftools.page_count(pdf)
    assert pages >= 2
    everything = pdftools.flat(pdftools.text(pdf))
    for line in MATERIALS:
        assert pdftools.flat(line.name) in everything
    assert pdftools.flat(LONG_NAME) in everything
    assert pdftools.flat(LONG_ITEM) in everything
    second = pdftools.flat(pdftools.text(pdf, page=2))
    assert "受理通知书（续）" in second  # the letterhead of a following page
    assert "材料名称" in second  # the table's header row repeats
    later = "".join(pdftools.flat(pdftools.text(pdf, page=p)) for p in range(2, pages + 1))
    assert pdftools.flat(MATERIALS[-1].name) in later
    assert "申请人（签收）" in pdftools.text(pdf, page=pages)  # the signature closes the form
    assert _inside(pdf, margin=18 * MM, hang=10.5) == []


def test_a_long_correction_notice_lists_every_line_with_its_requirement() -> None:
    lines = tuple(
        CorrectionLine(
            f"第{n}项材料：建设工程设计方案及相关附图（总平面图、各层平面图、立面图、剖面图）",
            "不符合法定形式",
            f"原件 {n} 份；6 个月内出具；须签字或盖章；A3 幅面；第{n}项",
            f"第{n}项：出具日期已超过 6 个月，且缺少设计单位公章",
        )
        for n in range(1, 31)
    )
    pdf = build(DocumentKind.CORRECTION_NOTICE, samples.notice(case=_long_case(), lines=lines))
    assert pdftools.page_count(pdf) >= 2
    everything = pdftools.flat(pdftools.text(pdf))
    for line in lines:
        assert pdftools.flat(line.name) in everything
        assert pdftools.flat(f"{line.requirement}（{line.reason}）") in everything
    assert "需要补正的材料（共30项）" in everything
    assert "2026年11月27日前（含当日）" in everything
    assert _inside(pdf, margin=18 * MM, hang=10.5) == []


@pytest.mark.parametrize("kind", [DocumentKind.ACCEPTANCE_RECEIPT, DocumentKind.MATERIALS_VOUCHER])
def test_a_long_receipt_grows_down_the_roll(kind: DocumentKind) -> None:
    maker = samples.receipt if kind is DocumentKind.ACCEPTANCE_RECEIPT else samples.voucher
    short = build(kind, maker(), paper=Paper.RECEIPT_80MM)
    long = build(kind, maker(case=_long_case(), materials=MATERIALS), paper=Paper.RECEIPT_80MM)
    assert pdftools.page_count(long) == 1  # a roll has no page breaks
    (short_page,), _ = pdftools.words(short)
    (long_page,), _ = pdftools.words(long)
    assert long_page.width == pytest.approx(80 * MM, abs=0.5)
    assert long_page.height > short_page.height + 200 * MM
    everything = pdftools.flat(pdftools.text(long))
    for line in MATERIALS:
        assert pdftools.flat(line.name) in everything
    assert pdftools.flat(LONG_NAME) in everything
    assert _inside(long, margin=4 * MM) == []


def test_a_material_name_longer_than_a_page_splits_across_pages() -> None:
    filler = "甲乙丙丁戊己庚辛壬癸"  # characters no other text of the form uses
    huge = filler * 400
    data = samples.receipt(materials=(MaterialLine(huge, "原件", 1),))
    pdf = build(DocumentKind.ACCEPTANCE_RECEIPT, data)
    assert pdftools.page_count(pdf) >= 3
    everything = pdftools.text(pdf)
    assert "".join(char for char in everything if char in filler) == huge  # nothing lost
    assert _inside(pdf, margin=18 * MM, hang=10.5) == []
