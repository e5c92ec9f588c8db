"""zh_CN for the queue panel's local mode (the counter's own queue while the registry is away)."""

ZH = {
    # ui/queue/local_bar.py (the panel's strip of local mode)
    "Local mode — this counter calls its own tickets": "离线 — 本窗口自行叫号",
    "Local mode — the hall queue answers again: serve the {n} local tickets left to return "
    "to it.": "离线 — 大厅叫号系统已恢复：请先办完本窗口剩余的 {n} 张号票，再回到大厅叫号",
    "Issue a walk-in ticket": "本窗口取号",
    "Record a hall ticket served by hand": "登记手工办理的大厅号票",
    "Walk-in ticket {number} issued.": "已取号 {number}。",
    "Hall ticket {number} recorded as served by hand.": "大厅号票 {number} 已登记为手工办理。",
    # ui/queue/offline_dialogs.py
    "Service": "业务",
    "(as printed)": "（以号票为准）",
    "Ticket number": "号码",
    "Served since": "开始办理时间",
    "Outcome": "办理结果",
    "Documents issued during this visit": "本次办理出具的文书",
    "This outcome needs its case: tick the documents of this visit.": (
        "此办理结果须关联办件：请勾选本次办理的文书。"
    ),
}
