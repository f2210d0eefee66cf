"""What a user typed for monitoring (运行监控) and self-evaluation (单位自评) → the scoring core's records.

The web form and the JSON API send the same payload (plain strings, decimal text for numbers); the
functions here read it against a table's 年度 indicators and return the scoring core's records plus a
list of `InputProblem`, each naming the field it concerns in Chinese (``当年财政拨款的全年执行数``,
``指标“咨询服务数(宗)”的分值``). Nothing here touches storage: a payload with problems is simply not
stored by the service. Amounts are in 万元 (as in the official 自评表), at most to the 分.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.evaluation.funds import CENTRAL_ROWS, CURRENT_YEAR, OTHER, FundsBlock, FundsRow
from jixiao.evaluation.monitoring import Likelihood, MonitoringLine, MonitoringSnapshot
from jixiao.evaluation.numbers import plain, read_amount
from jixiao.evaluation.profiles import PROFILES, Profile
from jixiao.evaluation.records import Adjustment, EvaluationLine, SelfEvaluation
from jixiao.model import Table
from jixiao.scoring.selfeval import lines_from_table, suggest_weights, table_key
from jixiao.service.errors import InputProblem

# 万元 to 分: the smallest amount a 万元 figure may carry is 0.000001 万元 = 1 分.
FEN_PER_WAN = Decimal(1_000_000)
CENT = Decimal("0.01")


@dataclass
class _Reader:
    problems: list[InputProblem] = field(default_factory=list)

    def problem(self, name: str, message: str) -> None:
        self.problems.append(InputProblem(name, message))

    def amount(self, value: Any, name: str, what: str) -> Decimal:
        """An amount in 万元 (0 when empty); not a number, negative or finer than 1 分 is a problem."""
        text = _text(value)
        if not text:
            return Decimal(0)
        number = read_amount(text)
        if number is None:
            self.problem(name, f"{what}应为数字（万元），填的是“{text}”")
            return Decimal(0)
        if number < 0:
            self.problem(name, f"{what}不能为负数（{plain(number)}）")
            return Decimal(0)
        if (number * FEN_PER_WAN) != (number * FEN_PER_WAN).to_integral_value():
            self.problem(name, f"{what}“{text}”超出分的精度（以万元计最多6位小数）")
        return number

    def points(self, value: Any, name: str, what: str) -> Decimal | None:
        """A weight or score in points (None when empty), at most two decimals, never negative."""
        text = _text(value)
        if not text:
            return None
        number = read_amount(text)
        if number is None:
            self.problem(name, f"{what}应为数字，填的是“{text}”")
            return None
        if number < 0:
            self.problem(name, f"{what}不能为负数（{plain(number)}）")
            return None
        if number != number.quantize(CENT):
            self.problem(name, f"{what}“{text}”最多保留两位小数")
        return number

    def profile(self, value: Any, default: Profile) -> Profile:
        name = _text(value)
        if not name:
            return default
        if name not in PROFILES:
            self.problem("profile", f"未知的评分方案“{name}”，可用：{'、'.join(PROFILES)}")
            return default
        return PROFILES[name]

    def items(self, payload: Mapping[str, Any], key: str, count: int, what: str) -> list[Mapping[str, Any]]:
        """The list ``payload[key]`` padded to ``count`` items; a longer list is a problem."""
        items = payload.get(key) or []
        if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
            self.problem(key, f"{what}应为列表")
            return [{} for _ in range(count)]
        if len(items) > count:
            self.problem(key, f"{what}有{len(items)}项，但这张表只有{count}项")
        return [*items[:count], *({} for _ in range(count - len(items)))]

    def check_name(self, item: Mapping[str, Any], index: int, name: str) -> None:
        given = _text(item.get("name"))
        if given and given != name:
            self.problem(f"indicators-{index}-name", f"第{index + 1}个指标应为“{name}”，提交的是“{given}”")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else ""
    return str(value).strip()


def _flag(value: Any) -> bool:
    return value is True or _text(value).lower() in ("1", "true", "on", "yes", "是")


def _funds_by_label(reader: _Reader, payload: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    rows = payload.get("funds") or []
    if not isinstance(rows, list):
        reader.problem("funds", "资金应为列表")
        return {}
    found: dict[str, Mapping[str, Any]] = {}
    for index, row in enumerate(rows):
        label = _text(row.get("label")) if isinstance(row, Mapping) else ""
        if label not in CENTRAL_ROWS:
            reader.problem(f"funds-{index}-label", f"资金来源“{label}”未知，应为{'、'.join(CENTRAL_ROWS)}")
        elif isinstance(row, Mapping):
            found[label] = row
    return found


def read_funds(
    reader: _Reader, payload: Mapping[str, Any], executed_label: str = "全年执行数"
) -> tuple[FundsRow, ...]:
    """The three rows 当年财政拨款 / 上年结转资金 / 其他资金; an executed amount above budget is a problem."""
    given = _funds_by_label(reader, payload)
    rows = []
    for position, label in enumerate(CENTRAL_ROWS):
        item = given.get(label, {})
        initial = reader.amount(item.get("initial"), f"funds-{position}-initial", f"{label}的年初预算数")
        budget = reader.amount(item.get("budget"), f"funds-{position}-budget", f"{label}的全年预算数")
        name = f"funds-{position}-executed"
        executed = reader.amount(item.get("executed"), name, f"{label}的{executed_label}")
        if executed > budget:
            reader.problem(
                name, f"{label}的{executed_label}{plain(executed)}超过全年预算数{plain(budget)}万元，请核实"
            )
        rows.append(FundsRow(label, initial, budget, executed))
    return tuple(rows)


def blank_funds(table: Table) -> tuple[FundsRow, ...]:
    """The funds block before anything is entered: the table's budget (元 → 万元) as 当年财政拨款."""
    budget = (table.project.budget or Decimal(0)) / Decimal(10000)
    return FundsBlock.simple(budget, Decimal(0), initial=budget).rows


# ---- monitoring ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MonitoringInput:
    """A read monitoring payload: the snapshot for the scoring core and the per-row 1–N月执行数."""

    snapshot: MonitoringSnapshot
    funds: tuple[FundsRow, ...]  # ``executed`` = 1–N月执行数 of the row
    profile: Profile
    problems: tuple[InputProblem, ...]


def read_monitoring(table: Table, payload: Mapping[str, Any], default: Profile) -> MonitoringInput:
    """A monitoring snapshot read from a submitted form, with the problems of each field."""
    reader = _Reader()
    profile = reader.profile(payload.get("profile"), default)
    months_text = _text(payload.get("months")) or str(profile.monitoring.months)
    months = int(months_text) if months_text.isdigit() else 0
    if not 1 <= months <= 12:
        reader.problem("months", f"监控期间应为1至12月，填的是“{months_text}”")
        months = max(1, min(months, 12))
    funds = read_funds(reader, payload, f"1–{months}月执行数")
    expected_text = _text(payload.get("expected_executed"))
    expected = reader.amount(expected_text, "expected_executed", "全年预计执行数") if expected_text else None
    indicators = table.annual_indicators
    items = reader.items(payload, "indicators", len(indicators), "指标")
    lines = []
    for index, (indicator, item) in enumerate(zip(indicators, items, strict=True)):
        reader.check_name(item, index, indicator.name)
        likelihood_text = _text(item.get("likelihood")) or Likelihood.CERTAIN.value
        try:
            likelihood = Likelihood(likelihood_text)
        except ValueError:
            reader.problem(
                f"indicators-{index}-likelihood",
                f"指标“{indicator.name}”的完成目标可能性应为确定能、有可能或不可能，填的是“{likelihood_text}”",
            )
            likelihood = Likelihood.CERTAIN
        reason, measures = _text(item.get("reason")), _text(item.get("measures"))
        if likelihood is not Likelihood.CERTAIN:
            # rules.md §11.11: 有可能/不可能 need both the cause and the remedy.
            for key, value, label in (("reason", reason, "偏差原因"), ("measures", measures, "改进措施")):
                if not value:
                    reader.problem(
                        f"indicators-{index}-{key}",
                        f"指标“{indicator.name}”完成目标可能性为“{likelihood}”，须填写{label}",
                    )
        lines.append(
            MonitoringLine(
                level1=indicator.level1,
                level2=indicator.level2,
                name=indicator.name,
                target=indicator.annual,
                current=_text(item.get("current")),
                expected=_text(item.get("expected")),
                likelihood=likelihood,
                reason=reason,
                measures=measures,
                source=indicator.source,
            )
        )
    block = FundsBlock(rows=funds)
    snapshot = MonitoringSnapshot(
        project=table.project.name,
        months=months,
        annual_budget=block.budget,
        executed=block.executed,
        lines=tuple(lines),
        initial_budget=block.initial,
        expected_executed=expected,
        year=table.project.year,
        source=table.source,
        department=table.project.department or "",
        agency=table.project.unit or "",
        table_key=table_key(table),
    )
    return MonitoringInput(snapshot, funds, profile, tuple(reader.problems))


# ---- self-evaluation -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EvaluationInput:
    """A self-evaluation read from a submitted form, its profile, and the problems of each field."""

    evaluation: SelfEvaluation
    profile: Profile
    problems: tuple[InputProblem, ...]


def read_evaluation(
    table: Table,
    payload: Mapping[str, Any],
    default: Profile,
    adjustments: Mapping[int, Adjustment] | None = None,
) -> EvaluationInput:
    """A 自评 payload as a `SelfEvaluation`; empty weights take the profile's default split."""
    reader = _Reader()
    profile = reader.profile(payload.get("profile"), default)
    funds = read_funds(reader, payload)
    indicators = table.annual_indicators
    items = reader.items(payload, "indicators", len(indicators), "指标")
    defaults = suggest_weights(lines_from_table(table), profile)
    lines = []
    for index, (indicator, item, default_line) in enumerate(zip(indicators, items, defaults, strict=True)):
        reader.check_name(item, index, indicator.name)
        label = f"指标“{indicator.name or indicator.level2}”"
        weight = reader.points(item.get("weight"), f"indicators-{index}-weight", f"{label}的分值")
        score = reader.points(item.get("score"), f"indicators-{index}-score", f"{label}的得分")
        not_applicable = _flag(item.get("not_applicable"))
        lines.append(
            EvaluationLine(
                level1=indicator.level1,
                level2=indicator.level2,
                name=indicator.name,
                target=indicator.annual,
                weight=default_line.weight if weight is None and "weight" not in item else weight,
                actual="" if not_applicable else _text(item.get("actual")),
                score=score,
                reason=_text(item.get("reason")),
                not_applicable=not_applicable,
                adjustment=(adjustments or {}).get(index),
                source=indicator.source,
            )
        )
    evaluation = SelfEvaluation(
        project=table.project.name,
        funds=FundsBlock(rows=funds, reason=_text(payload.get("funds_reason"))),
        lines=tuple(lines),
        year=table.project.year,
        department=table.project.department or "",
        unit=table.project.unit or "",
        goal_expected=table.goals.annual,
        goal_actual=_text(payload.get("goal_actual")),
        table_key=table_key(table),
        source=table.source,
    )
    return EvaluationInput(evaluation, profile, tuple(reader.problems))


def read_adjustments(
    evaluation: SelfEvaluation, items: Sequence[Mapping[str, Any]], by: str
) -> tuple[dict[int, Adjustment | None], tuple[InputProblem, ...]]:
    """审核人扣减 ``[{"index": 3, "reduction": "2", "reason": "目标偏低"}]``; each needs a reason."""
    reader = _Reader()
    found: dict[int, Adjustment | None] = {}
    for item in items:
        index_text = _text(item.get("index"))
        if not index_text.isdigit() or int(index_text) >= len(evaluation.lines):
            reader.problem("adjustments", f"扣减所指的指标序号“{index_text}”不存在")
            continue
        index = int(index_text)
        line = evaluation.lines[index]
        label = f"指标“{line.label}”"
        reduction = reader.points(item.get("reduction"), f"adjust-{index}-reduction", f"{label}的扣减分")
        reason = _text(item.get("reason"))
        if reduction is None or reduction == 0:
            found[index] = None
            continue
        if line.weight is not None and reduction > line.weight:
            reader.problem(
                f"adjust-{index}-reduction",
                f"{label}的扣减分{plain(reduction)}超过其分值{plain(line.weight)}",
            )
        if not reason:
            reader.problem(f"adjust-{index}-reason", f"{label}扣减{plain(reduction)}分，须写明理由")
        found[index] = Adjustment(reduction, reason, by)
    return found, tuple(reader.problems)


# ---- the scoring core's records → payload (uploads, and the JSON records the API also accepts) ----

# Local templates name the funds rows differently; the store keeps the central three (rules.md §6.7).
_FUNDS_SYNONYMS = {
    "财政拨款": CURRENT_YEAR,
    "财政资金": CURRENT_YEAR,
    "财政专户管理资金": OTHER,
    "单位资金": OTHER,
}


def central_funds(rows: Sequence[FundsRow]) -> tuple[FundsRow, ...]:
    """Rows of any layout folded into 当年财政拨款 / 上年结转资金 / 其他资金 (amounts added up)."""
    totals: dict[str, list[Decimal]] = {label: [Decimal(0)] * 3 for label in CENTRAL_ROWS}
    for row in rows:
        label = _FUNDS_SYNONYMS.get(row.label, row.label if row.label in totals else OTHER)
        for i, amount in enumerate((row.initial, row.budget, row.executed)):
            totals[label][i] += amount
    return tuple(
        FundsRow(label, initial=totals[label][0], budget=totals[label][1], executed=totals[label][2])
        for label in CENTRAL_ROWS
    )


def _funds_items(rows: Sequence[FundsRow]) -> list[dict[str, str]]:
    return [
        {
            "label": r.label,
            "initial": plain(r.initial),
            "budget": plain(r.budget),
            "executed": plain(r.executed),
        }
        for r in central_funds(rows)
    ]


def payload_of_evaluation(evaluation: SelfEvaluation, profile: str) -> dict[str, Any]:
    """A `SelfEvaluation` (an uploaded template, a JSON record) as the entry payload."""
    return {
        "profile": profile,
        "goal_actual": evaluation.goal_actual,
        "funds_reason": evaluation.funds.reason,
        "funds": _funds_items(evaluation.funds.rows),
        "indicators": [
            {
                "name": line.name,
                "actual": line.actual,
                "weight": "" if line.weight is None else plain(line.weight),
                "score": "" if line.score is None else plain(line.score),
                "reason": line.reason,
                "not_applicable": line.not_applicable,
            }
            for line in evaluation.lines
        ],
    }


def payload_of_snapshot(snapshot: MonitoringSnapshot, profile: str) -> dict[str, Any]:
    """A `MonitoringSnapshot` (totals only) as the entry payload: the money as 当年财政拨款."""
    initial = snapshot.initial_budget if snapshot.initial_budget is not None else snapshot.annual_budget
    rows = (FundsRow(CURRENT_YEAR, initial, snapshot.annual_budget, snapshot.executed),)
    return {
        "profile": profile,
        "months": str(snapshot.months),
        "funds": _funds_items(rows),
        "expected_executed": "" if snapshot.expected_executed is None else plain(snapshot.expected_executed),
        "indicators": [
            {
                "name": line.name,
                "current": line.current,
                "expected": line.expected,
                "likelihood": line.likelihood.value,
                "reason": line.reason,
                "measures": line.measures,
            }
            for line in snapshot.lines
        ],
    }


def payload_of_record(data: Mapping[str, Any]) -> dict[str, Any]:
    """A ``jixiao.selfeval/1`` or ``jixiao.monitoring/1`` record as the payload (ValueError if neither)."""
    from jixiao.evaluation.serialize import (
        EVALUATION_FORMAT,
        SNAPSHOT_FORMAT,
        evaluation_from_dict,
        snapshot_from_dict,
    )

    profile = _text(data.get("profile")) or "central"
    if data.get("format") == EVALUATION_FORMAT:
        return payload_of_evaluation(evaluation_from_dict(dict(data)), profile)
    if data.get("format") == SNAPSHOT_FORMAT:
        return payload_of_snapshot(snapshot_from_dict(dict(data)), profile)
    raise ValueError(f"不支持的数据格式“{data.get('format')}”，应为{EVALUATION_FORMAT}或{SNAPSHOT_FORMAT}")
