"""The worked example of docs/self-evaluation.md: 购买白玉兰家庭服务项目 (seed) through monitoring and
self-evaluation. Tests fill the template with these figures; the doc's numbers are checked against them.

Run ``python -m tests.scoring.worked_example`` to print the generated section of the doc.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from jixiao.evaluation.monitoring import Likelihood, MonitoringLine, MonitoringSnapshot
from jixiao.evaluation.numbers import money, plain
from jixiao.evaluation.profiles import CENTRAL
from jixiao.model import Table
from jixiao.readers.selfeval_xlsx import read_selfeval_xlsx
from jixiao.scoring import EvaluationResult, SelfEvaluation, evaluate
from jixiao.scoring.monitoring import monitor
from jixiao.scoring.selfeval import evaluation_from_table, lines_from_table, table_key
from jixiao.writers.selfeval_xlsx import write_selfeval_xlsx
from tests.seed import seed_tables

PROJECT = "购买白玉兰家庭服务项目"
EXECUTED = Decimal("93.5")  # 万元, 当年财政拨款 全年执行数
GOAL_ACTUAL = "全年开展个案52个、小组12个、社区活动55场，反家暴服务按计划推进。"

# 三级指标 → (实际完成值, 得分 typed by the evaluator for qualitative ones, 偏差原因分析及改进措施)
ACTUALS: dict[str, tuple[str, str | None, str]] = {
    "预算控制数": ("935000元", None, ""),
    "小组服务指标数": ("12", None, ""),
    "个案服务指标数": ("52个", None, "2名社工年中离职，个案接案延后；已补员并与公安、法院建立转介机制"),
    "社区活动数(场次)": ("55场", None, "年度指标值5场系填报笔误，实施周期与年度目标均为55场"),
    "第三方评估等级": ("达成年度指标", "7", ""),
    "社工证持有率": ("87.5%", None, "8名社工中1名新入职尚未取得证书，已报名年内考试"),
    "单人单月专业服务时长差异率": ("0", None, ""),
    "项目服务总体成效": ("部分达成年度指标并具有一定效果", "22", "受暴者跟进回访率偏低，下年度增设回访岗位"),
    "用人单位满意度": ("92%", None, ""),
    "服务对象满意度(%)": ("88%", None, ""),
}

# 1–7月 monitoring: executed 万元 and each indicator's current value.
MONITORING_EXECUTED = Decimal("40.1")
MONITORING: dict[str, str] = {
    "预算控制数": "401000元",
    "小组服务指标数": "7",
    "个案服务指标数": "25个",
    "社区活动数(场次)": "30场",
    "第三方评估等级": "达成",
    "社工证持有率": "87.5%",
    "单人单月专业服务时长差异率": "0",
    "项目服务总体成效": "部分达成",
    "用人单位满意度": "90%",
    "服务对象满意度(%)": "86%",
}


def seed_project() -> Table:
    return next(t for t in seed_tables() if t.project.name == PROJECT)


def fill_template(path: Path, executed: Decimal = EXECUTED) -> None:
    """Type the example's figures into a downloaded template, as a unit would in Excel."""
    workbook = load_workbook(path)
    sheet = workbook["自评表"]
    meta = {row[0]: row[1] for row in workbook["jixiao"].iter_rows(values_only=True)}
    first_funds = int(meta["funds_first_row"])
    sheet.cell(row=first_funds + 1, column=4).value = float(executed)  # 当年财政拨款 全年执行数（B）
    sheet.cell(row=first_funds + 2, column=4).value = 0
    sheet.cell(row=first_funds + 3, column=4).value = 0
    sheet.cell(row=int(meta["goal_row"]), column=5).value = GOAL_ACTUAL
    first = int(meta["indicator_first_row"])
    for index in range(int(meta["indicator_count"])):
        actual, score, reason = ACTUALS[meta[f"indicator.{index}.name"]]
        sheet.cell(row=first + index, column=5).value = actual
        if score is not None:
            sheet.cell(row=first + index, column=7).value = int(score)
        if reason:
            sheet.cell(row=first + index, column=8).value = reason
    workbook.save(path)


def fill_monitoring_template(path: Path, executed: Decimal = MONITORING_EXECUTED) -> None:
    """Type the example's 1–7月 figures into a downloaded 监控表 template."""
    workbook = load_workbook(path)
    sheet = workbook["监控表"]
    meta = {row[0]: row[1] for row in workbook["jixiao"].iter_rows(values_only=True)}
    sheet["D6"] = float(executed)
    first = int(meta["indicator_first_row"])
    for index in range(int(meta["indicator_count"])):
        name = meta[f"indicator.{index}.name"]
        sheet.cell(row=first + index, column=5).value = MONITORING[name]
        if name == "个案服务指标数":
            sheet.cell(row=first + index, column=7).value = "有可能"
            sheet.cell(row=first + index, column=8).value = "2名社工离职，接案放缓"
            sheet.cell(row=first + index, column=9).value = "8月前补员，加强转介"
    workbook.save(path)


def monitoring_snapshot() -> MonitoringSnapshot:
    table = seed_project()
    lines = []
    for line in lines_from_table(table):
        current = MONITORING[line.name]
        likely = Likelihood.POSSIBLE if line.name == "个案服务指标数" else Likelihood.CERTAIN
        reason = "2名社工离职，接案放缓" if likely is Likelihood.POSSIBLE else ""
        measures = "8月前补员，加强转介" if likely is Likelihood.POSSIBLE else ""
        lines.append(
            MonitoringLine(
                line.level1, line.level2, line.name, line.target, current, "", likely, reason, measures
            )
        )
    budget = (table.project.budget or Decimal(0)) / Decimal(10000)
    return MonitoringSnapshot(PROJECT, 7, budget, MONITORING_EXECUTED, tuple(lines), year=table.project.year)


def scored_example(tmp_dir: Path) -> tuple[SelfEvaluation, EvaluationResult]:
    """Download the template, fill it like the unit, upload it: the evaluation and its score."""
    path = tmp_dir / "自评.xlsx"
    write_selfeval_xlsx(evaluation_from_table(seed_project(), CENTRAL), CENTRAL, path)
    fill_template(path)
    upload = read_selfeval_xlsx(path, table_key(seed_project()))
    assert upload.evaluation is not None and not upload.has_errors, upload.diagnostics
    return upload.evaluation, evaluate(upload.evaluation, CENTRAL)


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"


def worked_example_markdown(tmp_dir: Path) -> str:
    """The generated part of docs/self-evaluation.md: every figure comes from the code."""
    project = seed_project().project
    budget = project.budget or Decimal(0)
    m = monitor(monitoring_snapshot())
    out = [
        f"项目：{project.name}（{project.department}，{project.year}年预算"
        f"{plain(budget)}元 = {plain(budget / 10000)}万元）。",
        "",
        "### 1–7月运行监控",
        "",
        f"资金：{m.funds.explanation}。",
        "",
        _row("三级指标", "年度指标值", "1–7月完成值", "灯", "说明"),
        _row("---", "---", "---", "---", "---"),
    ]
    out += [
        _row(
            lp.line.name,
            lp.line.target.raw,
            lp.line.current,
            lp.progress.light.label,
            lp.progress.explanation,
        )
        for lp in m.lines
    ]
    out += ["", "监控发现：", ""]
    out += [f"- {d.code}（{d.severity.label}）{d.message}" for d in m.diagnostics]
    _, result = scored_example(tmp_dir)
    out += [
        "",
        "### 年终自评",
        "",
        f"预算执行（分值{plain(result.budget.weight)}）：{result.budget.explanation}。",
        "",
        _row("一级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分", "计分说明"),
        _row("---", "---", "---", "---", "---:", "---:", "---"),
    ]
    out += [
        _row(
            s.line.level1,
            s.line.name,
            s.line.target.raw,
            s.line.actual,
            plain(s.score.weight),
            money(s.score.value),
            s.score.explanation,
        )
        for s in result.lines
    ]
    out += ["", f"**{result.explanation}**", "", "自评检查：", ""]
    out += [f"- {d.code}（{d.severity.label}）{d.message}" for d in result.diagnostics] or ["- 无"]
    return "\n".join(out) + "\n"


def main() -> None:  # pragma: no cover - prints the section to paste into the doc
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(worked_example_markdown(Path(tmp)), end="")


if __name__ == "__main__":
    main()
