"""Bounded statistics of an indicator's target values and of who uses it: memory flat in the rows.

`ValueSketch` holds the target values one key (or entry) set in one unit. While there are at most
`EXACT_VALUES` distinct values it counts each exactly (real indicators mostly use a handful: 85, 90,
95, 100), so the median, range, percentiles and commonest value are exact. Beyond that it keeps
logarithmic buckets (the DDSketch idea): bucket *i* holds the values in (γ^(i-1), γ^i] with
γ = `GAMMA`, its count and the smallest value seen in it (with the first row that set it). A
quantile is then the smallest value of the bucket that holds its rank: a value some table really set,
within `RELATIVE_ERROR` (2%) of the exact quantile. Buckets add, so sketches of a group's members
merge without losing that bound. The lowest and the highest value stay exact. At most `MAX_BUCKETS`
buckets are kept; past that the two lowest are folded together (the bound then no longer holds for
quantiles inside the folded bucket, and the sketch says so: ``folded``).

Sources: the first row to set the lowest and the highest value is kept, and that of the first
`VALUE_SOURCES` distinct values (each bucket's smallest value in bucket mode); the source of a median
no kept row set is that of the nearest value that has one.

Pure: numbers in, numbers out; Decimal throughout except the bucket index (a float logarithm).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache
from typing import Any

EXACT_VALUES = 64  # distinct values per unit counted exactly
GAMMA = 1.02  # ratio between bucket bounds
RELATIVE_ERROR = Decimal("0.02")  # |approximate quantile − exact| < 2% of the exact one
MAX_BUCKETS = 1024  # 1.02^1024 ≈ 6·10^8: nine orders of magnitude before the lowest fold
VALUE_SOURCES = 8  # distinct values (in exact mode) whose first row is kept besides the extremes
_LOG_GAMMA = math.log(GAMMA)


@lru_cache(maxsize=65_536)
def bucket_of(value: Decimal) -> int:
    """The bucket of a value: positive values by ⌈log_γ v⌉, zero alone, negatives mirrored below it."""
    if value == 0:
        return 0
    index = math.ceil(math.log(abs(float(value))) / _LOG_GAMMA)
    return (1_000_000 + index) if value > 0 else -(1_000_000 + index)


class ValueSketch:
    """Target values of one unit: count, comparators, lowest/highest, quantiles (exact, then bucketed)."""

    __slots__ = (
        "buckets",
        "count",
        "exact",
        "folded",
        "high",
        "high_source",
        "low",
        "low_source",
        "ops",
        "sources",
    )

    def __init__(self) -> None:
        self.count = 0
        self.ops: dict[str, int] = {}
        self.exact: dict[Decimal, int] | None = {}  # exact mode: value → count; bucket mode: None
        # exact mode: the first row of the first few values other than the lowest and the highest
        # (whose rows are kept beside them); made when first needed, as most keys have one or two values
        self.sources: dict[Decimal, str] | None = None
        self.buckets: dict[int, list[Any]] = {}  # bucket → [count, smallest value, its first source]
        self.low: Decimal | None = None
        self.low_source = ""
        self.high: Decimal | None = None
        self.high_source = ""
        self.folded = False

    @property
    def is_exact(self) -> bool:
        """True while every distinct value is counted on its own (all figures exact)."""
        return self.exact is not None

    def add(self, op: str, value: Decimal, source: str, n: int = 1) -> None:
        """Count ``n`` targets of ``value`` written with comparator ``op``; ``source`` is the first row."""
        self.count += n
        self.ops[op] = self.ops.get(op, 0) + n
        self._add_value(value, source, n)

    def _add_value(self, value: Decimal, source: str, n: int) -> None:
        extreme = False
        if self.low is None or value < self.low or (value == self.low and source and not self.low_source):
            if self.low is not None and value != self.low:
                self._keep_source(self.low, self.low_source)  # the former lowest keeps its row
            self.low, self.low_source, extreme = value, source, True
        if self.high is None or value > self.high or (value == self.high and source and not self.high_source):
            if self.high is not None and value != self.high:
                self._keep_source(self.high, self.high_source)
            self.high, self.high_source, extreme = value, source, True
        if not extreme and value != self.low and value != self.high:
            self._keep_source(value, source)
        if self.exact is not None:
            count = self.exact.get(value)
            if count is None:
                self.exact[value] = n
                if len(self.exact) > EXACT_VALUES:
                    self._to_buckets()
            else:
                self.exact[value] = count + n
            return
        self._bucket_add(value, source, n)

    def _bucket_add(self, value: Decimal, source: str, n: int) -> None:
        index = bucket_of(value)
        slot = self.buckets.get(index)
        if slot is None:
            self.buckets[index] = [n, value, source]
            if len(self.buckets) > MAX_BUCKETS:
                self._fold_lowest()
        else:
            slot[0] += n
            if value < slot[1] or (value == slot[1] and source and not slot[2]):
                slot[1], slot[2] = value, source

    def _to_buckets(self) -> None:
        exact = self.exact or {}
        known = {value: self._known_source(value) for value in exact}
        self.exact, self.sources = None, None
        for value, n in exact.items():
            self._bucket_add(value, known[value], n)

    def _keep_source(self, value: Decimal, source: str) -> None:
        if not source or self.exact is None:
            return
        if self.sources is None:
            self.sources = {}
        if len(self.sources) < VALUE_SOURCES:
            self.sources.setdefault(value, source)

    def _known_source(self, value: Decimal) -> str:
        if value == self.low and self.low_source:
            return self.low_source
        if value == self.high and self.high_source:
            return self.high_source
        return self.sources.get(value, "") if self.sources else ""

    def _fold_lowest(self) -> None:
        first, second = sorted(self.buckets)[:2]
        low = self.buckets.pop(first)
        slot = self.buckets[second]
        slot[0] += low[0]
        slot[1], slot[2] = low[1], low[2]  # the folded bucket's smallest value is the lower one's
        self.folded = True

    def merge(self, other: ValueSketch) -> None:
        """Add another sketch's values (a group member's, or an earlier build's)."""
        self.count += other.count
        for op, n in other.ops.items():
            self.ops[op] = self.ops.get(op, 0) + n
        for value, n, source in other.weighted():
            self._add_value(value, source, n)
        if other.exact is None:  # keep the other's exact extremes (its buckets hold lowest values only)
            self._extreme(other)
        self.folded = self.folded or other.folded

    def _extreme(self, other: ValueSketch) -> None:
        if other.high is not None and (self.high is None or other.high > self.high):
            self.high, self.high_source = other.high, other.high_source

    def weighted(self) -> Iterator[tuple[Decimal, int, str]]:
        """(value, count, first source), ascending: each exact value, or each bucket's smallest value."""
        if self.exact is not None:
            for value in sorted(self.exact):
                yield value, self.exact[value], self._known_source(value)
        else:
            for index in sorted(self.buckets):
                n, value, source = self.buckets[index]
                yield value, n, source

    def quantile(self, share: Decimal) -> Decimal:
        """The value below which ``share`` of the targets lie (nearest rank): exact while the sketch is
        exact, else a value set by some table within `RELATIVE_ERROR` of the exact one."""
        return self._at_rank(max(1, int((share * self.count).to_integral_value(rounding=ROUND_CEILING))))

    def _at_rank(self, rank: int) -> Decimal:
        seen = 0
        last = Decimal(0)
        for value, n, _ in self.weighted():
            seen += n
            last = value
            if seen >= rank:
                return value
        return last

    def median(self) -> Decimal:
        """The median: exact (the mean of the two middle values for an even count) while exact; else the
        value at the middle rank, within `RELATIVE_ERROR`."""
        lower = self._at_rank((self.count + 1) // 2)
        upper = self._at_rank(self.count // 2 + 1)
        return lower if lower == upper else (lower + upper) / 2

    def common(self) -> Decimal:
        """The commonest value (the smallest of a tie); in bucket mode the smallest value of the fullest
        bucket."""
        best = max(self.weighted(), key=lambda item: (item[1], -item[0]))
        return best[0]

    def common_op(self) -> str:
        """The commonest comparator ("" for a number written without one)."""
        return min(self.ops, key=lambda o: (-self.ops[o], o)) if self.ops else ""

    def source_of(self, value: Decimal) -> str:
        """The first row that set ``value``, else that of the nearest value whose row is kept."""
        if value == self.low and self.low_source:
            return self.low_source
        if value == self.high and self.high_source:
            return self.high_source
        nearest = [(abs(v - value), v, s) for v, _, s in self.weighted() if s]
        return min(nearest)[2] if nearest else ""

    # ── stored form ──────────────────────────────────────────────────────────────────────────
    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (numbers as text)."""
        data: dict[str, Any] = {
            "n": self.count,
            "ops": dict(self.ops),
            "low": [_text(self.low), self.low_source],
            "high": [_text(self.high), self.high_source],
        }
        if self.exact is not None:
            data["exact"] = [[_text(v), n, self._known_source(v)] for v, n in sorted(self.exact.items())]
        else:
            data["buckets"] = [[_text(v), n, s] for v, n, s in self.weighted()]
            data["folded"] = self.folded
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ValueSketch:
        """A sketch read back from `to_dict`."""
        sketch = cls()
        sketch.count = int(data["n"])
        sketch.ops = {str(k): int(v) for k, v in data["ops"].items()}
        if "exact" in data:
            exact: dict[Decimal, int] = {}
            for v, n, s in data["exact"]:
                exact[Decimal(v)] = int(n)
                if s:
                    sketch.sources = sketch.sources or {}
                    sketch.sources[Decimal(v)] = str(s)
            sketch.exact = exact
        else:
            sketch.exact = None
            for v, n, s in data["buckets"]:
                value = Decimal(v)
                sketch.buckets[bucket_of(value)] = [int(n), value, str(s)]
            sketch.folded = bool(data.get("folded"))
        for name, (value, source) in (("low", data["low"]), ("high", data["high"])):
            if value is not None:
                setattr(sketch, name, Decimal(value))
                setattr(sketch, f"{name}_source", str(source))
        return sketch


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")
