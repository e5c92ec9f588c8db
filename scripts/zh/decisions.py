"""Chinese for the decisions' screens (ui/decisions): notice, acceptance, refusal, hand-out."""

ZH = {
    # Shared
    "Case {number} · {applicant} · {item}": "办件 {number} · {applicant} · {item}",
    "Close": "关闭",
    "Cancel": "取消",
    "&Print": "打印(&P)",
    "Preparing the preview…": "正在生成预览…",
    "Printing…": "正在打印…",
    "Document {number}: {pages} page(s).": "文书 {number}：共 {pages} 页。",
    "Printed {number}.": "{number} 已打印。",
    "The printer failed: {reason}. Print again once it works.": (
        "打印机故障：{reason}。请在打印机恢复后重新打印。"
    ),
    "The printer failed: {reason}. The document stays in the print queue and prints when the "
    "printer works again; nothing is lost.": (
        "打印机故障：{reason}。文书仍在打印队列中，打印机恢复后将自动打印，不会丢失。"
    ),
    "Applicant &signed": "申请人已签字(&S)",
    # Words of the domain
    "Missing": "缺失",
    "Not in legal form": "不符合法定形式",
    "Content to correct": "内容需补正",
    "the application is deemed withdrawn": "视为撤回申请",
    "the application is not accepted": "不予受理",
    "the materials are returned": "退回材料",
    "the procedure is terminated": "终止办理",
    "{day} (provisional)": "{day}（暂定）",
    "Enter the ID number.": "请输入身份证号码。",
    "An ID number has 18 characters (15 for an old one).": (
        "身份证号码应为 18 位（旧证为 15 位）。"
    ),
    "Character {found} at position {position} is not allowed.": (
        "第 {position} 位的字符 {found} 无效。"
    ),
    "{found} is not a region code.": "{found} 不是有效的地区代码。",
    "{found} is not a date of birth.": "{found} 不是有效的出生日期。",
    "The date of birth {found} is too early.": "出生日期 {found} 过早。",
    "The date of birth {found} is in the future.": "出生日期 {found} 晚于今天。",
    "The check character is wrong: mistyped?": "校验码不符，请核对是否输错。",
    # Errors
    "Something went wrong; the error is in the log. Nothing was saved.": (
        "发生意外错误，详情已记入日志，本次操作未保存。"
    ),
    "Too many failed attempts: try again in {seconds} s.": (
        "尝试失败次数过多，请 {seconds} 秒后再试。"
    ),
    "Wrong staff number or password.": "工号或密码错误。",
    "Not allowed: {message}": "无权操作：{message}",
    "The rules do not allow this: {message}": "按规定不能办理：{message}",
    "Please check the entry: {message}": "请核对输入：{message}",
    "Not found: {message}": "未找到：{message}",
    "Not done: {message}": "未能办理：{message}",
    # One-time notice
    "One-time correction notice": "一次性告知",
    "Listing what must be corrected…": "正在列出需补正的材料…",
    "&Issue notice": "出具告知书(&I)",
    "Supervisor &override…": "负责人审批例外(&O)…",
    "Corrections are due by {day}; if they are not handed in, {expiry}. The time for "
    "corrections is not counted in the processing time.": (
        "请于 {day} 前补正；逾期未补正的，{expiry}。补正时间不计入办理时限。"
    ),
    "This notice lists only what the earlier notice listed.": "本次告知仅列前次告知书已列的材料。",
    "{count} material(s) to correct.": "需补正材料 {count} 项。",
    "One-time rule: the earlier notice ({notices}) did not list {names}. Only an override by a "
    "supervisor, with a reason, lets a second notice add them.": (
        "一次性告知规则：前次告知书（{notices}）未列出{names}。"
        "再次告知增加新内容，须经负责人审批并记录理由。"
    ),
    "Issuing the notice…": "正在出具告知书…",
    "Override the one-time rule for this notice": "审批：本次告知突破一次性告知规则",
    "Notice {number} issued.": "告知书 {number} 已出具。",
    "Hand the notice to the applicant to sign.": "请将告知书交申请人签字。",
    "Material": "材料名称",
    "Problem": "问题",
    "How to fix it": "补正要求",
    "Acceptance standard": "受理标准",
    " (not on the earlier notice)": "（前次告知书未列）",
    # Supervisor approval
    "Supervisor approval": "负责人审批",
    "The supervisor enters their own staff number and password at this counter. They are "
    "checked at the registry, or offline against the copy kept at this counter. "
    "Whoever asked for the decision cannot approve it.": (
        "请负责人在本窗口输入本人工号和密码，由中心核验；离线时按本窗口保存的凭据核验。"
        "提出申请的人不能审批自己的申请。"
    ),
    "Supervisor: staff &number": "负责人工号(&N)",
    "Pass&word": "密码(&W)",
    "&Reason (recorded)": "理由（将记录在案）(&R)",
    "&Approve": "批准(&A)",
    "&Decline": "不同意(&D)",
    "Checking the credentials…": "正在核验身份…",
    "Deciding as {name}…": "正在以 {name} 的身份审批…",
    # Acceptance
    "Accept the application": "受理",
    "&Accept": "受理(&A)",
    "Owed-material (容缺) &notice…": "容缺受理告知书(&N)…",
    "Commitment (告知承诺) &letter…": "告知承诺书(&L)…",
    "All materials are complete.": "材料齐全。",
    "Complete but for material owed under 容缺, due after acceptance.": (
        "除容缺后补材料外，材料齐全；容缺材料在受理后按期补交。"
    ),
    "Materials must be corrected first: issue a one-time notice instead.": (
        "材料需先补正：请出具一次性告知书。"
    ),
    "Owed (容缺): {names}": "容缺后补：{names}",
    "By commitment (告知承诺): {names}": "告知承诺：{names}",
    "Accepting…": "正在受理…",
    "Accepted: case {number}, receipt {receipt}, decision due by {due}.": (
        "已受理：办件 {number}，回执 {receipt}，应于 {due} 前办结。"
    ),
    # 容缺 and 告知承诺
    "Accept with owed material (容缺)": "容缺受理",
    "Tick the secondary material the applicant will hand in after acceptance.": (
        "请勾选申请人在受理后补交的次要材料。"
    ),
    "The applicant agrees and will sign the 容缺 &commitment": "申请人同意并签署容缺承诺书(&C)",
    "This item allows no 容缺 for this case.": "本事项本情形不适用容缺受理。",
    "Owed material is due by {day}; if it is not handed in by then, {expiry}.": (
        "容缺材料须于 {day} 前补交；逾期未补交的，{expiry}。"
    ),
    "Commitment instead of a certificate (告知承诺)": "告知承诺",
    "Tick the materials the commitment replaces.": "请勾选以申请人承诺替代的材料。",
    "The applicant agrees and will sign the 告知承诺 &letter": "申请人同意并签署告知承诺书(&L)",
    "This item allows no 告知承诺 for this case.": "本事项本情形不适用告知承诺。",
    "The agency checks the commitment later; a false commitment revokes the decision and is "
    "recorded in the credit record of the applicant.": (
        "行政机关将对承诺内容进行核查；承诺不实的，依法撤销相关决定并记入信用记录。"
    ),
    "&Record": "记录(&R)",
    "Looking up what may be covered…": "正在查询适用的材料…",
    "容缺 notice and commitment": "容缺受理告知书及承诺书",
    "告知承诺 commitment letter": "告知承诺书",
    # Refusal
    "Refusal request (不予受理)": "不予受理申请",
    "Loading the refusal conditions of the item…": "正在载入本事项的不予受理情形…",
    "Published refusal conditions": "公布的不予受理情形",
    "&Reasons": "理由(&R)",
    "&Facts": "认定的事实(&F)",
    "Legal &basis": "法律依据(&B)",
    "Competent a&gency (if not ours)": "有权机关（不属本机关职权时）(&G)",
    "Remedies": "救济途径",
    "Request &refusal": "提交不予受理申请(&R)",
    "Supervisor approves &here…": "负责人在本窗口审批(&H)…",
    "&Leave pending": "留待审批(&L)",
    "Pending: waiting for the approval of a supervisor. A supervisor approves here with their "
    "credentials, or later from their own counter.": (
        "待审批：等待负责人审批。负责人可在本窗口输入凭据审批，也可稍后在其本人窗口审批。"
    ),
    "Approve the refusal of this application": "审批：对本申请不予受理",
    "If the applicant disagrees, they may apply for administrative review (行政复议) to {body} "
    "within {days} days of receiving the notice, or bring an administrative lawsuit (行政诉讼) "
    "at {court} within {months} months.": (
        "申请人如不服，可以自收到告知书之日起 {days} 日内向{body}申请行政复议，"
        "也可以在 {months} 个月内向{court}提起行政诉讼。"
    ),
    "Reasons: {text}": "理由：{text}",
    "Facts: {text}": "事实：{text}",
    "Legal basis: {text}": "法律依据：{text}",
    "Asked by: {staff}": "经办人：{staff}",
    "Competent agency: {name}": "有权机关：{name}",
    "Case": "办件编号",
    "Applicant": "申请人",
    "Item": "事项",
    "Asked by": "经办人",
    "Reasons": "原因",
    "Re&fresh": "刷新(&F)",
    "&Approve refusal": "批准不予受理(&A)",
    "{count} refusal(s) waiting.": "待审批不予受理 {count} 件。",
    "Refusal approved: notice {number}.": "已批准不予受理：告知书 {number}。",
    "Refusal declined: the case goes on.": "不同意不予受理：继续办理。",
    # 即办件 and hand-out
    "Complete on the spot (即办件)": "即办件当场办结",
    "&Complete now": "当场办结(&C)",
    "&Hand out now…": "当场出件(&H)…",
    "Completing…": "正在办结…",
    "Completed on the spot: hand the result out.": "已当场办结，请出件。",
    "Hand the result out": "出件",
    "At the &window": "窗口领取(&W)",
    "By e&xpress delivery": "邮寄送达(&X)",
    "&Hand out": "出件(&H)",
    "The &applicant collects": "申请人本人领取(&A)",
    "An a&gent collects": "委托代理人领取(&G)",
    "Authorisation &letter handed in": "已收授权委托书(&L)",
    "Collector: &ID number": "领取人身份证号码(&I)",
    "Agent: &name": "代理人姓名(&N)",
    "&Recipient": "收件人(&R)",
    "&Phone": "联系电话(&P)",
    "A&ddress": "收件地址(&D)",
    "&Tracking number": "邮件单号(&T)",
    "A mobile number (11 digits) or a landline with its area code.": (
        "请输入 11 位手机号码，或带区号的固定电话。"
    ),
    "&Record posting": "登记邮寄(&R)",
    "Recording…": "正在登记…",
    "Handed out: record {number}.": "已出件：出件登记 {number}。",
}
