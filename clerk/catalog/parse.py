"""Reads decoded catalogue JSON into the model, field by field, driven by the model's type hints.

The file's field names are the model's field names, so one reader serves every class and a field
added to the model is read (and checked) without touching this module. What the hints cannot say
lives in the tables below: which integers must be positive and how an item names its agency.
Every problem is recorded with its path; an object is built only when its whole subtree is clean,
so nothing is ever half-built.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import types
import typing
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any, Final

from clerk.catalog.model import Agency, ServiceItem
from clerk.catalog.problems import ProblemSink
from clerk.errors import InvalidInput


class _Failed(Enum):
    """Marks a value that could not be read; its problem is already recorded."""

    FAILED = "FAILED"


FAILED: Final = _Failed.FAILED

_POSITIVE: Final = frozenset({"version", "copies", "validity_months", "value", "amount_fen"})
"""Integer fields that must be at least 1 (a limit, a copy count, an amount)."""

_NON_NEGATIVE: Final = frozenset({"max_visits"})
"""Integer fields that may be 0 (零跑腿: the item is done without any visit)."""


@dataclass(frozen=True, slots=True)
class Context:
    """What reading needs beyond the value: where to report, and the agencies to refer to.

    `broken_agencies` are codes of agencies whose own entry was refused; a reference to one is
    not reported again (the agency's own problem already explains it). Without an agency list
    at all (`agencies_listed` false) no reference can be judged, so none is reported.
    """

    sink: ProblemSink
    agencies: Mapping[str, Agency]
    broken_agencies: frozenset[str] = frozenset()
    agencies_listed: bool = True


class JsonObject(dict[str, object]):
    """A decoded JSON object that remembers keys the file gave twice (json keeps only the last)."""

    duplicate_keys: tuple[str, ...] = ()


def json_object(pairs: list[tuple[str, object]]) -> JsonObject:
    """`object_pairs_hook` for `json.loads`: keep duplicate keys visible to the reader."""
    result = JsonObject(pairs)
    if len(result) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        result.duplicate_keys = tuple(key for key, n in counts.items() if n > 1)
    return result


def join(path: str, name: str) -> str:
    """The path of a field `name` inside the object at `path`."""
    return f"{path}.{name}" if path else name


_SCALARS: Final = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"))


def json_type(raw: object) -> str:
    """How a decoded JSON value is called in problem messages, with a short excerpt."""
    if raw is None:
        return "null"
    for kind, name in _SCALARS:
        if isinstance(raw, kind):
            return f"{name} {_excerpt(raw)}"
    if isinstance(raw, list):
        return "array"
    return "object" if isinstance(raw, dict) else f"{type(raw).__name__} (not a JSON value)"


def _excerpt(raw: object) -> str:
    if isinstance(raw, str):
        return repr(raw if len(raw) <= 40 else raw[:40] + "…")
    return json.dumps(raw)  # true, false, 5, 20.5 as the file spells them


def read_object(raw: object, cls: type[Any], path: str, ctx: Context) -> object:
    """Read a JSON object into the dataclass `cls`.

    Returns:
        The built instance, or `FAILED` when any problem was found in it (all are recorded).
    """
    if not isinstance(raw, dict):
        ctx.sink.add(path, f"must be an object, got {json_type(raw)}")
        return FAILED
    before = ctx.sink.count
    fields = _fields(cls)
    _check_keys(raw, cls, path, ctx)
    values: dict[str, object] = {}
    for name, spec in fields.items():
        if name in raw:
            values[name] = _read_field(raw[name], cls, name, path, ctx)
        elif spec.required:
            ctx.sink.add(join(path, name), "required field is missing")
    # A reference to a refused agency fails without a problem of its own, hence both tests.
    if ctx.sink.count > before or any(value is FAILED for value in values.values()):
        return FAILED
    try:
        return cls(**values)
    except InvalidInput as error:  # an invariant the model checks and this reader does not
        ctx.sink.add(path, str(error))
        return FAILED


def _check_keys(raw: dict[str, object], cls: type[Any], path: str, ctx: Context) -> None:
    """Refuse unknown fields (a typo would otherwise silently become a default)."""
    known = _fields(cls).keys()
    for key in raw:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"{cls.__name__} has no such field"
            ctx.sink.add(join(path, str(key)), f"unknown field ({hint})")
    _report_duplicates(raw, path, ctx)


def _report_duplicates(raw: dict[str, object], path: str, ctx: Context) -> None:
    for key in raw.duplicate_keys if isinstance(raw, JsonObject) else ():
        ctx.sink.add(join(path, key), "given more than once in the same object")


@dataclass(frozen=True, slots=True)
class _FieldSpec:
    hint: Any  # the resolved type hint
    required: bool  # no default: must be given, and must not be empty


_SPECS: dict[type[Any], dict[str, _FieldSpec]] = {}


def _fields(cls: type[Any]) -> dict[str, _FieldSpec]:
    """The fields of a model class in declaration order (cached: hints are costly to resolve)."""
    if cls not in _SPECS:
        hints = typing.get_type_hints(cls)
        _SPECS[cls] = {
            f.name: _FieldSpec(hints[f.name], _is_required(f)) for f in dataclasses.fields(cls)
        }
    return _SPECS[cls]


def _is_required(field: dataclasses.Field[Any]) -> bool:
    no_default = field.default is dataclasses.MISSING
    return no_default and field.default_factory is dataclasses.MISSING


def _read_field(raw: object, cls: type[Any], name: str, path: str, ctx: Context) -> object:
    """Read one field of `cls`; required fields must not be empty."""
    field_path = join(path, name)
    if cls is ServiceItem and name == "agency":
        return _read_agency_ref(raw, field_path, ctx)
    spec = _fields(cls)[name]
    return read_value(raw, spec.hint, field_path, ctx, name=name, non_empty=spec.required)


def read_value(
    raw: object, hint: Any, path: str, ctx: Context, *, name: str, non_empty: bool
) -> object:
    """Read a value of the type `hint` (as the model spells it) at `path`.

    Args:
        raw: the decoded JSON value.
        hint: the model's type for it.
        path: where it sits, for problem messages.
        ctx: the problem sink and the agencies.
        name: the field's name, which selects range rules for integers.
        non_empty: whether an empty string or array is refused.

    Returns:
        The value, or `FAILED` with its problems recorded.
    """
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return _read_optional(raw, hint, path, ctx, name=name)
    if origin is tuple:
        return _read_tuple(raw, typing.get_args(hint)[0], path, ctx, non_empty=non_empty)
    if origin is Mapping:
        return _read_mapping(raw, typing.get_args(hint)[1], path, ctx)
    if dataclasses.is_dataclass(hint):
        return read_object(raw, typing.cast(type[Any], hint), path, ctx)
    return _read_scalar(raw, hint, path, ctx, name=name, non_empty=non_empty)


def _read_scalar(
    raw: object, hint: Any, path: str, ctx: Context, *, name: str, non_empty: bool
) -> object:
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return _read_enum(raw, hint, path, ctx)
    if hint is bool:
        return _expect(type(raw) is bool, raw, "a boolean", path, ctx)
    if hint is int:
        return _read_int(raw, path, ctx, name=name)
    if hint is str:
        return _read_str(raw, path, ctx, non_empty=non_empty)
    raise TypeError(f"the catalogue reader does not know the model type {hint!r}")


def _expect(ok: bool, raw: object, what: str, path: str, ctx: Context) -> object:
    if ok:
        return raw
    ctx.sink.add(path, f"must be {what}, got {json_type(raw)}")
    return FAILED


def _read_str(raw: object, path: str, ctx: Context, *, non_empty: bool) -> object:
    if not isinstance(raw, str):
        return _expect(False, raw, "a string", path, ctx)
    if non_empty and not raw.strip():
        ctx.sink.add(path, "must not be empty")
        return FAILED
    return raw


def _read_int(raw: object, path: str, ctx: Context, *, name: str) -> object:
    # bool is a subclass of int in Python but not an integer in a catalogue file.
    if type(raw) is not int:
        kind = "a positive integer" if name in _POSITIVE else "an integer"
        return _expect(False, raw, kind, path, ctx)
    if name in _POSITIVE and raw < 1:
        ctx.sink.add(path, f"must be a positive integer, got {raw}")
        return FAILED
    if name in _NON_NEGATIVE and raw < 0:
        ctx.sink.add(path, f"must be zero or a positive integer, got {raw}")
        return FAILED
    return raw


def _read_enum(raw: object, enum: type[StrEnum], path: str, ctx: Context) -> object:
    if not isinstance(raw, str):
        return _expect(False, raw, f"one of {_members(enum)}", path, ctx)
    try:
        return enum(raw)
    except ValueError:
        ctx.sink.add(path, f"{raw!r} is not one of {_members(enum)}")
        return FAILED


def _members(enum: type[StrEnum]) -> str:
    return ", ".join(member.value for member in enum)


def _read_optional(raw: object, hint: Any, path: str, ctx: Context, *, name: str) -> object:
    if raw is None:
        return None
    (inner,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
    # An optional text, when given, must say something: "" would print as an empty line.
    return read_value(raw, inner, path, ctx, name=name, non_empty=True)


def _read_tuple(raw: object, element: Any, path: str, ctx: Context, *, non_empty: bool) -> object:
    if not isinstance(raw, list):
        return _expect(False, raw, "an array", path, ctx)
    if non_empty and not raw:
        ctx.sink.add(path, "must list at least one entry")
        return FAILED
    values = [
        read_value(value, element, f"{path}[{index}]", ctx, name="", non_empty=True)
        for index, value in enumerate(raw)
    ]
    if any(value is FAILED for value in values):
        return FAILED
    if isinstance(element, type) and issubclass(element, StrEnum):
        return _unique_members(values, path, ctx)
    return tuple(values)


def _unique_members(values: list[object], path: str, ctx: Context) -> object:
    seen: set[object] = set()
    for index, value in enumerate(values):
        if value in seen:
            ctx.sink.add(f"{path}[{index}]", f"{value!s} is listed twice")
            return FAILED
        seen.add(value)
    return tuple(values)


def _read_mapping(raw: object, value_hint: Any, path: str, ctx: Context) -> object:
    if not isinstance(raw, dict):
        return _expect(False, raw, "an object", path, ctx)
    before = ctx.sink.count
    _report_duplicates(raw, path, ctx)
    result: dict[str, object] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not key.strip():
            ctx.sink.add(path, f"keys must be non-empty strings, got {key!r}")
            continue
        result[key] = read_value(value, value_hint, join(path, key), ctx, name="", non_empty=True)
    return FAILED if ctx.sink.count > before else result


def _read_agency_ref(raw: object, path: str, ctx: Context) -> object:
    """An item names its agency by code; the agency must be in the catalogue."""
    code = _read_str(raw, path, ctx, non_empty=True)
    if not isinstance(code, str):
        return FAILED
    if code in ctx.agencies:
        return ctx.agencies[code]
    if ctx.agencies_listed and code not in ctx.broken_agencies:
        known = ", ".join(sorted(ctx.agencies)) or "none"
        ctx.sink.add(path, f"no agency with code {code!r} in this catalogue (agencies: {known})")
    return FAILED
