"""UUIDv7 ids: RFC 9562 layout, embedded time, strict order within the process and threads."""

from __future__ import annotations

import itertools
import threading
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from clerk.errors import InvalidInput
from clerk.store.ids import Uuid7Generator, uuid7, uuid7_time

CST = timezone(timedelta(hours=8))


def test_layout_is_version_7_with_the_rfc_variant() -> None:
    parsed = uuid.UUID(uuid7())
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert (parsed.int >> 76) & 0xF == 7
    assert (parsed.int >> 62) & 0b11 == 0b10


def test_text_is_canonical_lowercase() -> None:
    value = uuid7()
    assert value == str(uuid.UUID(value))
    assert len(value) == 36


def test_embeds_the_given_time_to_the_millisecond() -> None:
    moment = datetime(2026, 3, 2, 9, 30, 15, 123_999, tzinfo=CST)
    value = Uuid7Generator().new(moment)
    assert uuid7_time(value) == datetime(2026, 3, 2, 1, 30, 15, 123_000, tzinfo=UTC)
    assert uuid.UUID(value).int >> 80 == int(moment.timestamp() * 1000)


def test_embeds_the_clock_when_no_time_is_given() -> None:
    # A fresh generator: the process-wide one stays monotonic after ids made for later times.
    before = datetime.now(UTC) - timedelta(milliseconds=1)
    embedded = uuid7_time(Uuid7Generator().new())
    assert before <= embedded <= datetime.now(UTC) + timedelta(seconds=1)


def test_ten_thousand_ids_in_a_tight_loop_strictly_increase() -> None:
    ids = [uuid7() for _ in range(10_000)]
    assert all(a < b for a, b in itertools.pairwise(ids))
    ints = [uuid.UUID(value).int for value in ids]
    assert all(a < b for a, b in itertools.pairwise(ints))


def test_ids_of_one_fixed_millisecond_stay_ordered_beyond_the_counter() -> None:
    generator = Uuid7Generator()
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    ids = [generator.new(moment) for _ in range(10_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    # The 12-bit counter overflows at most a few times: the time only borrows a few ms.
    assert uuid7_time(ids[-1]) - moment < timedelta(milliseconds=10)


def test_a_clock_stepping_back_does_not_break_the_order() -> None:
    generator = Uuid7Generator()
    late = generator.new(datetime(2026, 1, 1, 12, tzinfo=UTC))
    early = generator.new(datetime(2026, 1, 1, 11, tzinfo=UTC))
    assert early > late


def test_threads_get_distinct_ids_each_in_order() -> None:
    generator = Uuid7Generator()
    results: list[list[str]] = [[] for _ in range(4)]

    def work(out: list[str]) -> None:
        out.extend(generator.new() for _ in range(2_000))

    threads = [threading.Thread(target=work, args=(out,)) for out in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(out == sorted(out) for out in results)
    assert len({value for out in results for value in out}) == 8_000


def test_naive_time_is_refused() -> None:
    with pytest.raises(InvalidInput, match="timezone-aware"):
        uuid7(datetime(2026, 1, 1))


# A version 4 UUID, written out: every test process (pytest-xdist) must collect the same tests.
@pytest.mark.parametrize("value", ["not-a-uuid", "e476c585-9d7c-473c-8076-e502e57b8613"])
def test_uuid7_time_refuses_other_values(value: str) -> None:
    with pytest.raises(InvalidInput):
        uuid7_time(value)
