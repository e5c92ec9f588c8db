"""Chinese for the trust work (issue 7): staff on every action, four eyes, data at rest."""

ZH = {
    "every action needs the staff member who acts": "每项操作都必须注明办理的工作人员",
    "a one-time rule override": "一次性告知规则的例外批准",
}
