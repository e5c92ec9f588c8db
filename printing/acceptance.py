"""Documents of acceptance: the acceptance receipt (受理回执), the 容缺 notice and commitment."""

from __future__ import annotations

from reportlab.platypus import Flowable

from printing import parts, roll
from printing.documents import AcceptanceReceipt, RongqueNotice
from printing.layout import render_a4, render_receipt
from printing.seal import closing
from printing.text import day, masked_id

RECEIPT_TITLE = "受理通知书"
RONGQUE_TITLE = "容缺受理告知书及承诺书"
_EXCLUDED_NOTE = (
    "办理时限按工作日计算，不含法定节假日。依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和"
    "专家评审的，所需时间不计算在办理时限内，本机关将书面告知所需时间。"
)
_PROVISIONAL_NOTE = "标注“暂定”的日期超出国家已公布的节假日安排，届时按公布的安排重新计算并告知。"


def receipt_a4(data: AcceptanceReceipt) -> bytes:
    """The A4 acceptance receipt: deadlines, materials taken, owed 容缺 items, fee, delivery."""
    head = data.head
    story: list[Flowable] = parts.title(RECEIPT_TITLE, "（受理回执·申请人留存）")
    story.append(parts.para(f"{data.case.applicant.name}：", indent=False))
    story.append(parts.para(_decision(data)))
    story.append(parts.fields([*parts.case_rows(data.case), *_limit_rows(data)]))
    story.append(parts.heading(f"一、已收取的申请材料（共 {len(data.materials)} 项）"))
    story.append(parts.materials(data.materials))
    number = 2
    if data.owed:
        story.append(parts.heading(f"{_ordinal(number)}、容缺后补材料"))
        story.append(parts.owed(data.owed))
        story.append(parts.para("请在补交期限前提交上述材料；材料补齐前不出具办理结果。"))
        number += 1
    if data.commitments:
        story.append(parts.heading(f"{_ordinal(number)}、以告知承诺方式替代的材料"))
        story.append(parts.para("、".join(data.commitments) + "（以申请人签署的告知承诺书为准）。"))
        number += 1
    story.append(parts.heading(f"{_ordinal(number)}、说明"))
    story.append(parts.para(_EXCLUDED_NOTE))
    if data.due_provisional or any(line.provisional for line in data.owed):
        story.append(parts.para(_PROVISIONAL_NOTE))
    story.append(closing(head, signer="申请人（签收）"))
    return render_a4(title=RECEIPT_TITLE, head=head, story=story)


def _decision(data: AcceptanceReceipt) -> str:
    text = f"您（单位）于 {day(data.received_on)} 提出的“{data.case.item}”申请，"
    if data.deemed_accepted:
        return text + (
            "本机关未在法定期限内告知补正，根据《中华人民共和国行政许可法》第三十二条的规定，"
            f"自收到申请材料之日起即为受理，受理日期为 {day(data.accepted_on)}。"
        )
    kind = "予以容缺受理" if data.owed else "申请材料齐全、符合法定形式，本机关决定予以受理"
    return text + f"{kind}，受理日期为 {day(data.accepted_on)}。"


def _limit_rows(data: AcceptanceReceipt) -> list[parts.Row]:
    issuer = data.head.issuer
    return [
        ("收件日期", day(data.received_on), "受理日期", day(data.accepted_on)),
        ("法定办结时限", str(data.statutory_limit), "承诺办结时限", str(data.promised_limit)),
        ("预计办结日期", day(data.due_on, provisional=data.due_provisional), "收费情况", data.fee),
        ("不计时环节", "；".join(data.excluded) or "无"),
        ("结果送达方式", data.delivery, "经办人", data.head.clerk),
        (
            "进度查询",
            f"{data.progress}（咨询电话 {issuer.phone}）" if issuer.phone else data.progress,
        ),
    ]


def _ordinal(number: int) -> str:
    return "零一二三四五六七八九十"[number]


def receipt_roll(data: AcceptanceReceipt) -> bytes:
    """The 80 mm acceptance receipt: the facts the applicant needs on the way home."""
    head, case = data.head, data.case
    story: list[Flowable] = roll.head(
        issuer=head.issuer.hall or head.issuer.agency,
        title="受理回执",
        number=head.number,
        reprint=head.reprint,
    )
    story += roll.lines(
        [
            ("办件编号", case.number),
            ("申请人", case.applicant.name),
            ("证件号码", masked_id(case.applicant.id_number)),
            ("申请事项", case.item),
            ("办理情形", case.situation),
            ("受理日期", day(data.accepted_on)),
            ("承诺时限", str(data.promised_limit)),
            ("法定时限", str(data.statutory_limit)),
            ("预计办结", day(data.due_on, provisional=data.due_provisional)),
            ("收费", data.fee),
            ("送达方式", data.delivery),
            ("经办人", head.clerk),
        ]
    )
    story.append(roll.rule())
    story += roll.numbered(
        "已收材料", [f"{m.name}（{m.form} {m.copies} 份）" for m in data.materials]
    )
    if data.owed:
        owed = [f"{o.name}（{day(o.due_on, provisional=o.provisional)}前）" for o in data.owed]
        story += roll.numbered("容缺后补", owed)
    story.append(roll.rule())
    story.append(roll.note(data.progress))
    story += roll.qr(head.lookup_url, "扫码查询办理进度")
    return render_receipt(title=RECEIPT_TITLE, author=head.issuer.agency, story=story)


def rongque_a4(data: RongqueNotice) -> bytes:
    """The 容缺 notice (what is owed by when, and what follows) with the applicant's commitment."""
    head, case = data.head, data.case
    story: list[Flowable] = parts.title(RONGQUE_TITLE)
    story.append(parts.fields(parts.case_rows(case)))
    story.append(parts.heading("一、容缺受理告知"))
    story.append(
        parts.para(
            f"您（单位）申请的“{case.item}”，主要申请材料齐全、符合法定形式，次要材料暂缺。"
            f"根据容缺受理制度，本机关于 {day(data.accepted_on)} 予以容缺受理。"
            "请于下列期限前补交容缺材料："
        )
    )
    story.append(parts.owed(data.owed))
    story.append(
        parts.para(
            f"逾期未补交或补交的材料不符合要求的，{data.on_expiry}；材料补齐前不出具办理结果。"
        )
    )
    story.append(parts.heading("二、申请人承诺"))
    story.append(
        parts.para(
            "本人（单位）已知晓上述告知内容，郑重承诺：所提交的申请材料真实、合法、有效；"
            "将在上述期限内补交全部容缺材料；逾期未补交或补交的材料不符合要求的，"
            f"愿意承担“{data.on_expiry}”的后果及相应法律责任。"
        )
    )
    story.append(closing(head, signer="承诺人（签字或盖章）"))
    return render_a4(title=RONGQUE_TITLE, head=head, story=story)
