"""No user-visible string literal reaches a widget without Qt's translation (napari's test).

Every `ui/**/*.py` is parsed; a string literal with a letter in it (Latin or Chinese) handed
straight to a text setter, a widget's constructor, `addAction` or a QMessageBox is reported as
file:line. Wrap it in `self.tr()` / `QCoreApplication.translate()` / `QT_TRANSLATE_NOOP`; text
that is the same in every language (a language's own name, say) carries `# notr: <why>` on its
line.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"

SETTERS = {  # method name -> the position of its text argument
    "setText": 0,
    "setWindowTitle": 0,
    "setToolTip": 0,
    "setStatusTip": 0,
    "setWhatsThis": 0,
    "setPlaceholderText": 0,
    "setTitle": 0,
    "setInformativeText": 0,
    "setDetailedText": 0,
    "showMessage": 0,
    "setLabelText": 0,
    "setTabText": 1,
    "addTab": 1,
    "setItemText": 1,
}
WIDGETS = {  # class -> the positions its text may take (after an optional icon)
    "QLabel": (0,),
    "QPushButton": (0, 1),
    "QCheckBox": (0,),
    "QRadioButton": (0,),
    "QGroupBox": (0,),
    "QAction": (0, 1),
    "QDockWidget": (0,),
}
MESSAGE_BOXES = {"information", "warning", "critical", "question", "about"}  # (parent, title, text)
TRANSLATORS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "qsTr"}
MARKER = "# notr:"


@dataclass(frozen=True, slots=True)
class Offence:
    """A literal shown untranslated: where, and its text."""

    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _has_letter(text: str) -> bool:
    return any(char.isalpha() for char in text)


def literal_text(node: ast.expr) -> str | None:
    """The user-visible literal text in an expression, or None when there is none."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _has_letter(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        joined = "".join(str(part) for part in parts)
        return joined if _has_letter(joined) else None
    if isinstance(node, ast.BinOp):
        return literal_text(node.left) or literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return literal_text(node.body) or literal_text(node.orelse)
    if isinstance(node, ast.Call) and _name(node.func) == "format":
        assert isinstance(node.func, ast.Attribute)  # "Hello {x}".format(...) on a bare literal
        return literal_text(node.func.value)
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def shown_arguments(call: ast.Call) -> Iterator[ast.expr]:
    """The arguments of a call that end up on screen as text."""
    name, args = _name(call.func), call.args
    if name in SETTERS and len(args) > SETTERS[name]:
        yield args[SETTERS[name]]
    elif name in WIDGETS:
        yield from (args[i] for i in WIDGETS[name] if i < len(args))
    elif name == "addAction":
        yield from args[:2]
    elif name in MESSAGE_BOXES and isinstance(call.func, ast.Attribute):
        if _name(call.func.value) == "QMessageBox":
            yield from args[1:3]
    elif name == "QMessageBox":
        yield from args[1:3]
    for keyword in call.keywords:
        if keyword.arg in {"text", "title", "toolTip", "windowTitle", "placeholderText"}:
            yield keyword.value


def offences(path: Path, root: Path = ROOT) -> list[Offence]:
    """Every untranslated user-visible literal in one module (named relative to `root`)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if not isinstance(node, ast.Call) or _name(node.func) in TRANSLATORS:
            continue
        for argument in shown_arguments(node):
            text = literal_text(argument)
            if text is not None and MARKER not in lines[argument.lineno - 1]:
                found.append(Offence(str(path.relative_to(root)), argument.lineno, text))
    return found


def test_every_user_visible_literal_goes_through_qt_translation() -> None:
    found = [offence for path in sorted(UI.rglob("*.py")) for offence in offences(path)]
    assert not found, "untranslated user-visible strings:\n" + "\n".join(map(str, found))


SAMPLE = """
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

class Panel:
    def build(self, count):
        self.title = QLabel("Queue", self)
        self.button = QPushButton(icon, "Call next")
        self.setWindowTitle(f"Counter {count}")
        self.status.setText("{n} waiting".format(n=count))
        QMessageBox.warning(self, "出错", "无法打印")
        self.menu.addAction("Settings…")
        self.hint.setToolTip("Ask" if count else "Wait")
        self.ok.setText(self.tr("OK"))
        self.tip.setText(self.tr("{n} waiting").format(n=count))
        self.sep.setText(" · ")
        self.name.setText(name)
        self.label.setText(QCoreApplication.translate("Panel", "Hall"))
        self.lang.addItem("中文")
        self.lang.setText("English")  # notr: a language's own name
"""


def test_the_scan_finds_each_kind_of_untranslated_literal_and_nothing_else(tmp_path: Path) -> None:
    sample = tmp_path / "ui" / "panel.py"
    sample.parent.mkdir()
    sample.write_text(SAMPLE, encoding="utf-8")
    found = [(offence.line, offence.text) for offence in offences(sample, tmp_path)]
    assert found == [
        (6, "Queue"),
        (7, "Call next"),
        (8, "Counter "),
        (9, "{n} waiting"),
        (10, "出错"),
        (10, "无法打印"),
        (11, "Settings…"),
        (12, "Ask"),
    ]
    assert str(offences(sample, tmp_path)[0]) == "ui/panel.py:6: 'Queue'"
