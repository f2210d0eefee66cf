"""JSON twins of 运行监控 and 单位自评 on both backends: scores, permissions, bad input stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from jixiao.store.db import get_engine
from jixiao.store.evaluation import funds_rows, monitoring_snapshots, self_evaluation_lines, self_evaluations
from tests.web.evaluation.conftest import (
    EXPECTED_GRADE,
    EXPECTED_LINE_SCORES,
    EXPECTED_TOTAL,
    evaluation_payload,
    monitoring_payload,
    put_json,
)


def _count(url: str, table: Any) -> int:
    with get_engine(url).connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_full_self_evaluation_of_a_seed_table_is_scored_to_the_expected_total(
    app_factory: Callable[..., Any], table_id: int
) -> None:
    filler = app_factory("tianbao")
    response = put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload())
    assert response.status_code == 200, response.text
    result = response.json()["result"]
    assert result["total"] == EXPECTED_TOTAL
    assert result["grade"] == EXPECTED_GRADE
    assert result["budget"]["score"] == "9.00"
    assert [line["score"] for line in result["indicators"]] == EXPECTED_LINE_SCORES
    assert "12×80/85" in result["indicators"][2]["explanation"].replace(" ", "")
    # read back (another user of the same unit): the same entry and the same score
    again = app_factory("tianbao2").get(f"/api/tables/{table_id}/evaluation").json()
    assert again["stored"] is True and again["updated_by"] == "tianbao"
    assert again["result"]["total"] == EXPECTED_TOTAL
    assert [i["actual"] for i in again["entry"]["indicators"]][2] == "80%"
    assert again["entry"]["funds"][0]["executed"] == "24.3"


def test_blank_evaluation_offers_the_default_weight_split(
    app_factory: Callable[..., Any], table_id: int
) -> None:
    body = app_factory("tianbao").get(f"/api/tables/{table_id}/evaluation").json()
    assert body["stored"] is False
    weights = [item["weight"] for item in body["entry"]["indicators"]]
    assert weights == ["13", "13", "12", "12", "15", "15", "10"]  # 产出(含成本)50 / 效益30 / 满意度10
    assert body["entry"]["funds"][0]["budget"] == "27"  # 270000元 → 27万元


def test_bad_input_stores_nothing_and_names_the_field(
    app_factory: Callable[..., Any], table_id: int, seeded_url: str
) -> None:
    filler = app_factory("tianbao")
    path = f"/api/tables/{table_id}/evaluation"
    text_in_number = evaluation_payload()
    text_in_number["funds"][0]["executed"] = "二十四"
    negative = evaluation_payload()
    negative["funds"][0]["budget"] = "-27"
    over_budget = evaluation_payload()
    over_budget["funds"][0]["executed"] = "30"
    weights_off = evaluation_payload()
    weights_off["indicators"][0]["weight"] = "20"
    non_numeric_actual = evaluation_payload()
    non_numeric_actual["indicators"][1]["actual"] = "完成"
    cases = [
        (text_in_number, "当年财政拨款的全年执行数应为数字"),
        (negative, "当年财政拨款的全年预算数不能为负数"),
        (over_budget, "全年执行数30超过全年预算数27"),
        (weights_off, "分值合计"),
        (non_numeric_actual, "不是数值"),
    ]
    for payload, words in cases:
        response = put_json(filler, path, payload)
        assert response.status_code == 400, response.text
        body = response.json()
        assert words in body["error"], body
        assert "未保存任何内容" in body["error"]
    assert _count(seeded_url, self_evaluations) == 0
    assert _count(seeded_url, self_evaluation_lines) == 0
    assert _count(seeded_url, funds_rows) == 0
    assert filler.get(path).json()["stored"] is False


def test_monitoring_lights_and_mandatory_reasons(
    app_factory: Callable[..., Any], table_id: int, seeded_url: str
) -> None:
    filler = app_factory("tianbao")
    path = f"/api/tables/{table_id}/monitoring"
    missing_reason = monitoring_payload()
    missing_reason["indicators"][5] = {"current": "1次", "likelihood": "不可能"}
    response = put_json(filler, path, missing_reason)
    assert response.status_code == 400
    fields = {p["field"] for p in response.json()["problems"]}
    assert fields == {"indicators-5-reason", "indicators-5-measures"}
    assert _count(seeded_url, monitoring_snapshots) == 0

    response = put_json(filler, path, monitoring_payload())
    assert response.status_code == 200, response.text
    result = response.json()["result"]
    assert result["months"] == 7
    assert result["funds"]["index"] == "85.71" and result["funds"]["light"] == "green"
    lights = [line["light"] for line in result["indicators"]]
    assert lights[5] == "red"  # 1 of ≥6 after 7 months: index 28.57
    assert result["light"] == "red"
    stored = filler.get(path).json()
    assert stored["stored"] is True and stored["periods"] == [{"months": 7, "light": "red"}]
    assert stored["entry"]["indicators"][5]["reason"] == "上半年媒体档期冲突"
    # the funds block typed in monitoring is the one self-evaluation starts from
    assert filler.get(f"/api/tables/{table_id}/evaluation").json()["entry"]["funds"][0]["budget"] == "27"


def test_monitoring_rejects_execution_above_budget(
    app_factory: Callable[..., Any], table_id: int, seeded_url: str
) -> None:
    payload = monitoring_payload()
    payload["funds"][0]["executed"] = "28"
    response = put_json(app_factory("tianbao"), f"/api/tables/{table_id}/monitoring", payload)
    assert response.status_code == 400
    assert "1–7月执行数28超过全年预算数27" in response.json()["error"]
    assert _count(seeded_url, monitoring_snapshots) == 0


def test_who_may_see_and_enter(app_factory: Callable[..., Any], table_id: int, seeded_url: str) -> None:
    for what in ("monitoring", "evaluation"):
        path = f"/api/tables/{table_id}/{what}"
        body = monitoring_payload() if what == "monitoring" else evaluation_payload()
        anonymous = app_factory()
        assert anonymous.get(path).status_code == 401
        assert put_json(anonymous, path, body).status_code == 401
        for stranger in ("outsider", "othereviewer"):
            browser = app_factory(stranger)
            assert browser.get(path).status_code == 403
            assert put_json(browser, path, body).status_code == 403
        reviewer = app_factory("shenhe")
        assert reviewer.get(path).status_code == 200
        assert put_json(reviewer, path, body).status_code == 403
        assert app_factory("guanli").get(path).status_code == 200
    assert _count(seeded_url, self_evaluations) == 0
    assert _count(seeded_url, monitoring_snapshots) == 0
    # without the CSRF header a PUT is refused even for the right user
    filler = app_factory("tianbao")
    refused = filler.client.put(f"/api/tables/{table_id}/evaluation", json=evaluation_payload())
    assert refused.status_code == 403


def test_reviewer_reduction_needs_a_reason_and_lowers_the_total(
    app_factory: Callable[..., Any], table_id: int
) -> None:
    filler = app_factory("tianbao")
    assert put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload()).status_code == 200
    path = f"/api/tables/{table_id}/evaluation/adjustments"
    reviewer = app_factory("shenhe")
    no_reason = put_json(reviewer, path, [{"index": 1, "reduction": "2"}])
    assert no_reason.status_code == 400 and "须写明理由" in no_reason.json()["error"]
    assert put_json(filler, path, [{"index": 1, "reduction": "2", "reason": "x"}]).status_code == 403
    done = put_json(reviewer, path, [{"index": 1, "reduction": "2", "reason": "目标值设置偏低"}])
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["result"]["total"] == "86.29"
    assert body["adjustments"] == [
        {"index": 1, "reduction": "2.00", "reason": "目标值设置偏低", "by": "shenhe"}
    ]
    # the unit saving again keeps the reviewer's reduction
    again = put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload())
    assert again.json()["result"]["total"] == "86.29"


def test_dashboard_counts_lights_and_grades_for_the_right_people(
    app_factory: Callable[..., Any], table_id: int
) -> None:
    filler = app_factory("tianbao")
    put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload())
    put_json(filler, f"/api/tables/{table_id}/monitoring", monitoring_payload())
    mine = filler.get("/api/dashboard").json()["evaluation"]
    assert mine["grades"]["良"] == 1 and mine["lights"]["red"] == 1
    assert mine["lowest"][0]["total"] == "88.29"
    assert app_factory("shenhe").get("/api/dashboard").json()["evaluation"]["grades"]["良"] == 1
    assert app_factory("outsider").get("/api/dashboard").json()["evaluation"]["grades"]["良"] == 0
    assert app_factory().get("/api/dashboard").json()["evaluation"] is None


def test_a_published_table_keeps_its_evaluation_private(
    app_factory: Callable[..., Any], table_id: int, seeded_url: str
) -> None:
    from sqlalchemy import update

    from jixiao.store.schema import perf_tables

    with get_engine(seeded_url).begin() as conn:
        conn.execute(update(perf_tables).where(perf_tables.c.id == table_id).values(status="published"))
    assert app_factory().get(f"/api/tables/{table_id}").status_code == 200  # the targets are public
    assert app_factory().get(f"/api/tables/{table_id}/evaluation").status_code == 401
    assert app_factory("outsider").get(f"/api/tables/{table_id}/evaluation").status_code == 403
    assert app_factory("outsider").get(f"/tables/{table_id}/monitoring").status_code == 403
    assert app_factory("tianbao").get(f"/api/tables/{table_id}/monitoring").status_code == 200


def test_unknown_table_and_garbage_upload(
    app_factory: Callable[..., Any], table_id: int, seeded_url: str
) -> None:
    filler = app_factory("tianbao")
    assert filler.get("/api/tables/9999/evaluation").status_code == 404
    files = {"file": ("自评.xlsx", b"not a workbook at all", "application/octet-stream")}
    response = filler.post(f"/tables/{table_id}/evaluation/upload", files=files)
    assert response.status_code == 400 and "无法打开工作簿" in response.text
    assert _count(seeded_url, self_evaluations) == 0


def test_zero_budget_is_flagged_not_refused(app_factory: Callable[..., Any], table_id: int) -> None:
    """rules.md §10: without a full-year budget the budget score is not computable: a finding."""
    payload = evaluation_payload(
        funds=[{"label": "当年财政拨款", "initial": "0", "budget": "0", "executed": "0"}]
    )
    response = put_json(app_factory("tianbao"), f"/api/tables/{table_id}/evaluation", payload)
    assert response.status_code == 200, response.text
    messages = [d["message"] for d in response.json()["result"]["diagnostics"]]
    assert any("全年预算数为0" in m for m in messages)
    assert Decimal(response.json()["result"]["budget"]["score"]) == 0


def test_dashboard_counts_each_tables_latest_period(app_factory: Callable[..., Any], table_id: int) -> None:
    filler = app_factory("tianbao")
    path = f"/api/tables/{table_id}/monitoring"
    assert put_json(filler, path, monitoring_payload()).status_code == 200  # 1–7月: red
    green = monitoring_payload(months="6")
    green["indicators"][5] = {"current": "6次", "likelihood": "确定能"}
    green["indicators"][4] = {"current": "达成", "likelihood": "确定能"}
    assert put_json(filler, path, green).status_code == 200  # 1–6月 saved later, but earlier period
    assert put_json(filler, path, green).status_code == 200  # saving a period again replaces it
    lights = filler.get("/api/dashboard").json()["evaluation"]["lights"]
    assert lights == {"green": 0, "yellow": 0, "red": 1}
    periods = filler.get(path).json()["periods"]
    assert periods == [{"months": 6, "light": "green"}, {"months": 7, "light": "red"}]
