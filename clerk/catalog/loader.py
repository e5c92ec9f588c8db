"""Loads a catalogue file whole or refuses it with every problem, and writes one back.

The file format is described in docs/catalogue-schema.md. `catalogue_to_json` is the exact inverse
of `parse_catalogue`, so the store and the registry can persist and distribute a catalogue as JSON.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from clerk.audit import JsonValue
from clerk.bundle import resource
from clerk.catalog.model import Agency, Catalogue, ServiceItem
from clerk.catalog.parse import Context, json_object, json_type, read_object
from clerk.catalog.problems import CatalogueError, ProblemSink, TooManyProblems
from clerk.catalog.rules import check_item, check_unique

DEMO_CATALOGUE = resource("catalogue", "demo.json")
"""The demo catalogue shipped with Window Clerk (19 items of a fictional county hall)."""

SCHEMA_VERSION = 1
"""The file schema this program reads and writes (the file's top-level `schema`)."""

_TOP_LEVEL = ("schema", "version", "agencies", "items")


def load_catalogue(path: Path) -> Catalogue:
    """Read and check a catalogue file (UTF-8 JSON).

    Args:
        path: the file.

    Returns:
        The whole catalogue.

    Raises:
        CatalogueError: the file is missing, unreadable, not JSON or breaks any rule; its
            `problems` name every field at fault (`$` for the file as a whole).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise _whole_file(f"{path} is not UTF-8 text: {error.reason}") from error
    except OSError as error:
        raise _whole_file(f"cannot read {path}: {error.strerror or error}") from error
    try:
        data = json.loads(text, object_pairs_hook=json_object)
    except json.JSONDecodeError as error:
        reason = f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        raise _whole_file(reason) from error
    return parse_catalogue(data)


def _whole_file(reason: str) -> CatalogueError:
    sink = ProblemSink()
    sink.add("$", reason)
    return sink.error()


def parse_catalogue(data: object) -> Catalogue:
    """Build a catalogue from decoded JSON, checking every field and rule.

    Args:
        data: the decoded file (as `json.loads` returns it).

    Returns:
        The whole catalogue; never a part of one.

    Raises:
        CatalogueError: any problem; all of them (up to `MAX_PROBLEMS`) are in `problems`.
    """
    sink = ProblemSink()
    try:
        catalogue = _read_catalogue(data, sink)
    except TooManyProblems:
        raise sink.error(truncated=True) from None
    if catalogue is None or sink.count:
        raise sink.error()
    return catalogue


def _read_catalogue(data: object, sink: ProblemSink) -> Catalogue | None:
    if not isinstance(data, dict):
        sink.add("$", f"must be an object, got {json_type(data)}")
        return None
    if not _schema_supported(data, sink):
        return None  # another schema may mean other things by the same names: read no further
    for key in data:
        if key not in _TOP_LEVEL:
            sink.add(str(key), f"unknown field; a catalogue has {', '.join(_TOP_LEVEL)}")
    version = _read_version(data, sink)
    agencies, broken = _read_agencies(data, sink)
    context = Context(
        sink=sink,
        agencies=agencies,
        broken_agencies=broken or frozenset(),
        agencies_listed=broken is not None,
    )
    items = _read_items(data, context)
    if version is None or items is None or sink.count:
        return None
    return Catalogue(version=version, agencies=tuple(agencies.values()), items=items)


def _schema_supported(data: dict[str, object], sink: ProblemSink) -> bool:
    schema = data.get("schema")
    if "schema" not in data:
        sink.add("schema", f"required field is missing (this program reads {SCHEMA_VERSION})")
    elif type(schema) is not int:
        sink.add("schema", f"must be an integer, got {json_type(schema)}")
    elif schema != SCHEMA_VERSION:
        sink.add("schema", f"unsupported schema {schema}; this program reads {SCHEMA_VERSION}")
    else:
        return True
    return False


def _read_version(data: dict[str, object], sink: ProblemSink) -> str | None:
    if "version" not in data:
        sink.add("version", "required field is missing")
        return None
    version = data["version"]
    if not isinstance(version, str) or not version.strip():
        sink.add("version", f"must be a non-empty string, got {json_type(version)}")
        return None
    return version


def _entries(data: dict[str, object], key: str, sink: ProblemSink) -> list[object] | None:
    """The array at `key`, which must list at least one entry."""
    if key not in data:
        sink.add(key, "required field is missing")
        return None
    entries = data[key]
    if not isinstance(entries, list):
        sink.add(key, f"must be an array, got {json_type(entries)}")
        return None
    if not entries:
        sink.add(key, "must list at least one entry")
        return None
    return entries


def _read_agencies(
    data: dict[str, object], sink: ProblemSink
) -> tuple[dict[str, Agency], frozenset[str] | None]:
    """The valid agencies by code, and the codes named by refused agency entries.

    Items are read even when an agency is refused, so that their own problems are reported too;
    a reference to a refused agency is not reported again. The codes are None when there is no
    usable agency list at all.
    """
    entries = _entries(data, "agencies", sink)
    if entries is None:
        return {}, None
    context = Context(sink=sink, agencies={})
    agencies: dict[str, Agency] = {}
    broken: set[str] = set()
    for index, raw in enumerate(entries):
        agency = read_object(raw, Agency, f"agencies[{index}]", context)
        if isinstance(agency, Agency):
            agencies.setdefault(agency.code, agency)
        elif isinstance(raw, dict) and isinstance(raw.get("code"), str):
            broken.add(raw["code"])
    check_unique(_codes(entries, "agencies", "code"), what="agency code", sink=sink)
    return agencies, frozenset(broken - agencies.keys())


def _read_items(data: dict[str, object], context: Context) -> tuple[ServiceItem, ...] | None:
    entries = _entries(data, "items", context.sink)
    if entries is None:
        return None
    items: list[ServiceItem] = []
    for index, raw in enumerate(entries):
        item = read_object(raw, ServiceItem, f"items[{index}]", context)
        if isinstance(item, ServiceItem):
            check_item(item, f"items[{index}]", context.sink)
            items.append(item)
    codes = _codes(entries, "items", "implementation_code")
    check_unique(codes, what="item implementation code", sink=context.sink)
    return tuple(items) if len(items) == len(entries) else None


def _codes(entries: list[object], array: str, key: str) -> list[tuple[str, str]]:
    """(path, code) of every entry naming a code, valid or not, so duplicates are all found."""
    return [
        (f"{array}[{index}].{key}", entry[key])
        for index, entry in enumerate(entries)
        if isinstance(entry, dict) and isinstance(entry.get(key), str)
    ]


def catalogue_to_json(catalogue: Catalogue) -> dict[str, JsonValue]:
    """The file form of a catalogue: `parse_catalogue(catalogue_to_json(c)) == c`.

    Every field is written, defaults included (a missing optional value as null), so a reader
    never depends on what this version of the program considers a default.

    Args:
        catalogue: the catalogue; its items must name agencies it lists.

    Returns:
        Plain JSON values, ready for `json.dumps(..., ensure_ascii=False)`.

    Raises:
        TypeError: a field holds a value no catalogue field can hold (a programming error).
    """
    return {
        "schema": SCHEMA_VERSION,
        "version": catalogue.version,
        "agencies": [_object(agency) for agency in catalogue.agencies],
        "items": [_object(item) for item in catalogue.items],
    }


def _object(instance: Any) -> dict[str, JsonValue]:
    result: dict[str, JsonValue] = {}
    for field in dataclasses.fields(instance):
        value = getattr(instance, field.name)
        # An item refers to its agency by code; the agency itself is listed once, at the top.
        is_reference = isinstance(instance, ServiceItem) and field.name == "agency"
        result[field.name] = value.code if is_reference else _value(value)
    return result


def _value(value: object) -> JsonValue:
    if isinstance(value, StrEnum):
        return value.value
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, tuple):
        return [_value(element) for element in value]
    if isinstance(value, Mapping):
        return {str(key): _value(element) for key, element in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _object(value)
    raise TypeError(f"a catalogue field holds {type(value).__name__}, which has no JSON form")
