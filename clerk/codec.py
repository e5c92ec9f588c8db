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
_FAILURES = (TypeError, ValueError, KeyError)
"""What data that does not fit its type raises inside the decoders."""


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
        return cast(T, _decoder(cast(Any, kind))(data))
    except _FAILURES:
        pass  # decoded again below, step by step, to name the field that does not fit
    try:
        return cast(T, _decode(kind, data, "$"))
    except _FAILURES as error:
        raise InvalidInput(
            "cannot decode {kind}: {reason}", kind=kind.__name__, reason=str(error)
        ) from error


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


# The fast path: one decoder per type hint, built once from its hints; no field paths. It
# accepts exactly what `_decode` accepts and builds the same values; when it refuses, `_decode`
# runs again to say where (a refusal is rare: data the store or the wire wrote itself).
Decoder = Callable[[object], object]


@cache
def _decoder(hint: Any) -> Decoder:
    if isinstance(hint, typing.ForwardRef):
        return lambda data: _decode_plain_json(data, "$")
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return _union_decoder(typing.get_args(hint))
    if origin is not None:
        return _generic_decoder(origin, typing.get_args(hint))
    if hint is Any or hint is object:
        return _same
    if isinstance(hint, type) and is_dataclass(hint):
        return _dataclass_decoder(hint)
    return _scalar_decoder(hint)


def _same(data: object) -> object:
    return data


def _union_decoder(options: tuple[Any, ...]) -> Decoder:
    nullable = type(None) in options
    members = [_decoder(option) for option in options if option is not type(None)]

    def union(data: object) -> object:
        if data is None and nullable:
            return None
        for member in members:
            try:
                return member(data)
            except _FAILURES:
                continue
        raise ValueError("no member fits")

    if len(members) == 1:
        only = members[0]
        return (lambda data: None if data is None else only(data)) if nullable else only
    return union


def _generic_decoder(origin: Any, args: tuple[Any, ...]) -> Decoder:
    mapping = origin in (dict, Mapping)
    keys_to = _decoder(args[1]) if mapping and len(args) > 1 else None
    items_to = _decoder(args[0]) if args else None

    def generic(data: object) -> object:
        if keys_to is not None and isinstance(data, dict):
            return {key: keys_to(item) for key, item in data.items()}
        if isinstance(data, list):
            if items_to is None:
                raise IndexError("no item type")  # as `_decode_generic` does
            items = [items_to(item) for item in data]
            if origin is tuple:
                return tuple(items)
            return frozenset(items) if origin is frozenset else items
        raise ValueError("not a container")

    return generic


def _dataclass_decoder(kind: type) -> Decoder:
    scalar = _scalar_decoder(kind)
    plan: list[tuple[str, Decoder]] = []  # built at the first call: a type may refer to itself

    def dataclass_(data: object) -> object:
        if not isinstance(data, dict):
            return scalar(data)
        if not plan:
            hints = _hints(kind)
            plan[:] = [(f.name, _decoder(hints[f.name])) for f in fields(kind)]
        return kind(**{name: decode(data[name]) for name, decode in plan if name in data})

    return dataclass_


def _scalar_decoder(hint: Any) -> Decoder:
    if isinstance(hint, type) and issubclass(hint, Enum):
        return cast(Decoder, hint)
    if hint in _SCALARS:
        return _SCALARS[hint]
    if not isinstance(hint, type):
        return _refuse

    def instance(data: object) -> object:
        if isinstance(data, hint):
            return data
        raise ValueError("wrong type")

    return instance


def _datetime(data: object) -> object:
    if isinstance(data, str):
        moment = datetime.fromisoformat(data)
        if moment.tzinfo is None:
            raise ValueError("naive")
        return moment
    if isinstance(data, datetime):
        return data
    raise ValueError("not a time")


def _date(data: object) -> object:
    if isinstance(data, str):
        return date.fromisoformat(data)
    if isinstance(data, date):
        return data
    raise ValueError("not a date")


def _float(data: object) -> object:
    if isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    raise ValueError("not a number")


def _int(data: object) -> object:
    if isinstance(data, int) and not isinstance(data, bool):
        return data
    raise ValueError("not an integer")


def _refuse(data: object) -> object:
    raise ValueError("no decoder")


_SCALARS: dict[Any, Decoder] = {datetime: _datetime, date: _date, float: _float, int: _int}


# The slow path: names the field that does not fit.
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
        except _FAILURES:
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
