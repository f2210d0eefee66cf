"""Properties of the formulas: whatever the numbers, 0 ≤ score ≤ weight, and scores are 2-place Decimals."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.evaluation.numbers import read_actual
from jixiao.evaluation.profiles import CENTRAL
from jixiao.model import Op
from jixiao.scoring import FundsBlock, ReverseMethod, budget_score, score_quantitative

amounts = st.decimals(min_value=-1000, max_value=10**7, places=3, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False)


@settings(deadline=None)  # no speed bound in a unit test: the property alone
@given(
    op=st.sampled_from(list(Op)),
    target=amounts,
    actual=amounts,
    weight=weights,
    method=st.sampled_from(list(ReverseMethod)),
)
def test_quantitative_score_is_within_weight(
    op: Op, target: Decimal, actual: Decimal, weight: Decimal, method: ReverseMethod
) -> None:
    target = abs(target)
    score = score_quantitative(op, target, actual, weight, CENTRAL.with_changes(reverse_method=method))
    assert 0 <= score.value <= weight
    assert score.value == score.value.quantize(Decimal("0.01"))
    assert score.explanation


@settings(deadline=None)  # no speed bound in a unit test: the property alone
@given(budget=amounts, executed=amounts, weight=weights)
def test_budget_score_is_within_weight(budget: Decimal, executed: Decimal, weight: Decimal) -> None:
    score = budget_score(FundsBlock.simple(budget, abs(executed)), weight)
    assert 0 <= score.value <= weight


@settings(deadline=None)  # no speed bound in a unit test: the property alone
@given(st.text(max_size=30))
def test_reading_an_actual_never_raises(text: str) -> None:
    read_actual(text)
