<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Announcer</name>
    <message>
        <location filename="../../ui/queue/announcer.py" line="243"/>
        <source>Number {number}, please go to window {window}</source>
        <translation>请 {number} 号到 {window} 号窗口办理</translation>
    </message>
</context>
<context>
    <name>CallNumberDialog</name>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="229"/>
        <source>Call a number</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="238"/>
        <source>Applicant returned after missing the call</source>
        <translation>过号后返回</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="239"/>
        <source>Priority: elderly, disabled or pregnant</source>
        <translation>优先：老年人、残疾人或孕妇</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="240"/>
        <source>Appointment arrived</source>
        <translation>预约人员到场</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="244"/>
        <source>Ticket number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="245"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../ui/catalogue_view.py" line="24"/>
        <source>On the spot</source>
        <translation>即收即办</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="25"/>
        <source>Same day</source>
        <translation>当日办结</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="26"/>
        <source>Time-limited</source>
        <translation>限时办结</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="27"/>
        <source>Agent service</source>
        <translation>代办服务</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="73"/>
        <source>Code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="74"/>
        <source>Service item</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="75"/>
        <source>Agency</source>
        <translation>实施机关</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="76"/>
        <source>Handling class</source>
        <translation>四办分类</translation>
    </message>
</context>
<context>
    <name>CatalogueView</name>
    <message>
        <location filename="../../ui/catalogue_view.py" line="92"/>
        <source>Find an item by name or code</source>
        <translation>按名称或编码查找事项</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../ui/queue/display.py" line="71"/>
        <source>Hall display</source>
        <translation>叫号显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="101"/>
        <source>Connection to the registry lost — reconnecting…</source>
        <translation>与中心的连接已断开 — 正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="123"/>
        <source>{hall} · Calling</source>
        <translation>{hall} · 叫号信息</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="135"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="139"/>
        <source>Please watch for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="153"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="175"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="237"/>
        <source>{count} waiting</source>
        <translation>等候 {count} 人</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="265"/>
        <source>Please go to {window}</source>
        <translation>请到 {window}办理</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="81"/>
        <source>Ticket kiosk</source>
        <translation>自助取号机</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="114"/>
        <source>Welcome — please take a number</source>
        <translation>欢迎光临 · 请取号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="126"/>
        <source>Choose your service</source>
        <translation>请选择办理业务</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="128"/>
        <source>Loading services…</source>
        <translation>正在加载业务…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="140"/>
        <source>Elderly, disabled or pregnant applicants: please go to the information desk for the green channel. Keep your ticket until your visit is finished.</source>
        <translation>温馨提示：老年人、残疾人、孕妇请到咨询服务台走绿色通道；请保管好号票至办理结束。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="154"/>
        <source>ID number (optional)</source>
        <translation>身份证号码（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="159"/>
        <source>Swipe your ID card or type the number</source>
        <translation>请刷身份证或输入身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="173"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="193"/>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="216"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="248"/>
        <source>Tickets cannot be issued just now. Please ask at the information desk.</source>
        <translation>暂时无法取号，请到咨询服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="278"/>
        <source>This ID number is not valid: {problem}</source>
        <translation>身份证号码有误：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="286"/>
        <source>it must have 18 characters.</source>
        <translation>应为 18 位。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="287"/>
        <source>character {position} is not allowed.</source>
        <translation>第 {position} 位字符无效。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="290"/>
        <source>the region code does not exist.</source>
        <translation>前六位地区码不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="291"/>
        <source>the date of birth is not a real date.</source>
        <translation>出生日期不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="292"/>
        <source>the date of birth is too early.</source>
        <translation>出生日期过早。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="293"/>
        <source>the date of birth is in the future.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="295"/>
        <source>the last character does not match; please check every digit.</source>
        <translation>最后一位校验码不符，请逐位核对。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="298"/>
        <source>please check it.</source>
        <translation>请核对。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="306"/>
        <source>{count} people ahead of you</source>
        <translation>您前面还有 {count} 人等候</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="309"/>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="322"/>
        <source>Please try again.</source>
        <translation>请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="323"/>
        <source>No ticket was issued: {reason}</source>
        <translation>未能取号：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="331"/>
        <source>Estimated wait: not known yet</source>
        <translation>预计等候时间：暂无法估算</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="329"/>
        <source>Estimated wait: you are next</source>
        <translation>预计等候：即将叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="333"/>
        <source>Estimated wait: about {minutes} min</source>
        <translation>预计等候约 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="356"/>
        <source>Please take your ticket.</source>
        <translation>请取走您的号票。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="365"/>
        <source>The ticket could not be printed. Please remember your number; the information desk can print it again.</source>
        <translation>号票打印失败。请记住您的号码，可到咨询服务台补打。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="27"/>
        <source>Window Clerk — service catalogue</source>
        <translation>窗口办件 — 事项目录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="34"/>
        <source>%n service item(s)</source>
        <translation>
            <numerusform>共 %n 个服务事项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="36"/>
        <source>Queue</source>
        <translation>叫号</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="111"/>
        <source>Finish the visit</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="114"/>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="124"/>
        <source>Documents issued during this visit</source>
        <translation>本次办理出具的文书</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="173"/>
        <source>This outcome needs its case: tick the documents of this visit.</source>
        <translation>此办理结果须关联办件：请勾选本次出具的文书。</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="268"/>
        <source>Pause calling</source>
        <translation>暂停叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="270"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="270"/>
        <source>Meeting</source>
        <translation>开会</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="270"/>
        <source>System fault</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="273"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../ui/queue/models.py" line="26"/>
        <source>Window {window}</source>
        <translation>{window} 号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/queue/models.py" line="87"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue/models.py" line="88"/>
        <source>Please go to</source>
        <translation>请到</translation>
    </message>
    <message>
        <location filename="../../ui/queue/models.py" line="147"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/queue/models.py" line="148"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="95"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="96"/>
        <source>One-time correction notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="99"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="100"/>
        <source>Consultation only</source>
        <translation>仅咨询</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="101"/>
        <source>Result handed out</source>
        <translation>出件</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="306"/>
        <source>Call back a parked ticket</source>
        <translation>暂存回呼</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="307"/>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue/panel.py" line="103"/>
        <source>Queue · counter {counter}</source>
        <translation>叫号 · {counter} 窗口</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="107"/>
        <location filename="../../ui/queue/panel.py" line="323"/>
        <source>No current ticket</source>
        <translation>当前无号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="161"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="162"/>
        <source>Call again</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="163"/>
        <source>Start serving</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="164"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="165"/>
        <source>Park</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="166"/>
        <source>Call back parked</source>
        <translation>暂存回呼</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="167"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="168"/>
        <source>Call a number</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="169"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="169"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="170"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="271"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>本窗口暂无等候。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="288"/>
        <source>The queue cannot be reached: {error}</source>
        <translation>无法连接叫号系统：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="293"/>
        <source>The queue failed unexpectedly; the error is in the log.</source>
        <translation>叫号系统意外出错，详情见日志。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="327"/>
        <source>green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="329"/>
        <source>note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="332"/>
        <source>Parked: {numbers}</source>
        <translation>暂存：{numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="339"/>
        <source>called</source>
        <translation>已呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="341"/>
        <source>being served</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="342"/>
        <source>parked</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="354"/>
        <source>Paused ({reason}): resume to call again.</source>
        <translation>已暂停（{reason}）：恢复后方可叫号。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="359"/>
        <source>{number} is not resolved: finish, park or transfer it, or mark it a no-show, before calling the next ticket.</source>
        <translation>{number} 尚未处理完毕：请先办结、暂存、转移或过号，再叫下一号。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync_status.py" line="38"/>
        <source>Connecting to the registry…</source>
        <translation>正在连接中心登记系统…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="45"/>
        <source>%n operation(s) waiting</source>
        <translation>
            <numerusform>%n 项操作待同步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="48"/>
        <source>%n scan(s) waiting</source>
        <translation>
            <numerusform>%n 份扫描件待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="52"/>
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n 项需处理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="55"/>
        <source>clock off by {minutes} min</source>
        <translation>本机时钟偏差 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="63"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="64"/>
        <source>Synchronising…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="65"/>
        <source>Offline — working locally</source>
        <translation>离线 — 本地继续办理</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="66"/>
        <source>Registry busy</source>
        <translation>中心繁忙</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="67"/>
        <source>Not enrolled with the registry</source>
        <translation>本窗口未在中心登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="68"/>
        <source>Update Window Clerk to synchronise</source>
        <translation>请升级窗口办件系统后再同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="70"/>
        <source>Synchronisation error</source>
        <translation>同步出错</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="74"/>
        <source>Last push: {time}</source>
        <translation>最近上传：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="75"/>
        <source>Last pull: {time}</source>
        <translation>最近下载：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="76"/>
        <source>Oldest waiting operation: {time}</source>
        <translation>最早待同步操作：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="82"/>
        <source>Next attempt in {seconds} s</source>
        <translation>{seconds} 秒后重试</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="182"/>
        <source>Transfer the ticket</source>
        <translation>转移号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="184"/>
        <source>(same service)</source>
        <translation>（原业务）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="188"/>
        <source>any counter</source>
        <translation>任一窗口</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="192"/>
        <source>At the front</source>
        <translation>排在最前</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="193"/>
        <source>By original arrival</source>
        <translation>按原取号时间</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="194"/>
        <source>At the end</source>
        <translation>排在最后</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="198"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="199"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="200"/>
        <source>Note for the next clerk</source>
        <translation>给下一窗口的备注</translation>
    </message>
    <message>
        <location filename="../../ui/queue/dialogs.py" line="201"/>
        <source>Place in the queue</source>
        <translation>排队位置</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="113"/>
        <location filename="../../ui/queue/launch.py" line="77"/>
        <source>Window Clerk</source>
        <translation>窗口办件</translation>
    </message>
    <message>
        <location filename="../../ui/queue/launch.py" line="78"/>
        <source>The hall queue is not connected yet: start with --demo-queue.</source>
        <translation>叫号系统尚未接入：请以 --demo-queue 启动。</translation>
    </message>
</context>
</TS>
