"""Plain JSON for the domain's frozen dataclasses, in both directions, driven by type hints.

The store keeps aggregates as JSON and the sync wire carries them, so one codec serves both:
dataclasses become objects, enums their values, dates and times ISO-8601 text.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, cast

from clerk.audit import JsonValue
from clerk.errors import InvalidInput

T = TypeVar("T")


def to_json(value: object) -> JsonValue:
    """Encode a dataclass (or a value inside one) as plain JSON data."""
    if isinstance(value, Enum):
        return cast(JsonValue, value.value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, Sequence | frozenset | set):
        return [to_json(item) for item in value]
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def from_json(kind: type[T], data: object) -> T:
    """Decode plain JSON data into `kind` (a dataclass or a supported value type).

    Raises:
        InvalidInput: the data does not fit the type (names the field).
    """
    try:
        return cast(T, _decode(kind, data, "$"))
    except (TypeError, ValueError, KeyError) as error:
        raise InvalidInput(
            "cannot decode {kind}: {reason}", kind=kind.__name__, reason=str(error)
        ) from error


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _decode(hint: Any, data: object, path: str) -> object:
    if isinstance(hint, typing.ForwardRef):
        # Only the recursive JsonValue alias stays unresolved by get_type_hints: plain JSON.
        return _decode_plain_json(data, path)
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return _decode_union(hint, data, path)
    if origin is not None:
        return _decode_generic(origin, typing.get_args(hint), data, path)
    if hint is Any or hint is object:
        return data
    if isinstance(hint, type) and is_dataclass(hint) and isinstance(data, dict):
        hints = _hints(hint)
        names = [f.name for f in fields(hint) if f.name in data]
        return hint(**{n: _decode(hints[n], data[n], f"{path}.{n}") for n in names})
    return _decode_scalar(hint, data, path)


def _decode_union(hint: Any, data: object, path: str) -> object:
    options = typing.get_args(hint)
    if data is None and type(None) in options:
        return None
    types_ = [option for option in options if option is not type(None)]
    if len(types_) == 1:
        return _decode(types_[0], data, path)  # keeps the inner error, which names the field
    for option in types_:  # the first member that fits, in the order the hint lists them
        try:
            return _decode(option, data, path)
        except (TypeError, ValueError, KeyError):
            continue
    raise ValueError(f"{path}: no member of {hint} fits {data!r}")


def _decode_plain_json(data: object, path: str) -> object:
    if data is None or isinstance(data, str | int | float | bool):
        return data
    if isinstance(data, list):
        return [_decode_plain_json(item, f"{path}[{i}]") for i, item in enumerate(data)]
    if isinstance(data, dict) and all(isinstance(key, str) for key in data):
        return {key: _decode_plain_json(item, f"{path}.{key}") for key, item in data.items()}
    raise ValueError(f"{path}: not plain JSON: {data!r}")


def _decode_generic(origin: Any, args: tuple[Any, ...], data: object, path: str) -> object:
    if origin in (dict, Mapping) and isinstance(data, dict):
        return {key: _decode(args[1], item, f"{path}.{key}") for key, item in data.items()}
    if isinstance(data, list):
        items = [_decode(args[0], item, f"{path}[{i}]") for i, item in enumerate(data)]
        if origin is tuple:
            return tuple(items)
        return frozenset(items) if origin is frozenset else items
    raise ValueError(f"{path}: expected {origin.__name__}, got {type(data).__name__}")


def _decode_scalar(hint: Any, data: object, path: str) -> object:
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _parse(hint, data, path)
    if hint is datetime and isinstance(data, str):
        moment = _parse(datetime.fromisoformat, data, path)
        if moment.tzinfo is None:
            raise ValueError(f"{path}: time {data!r} has no UTC offset (times must be aware)")
        return moment
    if hint is date and isinstance(data, str):
        return _parse(date.fromisoformat, data, path)
    if hint is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if isinstance(hint, type) and isinstance(data, hint) and not _bool_for_int(hint, data):
        return data
    raise ValueError(f"{path}: expected {getattr(hint, '__name__', hint)}, got {data!r}")


def _parse(parser: Callable[[Any], T], data: object, path: str) -> T:
    """Apply a parser, naming the field when it refuses the data."""
    try:
        return parser(data)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{path}: {error}") from error


def _bool_for_int(hint: type, data: object) -> bool:
    return hint is int and isinstance(data, bool)
