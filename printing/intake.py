"""Documents of intake: the materials voucher (收件凭证) and the one-time notice (一次性告知书)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from printing import parts, roll
from printing.documents import CorrectionNotice, MaterialsVoucher
from printing.layout import render_a4, render_receipt
from printing.seal import closing
from printing.text import day, masked_id, moment

VOUCHER_TITLE = "申请材料收件凭证"
NOTICE_TITLE = "申请材料补正一次性告知书"


def voucher_a4(data: MaterialsVoucher) -> bytes:
    """The A4 materials receipt voucher: what was taken in, and that acceptance is not yet given."""
    head = data.head
    story: list[Flowable] = parts.title(VOUCHER_TITLE, "（申请人留存）")
    story.append(parts.fields([*parts.case_rows(data.case), *_received_rows(data)]))
    story.append(parts.heading(f"一、已收取的申请材料（共 {len(data.materials)} 项）"))
    story.append(parts.materials(data.materials))
    story.append(parts.heading("二、说明"))
    story += [parts.para(text) for text in _voucher_notes(data)]
    story.append(closing(head, signer="申请人（签字确认）"))
    return render_a4(title=VOUCHER_TITLE, head=head, story=story)


def _received_rows(data: MaterialsVoucher) -> list[parts.Row]:
    issuer = data.head.issuer
    return [
        ("收件时间", moment(data.received_at), "收件人", data.head.clerk),
        ("收件窗口", issuer.counter or issuer.hall, "咨询电话", issuer.phone),
    ]


def _voucher_notes(data: MaterialsVoucher) -> list[str]:
    notes = ["本凭证仅证明本窗口已收到上述申请材料，不代表申请已被受理。"]
    due = f"（即 {day(data.notice_due)} 前）" if data.notice_due else ""
    notes.append(
        f"本机关自收到申请材料之日起 5 个工作日内{due}作出是否受理的决定；申请材料不齐全或者"
        "不符合法定形式的，一次性告知需要补正的全部内容；逾期不告知的，自收到申请材料之日起即为受理。"
    )
    if data.head.lookup_url:
        notes.append("您可扫描下方二维码，或凭办件编号到任一窗口查询办理进度。")
    return notes


def voucher_receipt(data: MaterialsVoucher) -> bytes:
    """The 80 mm materials receipt voucher."""
    head, case = data.head, data.case
    story: list[Flowable] = roll.head(
        issuer=head.issuer.hall or head.issuer.agency,
        title="收件凭证",
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
            ("收件时间", moment(data.received_at)),
            ("收件人", head.clerk),
        ]
    )
    story.append(roll.rule())
    items = [f"{m.name}（{m.form} {m.copies} 份）" for m in data.materials]
    story += roll.numbered("已收材料", items)
    story.append(roll.rule())
    story.append(roll.note("本凭证不代表申请已被受理；5 个工作日内作出是否受理的决定。"))
    story += roll.qr(head.lookup_url, "扫码查询办理进度")
    return render_receipt(title=VOUCHER_TITLE, author=head.issuer.agency, story=story)


def correction_notice_a4(data: CorrectionNotice) -> bytes:
    """The one-time correction notice: every item to correct, the deadline and what follows."""
    head, case = data.head, data.case
    story: list[Flowable] = parts.title(NOTICE_TITLE)
    story.append(parts.para(f"{case.applicant.name}：", indent=False))
    story.append(
        parts.para(
            f"您（单位）于 {day(data.received_on)} 提出的“{case.item}”申请，经审查，申请材料不齐全"
            "或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现将需要补正的"
            "全部内容一次性告知如下："
        )
    )
    story.append(parts.fields(parts.case_rows(case)))
    story.append(parts.heading(f"一、需要补正的材料（共 {len(data.lines)} 项）"))
    story.append(_correction_table(data))
    story.append(parts.heading("二、补正期限、方式和逾期后果"))
    story += [parts.para(text) for text in _deadline_notes(data)]
    story.append(parts.heading("三、联系方式"))
    story.append(parts.para(_contact(data)))
    story.append(closing(head, signer="申请人（签收）"))
    return render_a4(title=NOTICE_TITLE, head=head, story=story)


def _correction_table(data: CorrectionNotice) -> Flowable:
    body = [
        [str(n), line.name, line.problem, _requirement(line.requirement, line.reason)]
        for n, line in enumerate(data.lines, 1)
    ]
    widths = [12 * mm, 52 * mm, 30 * mm, 80 * mm]
    return parts.listing(["序号", "材料名称", "问题", "补正要求"], body, widths, centred=(0, 2))


def _requirement(requirement: str, reason: str) -> str:
    return f"{requirement}（{reason}）" if reason else requirement


def _deadline_notes(data: CorrectionNotice) -> list[str]:
    due = day(data.correction_due, provisional=data.due_provisional)
    return [
        f"请于 {due} 前（含当日）补正上述全部材料。补正方式：{data.hand_in}",
        f"逾期未补正的，{data.on_expiry}。",
        "补正材料所需时间不计入办理时限，本机关自收到全部补正材料之日起重新审查。",
        f"本告知书在收到申请材料之日（{day(data.received_on)}）起 5 个工作日内一次性出具；"
        "除本告知书所列材料和新提交材料存在的问题外，本机关不再要求补正其他材料。",
    ]


def _contact(data: CorrectionNotice) -> str:
    issuer = data.head.issuer
    parts_ = [f"经办人：{data.head.clerk}"]
    if issuer.phone:
        parts_.append(f"联系电话：{issuer.phone}")
    if issuer.address:
        parts_.append(f"地址：{issuer.address}")
    return "　".join(parts_)
