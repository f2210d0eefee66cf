"""Words that cannot mislead, on SQLite and PostgreSQL: outcome labels, risk levels, 年度 in the
queue, rule names in the chart, Chinese file names, and one search box that says what matched."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

SEED_TABLE = "购买社工岗位服务经费"


def _first_id(browser: Any) -> int:
    return int(browser.get(f"/api/tables?q={SEED_TABLE}").json()["items"][0]["id"])


def test_one_search_box_finds_indicators_and_says_what_matched(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    by_name = filler.get("/api/tables?indicator=满意度").json()["total"]
    assert by_name > 0
    page = filler.get("/tables?q=满意度")
    total = int(re.search(r'data-testid="total">(\d+)<', page.text).group(1))  # type: ignore[union-attr]
    assert total >= by_name  # the main box finds what the indicator box finds
    assert "匹配：" in page.text and ("三级指标“" in page.text or "二级指标“" in page.text)
    level2 = filler.get("/tables?q=服务对象满意度")
    assert "二级指标“服务对象满意度指标”" in level2.text or "三级指标“" in level2.text
    unit = filler.get("/tables?q=妇女联合会")
    assert "匹配：用款单位" in unit.text
    named = filler.get(f"/tables?q={SEED_TABLE}")
    assert "匹配：项目名称" in named.text


def test_queue_shows_year_and_risk_as_a_level_with_its_reason(app_factory: Any) -> None:
    filler, reviewer = app_factory("tianbao"), app_factory("shenhe")
    table_id = _first_id(filler)
    assert filler.post(f"/tables/{table_id}/submit").status_code == 303
    page = reviewer.get("/queue").text
    assert "<th>年度</th>" in page and "<td>2025</td>" in page
    assert re.search(r'data-testid="risk">风险[高中低]</span>', page)
    assert "预算 248.07 万元" in page
    assert not re.search(r"\d{1,3},\d{3},\d{3}</td>", page)  # no bare sort key like 178,609,752


def test_outcome_reads_as_a_conclusion_not_a_status(app_factory: Any) -> None:
    page = app_factory("tianbao").get("/tables").text
    assert "审核结论：" in page
    assert not re.search(r">审核[优良中差]<", page)


def test_rule_chart_names_the_rules(app_factory: Any) -> None:
    page = app_factory("guanli").get("/").text
    data = json.loads(re.search(r'id="dashboard-data">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    rules = data["findings_by_rule"]
    assert rules and all("title" in r for r in rules)
    assert any(r["title"] for r in rules)


def test_single_table_downloads_have_chinese_names(app_factory: Any) -> None:
    filler = app_factory("tianbao")
    table_id = _first_id(filler)
    for suffix in ("json", "csv"):
        response = filler.get(f"/tables/{table_id}/document.{suffix}")
        expected = quote(f"{SEED_TABLE}_2025.{suffix}", safe="")
        assert f"filename*=UTF-8''{expected}" in response.headers["content-disposition"], suffix
    template = filler.get(f"/tables/{table_id}/evaluation/template.xlsx")
    expected = quote(f"{SEED_TABLE}_2025_自评表模板.xlsx")
    assert expected in template.headers["content-disposition"]
