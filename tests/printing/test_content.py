"""Every document says what the applicant relies on: read back from the real PDF by pdftotext."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from printing import DocumentKind, Paper, build
from printing.data import MaterialLine
from tests.printing import pdftools, samples
from tests.printing.conftest import LAYOUTS, layout_id

K = DocumentKind
CASE = [samples.CASE_NUMBER, "张三丰", samples.ID_MASKED, "食品经营许可", "新办"]
A4_CASE = [*CASE, samples.PHONE_MASKED]
HEAD = [samples.NUMBER, "示范市民中心政务服务大厅", samples.AGENCY]
MATERIALS = [
    "食品经营许可申请书",
    "营业执照",
    "电子证照调取",
    "法定代表人（负责人）居民身份证",
    "原件和复印件",
    "核验原件后退回",
    "保证食品安全的规章制度目录清单",
]

EXPECTED: dict[tuple[DocumentKind, Paper], list[str]] = {
    (K.MATERIALS_VOUCHER, Paper.A4): [
        *HEAD,
        *A4_CASE,
        *MATERIALS,
        "申请材料收件凭证",
        "收件时间",
        "2026年11月20日10:23",
        "王小明",
        "不代表申请已被受理",
        "5个工作日内（即2026年11月27日前）",
        "申请人（签字确认）",
    ],
    (K.MATERIALS_VOUCHER, Paper.RECEIPT_80MM): [
        samples.NUMBER,
        *CASE,
        "收件凭证",
        "食品经营许可申请书（原件1份）",
        "法定代表人（负责人）居民身份证（原件和复印件1份）",
        "收件人：王小明",
    ],
    (K.CORRECTION_NOTICE, Paper.A4): [
        *HEAD,
        *A4_CASE,
        "申请材料补正一次性告知书",
        "与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
        "材料缺失",
        "原件1份；须签字或盖章（未提交）",
        "从业人员健康证明",
        "不符合法定形式",
        "复印件1份；6个月内出具（出具日期已超过6个月）",
        "需要补正的材料（共2项）",
        "请于2026年11月27日前（含当日）补正上述全部材料",
        "逾期未补正的，视为撤回申请。",
        "补正材料所需时间不计入办理时限",
        "起5个工作日内一次性出具",
        "经办人：王小明",
        "联系电话：0571-87654321",
        "申请人（签收）",
    ],
    (K.ACCEPTANCE_RECEIPT, Paper.A4): [
        *HEAD,
        *A4_CASE,
        *MATERIALS,
        "受理通知书",
        "受理日期为2026年11月20日",
        "法定办结时限",
        "20个工作日",
        "承诺办结时限",
        "10个工作日",
        "预计办结日期",
        "2026年12月4日",
        "现场核查（不超过10个工作日）",
        "不收费",
        "窗口领取",
        "扫描二维码，或凭办件编号到任一窗口查询",
        "容缺后补材料",
        "从业人员健康证明",
        "复印件1份",
        "以告知承诺方式替代的材料",
        "所需时间不计算在办理时限内",
        "经办人",
        "王小明",
        "申请人（签收）",
    ],
    (K.ACCEPTANCE_RECEIPT, Paper.RECEIPT_80MM): [
        samples.NUMBER,
        *CASE,
        "受理回执",
        "受理日期：2026年11月20日",
        "承诺时限：10个工作日",
        "法定时限：20个工作日",
        "预计办结：2026年12月4日",
        "收费：不收费",
        "送达方式：窗口领取",
        "从业人员健康证明（2026年12月4日前）",
    ],
    (K.RONGQUE_NOTICE, Paper.A4): [
        samples.CASE_NUMBER,
        *A4_CASE,
        "容缺受理告知书及承诺书",
        "于2026年11月20日予以容缺受理",
        "从业人员健康证明",
        "复印件1份",
        "2026年12月4日",
        "逾期未补交或补交的材料不符合要求的，终止办理",
        "申请人承诺",
        "承诺人（签字或盖章）",
    ],
    (K.COMMITMENT_LETTER, Paper.A4): [
        samples.CASE_NUMBER,
        *A4_CASE,
        "证明事项告知承诺书",
        "保证食品安全的规章制度目录清单",
        "本单位已建立进货查验、从业人员健康管理、食品安全自查等制度，并有效执行。",
        "设定依据：《中华人民共和国食品安全法》第三十五条",
        "核查方式：自受理之日起30日内现场核查",
        "不实承诺的后果：撤销许可，记入信用记录",
        "如承诺不实，愿意承担相应的法律责任",
    ],
    (K.REFUSAL_NOTICE, Paper.A4): [
        *HEAD,
        *A4_CASE,
        "不予受理告知书",
        "本机关决定不予受理",
        "申请事项不属于本机关职权范围",
        "申请人申请的经营场所位于示范市临江区，不属于本局管辖。",
        "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        "请向示范市临江区市场监督管理局提出申请",
        "自收到本告知书之日起60日内向示范市人民政府申请行政复议",
        "自收到本告知书之日起6个月内向示范市西湖区人民法院提起行政诉讼",
        "审批人：赵首席",
    ],
    (K.HAND_OUT_RECORD, Paper.A4): [
        *HEAD,
        *A4_CASE,
        "办理结果出件登记单",
        "食品经营许可证",
        "JY13301060012345",
        "窗口领取",
        "2026年12月3日15:40",
        "李四",
        "1101**********0053",
        "139****4321",
        "已核验",
        "领取人（签字）",
    ],
    (K.QUEUE_TICKET, Paper.RECEIPT_80MM): [
        "A012",
        "市场监管综合窗口",
        "示范市民中心政务服务大厅",
        "您前面还有7人等候",
        "取号时间：2026年11月20日10:23",
        "5号窗口",
        "请携带身份证原件",
    ],
}


def test_every_layout_has_expectations() -> None:
    assert set(EXPECTED) == set(LAYOUTS)


@pytest.mark.parametrize("layout", LAYOUTS, ids=layout_id)
def test_pdftotext_reads_every_fact(
    layout: tuple[DocumentKind, Paper], sample_pdfs: dict[tuple[DocumentKind, Paper], bytes]
) -> None:
    read = pdftools.flat(pdftools.text(sample_pdfs[layout]))
    missing = [fact for fact in EXPECTED[layout] if pdftools.flat(fact) not in read]
    assert not missing, f"not in the PDF: {missing}"


@pytest.mark.parametrize("layout", LAYOUTS, ids=layout_id)
def test_full_id_and_phone_numbers_never_reach_paper(
    layout: tuple[DocumentKind, Paper], sample_pdfs: dict[tuple[DocumentKind, Paper], bytes]
) -> None:
    read = pdftools.flat(pdftools.text(sample_pdfs[layout]))
    for secret in (samples.ID_NUMBER, samples.PHONE, "110101198001010053", "13987654321"):
        assert secret not in read


def test_a_reprint_says_copy_on_every_page() -> None:
    many = tuple(MaterialLine(f"材料{n}", "原件", 1) for n in range(25))
    original = build(K.ACCEPTANCE_RECEIPT, samples.receipt(materials=many))
    again = build(
        K.ACCEPTANCE_RECEIPT, samples.receipt(materials=many, head=samples.head(reprint=True))
    )
    pages = pdftools.page_count(again)
    assert pages >= 2
    for page in range(1, pages + 1):
        assert "副本 / COPY" in pdftools.text(again, page=page)
        assert "副本" not in pdftools.text(original, page=page)


@pytest.mark.parametrize("kind", [K.ACCEPTANCE_RECEIPT, K.MATERIALS_VOUCHER, K.QUEUE_TICKET])
def test_a_reprinted_receipt_says_copy(kind: DocumentKind) -> None:
    marked = build(kind, samples.sample(kind, reprint=True), paper=Paper.RECEIPT_80MM)
    plain = build(kind, samples.sample(kind), paper=Paper.RECEIPT_80MM)
    assert "副本 / COPY" in pdftools.text(marked)
    assert "副本" not in pdftools.text(plain)


def test_a_deemed_acceptance_says_so() -> None:
    pdf = build(K.ACCEPTANCE_RECEIPT, samples.receipt(deemed_accepted=True, owed=()))
    read = pdftools.flat(pdftools.text(pdf))
    assert pdftools.flat("自收到申请材料之日起即为受理") in read
    assert "容缺后补材料" not in read


def test_a_provisional_deadline_is_marked() -> None:
    pdf = build(K.ACCEPTANCE_RECEIPT, samples.receipt(due_provisional=True))
    read = pdftools.flat(pdftools.text(pdf))
    assert "2026年12月4日（暂定）" in read
    assert "超出国家已公布的节假日安排" in read


def test_dates_are_the_halls_days_whatever_the_time_zone_given() -> None:
    early = datetime(2026, 11, 20, 23, 30, tzinfo=UTC)  # 07:30 on 21 November in the hall
    head = dataclasses.replace(samples.head(), issued_at=early)
    read = pdftools.flat(pdftools.text(build(K.REFUSAL_NOTICE, samples.refusal(head=head))))
    assert "打印时间2026年11月21日07:30" in read
    seal_area = read.split("申请人（签收）：")[-1].split("扫码查询")[0]
    assert seal_area == "2026年11月21日"  # the date under the seal
