"""Chinese of the start, login and lock screens (ui/session)."""

ZH = {
    # Enrolment on the first start
    "Enrol this counter — Window Clerk": "窗口登记 — 窗口办件",
    "This counter is not enrolled yet. Type the address of the hall registry and the one-time "
    "code from the administrator, or try Window Clerk with the built-in demo registry.": (
        "本窗口尚未登记。请输入大厅中心登记系统的地址和管理员提供的一次性登记码，"
        "或使用内置演示系统试用窗口办件。"
    ),
    "Enrol with the hall registry": "向大厅中心登记系统登记",
    "Use the built-in demo registry": "使用内置演示系统",
    "Registry address": "中心地址",
    "One-time code": "一次性登记码",
    "Enrol": "登记",
    "Enrolling with {url}…": "正在向 {url} 登记…",
    "Starting the built-in demo registry…": "正在启动内置演示系统…",
    "Type the address of the registry, e.g. https://registry.example.gov.cn": (
        "请输入中心登记系统的地址，例如 https://registry.example.gov.cn"
    ),
    "Type the one-time code, e.g. ABCD-EFGH-JKMN.": "请输入一次性登记码，例如 ABCD-EFGH-JKMN。",
    # Login and unlocking
    "Sign in — Window Clerk": "登录 — 窗口办件",
    "Counter {counter}": "窗口 {counter}",
    "Staff number": "工号",
    "Password": "密码",
    "Sign in": "登录",
    "Unlock": "解锁",
    "Checking…": "正在核验…",
    "Online login": "在线登录",
    "Offline login — the registry cannot be reached; the password is checked here": (
        "离线登录 — 暂时无法连接中心，在本窗口核验密码"
    ),
    "Type your staff number.": "请输入工号。",
    "Type your password.": "请输入密码。",
    "Wrong staff number or password.": "工号或密码错误。",
    "Too many failed attempts: try again in {wait}.": "失败次数过多，请 {wait}后再试。",
    "Sign-in refused: {reason}": "登录被拒绝：{reason}",
    "{seconds} s": "{seconds} 秒",
    "{minutes} min": "{minutes} 分钟",
    "{minutes} min {seconds} s": "{minutes} 分 {seconds} 秒",
    # The lock screen
    "Window Clerk — locked": "窗口办件 — 已锁定",
    "Screen locked": "屏幕已锁定",
    "{name} · staff number {staff_id}": "{name} · 工号 {staff_id}",
    "Another staff member (F2)": "其他工作人员登录（F2）",
    "Back (Esc)": "返回（Esc）",
    "Enter: unlock · F2: another staff member": "回车：解锁 · F2：其他工作人员登录",
    "Enter: sign in · Esc: back": "回车：登录 · Esc：返回",
    "Enter: sign in": "回车：登录",
    # Failures
    "The registry cannot be reached. Check the address and the network.": (
        "无法连接中心登记系统，请检查地址和网络。"
    ),
    "The TLS certificate of the registry could not be verified. Check the address "
    "(https://…) and the certificate installed on this computer.": (
        "无法验证中心登记系统的 TLS 证书，请检查地址（https://…）和本机安装的证书。"
    ),
    "This enrolment code is unknown, already used or expired. "
    "Ask the administrator for a new one.": (
        "登记码无效、已使用或已过期，请向管理员索取新的登记码。"
    ),
    "The registry is busy. Please try again in a moment.": "中心登记系统繁忙，请稍后再试。",
    "This Window Clerk is too old for the registry: please update it.": (
        "窗口办件版本过旧，中心登记系统不再支持，请升级。"
    ),
    "The registry refused: {reason}": "中心登记系统拒绝了请求：{reason}",
    "The built-in demo registry did not start: {reason}": "内置演示系统未能启动：{reason}",
    "The data of this counter belong to another counter: {reason}": (
        "本机数据属于另一个窗口：{reason}"
    ),
    "The step failed: {reason}": "操作失败：{reason}",
    "Something unexpected went wrong; the details are in the log.": "发生意外错误，详情见日志。",
}
