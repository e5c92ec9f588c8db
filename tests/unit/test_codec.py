"""The JSON codec: every supported type round-trips, and bad data fails naming the field."""

from __future__ import annotations

import copy as copy_module
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk import codec
from clerk.audit import AuditEntry, JsonValue, seal
from clerk.cases import Case
from clerk.clock import HALL_TIMEZONE
from clerk.codec import from_json, to_json
from clerk.errors import InvalidInput
from tests.unit.factories import (
    CALENDAR,
    CLERK,
    HEARING,
    MONDAY,
    NEW,
    complete_records,
    later,
    licensing_item,
    open_case,
)


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Inner:
    name: str
    when: date


@dataclass(frozen=True)
class Everything:
    n: int
    x: float
    flag: bool
    text: str
    day: date
    moment: datetime
    colour: Colour
    maybe: str | None
    either: int | str
    inner: Inner
    inners: tuple[Inner, ...]
    names: list[str]
    tags: frozenset[str]
    scores: dict[str, int]
    lookup: Mapping[str, Colour]
    anything: Any = None
    later: Inner | None = None
    extras: list[int] = field(default_factory=list)


SAMPLE = Everything(
    n=3,
    x=1.5,
    flag=True,
    text="收件",
    day=date(2025, 3, 3),
    moment=MONDAY,
    colour=Colour.BLUE,
    maybe=None,
    either="A012",
    inner=Inner("甲", date(2025, 1, 1)),
    inners=(Inner("乙", date(2025, 1, 2)), Inner("丙", date(2025, 1, 3))),
    names=["a", "b"],
    tags=frozenset({"x", "y"}),
    scores={"a": 1},
    lookup={"k": Colour.RED},
    anything={"free": [1, "form"]},
    later=Inner("丁", date(2025, 1, 4)),
)


def test_to_json_gives_plain_json() -> None:
    data = to_json(SAMPLE)
    assert isinstance(data, dict)
    assert data["moment"] == "2025-03-03T10:00:00+08:00"
    assert data["day"] == "2025-03-03"
    assert data["colour"] == "blue"
    assert data["inner"] == {"name": "甲", "when": "2025-01-01"}
    assert isinstance(data["tags"], list)
    assert sorted(str(tag) for tag in data["tags"]) == ["x", "y"]
    assert json.loads(json.dumps(data)) == data


def test_round_trip_through_json_text() -> None:
    decoded = from_json(Everything, json.loads(json.dumps(to_json(SAMPLE))))
    assert decoded == SAMPLE
    assert isinstance(decoded.inners, tuple)
    assert isinstance(decoded.tags, frozenset)
    assert decoded.moment.utcoffset() == timedelta(hours=8)


def test_missing_fields_with_defaults_take_them() -> None:
    data = to_json(SAMPLE)
    assert isinstance(data, dict)
    for key in ("anything", "later", "extras"):
        del data[key]
    decoded = from_json(Everything, data)
    assert (decoded.anything, decoded.later, decoded.extras) == (None, None, [])


def test_an_int_is_accepted_where_a_float_is_expected() -> None:
    data = to_json(SAMPLE)
    assert isinstance(data, dict)
    data["x"] = 2
    decoded = from_json(Everything, data)
    assert decoded.x == 2.0
    assert isinstance(decoded.x, float)


@pytest.mark.parametrize("value", [7, "A012", 0, ""])
def test_each_member_of_a_union_decodes(value: int | str) -> None:
    data = to_json(SAMPLE)
    assert isinstance(data, dict)
    data["either"] = value
    assert from_json(Everything, data).either == value


def test_audit_entry_with_any_json_detail_round_trips() -> None:
    detail: dict[str, JsonValue] = {
        "n": 1,
        "x": 0.5,
        "ok": False,
        "s": "收件",
        "l": [1, "a", None, {"k": [2.5]}],
        "d": {"k": [True]},
    }
    entry = seal(None, chain="c", at=MONDAY, actor="a", action="b", case_id="case-1", detail=detail)
    assert from_json(AuditEntry, json.loads(json.dumps(to_json(entry)))) == entry


def _with(**changes: object) -> dict[str, Any]:
    data = to_json(SAMPLE)
    assert isinstance(data, dict)
    return {**data, **changes}


@pytest.mark.parametrize(
    ("data", "where"),
    [
        pytest.param(_with(n="3"), "$.n", id="text for int"),
        pytest.param(_with(n=True), "$.n", id="bool for int"),
        pytest.param(_with(flag=1), "$.flag", id="int for bool"),
        pytest.param(_with(x="1.5"), "$.x", id="text for float"),
        pytest.param(_with(text=5), "$.text", id="int for text"),
        pytest.param(_with(day="3 March"), "$.day", id="bad date"),
        pytest.param(_with(day=20250303), "$.day", id="number for date"),
        pytest.param(_with(moment="soon"), "$.moment", id="bad datetime"),
        pytest.param(_with(moment="2025-03-03T10:00:00"), "$.moment", id="naive datetime"),
        pytest.param(_with(colour="green"), "$.colour", id="unknown enum value"),
        pytest.param(_with(maybe=1), "$.maybe", id="int for optional text"),
        pytest.param(_with(either=1.5), "$.either", id="no union member fits"),
        pytest.param(_with(inner="甲"), "$.inner", id="text for dataclass"),
        pytest.param(_with(inner={"name": 1, "when": "2025-01-01"}), "$.inner.name", id="nested"),
        pytest.param(
            _with(inners=[{"name": "a", "when": "2025-01-01"}, {"name": "b", "when": 1}]),
            "$.inners[1].when",
            id="inside a tuple",
        ),
        pytest.param(_with(names="ab"), "$.names", id="text for list"),
        pytest.param(_with(tags={"x": 1}), "$.tags", id="object for frozenset"),
        pytest.param(_with(scores={"a": "1"}), "$.scores.a", id="inside a dict"),
        pytest.param(_with(scores=[1]), "$.scores", id="list for dict"),
        pytest.param(_with(lookup={"k": "green"}), "$.lookup.k", id="enum inside a mapping"),
    ],
)
def test_wrong_types_are_refused_naming_the_field(data: dict[str, Any], where: str) -> None:
    with pytest.raises(InvalidInput, match="Everything") as refused:
        from_json(Everything, data)
    assert where in str(refused.value)


def test_a_missing_required_field_is_named() -> None:
    with pytest.raises(InvalidInput, match="when"):
        from_json(Inner, {"name": "甲"})


@pytest.mark.parametrize("data", [None, [], "甲", 1])
def test_a_dataclass_needs_an_object(data: object) -> None:
    with pytest.raises(InvalidInput, match="Inner"):
        from_json(Inner, data)


def test_values_that_are_not_json_cannot_be_encoded() -> None:
    with pytest.raises(TypeError, match="object"):
        to_json(object())


def test_a_dataclass_class_is_not_a_value() -> None:
    with pytest.raises(TypeError):
        to_json(Inner)


aware = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda moment: moment.replace(tzinfo=HALL_TIMEZONE)
)
inners = st.builds(Inner, name=st.text(), when=st.dates())
everything = st.builds(
    Everything,
    n=st.integers(),
    x=st.floats(allow_nan=False, allow_infinity=False),
    flag=st.booleans(),
    text=st.text(),
    day=st.dates(),
    moment=aware,
    colour=st.sampled_from(Colour),
    maybe=st.none() | st.text(),
    either=st.integers() | st.text(),
    inner=inners,
    inners=st.lists(inners, max_size=3).map(tuple),
    names=st.lists(st.text(), max_size=3),
    tags=st.frozensets(st.text(), max_size=3),
    scores=st.dictionaries(st.text(), st.integers(), max_size=3),
    lookup=st.dictionaries(st.text(), st.sampled_from(Colour), max_size=3),
    anything=st.none() | st.integers() | st.lists(st.text(), max_size=2),
    later=st.none() | inners,
    extras=st.lists(st.integers(), max_size=3),
)


@given(everything)
def test_any_value_round_trips(value: Everything) -> None:
    assert from_json(Everything, json.loads(json.dumps(to_json(value)))) == value


def test_audit_detail_must_be_plain_json() -> None:
    entry = seal(None, chain="c", at=MONDAY, actor="a", action="b")
    data = to_json(entry)
    assert isinstance(data, dict)
    with pytest.raises(InvalidInput, match=r"\$\.detail\.l"):
        from_json(AuditEntry, {**data, "detail": {"l": [{1: "not a JSON key"}]}})


# The fast decoders (one per type, no field paths) against the step-by-step one that names
# the field: on valid data and on data with any one value replaced by a value of another kind
# or taken out, both build the same value or both refuse. Every node, every replacement.
REPLACEMENTS: tuple[object, ...] = (
    None, True, False, 0, 7, -1, 1.5, "", "red", "A012", "2025-01-01",
    "2025-03-03T10:00:00+08:00", "2025-03-03T10:00", [], ["a"], [1], {}, {"a": 1}, {"name": "甲"},
)  # fmt: skip
GONE = object()


def _nodes(data: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield path
    if isinstance(data, dict):
        for key, child in data.items():
            yield from _nodes(child, (*path, key))
    elif isinstance(data, list):
        for index, child in enumerate(data):
            yield from _nodes(child, (*path, index))


def _damaged(data: object, path: tuple[str | int, ...], value: object) -> object:
    if not path:
        return None if value is GONE else value
    copy = copy_module.deepcopy(data)
    parent: Any = copy
    for step in path[:-1]:
        parent = parent[step]
    if value is GONE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copy


def _every_damage(value: object) -> Iterator[object]:
    data = json.loads(json.dumps(to_json(value)))
    yield data
    for path in _nodes(data):
        for replacement in (*REPLACEMENTS, GONE):
            yield _damaged(data, path, replacement)


def _suspended_case() -> Case:
    """A case with a bit of everything: applicant, materials, visits, a suspension."""
    item = licensing_item()
    case = open_case(item)
    case.record_materials(complete_records(item, NEW, today=MONDAY.date()), item)
    case.accept(item=item, actor=CLERK, now=later(MONDAY, minutes=5), calendar=CALENDAR)
    case.start_review(actor=CLERK, now=later(MONDAY, days=1))
    case.suspend(
        procedure=HEARING, reason="组织听证", item=item, actor=CLERK, now=later(MONDAY, days=2)
    )
    return case


def _outcome(decode: Any, data: object) -> tuple[str, object]:
    try:
        return ("built", decode(data))
    except (TypeError, ValueError, KeyError):
        return ("refused", None)


@pytest.mark.parametrize(
    ("kind", "value"), [(Everything, SAMPLE), (Case, _suspended_case())], ids=["everything", "case"]
)
def test_the_fast_decoder_builds_what_the_named_one_builds_and_refuses_what_it_refuses(
    kind: type, value: object
) -> None:
    tried = refused = 0
    for data in _every_damage(value):
        fast = _outcome(codec._decoder(kind), data)
        named = _outcome(lambda d, k=kind: codec._decode(k, d, "$"), data)
        assert fast == named, data
        if named[0] == "refused":
            refused += 1
            with pytest.raises(InvalidInput, match=kind.__name__):
                from_json(kind, data)
        else:
            assert from_json(kind, data) == named[1]
        tried += 1
    assert refused > tried / 2  # most damage is refused: the comparison saw both outcomes
