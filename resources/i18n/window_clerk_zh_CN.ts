<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <location filename="../../ui/decisions/accept.py" line="35"/>
        <source>Accept the application</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="45"/>
        <source>Case {number} · {applicant} · {item}</source>
        <translation>办件 {number} · {applicant} · {item}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="56"/>
        <source>&amp;Accept</source>
        <translation>受理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="57"/>
        <source>Owed-material (容缺) &amp;notice…</source>
        <translation>容缺受理告知书(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="58"/>
        <source>Commitment (告知承诺) &amp;letter…</source>
        <translation>告知承诺书(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="59"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="87"/>
        <source>All materials are complete.</source>
        <translation>材料齐全。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="89"/>
        <source>Complete but for material owed under 容缺, due after acceptance.</source>
        <translation>除容缺后补材料外，材料齐全；容缺材料在受理后按期补交。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="92"/>
        <source>Materials must be corrected first: issue a one-time notice instead.</source>
        <translation>材料需先补正：请出具一次性告知书。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="99"/>
        <source>Owed (容缺): {names}</source>
        <translation>容缺后补：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="102"/>
        <source>By commitment (告知承诺): {names}</source>
        <translation>告知承诺：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="116"/>
        <source>Accepting…</source>
        <translation>正在受理…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/accept.py" line="124"/>
        <source>Accepted: case {number}, receipt {receipt}, decision due by {due}.</source>
        <translation>已受理：办件 {number}，回执 {receipt}，应于 {due} 前办结。</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <location filename="../../ui/queue/announcer.py" line="244"/>
        <source>Number {number}, please go to window {window}</source>
        <translation>请 {number} 号到 {window} 号窗口办理</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../ui/intake/applicant.py" line="44"/>
        <source>Person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant.py" line="45"/>
        <source>Organisation</source>
        <translation>法人或其他组织</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant.py" line="69"/>
        <source>Applicant type</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant.py" line="72"/>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant.py" line="78"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant.py" line="79"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant.py" line="144"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant.py" line="144"/>
        <source>Organisation name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant.py" line="146"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/applicant.py" line="146"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
</context>
<context>
    <name>ApplicantStrip</name>
    <message>
        <location filename="../../ui/workbench/strip.py" line="80"/>
        <source>Ticket {number}</source>
        <translation>当前号码 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/strip.py" line="82"/>
        <source>No ticket</source>
        <translation>暂无号码</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/strip.py" line="85"/>
        <source>Applicant not known yet</source>
        <translation>申请人尚未确定</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/strip.py" line="88"/>
        <source>{name} · ID {masked}</source>
        <translation>{name} · 证件号 {masked}</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/strip.py" line="100"/>
        <source>Visit {time}</source>
        <translation>本次办理 {time}</translation>
    </message>
</context>
<context>
    <name>AttentionList</name>
    <message>
        <location filename="../../ui/followup/attention.py" line="169"/>
        <source>Entries stay on this list for the supervisor: they cannot be marked as handled at the counter.</source>
        <translation>以下事项留待首席代表处理，窗口无法标记为已处理。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="195"/>
        <source>Nothing needs attention.</source>
        <translation>暂无需处理事项。</translation>
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
    <name>Capture</name>
    <message>
        <location filename="../../ui/capture/describe.py" line="24"/>
        <source>Scanned ticket {number}</source>
        <translation>已扫描号票 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/describe.py" line="26"/>
        <source>Scanned case number {number}</source>
        <translation>已扫描办件编号 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/describe.py" line="28"/>
        <source>Scanned document number {number}</source>
        <translation>已扫描文书编号 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/describe.py" line="32"/>
        <source>Scanned e-licence {type}</source>
        <translation>已扫描电子证照 {type}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/describe.py" line="39"/>
        <source>Scanned credit code {number}</source>
        <translation>已扫描统一社会信用代码 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/describe.py" line="41"/>
        <source>Scanned ID number {number}</source>
        <translation>已扫描身份证号码 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/describe.py" line="48"/>
        <source>The scanned ID number or credit code is not valid.</source>
        <translation>扫描的证件号码或统一社会信用代码无效。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/describe.py" line="50"/>
        <source>The scanned link holds none of our case numbers.</source>
        <translation>扫描的链接中没有本系统的办件编号。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/describe.py" line="51"/>
        <source>The scanned code is not one the counter knows.</source>
        <translation>无法识别扫描的条码。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/strip.py" line="99"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../ui/capture/strip.py" line="100"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/capture/strip.py" line="138"/>
        <source>kept at the registry</source>
        <translation>已存于中心登记库</translation>
    </message>
    <message>
        <location filename="../../ui/capture/strip.py" line="143"/>
        <source>{material} · {kind} · {size} KB</source>
        <translation>{material} · {kind} · {size} KB</translation>
    </message>
    <message>
        <location filename="../../ui/capture/validate.py" line="177"/>
        <source>{name} cannot be opened (it was moved, or access is denied).</source>
        <translation>无法打开 {name}（文件已被移走，或没有访问权限）。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/validate.py" line="180"/>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/validate.py" line="181"/>
        <source>{name} is too large: a scan may have at most {limit} MB.</source>
        <translation>{name} 太大：扫描件最大 {limit} MB。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/validate.py" line="184"/>
        <source>{name} is not a scan: only PNG, JPEG and TIFF images and PDF files can be kept.</source>
        <translation>{name} 不是扫描件：只能保存 PNG、JPEG、TIFF 图片和 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/validate.py" line="188"/>
        <source>{name} is a damaged or incomplete image and cannot be shown.</source>
        <translation>{name} 图片已损坏或不完整，无法显示。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/validate.py" line="191"/>
        <source>{name} is a damaged PDF and cannot be opened.</source>
        <translation>{name} 是损坏的 PDF，无法打开。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/validate.py" line="194"/>
        <source>{name} is incomplete: the file ends too early (was it still being saved?).</source>
        <translation>{name} 不完整：文件提前结束（是否仍在保存中？）。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/validate.py" line="197"/>
        <source>{name} is protected by a password; save it without one and try again.</source>
        <translation>{name} 设有密码保护，请另存为无密码文件后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/validate.py" line="200"/>
        <source>{name} has no pages.</source>
        <translation>{name} 没有任何页面。</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <location filename="../../ui/capture/controller.py" line="168"/>
        <source>Open a case before adding scans.</source>
        <translation>请先打开办件，再添加扫描件。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/controller.py" line="171"/>
        <source>{name} was not added: choose the material it shows first.</source>
        <translation>未添加 {name}：请先选择它对应的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/controller.py" line="200"/>
        <source>{name} was not kept: {reason}</source>
        <translation>未能保存 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/controller.py" line="205"/>
        <source>The scans of this case cannot be listed: {reason}</source>
        <translation>无法列出本办件的扫描件：{reason}</translation>
    </message>
</context>
<context>
    <name>CaseDesk</name>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="153"/>
        <source>Next scan shows:</source>
        <translation>下一份扫描件为：</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="154"/>
        <source>Next applicant (Ctrl+N)</source>
        <translation>下一位申请人 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="182"/>
        <source>Sign in before recording an intake.</source>
        <translation>请先登录，再登记收件。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="187"/>
        <source>Recording the intake…</source>
        <translation>正在登记收件…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="199"/>
        <source>Case {number} opened for {name}.</source>
        <translation>已为 {name} 创建办件 {number}。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="204"/>
        <source>Intake</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="268"/>
        <source>Receiving the materials…</source>
        <translation>正在收件…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="271"/>
        <source>Materials voucher</source>
        <translation>材料收取凭证</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="301"/>
        <source>Case {number} · {item} · {status}</source>
        <translation>办件 {number} · {item} · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/case_desk.py" line="327"/>
        <source>The scanner&apos;s folder cannot be read: {reason}</source>
        <translation>无法读取扫描仪文件夹：{reason}</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../ui/followup/case_page.py" line="115"/>
        <source>Case details</source>
        <translation>办件信息</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="125"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="126"/>
        <source>Service item</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="127"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="128"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="129"/>
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="133"/>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="139"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="142"/>
        <source>Reprint copy (Ctrl+P)</source>
        <translation>补打副本（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="144"/>
        <source>Preview (Enter)</source>
        <translation>预览（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="171"/>
        <source>Opening the case…</source>
        <translation>正在打开办件…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="211"/>
        <source>Choose a document to reprint.</source>
        <translation>请选择要补打的文书。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="221"/>
        <source>A copy of {number} is queued for the printer.</source>
        <translation>{number} 的副本已加入打印队列。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="231"/>
        <source>Choose a document to preview.</source>
        <translation>请选择要预览的文书。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="234"/>
        <source>Preparing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_page.py" line="252"/>
        <source>Preview: {kind} {number}</source>
        <translation>预览：{kind} {number}</translation>
    </message>
</context>
<context>
    <name>CaseSearch</name>
    <message>
        <location filename="../../ui/followup/search.py" line="97"/>
        <source>Case or document number, ID number, phone or name</source>
        <translation>办件编号、文书编号、证件号码、电话或姓名</translation>
    </message>
    <message>
        <location filename="../../ui/followup/search.py" line="101"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/followup/search.py" line="128"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../ui/followup/search.py" line="155"/>
        <source>No case found.</source>
        <translation>未找到办件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followup/search.py" line="157"/>
        <source>%n case(s) found. Press Enter to open the selected one.</source>
        <translation>
            <numerusform>找到 %n 件，按回车键打开所选办件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../../ui/catalogue_view.py" line="25"/>
        <source>On the spot</source>
        <translation>即收即办</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="26"/>
        <source>Same day</source>
        <translation>当日办结</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="27"/>
        <source>Time-limited</source>
        <translation>限时办结</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="28"/>
        <source>Agent service</source>
        <translation>代办服务</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="81"/>
        <source>Code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="82"/>
        <source>Service item</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="83"/>
        <source>Agency</source>
        <translation>实施机关</translation>
    </message>
    <message>
        <location filename="../../ui/catalogue_view.py" line="84"/>
        <source>Handling class</source>
        <translation>四办分类</translation>
    </message>
</context>
<context>
    <name>CatalogueView</name>
    <message>
        <location filename="../../ui/catalogue_view.py" line="119"/>
        <source>Find an item by name or code</source>
        <translation>按名称或编码查找事项</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="210"/>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="211"/>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="212"/>
        <source>Handed in</source>
        <translation>提交方式</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="213"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="214"/>
        <source>Issued on</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="215"/>
        <source>Defect</source>
        <translation>问题说明</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="216"/>
        <source>Check</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist_model.py" line="217"/>
        <source>Acceptance standard</source>
        <translation>受理标准</translation>
    </message>
</context>
<context>
    <name>ClerkLabel</name>
    <message>
        <location filename="../../ui/workbench/status.py" line="85"/>
        <source>Nobody signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/status.py" line="88"/>
        <source>Clerk {name} ({staff})</source>
        <translation>窗口人员 {name}（{staff}）</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="165"/>
        <source>Commitment instead of a certificate (告知承诺)</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="166"/>
        <source>Tick the materials the commitment replaces.</source>
        <translation>请勾选以申请人承诺替代的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="167"/>
        <source>The applicant agrees and will sign the 告知承诺 &amp;letter</source>
        <translation>申请人同意并签署告知承诺书(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="174"/>
        <source>This item allows no 告知承诺 for this case.</source>
        <translation>本事项本情形不适用告知承诺。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="178"/>
        <source>The agency checks the commitment later; a false commitment revokes the decision and is recorded in the credit record of the applicant.</source>
        <translation>行政机关将对承诺内容进行核查；承诺不实的，依法撤销相关决定并记入信用记录。</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="47"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="52"/>
        <source>Window shown to applicants</source>
        <translation>向办事群众显示的窗口名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="53"/>
        <source>Hall name shown</source>
        <translation>显示的大厅名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="56"/>
        <source>Applicants hear and see the window&apos;s name when they are called, e.g. “Window 5”. Leave a field empty to use the name the registry gives.</source>
        <translation>叫号时办事群众听到和看到的窗口名称，例如“5号窗口”。留空则使用中心登记系统提供的名称。</translation>
    </message>
</context>
<context>
    <name>CredentialsForm</name>
    <message>
        <location filename="../../ui/session/form.py" line="47"/>
        <location filename="../../ui/session/form.py" line="77"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/session/form.py" line="56"/>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/session/form.py" line="59"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/session/form.py" line="77"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/session/form.py" line="95"/>
        <source>Connecting to the registry…</source>
        <translation>正在连接中心登记系统…</translation>
    </message>
    <message>
        <location filename="../../ui/session/form.py" line="107"/>
        <source>Type your staff number.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <location filename="../../ui/session/form.py" line="110"/>
        <source>Type your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/session/form.py" line="113"/>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location filename="../../ui/session/form.py" line="144"/>
        <source>Online login</source>
        <translation>在线登录</translation>
    </message>
    <message>
        <location filename="../../ui/session/form.py" line="149"/>
        <source>Offline login — the registry cannot be reached; the password is checked here</source>
        <translation>离线登录 — 暂时无法连接中心，在本窗口核验密码</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../ui/customer_panel.py" line="79"/>
        <source>Service rating</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="101"/>
        <source>Saving your rating…</source>
        <translation>正在提交评价…</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="114"/>
        <source>{hall} · Window {counter}</source>
        <translation>{hall} · {counter} 号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="127"/>
        <source>Welcome</source>
        <translation>欢迎您</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="130"/>
        <source>You can rate our service here when your matter is done</source>
        <translation>业务办理完毕后，请在此对我们的服务进行评价</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="138"/>
        <source>How satisfied are you with our service?</source>
        <translation>请您对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="156"/>
        <source>Please tell us why (choose one or more)</source>
        <translation>请选择不满意的原因（可多选）</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="170"/>
        <source>Anything else you want to tell us (optional)</source>
        <translation>其他意见或建议（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="178"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="180"/>
        <source>Submit</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="205"/>
        <source>Served by {name} · No. {number}</source>
        <translation>工作人员 {name} · 工号 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="214"/>
        <source>Ticket {number}</source>
        <translation>当前号码 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/customer_panel.py" line="228"/>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="152"/>
        <location filename="../../ui/workbench/decision_bar.py" line="164"/>
        <source>One-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="153"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="154"/>
        <source>Owed material (容缺)</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="155"/>
        <source>Commitment (告知承诺)</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="156"/>
        <source>Refusal request</source>
        <translation>申请不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="157"/>
        <source>Complete on the spot</source>
        <translation>即办办结</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="158"/>
        <source>Hand out</source>
        <translation>出件</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="165"/>
        <source>Acceptance receipt</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="166"/>
        <source>Refusal notice</source>
        <translation>不予受理告知书</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="167"/>
        <location filename="../../ui/workbench/decision_bar.py" line="168"/>
        <source>Hand-over record</source>
        <translation>出件登记</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/decision_bar.py" line="170"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../ui/decisions/labels.py" line="30"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="31"/>
        <source>Not in legal form</source>
        <translation>不符合法定形式</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="32"/>
        <source>Content to correct</source>
        <translation>内容需补正</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="40"/>
        <location filename="../../ui/decisions/labels.py" line="56"/>
        <source>the application is deemed withdrawn</source>
        <translation>视为撤回申请</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="43"/>
        <source>the application is not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="46"/>
        <source>the materials are returned</source>
        <translation>退回材料</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="59"/>
        <source>the procedure is terminated</source>
        <translation>终止办理</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="70"/>
        <source>{day} (provisional)</source>
        <translation>{day}（暂定）</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="79"/>
        <source>Enter the ID number.</source>
        <translation>请输入身份证号码。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="80"/>
        <source>An ID number has 18 characters (15 for an old one).</source>
        <translation>身份证号码应为 18 位（旧证为 15 位）。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="83"/>
        <source>Character {found} at position {position} is not allowed.</source>
        <translation>第 {position} 位的字符 {found} 无效。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="86"/>
        <source>{found} is not a region code.</source>
        <translation>{found} 不是有效的地区代码。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="87"/>
        <source>{found} is not a date of birth.</source>
        <translation>{found} 不是有效的出生日期。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="90"/>
        <source>The date of birth {found} is too early.</source>
        <translation>出生日期 {found} 过早。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="93"/>
        <source>The date of birth {found} is in the future.</source>
        <translation>出生日期 {found} 晚于今天。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="96"/>
        <source>The check character is wrong: mistyped?</source>
        <translation>校验码不符，请核对是否输错。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="105"/>
        <source>The printer failed: {reason}. The document stays in the print queue and prints when the printer works again; nothing is lost.</source>
        <translation>打印机故障：{reason}。文书仍在打印队列中，打印机恢复后将自动打印，不会丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="121"/>
        <source>Something went wrong; the error is in the log. Nothing was saved.</source>
        <translation>发生意外错误，详情已记入日志，本次操作未保存。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="129"/>
        <source>Too many failed attempts: try again in {seconds} s.</source>
        <translation>尝试失败次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="132"/>
        <source>Wrong staff number or password.</source>
        <translation>工号或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="137"/>
        <source>Not allowed: {message}</source>
        <translation>无权操作：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="139"/>
        <source>The rules do not allow this: {message}</source>
        <translation>按规定不能办理：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="141"/>
        <source>Please check the entry: {message}</source>
        <translation>请核对输入：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="143"/>
        <source>Not found: {message}</source>
        <translation>未找到：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/labels.py" line="144"/>
        <source>Not done: {message}</source>
        <translation>未能办理：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="43"/>
        <source>If the applicant disagrees, they may apply for administrative review (行政复议) to {body} within {days} days of receiving the notice, or bring an administrative lawsuit (行政诉讼) at {court} within {months} months.</source>
        <translation>申请人如不服，可以自收到告知书之日起 {days} 日内向{body}申请行政复议，也可以在 {months} 个月内向{court}提起行政诉讼。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="59"/>
        <source>Case {number} · {applicant} · {item}</source>
        <translation>办件 {number} · {applicant} · {item}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="62"/>
        <source>Reasons: {text}</source>
        <translation>理由：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="63"/>
        <source>Facts: {text}</source>
        <translation>事实：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="64"/>
        <source>Legal basis: {text}</source>
        <translation>法律依据：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="67"/>
        <source>Asked by: {staff}</source>
        <translation>经办人：{staff}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="73"/>
        <source>Competent agency: {name}</source>
        <translation>有权机关：{name}</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../ui/workbench/diagnostics.py" line="61"/>
        <source>Writing the diagnostics bundle…</source>
        <translation>正在写入诊断包……</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/diagnostics.py" line="75"/>
        <source>Diagnostics saved to {path}</source>
        <translation>诊断包已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/diagnostics.py" line="83"/>
        <source>The diagnostics bundle could not be written: {reason}</source>
        <translation>诊断包无法写入：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/diagnostics.py" line="92"/>
        <source>Export diagnostics</source>
        <translation>导出诊断信息</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/diagnostics.py" line="94"/>
        <source>Zip archive (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
</context>
<context>
    <name>DisplayPage</name>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="109"/>
        <source>Display</source>
        <translation>显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="114"/>
        <source>Calls kept on the board</source>
        <translation>屏幕保留的叫号条数</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="115"/>
        <source>Times each call is announced</source>
        <translation>每次叫号播报次数</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="116"/>
        <source>Speak the calls (off: chime only)</source>
        <translation>语音播报叫号（关闭则只响提示音）</translation>
    </message>
</context>
<context>
    <name>DocumentCamera</name>
    <message>
        <location filename="../../ui/capture/camera.py" line="63"/>
        <source>Capture from document camera</source>
        <translation>高拍仪拍摄</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="86"/>
        <source>No document camera is connected to this computer.</source>
        <translation>本机未连接高拍仪。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="88"/>
        <source>Take a picture with {camera} for the current case.</source>
        <translation>用 {camera} 为当前办件拍摄材料。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="139"/>
        <source>The document camera took no picture: {reason}</source>
        <translation>高拍仪未能拍摄：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="147"/>
        <source>The document camera does not work: {reason}</source>
        <translation>高拍仪无法工作：{reason}</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <location filename="../../ui/decisions/document.py" line="45"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/document.py" line="60"/>
        <source>Preparing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/document.py" line="66"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/document.py" line="79"/>
        <source>Document {number}: {pages} page(s).</source>
        <translation>文书 {number}：共 {pages} 页。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/document.py" line="103"/>
        <source>Printed {number}.</source>
        <translation>{number} 已打印。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/document.py" line="109"/>
        <source>The printer failed: {reason}. Print again once it works.</source>
        <translation>打印机故障：{reason}。请在打印机恢复后重新打印。</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <location filename="../../ui/session/enrolment.py" line="77"/>
        <source>Enrol this counter — Window Clerk</source>
        <translation>窗口登记 — 窗口办件</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="81"/>
        <source>Enrol with the hall registry</source>
        <translation>向大厅中心登记系统登记</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="82"/>
        <source>Use the built-in demo registry</source>
        <translation>使用内置演示系统</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="90"/>
        <source>Enrol</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="101"/>
        <source>This counter is not enrolled yet. Type the address of the hall registry and the one-time code from the administrator, or try Window Clerk with the built-in demo registry.</source>
        <translation>本窗口尚未登记。请输入大厅中心登记系统的地址和管理员提供的一次性登记码，或使用内置演示系统试用窗口办件。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="110"/>
        <source>Registry address</source>
        <translation>中心地址</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="111"/>
        <source>One-time code</source>
        <translation>一次性登记码</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="143"/>
        <source>Type the address of the registry, e.g. https://registry.example.gov.cn</source>
        <translation>请输入中心登记系统的地址，例如 https://registry.example.gov.cn</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="149"/>
        <source>Type the one-time code, e.g. ABCD-EFGH-JKMN.</source>
        <translation>请输入一次性登记码，例如 ABCD-EFGH-JKMN。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="156"/>
        <source>Starting the built-in demo registry…</source>
        <translation>正在启动内置演示系统…</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrolment.py" line="158"/>
        <source>Enrolling with {url}…</source>
        <translation>正在向 {url} 登记…</translation>
    </message>
</context>
<context>
    <name>FileDropArea</name>
    <message>
        <location filename="../../ui/capture/files.py" line="49"/>
        <source>Drop scans here (PNG, JPEG, TIFF or PDF)</source>
        <translation>将扫描件拖放到此处（PNG、JPEG、TIFF 或 PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/capture/files.py" line="51"/>
        <source>Pick files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/files.py" line="52"/>
        <source>Choose scans saved on this computer or the network</source>
        <translation>选择保存在本机或网络上的扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/capture/files.py" line="64"/>
        <source>Choose scans</source>
        <translation>选择扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/capture/files.py" line="66"/>
        <source>Scans ({patterns});;All files (*)</source>
        <translation>扫描件 ({patterns});;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../ui/follow_ups.py" line="69"/>
        <source>Record the follow-up of case {number}</source>
        <translation>登记办件 {number} 的整改回访</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="73"/>
        <source>Rated {level} by {name} ({phone}): {reasons}</source>
        <translation>{name}（{phone}）评价为“{level}”：{reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="84"/>
        <source>What was rectified, and what the applicant said when called back</source>
        <translation>整改情况及回访申请人的结果</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="87"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="88"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FollowUpList</name>
    <message>
        <location filename="../../ui/follow_ups.py" line="135"/>
        <source>Bad-rating follow-up</source>
        <translation>差评整改回访</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="146"/>
        <source>Show followed-up ratings too</source>
        <translation>同时显示已完成的</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="148"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="150"/>
        <source>Record follow-up…</source>
        <translation>登记整改回访…</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="192"/>
        <source>{open} open, {overdue} overdue</source>
        <translation>待处理 {open} 件，已超期 {overdue} 件</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="245"/>
        <source>Only a supervisor records a follow-up.</source>
        <translation>只有首席代表（负责人）可以登记整改回访。</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <location filename="../../ui/follow_up_model.py" line="33"/>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="34"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="35"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="36"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="37"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="38"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="39"/>
        <source>Clerk</source>
        <translation>被评价人员</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="40"/>
        <source>Rated</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="41"/>
        <source>Due</source>
        <translation>整改回访期限</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="42"/>
        <source>Follow-up</source>
        <translation>整改回访</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="49"/>
        <source>Done by {who}</source>
        <translation>已完成（{who}）</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="51"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="52"/>
        <source>Open</source>
        <translation>待整改回访</translation>
    </message>
    <message>
        <location filename="../../ui/follow_up_model.py" line="115"/>
        <source>{date} (provisional)</source>
        <translation>{date}（暂定）</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="56"/>
        <source>The follow-up list could not be loaded: {reason}</source>
        <translation>差评整改回访清单加载失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups.py" line="58"/>
        <source>The follow-up was not recorded: {reason}</source>
        <translation>整改回访未能登记：{reason}</translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message>
        <location filename="../../ui/followup/attention.py" line="55"/>
        <source>The case was changed at the registry (back office or another counter) after this counter last saw it, so this step was not applied there.</source>
        <translation>本窗口上次同步后，该办件已在中心（后台或其他窗口）发生变更，此操作未在中心生效。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="59"/>
        <source>At the registry the case had already moved past this step, so it cannot apply.</source>
        <translation>该办件在中心已进入后续环节，此操作无法生效。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="62"/>
        <source>A number this counter gave out is already used at the registry.</source>
        <translation>本窗口发出的编号在中心已被占用。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="65"/>
        <source>The registry could not verify the audit trail entry of this step.</source>
        <translation>中心无法核验该环节的留痕记录。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="67"/>
        <source>The registry does not know this case.</source>
        <translation>中心没有该办件的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="68"/>
        <source>The case belongs to another hall.</source>
        <translation>该办件属于其他大厅。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="69"/>
        <source>The registry could not read this step.</source>
        <translation>中心无法读取此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="71"/>
        <source>The registry does not understand the software version of this counter.</source>
        <translation>中心无法识别本窗口的软件版本。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="73"/>
        <source>The registry rejected this step.</source>
        <translation>中心拒绝了此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="78"/>
        <source>Open the case: it now shows the state held by the registry. Do the step again if it is still needed, and tell the applicant if anything changed.</source>
        <translation>请打开办件（现已显示中心的状态），如仍需要请重新办理该环节，如有变化请告知申请人。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="82"/>
        <source>Open the case, check its status and tell the applicant what it means.</source>
        <translation>请打开办件核对状态，并向申请人说明。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="85"/>
        <source>Tell the supervisor: the numbering of this counter must be checked. Do not hand the document out again.</source>
        <translation>请报告首席代表核查本窗口编号，不要再次发放该文书。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="89"/>
        <source>Tell the supervisor at once: the trail of this counter may be damaged or altered.</source>
        <translation>请立即报告首席代表：本窗口的留痕记录可能已损坏或被改动。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="92"/>
        <source>Tell the supervisor; the case may come from a counter that was reset.</source>
        <translation>请报告首席代表，该办件可能来自已重置的窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="94"/>
        <source>Tell the supervisor; do not go on with the case here.</source>
        <translation>请报告首席代表，本窗口不要继续办理。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="96"/>
        <source>Tell the supervisor; the counter software may need an update.</source>
        <translation>请报告首席代表，窗口软件可能需要升级。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="99"/>
        <source>Tell the supervisor: the registry or the counter needs an update.</source>
        <translation>请报告首席代表：中心或窗口软件需要升级。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="101"/>
        <source>Tell the supervisor.</source>
        <translation>请报告首席代表。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="115"/>
        <source>Acted at</source>
        <translation>操作时间</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="119"/>
        <location filename="../../ui/followup/deadlines.py" line="90"/>
        <location filename="../../ui/followup/search.py" line="32"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="120"/>
        <location filename="../../ui/followup/case_parts.py" line="115"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="121"/>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="123"/>
        <source>Status now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="222"/>
        <source>{step} on case {number}, {time}</source>
        <translation>{time} 办件 {number}：{step}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="227"/>
        <source>What happened: {text}</source>
        <translation>情况：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="228"/>
        <source>What to do: {text}</source>
        <translation>处理：{text}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/attention.py" line="229"/>
        <source>The registry said ({code}): {reason}</source>
        <translation>中心答复（{code}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="38"/>
        <source>Due {date} · {left}</source>
        <translation>{date} 到期 · {left}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="42"/>
        <source>{deadline} (provisional: holidays not known yet)</source>
        <translation>{deadline}（暂定：节假日安排尚未公布）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="47"/>
        <source>Accept or give the one-time notice by {date}</source>
        <translation>请于 {date} 前受理或出具一次性告知书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="51"/>
        <source>Waiting for corrections from the applicant</source>
        <translation>等待申请人补正材料</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="52"/>
        <source>No time limit is running</source>
        <translation>当前无计时</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="69"/>
        <source>Materials: {ok} of {total} in order</source>
        <translation>材料：{total} 项中 {ok} 项齐全</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="76"/>
        <source>To correct: {name} {reason}</source>
        <translation>需补正：{name} {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="82"/>
        <source>By commitment: {name}</source>
        <translation>告知承诺：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="89"/>
        <source>Owed (deferred) by {date}: {name}</source>
        <translation>容缺后补（{date} 前）：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="95"/>
        <source>One-time notices: {numbers}</source>
        <translation>一次性告知书：{numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="106"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="111"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="120"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="123"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="130"/>
        <source>{step} — trail entry altered!</source>
        <translation>{step} — 留痕记录被改动！</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="134"/>
        <source>{step} (recorded at the registry)</source>
        <translation>{step}（中心记录）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="149"/>
        <source>Document number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="151"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/case_parts.py" line="155"/>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="81"/>
        <source>Group</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="85"/>
        <source>Time left</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="87"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="91"/>
        <location filename="../../ui/followup/search.py" line="34"/>
        <source>Service item</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="93"/>
        <location filename="../../ui/followup/search.py" line="37"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="96"/>
        <location filename="../../ui/followup/search.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="100"/>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="239"/>
        <source>To watch ({count})</source>
        <translation>需关注（{count}）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="240"/>
        <source>Overdue ({count})</source>
        <translation>已超期（{count}）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="241"/>
        <source>Due soon ({count})</source>
        <translation>即将到期（{count}）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="242"/>
        <source>Suspended ({count})</source>
        <translation>暂停计时（{count}）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/deadlines.py" line="243"/>
        <source>On track ({count})</source>
        <translation>正常（{count}）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/errors.py" line="26"/>
        <source>The local store is busy. Please try again in a moment.</source>
        <translation>本地数据库忙，请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/errors.py" line="30"/>
        <source>Not found: {reason}</source>
        <translation>未找到：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/errors.py" line="38"/>
        <source>Something went wrong; the error is in the log. Please tell the supervisor.</source>
        <translation>出现错误，详情已记入日志，请报告首席代表。</translation>
    </message>
    <message>
        <location filename="../../ui/followup/search.py" line="40"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/followup/search.py" line="44"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/followup/search.py" line="53"/>
        <source>Received at</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../../ui/followup/search.py" line="63"/>
        <source>{number} (via {document})</source>
        <translation>{number}（经文书 {document}）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="31"/>
        <source>Being received</source>
        <translation>收件中</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="32"/>
        <source>Received</source>
        <translation>已收件</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="33"/>
        <source>Waiting for corrections</source>
        <translation>待补正</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="36"/>
        <source>No licence needed</source>
        <translation>无需许可</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="37"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="38"/>
        <source>Accepted, time running</source>
        <translation>已受理（计时中）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="39"/>
        <source>In review</source>
        <translation>审查中</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="40"/>
        <source>Suspended (clock paused)</source>
        <translation>特别程序（暂停计时）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="41"/>
        <source>Approved</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="42"/>
        <source>Refused</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="43"/>
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="44"/>
        <source>Result delivered</source>
        <translation>已出件</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="45"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="46"/>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="47"/>
        <source>Returned</source>
        <translation>已退件</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="48"/>
        <source>Void (entry error)</source>
        <translation>已作废（录入错误）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="56"/>
        <source>Case opened</source>
        <translation>创建办件</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="57"/>
        <source>Materials recorded</source>
        <translation>登记材料</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="58"/>
        <source>Materials received</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="59"/>
        <source>Applicant came back</source>
        <translation>申请人再次到窗口</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="60"/>
        <source>Corrections received</source>
        <translation>收到补正材料</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="61"/>
        <source>One-time correction notice issued</source>
        <translation>出具一次性告知书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="64"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="65"/>
        <source>Refusal requested</source>
        <translation>申请不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="66"/>
        <source>Refusal approved by a supervisor</source>
        <translation>首席代表批准不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="69"/>
        <source>Refusal declined by a supervisor</source>
        <translation>首席代表驳回不予受理申请</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="72"/>
        <source>Completed on the spot</source>
        <translation>即办办结</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="73"/>
        <source>Result handed out</source>
        <translation>出件</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="74"/>
        <source>Voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="75"/>
        <source>Withdrawn by the applicant</source>
        <translation>申请人撤回</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="76"/>
        <source>Document reprinted</source>
        <translation>补打文书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="77"/>
        <source>Scan attached</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="78"/>
        <source>Status changed elsewhere</source>
        <translation>状态在他处变更</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="87"/>
        <source>Document {number} reprinted (copy {copy})</source>
        <translation>补打文书 {number}（第 {copy} 份副本）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="92"/>
        <source>{step} → {status}</source>
        <translation>{step} → {status}</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="101"/>
        <source>System (time limit)</source>
        <translation>系统（时限届满）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="103"/>
        <source>{name} ({staff})</source>
        <translation>{name}（{staff}）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="112"/>
        <source>Materials receipt voucher</source>
        <translation>收件凭证</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="113"/>
        <source>Correction notice</source>
        <translation>一次性告知书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="114"/>
        <source>Acceptance receipt</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="115"/>
        <source>Refusal notice</source>
        <translation>不予受理告知书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="116"/>
        <source>Result hand-out record</source>
        <translation>出件登记</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="117"/>
        <source>Deferred-material notice</source>
        <translation>容缺受理告知书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="118"/>
        <source>Commitment letter</source>
        <translation>告知承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="126"/>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="127"/>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="128"/>
        <source>Suspended</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="129"/>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="139"/>
        <source>Overdue since {date}</source>
        <translation>已超期（{date} 到期）</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="142"/>
        <source>Overdue by %n working day(s)</source>
        <translation>已超期 %n 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="144"/>
        <source>Paused · %n working day(s) left</source>
        <translation>暂停计时 · 剩余 %n 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="146"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="147"/>
        <source>%n working day(s) left</source>
        <translation>剩余 %n 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="153"/>
        <source>Type a case or document number, an ID number, a phone or a name</source>
        <translation>请输入办件编号、文书编号、证件号码、电话或姓名</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="156"/>
        <source>Searching by case or document number</source>
        <translation>按办件编号或文书编号查询</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="159"/>
        <source>Searching by ID number or credit code</source>
        <translation>按身份证号码或统一社会信用代码查询</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="162"/>
        <source>Searching by phone number</source>
        <translation>按电话号码查询</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="163"/>
        <source>Searching by name</source>
        <translation>按姓名或名称查询</translation>
    </message>
    <message>
        <location filename="../../ui/followup/texts.py" line="164"/>
        <source>Not a whole number, ID number or phone; type more</source>
        <translation>不是完整的编号、证件号码或电话，请继续输入</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../../ui/queue/display.py" line="76"/>
        <source>Hall display</source>
        <translation>叫号显示屏</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="109"/>
        <source>Connection to the registry lost — reconnecting…</source>
        <translation>与中心的连接已断开 — 正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="131"/>
        <source>{hall} · Calling</source>
        <translation>{hall} · 叫号信息</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="143"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="147"/>
        <source>Please watch for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="161"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="183"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="252"/>
        <source>{count} waiting</source>
        <translation>等候 {count} 人</translation>
    </message>
    <message>
        <location filename="../../ui/queue/display.py" line="280"/>
        <source>Please go to {window}</source>
        <translation>请到 {window}办理</translation>
    </message>
</context>
<context>
    <name>HandOutDialog</name>
    <message>
        <location filename="../../ui/decisions/handout.py" line="73"/>
        <source>Hand the result out</source>
        <translation>出件</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="82"/>
        <source>Case {number} · {applicant} · {item}</source>
        <translation>办件 {number} · {applicant} · {item}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="87"/>
        <source>At the &amp;window</source>
        <translation>窗口领取(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="88"/>
        <source>By e&amp;xpress delivery</source>
        <translation>邮寄送达(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="100"/>
        <location filename="../../ui/decisions/handout.py" line="198"/>
        <source>&amp;Hand out</source>
        <translation>出件(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="102"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="126"/>
        <source>The &amp;applicant collects</source>
        <translation>申请人本人领取(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="127"/>
        <source>An a&amp;gent collects</source>
        <translation>委托代理人领取(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="132"/>
        <source>Authorisation &amp;letter handed in</source>
        <translation>已收授权委托书(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="135"/>
        <source>Collector: &amp;ID number</source>
        <translation>领取人身份证号码(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="137"/>
        <source>Agent: &amp;name</source>
        <translation>代理人姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="153"/>
        <source>&amp;Recipient</source>
        <translation>收件人(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="154"/>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="156"/>
        <source>A&amp;ddress</source>
        <translation>收件地址(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="157"/>
        <source>&amp;Tracking number</source>
        <translation>邮件单号(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="176"/>
        <source>A mobile number (11 digits) or a landline with its area code.</source>
        <translation>请输入 11 位手机号码，或带区号的固定电话。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="198"/>
        <source>&amp;Record posting</source>
        <translation>登记邮寄(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="224"/>
        <source>Recording…</source>
        <translation>正在登记…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/handout.py" line="234"/>
        <source>Handed out: record {number}.</source>
        <translation>已出件：出件登记 {number}。</translation>
    </message>
</context>
<context>
    <name>HandServedDialog</name>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="100"/>
        <source>Record a hall ticket served by hand</source>
        <translation>登记手工办理的大厅号票</translation>
    </message>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="107"/>
        <source>(as printed)</source>
        <translation>（以号票为准）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="120"/>
        <source>Ticket number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="121"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="122"/>
        <source>Served since</source>
        <translation>开始办理时间</translation>
    </message>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="123"/>
        <source>Outcome</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="124"/>
        <source>Documents issued during this visit</source>
        <translation>本次办理出具的文书</translation>
    </message>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="180"/>
        <source>This outcome needs its case: tick the documents of this visit.</source>
        <translation>此办理结果须关联办件：请勾选本次办理的文书。</translation>
    </message>
</context>
<context>
    <name>HotkeysPage</name>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="86"/>
        <source>Hotkeys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="91"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="92"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="95"/>
        <source>Reset to defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="100"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="101"/>
        <source>Call again</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="102"/>
        <source>Start serving</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="103"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="104"/>
        <source>Park</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="105"/>
        <source>Call back parked</source>
        <translation>暂存回呼</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="106"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="107"/>
        <source>Call a number</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="108"/>
        <source>Pause / resume</source>
        <translation>暂停 / 恢复</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="109"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="110"/>
        <source>Lock the screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/hotkeys.py" line="142"/>
        <source>{key} is already the key of “{other}”; it cannot also be “{action}”.</source>
        <translation>{key} 已是“{other}”的快捷键，不能再用于“{action}”。</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="20"/>
        <source>Too long: {count} characters, it has 18</source>
        <translation>位数过多：已输入 {count} 位，应为 18 位</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="23"/>
        <source>Too short: {count} of 18 characters</source>
        <translation>位数不足：已输入 {count} 位，应为 18 位</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="32"/>
        <source>Birth date {date} (digits 7–14) does not exist</source>
        <translation>出生日期 {date}（第 7–14 位）不存在</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="35"/>
        <source>Birth date {date} is before 1900</source>
        <translation>出生日期 {date} 早于 1900 年</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="38"/>
        <source>Birth date {date} is in the future</source>
        <translation>出生日期 {date} 晚于今天</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="46"/>
        <source>Check character should be {expected}, not {found}: a character is mistyped</source>
        <translation>校验码应为 {expected}，实为 {found}：有字符输错</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="64"/>
        <source>Character {position} ({found}) is not allowed: digits only, X last</source>
        <translation>第 {position} 位字符（{found}）无效：只能是数字，最后一位可为 X</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="86"/>
        <source>Region: no province has the code {code} (digits 1–2)</source>
        <translation>地区码有误：不存在代码为 {code} 的省份（第 1–2 位）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="89"/>
        <source>Region {region}: a residence permit number starts with {expected}</source>
        <translation>地区码 {region} 有误：居住证号码应以 {expected} 开头</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="97"/>
        <source>Hong Kong residence permit</source>
        <translation>港澳居民居住证（香港）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="98"/>
        <source>Macao residence permit</source>
        <translation>港澳居民居住证（澳门）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="99"/>
        <source>Taiwan residence permit</source>
        <translation>台湾居民居住证</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="102"/>
        <source>Valid {kind}, born {date}</source>
        <translation>有效的{kind}，出生日期 {date}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="106"/>
        <source>Valid old 15-digit number, born {date}; kept as {number}</source>
        <translation>有效的 15 位旧号码，出生日期 {date}；按 {number} 登记</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="109"/>
        <source>Valid, born {date}</source>
        <translation>有效，出生日期 {date}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="123"/>
        <source>Valid credit code</source>
        <translation>统一社会信用代码有效</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="125"/>
        <source>Character {position} ({found}) is not allowed: no I, O, S, V or Z</source>
        <translation>第 {position} 位字符（{found}）无效：信用代码不使用 I、O、S、V、Z</translation>
    </message>
    <message>
        <location filename="../../ui/intake/id_messages.py" line="129"/>
        <source>Character {position} must be a digit (3–8 are the region code)</source>
        <translation>第 {position} 位应为数字（第 3–8 位为登记管理机关行政区划码）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="19"/>
        <location filename="../../ui/intake/labels.py" line="34"/>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="20"/>
        <location filename="../../ui/intake/labels.py" line="35"/>
        <source>Copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="21"/>
        <location filename="../../ui/intake/labels.py" line="36"/>
        <source>Original and copy</source>
        <translation>原件和复印件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="22"/>
        <source>Electronic file</source>
        <translation>电子文件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="23"/>
        <source>E-licence</source>
        <translation>电子证照</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="24"/>
        <source>Owed (deferred)</source>
        <translation>容缺后补</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="25"/>
        <source>Commitment instead</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="26"/>
        <source>Not provided</source>
        <translation>未提供</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="37"/>
        <source>Electronic material</source>
        <translation>电子材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="45"/>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="46"/>
        <source>Optional</source>
        <translation>非必需</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="47"/>
        <source>Required, may be owed</source>
        <translation>必需（可容缺后补）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="48"/>
        <source>Not needed here</source>
        <translation>本情形不需要</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="56"/>
        <source>In order</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="57"/>
        <source>Fetched as e-licence</source>
        <translation>已调取电子证照</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="58"/>
        <source>Owed under deferral</source>
        <translation>容缺后补</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="59"/>
        <source>Replaced by commitment</source>
        <translation>以告知承诺代替</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="60"/>
        <source>Not needed</source>
        <translation>无需提交</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="61"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="62"/>
        <source>Defective</source>
        <translation>不符合要求</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="70"/>
        <source>Material missing</source>
        <translation>材料缺失</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="71"/>
        <source>Not in legal form</source>
        <translation>不符合法定形式</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="72"/>
        <source>Content to correct</source>
        <translation>内容需补正</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="81"/>
        <source>{state}: {problem}</source>
        <translation>{state}：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="90"/>
        <source>Needs correction: {count} material line(s) on the one-time notice</source>
        <translation>需补正：{count} 项材料列入一次性告知书</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="94"/>
        <source>Acceptable with {count} material line(s) owed</source>
        <translation>可容缺受理：{count} 项材料容缺后补</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="97"/>
        <source>Complete: the case can be accepted</source>
        <translation>材料齐全，可以受理</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="103"/>
        <source>{kind} × {copies}</source>
        <translation>{kind} {copies} 份</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="109"/>
        <source>issued within {months} months</source>
        <translation>{months} 个月内出具</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="114"/>
        <source>original checked and returned</source>
        <translation>核验原件后退回</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="116"/>
        <source>signature or seal required</source>
        <translation>须签字或盖章</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="118"/>
        <source>e-licence available</source>
        <translation>可调取电子证照</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="120"/>
        <source>commitment may replace it</source>
        <translation>可告知承诺</translation>
    </message>
    <message>
        <location filename="../../ui/intake/labels.py" line="121"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/intake/form.py" line="61"/>
        <location filename="../../ui/intake/form.py" line="162"/>
        <source>No item chosen yet.</source>
        <translation>尚未选择事项。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="70"/>
        <source>Record intake (Ctrl+Enter)</source>
        <translation>登记收件（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="76"/>
        <source>1 · Service item</source>
        <translation>1 · 服务事项</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="78"/>
        <source>2 · Situation and applicant</source>
        <translation>2 · 办理情形与申请人</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="83"/>
        <source>3 · Materials</source>
        <translation>3 · 申请材料</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="135"/>
        <source>the service item</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="137"/>
        <source>the situation</source>
        <translation>办理情形</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="139"/>
        <source>the applicant name</source>
        <translation>申请人名称</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="141"/>
        <source>a valid ID number or credit code</source>
        <translation>有效的证件号码或统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="169"/>
        <source>Still needed: {list}</source>
        <translation>尚缺：{list}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form.py" line="169"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ItemFinder</name>
    <message>
        <location filename="../../ui/intake/finder.py" line="94"/>
        <source>Item: name, code or pinyin initials (gtgsh)</source>
        <translation>事项：名称、编码或拼音首字母（如 gtgsh）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/finder.py" line="152"/>
        <source>{count} item(s) found</source>
        <translation>找到 {count} 个事项</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="82"/>
        <source>Ticket kiosk</source>
        <translation>自助取号机</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="115"/>
        <source>Welcome — please take a number</source>
        <translation>欢迎光临 · 请取号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="127"/>
        <source>Choose your service</source>
        <translation>请选择办理业务</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="129"/>
        <source>Loading services…</source>
        <translation>正在加载业务…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="141"/>
        <source>Elderly, disabled or pregnant applicants: please go to the information desk for the green channel. Keep your ticket until your visit is finished.</source>
        <translation>温馨提示：老年人、残疾人、孕妇请到咨询服务台走绿色通道；请保管好号票至办理结束。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="155"/>
        <source>ID number (optional)</source>
        <translation>身份证号码（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="160"/>
        <source>Swipe your ID card or type the number</source>
        <translation>请刷身份证或输入身份证号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="174"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="194"/>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="217"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="249"/>
        <source>Tickets cannot be issued just now. Please ask at the information desk.</source>
        <translation>暂时无法取号，请到咨询服务台咨询。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="279"/>
        <source>This ID number is not valid: {problem}</source>
        <translation>身份证号码有误：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="287"/>
        <source>it must have 18 characters.</source>
        <translation>应为 18 位。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="288"/>
        <source>character {position} is not allowed.</source>
        <translation>第 {position} 位字符无效。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="291"/>
        <source>the region code does not exist.</source>
        <translation>前六位地区码不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="292"/>
        <source>the date of birth is not a real date.</source>
        <translation>出生日期不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="293"/>
        <source>the date of birth is too early.</source>
        <translation>出生日期过早。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="294"/>
        <source>the date of birth is in the future.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="296"/>
        <source>the last character does not match; please check every digit.</source>
        <translation>最后一位校验码不符，请逐位核对。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="299"/>
        <source>please check it.</source>
        <translation>请核对。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="307"/>
        <source>{count} people ahead of you</source>
        <translation>您前面还有 {count} 人等候</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="310"/>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="324"/>
        <source>Please try again.</source>
        <translation>请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="326"/>
        <source>No ticket was issued: {reason}</source>
        <translation>未能取号：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="334"/>
        <source>Estimated wait: not known yet</source>
        <translation>预计等候时间：暂无法估算</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="332"/>
        <source>Estimated wait: you are next</source>
        <translation>预计等候：即将叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="336"/>
        <source>Estimated wait: about {minutes} min</source>
        <translation>预计等候约 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="359"/>
        <source>Please take your ticket.</source>
        <translation>请取走您的号票。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/kiosk.py" line="368"/>
        <source>The ticket could not be printed. Please remember your number; the information desk can print it again.</source>
        <translation>号票打印失败。请记住您的号码，可到咨询服务台补打。</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="156"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="161"/>
        <source>Language of the screens</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="167"/>
        <source>Choose 中文 or English.</source>
        <translation>请选择中文或 English。</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="204"/>
        <source>容缺 notice and commitment</source>
        <translation>容缺受理告知书及承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="205"/>
        <source>告知承诺 commitment letter</source>
        <translation>告知承诺书</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="210"/>
        <source>Applicant &amp;signed</source>
        <translation>申请人已签字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="212"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LocalModeBar</name>
    <message>
        <location filename="../../ui/queue/local_bar.py" line="91"/>
        <source>Issue a walk-in ticket</source>
        <translation>本窗口取号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/local_bar.py" line="93"/>
        <source>Record a hall ticket served by hand</source>
        <translation>登记手工办理的大厅号票</translation>
    </message>
    <message>
        <location filename="../../ui/queue/local_bar.py" line="90"/>
        <source>Local mode — this counter calls its own tickets</source>
        <translation>离线 — 本窗口自行叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/local_bar.py" line="105"/>
        <source>Local mode — the hall queue answers again: serve the {n} local tickets left to return to it.</source>
        <translation>离线 — 大厅叫号系统已恢复：请先办完本窗口剩余的 {n} 张号票，再回到大厅叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/local_bar.py" line="124"/>
        <source>Walk-in ticket {number} issued.</source>
        <translation>已取号 {number}。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/local_bar.py" line="154"/>
        <source>Hall ticket {number} recorded as served by hand.</source>
        <translation>大厅号票 {number} 已登记为手工办理。</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="133"/>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="138"/>
        <source>Lock the screen after no input for</source>
        <translation>无操作自动锁屏时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="139"/>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="140"/>
        <source>The key that locks the screen at once is on the Hotkeys page.</source>
        <translation>立即锁屏的快捷键在“快捷键”页设置。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="43"/>
        <source>Window Clerk — locked</source>
        <translation>窗口办件 — 已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="49"/>
        <source>Counter {counter}</source>
        <translation>窗口 {counter}</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="53"/>
        <source>Another staff member (F2)</source>
        <translation>其他工作人员登录（F2）</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="54"/>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="97"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="108"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="110"/>
        <source>{name} · staff number {staff_id}</source>
        <translation>{name} · 工号 {staff_id}</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="123"/>
        <source>Enter: unlock · F2: another staff member</source>
        <translation>回车：解锁 · F2：其他工作人员登录</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="125"/>
        <source>Enter: sign in · Esc: back</source>
        <translation>回车：登录 · Esc：返回</translation>
    </message>
    <message>
        <location filename="../../ui/session/lock_screen.py" line="127"/>
        <source>Enter: sign in</source>
        <translation>回车：登录</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/session/login.py" line="25"/>
        <source>Sign in — Window Clerk</source>
        <translation>登录 — 窗口办件</translation>
    </message>
    <message>
        <location filename="../../ui/session/login.py" line="27"/>
        <source>Counter {counter}</source>
        <translation>窗口 {counter}</translation>
    </message>
</context>
<context>
    <name>MatchModel</name>
    <message>
        <location filename="../../ui/intake/finder.py" line="76"/>
        <source>Service item</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <location filename="../../ui/intake/finder.py" line="76"/>
        <source>Code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location filename="../../ui/intake/finder.py" line="76"/>
        <source>Agency</source>
        <translation>实施机关</translation>
    </message>
</context>
<context>
    <name>MaterialChecklist</name>
    <message>
        <location filename="../../ui/intake/checklist.py" line="181"/>
        <source>Keys: Space as asked · O original · C copy · B both · E electronic · L e-licence · R owed · P commitment · M missing · D defective · +/- copies · I issue date</source>
        <translation>按键：空格 按要求提交 · O 原件 · C 复印件 · B 原件和复印件 · E 电子文件 · L 电子证照 · R 容缺后补 · P 告知承诺 · M 未提供 · D 有问题 · +/- 份数 · I 出具日期</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="213"/>
        <source>Choose an item and its situation to see its materials.</source>
        <translation>请先选择事项及办理情形，再核对材料。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="229"/>
        <source>Acceptance standard</source>
        <translation>受理标准</translation>
    </message>
    <message>
        <location filename="../../ui/intake/checklist.py" line="237"/>
        <source>Blank form: {form}</source>
        <translation>空白表格：{form}</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/decisions/notice.py" line="118"/>
        <source>One-time correction notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="124"/>
        <source>Listing what must be corrected…</source>
        <translation>正在列出需补正的材料…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="130"/>
        <source>Case {number} · {applicant} · {item}</source>
        <translation>办件 {number} · {applicant} · {item}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="162"/>
        <source>&amp;Issue notice</source>
        <translation>出具告知书(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="163"/>
        <source>Supervisor &amp;override…</source>
        <translation>负责人审批例外(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="164"/>
        <source>Applicant &amp;signed</source>
        <translation>申请人已签字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="165"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="188"/>
        <source>Corrections are due by {day}; if they are not handed in, {expiry}. The time for corrections is not counted in the processing time.</source>
        <translation>请于 {day} 前补正；逾期未补正的，{expiry}。补正时间不计入办理时限。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="198"/>
        <source>This notice lists only what the earlier notice listed.</source>
        <translation>本次告知仅列前次告知书已列的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="199"/>
        <source>{count} material(s) to correct.</source>
        <translation>需补正材料 {count} 项。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="206"/>
        <source>One-time rule: the earlier notice ({notices}) did not list {names}. Only an override by a supervisor, with a reason, lets a second notice add them.</source>
        <translation>一次性告知规则：前次告知书（{notices}）未列出{names}。再次告知增加新内容，须经负责人审批并记录理由。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="228"/>
        <source>Issuing the notice…</source>
        <translation>正在出具告知书…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="237"/>
        <source>Override the one-time rule for this notice</source>
        <translation>审批：本次告知突破一次性告知规则</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="265"/>
        <source>Notice {number} issued.</source>
        <translation>告知书 {number} 已出具。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="276"/>
        <source>Hand the notice to the applicant to sign.</source>
        <translation>请将告知书交申请人签字。</translation>
    </message>
</context>
<context>
    <name>NoticeLinesModel</name>
    <message>
        <location filename="../../ui/decisions/notice.py" line="48"/>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="49"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="50"/>
        <source>How to fix it</source>
        <translation>补正要求</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="51"/>
        <source>Acceptance standard</source>
        <translation>受理标准</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/notice.py" line="94"/>
        <source> (not on the earlier notice)</source>
        <translation>（前次告知书未列）</translation>
    </message>
</context>
<context>
    <name>OfferBar</name>
    <message>
        <location filename="../../ui/capture/offers.py" line="34"/>
        <source>Add to case</source>
        <translation>添加到办件</translation>
    </message>
    <message>
        <location filename="../../ui/capture/offers.py" line="35"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ui/capture/offers.py" line="75"/>
        <source>New scan from the scanner: {name}</source>
        <translation>扫描仪有新扫描件：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/offers.py" line="78"/>
        <source>({count} more waiting)</source>
        <translation>（另有 {count} 份待处理）</translation>
    </message>
</context>
<context>
    <name>OnTheSpotDialog</name>
    <message>
        <location filename="../../ui/decisions/onthespot.py" line="33"/>
        <source>Complete on the spot (即办件)</source>
        <translation>即办件当场办结</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/onthespot.py" line="38"/>
        <source>Case {number} · {applicant} · {item}</source>
        <translation>办件 {number} · {applicant} · {item}</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/onthespot.py" line="45"/>
        <source>&amp;Complete now</source>
        <translation>当场办结(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/onthespot.py" line="46"/>
        <source>&amp;Hand out now…</source>
        <translation>当场出件(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/onthespot.py" line="48"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/onthespot.py" line="66"/>
        <source>Completing…</source>
        <translation>正在办结…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/onthespot.py" line="73"/>
        <source>Completed on the spot: hand the result out.</source>
        <translation>已当场办结，请出件。</translation>
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
    <name>Pages</name>
    <message>
        <location filename="../../ui/workbench/pages.py" line="76"/>
        <source>Casework</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/pages.py" line="77"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/pages.py" line="78"/>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/pages.py" line="79"/>
        <source>Needs attention</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/pages.py" line="80"/>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/pages.py" line="81"/>
        <source>Catalogue</source>
        <translation>事项目录</translation>
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
    <name>PendingRefusalsModel</name>
    <message>
        <location filename="../../ui/decisions/pending.py" line="46"/>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/pending.py" line="48"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/pending.py" line="51"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/pending.py" line="53"/>
        <source>Asked by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/pending.py" line="56"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PendingRefusalsPanel</name>
    <message>
        <location filename="../../ui/decisions/pending.py" line="87"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/pending.py" line="88"/>
        <source>&amp;Approve refusal</source>
        <translation>批准不予受理(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/pending.py" line="89"/>
        <source>&amp;Decline</source>
        <translation>不同意(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/pending.py" line="120"/>
        <source>{count} refusal(s) waiting.</source>
        <translation>待审批不予受理 {count} 件。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/pending.py" line="148"/>
        <source>Refusal approved: notice {number}.</source>
        <translation>已批准不予受理：告知书 {number}。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/pending.py" line="156"/>
        <source>Refusal declined: the case goes on.</source>
        <translation>不同意不予受理：继续办理。</translation>
    </message>
</context>
<context>
    <name>PrintersPage</name>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="119"/>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="125"/>
        <source>A4 documents (notices, receipts, letters)</source>
        <translation>A4 文书（告知书、回执、通知书）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="126"/>
        <source>Receipts and queue tickets (80 mm roll)</source>
        <translation>小票和排队号票（80 毫米卷纸）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="128"/>
        <source>A4 laser, 300 dpi, grey</source>
        <translation>A4 激光打印机，300 dpi，灰度</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="129"/>
        <source>80 mm thermal roll, 203 dpi, black and white</source>
        <translation>80 毫米热敏卷纸，203 dpi，黑白</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="132"/>
        <source>None — save PDFs to a folder</source>
        <translation>无 — 将 PDF 保存到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="134"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="135"/>
        <source>Kind of printer</source>
        <translation>打印机类型</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="136"/>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="137"/>
        <source>Folder for PDFs</source>
        <translation>PDF 保存文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="142"/>
        <source>Could not list the printers: {reason}</source>
        <translation>无法列出打印机：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="144"/>
        <source>Looking for printers…</source>
        <translation>正在查找打印机…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="175"/>
        <source>The printer {name} is not installed: choose another or none.</source>
        <translation>打印机 {name} 未安装：请选择其他打印机或选择“无”。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="195"/>
        <source>Printing a test page on {printer}…</source>
        <translation>正在向 {printer} 打印测试页…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="213"/>
        <source>The test page went to {printer}.</source>
        <translation>测试页已发送到 {printer}。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printers.py" line="217"/>
        <source>The test page did not print: {reason}</source>
        <translation>测试页未能打印：{reason}</translation>
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
        <location filename="../../ui/queue/panel.py" line="112"/>
        <source>Queue · counter {counter}</source>
        <translation>叫号 · {counter} 窗口</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="116"/>
        <location filename="../../ui/queue/panel.py" line="363"/>
        <source>No current ticket</source>
        <translation>当前无号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="180"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="181"/>
        <source>Call again</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="182"/>
        <source>Start serving</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="183"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="184"/>
        <source>Park</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="185"/>
        <source>Call back parked</source>
        <translation>暂存回呼</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="186"/>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="187"/>
        <source>Call a number</source>
        <translation>指定叫号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="188"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="188"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="189"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="309"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>本窗口暂无等候。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="326"/>
        <source>The queue cannot be reached: {error}</source>
        <translation>无法连接叫号系统：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="333"/>
        <source>The queue failed unexpectedly; the error is in the log.</source>
        <translation>叫号系统意外出错，详情见日志。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="367"/>
        <source>green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="369"/>
        <source>note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="372"/>
        <source>Parked: {numbers}</source>
        <translation>暂存：{numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="379"/>
        <source>called</source>
        <translation>已呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="381"/>
        <source>being served</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="382"/>
        <source>parked</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="394"/>
        <source>Paused ({reason}): resume to call again.</source>
        <translation>已暂停（{reason}）：恢复后方可叫号。</translation>
    </message>
    <message>
        <location filename="../../ui/queue/panel.py" line="399"/>
        <source>{number} is not resolved: finish, park or transfer it, or mark it a no-show, before calling the next ticket.</source>
        <translation>{number} 尚未处理完毕：请先办结、暂存、转移或过号，再叫下一号。</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <location filename="../../ui/rating_labels.py" line="15"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="16"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="17"/>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="18"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="19"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="27"/>
        <source>Poor service attitude</source>
        <translation>服务态度不好</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="28"/>
        <source>Waited too long</source>
        <translation>等候时间过长</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="29"/>
        <source>Had to come back again</source>
        <translation>多次跑腿</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="30"/>
        <source>Not told clearly</source>
        <translation>告知不清楚</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="31"/>
        <source>Took too long to handle</source>
        <translation>办理超时</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="32"/>
        <source>Asked for too many materials</source>
        <translation>要求材料过多</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="33"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/rating_labels.py" line="40"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/rating_recorder.py" line="36"/>
        <source>This service has already been rated. Thank you!</source>
        <translation>本次服务已评价过，谢谢您！</translation>
    </message>
    <message>
        <location filename="../../ui/rating_recorder.py" line="38"/>
        <source>Sorry, your rating could not be saved. Please tell the staff at the window.</source>
        <translation>抱歉，评价未能保存，请告知窗口工作人员。</translation>
    </message>
</context>
<context>
    <name>RefusalRequestDialog</name>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="95"/>
        <source>Refusal request (不予受理)</source>
        <translation>不予受理申请</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="101"/>
        <source>Loading the refusal conditions of the item…</source>
        <translation>正在载入本事项的不予受理情形…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="115"/>
        <source>Published refusal conditions</source>
        <translation>公布的不予受理情形</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="116"/>
        <source>&amp;Reasons</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="117"/>
        <source>&amp;Facts</source>
        <translation>认定的事实(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="118"/>
        <source>Legal &amp;basis</source>
        <translation>法律依据(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="119"/>
        <source>Competent a&amp;gency (if not ours)</source>
        <translation>有权机关（不属本机关职权时）(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="120"/>
        <source>Remedies</source>
        <translation>救济途径</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="138"/>
        <source>Request &amp;refusal</source>
        <translation>提交不予受理申请(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="139"/>
        <source>Supervisor approves &amp;here…</source>
        <translation>负责人在本窗口审批(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="140"/>
        <source>&amp;Leave pending</source>
        <translation>留待审批(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="141"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="214"/>
        <source>Pending: waiting for the approval of a supervisor. A supervisor approves here with their credentials, or later from their own counter.</source>
        <translation>待审批：等待负责人审批。负责人可在本窗口输入凭据审批，也可稍后在其本人窗口审批。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="234"/>
        <source>Approve the refusal of this application</source>
        <translation>审批：对本申请不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="262"/>
        <source>Refusal approved: notice {number}.</source>
        <translation>已批准不予受理：告知书 {number}。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/refusal.py" line="270"/>
        <source>Refusal declined: the case goes on.</source>
        <translation>不同意不予受理：继续办理。</translation>
    </message>
</context>
<context>
    <name>ReturnVisit</name>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="112"/>
        <source>Correct the materials on the spot: mark the lines, then Ctrl+Enter.</source>
        <translation>当场补正材料：标记各项材料后按 Ctrl+Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="114"/>
        <source>Record the materials (Ctrl+Enter)</source>
        <translation>登记材料 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="117"/>
        <source>Return visit: mark what the applicant hands in now, then Ctrl+Enter.</source>
        <translation>申请人补正回访：标记本次递交的材料，然后按 Ctrl+Enter。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="119"/>
        <source>Corrections received (Ctrl+Enter)</source>
        <translation>补正材料已收 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="163"/>
        <source>Return visit {visits} recorded for case {number}.</source>
        <translation>已记录办件 {number} 的第 {visits} 次到窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="167"/>
        <source>Return visit</source>
        <translation>补正回访</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="201"/>
        <source>Recording the corrections…</source>
        <translation>正在登记补正材料…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="221"/>
        <source>Materials of case {number} corrected.</source>
        <translation>办件 {number} 的材料已更正。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="223"/>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="228"/>
        <source>Corrections received: case {number} can be decided.</source>
        <translation>补正材料已收：办件 {number} 可以作出决定。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/corrections.py" line="232"/>
        <source>Corrections</source>
        <translation>补正材料</translation>
    </message>
</context>
<context>
    <name>RongqueDialog</name>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="135"/>
        <source>Accept with owed material (容缺)</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="137"/>
        <source>Tick the secondary material the applicant will hand in after acceptance.</source>
        <translation>请勾选申请人在受理后补交的次要材料。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="139"/>
        <source>The applicant agrees and will sign the 容缺 &amp;commitment</source>
        <translation>申请人同意并签署容缺承诺书(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="146"/>
        <source>This item allows no 容缺 for this case.</source>
        <translation>本事项本情形不适用容缺受理。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="150"/>
        <source>Owed material is due by {day}; if it is not handed in by then, {expiry}.</source>
        <translation>容缺材料须于 {day} 前补交；逾期未补交的，{expiry}。</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <location filename="../../ui/workbench/scans.py" line="91"/>
        <source>No case with number {number} at this counter.</source>
        <translation>本窗口没有编号为 {number} 的办件。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/scans.py" line="99"/>
        <source>{scanned} — being served now</source>
        <translation>{scanned} — 正在办理</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/scans.py" line="115"/>
        <source>{scanned}: filled in as the applicant&apos;s number.</source>
        <translation>{scanned}：已填入申请人证件号码。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/scans.py" line="126"/>
        <source>{scanned}: choose the service item first, then scan the e-licence.</source>
        <translation>{scanned}：请先选择办理事项，再扫描电子证照。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/scans.py" line="140"/>
        <source>{scanned}: no material of this item is that e-licence.</source>
        <translation>{scanned}：本事项没有可用该电子证照的材料。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/scans.py" line="145"/>
        <source>Marked as e-licence: {names}</source>
        <translation>已标记为电子证照：{names}</translation>
    </message>
</context>
<context>
    <name>ScanViewer</name>
    <message>
        <location filename="../../ui/capture/viewer.py" line="60"/>
        <location filename="../../ui/capture/viewer.py" line="131"/>
        <source>Choose a scan to look at it</source>
        <translation>选择一份扫描件查看</translation>
    </message>
    <message>
        <location filename="../../ui/capture/viewer.py" line="79"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../ui/capture/viewer.py" line="80"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../ui/capture/viewer.py" line="81"/>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../ui/capture/viewer.py" line="106"/>
        <source>This scan is kept at the registry: this counter let go of its copy after the retention period.</source>
        <translation>此扫描件保存在中心登记库：本窗口的副本已在保留期满后清除。</translation>
    </message>
    <message>
        <location filename="../../ui/capture/viewer.py" line="116"/>
        <source>Opening the scan…</source>
        <translation>正在打开扫描件…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/viewer.py" line="185"/>
        <source>This scan cannot be shown: its file is missing or damaged.</source>
        <translation>无法显示该扫描件：文件缺失或已损坏。</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="79"/>
        <source>Scanner</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="84"/>
        <source>Scanner drop folder</source>
        <translation>扫描仪存放文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="85"/>
        <source>None: no folder is watched</source>
        <translation>无：不监视文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="86"/>
        <source>Longest pause between a scan&apos;s keys</source>
        <translation>扫码按键最长间隔</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="87"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="88"/>
        <source>Fewest characters of a scan</source>
        <translation>扫码最少字符数</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/simple.py" line="91"/>
        <source>New images and PDFs in the drop folder are offered for the current case. Keys typed faster than the pause above and ending in Enter are a barcode scan.</source>
        <translation>存放文件夹中新出现的图片和 PDF 会提供给当前办件。按键间隔短于上述时间并以回车结束的输入视为扫码。</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../ui/workbench/pages.py" line="142"/>
        <source>Work on this case at the counter (Ctrl+W)</source>
        <translation>在本窗口继续办理此件 (Ctrl+W)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session/messages.py" line="25"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="27"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="28"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="34"/>
        <source>Too many failed attempts: try again in {wait}.</source>
        <translation>失败次数过多，请 {wait}后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="38"/>
        <source>Wrong staff number or password.</source>
        <translation>工号或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="39"/>
        <source>Sign-in refused: {reason}</source>
        <translation>登录被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="56"/>
        <source>The TLS certificate of the registry could not be verified. Check the address (https://…) and the certificate installed on this computer.</source>
        <translation>无法验证中心登记系统的 TLS 证书，请检查地址（https://…）和本机安装的证书。</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="61"/>
        <source>The registry cannot be reached. Check the address and the network.</source>
        <translation>无法连接中心登记系统，请检查地址和网络。</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="65"/>
        <source>This enrolment code is unknown, already used or expired. Ask the administrator for a new one.</source>
        <translation>登记码无效、已使用或已过期，请向管理员索取新的登记码。</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="77"/>
        <source>The registry is busy. Please try again in a moment.</source>
        <translation>中心登记系统繁忙，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="79"/>
        <source>This Window Clerk is too old for the registry: please update it.</source>
        <translation>窗口办件版本过旧，中心登记系统不再支持，请升级。</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="82"/>
        <source>The registry refused: {reason}</source>
        <translation>中心登记系统拒绝了请求：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="89"/>
        <source>The built-in demo registry did not start: {reason}</source>
        <translation>内置演示系统未能启动：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="93"/>
        <source>The data of this counter belong to another counter: {reason}</source>
        <translation>本机数据属于另一个窗口：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="97"/>
        <source>The step failed: {reason}</source>
        <translation>操作失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/session/messages.py" line="99"/>
        <source>Something unexpected went wrong; the details are in the log.</source>
        <translation>发生意外错误，详情见日志。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="163"/>
        <source>Settings — Window Clerk</source>
        <translation>设置 — 窗口办件</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="168"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="169"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="208"/>
        <source>The language cannot be changed: {reason}</source>
        <translation>无法切换语言：{reason}</translation>
    </message>
</context>
<context>
    <name>SettingsField</name>
    <message>
        <location filename="../../ui/settings_pages/fields.py" line="51"/>
        <source>This value is not allowed.</source>
        <translation>该值不允许。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/fields.py" line="112"/>
        <source>Type plain text: tabs and line breaks are not allowed.</source>
        <translation>请输入纯文本：不能包含制表符或换行。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/fields.py" line="146"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/fields.py" line="153"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/fields.py" line="158"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>SituationChooser</name>
    <message>
        <location filename="../../ui/intake/situation.py" line="31"/>
        <source>Situation</source>
        <translation>办理情形</translation>
    </message>
    <message>
        <location filename="../../ui/intake/situation.py" line="33"/>
        <source>Choose the situation</source>
        <translation>请选择办理情形</translation>
    </message>
    <message>
        <location filename="../../ui/intake/situation.py" line="36"/>
        <source>This item has no situations to choose.</source>
        <translation>本事项无需选择情形。</translation>
    </message>
</context>
<context>
    <name>SupervisorApprovalDialog</name>
    <message>
        <location filename="../../ui/decisions/approval.py" line="59"/>
        <source>Supervisor approval</source>
        <translation>负责人审批</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/approval.py" line="78"/>
        <source>The supervisor enters their own staff number and password at this counter. They are checked at the registry, or offline against the copy kept at this counter. Whoever asked for the decision cannot approve it.</source>
        <translation>请负责人在本窗口输入本人工号和密码，由中心核验；离线时按本窗口保存的凭据核验。提出申请的人不能审批自己的申请。</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/approval.py" line="90"/>
        <source>Supervisor: staff &amp;number</source>
        <translation>负责人工号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/approval.py" line="91"/>
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/approval.py" line="93"/>
        <source>&amp;Reason (recorded)</source>
        <translation>理由（将记录在案）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/approval.py" line="97"/>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/approval.py" line="99"/>
        <source>&amp;Decline</source>
        <translation>不同意(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/approval.py" line="101"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/approval.py" line="134"/>
        <source>Checking the credentials…</source>
        <translation>正在核验身份…</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/approval.py" line="143"/>
        <source>Deciding as {name}…</source>
        <translation>正在以 {name} 的身份审批…</translation>
    </message>
</context>
<context>
    <name>SyncFigures</name>
    <message>
        <location filename="../../ui/workbench/status.py" line="59"/>
        <source>Last sync {time}</source>
        <translation>最近同步 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/status.py" line="62"/>
        <source>clock {offset}</source>
        <translation>时钟偏差 {offset}</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/sync_status.py" line="46"/>
        <source>Connecting to the registry…</source>
        <translation>正在连接中心登记系统…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="54"/>
        <source>%n operation(s) waiting</source>
        <translation>
            <numerusform>%n 项操作待同步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="57"/>
        <source>%n scan(s) waiting</source>
        <translation>
            <numerusform>%n 份扫描件待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="61"/>
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n 项需处理</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="64"/>
        <source>clock off by {minutes} min</source>
        <translation>本机时钟偏差 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="72"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="73"/>
        <source>Synchronising…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="74"/>
        <source>Offline — working locally</source>
        <translation>离线 — 本地继续办理</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="75"/>
        <source>Registry busy</source>
        <translation>中心繁忙</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="76"/>
        <source>Not enrolled with the registry</source>
        <translation>本窗口未在中心登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="77"/>
        <source>Update Window Clerk to synchronise</source>
        <translation>请升级窗口办件系统后再同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="79"/>
        <source>Synchronisation error</source>
        <translation>同步出错</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="83"/>
        <source>Last push: {time}</source>
        <translation>最近上传：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="84"/>
        <source>Last pull: {time}</source>
        <translation>最近下载：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="85"/>
        <source>Oldest waiting operation: {time}</source>
        <translation>最早待同步操作：{time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_status.py" line="91"/>
        <source>Next attempt in {seconds} s</source>
        <translation>{seconds} 秒后重试</translation>
    </message>
</context>
<context>
    <name>TestPage</name>
    <message>
        <location filename="../../ui/settings_pages/printer_check.py" line="115"/>
        <location filename="../../ui/settings_pages/printer_check.py" line="138"/>
        <source>Printer test page</source>
        <translation>打印机测试页</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printer_check.py" line="139"/>
        <source>Window Clerk</source>
        <translation>窗口办件</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printer_check.py" line="141"/>
        <source>Printer: {name}</source>
        <translation>打印机：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printer_check.py" line="145"/>
        <source>Paper: {paper}</source>
        <translation>纸张：{paper}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_pages/printer_check.py" line="149"/>
        <source>Printed at {time}</source>
        <translation>打印时间：{time}</translation>
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
    <name>WalkInDialog</name>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="69"/>
        <source>Issue a walk-in ticket</source>
        <translation>本窗口取号</translation>
    </message>
    <message>
        <location filename="../../ui/queue/offline_dialogs.py" line="74"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
</context>
<context>
    <name>WorkbenchWindow</name>
    <message>
        <location filename="../../ui/workbench/window.py" line="249"/>
        <source>Window Clerk — counter {counter}</source>
        <translation>窗口办件 — {counter}</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/window.py" line="251"/>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/window.py" line="252"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/window.py" line="253"/>
        <source>Lock the screen (Ctrl+L)</source>
        <translation>锁定屏幕 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/window.py" line="254"/>
        <source>Export diagnostics…</source>
        <translation>导出诊断信息……</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/window.py" line="255"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/window.py" line="257"/>
        <source>Queue</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/workbench/window.py" line="316"/>
        <source>Loading failed; the error is in the log.</source>
        <translation>加载失败，错误已记入日志。</translation>
    </message>
</context>
<context>
    <name>_SubstituteDialog</name>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="58"/>
        <source>&amp;Record</source>
        <translation>记录(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="61"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/decisions/paperwork.py" line="74"/>
        <source>Looking up what may be covered…</source>
        <translation>正在查询适用的材料…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/queue/launch.py" line="232"/>
        <location filename="../../ui/starting.py" line="96"/>
        <source>Window Clerk</source>
        <translation>窗口办件</translation>
    </message>
    <message>
        <location filename="../../ui/queue/launch.py" line="231"/>
        <source>The hall queue is not available:
{error}</source>
        <translation>大厅排队叫号系统不可用：
{error}</translation>
    </message>
</context>
<context>
    <name>clerk</name>
    <message>
        <location filename="../../ui/domain_messages.py" line="12"/>
        <source>SQLite {sqlite_version} is too old; 3.37 or newer is needed</source>
        <translation>SQLite {sqlite_version} 版本过旧；需要 3.37 或更新版本</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="13"/>
        <source>a UUIDv7 needs a timezone-aware time</source>
        <translation>UUIDv7 须使用带时区的时间</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="14"/>
        <source>a bad rating is followed up by someone other than the person rated</source>
        <translation>差评须由被评价人以外的人员回访整改</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="17"/>
        <source>a bad rating, and only a bad one, opens a follow-up</source>
        <translation>只有差评才需要回访整改</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="18"/>
        <source>a calendar delivery lists a day twice</source>
        <translation>下发的工作日历中有重复的日期</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="19"/>
        <source>a case cannot move from {current} to {target}</source>
        <translation>办件不能从“{current}”转为“{target}”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="20"/>
        <source>a case has a deadline only once accepted</source>
        <translation>办件受理后才有办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="21"/>
        <source>a case in state {status} cannot be rated</source>
        <translation>办件处于“{status}”状态，不能评价</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="22"/>
        <source>a correction notice needs at least one deficient material</source>
        <translation>一次性告知书至少要列出一项需补正的材料</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="23"/>
        <source>a counter-local number needs the counter&apos;s code</source>
        <translation>本窗口号须带窗口代码</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="24"/>
        <source>a counter-local ticket needs the counter that issued it</source>
        <translation>本窗口号票须注明出号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="25"/>
        <source>a credit code check needs 17 code characters, got {first17!r}</source>
        <translation>计算信用代码校验位需要 17 位代码字符，实际为 {first17!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="26"/>
        <source>a daily cap must allow at least one ticket, not {limit}</source>
        <translation>每日限号至少为 1，而非 {limit}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="27"/>
        <source>a device needs an id and an epoch of at least 0</source>
        <translation>设备须有标识，且纪元不小于 0</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="28"/>
        <source>a follow-up adds its record and changes nothing else</source>
        <translation>回访整改只能添加记录，不能改动其他内容</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="29"/>
        <source>a follow-up is recorded by a supervisor; {name} is not</source>
        <translation>回访整改须由负责人登记；{name} 不是负责人</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="30"/>
        <source>a follow-up is recorded by an active supervisor of hall {hall}, not {staff}</source>
        <translation>回访整改须由大厅 {hall} 在岗的负责人登记，而非 {staff}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="33"/>
        <source>a follow-up needs a note (at most {limit} characters)</source>
        <translation>回访整改须填写说明（不超过 {limit} 个字）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="34"/>
        <source>a follow-up period is between 1 and 30 working days</source>
        <translation>回访整改期限为 1 至 30 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="35"/>
        <source>a hand-served ticket needs its op id, counter and clerk</source>
        <translation>手工办理的号票须有操作标识、窗口和工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="36"/>
        <source>a landline number starts with its area code (0…) and has 10 to 12 digits</source>
        <translation>固定电话须带区号（0 开头），共 10 至 12 位</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="39"/>
        <source>a local ticket cannot have a {kind} event</source>
        <translation>本窗口号票不能有“{kind}”事件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="40"/>
        <source>a local ticket needs at least its ISSUED event</source>
        <translation>本窗口号票至少要有取号事件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="41"/>
        <source>a local ticket starts with its counter-local ISSUED event</source>
        <translation>本窗口号票须以本窗口取号事件开始</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="42"/>
        <source>a mobile number has 11 digits and starts with 13 to 19</source>
        <translation>手机号码为 11 位，以 13 至 19 开头</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="43"/>
        <source>a one-time rule override</source>
        <translation>突破一次性告知规则</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="44"/>
        <source>a phone number has only digits</source>
        <translation>电话号码只能包含数字</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="45"/>
        <source>a posted result needs its tracking number</source>
        <translation>邮寄送达须填写快递单号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="46"/>
        <source>a rating at counter {counter} comes from {panel}</source>
        <translation>窗口 {counter} 的评价须来自 {panel}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="47"/>
        <source>a rating comes from the applicant panel</source>
        <translation>评价须来自申请人评价器</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="48"/>
        <source>a read-only unit of work cannot change the store</source>
        <translation>只读的工作单元不能修改本地数据</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="49"/>
        <source>a read-only unit of work cannot commit: it is for reading only</source>
        <translation>只读的工作单元不能提交：仅供读取</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="50"/>
        <source>a reason is given twice</source>
        <translation>同一原因选择了两次</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="51"/>
        <source>a refusal</source>
        <translation>不予受理决定</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="52"/>
        <source>a refusal needs its {label}</source>
        <translation>不予受理须写明{label}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="53"/>
        <source>a refusal request is already waiting for approval</source>
        <translation>已有一份不予受理申请在等待批准</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="54"/>
        <source>a refusal request is pending: a supervisor must decline it first</source>
        <translation>有一份不予受理申请待批准：须先由负责人驳回</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="55"/>
        <source>a rejection needs the registry&apos;s code</source>
        <translation>拒绝须带有中心的代码</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="56"/>
        <source>a resident ID check needs 17 digits, got {given!r}</source>
        <translation>计算身份证校验位需要 17 位数字，实际为 {given!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="57"/>
        <source>a result handed out at the window needs the recipient&apos;s identity</source>
        <translation>窗口出件须核验领取人身份</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="58"/>
        <source>a scan has 1 to {limit} bytes, not {length}</source>
        <translation>扫描件大小须为 1 至 {limit} 字节，而非 {length}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="59"/>
        <source>a scan is named by the SHA-256 of its bytes and is not empty</source>
        <translation>扫描件以其内容的 SHA-256 命名，且不能为空</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="60"/>
        <source>a status query needs a limit of at least 1</source>
        <translation>按状态查询的条数上限至少为 1</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="61"/>
        <source>a suspension needs a written reason for the applicant</source>
        <translation>暂停计时须向申请人书面说明理由</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="62"/>
        <source>a ticket needs an id and a service</source>
        <translation>号票须有标识和业务</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="63"/>
        <source>a transfer needs a target: a service, a counter or a staff member</source>
        <translation>转移须指定去向：业务、窗口或工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="64"/>
        <source>a unit of work belongs to the thread that entered it</source>
        <translation>工作单元只能在进入它的线程中使用</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="65"/>
        <source>a visit finished as {outcome} must name its case</source>
        <translation>办理结果为“{outcome}”时须关联办件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="66"/>
        <source>a work profile needs the counter it belongs to</source>
        <translation>工作配置须注明所属窗口</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="67"/>
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="68"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="69"/>
        <source>an agent collects only with the applicant&apos;s authorisation letter</source>
        <translation>代领须持申请人的授权委托书</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="70"/>
        <source>an applicant panel belongs to a counter</source>
        <translation>评价器须属于一个窗口</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="71"/>
        <source>an appointment time comes with, and only with, an appointment ticket</source>
        <translation>只有预约号票才有预约时间，且预约号票必须有预约时间</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="74"/>
        <source>an empty case id or document number was given</source>
        <translation>办件标识或文书编号为空</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="75"/>
        <source>an empty {what} was given</source>
        <translation>{what}为空</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="76"/>
        <source>an extension</source>
        <translation>延长办理期限</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="77"/>
        <source>an extension needs written reasons</source>
        <translation>延长期限须书面说明理由</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="78"/>
        <source>an old-form resident ID number has 15 digits, not {length}</source>
        <translation>旧版身份证号码为 15 位，而非 {length} 位</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="79"/>
        <source>an override needs a reason</source>
        <translation>例外批准须说明理由</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="80"/>
        <source>applicant ID number: {reason}</source>
        <translation>申请人证件号码有误：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="81"/>
        <source>appointment window and recall cooldown cannot be negative</source>
        <translation>预约时段和重呼间隔不能为负</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="82"/>
        <source>audit entry {seq} does not follow entry {previous} of chain {chain!r}: it was sealed on an outdated chain; seal it again</source>
        <translation>审计记录 {seq} 未接在链 {chain!r} 的记录 {previous} 之后：它基于过时的链生成，请重新生成</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="87"/>
        <source>audit entry {seq} does not match its hash</source>
        <translation>审计记录 {seq} 与其哈希值不符</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="88"/>
        <source>audit time must be timezone-aware</source>
        <translation>审计时间须带时区</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="89"/>
        <source>be called</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="90"/>
        <source>be called back</source>
        <translation>取回暂存</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="91"/>
        <source>be finished</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="92"/>
        <source>be marked missed</source>
        <translation>标记过号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="93"/>
        <source>be parked</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="94"/>
        <source>be recalled</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="95"/>
        <source>be transferred</source>
        <translation>转移</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="96"/>
        <source>calendar: off_weekdays may only hold Monday to Friday</source>
        <translation>工作日历：调休休息日只能是周一至周五</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="97"/>
        <source>calendar: working_weekends may only hold Saturdays and Sundays</source>
        <translation>工作日历：调休上班日只能是周六或周日</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="98"/>
        <source>called</source>
        <translation>已呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="99"/>
        <source>cannot accept: {names} must be corrected first</source>
        <translation>无法受理：{names}须先补正</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="100"/>
        <source>cannot decode {kind}: {reason}</source>
        <translation>无法解析 {kind}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="101"/>
        <source>cannot {action} a case in state {status}</source>
        <translation>办件处于“{status}”状态，无法{action}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="102"/>
        <source>case id</source>
        <translation>办件标识</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="103"/>
        <source>case number {number} cannot change to {new_number}</source>
        <translation>办件编号 {number} 不能改为 {new_number}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="104"/>
        <source>case number {number} is already used by another case</source>
        <translation>办件编号 {number} 已被其他办件使用</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="105"/>
        <source>case version must grow beyond {expected}</source>
        <translation>办件版本须大于 {expected}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="106"/>
        <source>case {case_id} already exists</source>
        <translation>办件 {case_id} 已存在</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="107"/>
        <source>case {number} was changed meanwhile (version {version} is stored, {expected} was expected): reload it and apply the change again</source>
        <translation>办件 {number} 已被他人修改（已存版本 {version}，预期版本 {expected}）：请重新打开后再操作</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="112"/>
        <source>case {number} was not updated</source>
        <translation>办件 {number} 未能更新</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="113"/>
        <source>case {number} was received under item {item} version {version}, not {given_item} version {given_version}</source>
        <translation>办件 {number} 按事项 {item} 第 {version} 版收件，而非事项 {given_item} 第 {given_version} 版</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="118"/>
        <source>catalogue refused (1 problem): {shown}</source>
        <translation>事项目录未被接受（1 个问题）：{shown}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="119"/>
        <source>catalogue refused ({count} problems): {shown}</source>
        <translation>事项目录未被接受（{count} 个问题）：{shown}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="120"/>
        <source>catalogue refused ({count} problems): {shown}; … and {rest} more</source>
        <translation>事项目录未被接受（{count} 个问题）：{shown}；……另有 {rest} 个</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="121"/>
        <source>classify: period must not be negative, got {period_working_days}</source>
        <translation>期限分类：期限不能为负，实际为 {period_working_days}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="122"/>
        <source>collector ID number: {reason}</source>
        <translation>领取人证件号码有误：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="123"/>
        <source>completed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="124"/>
        <source>consultation</source>
        <translation>仅咨询</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="125"/>
        <source>correction_notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="126"/>
        <source>correction_requested</source>
        <translation>已一次性告知补正</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="127"/>
        <source>counter code {counter!r} is too long for local ticket numbers</source>
        <translation>窗口代码 {counter!r} 太长，不能用于本窗口号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="128"/>
        <source>decided_approved</source>
        <translation>准予许可</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="129"/>
        <source>decided_refused</source>
        <translation>不予许可</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="130"/>
        <source>declining a refusal</source>
        <translation>驳回不予受理申请</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="131"/>
        <source>delivered</source>
        <translation>已出件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="132"/>
        <source>device {name} {value!r} must be upper-case letters and digits</source>
        <translation>设备{name} {value!r} 只能包含大写字母和数字</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="133"/>
        <source>document</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="134"/>
        <source>document number {number} was already issued</source>
        <translation>文书编号 {number} 已出具过</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="135"/>
        <source>document {document} is not a document of case {number}</source>
        <translation>文书 {document} 不属于办件 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="136"/>
        <source>document {number} refers to case {case_id}, not stored</source>
        <translation>文书 {number} 所属的办件 {case_id} 未保存</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="137"/>
        <source>done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="138"/>
        <source>entry of chain {previous!r} cannot precede chain {chain!r}</source>
        <translation>链 {previous!r} 的记录不能排在链 {chain!r} 之前</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="139"/>
        <source>epoch {epoch} is not above {floor}, the highest epoch this counter used</source>
        <translation>纪元 {epoch} 不大于本窗口用过的最大纪元 {floor}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="142"/>
        <source>epoch {new} is not above the current epoch {epoch}</source>
        <translation>纪元 {new} 不大于当前纪元 {epoch}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="143"/>
        <source>event of ticket {ticket} among {other}</source>
        <translation>号票 {ticket} 的事件混入了 {other} 的事件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="144"/>
        <source>every action needs the staff member who acts</source>
        <translation>每项操作都必须注明办理的工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="145"/>
        <source>expected version {expected}, found {found}</source>
        <translation>预期版本 {expected}，实际为 {found}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="146"/>
        <source>finished</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="147"/>
        <source>hall ticket {number} is {state}</source>
        <translation>大厅号票 {number} 当前为“{state}”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="148"/>
        <source>hall ticket {number} is {state} at counter {counter}</source>
        <translation>大厅号票 {number} 在窗口 {counter} 当前为“{state}”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="149"/>
        <source>hand_out</source>
        <translation>出件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="150"/>
        <source>in_review</source>
        <translation>审查中</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="151"/>
        <source>issued</source>
        <translation>取号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="152"/>
        <source>item {item} asks for no material {material!r}</source>
        <translation>事项 {item} 不需要材料 {material!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="153"/>
        <source>item {item} has no material {material!r}</source>
        <translation>事项 {item} 没有材料 {material!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="154"/>
        <source>item {item} has no situation {situation!r}</source>
        <translation>事项 {item} 没有情形 {situation!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="155"/>
        <source>item {item} has no special procedure {procedure!r}</source>
        <translation>事项 {item} 没有特别程序 {procedure!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="156"/>
        <source>item {item} needs a situation to be chosen</source>
        <translation>事项 {item} 须先选择办理情形</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="157"/>
        <source>leave</source>
        <translation>离开队列</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="158"/>
        <source>left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="159"/>
        <source>legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="160"/>
        <source>limit must be between 1 and {limit}</source>
        <translation>条数上限须在 1 至 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="161"/>
        <source>long_wait must be a positive duration</source>
        <translation>长时间等候的时长须为正数</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="162"/>
        <source>material {material!r} is not owed by this case</source>
        <translation>本办件未容缺材料 {material!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="163"/>
        <source>materials cannot be recorded in state {status}</source>
        <translation>办件处于“{status}”状态，不能登记材料</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="164"/>
        <source>max_recalls cannot be negative, not {max_recalls}</source>
        <translation>最多重呼次数不能为负，而非 {max_recalls}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="165"/>
        <source>migration steps must be numbered 1, 2, 3 … without gaps</source>
        <translation>升级步骤须按 1、2、3……连续编号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="166"/>
        <source>missed</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="167"/>
        <source>moving a case to {target} needs a reason</source>
        <translation>将办件转为“{target}”须说明理由</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="168"/>
        <source>no bad rating of this case waits for a follow-up</source>
        <translation>本办件没有待回访整改的差评</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="169"/>
        <source>no case {case_id}</source>
        <translation>没有办件 {case_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="170"/>
        <source>no counter is open: the wait cannot be estimated</source>
        <translation>没有开放的窗口：无法估算等候时间</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="171"/>
        <source>no document {number}</source>
        <translation>没有文书 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="172"/>
        <source>no item {item!r} in catalogue {version}</source>
        <translation>事项目录 {version} 中没有事项 {item!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="173"/>
        <source>no item {item} at version {version}</source>
        <translation>没有第 {version} 版的事项 {item}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="174"/>
        <source>no item {item} in the current catalogue</source>
        <translation>当前事项目录中没有事项 {item}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="175"/>
        <source>no local ticket {number} on {day}</source>
        <translation>{day} 没有本窗口号票 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="176"/>
        <source>no outbox operation {op_id}</source>
        <translation>没有待同步操作 {op_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="177"/>
        <source>no print job {job_id}</source>
        <translation>没有打印任务 {job_id}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="178"/>
        <source>no_licence_needed</source>
        <translation>无需许可</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="179"/>
        <source>no_show</source>
        <translation>未到场</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="180"/>
        <source>not a valid 15-digit resident ID number: {reason}</source>
        <translation>不是有效的 15 位身份证号码：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="181"/>
        <source>not an audit entry: {reason}</source>
        <translation>不是审计记录：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="182"/>
        <source>not_accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="183"/>
        <source>nothing needs correcting: accept the case instead</source>
        <translation>没有需要补正的材料：请直接受理</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="184"/>
        <source>notice number {number} is already used by this case</source>
        <translation>告知书编号 {number} 已被本办件使用</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="185"/>
        <source>one extension of at most {limit} working days is allowed</source>
        <translation>只能延长一次，且不超过 {limit} 个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="186"/>
        <source>one-time rule: the earlier notice did not list {names}; a supervisor&apos;s override with a reason is required</source>
        <translation>一次性告知规则：此前的告知书未列出{names}；须经负责人说明理由后例外批准</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="191"/>
        <source>only a bad rating is followed up</source>
        <translation>只有差评需要回访整改</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="192"/>
        <source>only a case in review can be extended</source>
        <translation>只有审查中的办件可以延长期限</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="193"/>
        <source>only a 即办件 is completed on the spot</source>
        <translation>只有即办件可以当场办结</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="194"/>
        <source>only the applicant rates, on the customer-facing panel; staff cannot rate for them</source>
        <translation>只能由申请人在评价器上评价；工作人员不能代为评价</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="198"/>
        <source>owed material {material!r} is fulfilled only by handing it in</source>
        <translation>容缺材料 {material!r} 只能通过补交来履行</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="199"/>
        <source>parked</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="200"/>
        <source>pause: last day {last_day} lies before first day {first_day}</source>
        <translation>暂停计时：结束日 {last_day} 早于开始日 {first_day}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="201"/>
        <source>queue times must be timezone-aware</source>
        <translation>排队时间须带时区</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="202"/>
        <source>queue {prefix} has reached its daily cap of {limit} tickets</source>
        <translation>{prefix} 队列已达到每日限号 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="203"/>
        <source>reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="204"/>
        <source>reasons and comments go with 不满意 or 非常不满意 only</source>
        <translation>只有“不满意”或“非常不满意”才填写原因和意见</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="205"/>
        <source>recalled</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="206"/>
        <source>receive</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="207"/>
        <source>receive corrections</source>
        <translation>接收补正材料</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="208"/>
        <source>received</source>
        <translation>已收件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="209"/>
        <source>receiving</source>
        <translation>收件中</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="210"/>
        <source>recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="211"/>
        <source>refusal</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="212"/>
        <source>results of {name} are not sent by post</source>
        <translation>{name}的办理结果不提供邮寄送达</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="213"/>
        <source>resume</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="214"/>
        <source>returned</source>
        <translation>已退件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="215"/>
        <source>scan {sha256} is damaged on this disk</source>
        <translation>本机磁盘上的扫描件 {sha256} 已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="216"/>
        <source>scan {sha256} is not in {root}</source>
        <translation>{root} 中没有扫描件 {sha256}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="217"/>
        <source>search limit must be between 1 and {limit}</source>
        <translation>查询条数上限须在 1 至 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="218"/>
        <source>serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="219"/>
        <source>start being served</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="220"/>
        <source>start the review</source>
        <translation>开始审查</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="221"/>
        <source>started</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="222"/>
        <source>stored JSON is not an object</source>
        <translation>存储的 JSON 不是对象</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="223"/>
        <source>suspended</source>
        <translation>特别程序（暂停计时）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="224"/>
        <source>terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="225"/>
        <source>the 5-working-day notice limit has passed: deemed accepted</source>
        <translation>已超过 5 个工作日的告知期限：视为受理</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="226"/>
        <source>the ID number is not the applicant&apos;s: an agent collects with the applicant&apos;s authorisation letter</source>
        <translation>证件号码不是申请人的：代领须持申请人的授权委托书</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="231"/>
        <source>the action was not stored: {reason}</source>
        <translation>操作未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="232"/>
        <source>the agent&apos;s name is empty</source>
        <translation>代领人姓名未填写</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="233"/>
        <source>the applicant&apos;s name is empty</source>
        <translation>申请人姓名未填写</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="234"/>
        <source>the backup belongs to counter {other}, this store to {counter}</source>
        <translation>该备份属于窗口 {other}，本数据库属于窗口 {counter}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="235"/>
        <source>the backup failed its integrity check: {reason}</source>
        <translation>备份未通过完整性检查：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="236"/>
        <source>the case is closed ({status})</source>
        <translation>办件已结束（{status}）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="237"/>
        <source>the comment is longer than {limit} characters</source>
        <translation>意见超过 {limit} 个字</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="238"/>
        <source>the embedded registry left no enrolment code; see {log}</source>
        <translation>内置中心未留下登记码；请查看 {log}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="239"/>
        <source>the local store cannot be used: {reason}</source>
        <translation>本地数据无法使用：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="240"/>
        <source>the local store is busy, try again: {reason}</source>
        <translation>本地数据繁忙，请重试：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="241"/>
        <source>the local store must be a file</source>
        <translation>本地数据须为文件</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="242"/>
        <source>the phone number is empty</source>
        <translation>电话号码未填写</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="243"/>
        <source>the store cannot use write-ahead logging here (mode {mode})</source>
        <translation>本地数据在此无法使用预写日志（模式 {mode}）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="244"/>
        <source>the store has no counter {name!r}</source>
        <translation>本地数据中没有计数器 {name!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="245"/>
        <source>the store has no device identity: nothing worth backing up</source>
        <translation>本地数据库尚无设备身份（未登记），没有需要备份的内容</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="246"/>
        <source>the store {path} cannot be read ({reason}): move it aside, then restore</source>
        <translation>无法读取本地数据库 {path}（{reason}）：请先将其移走，再恢复</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="249"/>
        <source>the store {path} is in use: close the counter first ({reason})</source>
        <translation>本地数据库 {path} 正在使用：请先关闭窗口程序（{reason}）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="250"/>
        <source>the store&apos;s driver is not sqlite3; cannot back it up</source>
        <translation>本地数据的驱动不是 sqlite3，无法备份</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="251"/>
        <source>the target wait cannot be negative</source>
        <translation>目标等候时间不能为负</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="252"/>
        <source>the unit of work is not entered: use it in a `with` block</source>
        <translation>工作单元尚未进入：请在 `with` 语句块中使用</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="253"/>
        <source>the {label} is empty</source>
        <translation>{label}未填写</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="254"/>
        <source>there is no backup at {path}</source>
        <translation>{path} 处没有备份</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="255"/>
        <source>there is no refusal request to approve</source>
        <translation>没有待批准的不予受理申请</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="256"/>
        <source>there is no refusal request to decline</source>
        <translation>没有可驳回的不予受理申请</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="257"/>
        <source>there is no store at {path}</source>
        <translation>{path} 处没有本地数据库</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="258"/>
        <source>this bad rating has already been followed up</source>
        <translation>这条差评已回访整改</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="259"/>
        <source>this case has already been rated (one rating per case)</source>
        <translation>本办件已评价（每件只能评价一次）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="260"/>
        <source>this counter has no device identity yet: register it first</source>
        <translation>本窗口还没有设备身份：请先登记</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="261"/>
        <source>this counter is not enrolled with {url} yet: ask the administrator for a one-time enrolment code and start with --enrolment-code CODE (or ${variable})</source>
        <translation>本窗口尚未在 {url} 登记：请向管理员索取一次性登记码，并用 --enrolment-code 登记码 启动（或设置 ${variable}）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="266"/>
        <source>this store belongs to device {device} ({hall}-{counter}), not to {other_device} ({other_hall}-{other_counter})</source>
        <translation>本地数据属于设备 {device}（{hall}-{counter}），而非 {other_device}（{other_hall}-{other_counter}）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="271"/>
        <source>this store has schema version {current}, but this Window Clerk only knows versions up to {latest}: install the newer Window Clerk again; the store was left untouched</source>
        <translation>本地数据的结构版本为 {current}，本程序只支持到 {latest}：请重新安装较新的窗口办件系统；本地数据未作改动</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="276"/>
        <source>this unit of work is already in use; make one per action</source>
        <translation>此工作单元已在使用中；每个操作须单独创建</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="277"/>
        <source>this {screen} is not enrolled with {url} yet: ask the administrator for a one-time enrolment code and start with --enrolment-code CODE (or ${variable})</source>
        <translation>此{screen}尚未在 {url} 登记：请向管理员索取一次性登记码，并用 --enrolment-code 登记码 启动（或设置 ${variable}）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="282"/>
        <source>ticket prefix must be 1 to 4 letters A-Z, not {prefix!r}</source>
        <translation>号票前缀须为 1 至 4 个大写字母 A-Z，而非 {prefix!r}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="283"/>
        <source>ticket sequence starts at 1, not {seq}</source>
        <translation>号票序号从 1 开始，而非 {seq}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="284"/>
        <source>ticket {number} can be recalled from {time}, not before</source>
        <translation>{number} 号须在 {time} 之后才能重呼</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="285"/>
        <source>ticket {number} cannot {action}: it is {state}, not {allowed}</source>
        <translation>{number} 号无法{action}：当前为“{state}”，而非“{allowed}”</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="286"/>
        <source>ticket {number} changed meanwhile: try again</source>
        <translation>{number} 号刚被他人改动：请重试</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="287"/>
        <source>ticket {number} does not belong to queue {prefix}</source>
        <translation>{number} 号不属于 {prefix} 队列</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="288"/>
        <source>ticket {number} has used all {limit} recalls</source>
        <translation>{number} 号已用完 {limit} 次重呼</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="289"/>
        <source>ticket {number} is at counter {counter}; only it can transfer it</source>
        <translation>{number} 号在窗口 {counter}，只有该窗口可以转移</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="290"/>
        <source>ticket {number} is at counter {holder}, not counter {counter}</source>
        <translation>{number} 号在窗口 {holder}，不在窗口 {counter}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="291"/>
        <source>ticket {number} is not one of counter {counter}&apos;s own</source>
        <translation>{number} 号不是窗口 {counter} 自己的号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="292"/>
        <source>ticket {number} is still {state} at counter {counter}: finish, park, transfer or mark it missed before calling again</source>
        <translation>{number} 号在窗口 {counter} 仍为“{state}”：请先办结、暂存、转移或标记过号，再叫下一号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="297"/>
        <source>ticket {number} is {state}, not missed</source>
        <translation>{number} 号当前为“{state}”，不是过号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="298"/>
        <source>ticket {number} waits for counter {target_counter}</source>
        <translation>{number} 号指定由窗口 {target_counter} 办理</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="299"/>
        <source>ticket {number} waits for staff member {target_staff}</source>
        <translation>{number} 号指定由工作人员 {target_staff} 办理</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="300"/>
        <source>ticket {number}: service cannot end before it started</source>
        <translation>{number} 号：办理结束时间不能早于开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="301"/>
        <source>ticket {number}: {kind} goes back</source>
        <translation>{number} 号：“{kind}”事件的时间倒退</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="302"/>
        <source>tickets ahead cannot be negative, not {ahead}</source>
        <translation>前面等候人数不能为负，而非 {ahead}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="303"/>
        <source>time limit: value must not be negative, got {value}</source>
        <translation>时限：数值不能为负，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="304"/>
        <source>times must be timezone-aware</source>
        <translation>时间须带时区</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="305"/>
        <source>tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="306"/>
        <source>transferred</source>
        <translation>已转移</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="307"/>
        <source>upgrading the store to version {version} ({description}) failed and was undone; the store stays at version {previous}: {reason}</source>
        <translation>本地数据升级到版本 {version}（{description}）失败，已撤销；仍为版本 {previous}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="312"/>
        <source>value is not plain JSON: {reason}</source>
        <translation>值不是普通 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="313"/>
        <source>void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="314"/>
        <source>waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="315"/>
        <source>warning policy: min_days must not be negative: {min_days}</source>
        <translation>预警规则：最少天数不能为负：{min_days}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="316"/>
        <source>warning policy: share must lie in [0, 1], got {share}</source>
        <translation>预警规则：比例须在 [0, 1] 之间，实际为 {share}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="317"/>
        <source>weights given for services the counter does not serve: {services}</source>
        <translation>为本窗口不办理的业务设置了权重：{services}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="318"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="319"/>
        <source>working days: n must not be negative, got {n}</source>
        <translation>工作日：天数不能为负，实际为 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="320"/>
        <source>year {year} cannot appear in a document number</source>
        <translation>文书编号中不能使用年份 {year}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="321"/>
        <source>{intent} cannot change a case&apos;s rating</source>
        <translation>{intent} 不能改动办件的评价</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="322"/>
        <source>{kind}.{name} is missing</source>
        <translation>缺少 {kind}.{name}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="323"/>
        <source>{kind}.{name}: expected a list</source>
        <translation>{kind}.{name}：应为列表</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="324"/>
        <source>{kind}.{name}: expected {hint}, got {type}</source>
        <translation>{kind}.{name}：应为 {hint}，实际为 {type}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="325"/>
        <source>{kind}.{name}: {value} is not allowed</source>
        <translation>{kind}.{name}：不允许 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="326"/>
        <source>{kind}: expected an object</source>
        <translation>{kind}：应为对象</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="327"/>
        <source>{number!r} is not a counter-local number such as W03-001</source>
        <translation>{number!r} 不是 W03-001 这样的本窗口号</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="328"/>
        <source>{number!r} is not a ticket number such as A001</source>
        <translation>{number!r} 不是 A001 这样的号码</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="329"/>
        <source>{refusal}: {reason}</source>
        <translation>{refusal}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="330"/>
        <source>{sha256!r} is not a SHA-256</source>
        <translation>{sha256!r} 不是 SHA-256 值</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="331"/>
        <source>{state} is not an answer of the registry</source>
        <translation>{state} 不是中心的答复</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="332"/>
        <source>{text!r} is not a document number (HALL-COUNTER-EPOCH-YEAR-SEQ)</source>
        <translation>{text!r} 不是文书编号（大厅-窗口-纪元-年份-序号）</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="333"/>
        <source>{text!r} is not an outcome</source>
        <translation>{text!r} 不是办理结果</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="334"/>
        <source>{value!r} is not a UUID</source>
        <translation>{value!r} 不是 UUID</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="335"/>
        <source>{value!r} is not a version 7 UUID</source>
        <translation>{value!r} 不是第 7 版 UUID</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="336"/>
        <source>{what} cannot be approved by the person who asked for it</source>
        <translation>{what}不能由提出申请的本人批准</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="337"/>
        <source>{what} must be timezone-aware, got {value}</source>
        <translation>{what} 须带时区，实际为 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="338"/>
        <source>{what} needs a supervisor&apos;s approval; {name} is a clerk</source>
        <translation>{what}须经负责人批准；{name} 是窗口工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="339"/>
        <source>{where}: expected a list</source>
        <translation>{where}：应为列表</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="340"/>
        <source>{where}: expected an object</source>
        <translation>{where}：应为对象</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="341"/>
        <source>{where}: expected {hint}, got {type}</source>
        <translation>{where}：应为 {hint}，实际为 {type}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="342"/>
        <source>{where}: may not be null</source>
        <translation>{where}：不能为空</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="343"/>
        <source>{where}: {value} is not allowed</source>
        <translation>{where}：不允许 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="344"/>
        <source>不满意 and 非常不满意 need at least one reason from the list</source>
        <translation>“不满意”和“非常不满意”须至少选择一个原因</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="345"/>
        <source>容缺 material is still owed</source>
        <translation>仍有容缺材料未补交</translation>
    </message>
    <message>
        <location filename="../../ui/domain_messages.py" line="346"/>
        <source>容缺 material is still owed; it must arrive before approval</source>
        <translation>仍有容缺材料未补交；须在批准前补齐</translation>
    </message>
</context>
</TS>
