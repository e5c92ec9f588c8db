"""Chinese of the settings dialog and its pages (ui/settings_dialog.py, ui/settings_pages)."""

ZH = {
    # The dialog
    "Settings — Window Clerk": "设置 — 窗口办件",
    "OK": "确定",
    "Cancel": "取消",
    "The language cannot be changed: {reason}": "无法切换语言：{reason}",
    # Fields
    "This value is not allowed.": "该值不允许。",
    "Type plain text: tabs and line breaks are not allowed.": (
        "请输入纯文本：不能包含制表符或换行。"
    ),
    "The folder {folder} does not exist.": "文件夹 {folder} 不存在。",
    "Browse…": "浏览…",
    "Choose a folder": "选择文件夹",
    # Counter
    "Counter": "窗口",
    "Window shown to applicants": "向办事群众显示的窗口名称",
    "Hall name shown": "显示的大厅名称",
    "Applicants hear and see the window's name when they are called, e.g. “Window 5”. "
    "Leave a field empty to use the name the registry gives.": (
        "叫号时办事群众听到和看到的窗口名称，例如“5号窗口”。留空则使用中心登记系统提供的名称。"
    ),
    # Printers
    "Printers": "打印机",
    "A4 documents (notices, receipts, letters)": "A4 文书（告知书、回执、通知书）",
    "Receipts and queue tickets (80 mm roll)": "小票和排队号票（80 毫米卷纸）",
    "A4 laser, 300 dpi, grey": "A4 激光打印机，300 dpi，灰度",
    "80 mm thermal roll, 203 dpi, black and white": "80 毫米热敏卷纸，203 dpi，黑白",
    "None — save PDFs to a folder": "无 — 将 PDF 保存到文件夹",
    "Printer": "打印机",
    "Kind of printer": "打印机类型",
    "Print a test page": "打印测试页",
    "Folder for PDFs": "PDF 保存文件夹",
    "The printer {name} is not installed: choose another or none.": (
        "打印机 {name} 未安装：请选择其他打印机或选择“无”。"
    ),
    "Printing a test page on {printer}…": "正在向 {printer} 打印测试页…",
    "The test page went to {printer}.": "测试页已发送到 {printer}。",
    "The test page did not print: {reason}": "测试页未能打印：{reason}",
    # The test page itself
    "Printer test page": "打印机测试页",
    "Window Clerk": "窗口办件",
    "Printer: {name}": "打印机：{name}",
    "Paper: {paper}": "纸张：{paper}",
    "Printed at {time}": "打印时间：{time}",
    # Scanner
    "Scanner": "扫描",
    "Scanner drop folder": "扫描仪存放文件夹",
    "None: no folder is watched": "无：不监视文件夹",
    "Longest pause between a scan's keys": "扫码按键最长间隔",
    "ms": "毫秒",
    "Fewest characters of a scan": "扫码最少字符数",
    "New images and PDFs in the drop folder are offered for the current case. "
    "Keys typed faster than the pause above and ending in Enter are a barcode scan.": (
        "存放文件夹中新出现的图片和 PDF 会提供给当前办件。"
        "按键间隔短于上述时间并以回车结束的输入视为扫码。"
    ),
    # Hotkeys
    "Hotkeys": "快捷键",
    "Action": "操作",
    "Key": "按键",
    "Call next": "叫号",
    "Call again": "重呼",
    "Start serving": "开始办理",
    "No-show": "过号",
    "Park": "暂存",
    "Call back parked": "暂存回呼",
    "Transfer": "转移",
    "Call a number": "指定叫号",
    "Pause / resume": "暂停 / 恢复",
    "Finish": "办结",
    "Lock the screen": "锁定屏幕",
    "Reset to defaults": "恢复默认",
    "{key} is already the key of “{other}”; it cannot also be “{action}”.": (
        "{key} 已是“{other}”的快捷键，不能再用于“{action}”。"
    ),
    # Display
    "Display": "显示屏",
    "Calls kept on the board": "屏幕保留的叫号条数",
    "Times each call is announced": "每次叫号播报次数",
    "Speak the calls (off: chime only)": "语音播报叫号（关闭则只响提示音）",
    # Lock
    "Lock": "锁屏",
    "Lock the screen after no input for": "无操作自动锁屏时间",
    "min": "分钟",
    "The key that locks the screen at once is on the Hotkeys page.": (
        "立即锁屏的快捷键在“快捷键”页设置。"
    ),
    # Language
    "Language": "语言",
    "Language of the screens": "界面语言",
    "Choose 中文 or English.": "请选择中文或 English。",
}
