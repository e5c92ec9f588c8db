<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="25"/>
        <source>Window Clerk — service catalogue</source>
        <translation>窗口办件 — 事项目录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="32"/>
        <source>%n service item(s)</source>
        <translation>
            <numerusform>共 %n 个服务事项</numerusform>
        </translation>
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
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="99"/>
        <source>Window Clerk</source>
        <translation>窗口办件</translation>
    </message>
</context>
</TS>
