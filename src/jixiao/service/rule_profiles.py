"""The rule profile of a year, as data an administrator edits on the web: which review framework,
which rules are on and how severe, the satisfaction floor and outcome thresholds, and the scoring
scheme with its weights and grade lines.

`settings_from_form` checks what was typed and names the field of every problem in Chinese;
`review_profile` and `scoring_profile` turn stored settings into the profiles review and scoring
use for that year's tables; `review_with` reviews one table by a profile, keeping what the reader
and the rules that compare tables found.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection

from jixiao.catalog import BENEFIT, COST, OUTPUT, SATISFACTION
from jixiao.evaluation import profiles as scoring
from jixiao.model import Diagnostic, Severity
from jixiao.review import profiles as reviewing
from jixiao.review.outcome import grade
from jixiao.review.registry import RULES, RULES_BY_ID
from jixiao.review.runner import review_table
from jixiao.scoring.monitoring_checks import MONITORING_CHECKS, SWITCHABLE
from jixiao.service.errors import InputProblem, InvalidInput
from jixiao.store.admin import profile_settings
from jixiao.store.tables import Reviewed

REVIEW_BASES = {name: p.title for name, p in reviewing.PROFILES.items()}
SCORING_BASES = {name: p.title for name, p in scoring.PROFILES.items()}
SEVERITY_LABELS = {Severity.ERROR.value: "错误", Severity.WARNING.value: "警告", Severity.INFO.value: "提示"}
TABLE_RULES = frozenset(rule.id for rule in RULES if rule.check is not None)


@dataclass(frozen=True, slots=True)
class NumberField:
    """One number of the form: its name, label, bounds, and whether it must be whole."""

    name: str
    label: str
    low: Decimal
    high: Decimal
    whole: bool = False


OUTCOME_FIELDS = (
    NumberField("poor_min_error_rules", "判为“差”的错误规则数", Decimal(1), Decimal(50), True),
    NumberField("fair_min_error_rules", "判为“中”的错误规则数", Decimal(1), Decimal(50), True),
    NumberField("fair_min_warning_rules", "判为“中”的警告规则数", Decimal(1), Decimal(50), True),
    NumberField("good_min_warning_rules", "判为“良”的警告规则数", Decimal(1), Decimal(50), True),
)
WEIGHT_FIELDS = (
    NumberField("budget_weight", "预算执行率分值", Decimal(0), Decimal(100)),
    NumberField("weight_output", "产出指标（含成本）分值", Decimal(0), Decimal(100)),
    NumberField("weight_benefit", "效益指标分值", Decimal(0), Decimal(100)),
    NumberField("weight_satisfaction", "满意度指标分值", Decimal(0), Decimal(100)),
)
GRADE_FIELDS = (
    NumberField("grade_excellent", "“优”的分数线", Decimal(0), Decimal(100)),
    NumberField("grade_good", "“良”的分数线", Decimal(0), Decimal(100)),
    NumberField("grade_passing", "“中”的分数线", Decimal(0), Decimal(100)),
)
FLOOR_FIELD = NumberField("satisfaction_floor", "满意度目标下限（%）", Decimal(0), Decimal(100))
MONITORING_FIELDS = (
    NumberField("red_below", "红灯线（进度指数低于此值亮红灯）", Decimal(0), Decimal(200)),
    NumberField("yellow_below", "黄灯线（进度指数低于此值亮黄灯）", Decimal(0), Decimal(200)),
    NumberField("gap_points", "资金与产出进度差的预警线（百分点）", Decimal(0), Decimal(100)),
)
NUMBER_FIELDS = (FLOOR_FIELD, *OUTCOME_FIELDS, *WEIGHT_FIELDS, *GRADE_FIELDS, *MONITORING_FIELDS)


def default_settings(review_base: str = reviewing.DEFAULT_PROFILE.name) -> dict[str, Any]:
    """The settings of the default profiles, as the form shows them for a year without its own."""
    review = reviewing.PROFILES.get(review_base, reviewing.DEFAULT_PROFILE)
    score = scoring.DEFAULT_PROFILE
    groups = {g.level1[0]: g.weight for g in score.weight_groups}
    watch = score.monitoring
    return {
        "review_base": review.name,
        "disabled": sorted(review.disabled),
        "severities": {},
        "satisfaction_floor": str(review.satisfaction_floor),
        "outcome": {f.name: getattr(review.outcome, f.name) for f in OUTCOME_FIELDS},
        "scoring_base": score.name,
        "budget_weight": str(score.budget_weight),
        "weights": {
            "weight_output": str(groups.get(OUTPUT, Decimal(50))),
            "weight_benefit": str(groups.get(BENEFIT, Decimal(30))),
            "weight_satisfaction": str(groups.get(SATISFACTION, Decimal(10))),
        },
        "grades": {
            "grade_excellent": str(score.grades.excellent),
            "grade_good": str(score.grades.good),
            "grade_passing": str(score.grades.passing),
        },
        "monitoring": {f.name: str(getattr(watch, f.name)) for f in MONITORING_FIELDS},
        "monitoring_off": sorted(watch.switched_off),
    }


def _number(form: Mapping[str, str], spec: NumberField, problems: list[InputProblem]) -> Decimal | None:
    text = (form.get(spec.name) or "").strip().rstrip("%％分")
    try:
        value = Decimal(text)
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        problems.append(InputProblem(spec.name, f"{spec.label}应填写数字，“{text or '（空）'}”不是数字"))
        return None
    if value < spec.low or value > spec.high:
        problems.append(
            InputProblem(spec.name, f"{spec.label}应在{spec.low}到{spec.high}之间，不能是{value}")
        )
        return None
    if spec.whole and value != value.to_integral_value():
        problems.append(InputProblem(spec.name, f"{spec.label}应是整数，不能是{value}"))
        return None
    return value


def _choice(form: Mapping[str, str], name: str, known: Mapping[str, str], label: str,
            problems: list[InputProblem]) -> str:  # fmt: skip
    value = (form.get(name) or "").strip()
    if value not in known:
        problems.append(InputProblem(name, f"未知的{label}“{value}”，可选：{'、'.join(known)}"))
    return value


def _check_totals(numbers: dict[str, Decimal | None], problems: list[InputProblem]) -> None:
    weights = [numbers[f.name] for f in WEIGHT_FIELDS]
    if all(w is not None for w in weights):
        total = sum(w for w in weights if w is not None)
        if total != 100:
            problems.append(
                InputProblem("budget_weight", f"预算执行率与三类指标的分值合计应为100分，现为{total}分")
            )
    excellent, good, passing = (numbers[f.name] for f in GRADE_FIELDS)
    if excellent is not None and good is not None and not excellent > good:
        problems.append(InputProblem("grade_good", f"“良”的分数线{good}应低于“优”的分数线{excellent}"))
    if good is not None and passing is not None and not good > passing:
        problems.append(InputProblem("grade_passing", f"“中”的分数线{passing}应低于“良”的分数线{good}"))
    red, yellow = numbers["red_below"], numbers["yellow_below"]
    if red is not None and yellow is not None and not red < yellow:
        problems.append(InputProblem("yellow_below", f"黄灯线{yellow}应高于红灯线{red}"))


def settings_from_form(form: Mapping[str, str]) -> dict[str, Any]:
    """Validated settings from the profile form; `InvalidInput` naming each bad field otherwise."""
    problems: list[InputProblem] = []
    review_base = _choice(form, "review_base", REVIEW_BASES, "审核框架", problems)
    scoring_base = _choice(form, "scoring_base", SCORING_BASES, "评分方案", problems)
    numbers = {spec.name: _number(form, spec, problems) for spec in NUMBER_FIELDS}
    _check_totals(numbers, problems)
    disabled, severities = [], {}
    for rule in RULES:
        if form.get(f"rule-{rule.id}") != "on":
            disabled.append(rule.id)
        chosen = (form.get(f"severity-{rule.id}") or rule.severity.value).strip()
        if chosen not in SEVERITY_LABELS:
            problems.append(InputProblem(f"severity-{rule.id}", f"规则{rule.id}的严重程度“{chosen}”无效"))
        elif chosen != rule.severity.value:
            severities[rule.id] = chosen
    monitoring_off = [c.code for c in MONITORING_CHECKS if form.get(f"check-{c.code}") != "on"]
    for code in monitoring_off:
        if code not in SWITCHABLE:
            problems.append(InputProblem(f"check-{code}", f"运行监控检查{code}必须启用，不能关闭"))
    if problems:
        raise InvalidInput("审核与评分配置有误", problems)

    def text(name: str) -> str:
        return format(numbers[name], "f")

    return {
        "review_base": review_base,
        "disabled": disabled,
        "severities": severities,
        "satisfaction_floor": text("satisfaction_floor"),
        "outcome": {f.name: int(numbers[f.name] or 0) for f in OUTCOME_FIELDS},
        "scoring_base": scoring_base,
        "budget_weight": text("budget_weight"),
        "weights": {f.name: text(f.name) for f in WEIGHT_FIELDS[1:]},
        "grades": {f.name: text(f.name) for f in GRADE_FIELDS},
        "monitoring": {f.name: text(f.name) for f in MONITORING_FIELDS},
        "monitoring_off": monitoring_off,
    }


def form_values(settings: Mapping[str, Any]) -> dict[str, str]:
    """The form's fields filled from stored settings (the inverse of `settings_from_form`)."""
    values = {
        "review_base": str(settings.get("review_base", "")),
        "scoring_base": str(settings.get("scoring_base", "")),
        "satisfaction_floor": str(settings.get("satisfaction_floor", "")),
        "budget_weight": str(settings.get("budget_weight", "")),
    }
    watch = dict(settings.get("monitoring") or default_settings()["monitoring"])
    for group in ("outcome", "weights", "grades"):
        values.update({k: str(v) for k, v in dict(settings.get(group, {})).items()})
    values.update({k: str(v) for k, v in watch.items()})
    off = set(settings.get("monitoring_off", []))
    for check in MONITORING_CHECKS:
        values[f"check-{check.code}"] = "" if check.code in off else "on"
    disabled = set(settings.get("disabled", []))
    severities = dict(settings.get("severities", {}))
    for rule in RULES:
        values[f"rule-{rule.id}"] = "" if rule.id in disabled else "on"
        values[f"severity-{rule.id}"] = str(severities.get(rule.id, rule.severity.value))
    return values


def review_profile(settings: Mapping[str, Any], year: int) -> reviewing.Profile:
    """The review profile of stored settings (rules off, severities, floor, thresholds)."""
    base = reviewing.PROFILES.get(str(settings.get("review_base")), reviewing.DEFAULT_PROFILE)
    severities = dict(base.severities)
    severities.update({k: Severity(v) for k, v in dict(settings.get("severities", {})).items()})
    outcome = replace(base.outcome, **{k: int(v) for k, v in dict(settings.get("outcome", {})).items()})
    return replace(
        base,
        name=f"{base.name}@{year}",
        title=f"{year}年度审核配置（基于{base.title}）",
        disabled=frozenset(str(r) for r in settings.get("disabled", [])),
        severities=tuple(sorted(severities.items())),
        satisfaction_floor=Decimal(str(settings.get("satisfaction_floor", base.satisfaction_floor))),
        outcome=outcome,
    )


def monitoring_rules(
    settings: Mapping[str, Any] | None, rules: scoring.MonitoringRules
) -> scoring.MonitoringRules:
    """``rules`` (a scheme's 运行监控 settings) with the year's lights, gap and checks switched off; as
    they are for a year without its own profile, or one stored before monitoring was part of it."""
    if not settings or "monitoring" not in settings:
        return rules
    watch = {k: Decimal(str(v)) for k, v in dict(settings["monitoring"]).items()}
    return replace(
        rules,
        red_below=watch.get("red_below", rules.red_below),
        yellow_below=watch.get("yellow_below", rules.yellow_below),
        gap_points=watch.get("gap_points", rules.gap_points),
        switched_off=frozenset(str(c) for c in settings.get("monitoring_off", [])) & SWITCHABLE,
    )


def scoring_profile(settings: Mapping[str, Any]) -> scoring.Profile:
    """The scoring profile of stored settings: the base scheme with the year's weights and grade lines."""
    base = scoring.PROFILES.get(str(settings.get("scoring_base")), scoring.DEFAULT_PROFILE)
    weights = {k: Decimal(str(v)) for k, v in dict(settings.get("weights", {})).items()}
    grades = {k: Decimal(str(v)) for k, v in dict(settings.get("grades", {})).items()}
    budget = Decimal(str(settings.get("budget_weight", base.budget_weight)))
    groups = base.weight_groups
    if weights and groups:
        by_first = {OUTPUT: "weight_output", COST: "weight_output", BENEFIT: "weight_benefit",
                    SATISFACTION: "weight_satisfaction"}  # fmt: skip
        groups = tuple(replace(g, weight=weights.get(by_first[g.level1[0]], g.weight)) for g in groups)
    return base.with_changes(
        budget_weight=budget,
        indicators_weight=Decimal(100) - budget,
        weight_groups=groups,
        monitoring=monitoring_rules(settings, base.monitoring),
        grades=scoring.GradeLines(
            excellent=grades.get("grade_excellent", base.grades.excellent),
            good=grades.get("grade_good", base.grades.good),
            passing=grades.get("grade_passing", base.grades.passing),
        ),
    )


def review_with(reviewed: Reviewed, profile: reviewing.Profile) -> Reviewed:
    """``reviewed`` again by ``profile``: the table rules run anew; what the reader found and what
    rules comparing tables found stay (unless the profile switches them off), and the outcome is
    graded on all of it."""
    kept: list[Diagnostic] = []
    for finding in reviewed.findings:
        if finding.code in TABLE_RULES:
            continue
        rule = RULES_BY_ID.get(finding.code)
        if rule is not None:
            if not profile.enabled(rule.id):
                continue
            finding = replace(finding, severity=profile.severity_of(rule.id, rule.severity))
        kept.append(finding)
    fresh = review_table(reviewed.table, profile)
    found = [*kept, *fresh.findings]
    outcome, reason = grade(found, profile.outcome)
    return Reviewed(reviewed.table, found, outcome.value, reason)


BATCH_PROFILES = "jixiao_batch_profiles"  # key in Connection.info: year → settings, read once per batch


@contextmanager
def batch_profiles(conn: Connection) -> Iterator[None]:
    """Inside a bulk import's transaction: each year's rule profile read once for the batch of files,
    not once per file (an import never changes a profile)."""
    conn.info[BATCH_PROFILES] = {}
    try:
        yield
    finally:
        conn.info.pop(BATCH_PROFILES, None)


def by_year_profiles(conn: Connection, reviews: Sequence[Reviewed]) -> list[Reviewed]:
    """Each review again by the rule profile of its table's year, where the administrator set one
    (as a stored version is when it is saved); the others as they are."""
    years = {r.table.project.year for r in reviews if r.table.project.year is not None}
    known: dict[int, dict[str, Any] | None] = conn.info.get(BATCH_PROFILES, {})
    settings = {year: known[year] if year in known else profile_settings(conn, year) for year in years}
    if BATCH_PROFILES in conn.info:
        known.update(settings)
    result = []
    for reviewed in reviews:
        year = reviewed.table.project.year
        chosen = settings.get(year) if year is not None else None
        result.append(
            reviewed
            if chosen is None or year is None
            else review_with(reviewed, review_profile(chosen, year))
        )
    return result


def reviewed_rows(reviewed: Reviewed) -> list[dict[str, Any]]:
    """The findings of the table rules as stored rows (the reader's and the batch rules' stay)."""
    return [
        {
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "indicator": d.indicator,
            "line": d.source.line,
            "basis": d.basis,
            "suggestion": d.suggestion,
        }
        for d in reviewed.findings
        if d.code in TABLE_RULES
    ]


__all__ = [
    "FLOOR_FIELD",
    "GRADE_FIELDS",
    "MONITORING_CHECKS",
    "MONITORING_FIELDS",
    "OUTCOME_FIELDS",
    "REVIEW_BASES",
    "RULES",
    "SCORING_BASES",
    "SEVERITY_LABELS",
    "TABLE_RULES",
    "WEIGHT_FIELDS",
    "default_settings",
    "form_values",
    "monitoring_rules",
    "review_profile",
    "review_with",
    "reviewed_rows",
    "scoring_profile",
    "settings_from_form",
]
