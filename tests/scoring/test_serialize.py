"""Self-evaluations and monitoring snapshots as JSON data, both ways (what storage and the web use)."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.evaluation.serialize import (
    evaluation_from_dict,
    evaluation_to_dict,
    monitoring_to_dict,
    result_to_dict,
    snapshot_from_dict,
    snapshot_to_dict,
)
from jixiao.scoring import Adjustment, evaluate
from jixiao.scoring.monitoring import monitor
from tests.scoring.worked_example import monitoring_snapshot, scored_example


def test_evaluation_round_trips_through_json(tmp_path: Path) -> None:
    evaluation, result = scored_example(tmp_path)
    adjusted = replace(
        evaluation,
        lines=(replace(evaluation.lines[0], adjustment=Adjustment(Decimal("1.5"), "目标偏低", "李")),),
    )
    for item in (evaluation, adjusted):
        data = json.loads(json.dumps(evaluation_to_dict(item), ensure_ascii=False))
        assert evaluation_from_dict(data) == item
    assert evaluate(evaluation_from_dict(evaluation_to_dict(evaluation))).total == result.total


def test_bad_evaluation_data_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"不是 jixiao\.selfeval/1"):
        evaluation_from_dict({"format": "x"})
    with pytest.raises(ValueError, match="自评数据不完整"):
        evaluation_from_dict({"format": "jixiao.selfeval/1", "funds": {"rows": [{"label": "a"}]}})


def test_snapshot_round_trips_and_results_are_json() -> None:
    snapshot = monitoring_snapshot()
    back = snapshot_from_dict(json.loads(json.dumps(snapshot_to_dict(snapshot), ensure_ascii=False)))
    assert monitor(back).funds == monitor(snapshot).funds
    assert [lp.progress for lp in monitor(back).lines] == [lp.progress for lp in monitor(snapshot).lines]
    data = monitoring_to_dict(monitor(snapshot))
    assert data["funds"]["ratio"] == "0.4203" and json.dumps(data)


def test_result_json_has_decimal_strings(tmp_path: Path) -> None:
    _, result = scored_example(tmp_path)
    data = result_to_dict(result)
    assert data["total"] == "90.32" and isinstance(data["indicators"][0]["weight"], str)
    assert all(isinstance(i["score"], str) for i in data["indicators"])
