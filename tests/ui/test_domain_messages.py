"""The domain's messages stay translatable: marked for lupdate, literal at the source, in Chinese.

scripts/domain_messages.py reads the sources (clerk/, sync/, registry/) and writes
ui/domain_messages.py; these tests fail when that file is stale, when a raise site in clerk/
words its message with an f-string or a variable, and when a template has no Chinese with the
same placeholders in scripts/zh/domain.py.
"""

from __future__ import annotations

import runpy
import string
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TOOL: dict[str, Any] = runpy.run_path(str(ROOT / "scripts" / "domain_messages.py"))
GENERATED = ROOT / "ui" / "domain_messages.py"
CHINESE: dict[str, str] = runpy.run_path(str(ROOT / "scripts" / "zh" / "domain.py"))["ZH"]


def _fields(template: str) -> list[tuple[str, str | None]]:
    """A template's placeholders with their conversions (`{code!r}` → ("code", "r"))."""
    parsed = string.Formatter().parse(template)
    return sorted((name, conversion) for _, name, _, conversion in parsed if name is not None)


def test_the_generated_catalogue_lists_every_message_and_no_other() -> None:
    texts: frozenset[str] = TOOL["scan"]().texts
    marked: set[str] = TOOL["marked"](GENERATED.read_text("utf-8"))
    run = "run `.venv/bin/python scripts/domain_messages.py`"
    assert sorted(texts - marked) == [], f"missing from ui/domain_messages.py: {run}"
    assert sorted(marked - texts) == [], f"no longer raised anywhere: {run}"


def test_every_message_of_the_domain_is_a_literal_template_with_its_parameters() -> None:
    assert [str(offence) for offence in TOOL["scan"]().offences] == []


def test_every_message_and_word_has_chinese_with_the_same_placeholders() -> None:
    texts: frozenset[str] = TOOL["scan"]().texts
    assert sorted(t for t in texts if t not in CHINESE) == []
    assert [t for t in sorted(texts) if _fields(CHINESE[t]) != _fields(t)] == []


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


_ENUMS = {
    "clerk/cases/status.py": """
        class CaseStatus(StrEnum):
            VOID = "void"
    """,
    "clerk/queue/tickets.py": """
        class TicketState(StrEnum):
            DONE = "done"
        class Outcome(StrEnum):
            REFUSAL = "refusal"
        class EventKind(StrEnum):
            LEFT = "left"
    """,
}


def test_the_scan_reports_fstrings_variables_and_wrong_parameters(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            **_ENUMS,
            "clerk/errors.py": """
                class ClerkError(Exception): ...
                class RuleViolation(ClerkError): ...
                class Clash(RuleViolation): ...
            """,
            "clerk/rules.py": """
                def fine(n, error):
                    raise RuleViolation("case {number} is closed", number=n)
                def fstring(n):
                    raise Clash(f"case {n} is closed")
                def variable(message):
                    return RuleViolation(message)
                def wrong_name(n):
                    raise RuleViolation("case {number} is open", case=n)
                def forgotten(n):
                    raise RuleViolation("case {number} is parked")
                def carried(error):
                    raise Clash.restated(error)
                def phrases(what):
                    return Phrase("an extension"), Phrase(what)
            """,
            "sync/client.py": """
                def passed_on(answer):
                    raise RuleViolation(answer)  # not checked outside clerk/
            """,
        },
    )
    result = TOOL["scan"](root)
    assert [(o.path, o.line) for o in result.offences] == [
        ("clerk/rules.py", 5),
        ("clerk/rules.py", 7),
        ("clerk/rules.py", 9),
        ("clerk/rules.py", 11),
        ("clerk/rules.py", 15),
    ]
    assert "an f-string" in str(result.offences[0])
    assert "['number'] but parameters ['case']" in str(result.offences[2])
    assert result.texts == {
        "case {number} is closed",
        "case {number} is open",
        "case {number} is parked",
        "an extension",
        "void",
        "done",
        "refusal",
        "left",
    }


def test_a_rendered_catalogue_marks_exactly_its_texts() -> None:
    texts = {"short", 'a {placeholder} with a "quote"', "long " * 40 + "end", "容缺 material"}
    rendered: str = TOOL["render"](texts)
    assert TOOL["marked"](rendered) == texts
    compile(rendered, "domain_messages.py", "exec")  # valid Python
