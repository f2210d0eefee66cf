"""A 自评报告 draft (.docx) written from the scored self-evaluation: numbers, deviations, reasons.

Every sentence is built from the data — the funds, each indicator's target, actual and score, the
units' own reasons and the checks' findings — so the draft changes with the table; the unit edits
the wording, not the figures. Structure follows the Guangdong "两表一报告" outline (rules.md §8).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from jixiao.evaluation.numbers import money, percent, plain
from jixiao.evaluation.profiles import Profile
from jixiao.evaluation.records import EvaluationResult, ScoredLine, SelfEvaluation
from jixiao.model import Severity

_FONT = "Noto Serif CJK SC"


def write_selfeval_report(
    evaluation: SelfEvaluation, profile: Profile, result: EvaluationResult, target: str | Path | IO[bytes]
) -> None:
    """Write a draft 绩效自评报告 (Word) of a scored self-evaluation."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = _FONT
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), _FONT)
    year = f"{evaluation.year}年度" if evaluation.year else ""
    title = document.add_heading(f"{evaluation.project}{year}绩效自评报告（初稿）", level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for paragraph_text in _overview(evaluation, profile, result):
        document.add_paragraph(paragraph_text)

    document.add_heading("一、预算执行情况", level=1)
    document.add_paragraph(_funds_text(evaluation, result))

    document.add_heading("二、绩效目标完成情况", level=1)
    if evaluation.goal_expected:
        document.add_paragraph(f"年度总体目标：{evaluation.goal_expected}")
    if evaluation.goal_actual:
        document.add_paragraph(f"实际完成情况：{evaluation.goal_actual}")
    _indicator_table(document, result)
    met = [s for s in result.lines if s.score.is_full]
    document.add_paragraph(
        f"共设{len(result.lines)}个年度绩效指标，{len(met)}个得满分，"
        f"{len(result.lines) - len(met)}个未得满分，指标合计得分{money(result.indicators_score)}分。"
    )

    document.add_heading("三、偏差原因分析及改进措施", level=1)
    deviations = [s for s in result.lines if not s.score.is_full or "over-completion" in s.score.flags]
    if not deviations:
        document.add_paragraph("各项指标均按目标完成，无需说明的偏差。")
    for scored in deviations:
        document.add_paragraph(_deviation_text(scored), style="List Number")

    document.add_heading("四、自评结论", level=1)
    document.add_paragraph(
        f"按{profile.title}的评分规则，本项目自评总分{money(result.total)}分，等级为“{result.grade}”。"
        f"{result.explanation}。"
    )
    findings = [d for d in result.diagnostics if d.severity is not Severity.INFO]
    if findings:
        document.add_heading("五、需关注的问题", level=1)
        for d in findings:
            document.add_paragraph(f"{d.message}（{d.code}，{d.severity.label}）", style="List Bullet")
    document.add_paragraph("（本报告初稿由 jixiao 根据自评表数据生成，数字以自评表为准，文字请单位核改。）")
    document.save(str(target) if isinstance(target, Path) else target)


def _overview(evaluation: SelfEvaluation, profile: Profile, result: EvaluationResult) -> list[str]:
    who = evaluation.unit or evaluation.department
    lead = (
        f"{who}对{evaluation.project}开展了单位自评。" if who else f"对{evaluation.project}开展了单位自评。"
    )
    weights = f"预算执行率{plain(profile.budget_weight)}分、绩效指标{plain(profile.indicators_weight)}分"
    return [f"{lead}自评按{weights}计分，总分{money(result.total)}分，等级“{result.grade}”。"]


def _funds_text(evaluation: SelfEvaluation, result: EvaluationResult) -> str:
    funds = evaluation.funds
    rate = funds.execution_rate
    parts = [
        f"本年度全年预算数{plain(funds.budget)}{funds.unit}（年初预算数{plain(funds.initial)}{funds.unit}），"
        f"全年执行数{plain(funds.executed)}{funds.unit}",
    ]
    if rate is not None:
        parts.append(f"，预算执行率{percent(rate)}")
    parts.append(f"，得分{money(result.budget.value)}分（满分{plain(result.budget.weight)}分）。")
    if funds.reason:
        parts.append(f"原因说明：{funds.reason}")
    return "".join(parts)


def _indicator_table(document: object, result: EvaluationResult) -> None:
    headers = ("一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    table = document.add_table(rows=1, cols=len(headers))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
    for scored in result.lines:
        line, score = scored.line, scored.score
        values = (
            line.level1,
            line.label,
            line.target.raw,
            line.actual,
            plain(score.weight),
            money(score.value),
        )
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def _deviation_text(scored: ScoredLine) -> str:
    line, score = scored.line, scored.score
    head = f"“{line.label}”：年度指标值{line.target.raw}，实际完成{line.actual or '未填写'}，"
    head += f"得分{money(score.value)}/{plain(score.weight)}（{score.explanation}）。"
    reason = line.reason.strip()
    return head + (f"原因及措施：{reason}" if reason else "单位未填写偏差原因分析及改进措施，需补充。")
