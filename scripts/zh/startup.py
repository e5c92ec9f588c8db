"""Chinese for the strings of the start (issue 6): the sign-in form while the counter connects."""

ZH = {
    "Connecting to the registry…": "正在连接中心登记系统…",
}
