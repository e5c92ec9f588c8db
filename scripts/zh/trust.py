"""Chinese for the trust work (issue 7): staff on every action, four eyes, data at rest."""

ZH = {
    "every action needs the staff member who acts": "每项操作都必须注明办理的工作人员",
    "a one-time rule override": "一次性告知规则的例外批准",
    "kept at the registry": "已存于中心登记库",
    "This scan is kept at the registry: this counter let go of its copy after the retention "
    "period.": "此扫描件保存在中心登记库：本窗口的副本已在保留期满后清除。",
    "Writing the diagnostics bundle…": "正在写入诊断包……",
    "Diagnostics saved to {path}": "诊断包已保存到 {path}",
    "The diagnostics bundle could not be written: {reason}": "诊断包无法写入：{reason}",
    "Export diagnostics": "导出诊断信息",
    "Export diagnostics…": "导出诊断信息……",
    "Zip archive (*.zip)": "Zip 压缩包 (*.zip)",
}
