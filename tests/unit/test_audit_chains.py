"""One audit chain per device and epoch: naming the chains, and verifying a device's chains."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk.audit import (
    LINK,
    AuditEntry,
    JsonValue,
    chain_id,
    device_of_chain,
    epoch_of_chain,
    link_to,
    seal,
    verify_chains,
)
from tests.unit.factories import MONDAY

DEVICE = "SF01-W05-7f3a09c1"
OTHER = "SF01-W06-0b12ee40"

device_ids = st.text(st.characters(codec="utf-8", exclude_characters="@"), min_size=1)


def entries(chain: str, n: int, *, first: dict[str, JsonValue] | None = None) -> list[AuditEntry]:
    """`n` entries sealed on `chain`; the first carries `first` as its facts."""
    made: list[AuditEntry] = []
    for i in range(n):
        made.append(
            seal(
                made[-1] if made else None,
                chain=chain,
                at=MONDAY + timedelta(minutes=i),
                actor="s-clerk",
                action=f"case.step{i}",
                detail=first if i == 0 and first is not None else {"i": i},
            )
        )
    return made


def test_epoch_one_keeps_the_device_id_as_its_chain() -> None:
    assert chain_id(DEVICE, 1) == chain_id(DEVICE, 0) == DEVICE
    assert (device_of_chain(DEVICE), epoch_of_chain(DEVICE)) == (DEVICE, 1)


def test_a_later_epoch_has_a_chain_of_its_own() -> None:
    chains = {chain_id(DEVICE, epoch) for epoch in range(1, 12)}
    assert len(chains) == 11
    assert chain_id(DEVICE, 2) == f"{DEVICE}@e2"
    assert len(chain_id("d" * 40, 10**9)) <= 64, "fits the registry's chain column"


@given(device=device_ids, epoch=st.integers(0, 10**12))
def test_a_chain_names_its_device_and_epoch(device: str, epoch: int) -> None:
    chain = chain_id(device, epoch)
    assert device_of_chain(chain) == device
    assert epoch_of_chain(chain) == max(epoch, 1)


@pytest.mark.parametrize(
    "chain", ["registry:SF01", "dev@e1", "dev@e01", "dev@e", "dev@x2", "@e2", "dev@e٣"]
)
def test_a_chain_of_no_later_epoch_is_its_own_device(chain: str) -> None:
    assert (device_of_chain(chain), epoch_of_chain(chain)) == (chain, 1)


def test_a_devices_chains_verify_together() -> None:
    first = entries(DEVICE, 4)
    second = entries(chain_id(DEVICE, 2), 3, first=link_to(first[2]))
    third = entries(chain_id(DEVICE, 10), 2, first=link_to(second[-1]))
    chains = {third[0].chain: third, DEVICE: first, second[0].chain: second}
    check = verify_chains(DEVICE, chains)
    assert (check.ok, check.checked, check.chains) == (True, 9, 3)
    assert verify_chains(DEVICE, {}).ok


def test_a_break_in_a_later_chain_is_named_with_its_chain() -> None:
    first, second = entries(DEVICE, 3), entries(chain_id(DEVICE, 2), 4)
    second[2] = dataclasses.replace(second[2], actor="s-mallory")
    check = verify_chains(DEVICE, {DEVICE: first, second[0].chain: second})
    assert (check.ok, check.chain, check.first_bad_seq, check.checked) == (
        False,
        chain_id(DEVICE, 2),
        3,
        3 + 2,
    )


def test_a_chain_of_another_device_is_found() -> None:
    ours, theirs = entries(DEVICE, 2), entries(chain_id(OTHER, 2), 2)
    check = verify_chains(DEVICE, {DEVICE: ours, theirs[0].chain: theirs})
    assert (check.ok, check.chain, check.first_bad_seq) == (False, chain_id(OTHER, 2), 1)
    assert check.reason is not None
    assert OTHER in check.reason


@pytest.mark.parametrize(
    "link",
    [
        pytest.param({"chain": DEVICE, "seq": 2, "hash": "0" * 64}, id="another hash"),
        pytest.param({"chain": DEVICE, "seq": 9, "hash": "0" * 64}, id="an entry not held"),
        pytest.param({"chain": chain_id(DEVICE, 3), "seq": 1, "hash": "0" * 64}, id="later"),
        pytest.param({"chain": OTHER, "seq": 1, "hash": "0" * 64}, id="another device"),
        pytest.param("somewhere", id="malformed"),
    ],
)
def test_a_link_to_an_entry_not_held_as_named_is_found(link: JsonValue) -> None:
    first = entries(DEVICE, 3)
    second = entries(chain_id(DEVICE, 2), 2, first={LINK: link})
    check = verify_chains(DEVICE, {DEVICE: first, second[0].chain: second})
    assert (check.ok, check.chain, check.first_bad_seq, check.checked) == (
        False,
        chain_id(DEVICE, 2),
        1,
        3,
    )
