"""The catalogue loader names the exact field of every problem, reports all, never half-loads."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from clerk.catalog import (
    MAX_PROBLEMS,
    CatalogueError,
    Necessity,
    Problem,
    catalogue_to_json,
    load_catalogue,
    parse_catalogue,
)
from clerk.catalog.parse import FAILED, Context, join, json_type, read_object, read_value
from clerk.catalog.problems import ProblemSink
from clerk.errors import InvalidInput

Json = Any
Key = str | int


# fmt: off
def _agency(code: str) -> dict[str, Json]:
    return {"code": code, "name": "示范市市场监督管理局", "abbreviation": "示市监",
            "review_body": "示范市人民政府", "court": "示范市西湖区人民法院"}


def _material(code: str, **extra: Json) -> dict[str, Json]:
    return {"code": code, "name": f"材料{code}", "kind": "original", "form": "paper", "copies": 1,
            "necessity": "required", "source": "self", "acceptance_standard": "内容完整"} | extra


def _limit(value: int, unit: str = "working_days") -> dict[str, Json]:
    return {"value": value, "unit": unit}


def _item(code: str, agency: str, **extra: Json) -> dict[str, Json]:
    return {
        "basic_code": f"B-{code}", "implementation_code": code, "version": 1,
        "name": f"事项{code}", "item_type": "licensing", "agency": agency,
        "service_objects": ["person"], "handling_class": "promised", "four_class": "time_limited",
        "statutory_limit": _limit(20), "promised_limit": _limit(10), "fee": {"charged": False},
        "result": {"kind": "licence", "name": "许可证"}, "delivery_methods": ["window", "post"],
        "correction_policy": {"deadline": _limit(5), "on_expiry": "deemed_withdrawn"},
        "materials": [_material("M01")],
    } | extra


def valid() -> dict[str, Json]:
    """A small catalogue that uses every field of every class at least once."""
    m02 = _material(
        "M02", kind="copy", form="paper_or_electronic", copies=2, necessity="deferrable",
        source="government", situation_necessity={"renew": "not_applicable"},
        e_licence_code="EL.YYZZ", validity_months=6, verify_original_and_return=True,
        commitment_allowed=True, signature_or_seal_required=True, blank_form="空白表",
        example="样例",
    )
    m03 = _material("M03", necessity="not_applicable", situation_necessity={"renew": "required"})
    rich = _item(
        "I-1", "A1",
        situations=[{"code": "new", "name": "新办"}, {"code": "renew", "name": "延续"}],
        materials=[_material("M01"), m02, m03],
        special_procedures=[{"code": "onsite", "name": "现场核查", "max_time": _limit(10)}],
        fee={"charged": True, "items": [{"name": "登记费", "amount_fen": 8000, "basis": "文件"}]},
        legal_basis=["《中华人民共和国行政许可法》第三十二条"], acceptance_conditions=["材料齐全"],
        refusal_conditions=["不属于本机关职权范围"], process_steps=["申请", "受理", "决定"],
        rongque_allowed=True, owed_policy={"due": _limit(10), "on_expiry": "withdrawn"},
        commitment_allowed=True, appointment_allowed=True, express_allowed=True, max_visits=0,
    )
    simple = _item(
        "I-2", "A2", item_type="public_service", handling_class="immediate",
        four_class="on_the_spot", statutory_limit=_limit(1), promised_limit=_limit(1),
    )
    agency = _agency("A2") | {"phone": "12345", "address": "市民中心"}
    return {"schema": 1, "version": "2026.11-test", "agencies": [_agency("A1"), agency],
            "items": [rich, simple]}
# fmt: on


def keys(path: str) -> tuple[Key, ...]:
    """`items[0].materials[1].kind` → ("items", 0, "materials", 1, "kind")."""
    return tuple(int(index) if index else name for name, index in PATH_PART.findall(path))


PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


DELETE = object()


def mutated(*changes: tuple[str, Json]) -> dict[str, Json]:
    """A valid catalogue with values set (or deleted) at paths; one past an array's end appends."""
    return changed(valid(), *changes)


def changed(base: dict[str, Json], *changes: tuple[str, Json]) -> dict[str, Json]:
    data = copy.deepcopy(base)
    for path, value in changes:
        *parents, last = keys(path)
        target: Json = data
        for key in parents:
            target = target[key]
        if value is DELETE:
            del target[last]
        elif isinstance(target, list) and last == len(target):
            target.append(value)
        else:
            target[last] = value
    return data


def problems_of(data: object) -> tuple[Problem, ...]:
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(data)
    return caught.value.problems


# --- the happy path --------------------------------------------------------------------------


def test_valid_catalogue_loads_whole() -> None:
    catalogue = parse_catalogue(valid())

    rich = catalogue.item("I-1")
    assert catalogue.version == "2026.11-test"
    assert rich.agency is catalogue.agencies[0]
    assert rich.material("M02").necessity_in("renew") is Necessity.NOT_APPLICABLE
    assert rich.material("M02").validity_months == 6
    assert catalogue.item("I-2").max_visits == 1  # default


def test_round_trip_is_exact_and_writes_every_field() -> None:
    catalogue = parse_catalogue(valid())
    written: Json = catalogue_to_json(catalogue)

    assert parse_catalogue(written) == catalogue
    assert parse_catalogue(json.loads(json.dumps(written, ensure_ascii=False))) == catalogue
    simple_material = written["items"][1]["materials"][0]
    assert simple_material["e_licence_code"] is None
    assert simple_material["situation_necessity"] == {}
    assert written["items"][1]["agency"] == "A2"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("items[0].materials[1].e_licence_code", None),
        ("items[0].materials[1].validity_months", None),
        ("items[1].promised_limit", _limit(30, "calendar_days")),
        ("items[0].owed_policy.on_expiry", "terminated"),
    ],
    ids=["null-optional-text", "null-optional-int", "units-differ", "owed-terminated"],
)
def test_accepted_variants(path: str, value: Json) -> None:
    parse_catalogue(mutated((path, value)))


# --- one row per check -------------------------------------------------------------------------


@dataclass(frozen=True)
class Broken:
    id: str
    changes: tuple[tuple[str, Json], ...]
    path: str  # where the problem must be reported
    reason: str  # a fragment of the reason


def one(id: str, path: str, value: Json, reason: str, *, at: str = "") -> Broken:
    """A row with a single change, reported at the changed field unless `at` says otherwise."""
    return Broken(id, ((path, value),), at or path, reason)


I0, I1, M1 = "items[0]", "items[1]", "items[0].materials[1]"
PROCEDURE = {"code": "onsite", "name": "听证", "max_time": _limit(9)}
OWED = {"due": _limit(5), "on_expiry": "withdrawn"}
SITUATION_S = (f"{I1}.situations", [{"code": "s", "name": "情形"}])
CANCEL = (f"{I0}.situations[2]", {"code": "cancel", "name": "注销"})
NO_RONGQUE = ((f"{I0}.rongque_allowed", False), (f"{I0}.owed_policy", DELETE))

# fmt: off
BROKEN = [
    # required fields and exact types
    one("missing-item-field", f"{I0}.name", DELETE, "required field is missing"),
    one("missing-version", "version", DELETE, "required field is missing"),
    one("missing-agencies", "agencies", DELETE, "required field is missing"),
    one("missing-items", "items", DELETE, "required field is missing"),
    one("empty-version", "version", " ", "must be a non-empty string, got string ' '"),
    one("str-for-int", f"{I0}.version", "1", "must be a positive integer, got string '1'"),
    one("bool-for-int", f"{M1}.copies", True, "must be a positive integer, got boolean true"),
    one("int-for-bool", f"{I0}.rongque_allowed", 1, "must be a boolean, got integer 1"),
    one("float-for-int", f"{I0}.statutory_limit.value", 20.0, "got number 20.0"),
    one("int-for-str", f"{I0}.name", 5, "must be a string, got integer 5"),
    one("null-for-str", f"{I0}.name", None, "must be a string, got null"),
    one("empty-str", f"{I0}.name", "  ", "must not be empty"),
    one("empty-list-entry", f"{I0}.legal_basis[0]", "", "must not be empty"),
    one("str-for-array", f"{I0}.legal_basis", "法", "must be an array, got string '法'"),
    one("str-for-object", f"{I0}.fee", "free", "must be an object, got string 'free'"),
    one("array-for-map", f"{M1}.situation_necessity", [], "must be an object, got array"),
    one("empty-map-key", f"{M1}.situation_necessity", {" ": "required"}, "non-empty strings"),
    one("empty-required-list", f"{I0}.service_objects", [], "must list at least one entry"),
    one("no-materials", f"{I0}.materials", [], "must list at least one entry"),
    one("no-items", "items", [], "must list at least one entry"),
    one("items-not-array", "items", {}, "must be an array, got object"),
    one("empty-e-licence", f"{M1}.e_licence_code", "", "must not be empty"),
    # unknown fields (typo protection)
    one("typo", f"{I0}.nmae", "x", "unknown field (did you mean 'name'?)"),
    one("unknown-field", f"{M1}.colour", "red", "MaterialRequirement has no such field"),
    one("unknown-top-level", "itmes", [], "unknown field; a catalogue has schema, version"),
    # enumerations
    one("bad-kind", f"{M1}.kind", "orginal",
        "'orginal' is not one of original, copy, original_and_copy, electronic"),
    one("enum-wrong-type", f"{I0}.item_type", 3, "must be one of licensing, benefit, "),
    one("bad-unit", f"{I0}.statutory_limit.unit", "days", "not one of working_days, calendar_days"),
    one("bad-necessity", f"{M1}.situation_necessity.renew", "maybe",
        "'maybe' is not one of required, optional, deferrable, not_applicable"),
    one("listed-twice", f"{I0}.delivery_methods", ["post", "post"], "post is listed twice",
        at=f"{I0}.delivery_methods[1]"),
    # ranges
    one("negative-limit", f"{I0}.statutory_limit.value", -5, "must be a positive integer, got -5"),
    one("zero-deadline", f"{I0}.correction_policy.deadline.value", 0, "positive integer, got 0"),
    one("zero-copies", f"{M1}.copies", 0, "must be a positive integer, got 0"),
    one("zero-validity", f"{M1}.validity_months", 0, "must be a positive integer, got 0"),
    one("zero-fee", f"{I0}.fee.items[0].amount_fen", 0, "must be a positive integer, got 0"),
    one("zero-version", f"{I0}.version", 0, "must be a positive integer, got 0"),
    one("negative-visits", f"{I0}.max_visits", -1, "must be zero or a positive integer, got -1"),
    # uniqueness and references
    Broken("duplicate-agency", (("agencies[1].code", "A1"), (f"{I1}.agency", "A1")),
           "agencies[1].code", "duplicate agency code 'A1' (first at agencies[0].code)"),
    one("duplicate-item", f"{I1}.implementation_code", "I-1",
        "duplicate item implementation code 'I-1' (first at items[0].implementation_code)"),
    one("duplicate-material", f"{M1}.code", "M01",
        "duplicate material code 'M01' (first at items[0].materials[0].code)"),
    one("duplicate-situation", f"{I0}.situations[0].code", "renew",
        "duplicate situation code 'renew'", at=f"{I0}.situations[1].code"),
    one("duplicate-procedure", f"{I0}.special_procedures[1]", PROCEDURE,
        "duplicate special procedure code 'onsite'", at=f"{I0}.special_procedures[1].code"),
    one("unknown-situation", f"{M1}.situation_necessity.renwe", "optional",
        "no situation 'renwe' in this item (situations: new, renew)"),
    one("no-situations", f"{I1}.materials[0].situation_necessity", {"new": "optional"},
        "no situation 'new' in this item (situations: none)",
        at=f"{I1}.materials[0].situation_necessity.new"),
    one("agency-not-text", f"{I1}.agency", 5, "must be a string, got integer 5"),
    one("unknown-agency", f"{I1}.agency", "A9",
        "no agency with code 'A9' in this catalogue (agencies: A1, A2)"),
    # consistency rules
    Broken("deferrable-without-rongque", NO_RONGQUE, f"{M1}.necessity",
           "deferrable (容缺可后补) needs the item's rongque_allowed"),
    Broken("situation-deferrable-without-rongque",
           (SITUATION_S, (f"{I1}.materials[0].situation_necessity", {"s": "deferrable"})),
           f"{I1}.materials[0].situation_necessity.s", "needs the item's rongque_allowed"),
    one("rongque-without-policy", f"{I0}.owed_policy", DELETE, "required when rongque_allowed"),
    one("policy-without-rongque", f"{I1}.owed_policy", OWED, "given but rongque_allowed is false"),
    one("commitment-material-only", f"{I0}.commitment_allowed", False,
        "needs the item's commitment_allowed (告知承诺)", at=f"{M1}.commitment_allowed"),
    one("promised-over-statutory", f"{I0}.promised_limit.value", 30,
        "30 working_days exceeds the statutory limit of 20 working_days"),
    one("immediate-time-limited", f"{I1}.four_class", "time_limited",
        "an immediate (即办件) item must be on_the_spot or same_day, got time_limited"),
    Broken("situation-asks-nothing",
           (CANCEL, (f"{I0}.materials[0].situation_necessity", {"cancel": "optional"}),
            (f"{M1}.situation_necessity.cancel", "not_applicable")),
           f"{I0}.situations[2]", "no material is required or deferrable in situation 'cancel'"),
    one("charged-without-items", f"{I0}.fee.items", [], "a charged item must list what is"),
    one("free-with-items", f"{I0}.fee.charged", False, "is false but fee items are listed"),
    # the schema
    one("schema-missing", "schema", DELETE, "required field is missing (this program reads 1)"),
    one("schema-type", "schema", "1", "must be an integer, got string '1'"),
    one("schema-unsupported", "schema", 2, "unsupported schema 2; this program reads 1"),
]
# fmt: on


@pytest.mark.parametrize("case", BROKEN, ids=[case.id for case in BROKEN])
def test_broken_file_names_field_and_reason(case: Broken) -> None:
    problems = problems_of(mutated(*case.changes))

    assert [p.path for p in problems] == [case.path]
    assert case.reason in problems[0].reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [([], "must be an object, got array"), ("catalogue", "got string 'catalogue'")],
    ids=["array", "string"],
)
def test_root_must_be_an_object(data: object, reason: str) -> None:
    (problem,) = problems_of(data)
    assert problem.path == "$"
    assert reason in problem.reason


def test_several_problems_are_all_reported_in_file_order() -> None:
    data = mutated(
        ("version", 7),
        ("agencies[0].court", ""),
        ("items[0].materials[1].kind", "orginal"),
        ("items[0].statutory_limit.value", -5),
        ("items[1].four_class", "agent"),
    )

    problems = problems_of(data)

    assert [p.path for p in problems] == [
        "version",
        "agencies[0].court",
        "items[0].statutory_limit.value",
        "items[0].materials[1].kind",
        "items[1].four_class",
    ]


def test_reference_to_refused_agency_is_not_reported_twice() -> None:
    problems = problems_of(mutated(("agencies[0].abbreviation", None)))
    assert [p.path for p in problems] == ["agencies[0].abbreviation"]


def test_error_is_invalid_input_and_message_lists_first_problems() -> None:
    data = valid()
    for index in range(8):
        data["items"][0][f"extra{index}"] = index

    with pytest.raises(InvalidInput) as caught:
        parse_catalogue(data)

    message = str(caught.value)
    assert message.startswith("catalogue refused (8 problems): items[0].extra0: unknown field")
    assert "items[0].extra4" in message
    assert "items[0].extra5" not in message
    assert message.endswith("… and 3 more")
    with pytest.raises(CatalogueError, match=r"^catalogue refused \(1 problem\): schema: "):
        parse_catalogue(mutated(("schema", 3)))


def test_problems_are_capped() -> None:
    data = valid()
    data["items"] = [{"name": index} for index in range(MAX_PROBLEMS)]

    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(data)

    assert len(caught.value.problems) == MAX_PROBLEMS
    assert caught.value.truncated
    assert f"({MAX_PROBLEMS}+ problems)" in str(caught.value)


def test_python_values_that_are_not_json_are_refused() -> None:
    data = mutated(("items[0].legal_basis", ("法",)), (f"{M1}.situation_necessity", {1: "x"}))

    problems = problems_of(data)

    assert problems == (
        Problem(
            "items[0].materials[1].situation_necessity", "keys must be non-empty strings, got 1"
        ),
        Problem("items[0].legal_basis", "must be an array, got tuple (not a JSON value)"),
    )


def test_long_strings_are_shortened_in_messages() -> None:
    assert json_type("甲" * 50) == f"string '{'甲' * 40}…'"


@dataclass(frozen=True)
class _Checked:
    value: int

    def __post_init__(self) -> None:
        raise InvalidInput("value: the model refuses it")


def test_an_invariant_the_model_checks_becomes_a_problem() -> None:
    context = Context(sink=ProblemSink(), agencies={})
    assert read_object({"value": 1}, _Checked, "x", context) is FAILED
    assert context.sink.error().problems == (Problem("x", "value: the model refuses it"),)


def test_reader_refuses_a_model_type_it_does_not_know() -> None:
    context = Context(sink=ProblemSink(), agencies={})
    with pytest.raises(TypeError, match="does not know the model type"):
        read_value(1.5, float, "x", context, name="x", non_empty=True)


def test_writer_refuses_a_value_with_no_json_form() -> None:
    catalogue = parse_catalogue(valid())
    broken = replace(catalogue, agencies=(replace(catalogue.agencies[0], name=1.5),))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float, which has no JSON form"):
        catalogue_to_json(broken)


# --- files -----------------------------------------------------------------------------------


def test_load_from_file(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(valid(), ensure_ascii=False), encoding="utf-8")
    assert load_catalogue(path) == parse_catalogue(valid())


def _file(directory: Path, content: bytes) -> Path:
    path = directory / "catalogue.json"
    path.write_bytes(content)
    return path


FILE_CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("missing", lambda d: d / "absent.json", "cannot read"),
    ("directory", lambda d: d, "cannot read"),
    (
        "invalid-json",
        lambda d: _file(d, b'{\n  "schema": 1,\n}'),
        "not valid JSON: Expecting property name enclosed in double quotes at line 3 column 1",
    ),
    ("empty", lambda d: _file(d, b""), "not valid JSON: Expecting value at line 1 column 1"),
    ("not-utf8", lambda d: _file(d, b'{"version": "\xc4\xe3"}'), "is not UTF-8 text"),
]


@pytest.mark.parametrize(
    ("make", "reason"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES]
)
def test_unreadable_file_is_refused_as_a_whole(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(make(tmp_path))

    (problem,) = caught.value.problems
    assert problem.path == "$"
    assert reason in problem.reason


def test_keys_given_twice_are_refused(tmp_path: Path) -> None:
    text = json.dumps(valid(), ensure_ascii=False)
    text = text.replace('"name": "事项I-1"', '"name": "事项I-1", "name": "事项"', 1)
    text = text.replace(
        '"situation_necessity": {', '"situation_necessity": {"renew": "optional", ', 1
    )

    with pytest.raises(CatalogueError) as caught:
        load_catalogue(_file(tmp_path, text.encode()))

    assert [p.path for p in caught.value.problems] == [
        "items[0].name",
        "items[0].materials[1].situation_necessity.renew",
    ]
    assert all("given more than once" in p.reason for p in caught.value.problems)


# --- wrong types anywhere --------------------------------------------------------------------

EXPLICIT: dict[str, Json] = catalogue_to_json(parse_catalogue(valid()))
NULLABLE = {"e_licence_code": str, "validity_months": int, "blank_form": str, "example": str,
            "owed_policy": dict}  # fmt: skip
"""What a null field holds when given."""
WRONG: list[Json] = [None, True, False, 0, 7, -1, 2.5, "", "x", [], ["x"], {}, {"k": "v"}]


def _nodes(value: Json, path: str = "") -> list[tuple[str, Json]]:
    """Every (path, value) below the root, in the loader's path notation."""
    children: Iterable[tuple[Key, Json]] = ()
    if isinstance(value, dict):
        children = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    found = [(path, value)] if path else []
    for key, child in children:
        found += _nodes(child, f"{path}[{key}]" if isinstance(key, int) else join(path, key))
    return found


NODES = _nodes(EXPLICIT)


@given(node=st.sampled_from(NODES), wrong=st.sampled_from(WRONG))
def test_a_wrong_type_anywhere_is_named_never_crashes(node: tuple[str, Json], wrong: Json) -> None:
    path, original = node
    nullable = NULLABLE.get(path.rsplit(".", 1)[-1])
    expected = nullable if original is None else type(original)
    assume(type(wrong) is not expected)
    assume(wrong is not None or nullable is None)

    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(changed(EXPLICIT, (path, wrong)))

    assert path in {p.path for p in caught.value.problems}
