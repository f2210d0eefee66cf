"""The 运行监控 and 单位自评 pages: forms with CSRF, the live HTMX panels, uploads and downloads."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import func, select

from jixiao.store.db import get_engine
from jixiao.store.evaluation import self_evaluations
from tests.web.evaluation.conftest import (
    ENTRIES,
    EXPECTED_TOTAL,
    FUNDS,
    PROJECT,
    evaluation_payload,
    put_json,
)


def _form(payload: dict[str, Any]) -> dict[str, Any]:
    """The page's form fields for an API payload."""
    form: dict[str, Any] = {
        "profile": payload.get("profile", "central"),
        "goal_actual": payload.get("goal_actual", ""),
    }
    for i, row in enumerate(payload["funds"]):
        for key, value in row.items():
            form[f"funds-{i}-{key}"] = value
    for i, item in enumerate(payload["indicators"]):
        for key, value in item.items():
            form[f"indicators-{i}-{key}"] = value
    return form


def _stored(url: str) -> int:
    with get_engine(url).connect() as conn:
        return int(conn.execute(select(func.count()).select_from(self_evaluations)).scalar_one())


def test_evaluation_page_shows_default_weights_and_live_scores(
    app_factory: Callable[..., Any], table_id: int
) -> None:
    filler = app_factory("tianbao")
    page = filler.get(f"/tables/{table_id}/evaluation")
    assert page.status_code == 200
    assert "项目支出绩效自评表" in page.text and PROJECT in page.text
    assert 'name="indicators-4-weight" value="15"' in page.text
    live = filler.post(f"/tables/{table_id}/evaluation/preview", _form(evaluation_payload()))
    assert live.status_code == 200
    assert f'data-testid="live-total">{EXPECTED_TOTAL}<' in live.text
    assert 'id="score-2" data-testid="score-2" hx-swap-oob="outerHTML">11.29<' in live.text
    assert "实际完成80%" in live.text  # the explanation line of 人员参与率
    assert _stored(filler.client.app.state.service.url) == 0  # a preview stores nothing


def test_evaluation_form_saves_or_shows_every_problem(
    app_factory: Callable[..., Any], table_id: int, seeded_url: str
) -> None:
    filler = app_factory("tianbao")
    bad = evaluation_payload()
    bad["funds"][0]["executed"] = "abc"
    bad["indicators"][3]["weight"] = "-1"
    response = filler.post(f"/tables/{table_id}/evaluation", _form(bad))
    assert response.status_code == 400
    assert "当年财政拨款的全年执行数应为数字（万元），填的是“abc”" in response.text
    assert "指标“举办活动及时率”的分值不能为负数" in response.text
    assert 'value="abc"' in response.text  # what the user typed stays on screen
    assert _stored(seeded_url) == 0
    saved = filler.post(f"/tables/{table_id}/evaluation", _form(evaluation_payload()))
    assert saved.status_code == 303
    page = filler.get(saved.headers["location"])
    assert f"总分 {EXPECTED_TOTAL}，等级“良”" in page.text
    assert _stored(seeded_url) == 1


def test_monitoring_page_and_live_lights(app_factory: Callable[..., Any], table_id: int) -> None:
    filler = app_factory("tianbao")
    page = filler.get(f"/tables/{table_id}/monitoring")
    assert page.status_code == 200 and "项目支出绩效目标执行监控表" in page.text
    form = {
        "months": "6",
        "funds-0-label": "当年财政拨款",
        "funds-0-initial": "27",
        "funds-0-budget": "27",
        "funds-0-executed": "6.75",
        "indicators-1-current": "1",
        "indicators-1-likelihood": "有可能",
    }
    live = filler.post(f"/tables/{table_id}/monitoring/preview", form)
    assert live.status_code == 200
    assert 'data-testid="progress-index">50.00<' in live.text  # 25% ÷ 6/12
    assert '<span id="period-current" hx-swap-oob="outerHTML">1–6月</span>' in live.text
    assert "须填写偏差原因" in live.text and "须填写改进措施" in live.text
    refused = filler.post(f"/tables/{table_id}/monitoring", form)
    assert refused.status_code == 400 and "未保存" in refused.text
    form |= {"indicators-1-reason": "场地未定", "indicators-1-measures": "8月前落实场地"}
    saved = filler.post(f"/tables/{table_id}/monitoring", form)
    assert saved.status_code == 303 and saved.headers["location"].endswith("months=6&saved=1")
    shown = filler.get(saved.headers["location"]).text
    assert "已保存1–6月监控数据" in shown and "场地未定" in shown


def test_pages_refuse_strangers_and_visitors(app_factory: Callable[..., Any], table_id: int) -> None:
    for path in (f"/tables/{table_id}/monitoring", f"/tables/{table_id}/evaluation"):
        assert app_factory().get(path, follow_redirects=False).status_code == 303  # to the login page
        assert app_factory("outsider").get(path).status_code == 403
        assert app_factory("othereviewer").get(path).status_code == 403
    outsider = app_factory("outsider")
    posted = outsider.post(f"/tables/{table_id}/evaluation", _form(evaluation_payload()))
    assert posted.status_code == 403
    no_csrf = app_factory("tianbao").client.post(
        f"/tables/{table_id}/evaluation", data=_form(evaluation_payload()), follow_redirects=False
    )
    assert no_csrf.status_code == 403


def test_table_page_links_only_for_those_concerned(app_factory: Callable[..., Any], table_id: int) -> None:
    assert 'data-testid="link-evaluation"' in app_factory("tianbao").get(f"/tables/{table_id}").text
    assert 'data-testid="link-monitoring"' in app_factory("shenhe").get(f"/tables/{table_id}").text


def test_reviewer_sees_the_entry_read_only_and_adjusts_with_a_reason(
    app_factory: Callable[..., Any], table_id: int
) -> None:
    put_json(app_factory("tianbao"), f"/api/tables/{table_id}/evaluation", evaluation_payload())
    reviewer = app_factory("shenhe")
    page = reviewer.get(f"/tables/{table_id}/evaluation").text
    assert "<fieldset disabled" in page and "审核人调整" in page
    refused = reviewer.post(f"/tables/{table_id}/evaluation/adjust", {"adjust-0-reduction": "3"})
    assert refused.status_code == 400 and "须写明理由" in refused.text
    done = reviewer.post(
        f"/tables/{table_id}/evaluation/adjust",
        {"adjust-0-reduction": "3", "adjust-0-reason": "成本控制不实"},
    )
    assert done.status_code == 303
    assert "评价人扣减3分（成本控制不实）" in reviewer.get(f"/tables/{table_id}/evaluation").text


def _fill(data: bytes, executed: object = 24.3, weight0: object = 13) -> bytes:
    """Type the worked entry into a downloaded template, as a unit would in Excel."""
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["自评表"]
    meta = {row[0]: row[1] for row in workbook["jixiao"].iter_rows(values_only=True)}
    first_funds = int(meta["funds_first_row"])
    sheet.cell(row=first_funds + 1, column=4).value = executed
    first = int(meta["indicator_first_row"])
    for index, (actual, weight, score, reason) in enumerate(ENTRIES):
        sheet.cell(row=first + index, column=5).value = actual
        sheet.cell(row=first + index, column=6).value = weight0 if index == 0 else int(weight)
        if score:
            sheet.cell(row=first + index, column=7).value = int(score)
        if reason:
            sheet.cell(row=first + index, column=8).value = reason
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _upload(browser: Any, table_id: int, data: bytes, name: str = "自评.xlsx") -> Any:
    files = {"file": (name, data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}
    return browser.post(f"/tables/{table_id}/evaluation/upload", files=files)


def test_template_download_upload_and_scored_documents(
    app_factory: Callable[..., Any], table_id: int, seeded_url: str
) -> None:
    filler = app_factory("tianbao")
    template = filler.get(f"/tables/{table_id}/evaluation/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"
    assert "filename*=UTF-8''" in template.headers["content-disposition"]
    # bad cells: nothing stored, each problem names its cell
    text_cell = _upload(filler, table_id, _fill(template.content, executed="二十四万"))
    assert text_cell.status_code == 400
    assert "自评.xlsx!自评表!D" in text_cell.text and "应为数字" in text_cell.text
    over = _upload(filler, table_id, _fill(template.content, executed=30))
    assert over.status_code == 400 and "超过全年预算数" in over.text
    weights = _upload(filler, table_id, _fill(template.content, weight0=20))
    assert weights.status_code == 400 and "分值合计" in weights.text
    other_id = table_id + 1 if table_id < 17 else table_id - 1
    foreign = _upload(filler, other_id, _fill(template.content))
    assert foreign.status_code == 400 and "属于另一张绩效目标表" in foreign.text
    assert _stored(seeded_url) == 0
    done = _upload(filler, table_id, _fill(template.content))
    assert done.status_code == 303, done.text
    assert filler.get(f"/api/tables/{table_id}/evaluation").json()["result"]["total"] == EXPECTED_TOTAL
    scored = filler.get(f"/tables/{table_id}/evaluation/scored.xlsx")
    sheet = load_workbook(io.BytesIO(scored.content))["自评表"]
    assert any(cell.value == float(EXPECTED_TOTAL) for row in sheet.iter_rows() for cell in row)
    report = filler.get(f"/tables/{table_id}/evaluation/report.docx")
    assert report.status_code == 200 and report.content[:2] == b"PK"
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(report.content)).paragraphs)
    assert EXPECTED_TOTAL in text and "媒体档期冲突" in text


def test_dashboard_page_shows_grades(app_factory: Callable[..., Any], table_id: int) -> None:
    filler = app_factory("tianbao")
    put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload())
    page = filler.get("/").text
    assert 'data-testid="evaluation-dashboard"' in page
    assert 'data-testid="grade-良">1<' in page
    assert 'data-testid="evaluation-dashboard"' not in app_factory().get("/").text
    assert FUNDS[0]["label"] == "当年财政拨款"
