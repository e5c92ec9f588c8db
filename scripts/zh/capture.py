"""zh_CN for the capture components (ui/capture/): scanner, drop folder, files, camera, viewer."""

ZH = {
    # Scanned codes (ui/capture/describe.py)
    "Scanned ticket {number}": "已扫描号票 {number}",
    "Scanned case number {number}": "已扫描办件编号 {number}",
    "Scanned document number {number}": "已扫描文书编号 {number}",
    "Scanned credit code {number}": "已扫描统一社会信用代码 {number}",
    "Scanned ID number {number}": "已扫描身份证号码 {number}",
    "Scanned e-licence {type}": "已扫描电子证照 {type}",
    "The scanned ID number or credit code is not valid.": "扫描的证件号码或统一社会信用代码无效。",
    "The scanned link holds none of our case numbers.": "扫描的链接中没有本系统的办件编号。",
    "The scanned code is not one the counter knows.": "无法识别扫描的条码。",
    # Files refused (ui/capture/validate.py)
    "{name} cannot be opened (it was moved, or access is denied).": (
        "无法打开 {name}（文件已被移走，或没有访问权限）。"
    ),
    "{name} is empty.": "{name} 是空文件。",
    "{name} is too large: a scan may have at most {limit} MB.": (
        "{name} 太大：扫描件最大 {limit} MB。"
    ),
    "{name} is not a scan: only PNG, JPEG and TIFF images and PDF files can be kept.": (
        "{name} 不是扫描件：只能保存 PNG、JPEG、TIFF 图片和 PDF 文件。"
    ),
    "{name} is a damaged or incomplete image and cannot be shown.": (
        "{name} 图片已损坏或不完整，无法显示。"
    ),
    "{name} is a damaged PDF and cannot be opened.": "{name} 是损坏的 PDF，无法打开。",
    "{name} is incomplete: the file ends too early (was it still being saved?).": (
        "{name} 不完整：文件提前结束（是否仍在保存中？）。"
    ),
    "{name} is protected by a password; save it without one and try again.": (
        "{name} 设有密码保护，请另存为无密码文件后重试。"
    ),
    "{name} has no pages.": "{name} 没有任何页面。",
    # Keeping scans with the case (ui/capture/controller.py)
    "Open a case before adding scans.": "请先打开办件，再添加扫描件。",
    "{name} was not added: choose the material it shows first.": (
        "未添加 {name}：请先选择它对应的材料。"
    ),
    "{name} was not kept: {reason}": "未能保存 {name}：{reason}",
    "The scans of this case cannot be listed: {reason}": "无法列出本办件的扫描件：{reason}",
    # Document camera (ui/capture/camera.py)
    "Capture from document camera": "高拍仪拍摄",
    "No document camera is connected to this computer.": "本机未连接高拍仪。",
    "Take a picture with {camera} for the current case.": "用 {camera} 为当前办件拍摄材料。",
    "The document camera took no picture: {reason}": "高拍仪未能拍摄：{reason}",
    "The document camera does not work: {reason}": "高拍仪无法工作：{reason}",
    # Dropping and picking files (ui/capture/files.py)
    "Drop scans here (PNG, JPEG, TIFF or PDF)": "将扫描件拖放到此处（PNG、JPEG、TIFF 或 PDF）",
    "Pick files…": "选择文件…",
    "Choose scans saved on this computer or the network": "选择保存在本机或网络上的扫描件",
    "Choose scans": "选择扫描件",
    "Scans ({patterns});;All files (*)": "扫描件 ({patterns});;所有文件 (*)",
    # Scanner folder offers (ui/capture/offers.py)
    "Add to case": "添加到办件",
    "Dismiss": "忽略",
    "New scan from the scanner: {name}": "扫描仪有新扫描件：{name}",
    "({count} more waiting)": "（另有 {count} 份待处理）",
    # Strip and viewer (ui/capture/strip.py, ui/capture/viewer.py)
    "PDF": "PDF",
    "Image": "图片",
    "{material} · {kind} · {size} KB": "{material} · {kind} · {size} KB",
    "Choose a scan to look at it": "选择一份扫描件查看",
    "Zoom out": "缩小",
    "Zoom in": "放大",
    "Fit": "适合窗口",
    "Opening the scan…": "正在打开扫描件…",
    "This scan cannot be shown: its file is missing or damaged.": (
        "无法显示该扫描件：文件缺失或已损坏。"
    ),
}
