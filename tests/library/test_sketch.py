"""The bounded statistics of target values: exact while few distinct values, within 2% beyond.

The bound of docs/library.md is checked against exact figures computed here from the same values:
every quantile the sketch gives is a value some table set, within `RELATIVE_ERROR` of the exact
nearest-rank quantile; merging sketches (an entry's member keys) keeps the bound; and the sketch
stays within `MAX_BUCKETS` however many values it counts.
"""

from __future__ import annotations

import random
from decimal import ROUND_CEILING, Decimal

import pytest

from jixiao.library import find
from jixiao.library.sketch import EXACT_VALUES, MAX_BUCKETS, RELATIVE_ERROR, ValueSketch
from jixiao.library.suggest import reason
from tests.library.tables import mine, table

SHARES = [Decimal(n) / 20 for n in range(1, 20)]  # 5%, 10%, … 95%


def _exact_quantile(values: list[Decimal], share: Decimal) -> Decimal:
    ordered = sorted(values)
    rank = max(1, int((share * len(ordered)).to_integral_value(rounding=ROUND_CEILING)))
    return ordered[rank - 1]


def _generated(kind: str, count: int, seed: int) -> list[Decimal]:
    rng = random.Random(seed)
    if kind == "counts":  # whole numbers 1–500, as the benchmark draws them
        return [Decimal(rng.randint(1, 500)) for _ in range(count)]
    if kind == "money":  # yuan with cents, spread over four orders of magnitude
        return [Decimal(str(round(10 ** rng.uniform(3, 7), 2))) for _ in range(count)]
    # percentages with one decimal, crowded near the top
    return [Decimal(str(round(100 - rng.expovariate(0.15), 1))).max(Decimal(0)) for _ in range(count)]


def _sketch(values: list[Decimal]) -> ValueSketch:
    sketch = ValueSketch()
    for n, value in enumerate(values):
        sketch.add(">=", value, f"table:{n}")
    return sketch


@pytest.mark.parametrize("kind", ["counts", "money", "percent"])
def test_quantiles_are_set_values_within_the_bound(kind: str) -> None:
    values = _generated(kind, 5000, seed=len(kind))
    sketch = _sketch(values)
    assert not sketch.is_exact and len(sketch.buckets) <= MAX_BUCKETS and not sketch.folded
    seen = set(values)
    for share in SHARES:
        exact, approximate = _exact_quantile(values, share), sketch.quantile(share)
        assert approximate in seen
        assert abs(approximate - exact) <= RELATIVE_ERROR * abs(exact), (share, exact, approximate)
    assert (sketch.low, sketch.high, sketch.count) == (min(values), max(values), len(values))
    middle = sorted(values)[(len(values) - 1) // 2 : len(values) // 2 + 1]
    exact_median = sum(middle, Decimal(0)) / len(middle)
    assert abs(sketch.median() - exact_median) <= RELATIVE_ERROR * exact_median


def test_merged_sketches_keep_the_bound_and_equal_one_sketch_of_all() -> None:
    first, second = _generated("money", 3000, seed=1), _generated("counts", 3000, seed=2)
    merged = _sketch(first)
    merged.merge(_sketch(second))
    whole = _sketch(first + second)
    both = first + second
    for share in SHARES:
        assert merged.quantile(share) == whole.quantile(share)
        exact = _exact_quantile(both, share)
        assert abs(merged.quantile(share) - exact) <= RELATIVE_ERROR * exact
    assert (merged.low, merged.high, merged.count) == (min(both), max(both), len(both))


def test_few_distinct_values_are_exact_like_before() -> None:
    values = [Decimal(v) for v in (85, 90, 90, 95, 100, 90, 85, 80)] * 7
    sketch = _sketch(values)
    assert sketch.is_exact and len(set(values)) <= EXACT_VALUES
    for share in SHARES:
        assert sketch.quantile(share) == _exact_quantile(values, share)
    assert sketch.median() == Decimal("90") and sketch.common() == Decimal("90")
    even = _sketch([Decimal(100000), Decimal(100001)])
    assert even.median() == Decimal("100000.5")


def test_memory_is_bounded_by_buckets_not_by_values() -> None:
    rng = random.Random(5)
    sketch = ValueSketch()
    for n in range(20_000):
        sketch.add("<=", Decimal(rng.randint(1, 10**9)) / 100, f"table:{n}")
    assert len(sketch.buckets) <= MAX_BUCKETS and sketch.exact is None
    restored = ValueSketch.from_dict(sketch.to_dict())
    assert [restored.quantile(s) for s in SHARES] == [sketch.quantile(s) for s in SHARES]
    assert (restored.low, restored.high, restored.count) == (sketch.low, sketch.high, sketch.count)


def test_an_indicator_with_many_distinct_targets_reports_an_approximate_median() -> None:
    """Through tables: 70 units set 70 different 培训人次 targets (more than are counted exactly)."""
    targets = list(range(100, 800, 10))
    texts = [
        table(f" | 产出指标 | 数量指标 | 培训人次 | ≥{v}人次 | ≥{v}人次", unit=f"单位{n}", name=f"项目{n}")
        for n, v in enumerate(targets)
    ]
    entry = find(mine(*texts).entries, "培训人次")
    assert entry is not None
    [d] = entry.provenance.distributions
    exact_median = Decimal(sum(sorted(targets)[34:36])) / 2
    assert d.approximate and d.count == 70 and (d.low, d.high) == (Decimal(100), Decimal(790))
    assert abs(d.median - exact_median) <= RELATIVE_ERROR * exact_median
    assert d.median_source.startswith("t") and entry.provenance.publishers == 70
    assert f"目标值中位数 约 ≥{d.median}人次" in reason(entry)
