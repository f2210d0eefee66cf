"""docs/monitoring-evaluation-web.md: the worked example's explanations are what the code gives."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.evaluation.profiles import CENTRAL
from jixiao.evaluation.records import Adjustment
from jixiao.scoring import evaluate
from jixiao.scoring.monitoring import monitor
from jixiao.service.evaluation_input import read_evaluation, read_monitoring
from tests.seed import seed_tables
from tests.web.evaluation.conftest import PROJECT, evaluation_payload, monitoring_payload

DOC = Path(__file__).resolve().parents[3] / "docs" / "monitoring-evaluation-web.md"


def test_worked_example_in_the_doc_is_what_the_code_says() -> None:
    text = DOC.read_text(encoding="utf-8")
    table = next(t for t in seed_tables() if t.project.name == PROJECT)
    entry = read_evaluation(table, evaluation_payload(), CENTRAL)
    assert entry.problems == ()
    result = evaluate(entry.evaluation, CENTRAL)
    for explanation in [result.budget.explanation, result.explanation.split("，等级")[0]]:
        assert explanation in text
    for scored in result.lines:
        assert scored.score.explanation in text, scored.line.name
    cut = read_evaluation(table, evaluation_payload(), CENTRAL, {1: Adjustment(Decimal(2), "目标值设置偏低")})
    adjusted = evaluate(cut.evaluation, CENTRAL)
    assert f"the total becomes {adjusted.total}" in text
    assert adjusted.lines[1].score.explanation.split("得满分13.00")[1] in text
    monitoring = read_monitoring(table, monitoring_payload(), CENTRAL)
    lights = monitor(monitoring.snapshot, CENTRAL)
    assert lights.funds.explanation in text
    for index in (1, 4, 5):
        assert lights.lines[index].progress.explanation in text
