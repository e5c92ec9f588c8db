"""Chinese of the counter workbench (ui/workbench) and the application's start (ui/app.py)."""

ZH = {
    # The window, its menu and its pages
    "Window Clerk — counter {counter}": "窗口办件 — {counter}",
    "Settings…": "设置…",
    "Lock the screen (Ctrl+L)": "锁定屏幕 (Ctrl+L)",
    "Quit": "退出",
    "Loading failed; the error is in the log.": "加载失败，错误已记入日志。",
    "Casework": "办件",
    "Deadlines": "期限",
    "Needs attention": "待处理",
    "Follow-ups": "回访",
    "Catalogue": "事项目录",
    "Work on this case at the counter (Ctrl+W)": "在本窗口继续办理此件 (Ctrl+W)",
    # The current applicant
    "No ticket": "暂无号码",
    "Applicant not known yet": "申请人尚未确定",
    "{name} · ID {masked}": "{name} · 证件号 {masked}",
    "Visit {time}": "本次办理 {time}",
    # The case in progress
    "Next scan shows:": "下一份扫描件为：",
    "Next applicant (Ctrl+N)": "下一位申请人 (Ctrl+N)",
    "Recording the intake…": "正在登记收件…",
    "Intake": "收件",
    "Sign in before recording an intake.": "请先登录，再登记收件。",
    "Case {number} opened for {name}.": "已为 {name} 创建办件 {number}。",
    "Case {number} · {item} · {status}": "办件 {number} · {item} · {status}",
    "The scanner's folder cannot be read: {reason}": "无法读取扫描仪文件夹：{reason}",
    # The decision bar
    "One-time notice": "一次性告知",
    "Accept": "受理",
    "Owed material (容缺)": "容缺受理",
    "Commitment (告知承诺)": "告知承诺",
    "Refusal request": "申请不予受理",
    "Complete on the spot": "即办办结",
    "Hand out": "出件",
    "Hand-over record": "出件登记",
    # Scanner routing
    "{scanned} — being served now": "{scanned} — 正在办理",
    "{scanned}: filled in as the applicant's number.": "{scanned}：已填入申请人证件号码。",
    "Marked as e-licence: {names}": "已标记为电子证照：{names}",
    "No case with number {number} at this counter.": "本窗口没有编号为 {number} 的办件。",
    "{scanned}: choose the service item first, then scan the e-licence.": (
        "{scanned}：请先选择办理事项，再扫描电子证照。"
    ),
    "{scanned}: no material of this item is that e-licence.": (
        "{scanned}：本事项没有可用该电子证照的材料。"
    ),
    # The status bar
    "Nobody signed in": "未登录",
    "Clerk {name} ({staff})": "窗口人员 {name}（{staff}）",
    "Last sync {time}": "最近同步 {time}",
    "clock {offset}": "时钟偏差 {offset}",
    # 收件 before a notice or refusal, and the return visit after a notice
    "Receiving the materials…": "正在收件…",
    "Materials voucher": "材料收取凭证",
    "Return visit: mark what the applicant hands in now, then Ctrl+Enter.": (
        "申请人补正回访：标记本次递交的材料，然后按 Ctrl+Enter。"
    ),
    "Corrections received (Ctrl+Enter)": "补正材料已收 (Ctrl+Enter)",
    "Return visit {visits} recorded for case {number}.": (
        "已记录办件 {number} 的第 {visits} 次到窗口。"
    ),
    "Return visit": "补正回访",
    "Recording the corrections…": "正在登记补正材料…",
    "Corrections received: case {number} can be decided.": (
        "补正材料已收：办件 {number} 可以作出决定。"
    ),
    "Corrections": "补正材料",
}
