"""Chinese for the intake widgets (ui/intake/): finder, situation, applicant, checklist, form."""

ZH = {
    # The item finder
    "Item: name, code or pinyin initials (gtgsh)": "事项：名称、编码或拼音首字母（如 gtgsh）",
    "{count} item(s) found": "找到 {count} 个事项",
    "Service item": "服务事项",
    "Code": "事项编码",
    "Agency": "实施机关",
    # The situation
    "Situation": "办理情形",
    "Choose the situation": "请选择办理情形",
    "This item has no situations to choose.": "本事项无需选择情形。",
    # The applicant
    "Applicant type": "申请人类型",
    "Person": "自然人",
    "Organisation": "法人或其他组织",
    "Name": "姓名",
    "Organisation name": "单位名称",
    "ID number": "身份证号码",
    "Unified social credit code": "统一社会信用代码",
    "Legal representative": "法定代表人",
    "Phone": "联系电话",
    "Address": "地址",
    "Too long: {count} characters, it has 18": "位数过多：已输入 {count} 位，应为 18 位",
    "Too short: {count} of 18 characters": "位数不足：已输入 {count} 位，应为 18 位",
    "Character {position} ({found}) is not allowed: digits only, X last": (
        "第 {position} 位字符（{found}）无效：只能是数字，最后一位可为 X"
    ),
    "Region: no province has the code {code} (digits 1–2)": (
        "地区码有误：不存在代码为 {code} 的省份（第 1–2 位）"
    ),
    "Region {region}: a residence permit number starts with {expected}": (
        "地区码 {region} 有误：居住证号码应以 {expected} 开头"
    ),
    "Birth date {date} (digits 7–14) does not exist": "出生日期 {date}（第 7–14 位）不存在",
    "Birth date {date} is before 1900": "出生日期 {date} 早于 1900 年",
    "Birth date {date} is in the future": "出生日期 {date} 晚于今天",
    "Check character should be {expected}, not {found}: a character is mistyped": (
        "校验码应为 {expected}，实为 {found}：有字符输错"
    ),
    "Hong Kong residence permit": "港澳居民居住证（香港）",
    "Macao residence permit": "港澳居民居住证（澳门）",
    "Taiwan residence permit": "台湾居民居住证",
    "Valid {kind}, born {date}": "有效的{kind}，出生日期 {date}",
    "Valid old 15-digit number, born {date}; kept as {number}": (
        "有效的 15 位旧号码，出生日期 {date}；按 {number} 登记"
    ),
    "Valid, born {date}": "有效，出生日期 {date}",
    "Valid credit code": "统一社会信用代码有效",
    "Character {position} ({found}) is not allowed: no I, O, S, V or Z": (
        "第 {position} 位字符（{found}）无效：信用代码不使用 I、O、S、V、Z"
    ),
    "Character {position} must be a digit (3–8 are the region code)": (
        "第 {position} 位应为数字（第 3–8 位为登记管理机关行政区划码）"
    ),
    # The material checklist
    "Material": "材料名称",
    "Requirement": "要求",
    "Acceptance standard": "受理标准",
    "Handed in": "提交方式",
    "Copies": "份数",
    "Issued on": "出具日期",
    "Defect": "问题说明",
    "Check": "审核结果",
    "Original": "原件",
    "Copy": "复印件",
    "Original and copy": "原件和复印件",
    "Electronic file": "电子文件",
    "E-licence": "电子证照",
    "Owed (deferred)": "容缺后补",
    "Commitment instead": "告知承诺",
    "Not provided": "未提供",
    "Electronic material": "电子材料",
    "Required": "必需",
    "Optional": "非必需",
    "Required, may be owed": "必需（可容缺后补）",
    "Not needed here": "本情形不需要",
    "In order": "合格",
    "Fetched as e-licence": "已调取电子证照",
    "Owed under deferral": "容缺后补",
    "Replaced by commitment": "以告知承诺代替",
    "Not needed": "无需提交",
    "Missing": "缺失",
    "Defective": "不符合要求",
    "Material missing": "材料缺失",
    "Not in legal form": "不符合法定形式",
    "Content to correct": "内容需补正",
    "{state}: {problem}": "{state}：{problem}",
    "Needs correction: {count} material line(s) on the one-time notice": (
        "需补正：{count} 项材料列入一次性告知书"
    ),
    "Acceptable with {count} material line(s) owed": "可容缺受理：{count} 项材料容缺后补",
    "Complete: the case can be accepted": "材料齐全，可以受理",
    "{kind} × {copies}": "{kind} {copies} 份",
    "issued within {months} months": "{months} 个月内出具",
    "original checked and returned": "核验原件后退回",
    "signature or seal required": "须签字或盖章",
    "e-licence available": "可调取电子证照",
    "commitment may replace it": "可告知承诺",
    "; ": "；",
    "Keys: Space as asked · O original · C copy · B both · E electronic · L e-licence · "
    "R owed · P commitment · M missing · D defective · +/- copies · I issue date": (
        "按键：空格 按要求提交 · O 原件 · C 复印件 · B 原件和复印件 · E 电子文件 · "
        "L 电子证照 · R 容缺后补 · P 告知承诺 · M 未提供 · D 有问题 · +/- 份数 · I 出具日期"
    ),
    "Choose an item and its situation to see its materials.": (
        "请先选择事项及办理情形，再核对材料。"
    ),
    "Blank form: {form}": "空白表格：{form}",
    # The intake form
    "No item chosen yet.": "尚未选择事项。",
    "Record intake (Ctrl+Enter)": "登记收件（Ctrl+Enter）",
    "1 · Service item": "1 · 服务事项",
    "2 · Situation and applicant": "2 · 办理情形与申请人",
    "3 · Materials": "3 · 申请材料",
    "the service item": "服务事项",
    "the situation": "办理情形",
    "the applicant name": "申请人名称",
    "a valid ID number or credit code": "有效的证件号码或统一社会信用代码",
    "Still needed: {list}": "尚缺：{list}",
    ", ": "、",
}
