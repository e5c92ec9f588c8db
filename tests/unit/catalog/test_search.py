"""Finding service items by code, name and pinyin (full, initials, mixed), and their ranking."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from clerk.catalog import ServiceItem, load_catalogue
from clerk.catalog.search import ItemIndex, MatchKind, query_terms
from tests.unit.factories import licensing_item

DEMO = Path(__file__).resolve().parents[3] / "resources" / "catalogue" / "demo.json"


def item(code: str, name: str, *, basic: str = "000000000000") -> ServiceItem:
    return dataclasses.replace(
        licensing_item(), implementation_code=code, basic_code=basic, name=name
    )


SETUP = item("1133000100", "个体工商户设立登记", basic="000120103000")
NAME_REPORT = item("1133000200", "个体工商户名称自主申报", basic="000201002000")
FOOD = item("1133000300", "食品经营许可", basic="000120105000")
CHONGQING = item("1133000400", "重庆市民办学校设立", basic="000300100000")
PERMIT = item("1133000500", "居住证办理", basic="000400100000")
LICENCE = item("1133000600", "营业执照（个体工商户）遗失补领", basic="000120103004")
WIDE = item("1133000700", "ＰＶＣ管材生产许可", basic="000500100000")

INDEX = ItemIndex([SETUP, NAME_REPORT, FOOD, CHONGQING, PERMIT, LICENCE, WIDE])


def names(query: str) -> list[str]:
    return [match.item.name for match in INDEX.search(query)]


def test_pinyin_initials_find_the_items_they_spell() -> None:
    assert names("gtgsh") == [
        "个体工商户设立登记",
        "个体工商户名称自主申报",
        "营业执照（个体工商户）遗失补领",
    ]


def test_initials_at_the_start_rank_before_initials_later_in_the_name() -> None:
    hits = INDEX.search("gtgsh")
    assert [h.kind for h in hits] == [MatchKind.STARTS, MatchKind.STARTS, MatchKind.CONTAINS]
    assert hits[2].position == 4  # 营 业 执 照 | 个 …


def test_initials_can_continue_past_the_first_word() -> None:
    assert names("gtgshsldj") == ["个体工商户设立登记"]
    assert names("gtgshmc") == ["个体工商户名称自主申报"]


@pytest.mark.parametrize(
    "query", ["getigongshang", "getigsh", "gtgongshang", "GeTiGongShang", "ge'ti gong shang"]
)
def test_full_and_mixed_pinyin_find_the_item(query: str) -> None:
    assert names(query)[:2] == ["个体工商户设立登记", "个体工商户名称自主申报"]


def test_pinyin_must_follow_syllable_boundaries() -> None:
    assert names("ongshang") == []  # the middle of 工 (gong) is not a start
    assert names("gtx") == []


def test_a_polyphonic_character_matches_any_of_its_readings() -> None:
    assert names("cqs") == ["重庆市民办学校设立"]  # 重 read in context: chong
    assert names("zqs") == ["重庆市民办学校设立"]  # 重 also reads zhong


def test_a_partial_name_finds_the_item_anywhere_in_the_name() -> None:
    assert names("许可") == ["食品经营许可", "ＰＶＣ管材生产许可"]
    assert names("遗失") == ["营业执照（个体工商户）遗失补领"]
    assert names("居住证") == ["居住证办理"]


def test_full_width_letters_fold_on_both_sides() -> None:
    assert names("pvc") == ["ＰＶＣ管材生产许可"]
    assert names("ＰＶＣ") == ["ＰＶＣ管材生产许可"]


def test_codes_find_by_implementation_or_basic_code() -> None:
    assert [h.kind for h in INDEX.search("1133000300")] == [MatchKind.CODE]
    assert names("000120105000") == ["食品经营许可"]
    assert names("1133000") == names("1133000")  # a prefix finds every item sharing it
    assert len(INDEX.search("1133000")) == len(INDEX)


def test_code_prefix_ranks_before_a_code_part_and_short_parts_do_not_match() -> None:
    hits = INDEX.search("0001201030")
    assert [h.item.name for h in hits] == ["个体工商户设立登记", "营业执照（个体工商户）遗失补领"]
    assert {h.kind for h in hits} == {MatchKind.CODE_PREFIX}
    hits = INDEX.search("000300")  # basic code 000300100000, inside 1133000300
    assert [(h.item.name, h.kind) for h in hits] == [
        ("重庆市民办学校设立", MatchKind.CODE_PREFIX),
        ("食品经营许可", MatchKind.CODE_PART),
    ]
    assert names("03") == []


def test_an_exact_code_ranks_first() -> None:
    shared = item("gtgsh", "出生登记")
    hits = ItemIndex([SETUP, shared]).search("gtgsh")
    assert [h.item.name for h in hits] == ["出生登记", "个体工商户设立登记"]
    assert hits[0].kind is MatchKind.CODE


def test_an_exact_name_ranks_before_a_longer_name() -> None:
    short = item("9", "食品经营许可")
    longer = item("1", "食品经营许可变更")
    hits = ItemIndex([longer, short]).search("食品经营许可")
    assert [h.item.code for h in hits] == ["9", "1"]
    assert hits[0].kind is MatchKind.NAME


def test_every_word_of_the_query_must_match() -> None:
    assert names("gtgsh 名称") == ["个体工商户名称自主申报"]
    assert names("shipin xuke") == ["食品经营许可"]
    assert names("gtgsh 食品") == []


@pytest.mark.parametrize("query", ["", "   ", "'", "\u3000"])
def test_an_empty_query_finds_nothing(query: str) -> None:
    assert INDEX.search(query) == ()
    assert query_terms(query) == ()


def test_the_limit_caps_the_hits() -> None:
    assert len(INDEX.search("1133", limit=3)) == 3


def test_the_demo_catalogue_finds_the_business_registration_by_initials() -> None:
    index = ItemIndex.of(load_catalogue(DEMO))
    first = index.search("gtgsh")[0]
    assert first.item.name == "个体工商户设立登记"
    assert index.search("spjyxk")[0].item.name == "食品经营许可"
    assert index.search("1133990000248201X8000120103000")[0].item.name == "个体工商户设立登记"
    assert index.search("1133990000248201x8000120103000")[0].kind is MatchKind.CODE


def test_a_catalogue_of_thousands_answers_a_keystroke_quickly() -> None:
    base = load_catalogue(DEMO).items
    syllables = "".join(i.name for i in base)
    many = [
        dataclasses.replace(
            base[n % len(base)],
            implementation_code=f"{n:012d}",
            name=syllables[n % 200 : n % 200 + 8 + n % 9],
        )
        for n in range(3000)
    ]
    index = ItemIndex([*many, *base])
    started = time.perf_counter()
    hits = index.search("gtgsh")
    elapsed = time.perf_counter() - started
    assert "个体工商户设立登记" in [h.item.name for h in hits]
    assert elapsed < 0.25  # generous for a shared CI machine; typically ~15 ms
