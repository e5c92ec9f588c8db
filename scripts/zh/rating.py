"""zh_CN for 好差评: the customer-facing panel, the rating words and the follow-up list."""

ZH = {
    # The five levels and the reasons of a bad rating (context "Rating")
    "Very satisfied": "非常满意",
    "Satisfied": "满意",
    "Basically satisfied": "基本满意",
    "Dissatisfied": "不满意",
    "Very dissatisfied": "非常不满意",
    "Poor service attitude": "服务态度不好",
    "Waited too long": "等候时间过长",
    "Had to come back again": "多次跑腿",
    "Not told clearly": "告知不清楚",
    "Took too long to handle": "办理超时",
    "Asked for too many materials": "要求材料过多",
    "Other": "其他",
    ", ": "、",
    "This service has already been rated. Thank you!": "本次服务已评价过，谢谢您！",
    "Sorry, your rating could not be saved. Please tell the staff at the window.": (
        "抱歉，评价未能保存，请告知窗口工作人员。"
    ),
    # The customer-facing panel (context "CustomerPanel")
    "Service rating": "服务评价",
    "{hall} · Window {counter}": "{hall} · {counter} 号窗口",
    "Saving your rating…": "正在提交评价…",
    "Welcome": "欢迎您",
    "You can rate our service here when your matter is done": (
        "业务办理完毕后，请在此对我们的服务进行评价"
    ),
    "How satisfied are you with our service?": "请您对本次服务进行评价",
    "Please tell us why (choose one or more)": "请选择不满意的原因（可多选）",
    "Anything else you want to tell us (optional)": "其他意见或建议（选填）",
    "Back": "返回",
    "Submit": "提交评价",
    "Served by {name} · No. {number}": "工作人员 {name} · 工号 {number}",
    "Ticket {number}": "当前号码 {number}",
    "Thank you for your rating!": "感谢您的评价！",
    # The supervisors' follow-up list (contexts "FollowUps", "FollowUpList", "FollowUpDialog")
    "Case": "办件编号",
    "Applicant": "申请人",
    "Phone": "联系电话",
    "Rating": "评价",
    "Reasons": "原因",
    "Comment": "意见",
    "Clerk": "被评价人员",
    "Rated": "评价时间",
    "Due": "整改回访期限",
    "Follow-up": "整改回访",
    "{date} (provisional)": "{date}（暂定）",
    "Overdue": "已超期",
    "Open": "待整改回访",
    "Done by {who}": "已完成（{who}）",
    "Bad-rating follow-up": "差评整改回访",
    "Show followed-up ratings too": "同时显示已完成的",
    "Refresh": "刷新",
    "Record follow-up…": "登记整改回访…",
    "{open} open, {overdue} overdue": "待处理 {open} 件，已超期 {overdue} 件",
    "Only a supervisor records a follow-up.": "只有首席代表（负责人）可以登记整改回访。",
    "Record the follow-up of case {number}": "登记办件 {number} 的整改回访",
    "Rated {level} by {name} ({phone}): {reasons}": "{name}（{phone}）评价为“{level}”：{reasons}",
    "What was rectified, and what the applicant said when called back": (
        "整改情况及回访申请人的结果"
    ),
    "Save": "保存",
    "Cancel": "取消",
    "The follow-up list could not be loaded: {reason}": "差评整改回访清单加载失败：{reason}",
    "The follow-up was not recorded: {reason}": "整改回访未能登记：{reason}",
}
