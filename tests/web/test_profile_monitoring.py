"""Monitoring is part of the year's rule profile (/admin/profiles/{year}): the lights' thresholds and
the money–output gap as validated numbers, the warnings and hints on or off, the checks on the data
and the required explanations always on — and a 运行监控 report of that year is lit by them."""

from __future__ import annotations

from typing import Any

from tests.web.evaluation.conftest import PROJECT, monitoring_payload, put_json
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
