"""Findings decided on the sixth held-out set (tests/corpus/selfeval_heldout6), each on a small table of
our own in the central form: a total that is not the sum of its rows is said once (JX-A01, no JX-A11
beside it: the rescore finding is for numbers that agree with each other); over-completion of exactly
1.2× with no reason is flagged (≥ 1.2×, rules.md §10 example 15); a table with every row at or above
its weight is blanket full marks (JX-A21) beside the score above its weight (JX-A02)."""

from __future__ import annotations

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import AuditResult, audit
from tests.scoring.test_audit_rules import ROWS, central, with_row


def _audit(text: str) -> AuditResult:
    (table,) = read_published_text(text, "自评表.txt")
    return audit(table)


def _message(result: AuditResult, code: str) -> str:
    return next(d.message for d in result.diagnostics if d.code == code)


def test_a_total_above_its_rows_is_said_once_with_the_difference() -> None:
    # 10 + 30 + 20 + 21 + 10 = 91; printed 92, also one above the recomputed 91
    result = _audit(central(total="92"))
    assert "JX-A01" in result.codes() and "JX-A11" not in result.codes()
    assert "相差1分" in _message(result, "JX-A01")
    # the same rows under their own sum: nothing to say about the total
    assert not {"JX-A01", "JX-A11"} & set(_audit(central(total="91")).codes())


def test_a_total_that_adds_up_but_differs_from_the_rules_is_the_rescore_finding() -> None:
    wrong_row = with_row(1, " | 质量指标 | 培训合格率 | ≥90% | 85% | 20 | 20 |")
    result = _audit(central(wrong_row))
    assert "JX-A11" in result.codes() and "JX-A01" not in result.codes()


def _over(actual: str, reason: str = "") -> list[str]:
    return with_row(0, f"产出指标 | 数量指标 | 培训人次 | ≥100人次 | {actual} | 30 | 30 | {reason}")


def test_over_completion_from_exactly_one_point_two_times_without_reason_is_flagged() -> None:
    assert "JX-A25" in _audit(central(_over("120人次"))).codes()
    assert "120人次" in _message(_audit(central(_over("120人次"))), "JX-A25")
    assert "JX-A25" not in _audit(central(_over("119人次"))).codes()
    assert "JX-A25" not in _audit(central(_over("120人次", "年中新增培训班次"))).codes()


def test_every_row_at_or_above_its_weight_is_blanket_full_marks_beside_the_excess() -> None:
    rows = [
        "产出指标 | 数量指标 | 培训人次 | ≥100人次 | 130人次 | 30 | 32 | 超额完成",
        ROWS[1],
        "效益指标 | 社会效益指标 | 政策知晓度 | 明显提高 | 达成年度指标 | 30 | 30 |",
        ROWS[3],
    ]
    result = _audit(central(rows, total="102"))
    assert {"JX-A02", "JX-A21"} <= set(result.codes())
    assert "全部4个指标均为满分（其中1个得分超过分值）" in _message(result, "JX-A21")
    marked_down = [rows[0], ROWS[1], ROWS[2], ROWS[3]]  # 政策知晓度 21 of 30: one row marked down
    assert "JX-A21" not in _audit(central(marked_down, total="93")).codes()
