"""In-year monitoring (运行监控, 1–N月): progress index, traffic lights and warnings (rules.md §5).

Funds: 执行率 = 1–N月执行数 / 全年预算数; 进度指数 = 执行率 ÷ (N/12) × 100; lights from the profile
(<60 red, 60–<80 yellow, ≥80 green; Sichuan: absolute floors 25/40/60/80 % at N = 4/6/8/10).
Indicators: cumulative ones (counts that grow through the year) are compared with the share of the
year elapsed; one-off ones (rates, grades) with the target itself. Money and outputs are compared
with each other: "spent 80 %, outputs 20 %" is a joint warning, and the reverse too.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.evaluation.monitoring import (
    Light,
    Likelihood,
    LineProgress,
    MonitoringLine,
    MonitoringResult,
    MonitoringSnapshot,
    Progress,
)
from jixiao.evaluation.numbers import HUNDRED, ZERO, convert, money, percent, plain, read_actual
from jixiao.evaluation.profiles import DEFAULT_PROFILE, MonitoringRules, Profile
from jixiao.model import Diagnostic, Kind, Op, Severity, Table

TWELVE = Decimal(12)


# Qualitative monitoring values and their lights (rules.md §11.12); 未达成 before 达成 when matching.
_QUALITATIVE_LIGHTS = (("未达成", Light.RED), ("部分达成", Light.YELLOW), ("达成", Light.GREEN))


def elapsed_share(months: int) -> Decimal:
    """The share of the year elapsed after 1–N月."""
    return Decimal(months) / TWELVE


def light_for_index(index: Decimal, rules: MonitoringRules) -> Light:
    """The light for a progress index: red below ``red_below``, yellow below ``yellow_below``, else green."""
    if index < rules.red_below:
        return Light.RED
    if index < rules.yellow_below:
        return Light.YELLOW
    return Light.GREEN


def funds_progress(
    budget: Decimal, executed: Decimal, months: int, rules: MonitoringRules, unit: str = "万元"
) -> Progress:
    """执行率, 进度指数 and its light; with Sichuan floors the light is red below the month's floor."""
    if budget <= 0:
        text = f"全年预算数为{plain(budget)}{unit}，执行进度无法计算，按红灯处理"
        return Progress(None, None, Light.RED, text)
    ratio = executed / budget
    index = ratio / elapsed_share(months) * HUNDRED
    head = (
        f"1–{months}月执行{plain(executed)}{unit} ÷ 全年预算{plain(budget)}{unit} = 执行率{percent(ratio)}；"
        f"时间进度{months}/12，进度指数 {percent(ratio)}÷{months}/12={money(index)}"
    )
    floor = rules.floor_at(months)
    if floor is not None:
        light = Light.RED if ratio * HUNDRED < floor else Light.GREEN
        verdict = "低于" if light is Light.RED else "不低于"
        return Progress(
            ratio, index, light, f"{head}；执行率{verdict}{months}月底应达的{plain(floor)}%，{light.label}"
        )
    light = light_for_index(index, rules)
    edges = f"（<{plain(rules.red_below)}红、<{plain(rules.yellow_below)}黄、其余绿）"
    return Progress(ratio, index, light, f"{head}，{light.label}{edges}")


def is_cumulative(line: MonitoringLine) -> bool:
    """Counts accumulate through the year; rates (%), ratios and reverse ceilings of a level do not."""
    if line.cumulative is not None:
        return line.cumulative
    unit = line.target.base_unit or ""
    return "%" not in unit and "率" not in line.name and "满意度" not in line.name


def line_progress(line: MonitoringLine, months: int, rules: MonitoringRules) -> Progress:
    """The light of one indicator after N months, explained."""
    target = line.target
    current = line.current.strip()
    if not current:
        return Progress(None, None, Light.RED, "未填报当前完成值，按红灯处理")
    if target.kind is not Kind.QUANTITATIVE or target.value is None:
        for word, light in _QUALITATIVE_LIGHTS:
            if word in current:
                return Progress(None, None, light, f"当前完成情况“{current}”，{light.label}")
        return Progress(
            None, None, Light.YELLOW, f"当前完成情况“{current}”未注明达成/部分达成/未达成，黄灯待核"
        )
    actual = read_actual(current)
    if actual.number is None:
        return Progress(None, None, Light.RED, f"定量指标的当前完成值“{current}”不是数值，按红灯处理")
    unit = target.base_unit
    number = convert(actual.number, actual.unit, unit)
    number = actual.number if number is None else max(number, ZERO)
    goal = target.value
    op = target.op or Op.GE
    head = f"当前完成{plain(number)}{unit or ''}，年度目标{op.symbol}{plain(goal)}{unit or ''}"
    if goal == 0:
        met = number <= 0 if op in (Op.LE, Op.EQ) else number < 0 if op is Op.LT else True
        light = Light.GREEN if met else Light.RED
        return Progress(None, None, light, f"{head}，{light.label}（目标为0）")
    if op.is_reverse:
        # A ceiling already passed cannot be undone; below it the indicator is on track.
        light = Light.RED if number > goal else Light.GREEN
        verdict = "已超过上限" if light is Light.RED else "未超过上限"
        return Progress(number / goal, None, light, f"{head}，{verdict}，{light.label}")
    ratio = number / goal
    if is_cumulative(line):
        index = ratio / elapsed_share(months) * HUNDRED
        light = light_for_index(index, rules)
        text = f"{head}，完成{percent(ratio)}，时间进度{months}/12，进度指数{money(index)}"
        text += f"，{light.label}（累计型）"
        return Progress(ratio, index, light, text)
    light = light_for_index(ratio * HUNDRED, rules)
    return Progress(ratio, None, light, f"{head}，达成度{percent(ratio)}，{light.label}（一次性/比率型）")


def monitor(snapshot: MonitoringSnapshot, profile: Profile = DEFAULT_PROFILE) -> MonitoringResult:
    """Lights for the money and every indicator, plus the diagnostics of the 监控表 (JX-J01…)."""
    rules = profile.monitoring
    funds = funds_progress(snapshot.annual_budget, snapshot.executed, snapshot.months, rules, snapshot.unit)
    lines = tuple(LineProgress(line, line_progress(line, snapshot.months, rules)) for line in snapshot.lines)
    checks = _monitoring_checks(snapshot, funds, lines, rules)
    diagnostics = tuple(d for d in checks if d.code not in rules.switched_off)
    return MonitoringResult(profile.name, snapshot.months, funds, lines, diagnostics)


def _monitoring_checks(
    snapshot: MonitoringSnapshot, funds: Progress, lines: tuple[LineProgress, ...], rules: MonitoringRules
) -> Iterator[Diagnostic]:
    where = snapshot.source
    if not 1 <= snapshot.months <= 12:
        yield Diagnostic("JX-J01", Severity.ERROR, f"监控期间1–{snapshot.months}月无效，应为1至12月", where)
    if snapshot.annual_budget < 0 or snapshot.executed < 0:
        yield Diagnostic("JX-J02", Severity.ERROR, "资金金额不得为负数", where)
    elif snapshot.executed > snapshot.annual_budget > 0:
        message = f"1–{snapshot.months}月执行数{plain(snapshot.executed)}"
        message += f"超过全年预算数{plain(snapshot.annual_budget)}"
        yield Diagnostic("JX-J02", Severity.ERROR, message, where)
    if funds.light is not Light.GREEN:
        yield Diagnostic("JX-J03", Severity.WARNING, f"预算执行进度预警：{funds.explanation}", where)
    for lp in lines:
        line = lp.line
        if line.likelihood is not Likelihood.CERTAIN and not (line.reason.strip() and line.measures.strip()):
            message = f"指标“{line.label}”完成目标可能性为“{line.likelihood}”，须填写偏差原因和改进措施"
            yield Diagnostic("JX-J04", Severity.ERROR, message, line.source, indicator=line.label)
        if lp.progress.light is Light.RED:
            message = f"指标“{line.label}”进度预警：{lp.progress.explanation}"
            yield Diagnostic("JX-J05", Severity.WARNING, message, line.source, indicator=line.label)
            if line.likelihood is Likelihood.CERTAIN:
                message = f"指标“{line.label}”为红灯，但完成目标可能性填为“确定能”，请说明依据"
                yield Diagnostic("JX-J06", Severity.INFO, message, line.source, indicator=line.label)
    yield from _joint_warning(snapshot, funds, lines, rules)


def output_progress(lines: tuple[LineProgress, ...]) -> Decimal | None:
    """Average completion of the cumulative quantitative outputs (each capped at 100 %), or None."""
    ratios = [
        min(lp.progress.ratio, Decimal(1))
        for lp in lines
        if lp.progress.ratio is not None and lp.progress.index is not None
    ]
    if not ratios:
        return None
    return sum(ratios, ZERO) / len(ratios)


def _joint_warning(
    snapshot: MonitoringSnapshot, funds: Progress, lines: tuple[LineProgress, ...], rules: MonitoringRules
) -> Iterator[Diagnostic]:
    """Money and outputs should move together (Sichuan: warn when they differ by more than 10 points)."""
    outputs = output_progress(lines)
    if funds.ratio is None or outputs is None:
        return
    gap = (funds.ratio - outputs) * HUNDRED
    if abs(gap) <= rules.gap_points:
        return
    money_text, output_text = percent(funds.ratio), percent(outputs)
    if gap > 0:
        message = (
            f"资金已执行{money_text}，累计型产出仅完成{output_text}，资金快于产出，请核实支出是否与产出匹配"
        )
    else:
        message = (
            f"累计型产出已完成{output_text}，资金仅执行{money_text}，产出快于资金，请核实支付进度或目标设置"
        )
    yield Diagnostic("JX-J07", Severity.WARNING, message, snapshot.source)


def snapshot_from_table(
    table: Table, months: int | None = None, profile: Profile = DEFAULT_PROFILE
) -> MonitoringSnapshot:
    """An empty 1–N月 snapshot of a table: its 年度 indicators, its budget in 万元 (rules.md §11.6, §11.9)."""
    budget = (table.project.budget or ZERO) / Decimal(10000)
    lines = tuple(
        MonitoringLine(i.level1, i.level2, i.name, i.annual, source=i.source) for i in table.annual_indicators
    )
    return MonitoringSnapshot(
        project=table.project.name,
        months=months or profile.monitoring.months,
        annual_budget=budget,
        executed=ZERO,
        lines=lines,
        initial_budget=budget,
        year=table.project.year,
        source=table.source,
        department=table.project.department or "",
        agency=table.project.unit or "",
    )
