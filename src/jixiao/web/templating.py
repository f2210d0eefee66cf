"""Jinja2 environment: filters for money, statuses, severities and times, in Chinese."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates

from jixiao.model import Severity
from jixiao.queries import TableRow
from jixiao.service import EXPORT_LIMITS
from jixiao.workflow import ACTION_LABELS, ROLE_LABELS, Action, Role, Status

CHINA = timezone(timedelta(hours=8))
CENT = Decimal("0.01")
OUTCOME_LABELS = {"优": "优", "良": "良", "中": "中", "差": "差"}  # the review grade (财预〔2015〕88号)


def money(value: Any) -> str:
    """2480691.00 → 2,480,691.00 (元); also scores and rates: any Decimal, half up to two places, never
    through float (the one number filter of the templates)."""
    if value is None or value == "":
        return "—"
    return f"{Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


def wan(value: Any) -> str:
    """元 → 万元 with two decimals, for charts and summaries."""
    if value is None:
        return "—"
    return f"{Decimal(str(value)) / 10000:,.2f}"


def status_label(value: str) -> str:
    """The Chinese label of a table status (草稿, 已提交…), the value itself if unknown."""
    try:
        return Status(value).label
    except ValueError:
        return value


def severity_label(value: str) -> str:
    """The Chinese label of a severity (错误, 警告, 提示), the value itself if unknown."""
    try:
        return Severity(value).label
    except ValueError:
        return value


def risk_level(row: TableRow) -> dict[str, str]:
    """The queue's risk as a level with its reason, instead of the sort key (findings × budget).

    高: errors in a table of ≥ 100万元, or three errors or more; 中: any error, or warnings in a table
    of ≥ 100万元; 低: the rest.
    """
    errors, warnings = row.errors, row.warnings
    budget = row.budget or Decimal(0)
    large = budget >= 1_000_000
    if (errors and large) or errors >= 3:
        key, label = "high", "高"
    elif errors or (warnings and large):
        key, label = "medium", "中"
    else:
        key, label = "low", "低"
    counts = (
        "，".join(f"{n} 个{name}" for n, name in ((errors, "错误"), (warnings, "警告")) if n)
        or "无错误和警告"
    )
    amount = f"预算 {wan(budget)} 万元" if budget else "未填预算"
    return {"key": key, "label": f"风险{label}", "reason": f"{counts}，{amount}"}


def when(value: datetime | None) -> str:
    """A moment in China time as ``YYYY-MM-DD HH:MM``, empty for None."""
    return "" if value is None else value.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def make_templates(directory: Path) -> Jinja2Templates:
    """The page templates with jixiao's filters (money, status and role labels, times…)."""
    templates = Jinja2Templates(directory=str(directory))
    env = templates.env
    env.auto_reload = False  # installed templates do not change while serving: no stat() per page
    env.filters.update(
        money=money, wan=wan, status_label=status_label, severity_label=severity_label, when=when
    )
    # details shown as JSON read as Chinese, not \u escapes (tojson still escapes < > & ')
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    env.filters["risk_level"] = risk_level
    env.filters["outcome_label"] = lambda value: OUTCOME_LABELS.get(value, value)
    env.filters["action_label"] = lambda value: ACTION_LABELS.get(Action(value), value)
    env.filters["role_label"] = lambda value: ROLE_LABELS.get(Role(value), value) if value else "访客"
    env.globals.update(
        STATUS_LABELS={s.value: s.label for s in Status},
        OUTCOME_LABELS=OUTCOME_LABELS,
        EXPORT_LIMITS=EXPORT_LIMITS,
    )
    return templates
