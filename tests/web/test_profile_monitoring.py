"""Monitoring is part of the year's rule profile (/admin/profiles/{year}): the lights' thresholds and
the money–output gap as validated numbers, the warnings and hints on or off, the checks on the data
and the required explanations always on — and a 运行监控 report of that year is lit by them."""

from __future__ import annotations

from typing import Any

from tests.web.evaluation.conftest import PROJECT, evaluation_payload, monitoring_payload, put_json
from tests.web.test_admin import _profile_form


def _table(admin: Any) -> tuple[int, int]:
    item = admin.get("/api/tables", params={"q": PROJECT}).json()["items"][0]
    return int(item["id"]), int(item["project"]["year"])


def _codes(result: dict[str, Any]) -> set[str]:
    return {d["code"] for d in result["diagnostics"]}


def test_monitoring_thresholds_and_checks_are_part_of_the_year_profile(app_factory: Any) -> None:
    admin, filler = app_factory("guanli"), app_factory("tianbao")
    table_id, year = _table(admin)
    page = admin.get(f"/admin/profiles/{year}").text
    assert 'data-testid="profile-monitoring-checks"' in page and "JX-J05" in page and "（必须启用）" in page
    path = f"/api/tables/{table_id}/monitoring"
    before = put_json(filler, path, monitoring_payload()).json()["result"]
    assert before["indicators"][5]["light"] == "red" and "JX-J05" in _codes(before)  # 1 of ≥6: index 28.57

    crossed = admin.post(f"/admin/profiles/{year}", _profile_form(red_below="80", yellow_below="60"))
    assert crossed.status_code == 400 and "黄灯线60应高于红灯线80" in crossed.text
    words = admin.post(f"/admin/profiles/{year}", _profile_form(gap_points="三十"))
    assert words.status_code == 400 and 'data-testid="error-gap_points"' in words.text
    required = {k: v for k, v in _profile_form().items() if k != "check-JX-J04"}
    refused = admin.post(f"/admin/profiles/{year}", required)
    assert refused.status_code == 400 and "JX-J04必须启用" in refused.text

    lenient = {
        k: v for k, v in _profile_form(red_below="20", yellow_below="30").items() if k != "check-JX-J06"
    }
    assert admin.post(f"/admin/profiles/{year}", lenient).status_code == 303
    shown = admin.get(f"/admin/profiles/{year}").text
    assert 'id="f-red_below" value="20"' in shown and 'id="check-JX-J06" value="on" >' in shown
    after = filler.get(path).json()["result"]
    assert after["indicators"][5]["light"] == "yellow"  # 28.57 is above the year's red line of 20
    assert "JX-J05" not in _codes(after)

    strict = {k: v for k, v in _profile_form().items() if k != "check-JX-J05"}
    assert admin.post(f"/admin/profiles/{year}", strict).status_code == 303
    off = filler.get(path).json()["result"]
    assert off["indicators"][5]["light"] == "red" and "JX-J05" not in _codes(off)  # lit, not warned


def test_stored_lights_and_grades_follow_a_changed_profile(app_factory: Any, seeded_url: str) -> None:
    """The dashboard counts what is stored: once the year's lines change, the stored reports are
    scored again (what the unit typed stays), so 概览 never shows lights or grades of old lines."""
    from jixiao.permissions import OPERATOR
    from jixiao.service import Service

    admin, filler = app_factory("guanli"), app_factory("tianbao")
    table_id, year = _table(admin)
    assert put_json(filler, f"/api/tables/{table_id}/monitoring", monitoring_payload()).status_code == 200
    saved = put_json(filler, f"/api/tables/{table_id}/evaluation", evaluation_payload())
    assert saved.status_code == 200
    total = saved.json()["result"]["total"]
    service = Service(seeded_url)
    before = service.evaluation.dashboard(OPERATOR)
    assert before is not None and before["lights"]["red"] == 1
    graded = [row for row in before["lowest"] if row["id"] == table_id]
    assert graded and graded[0]["grade"] == "良"

    form = _profile_form(
        red_below="20", yellow_below="30", grade_excellent="95", grade_good=str(int(float(total)) + 1)
    )
    changed = admin.post(f"/admin/profiles/{year}", form)
    assert changed.status_code == 303
    note = admin.get(changed.headers["location"]).text
    assert "重新计算了1份运行监控（1份亮灯改变）和1份单位自评（1份得分或等级改变）" in note

    after = service.evaluation.dashboard(OPERATOR)
    assert after is not None and after["lights"]["red"] == 0 and after["lights"]["yellow"] == 1
    regraded = [row for row in after["lowest"] if row["id"] == table_id]
    assert regraded[0]["grade"] == "中" and str(regraded[0]["total"]) == str(total)
    page = filler.get(f"/api/tables/{table_id}/evaluation").json()
    assert (
        page["result"]["grade"] == "中"
        and page["entry"]["goal_actual"] == evaluation_payload()["goal_actual"]
    )
