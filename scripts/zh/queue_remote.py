"""zh_CN for the queue screens over the registry: starting the kiosk and the hall display."""

ZH = {
    # ui/queue/launch.py (context "QApplication": app.tr)
    "The hall queue is not available:\n{error}": "大厅排队叫号系统不可用：\n{error}",
}
