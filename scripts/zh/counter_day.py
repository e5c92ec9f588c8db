"""Chinese of the counter day's additions: correcting the materials on the spot (Ctrl+M)."""

ZH = {
    "Correct the materials on the spot: mark the lines, then Ctrl+Enter.": (
        "当场补正材料：标记各项材料后按 Ctrl+Enter。"
    ),
    "Record the materials (Ctrl+Enter)": "登记材料 (Ctrl+Enter)",
    "Materials of case {number} corrected.": "办件 {number} 的材料已更正。",
    "Materials": "材料",
}
