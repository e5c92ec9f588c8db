"""Chinese for the domain's messages (context "clerk", ui/domain_messages.py, ui/errors.py).

Keyed by the English template at the raise site; the Chinese keeps the same {placeholders}
(conversions such as !r included). The domain's words that messages take as parameters — the
`Phrase`s and the values of the enums in WORD_ENUMS of scripts/domain_messages.py — are here
too, worded to fit into the sentences that take them.
"""

ZH = {
    # Words: case states (CaseStatus)
    "receiving": "收件中",
    "received": "已收件",
    "correction_requested": "已一次性告知补正",
    "no_licence_needed": "无需许可",
    "not_accepted": "不予受理",
    "accepted": "已受理",
    "in_review": "审查中",
    "suspended": "特别程序（暂停计时）",
    "decided_approved": "准予许可",
    "decided_refused": "不予许可",
    "completed": "已办结",
    "delivered": "已出件",
    "withdrawn": "已撤回",
    "terminated": "已终止",
    "returned": "已退件",
    "void": "已作废",
    # Words: tickets (TicketState, EventKind) and outcomes (Outcome)
    "waiting": "等候中",
    "called": "已呼叫",
    "serving": "办理中",
    "parked": "已暂存",
    "done": "已办结",
    "missed": "过号",
    "no_show": "未到场",
    "transferred": "已转移",
    "left": "已离开",
    "issued": "取号",
    "recalled": "重呼",
    "started": "开始办理",
    "finished": "办结",
    "correction_notice": "一次性告知",
    "refusal": "不予受理",
    "consultation": "仅咨询",
    "hand_out": "出件",
    # Words: phrases that messages take
    "a one-time rule override": "突破一次性告知规则",
    "a refusal": "不予受理决定",
    "declining a refusal": "驳回不予受理申请",
    "an extension": "延长办理期限",
    "receive": "收件",
    "receive corrections": "接收补正材料",
    "start the review": "开始审查",
    "resume": "恢复计时",
    "be called": "叫号",
    "be recalled": "重呼",
    "start being served": "开始办理",
    "be parked": "暂存",
    "be called back": "取回暂存",
    "be finished": "办结",
    "be marked missed": "标记过号",
    "be transferred": "转移",
    "leave": "离开队列",
    "reasons": "理由",
    "legal basis": "法律依据",
    "recipient": "收件人",
    "address": "地址",
    "tracking number": "快递单号",
    "case id": "办件标识",
    "document": "文书编号",
    # Cases and their rules
    "a case cannot move from {current} to {target}": "办件不能从“{current}”转为“{target}”",
    "a case has a deadline only once accepted": "办件受理后才有办理期限",
    "a correction notice needs at least one deficient material": (
        "一次性告知书至少要列出一项需补正的材料"
    ),
    "a posted result needs its tracking number": "邮寄送达须填写快递单号",
    "a refusal needs its {label}": "不予受理须写明{label}",
    "a refusal request is already waiting for approval": "已有一份不予受理申请在等待批准",
    "a refusal request is pending: a supervisor must decline it first": (
        "有一份不予受理申请待批准：须先由负责人驳回"
    ),
    "a result handed out at the window needs the recipient's identity": (
        "窗口出件须核验领取人身份"
    ),
    "a suspension needs a written reason for the applicant": "暂停计时须向申请人书面说明理由",
    "an extension needs written reasons": "延长期限须书面说明理由",
    "an override needs a reason": "例外批准须说明理由",
    "applicant ID number: {reason}": "申请人证件号码有误：{reason}",
    "cannot accept: {names} must be corrected first": "无法受理：{names}须先补正",
    "cannot {action} a case in state {status}": "办件处于“{status}”状态，无法{action}",
    "case number {number} cannot change to {new_number}": "办件编号 {number} 不能改为 {new_number}",
    "case number {number} is already used by another case": "办件编号 {number} 已被其他办件使用",
    "case {case_id} already exists": "办件 {case_id} 已存在",
    "case {number} was changed meanwhile (version {version} is stored, {expected} was expected): "
    "reload it and apply the change again": (
        "办件 {number} 已被他人修改（已存版本 {version}，预期版本 {expected}）：请重新打开后再操作"
    ),
    "case {number} was not updated": "办件 {number} 未能更新",
    "case {number} was received under item {item} version {version}, not {given_item} version "
    "{given_version}": (
        "办件 {number} 按事项 {item} 第 {version} 版收件，"
        "而非事项 {given_item} 第 {given_version} 版"
    ),
    "case version must grow beyond {expected}": "办件版本须大于 {expected}",
    "item {item} asks for no material {material!r}": "事项 {item} 不需要材料 {material!r}",
    "item {item} has no material {material!r}": "事项 {item} 没有材料 {material!r}",
    "item {item} has no situation {situation!r}": "事项 {item} 没有情形 {situation!r}",
    "item {item} has no special procedure {procedure!r}": (
        "事项 {item} 没有特别程序 {procedure!r}"
    ),
    "item {item} needs a situation to be chosen": "事项 {item} 须先选择办理情形",
    "material {material!r} is not owed by this case": "本办件未容缺材料 {material!r}",
    "materials cannot be recorded in state {status}": "办件处于“{status}”状态，不能登记材料",
    "moving a case to {target} needs a reason": "将办件转为“{target}”须说明理由",
    "no case {case_id}": "没有办件 {case_id}",
    "nothing needs correcting: accept the case instead": "没有需要补正的材料：请直接受理",
    "notice number {number} is already used by this case": "告知书编号 {number} 已被本办件使用",
    "one extension of at most {limit} working days is allowed": (
        "只能延长一次，且不超过 {limit} 个工作日"
    ),
    "one-time rule: the earlier notice did not list {names}; "
    "a supervisor's override with a reason is required": (
        "一次性告知规则：此前的告知书未列出{names}；须经负责人说明理由后例外批准"
    ),
    "only a case in review can be extended": "只有审查中的办件可以延长期限",
    "only a 即办件 is completed on the spot": "只有即办件可以当场办结",
    "owed material {material!r} is fulfilled only by handing it in": (
        "容缺材料 {material!r} 只能通过补交来履行"
    ),
    "the 5-working-day notice limit has passed: deemed accepted": (
        "已超过 5 个工作日的告知期限：视为受理"
    ),
    "the applicant's name is empty": "申请人姓名未填写",
    "the case is closed ({status})": "办件已结束（{status}）",
    "there is no refusal request to approve": "没有待批准的不予受理申请",
    "there is no refusal request to decline": "没有可驳回的不予受理申请",
    "容缺 material is still owed": "仍有容缺材料未补交",
    "容缺 material is still owed; it must arrive before approval": (
        "仍有容缺材料未补交；须在批准前补齐"
    ),
    # Staff and approvals
    "{what} cannot be approved by the person who asked for it": "{what}不能由提出申请的本人批准",
    "{what} needs a supervisor's approval; {name} is a clerk": (
        "{what}须经负责人批准；{name} 是窗口工作人员"
    ),
    # Hand-over
    "a landline number starts with its area code (0…) and has 10 to 12 digits": (
        "固定电话须带区号（0 开头），共 10 至 12 位"
    ),
    "a mobile number has 11 digits and starts with 13 to 19": "手机号码为 11 位，以 13 至 19 开头",
    "a phone number has only digits": "电话号码只能包含数字",
    "an agent collects only with the applicant's authorisation letter": (
        "代领须持申请人的授权委托书"
    ),
    "collector ID number: {reason}": "领取人证件号码有误：{reason}",
    "results of {name} are not sent by post": "{name}的办理结果不提供邮寄送达",
    "the ID number is not the applicant's: an agent collects with the applicant's "
    "authorisation letter": "证件号码不是申请人的：代领须持申请人的授权委托书",
    "the agent's name is empty": "代领人姓名未填写",
    "the phone number is empty": "电话号码未填写",
    "the {label} is empty": "{label}未填写",
    "document {document} is not a document of case {number}": (
        "文书 {document} 不属于办件 {number}"
    ),
    # Ratings (好差评)
    "a bad rating is followed up by someone other than the person rated": (
        "差评须由被评价人以外的人员回访整改"
    ),
    "a bad rating, and only a bad one, opens a follow-up": "只有差评才需要回访整改",
    "a case in state {status} cannot be rated": "办件处于“{status}”状态，不能评价",
    "a follow-up adds its record and changes nothing else": (
        "回访整改只能添加记录，不能改动其他内容"
    ),
    "a follow-up is recorded by a supervisor; {name} is not": (
        "回访整改须由负责人登记；{name} 不是负责人"
    ),
    "a follow-up is recorded by an active supervisor of hall {hall}, not {staff}": (
        "回访整改须由大厅 {hall} 在岗的负责人登记，而非 {staff}"
    ),
    "a follow-up needs a note (at most {limit} characters)": (
        "回访整改须填写说明（不超过 {limit} 个字）"
    ),
    "a follow-up period is between 1 and 30 working days": "回访整改期限为 1 至 30 个工作日",
    "a rating at counter {counter} comes from {panel}": "窗口 {counter} 的评价须来自 {panel}",
    "a rating comes from the applicant panel": "评价须来自申请人评价器",
    "a reason is given twice": "同一原因选择了两次",
    "an applicant panel belongs to a counter": "评价器须属于一个窗口",
    "no bad rating of this case waits for a follow-up": "本办件没有待回访整改的差评",
    "only a bad rating is followed up": "只有差评需要回访整改",
    "only the applicant rates, on the customer-facing panel; staff cannot rate for them": (
        "只能由申请人在评价器上评价；工作人员不能代为评价"
    ),
    "reasons and comments go with 不满意 or 非常不满意 only": (
        "只有“不满意”或“非常不满意”才填写原因和意见"
    ),
    "the comment is longer than {limit} characters": "意见超过 {limit} 个字",
    "this bad rating has already been followed up": "这条差评已回访整改",
    "this case has already been rated (one rating per case)": "本办件已评价（每件只能评价一次）",
    "{intent} cannot change a case's rating": "{intent} 不能改动办件的评价",
    "不满意 and 非常不满意 need at least one reason from the list": (
        "“不满意”和“非常不满意”须至少选择一个原因"
    ),
    # Identity numbers
    "a credit code check needs 17 code characters, got {first17!r}": (
        "计算信用代码校验位需要 17 位代码字符，实际为 {first17!r}"
    ),
    "a resident ID check needs 17 digits, got {given!r}": (
        "计算身份证校验位需要 17 位数字，实际为 {given!r}"
    ),
    "an old-form resident ID number has 15 digits, not {length}": (
        "旧版身份证号码为 15 位，而非 {length} 位"
    ),
    "not a valid 15-digit resident ID number: {reason}": "不是有效的 15 位身份证号码：{reason}",
    # The hall queue
    "a daily cap must allow at least one ticket, not {limit}": "每日限号至少为 1，而非 {limit}",
    "a counter-local number needs the counter's code": "本窗口号须带窗口代码",
    "a counter-local ticket needs the counter that issued it": "本窗口号票须注明出号窗口",
    "a hand-served ticket needs its op id, counter and clerk": (
        "手工办理的号票须有操作标识、窗口和工作人员"
    ),
    "a local ticket cannot have a {kind} event": "本窗口号票不能有“{kind}”事件",
    "a local ticket needs at least its ISSUED event": "本窗口号票至少要有取号事件",
    "a local ticket starts with its counter-local ISSUED event": "本窗口号票须以本窗口取号事件开始",
    "a ticket needs an id and a service": "号票须有标识和业务",
    "a transfer needs a target: a service, a counter or a staff member": (
        "转移须指定去向：业务、窗口或工作人员"
    ),
    "a visit finished as {outcome} must name its case": "办理结果为“{outcome}”时须关联办件",
    "a work profile needs the counter it belongs to": "工作配置须注明所属窗口",
    "an appointment time comes with, and only with, an appointment ticket": (
        "只有预约号票才有预约时间，且预约号票必须有预约时间"
    ),
    "an empty case id or document number was given": "办件标识或文书编号为空",
    "an empty {what} was given": "{what}为空",
    "appointment window and recall cooldown cannot be negative": "预约时段和重呼间隔不能为负",
    "counter code {counter!r} is too long for local ticket numbers": (
        "窗口代码 {counter!r} 太长，不能用于本窗口号"
    ),
    "event of ticket {ticket} among {other}": "号票 {ticket} 的事件混入了 {other} 的事件",
    "hall ticket {number} is {state}": "大厅号票 {number} 当前为“{state}”",
    "hall ticket {number} is {state} at counter {counter}": (
        "大厅号票 {number} 在窗口 {counter} 当前为“{state}”"
    ),
    "long_wait must be a positive duration": "长时间等候的时长须为正数",
    "max_recalls cannot be negative, not {max_recalls}": "最多重呼次数不能为负，而非 {max_recalls}",
    "no counter is open: the wait cannot be estimated": "没有开放的窗口：无法估算等候时间",
    "no local ticket {number} on {day}": "{day} 没有本窗口号票 {number}",
    "queue times must be timezone-aware": "排队时间须带时区",
    "queue {prefix} has reached its daily cap of {limit} tickets": (
        "{prefix} 队列已达到每日限号 {limit} 个"
    ),
    "the target wait cannot be negative": "目标等候时间不能为负",
    "ticket prefix must be 1 to 4 letters A-Z, not {prefix!r}": (
        "号票前缀须为 1 至 4 个大写字母 A-Z，而非 {prefix!r}"
    ),
    "ticket sequence starts at 1, not {seq}": "号票序号从 1 开始，而非 {seq}",
    "ticket {number} can be recalled from {time}, not before": (
        "{number} 号须在 {time} 之后才能重呼"
    ),
    "ticket {number} cannot {action}: it is {state}, not {allowed}": (
        "{number} 号无法{action}：当前为“{state}”，而非“{allowed}”"
    ),
    "ticket {number} changed meanwhile: try again": "{number} 号刚被他人改动：请重试",
    "ticket {number} does not belong to queue {prefix}": "{number} 号不属于 {prefix} 队列",
    "ticket {number} has used all {limit} recalls": "{number} 号已用完 {limit} 次重呼",
    "ticket {number} is at counter {counter}; only it can transfer it": (
        "{number} 号在窗口 {counter}，只有该窗口可以转移"
    ),
    "ticket {number} is at counter {holder}, not counter {counter}": (
        "{number} 号在窗口 {holder}，不在窗口 {counter}"
    ),
    "ticket {number} is not one of counter {counter}'s own": (
        "{number} 号不是窗口 {counter} 自己的号"
    ),
    "ticket {number} is still {state} at counter {counter}: finish, park, transfer or mark it "
    "missed before calling again": (
        "{number} 号在窗口 {counter} 仍为“{state}”：请先办结、暂存、转移或标记过号，再叫下一号"
    ),
    "ticket {number} is {state}, not missed": "{number} 号当前为“{state}”，不是过号",
    "ticket {number} waits for counter {target_counter}": (
        "{number} 号指定由窗口 {target_counter} 办理"
    ),
    "ticket {number} waits for staff member {target_staff}": (
        "{number} 号指定由工作人员 {target_staff} 办理"
    ),
    "ticket {number}: service cannot end before it started": (
        "{number} 号：办理结束时间不能早于开始时间"
    ),
    "ticket {number}: {kind} goes back": "{number} 号：“{kind}”事件的时间倒退",
    "tickets ahead cannot be negative, not {ahead}": "前面等候人数不能为负，而非 {ahead}",
    "weights given for services the counter does not serve: {services}": (
        "为本窗口不办理的业务设置了权重：{services}"
    ),
    "{number!r} is not a counter-local number such as W03-001": (
        "{number!r} 不是 W03-001 这样的本窗口号"
    ),
    "{number!r} is not a ticket number such as A001": "{number!r} 不是 A001 这样的号码",
    "{text!r} is not an outcome": "{text!r} 不是办理结果",
    # Working days and time limits
    "calendar: off_weekdays may only hold Monday to Friday": "工作日历：调休休息日只能是周一至周五",
    "calendar: working_weekends may only hold Saturdays and Sundays": (
        "工作日历：调休上班日只能是周六或周日"
    ),
    "classify: period must not be negative, got {period_working_days}": (
        "期限分类：期限不能为负，实际为 {period_working_days}"
    ),
    "pause: last day {last_day} lies before first day {first_day}": (
        "暂停计时：结束日 {last_day} 早于开始日 {first_day}"
    ),
    "time limit: value must not be negative, got {value}": "时限：数值不能为负，实际为 {value}",
    "times must be timezone-aware": "时间须带时区",
    "warning policy: min_days must not be negative: {min_days}": (
        "预警规则：最少天数不能为负：{min_days}"
    ),
    "warning policy: share must lie in [0, 1], got {share}": (
        "预警规则：比例须在 [0, 1] 之间，实际为 {share}"
    ),
    "working days: n must not be negative, got {n}": "工作日：天数不能为负，实际为 {n}",
    # Catalogue, documents, scans
    "catalogue refused (1 problem): {shown}": "事项目录未被接受（1 个问题）：{shown}",
    "catalogue refused ({count} problems): {shown}": "事项目录未被接受（{count} 个问题）：{shown}",
    "catalogue refused ({count} problems): {shown}; … and {rest} more": (
        "事项目录未被接受（{count} 个问题）：{shown}；……另有 {rest} 个"
    ),
    "no item {item!r} in catalogue {version}": "事项目录 {version} 中没有事项 {item!r}",
    "no item {item} at version {version}": "没有第 {version} 版的事项 {item}",
    "no item {item} in the current catalogue": "当前事项目录中没有事项 {item}",
    "a calendar delivery lists a day twice": "下发的工作日历中有重复的日期",
    "document number {number} was already issued": "文书编号 {number} 已出具过",
    "document {number} refers to case {case_id}, not stored": (
        "文书 {number} 所属的办件 {case_id} 未保存"
    ),
    "no document {number}": "没有文书 {number}",
    "year {year} cannot appear in a document number": "文书编号中不能使用年份 {year}",
    "{text!r} is not a document number (HALL-COUNTER-EPOCH-YEAR-SEQ)": (
        "{text!r} 不是文书编号（大厅-窗口-纪元-年份-序号）"
    ),
    "a scan has 1 to {limit} bytes, not {length}": (
        "扫描件大小须为 1 至 {limit} 字节，而非 {length}"
    ),
    "a scan is named by the SHA-256 of its bytes and is not empty": (
        "扫描件以其内容的 SHA-256 命名，且不能为空"
    ),
    "scan {sha256} is damaged on this disk": "本机磁盘上的扫描件 {sha256} 已损坏",
    "scan {sha256} is not in {root}": "{root} 中没有扫描件 {sha256}",
    "{sha256!r} is not a SHA-256": "{sha256!r} 不是 SHA-256 值",
    "no print job {job_id}": "没有打印任务 {job_id}",
    # The local store
    "SQLite {sqlite_version} is too old; 3.37 or newer is needed": (
        "SQLite {sqlite_version} 版本过旧；需要 3.37 或更新版本"
    ),
    "a UUIDv7 needs a timezone-aware time": "UUIDv7 须使用带时区的时间",
    "a device needs an id and an epoch of at least 0": "设备须有标识，且纪元不小于 0",
    "a read-only unit of work cannot change the store": "只读的工作单元不能修改本地数据",
    "a read-only unit of work cannot commit: it is for reading only": (
        "只读的工作单元不能提交：仅供读取"
    ),
    "a rejection needs the registry's code": "拒绝须带有中心的代码",
    "a status query needs a limit of at least 1": "按状态查询的条数上限至少为 1",
    "a unit of work belongs to the thread that entered it": "工作单元只能在进入它的线程中使用",
    "audit entry {seq} does not follow entry {previous} of chain {chain!r}: it was sealed on an "
    "outdated chain; seal it again": (
        "审计记录 {seq} 未接在链 {chain!r} 的记录 {previous} 之后：它基于过时的链生成，请重新生成"
    ),
    "audit entry {seq} does not match its hash": "审计记录 {seq} 与其哈希值不符",
    "audit time must be timezone-aware": "审计时间须带时区",
    "entry of chain {previous!r} cannot precede chain {chain!r}": (
        "链 {previous!r} 的记录不能排在链 {chain!r} 之前"
    ),
    "not an audit entry: {reason}": "不是审计记录：{reason}",
    "device {name} {value!r} must be upper-case letters and digits": (
        "设备{name} {value!r} 只能包含大写字母和数字"
    ),
    "epoch {new} is not above the current epoch {epoch}": "纪元 {new} 不大于当前纪元 {epoch}",
    "expected version {expected}, found {found}": "预期版本 {expected}，实际为 {found}",
    "limit must be between 1 and {limit}": "条数上限须在 1 至 {limit} 之间",
    "migration steps must be numbered 1, 2, 3 … without gaps": "升级步骤须按 1、2、3……连续编号",
    "no outbox operation {op_id}": "没有待同步操作 {op_id}",
    "search limit must be between 1 and {limit}": "查询条数上限须在 1 至 {limit} 之间",
    "stored JSON is not an object": "存储的 JSON 不是对象",
    "the action was not stored: {reason}": "操作未保存：{reason}",
    "the local store cannot be used: {reason}": "本地数据无法使用：{reason}",
    "the local store is busy, try again: {reason}": "本地数据繁忙，请重试：{reason}",
    "the local store must be a file": "本地数据须为文件",
    "the store cannot use write-ahead logging here (mode {mode})": (
        "本地数据在此无法使用预写日志（模式 {mode}）"
    ),
    "the store has no counter {name!r}": "本地数据中没有计数器 {name!r}",
    "the store's driver is not sqlite3; cannot back it up": "本地数据的驱动不是 sqlite3，无法备份",
    "the unit of work is not entered: use it in a `with` block": (
        "工作单元尚未进入：请在 `with` 语句块中使用"
    ),
    "this counter has no device identity yet: register it first": "本窗口还没有设备身份：请先登记",
    "this store belongs to device {device} ({hall}-{counter}), not to {other_device} "
    "({other_hall}-{other_counter})": (
        "本地数据属于设备 {device}（{hall}-{counter}），"
        "而非 {other_device}（{other_hall}-{other_counter}）"
    ),
    "this store has schema version {current}, but this Window Clerk only knows versions up to "
    "{latest}: install the newer Window Clerk again; the store was left untouched": (
        "本地数据的结构版本为 {current}，本程序只支持到 {latest}：请重新安装较新的窗口办件系统；"
        "本地数据未作改动"
    ),
    "this unit of work is already in use; make one per action": (
        "此工作单元已在使用中；每个操作须单独创建"
    ),
    "upgrading the store to version {version} ({description}) failed and was undone; the store "
    "stays at version {previous}: {reason}": (
        "本地数据升级到版本 {version}（{description}）失败，已撤销；仍为版本 {previous}：{reason}"
    ),
    "{refusal}: {reason}": "{refusal}：{reason}",
    "{state} is not an answer of the registry": "{state} 不是中心的答复",
    "{value!r} is not a UUID": "{value!r} 不是 UUID",
    "{value!r} is not a version 7 UUID": "{value!r} 不是第 7 版 UUID",
    "{what} must be timezone-aware, got {value}": "{what} 须带时区，实际为 {value}",
    # Messages on the wire (sync, registry)
    "cannot decode {kind}: {reason}": "无法解析 {kind}：{reason}",
    "value is not plain JSON: {reason}": "值不是普通 JSON：{reason}",
    "{kind}.{name} is missing": "缺少 {kind}.{name}",
    "{kind}.{name}: expected a list": "{kind}.{name}：应为列表",
    "{kind}.{name}: expected {hint}, got {type}": "{kind}.{name}：应为 {hint}，实际为 {type}",
    "{kind}.{name}: {value} is not allowed": "{kind}.{name}：不允许 {value}",
    "{kind}: expected an object": "{kind}：应为对象",
    "{where}: expected a list": "{where}：应为列表",
    "{where}: expected an object": "{where}：应为对象",
    "{where}: expected {hint}, got {type}": "{where}：应为 {hint}，实际为 {type}",
    "{where}: may not be null": "{where}：不能为空",
    "{where}: {value} is not allowed": "{where}：不允许 {value}",
    "the embedded registry left no enrolment code; see {log}": "内置中心未留下登记码；请查看 {log}",
    "this counter is not enrolled with {url} yet: ask the administrator for a one-time enrolment "
    "code and start with --enrolment-code CODE (or ${variable})": (
        "本窗口尚未在 {url} 登记：请向管理员索取一次性登记码，并用 --enrolment-code 登记码 启动"
        "（或设置 ${variable}）"
    ),
    "this {screen} is not enrolled with {url} yet: ask the administrator for a one-time "
    "enrolment code and start with --enrolment-code CODE (or ${variable})": (
        "此{screen}尚未在 {url} 登记：请向管理员索取一次性登记码，并用 --enrolment-code 登记码 启动"
        "（或设置 ${variable}）"
    ),
    # Counter store backup and restore (clerk/store/backup.py); staff on every action.
    "epoch {epoch} is not above {floor}, the highest epoch this counter used": (
        "纪元 {epoch} 不大于本窗口用过的最大纪元 {floor}"
    ),
    "every action needs the staff member who acts": "每项操作都必须注明办理的工作人员",
    "the backup belongs to counter {other}, this store to {counter}": (
        "该备份属于窗口 {other}，本数据库属于窗口 {counter}"
    ),
    "the backup failed its integrity check: {reason}": "备份未通过完整性检查：{reason}",
    "the store has no device identity: nothing worth backing up": (
        "本地数据库尚无设备身份（未登记），没有需要备份的内容"
    ),
    "the store {path} cannot be read ({reason}): move it aside, then restore": (
        "无法读取本地数据库 {path}（{reason}）：请先将其移走，再恢复"
    ),
    "the store {path} is in use: close the counter first ({reason})": (
        "本地数据库 {path} 正在使用：请先关闭窗口程序（{reason}）"
    ),
    "there is no backup at {path}": "{path} 处没有备份",
    "there is no store at {path}": "{path} 处没有本地数据库",
}
