"""The scored 项目支出绩效自评表 as PDF (HTML template → WeasyPrint), in the profile's layout.

Same columns as the xlsx (rules.md §6.7 / §6.8, from `jixiao.evaluation.layouts`), followed by the
explanation of every score, so a printed table can be checked by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from jinja2 import Environment, PackageLoader, select_autoescape

from jixiao.evaluation.layouts import FUNDS_ROLES, INDICATOR_ROLES, LAYOUTS, nature_of
from jixiao.evaluation.numbers import money, percent, plain
from jixiao.evaluation.profiles import Profile
from jixiao.evaluation.records import EvaluationResult, ScoredLine, SelfEvaluation
from jixiao.values import number_text
from jixiao.writers.fonts import require_cjk_font


def render_selfeval_html(evaluation: SelfEvaluation, profile: Profile, result: EvaluationResult) -> str:
    """The scored 自评表 as HTML in the profile's layout, ready for PDF."""
    layout = LAYOUTS[profile.layout]
    env = Environment(
        loader=PackageLoader("jixiao.writers", "templates"), autoescape=select_autoescape(["html"])
    )
    year = f"（{evaluation.year}年度）" if evaluation.year else ""
    funds = evaluation.funds
    rate = funds.execution_rate
    total_values: dict[str, str] = {
        "initial": plain(funds.initial),
        "budget": plain(funds.budget),
        "executed": plain(funds.executed),
        "weight": plain(profile.budget_weight),
        "rate": percent(rate) if rate is not None else "—",
        "score": money(result.budget.value),
        "reason": funds.reason,
    }
    rows = [
        {"label": layout.funds_rows[0], "cells": [total_values[FUNDS_ROLES[h]] for h in layout.funds_columns]}
    ]
    for index, label in enumerate(layout.funds_rows[1:]):
        row = funds.rows[index] if index < len(funds.rows) else None
        values = {
            "initial": plain(row.initial) if row else "",
            "budget": plain(row.budget) if row else "",
            "executed": plain(row.executed) if row else "",
        }
        rows.append({"label": label, "cells": [values.get(FUNDS_ROLES[h], "") for h in layout.funds_columns]})
    roles = [INDICATOR_ROLES[h] for h in layout.indicator_columns]
    context: dict[str, Any] = {
        "title": f"{layout.title}{year}",
        "project": evaluation.project,
        "department": evaluation.department,
        "unit": evaluation.unit,
        "funds_title": layout.funds_title,
        "funds_columns": layout.funds_columns,
        "funds_rows": rows,
        "goal_expected": evaluation.goal_expected,
        "goal_actual": evaluation.goal_actual,
        "indicators_title": layout.indicators_title,
        "indicator_columns": layout.indicator_columns,
        "indicator_rows": [[_cell(role, s) for role in roles] for s in result.lines],
        "numeric": [i for i, role in enumerate(roles) if role in ("weight", "score")],
        "widths": _widths(roles),
        "score_index": roles.index("score"),
        "footer": layout.footer,
        "total": money(result.total),
        "grade": result.grade,
        "budget_explanation": result.budget.explanation,
        "explanations": [f"{s.line.label}：{s.score.explanation}" for s in result.lines],
        "total_explanation": result.explanation,
    }
    return env.get_template("selfeval.html").render(**context)


# Relative column widths by role: short numbers narrow, names and reasons wide.
_ROLE_WIDTHS = {"name": 16, "reason": 20, "target": 12, "actual": 12, "level1": 9, "level2": 10}


def _widths(roles: list[str]) -> list[str]:
    raw = [_ROLE_WIDTHS.get(role, 6) for role in roles]
    return [f"{100 * w / sum(raw):.1f}" for w in raw]


def _cell(role: str, scored: ScoredLine) -> str:
    line, score = scored.line, scored.score
    target = line.target
    values = {
        "level1": line.level1,
        "level2": line.level2,
        "name": line.name,
        "target": target.raw,
        "nature": nature_of(target),
        "target_value": number_text(target.value) if target.value is not None else target.raw,
        "target_unit": target.unit or "",
        "actual": line.actual,
        "weight": plain(score.weight),
        "score": money(score.value),
        "reason": line.reason,
    }
    return values[role]


def write_selfeval_pdf(
    evaluation: SelfEvaluation,
    profile: Profile,
    result: EvaluationResult,
    destination: str | Path | IO[bytes],
) -> None:
    """Write the scored 自评表 as a PDF (needs a CJK font)."""
    require_cjk_font()  # without one, every character would print as an empty box
    from weasyprint import HTML  # imported late: loading WeasyPrint takes a noticeable moment

    document = HTML(string=render_selfeval_html(evaluation, profile, result)).render()
    document.write_pdf(str(destination) if isinstance(destination, Path) else destination)
