"""Fill unfinished zh_CN translations from a table (a maintainer's tool, not run by CI).

Usage: .venv/bin/python scripts/translate_fill.py resources/i18n/window_clerk_zh_CN.ts
The table below grows with the UI; strings not in it stay unfinished and the translation
gate in tests/ui/test_translations.py keeps failing until someone translates them.
"""

from __future__ import annotations

import re
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
}

_MESSAGE = re.compile(
    r"(<source>([^<]*)</source>\s*<translation type=\"unfinished\">)(.*?)(</translation>)", re.S
)


def _fill(match: re.Match[str]) -> str:
    source = match.group(2).replace("&amp;", "&")
    text = ZH.get(source)
    if text is None:
        return match.group(0)
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
