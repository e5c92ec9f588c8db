"""Chinese for the follow-up screens (ui/followup): case search, case page, deadlines, attention.

Strings another area's table already translates the same way ("Applicant", "Phone", "Overdue",
"Accepted", …) are left to that table.
"""

ZH = {
    # Search
    "Case or document number, ID number, phone or name": "办件编号、文书编号、证件号码、电话或姓名",
    "Search": "查询",
    "Searching…": "正在查询…",
    "No case found.": "未找到办件。",
    "%n case(s) found. Press Enter to open the selected one.": "找到 %n 件，按回车键打开所选办件。",
    "Type a case or document number, an ID number, a phone or a name": (
        "请输入办件编号、文书编号、证件号码、电话或姓名"
    ),
    "Searching by case or document number": "按办件编号或文书编号查询",
    "Searching by ID number or credit code": "按身份证号码或统一社会信用代码查询",
    "Searching by phone number": "按电话号码查询",
    "Searching by name": "按姓名或名称查询",
    "Not a whole number, ID number or phone; type more": (
        "不是完整的编号、证件号码或电话，请继续输入"
    ),
    "Case number": "办件编号",
    "Received at": "收件时间",
    "Received": "已收件",
    "{number} (via {document})": "{number}（经文书 {document}）",
    # Case page
    "Case details": "办件信息",
    "Deadline": "办理时限",
    "Timeline": "办理过程",
    "Documents": "文书",
    "Reprint copy (Ctrl+P)": "补打副本（Ctrl+P）",
    "Preview (Enter)": "预览（回车）",
    "Opening the case…": "正在打开办件…",
    "Choose a document to reprint.": "请选择要补打的文书。",
    "A copy of {number} is queued for the printer.": "{number} 的副本已加入打印队列。",
    "Choose a document to preview.": "请选择要预览的文书。",
    "Preview: {kind} {number}": "预览：{kind} {number}",
    "Due {date} · {left}": "{date} 到期 · {left}",
    "{deadline} (provisional: holidays not known yet)": "{deadline}（暂定：节假日安排尚未公布）",
    "Accept or give the one-time notice by {date}": "请于 {date} 前受理或出具一次性告知书",
    "Waiting for corrections from the applicant": "等待申请人补正材料",
    "No time limit is running": "当前无计时",
    "Materials: {ok} of {total} in order": "材料：{total} 项中 {ok} 项齐全",
    "To correct: {name} {reason}": "需补正：{name} {reason}",
    "By commitment: {name}": "告知承诺：{name}",
    "Owed (deferred) by {date}: {name}": "容缺后补（{date} 前）：{name}",
    "One-time notices: {numbers}": "一次性告知书：{numbers}",
    "Time": "时间",
    "By": "经办人",
    "Step": "环节",
    "Note": "备注",
    "{step} — trail entry altered!": "{step} — 留痕记录被改动！",
    "{step} (recorded at the registry)": "{step}（中心记录）",
    "Document number": "文书编号",
    "Document": "文书",
    "Issued": "出具时间",
    # Statuses
    "Being received": "收件中",
    "Accepted, time running": "已受理（计时中）",
    "Result delivered": "已出件",
    "Waiting for corrections": "待补正",
    "No licence needed": "无需许可",
    "In review": "审查中",
    "Suspended (clock paused)": "特别程序（暂停计时）",
    "Approved": "准予许可",
    "Refused": "不予许可",
    "Completed": "已办结",
    "Withdrawn": "已撤回",
    "Terminated": "已终止",
    "Returned": "已退件",
    "Void (entry error)": "已作废（录入错误）",
    # Steps of the audit trail
    "Case opened": "创建办件",
    "Materials recorded": "登记材料",
    "Materials received": "收件",
    "Applicant came back": "申请人再次到窗口",
    "Corrections received": "收到补正材料",
    "One-time correction notice issued": "出具一次性告知书",
    "Refusal requested": "申请不予受理",
    "Refusal approved by a supervisor": "首席代表批准不予受理",
    "Refusal declined by a supervisor": "首席代表驳回不予受理申请",
    "Completed on the spot": "即办办结",
    "Voided": "作废",
    "Withdrawn by the applicant": "申请人撤回",
    "Document reprinted": "补打文书",
    "Scan attached": "添加扫描件",
    "Status changed elsewhere": "状态在他处变更",
    "Document {number} reprinted (copy {copy})": "补打文书 {number}（第 {copy} 份副本）",
    "{step} → {status}": "{step} → {status}",
    "System (time limit)": "系统（时限届满）",
    "{name} ({staff})": "{name}（{staff}）",
    # Documents
    "Materials receipt voucher": "收件凭证",
    "Correction notice": "一次性告知书",
    "Acceptance receipt": "受理通知书",
    "Refusal notice": "不予受理告知书",
    "Result hand-out record": "出件登记",
    "Deferred-material notice": "容缺受理告知书",
    "Commitment letter": "告知承诺书",
    # Deadlines board
    "Due soon": "即将到期",
    "Suspended": "暂停计时",
    "On track": "正常",
    "Overdue since {date}": "已超期（{date} 到期）",
    "Overdue by %n working day(s)": "已超期 %n 个工作日",
    "Paused · %n working day(s) left": "暂停计时 · 剩余 %n 个工作日",
    "Due today": "今日到期",
    "%n working day(s) left": "剩余 %n 个工作日",
    "Group": "分类",
    "Time left": "剩余时限",
    "Due date": "到期日",
    "Status": "状态",
    "Accepted on": "受理日期",
    "To watch ({count})": "需关注（{count}）",
    "Overdue ({count})": "已超期（{count}）",
    "Due soon ({count})": "即将到期（{count}）",
    "Suspended ({count})": "暂停计时（{count}）",
    "On track ({count})": "正常（{count}）",
    # Needs attention
    "Entries stay on this list for the supervisor: they cannot be marked as handled at the "
    "counter.": "以下事项留待首席代表处理，窗口无法标记为已处理。",
    "Nothing needs attention.": "暂无需处理事项。",
    "Acted at": "操作时间",
    "What happened": "情况",
    "Status now": "当前状态",
    "{step} on case {number}, {time}": "{time} 办件 {number}：{step}",
    "What happened: {text}": "情况：{text}",
    "What to do: {text}": "处理：{text}",
    "The registry said ({code}): {reason}": "中心答复（{code}）：{reason}",
    "A number this counter gave out is already used at the registry.": (
        "本窗口发出的编号在中心已被占用。"
    ),
    "Tell the supervisor: the numbering of this counter must be checked. Do not hand the "
    "document out again.": "请报告首席代表核查本窗口编号，不要再次发放该文书。",
    "The registry could not verify the audit trail entry of this step.": (
        "中心无法核验该环节的留痕记录。"
    ),
    "Tell the supervisor at once: the trail of this counter may be damaged or altered.": (
        "请立即报告首席代表：本窗口的留痕记录可能已损坏或被改动。"
    ),
    "The case was changed at the registry (back office or another counter) after this counter "
    "last saw it, so this step was not applied there.": (
        "本窗口上次同步后，该办件已在中心（后台或其他窗口）发生变更，此操作未在中心生效。"
    ),
    "Open the case: it now shows the state held by the registry. Do the step again if it is "
    "still needed, and tell the applicant if anything changed.": (
        "请打开办件（现已显示中心的状态），如仍需要请重新办理该环节，如有变化请告知申请人。"
    ),
    "At the registry the case had already moved past this step, so it cannot apply.": (
        "该办件在中心已进入后续环节，此操作无法生效。"
    ),
    "Open the case, check its status and tell the applicant what it means.": (
        "请打开办件核对状态，并向申请人说明。"
    ),
    "The registry does not know this case.": "中心没有该办件的记录。",
    "Tell the supervisor; the case may come from a counter that was reset.": (
        "请报告首席代表，该办件可能来自已重置的窗口。"
    ),
    "The case belongs to another hall.": "该办件属于其他大厅。",
    "Tell the supervisor; do not go on with the case here.": "请报告首席代表，本窗口不要继续办理。",
    "The registry could not read this step.": "中心无法读取此操作。",
    "Tell the supervisor; the counter software may need an update.": (
        "请报告首席代表，窗口软件可能需要升级。"
    ),
    "The registry does not understand the software version of this counter.": (
        "中心无法识别本窗口的软件版本。"
    ),
    "Tell the supervisor: the registry or the counter needs an update.": (
        "请报告首席代表：中心或窗口软件需要升级。"
    ),
    "The registry rejected this step.": "中心拒绝了此操作。",
    "Tell the supervisor.": "请报告首席代表。",
    # Errors
    "The local store is busy. Please try again in a moment.": "本地数据库忙，请稍后重试。",
    "Not found: {reason}": "未找到：{reason}",
    "Something went wrong; the error is in the log. Please tell the supervisor.": (
        "出现错误，详情已记入日志，请报告首席代表。"
    ),
}
