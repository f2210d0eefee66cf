"""Fixtures for the monitoring and self-evaluation pages: the seed table 三八六一系列活动经费 and its entries.

The worked entry below is scored by hand in `EXPECTED` (central profile, rules.md §6 and §11):
budget 10 × 24.3/27 = 9.00; 预算控制数 ≤270000元 met 13.00; 场次 ≥2 met 13.00; 人员参与率 80% of
≥85% → 12 × 80/85 = 11.29; 及时率 90% met 12.00; 活动效果 部分达成, typed 10 (band 9–<12) 10.00;
报道次数 4 of ≥6 → 15 × 4/6 = 10.00; 认可度 92% met 10.00. Indicators 79.29, total 88.29 → 良.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

PROJECT = "三八六一系列活动经费"
EXPECTED_TOTAL = "88.29"
EXPECTED_GRADE = "良"
EXPECTED_LINE_SCORES = ["13.00", "13.00", "11.29", "12.00", "10.00", "10.00", "10.00"]

FUNDS = [
    {"label": "当年财政拨款", "initial": "27", "budget": "27", "executed": "24.3"},
    {"label": "上年结转资金", "initial": "0", "budget": "0", "executed": "0"},
    {"label": "其他资金", "initial": "0", "budget": "0", "executed": "0"},
]
# (实际完成值, 分值, 得分 typed for qualitative ones, 偏差原因分析及改进措施)
ENTRIES = [
    ("243000元", "13", "", ""),
    ("2", "13", "", ""),
    ("80%", "12", "", "部分职工值班未能参加，下年度错峰安排"),
    ("90%", "12", "", ""),
    ("部分达成年度指标并具有一定效果", "15", "10", "宣传覆盖面不足，下年度增加线上活动"),
    ("4次", "15", "", "媒体档期冲突，报道减少；提前对接宣传部门"),
    ("92%", "10", "", ""),
]


def evaluation_payload(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "profile": "central",
        "goal_actual": "举办三八、六一主题活动2场，参与率80%。",
        "funds": [dict(row) for row in FUNDS],
        "indicators": [
            {"actual": actual, "weight": weight, "score": score, "reason": reason}
            for actual, weight, score, reason in ENTRIES
        ],
    }
    payload.update(changes)
    return payload


def monitoring_payload(**changes: Any) -> dict[str, Any]:
    """1–7月: 13.5 of 27 万元 spent (index 85.71, green); 报道次数 1 of 6 (index 28.57, red)."""
    currents = ["135000元", "1", "86%", "90%", "部分达成", "1次", "88%"]
    payload: dict[str, Any] = {
        "months": "7",
        "profile": "central",
        "funds": [
            {"label": "当年财政拨款", "initial": "27", "budget": "27", "executed": "13.5"},
            {"label": "上年结转资金", "initial": "0", "budget": "0", "executed": "0"},
            {"label": "其他资金", "initial": "0", "budget": "0", "executed": "0"},
        ],
        "indicators": [{"current": current, "likelihood": "确定能"} for current in currents],
    }
    payload["indicators"][5] = {
        "current": "1次",
        "likelihood": "有可能",
        "reason": "上半年媒体档期冲突",
        "measures": "三季度集中对接报道",
    }
    payload.update(changes)
    return payload


@pytest.fixture
def table_id(app_factory: Callable[..., Any]) -> int:
    admin = app_factory("guanli")
    items = admin.get("/api/tables", params={"q": PROJECT}).json()["items"]
    assert [item["project"]["name"] for item in items] == [PROJECT]
    return int(items[0]["id"])


def put_json(browser: Any, path: str, body: Any) -> Any:
    return browser.client.put(path, json=body, headers={"X-CSRF-Token": browser.csrf()})
