"""Letters: the 告知承诺 commitment letter and the refusal notice (不予受理告知书) with remedies."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from printing import parts
from printing.documents import CommitmentLetter, RefusalNotice
from printing.layout import render_a4
from printing.seal import closing
from printing.text import day

COMMITMENT_TITLE = "证明事项告知承诺书"
REFUSAL_TITLE = "不予受理告知书"
_PROMISE = (
    "本人（单位）已经知晓行政机关告知的全部内容，确认符合告知的条件、标准和要求，"
    "所作承诺是本人（单位）的真实意思表示；如承诺不实，愿意承担相应的法律责任。"
)


def commitment_a4(data: CommitmentLetter) -> bytes:
    """The commitment letter: what the agency tells, what the applicant commits, signatures."""
    head, case = data.head, data.case
    story: list[Flowable] = parts.title(COMMITMENT_TITLE)
    story.append(parts.fields(parts.case_rows(case)))
    story.append(parts.heading("一、行政机关告知"))
    story.append(
        parts.para(
            f"申请“{case.item}”须提交下列证明材料。申请人书面承诺已经符合告知的条件、标准和"
            "要求的，本机关不再索要相关证明，依据书面承诺办理："
        )
    )
    body = [[str(n), line.name, line.content] for n, line in enumerate(data.items, 1)]
    widths = [12 * mm, 60 * mm, parts.WIDTH - 72 * mm]
    story.append(parts.listing(["序号", "证明事项", "承诺内容"], body, widths, centred=(0,)))
    story.append(parts.para(f"设定依据：{data.legal_basis}"))
    story.append(parts.para(f"核查方式：{data.verification}"))
    story.append(parts.para(f"不实承诺的后果：{data.consequences}"))
    story.append(parts.heading("二、申请人承诺"))
    story.append(parts.para(_PROMISE))
    story.append(closing(head, signer="承诺人（签字或盖章）"))
    return render_a4(title=COMMITMENT_TITLE, head=head, story=story)


def refusal_a4(data: RefusalNotice) -> bytes:
    """The refusal notice: reasons, facts, legal basis, and where and by when to challenge it."""
    head, case = data.head, data.case
    story: list[Flowable] = parts.title(REFUSAL_TITLE)
    story.append(parts.para(f"{case.applicant.name}：", indent=False))
    story.append(
        parts.para(
            f"您（单位）于 {day(data.received_on)} 提出的“{case.item}”申请，经审查，"
            "本机关决定不予受理。现将有关事项告知如下："
        )
    )
    story.append(parts.fields(parts.case_rows(case)))
    story.append(parts.heading("一、不予受理的理由"))
    story.append(parts.para(data.reasons))
    story.append(parts.heading("二、认定的事实"))
    story.append(parts.para(data.facts or "见上述理由。"))
    story.append(parts.heading("三、法律依据"))
    story.append(parts.para(data.legal_basis))
    if data.competent_agency:
        story.append(
            parts.para(f"该申请事项依法不属于本机关职权范围，请向{data.competent_agency}提出申请。")
        )
    story.append(parts.heading("四、救济途径"))
    story.append(parts.para(_remedies(data)))
    signed = [f"经办人：{head.clerk}"]
    if data.approved_by:
        signed.append(f"审批人：{data.approved_by}")
    story.append(parts.para("　".join(signed), indent=False))
    story.append(closing(head, signer="申请人（签收）"))
    return render_a4(title=REFUSAL_TITLE, head=head, story=story)


def _remedies(data: RefusalNotice) -> str:
    remedies = data.remedies
    return (
        "如对本决定不服，可以自收到本告知书之日起 "
        f"{remedies.review_days} 日内向{remedies.review_body}申请行政复议，"
        f"也可以自收到本告知书之日起 {remedies.lawsuit_months} 个月内"
        f"向{remedies.court}提起行政诉讼。"
    )
