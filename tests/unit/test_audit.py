"""The hash-chained audit trail: sealing, verifying, and finding where a chain was tampered with."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.audit import GENESIS, AuditEntry, JsonValue, seal, verify_chain
from clerk.errors import InvalidInput
from tests.unit.factories import MONDAY

CHAIN = "counter-05"


def chain_of(n: int, *, chain: str = CHAIN) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for i in range(n):
        entries.append(
            seal(
                entries[-1] if entries else None,
                chain=chain,
                at=MONDAY + timedelta(minutes=i),
                actor="s-clerk",
                action=f"case.step{i}",
                case_id="case-1" if i % 2 else None,
                detail={"i": i, "note": "收件", "codes": ["form", "id_card"], "ok": True},
            )
        )
    return entries


def test_first_entry_starts_the_chain() -> None:
    first = seal(None, chain=CHAIN, at=MONDAY, actor="s-clerk", action="device.registered")
    assert (first.seq, first.prev_hash, first.chain) == (1, GENESIS, CHAIN)
    assert len(first.hash) == 64
    assert int(first.hash, 16) >= 0
    assert first.detail == {}


def test_each_entry_links_to_the_one_before() -> None:
    entries = chain_of(4)
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.hash
    assert len({e.hash for e in entries}) == 4


@pytest.mark.parametrize("n", [0, 1, 5])
def test_an_untouched_chain_verifies(n: int) -> None:
    check = verify_chain(chain_of(n))
    assert (check.ok, check.checked, check.first_bad_seq, check.reason) == (True, n, None, None)


def test_the_hash_does_not_depend_on_key_order_or_zone() -> None:
    a = seal(None, chain=CHAIN, at=MONDAY, actor="x", action="y", detail={"a": 1, "b": [2]})
    b = seal(
        None,
        chain=CHAIN,
        at=MONDAY.astimezone(UTC),
        actor="x",
        action="y",
        detail={"b": [2], "a": 1},
    )
    assert a.hash == b.hash


def test_an_entry_read_back_in_utc_still_verifies() -> None:
    # The store returns times in UTC; the same instants must verify.
    entries = [dataclasses.replace(e, at=e.at.astimezone(UTC)) for e in chain_of(3)]
    assert verify_chain(entries).ok


def test_detail_is_copied_when_sealed() -> None:
    detail: dict[str, JsonValue] = {"n": 1}
    entry = seal(None, chain=CHAIN, at=MONDAY, actor="x", action="y", detail=detail)
    detail["n"] = 2
    assert verify_chain([entry]).ok


TAMPERING: dict[str, Any] = {
    "chain": "counter-99",
    "seq": 42,
    "at": MONDAY + timedelta(days=1),
    "actor": "s-mallory",
    "action": "case.voided",
    "case_id": "case-999",
    "prev_hash": "f" * 64,
    "hash": "e" * 64,
    "detail": {"i": 0, "note": "改过"},
}


@pytest.mark.parametrize("field", sorted(TAMPERING))
@pytest.mark.parametrize("position", [1, 3, 5])
def test_tampering_with_any_field_is_found_at_that_entry(field: str, position: int) -> None:
    entries = chain_of(5)
    entries[position - 1] = dataclasses.replace(entries[position - 1], **{field: TAMPERING[field]})
    check = verify_chain(entries)
    assert not check.ok
    assert (check.first_bad_seq, check.checked) == (position, position - 1)
    assert check.reason


def test_an_altered_entry_resealed_breaks_the_next_link() -> None:
    entries = chain_of(5)
    forged = seal(
        entries[1], chain=CHAIN, at=entries[2].at, actor="s-mallory", action="case.voided"
    )
    entries[2] = forged
    check = verify_chain(entries)
    assert (check.ok, check.first_bad_seq) == (False, 4)
    assert check.reason is not None
    assert "previous-hash" in check.reason


@pytest.mark.parametrize(
    ("order", "first_bad"),
    [
        pytest.param([0, 2, 1, 3, 4], 2, id="two entries swapped"),
        pytest.param([0, 1, 3, 4], 3, id="middle entry removed"),
        pytest.param([1, 2, 3, 4], 1, id="first entry removed"),
        pytest.param([0, 1, 1, 2, 3, 4], 3, id="entry duplicated"),
        pytest.param([4, 3, 2, 1, 0], 1, id="reversed"),
    ],
)
def test_reordering_and_removal_are_found(order: list[int], first_bad: int) -> None:
    entries = chain_of(5)
    check = verify_chain([entries[i] for i in order])
    assert (check.ok, check.first_bad_seq, check.checked) == (False, first_bad, first_bad - 1)
    assert check.reason is not None
    assert "sequence" in check.reason


def test_removing_the_tail_leaves_a_shorter_valid_chain() -> None:
    # Only the count can reveal a cut tail; verification reports how many entries it checked.
    assert verify_chain(chain_of(5)[:3]).checked == 3


def test_an_entry_of_another_chain_is_found() -> None:
    ours, theirs = chain_of(3), chain_of(3, chain="counter-07")
    check = verify_chain([ours[0], theirs[1], ours[2]])
    assert (check.ok, check.first_bad_seq) == (False, 2)
    assert check.reason is not None
    assert "counter-07" in check.reason


def test_naive_time_is_refused() -> None:
    with pytest.raises(InvalidInput, match="timezone"):
        seal(None, chain=CHAIN, at=MONDAY.replace(tzinfo=None), actor="x", action="y")


def test_an_entry_cannot_follow_another_chains_entry() -> None:
    other = chain_of(1, chain="counter-07")[0]
    with pytest.raises(InvalidInput, match="counter-07"):
        seal(other, chain=CHAIN, at=MONDAY, actor="x", action="y")


json_values: st.SearchStrategy[JsonValue] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(
    details=st.lists(
        st.dictionaries(st.text(max_size=4), json_values, max_size=3), min_size=1, max_size=6
    ),
    data=st.data(),
)
def test_any_chain_verifies_and_any_changed_detail_is_found(
    details: list[dict[str, JsonValue]], data: st.DataObject
) -> None:
    entries: list[AuditEntry] = []
    for i, detail in enumerate(details):
        previous = entries[-1] if entries else None
        at = MONDAY + timedelta(seconds=i)
        entries.append(seal(previous, chain=CHAIN, at=at, actor="a", action="b", detail=detail))
    assert verify_chain(entries).ok
    index = data.draw(st.integers(0, len(entries) - 1))
    changed = data.draw(st.dictionaries(st.text(max_size=4), json_values, max_size=3))
    if changed != entries[index].detail:
        entries[index] = dataclasses.replace(entries[index], detail=changed)
        assert verify_chain(entries).first_bad_seq == index + 1
