"""Reading a systemd unit and its EnvironmentFile the way systemd does, for the service tests.

Only what packaging/linux uses: sections of `Key=value` lines (a key may repeat), comments,
`KEY=value` environment files, `Environment=` assignments, and the two kinds of variable in a
command line — `${NAME}` is one word, `$NAME` alone is split at whitespace into zero or more
words (systemd.service(5), "Command lines").
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping

_WHOLE_WORD = re.compile(r"\$\{(\w+)\}")
_SPLIT_WORD = re.compile(r"\$(\w+)")


def sections(text: str) -> dict[str, list[tuple[str, str]]]:
    """Every `[Section]`'s `(key, value)` lines, in order."""
    result: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = result.setdefault(line[1:-1], [])
            continue
        key, _, value = line.partition("=")
        current.append((key.strip(), value.strip()))
    return result


def values(unit: Mapping[str, list[tuple[str, str]]], section: str, key: str) -> list[str]:
    """Every value of `key` in `section`."""
    return [value for name, value in unit.get(section, []) if name == key]


def environment_file(text: str) -> dict[str, str]:
    """The variables of an EnvironmentFile (`KEY=value`, comments, optional quotes)."""
    variables: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        variables[key.strip()] = value
    return variables


def assignments(line: str) -> dict[str, str]:
    """The variables of one `Environment=` line (space-separated `KEY=value` words)."""
    return dict(word.partition("=")[::2] for word in shlex.split(line))


def command(line: str, env: Mapping[str, str]) -> list[str]:
    """A unit's command line as the words systemd executes, variables expanded from `env`.

    Raises:
        KeyError: a `${NAME}` the environment does not define.
    """
    words: list[str] = []
    for word in shlex.split(line):
        split = _SPLIT_WORD.fullmatch(word)
        if split is not None:
            words += env.get(split.group(1), "").split()
            continue
        words.append(_WHOLE_WORD.sub(lambda match: env[match.group(1)], word))
    return words
