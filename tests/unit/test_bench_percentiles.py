"""The queue bench's percentile figures: the nearest-rank percentile and its interval."""

from __future__ import annotations

import random

from bench.queue_bench import percentile, percentile_interval


def test_the_p99_of_a_thousand_ranked_values() -> None:
    values = [float(n) for n in range(1, 1001)]
    random.Random(4).shuffle(values)

    assert percentile(values, 0.99) == 990.0
    # rank 990 ± 1.96 × √(1000 × 0.99 × 0.01) ≈ ± 6.2: the 983rd to the 997th value
    assert percentile_interval(values, 0.99) == (983.0, 997.0)


def test_the_interval_holds_the_percentile_and_narrows_with_more_calls() -> None:
    rng = random.Random(7)
    widths = []
    for count in (200, 2000, 20000):
        values = [rng.expovariate(1 / 0.010) for _ in range(count)]
        low, high = percentile_interval(values, 0.99)
        assert low <= percentile(values, 0.99) <= high
        widths.append((high - low) / percentile(values, 0.99))
    assert widths[0] > widths[1] > widths[2]


def test_a_few_calls_reach_the_slowest() -> None:
    values = [0.010, 0.020, 0.030]

    assert percentile_interval(values, 0.99) == (0.020, 0.030)
