"""Fill unfinished zh_CN translations from a table (a maintainer's tool, not run by CI).

Usage: .venv/bin/python scripts/translate_fill.py resources/i18n/window_clerk_zh_CN.ts
The table below, and one `ZH` table per area of the UI in `scripts/zh/*.py`, grow with the UI;
strings in none of them stay unfinished and the translation gate in tests/ui/test_translations.py
keeps failing until someone translates them. `bash scripts/translations.sh` runs the whole round
(lupdate, this fill, lrelease).
"""

from __future__ import annotations

import html
import re
import runpy
import sys
from pathlib import Path

ZH = {
    "Connecting to the registry…": "正在连接中心登记系统…",
    "%n operation(s) waiting": "%n 项操作待同步",
    "%n scan(s) waiting": "%n 份扫描件待上传",
    "%n need(s) attention": "%n 项需处理",
    "clock off by {minutes} min": "本机时钟偏差 {minutes} 分钟",
    "Online": "在线",
    "Synchronising…": "正在同步…",
    "Offline — working locally": "离线 — 本地继续办理",
    "Registry busy": "中心繁忙",
    "Not enrolled with the registry": "本窗口未在中心登记",
    "Update Window Clerk to synchronise": "请升级窗口办件系统后再同步",
    "Synchronisation error": "同步出错",
    "Last push: {time}": "最近上传：{time}",
    "Last pull: {time}": "最近下载：{time}",
    "Oldest waiting operation: {time}": "最早待同步操作：{time}",
    "Next attempt in {seconds} s": "{seconds} 秒后重试",
    "Window Clerk": "窗口办件",
    # The hall queue: announcements, display board
    "Number {number}, please go to window {window}": "请 {number} 号到 {window} 号窗口办理",
    "Hall display": "叫号显示屏",
    "Connection to the registry lost — reconnecting…": "与中心的连接已断开 — 正在重新连接…",
    "{hall} · Calling": "{hall} · 叫号信息",
    "Now calling": "正在呼叫",
    "Please watch for your number": "请留意叫号",
    "Recent calls": "最近叫号",
    "Waiting": "等候人数",
    "{count} waiting": "等候 {count} 人",
    "Please go to {window}": "请到 {window}办理",
    "Window {window}": "{window} 号窗口",
    "Number": "号码",
    "Please go to": "请到",
    "Service": "业务",
    # The hall queue: kiosk
    "Ticket kiosk": "自助取号机",
    "Welcome — please take a number": "欢迎光临 · 请取号",
    "Choose your service": "请选择办理业务",
    "Loading services…": "正在加载业务…",
    "ID number (optional)": "身份证号码（可选）",
    "Swipe your ID card or type the number": "请刷身份证或输入身份证号码",
    "Clear": "清空",
    "Your number": "您的号码",
    "Done": "完成",
    "Tickets cannot be issued just now. Please ask at the information desk.": (
        "暂时无法取号，请到咨询服务台咨询。"
    ),
    "This ID number is not valid: {problem}": "身份证号码有误：{problem}",
    "it must have 18 characters.": "应为 18 位。",
    "character {position} is not allowed.": "第 {position} 位字符无效。",
    "the region code does not exist.": "前六位地区码不存在。",
    "the date of birth is not a real date.": "出生日期不是有效日期。",
    "the date of birth is too early.": "出生日期过早。",
    "the date of birth is in the future.": "出生日期晚于今天。",
    "the last character does not match; please check every digit.": (
        "最后一位校验码不符，请逐位核对。"
    ),
    "please check it.": "请核对。",
    "{count} people ahead of you": "您前面还有 {count} 人等候",
    "Printing your ticket…": "正在打印号票…",
    "Please try again.": "请重试。",
    "No ticket was issued: {reason}": "未能取号：{reason}",
    "Estimated wait: not known yet": "预计等候时间：暂无法估算",
    "Estimated wait: you are next": "预计等候：即将叫号",
    "Estimated wait: about {minutes} min": "预计等候约 {minutes} 分钟",
    "Please take your ticket.": "请取走您的号票。",
    "The ticket could not be printed. Please remember your number; "
    "the information desk can print it again.": (
        "号票打印失败。请记住您的号码，可到咨询服务台补打。"
    ),
    "Elderly, disabled or pregnant applicants: please go to the information desk "
    "for the green channel. Keep your ticket until your visit is finished.": (
        "温馨提示：老年人、残疾人、孕妇请到咨询服务台走绿色通道；请保管好号票至办理结束。"
    ),
    # The hall queue: the counter's panel and its dialogs
    "Queue": "叫号",
    "Finish the visit": "办结",
    "Outcome": "办理结果",
    "Documents issued during this visit": "本次办理出具的文书",
    "This outcome needs its case: tick the documents of this visit.": (
        "此办理结果须关联办件：请勾选本次出具的文书。"
    ),
    "Pause calling": "暂停叫号",
    "Break": "休息",
    "Meeting": "开会",
    "System fault": "系统故障",
    "Reason": "原因",
    "Accepted": "受理",
    "One-time correction notice": "一次性告知",
    "Not accepted": "不予受理",
    "Consultation only": "仅咨询",
    "Result handed out": "出件",
    "Call back a parked ticket": "暂存回呼",
    "Ticket": "号码",
    "Queue · counter {counter}": "叫号 · {counter} 窗口",
    "No current ticket": "当前无号",
    "Call next": "叫号",
    "Call again": "重呼",
    "Start serving": "开始办理",
    "No-show": "过号",
    "Park": "暂存",
    "Call back parked": "暂存回呼",
    "Transfer": "转移",
    "Call a number": "指定叫号",
    "Resume": "恢复",
    "Pause": "暂停",
    "Finish": "办结",
    "Nobody is waiting for this counter.": "本窗口暂无等候。",
    "The queue cannot be reached: {error}": "无法连接叫号系统：{error}",
    "The queue failed unexpectedly; the error is in the log.": "叫号系统意外出错，详情见日志。",
    "green channel": "绿色通道",
    "note: {note}": "备注：{note}",
    "Parked: {numbers}": "暂存：{numbers}",
    "called": "已呼叫",
    "being served": "办理中",
    "parked": "已暂存",
    "Paused ({reason}): resume to call again.": "已暂停（{reason}）：恢复后方可叫号。",
    "{number} is not resolved: finish, park or transfer it, or mark it a no-show, "
    "before calling the next ticket.": (
        "{number} 尚未处理完毕：请先办结、暂存、转移或过号，再叫下一号。"
    ),
    "Transfer the ticket": "转移号码",
    "(same service)": "（原业务）",
    "any counter": "任一窗口",
    "At the front": "排在最前",
    "By original arrival": "按原取号时间",
    "At the end": "排在最后",
    "Counter": "窗口",
    "Note for the next clerk": "给下一窗口的备注",
    "Place in the queue": "排队位置",
    "Applicant returned after missing the call": "过号后返回",
    "Priority: elderly, disabled or pregnant": "优先：老年人、残疾人或孕妇",
    "Appointment arrived": "预约人员到场",
    "Ticket number": "号码",
    "The hall queue is not connected yet: start with --demo-queue.": (
        "叫号系统尚未接入：请以 --demo-queue 启动。"
    ),
}

_MESSAGE = re.compile(
    r"(<source>([^<]*)</source>\s*<translation type=\"unfinished\">)(.*?)(</translation>)", re.S
)


def _area_tables() -> dict[str, str]:
    """The `ZH` tables of `scripts/zh/*.py`, merged (one file per area of the UI)."""
    merged: dict[str, str] = {}
    for file in sorted((Path(__file__).parent / "zh").glob("*.py")):
        table = runpy.run_path(str(file)).get("ZH")
        if isinstance(table, dict):
            merged.update(table)
    return merged


ZH.update(_area_tables())


def _fill(match: re.Match[str]) -> str:
    source = html.unescape(match.group(2))
    chinese = ZH.get(source)
    if chinese is None:
        return match.group(0)
    text = html.escape(chinese, quote=False)
    head = match.group(1).replace(' type="unfinished"', "")
    if "<numerusform>" in match.group(3):
        return f"{head}\n            <numerusform>{text}</numerusform>\n        {match.group(4)}"
    return f"{head}{text}{match.group(4)}"


def main(path: str) -> int:
    """Fill the file in place; returns 0."""
    file = Path(path)
    file.write_text(_MESSAGE.sub(_fill, file.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
