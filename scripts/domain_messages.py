"""Collect the domain's message templates for Qt's translation tools (writes ui/domain_messages.py).

Usage:
    .venv/bin/python scripts/domain_messages.py           # write ui/domain_messages.py
    .venv/bin/python scripts/domain_messages.py --check   # exit 1 if it is stale or a raise
                                                          # site is not a literal template

The domain raises `ClerkError` subclasses with an English template and keyword parameters
(`clerk/errors.py`). This script reads the sources with `ast` (nothing is imported):

- every template: the first argument of a call of a `ClerkError` subclass, and of
  `super().__init__` inside such a class, found under `SOURCES`;
- every `Phrase("…")`: fixed phrases that messages take as parameters;
- the values of the domain enums in `WORD_ENUMS`, which messages take as parameters (a status,
  a ticket state) and `ui.errors.explain_error` translates.

It writes one `QT_TRANSLATE_NOOP("clerk", …)` per text, so `pyside6-lupdate` (run over ui/ by
scripts/translations.sh) puts them in the translation file. Under `STRICT` every message must be
a literal template whose placeholders are the keyword parameters given: an f-string or a
variable would reach the user untranslated. A class with its own `__init__` (the catalogue's
error) is checked at its `super().__init__` call instead; `X.restated(error)` carries another
error's template over. Elsewhere (sync/, registry/) a message taken from the registry's answer
stays a plain message.
"""

from __future__ import annotations

import ast
import re
import string
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("clerk", "sync", "registry")
STRICT = ("clerk",)
TARGET = ROOT / "ui" / "domain_messages.py"
CONTEXT = "clerk"
BASE = "ClerkError"
PHRASE = "Phrase"
WORD_ENUMS = (
    ("clerk/cases/status.py", "CaseStatus"),
    ("clerk/queue/tickets.py", "TicketState"),
    ("clerk/queue/tickets.py", "Outcome"),
    ("clerk/queue/tickets.py", "EventKind"),
)
"""Enums whose members messages take as parameters; their values are translated as words."""

_LINE = 100  # ruff's line length

HEADER = '''"""Every message of the domain, marked for Qt's translation tools (generated file).

Written by scripts/domain_messages.py from the templates at the domain's raise sites, the
`Phrase`s its messages take and the domain words (enum values) they name. pyside6-lupdate reads
the marks; `ui.errors.explain_error` translates with the context "clerk". Run the script again
after changing a message (tests/ui/test_domain_messages.py fails until then).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES = (
'''


@dataclass(frozen=True, slots=True)
class Offence:
    """A message that would reach the user untranslated: where, and why."""

    path: str
    line: int
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.why}"


@dataclass(frozen=True, slots=True)
class Scan:
    """What the sources hold: the texts to translate and the offences found."""

    texts: frozenset[str]
    offences: tuple[Offence, ...]


def _modules(root: Path) -> dict[str, ast.Module]:
    files = sorted(f for top in SOURCES for f in (root / top).rglob("*.py"))
    return {f.relative_to(root).as_posix(): ast.parse(f.read_text("utf-8")) for f in files}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def error_classes(modules: Iterable[ast.Module]) -> dict[str, ast.ClassDef]:
    """Every class deriving from `ClerkError` (by name, through any depth of subclasses)."""
    classes = [n for m in modules for n in ast.walk(m) if isinstance(n, ast.ClassDef)]
    found: dict[str, ast.ClassDef] = {}
    grew = True
    while grew:
        grew = False
        for node in classes:
            bases = {_name(b) for b in node.bases}
            if node.name not in found and (BASE in bases or bases & found.keys()):
                found[node.name] = node
                grew = True
    return found


def _own_init(node: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> bool:
    """Whether the class, or a base of it below `ClerkError`, words its message itself."""
    if any(isinstance(s, ast.FunctionDef) and s.name == "__init__" for s in node.body):
        return True
    bases = (classes.get(_name(b) or "") for b in node.bases)
    return any(base is not None and _own_init(base, classes) for base in bases)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def placeholders(template: str) -> set[str]:
    """The names of a template's `{name}` fields."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def _check(call: ast.Call, template: str | None, where: tuple[str, int]) -> Iterator[Offence]:
    first = call.args[0] if call.args else None
    if template is None:
        kind = "an f-string" if isinstance(first, ast.JoinedStr) else "not a literal template"
        yield Offence(*where, f"the message is {kind}: {ast.unparse(first) if first else ''}")
        return
    if any(k.arg is None for k in call.keywords):
        return  # **params: cannot be checked here
    given = {k.arg for k in call.keywords if k.arg is not None}
    fields = placeholders(template)
    if fields != given:
        yield Offence(*where, f"placeholders {sorted(fields)} but parameters {sorted(given)}")


def _calls(module: ast.Module, classes: dict[str, ast.ClassDef]) -> Iterator[ast.Call]:
    """Message-carrying calls: constructors of plain error classes, `super().__init__` in any."""
    for node in ast.walk(module):
        if isinstance(node, ast.ClassDef) and node.name in classes:
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and _is_super_init(call):
                    yield call
        elif isinstance(node, ast.Call):
            cls = classes.get(_name(node.func) or "")
            if cls is not None and not _own_init(cls, classes):
                yield node


def _is_super_init(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "__init__"
        and isinstance(func.value, ast.Call)
        and _name(func.value.func) == "super"
    )


def _phrases(module: ast.Module) -> Iterator[tuple[ast.Call, str | None]]:
    for node in ast.walk(module):
        if isinstance(node, ast.Call) and _name(node.func) == PHRASE:
            yield node, _literal(node.args[0] if node.args else None)


def _enum_values(modules: dict[str, ast.Module], path: str, enum: str) -> list[str] | None:
    """The literal values of an enum's members, or None when the enum is not found."""
    for node in ast.walk(modules.get(path, ast.Module(body=[], type_ignores=[]))):
        if isinstance(node, ast.ClassDef) and node.name == enum:
            values = (_literal(s.value) for s in node.body if isinstance(s, ast.Assign))
            return [value for value in values if value is not None]
    return None


def scan(root: Path = ROOT) -> Scan:
    """Read the sources under `root` and collect the texts and the offences.

    Args:
        root: the project's folder.

    Returns:
        The templates, phrases and enum words, and every non-literal message under `STRICT`.
    """
    modules = _modules(root)
    classes = error_classes(modules.values())
    texts: set[str] = set()
    offences: list[Offence] = []
    for path, enum in WORD_ENUMS:
        values = _enum_values(modules, path, enum)
        if values is None:
            offences.append(Offence(path, 0, f"WORD_ENUMS names {enum}, which is not there"))
        texts.update(values or ())
    for path, module in modules.items():
        strict = path.split("/", 1)[0] in STRICT
        for call in _calls(module, classes):
            template = _literal(call.args[0] if call.args else None)
            if template is not None:
                texts.add(template)
            if strict:
                offences.extend(_check(call, template, (path, call.lineno)))
        for call, phrase in _phrases(module):
            if phrase is not None:
                texts.add(phrase)
            elif strict and path != "clerk/errors.py":
                offences.append(Offence(path, call.lineno, "a Phrase must be a literal"))
    return Scan(frozenset(texts), tuple(offences))


def _width(line: str) -> int:
    """A line's width as ruff measures it: East Asian wide characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _pieces(text: str) -> list[str]:
    """The text cut after spaces into pieces that fit on a line of the generated file."""
    pieces = [""]
    for word in re.findall(r"[^ ]+ *| +", text):
        if pieces[-1] and _width(f"        {_quoted(pieces[-1] + word)},") > _LINE:
            pieces.append("")
        pieces[-1] += word
    return pieces


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _entry(text: str) -> str:
    """One mark, laid out as `ruff format` lays it out (so the gate leaves the file alone)."""
    one_line = f'    QT_TRANSLATE_NOOP("{CONTEXT}", {_quoted(text)}),'
    if _width(one_line) <= _LINE:
        return one_line
    hugging = f'        "{CONTEXT}", {_quoted(text)}'
    if _width(hugging) <= _LINE:
        return f"    QT_TRANSLATE_NOOP(\n{hugging}\n    ),"
    body = "\n".join(f"        {_quoted(piece)}" for piece in _pieces(text))
    return f'    QT_TRANSLATE_NOOP(\n        "{CONTEXT}",\n{body},\n    ),'


def render(texts: Iterable[str]) -> str:
    """The generated module holding one mark per text, sorted."""
    entries = "\n".join(_entry(text) for text in sorted(texts))
    return f"{HEADER}{entries}\n)\n"


def marked(source: str) -> set[str]:
    """The texts a (generated) module marks with `QT_TRANSLATE_NOOP("clerk", …)`."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _name(node.func) == "QT_TRANSLATE_NOOP":
            context, text = (_literal(arg) for arg in node.args)
            if context == CONTEXT and text is not None:
                found.add(text)
    return found


def main(argv: list[str]) -> int:
    """Write (or with --check, verify) the generated catalogue; 1 when something is wrong."""
    result = scan()
    for offence in result.offences:
        print(offence, file=sys.stderr)  # noqa: T201 - a command-line tool reports on stderr
    if "--check" in argv:
        current = marked(TARGET.read_text("utf-8")) if TARGET.exists() else set()
        for text in sorted(result.texts - current):
            print(f"missing: {text!r}", file=sys.stderr)  # noqa: T201
        for text in sorted(current - result.texts):
            print(f"extra: {text!r}", file=sys.stderr)  # noqa: T201
        return 1 if result.offences or current != result.texts else 0
    TARGET.write_text(render(result.texts), encoding="utf-8")
    return 1 if result.offences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
