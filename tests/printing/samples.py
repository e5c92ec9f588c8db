"""Sample data for every document kind: realistic, fixed, and what the tests expect to read back.

Each sample states the facts a user relies on (names, numbers, dates, materials, deadlines,
remedies); the tests look for exactly these texts in the PDFs. `long_*` variants stretch names
and material lists until the form needs a second page.
"""

from __future__ import annotations

import dataclasses
import io
import math
from collections.abc import Callable
from datetime import date, datetime

from PIL import Image, ImageDraw, ImageFont

from clerk.clock import HALL_TIMEZONE
from printing import DocumentData, DocumentKind
from printing.data import Applicant, CaseFacts, Head, Issuer, MaterialLine, OwedLine, Period
from printing.documents import (
    AcceptanceReceipt,
    CommitmentLetter,
    CommitmentLine,
    CorrectionLine,
    CorrectionNotice,
    HandOutRecord,
    MaterialsVoucher,
    QueueTicket,
    RefusalNotice,
    Remedies,
    RongqueNotice,
)
from printing.fonts import FONT_FILE

NUMBER = "SF01-W05-1-2026-000123"
CASE_NUMBER = "SF01-W05-1-2026-000101"
LOOKUP = f"https://zwfw.sfs.gov.cn/progress?case={CASE_NUMBER}"
ID_NUMBER = "330106199003072315"
ID_MASKED = "3301**********2315"
PHONE = "13812345678"
PHONE_MASKED = "138****5678"
ISSUED = datetime(2026, 11, 20, 10, 23, tzinfo=HALL_TIMEZONE)
AGENCY = "示范市市场监督管理局"


def seal_png() -> bytes:
    """A red round e-seal: the agency's name along the rim, a star, "业务专用章" (drawn here)."""
    size, red = 400, (205, 25, 25, 235)
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((6, 6, size - 6, size - 6), outline=red, width=12)
    centre = size / 2
    points = [
        (
            centre + r * math.cos(math.radians(90 + 36 * i)),
            centre - r * math.sin(math.radians(90 + 36 * i)),
        )
        for i, r in enumerate([62, 24] * 5)
    ]
    draw.polygon(points, fill=red)
    font = ImageFont.truetype(str(FONT_FILE), 40, index=0)
    draw.text((centre, 290), "业务专用章", fill=red, font=font, anchor="mm")
    _rim_text(image, AGENCY, font=font, colour=red)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _rim_text(
    image: Image.Image, text: str, *, font: ImageFont.FreeTypeFont, colour: tuple[int, ...]
) -> None:
    """Write `text` along the upper rim, each character upright towards the centre."""
    centre, radius, sweep = image.width / 2, image.width / 2 - 52, 220.0
    for index, char in enumerate(text):
        angle = 90 + sweep / 2 - sweep * (index + 0.5) / len(text)
        glyph = Image.new("RGBA", (56, 56), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((28, 28), char, fill=colour, font=font, anchor="mm")
        glyph = glyph.rotate(angle - 90, resample=Image.Resampling.BICUBIC)
        x = centre + radius * math.cos(math.radians(angle)) - 28
        y = centre - radius * math.sin(math.radians(angle)) - 28
        image.alpha_composite(glyph, (round(x), round(y)))


def issuer(*, seal: bool = True) -> Issuer:
    return Issuer(
        agency=AGENCY,
        hall="示范市民中心政务服务大厅",
        counter="5 号窗口",
        phone="0571-87654321",
        address="示范市西湖区市民路 100 号示范市民中心一楼",
        seal=seal_png() if seal else None,
    )


def head(*, number: str = NUMBER, reprint: bool = False, seal: bool = True) -> Head:
    return Head(
        number=number,
        issuer=issuer(seal=seal),
        issued_at=ISSUED,
        clerk="王小明",
        reprint=reprint,
        lookup_url=LOOKUP,
    )


def case(*, name: str = "张三丰", item: str = "食品经营许可") -> CaseFacts:
    return CaseFacts(
        number=CASE_NUMBER,
        item=item,
        situation="新办",
        item_code="1133990000248201X8000120104000",
        applicant=Applicant(name=name, id_number=ID_NUMBER, phone=PHONE),
    )


MATERIALS = (
    MaterialLine("食品经营许可申请书", "原件", 1),
    MaterialLine("营业执照", "电子证照调取", 1, "电子证照库"),
    MaterialLine("法定代表人（负责人）居民身份证", "原件和复印件", 1, "核验原件后退回"),
    MaterialLine("保证食品安全的规章制度目录清单", "原件", 1),
)
OWED = (OwedLine("从业人员健康证明", date(2026, 12, 4), "复印件 1 份"),)
CORRECTIONS = (
    CorrectionLine(
        "与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
        "材料缺失",
        "原件 1 份；须签字或盖章",
        "未提交",
    ),
    CorrectionLine(
        "从业人员健康证明", "不符合法定形式", "复印件 1 份；6 个月内出具", "出具日期已超过 6 个月"
    ),
)


def voucher(**kw: object) -> MaterialsVoucher:
    data = MaterialsVoucher(
        head=head(),
        case=case(),
        materials=MATERIALS,
        received_at=ISSUED,
        notice_due=date(2026, 11, 27),
    )
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def notice(**kw: object) -> CorrectionNotice:
    data = CorrectionNotice(
        head=head(),
        case=case(),
        received_on=date(2026, 11, 20),
        lines=CORRECTIONS,
        correction_due=date(2026, 11, 27),
        on_expiry="视为撤回申请",
        hand_in="携带上述材料到示范市民中心一楼 5 号窗口提交，或通过“浙里办”在线补正。",
    )
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def receipt(**kw: object) -> AcceptanceReceipt:
    data = AcceptanceReceipt(
        head=head(),
        case=case(),
        materials=MATERIALS,
        received_on=date(2026, 11, 20),
        accepted_on=date(2026, 11, 20),
        statutory_limit=Period(20),
        promised_limit=Period(10),
        due_on=date(2026, 12, 4),
        fee="不收费",
        progress="扫描二维码，或凭办件编号到任一窗口查询",
        delivery="窗口领取",
        excluded=("现场核查（不超过 10 个工作日）",),
        owed=OWED,
        commitments=("保证食品安全的规章制度目录清单",),
    )
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def rongque(**kw: object) -> RongqueNotice:
    data = RongqueNotice(
        head=head(number=CASE_NUMBER),
        case=case(),
        accepted_on=date(2026, 11, 20),
        owed=OWED,
        on_expiry="终止办理",
    )
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def commitment(**kw: object) -> CommitmentLetter:
    data = CommitmentLetter(
        head=head(number=CASE_NUMBER),
        case=case(),
        items=(
            CommitmentLine(
                "保证食品安全的规章制度目录清单",
                "本单位已建立进货查验、从业人员健康管理、食品安全自查等制度，并有效执行。",
            ),
        ),
        legal_basis="《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
        verification="自受理之日起 30 日内现场核查",
        consequences="撤销许可，记入信用记录，五年内不得以告知承诺方式申请",
    )
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def refusal(**kw: object) -> RefusalNotice:
    data = RefusalNotice(
        head=head(),
        case=case(),
        received_on=date(2026, 11, 20),
        reasons="申请事项不属于本机关职权范围",
        facts="申请人申请的经营场所位于示范市临江区，不属于本局管辖。",
        legal_basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        remedies=Remedies("示范市人民政府", 60, "示范市西湖区人民法院", 6),
        competent_agency="示范市临江区市场监督管理局",
        approved_by="赵首席",
    )
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def hand_out(**kw: object) -> HandOutRecord:
    data = HandOutRecord(
        head=head(),
        case=case(),
        result="食品经营许可证",
        method="窗口领取",
        delivered_at=datetime(2026, 12, 3, 15, 40, tzinfo=HALL_TIMEZONE),
        recipient_name="李四",
        recipient_id_number="110101198001010053",
        identity_checked=True,
        recipient_phone="13987654321",
        result_number="JY13301060012345",
    )
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def ticket(**kw: object) -> QueueTicket:
    data = QueueTicket(
        number="A012",
        service="市场监管综合窗口",
        hall="示范市民中心政务服务大厅",
        issued_at=ISSUED,
        waiting_ahead=7,
        counter="5 号窗口",
        lookup_url="https://zwfw.sfs.gov.cn/queue?ticket=A012",
        notice="请携带身份证原件",
    )
    return dataclasses.replace(data, **kw)  # type: ignore[arg-type]


def sample(kind: DocumentKind, *, reprint: bool = False) -> DocumentData:
    """The sample of a kind (marked as a copy when `reprint`)."""
    if kind is DocumentKind.QUEUE_TICKET:
        return ticket(reprint=reprint)
    number = CASE_NUMBER if kind in _BY_CASE_NUMBER else NUMBER
    return _MAKERS[kind](head=head(number=number, reprint=reprint))


_BY_CASE_NUMBER = {DocumentKind.RONGQUE_NOTICE, DocumentKind.COMMITMENT_LETTER}
_MAKERS: dict[DocumentKind, Callable[..., DocumentData]] = {
    DocumentKind.MATERIALS_VOUCHER: voucher,
    DocumentKind.CORRECTION_NOTICE: notice,
    DocumentKind.ACCEPTANCE_RECEIPT: receipt,
    DocumentKind.RONGQUE_NOTICE: rongque,
    DocumentKind.COMMITMENT_LETTER: commitment,
    DocumentKind.REFUSAL_NOTICE: refusal,
    DocumentKind.HAND_OUT_RECORD: hand_out,
}
