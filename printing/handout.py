"""The result hand-over record (出件登记) and the 80 mm walk-in queue ticket."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from printing import parts, roll
from printing.documents import HandOutRecord, QueueTicket
from printing.fonts import markup
from printing.layout import render_a4, render_receipt
from printing.seal import closing
from printing.styles import R_BIG, R_CENTRE
from printing.text import masked_id, masked_phone, moment

HAND_OUT_TITLE = "办理结果出件登记单"
TICKET_TITLE = "排队取号凭条"


def hand_out_a4(data: HandOutRecord) -> bytes:
    """The hand-over record: which result, how, when, to whom (identity checked), signed."""
    head = data.head
    story: list[Flowable] = parts.title(HAND_OUT_TITLE, "（出件登记）")
    rows: list[parts.Row] = [
        *parts.case_rows(data.case),
        ("办理结果", data.result, "证照编号", data.result_number or "—"),
        ("送达方式", data.method, "出件时间", moment(data.delivered_at)),
        ("领取人", data.recipient_name, "领取人证件", masked_id(data.recipient_id_number)),
        (
            "领取人电话",
            masked_phone(data.recipient_phone),
            "身份核验",
            "已核验" if data.identity_checked else "未核验",
        ),
    ]
    if data.tracking_number:
        rows.append(("邮件单号", data.tracking_number))
    rows.append(("出件人", head.clerk, "咨询电话", head.issuer.phone))
    story.append(parts.fields(rows))
    story.append(parts.heading("领取确认"))
    story.append(
        parts.para(
            "领取人确认已收到上述办理结果，已当场核对证照（文书）内容，无误。"
            "邮寄送达的，以邮件签收记录为准。"
        )
    )
    story.append(closing(head, signer="领取人（签字）", qr_caption="扫码查询办件信息"))
    return render_a4(title=HAND_OUT_TITLE, head=head, story=story)


def ticket_roll(data: QueueTicket) -> bytes:
    """The 80 mm queue ticket: the number large, how many wait before it, its Code 128."""
    story: list[Flowable] = roll.head(
        issuer=data.hall, title=data.service, number=data.number, reprint=data.reprint
    )
    story += [
        Spacer(1, 2 * mm),
        Paragraph(markup(data.number), R_BIG),
        Paragraph(markup(f"您前面还有 {data.waiting_ahead} 人等候"), R_CENTRE),
        roll.rule(),
    ]
    story += roll.lines([("取号时间", moment(data.issued_at)), ("取号窗口", data.counter)])
    if data.notice:
        story.append(roll.note(data.notice))
    story += roll.qr(data.lookup_url, "扫码查看排队进度")
    story.append(roll.note("请留意叫号屏和语音提示，过号请到服务台重新取号。"))
    return render_receipt(title=TICKET_TITLE, author=data.hall, story=story)
