"""Chinese of the Printers page's printer lookup (issue 6): ui/settings_pages/printers.py."""

ZH = {
    "Looking for printers…": "正在查找打印机…",
    "Could not list the printers: {reason}": "无法列出打印机：{reason}",
}
