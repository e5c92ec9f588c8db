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
        <location filename="../../ui/main_window.py" line="24"/>
        <source>Window Clerk — service catalogue</source>
        <translation>窗口办件 — 事项目录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="29"/>
        <source>%n service item(s)</source>
        <translation>
            <numerusform>共 %n 个服务事项</numerusform>
        </translation>
    </message>
</context>
</TS>
