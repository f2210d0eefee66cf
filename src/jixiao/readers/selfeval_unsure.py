"""Rows of a 自评表 read from text that lost its columns (a PDF's text flattened, one cell per line)
whose cells do not sit with certainty under their header: said on the row (`unsure`), so that the
audit raises no arithmetic finding on figures that were not read with certainty.

A row is unsure when what was read in a column cannot be what that column holds:

- an indicator whose name is a figure or a bound (``180``, ``≥900场``, ``100%``) or a 指标性质
  (``定量指标``), whose 二级指标 is a figure, or whose target or actual is a label with its points
  (``项目管理(25分)``) or a piece of its own name: its cells slid by one or more columns;
- an indicator that prints a 得分 but no 分值 under a header that has a 分值 column, or a target or an
  actual but neither (where most rows are scored, or the table prints its total): a cell was lost or
  taken by its neighbour, or the line is a wrapped piece of a row;
- a fund row that prints more figures than its header has columns it knows, or where a percentage
  (``96%``) was read in a column other than 执行率, or its 执行率 was read from a cell without ``%``
  while another cell of the row has one: the header's columns were put back in another order than
  the row prints them, or not at all.

Rows of a workbook, a ruled PDF or a Word/HTML table keep their columns and are never unsure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from jixiao.evaluation.published import PublishedIndicator, PublishedSelfEvaluation
from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.selfeval_lines import key

UNSURE_COLUMNS = "JX-R34"

# a figure, or a bound with at most a short unit: 180, 100%, ≥900场, ≤1.4万元, ≥ (a sign alone); not a
# name that opens with a bound (≥360天服务读者)
_BOUND = re.compile(r"^[≥≤><=≧≦＞＜＝]?\s*[-+]?\d*(?:[.,]\d+)*\s*(?:[%％‰]|[^\d\s]{1,3})?$")

_YEAR = re.compile(r"^(?:19|20)\d\d\s*年")


def _value_like(text: str) -> bool:
    """A figure or a bound where a name is due: ``180``, ``100%``, ``≥900场``."""
    stripped = unicodedata.normalize("NFKC", text).strip()
    if _YEAR.match(stripped):
        return False  # 2022年全年: a 时效 indicator named by its year
    return (
        bool(stripped)
        and _BOUND.match(stripped) is not None
        and (stripped[0] in "≥≤><=≧≦＞＜＝" or stripped[0].isdigit() or stripped[0] in "-+.")
    )


NO_FIGURES = "有指标值或完成值而分值、得分都没有读到"
# flattened PDF text: a cell of the row wrapped above and below it went back to no column
WRAPPED_APART = "该行上下各有一段折行的文字没能放回它的列"
SCORES_LOST = "表格印有总分，而没有一行读到得分（得分列没能认出）"
_NATURES = ("定量", "定性", "定量指标", "定性指标")
# a label with its points where a value is due: 项目管理(25分)
_LABEL_WITH_POINTS = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")


def indicator_unsure(name: str, level2: str, figures: tuple[str, str, bool, bool], roles: list[str]) -> str:
    """Why an indicator row read from text is not certain to sit in its columns; "" when it is.
    ``figures``: the row's target and actual as read, and whether it has a 分值 and a 得分."""
    target, actual, has_weight, has_score = figures
    if _value_like(name):
        return f"指标名称读到的是数值“{name.strip()}”"
    if _value_like(level2):
        return f"二级指标读到的是数值“{level2.strip()}”"
    if has_score and not has_weight and "weight" in roles:
        return "有得分而分值列为空"
    if key(name) in _NATURES:
        return f"指标名称读到的是指标性质“{name.strip()}”"
    for value in (target, actual):
        if _LABEL_WITH_POINTS.search(unicodedata.normalize("NFKC", value).strip()):
            return f"指标值或完成值读到的是带分值的标签“{value.strip()}”"
        piece = key(name) != key(value) and key(name).startswith(key(value)) and not _value_like(value)
        if len(key(value)) >= 4 and piece:
            return f"指标值或完成值读到的是指标名称的一段“{value.strip()}”"
    if not has_score and not has_weight and "weight" in roles and (target or actual):
        return NO_FIGURES
    return ""


def settled(indicators: list[PublishedIndicator], total: bool, text: bool = True) -> list[PublishedIndicator]:
    """Rows without 分值 and 得分 are unsure where most rows have a score or the table prints its
    total: in an unfilled template (most rows score nothing, no total) they are what it left empty.
    Text rows with a 分值 but not one 得分 in a table that prints its total are unsure too: the total
    shows the table scores its rows, so the 得分 column was lost (its header wrapped past recognition)."""
    scored = sum(1 for i in indicators if i.score is not None)
    if text and total and not scored and any(i.weight is not None for i in indicators):
        return [i if i.unsure else replace(i, unsure=SCORES_LOST) for i in indicators]
    if scored * 2 > len(indicators) or total:
        return indicators
    return [replace(i, unsure="") if i.unsure == NO_FIGURES else i for i in indicators]


def fund_unsure(texts: dict[str, str], printed: int) -> str:
    """Why a fund row read from text (its cells by role; ``printed``: the figures it prints after its
    label) is not certain to sit in its columns."""
    if printed > len([t for role, t in texts.items() if role != "reason"]):
        return f"该行印有{printed}个数，比表头认出的列多"
    for role, text in texts.items():
        if role not in ("rate", "reason") and "%" in unicodedata.normalize("NFKC", text):
            return f"百分数“{text.strip()}”读在了执行率以外的列"
    rate = texts.get("rate", "")
    if rate.strip() and "%" not in rate and any("%" in t for t in texts.values()):
        return f"执行率读到的“{rate.strip()}”没有百分号"
    return ""


def unsure_rows(
    project: str, rows: list[tuple[SourceRef, str]], already: tuple[SourceRef, ...] = ()
) -> list[Diagnostic]:
    """One JX-R34 per unsure row (its line and why), the rows already said elsewhere (JX-R31) aside."""
    return [
        Diagnostic(
            UNSURE_COLUMNS,
            Severity.WARNING,
            f"“{project or '自评表'}”第{where.line}行的单元格不能确定各在哪一列（{why}，文字丢了表格的列）："
            "该行按读到的内容列出，不据以核对算术；请提供原表格文件（Excel、Word 或带表格线的 PDF）核对",
            where,
        )
        for where, why in rows
        if where not in already
    ]


def wrapped_apart(table: PublishedSelfEvaluation, rows: list[SourceRef]) -> PublishedSelfEvaluation:
    """The table with its indicators read from ``rows`` (lines of flattened PDF text with a wrapped
    cell above and below that went back to no column) said unsure, where nothing else already is."""
    lines = {(r.file, r.line) for r in rows}
    if not lines:
        return table
    indicators = tuple(
        replace(i, unsure=WRAPPED_APART) if not i.unsure and (i.source.file, i.source.line) in lines else i
        for i in table.indicators
    )
    return replace(table, indicators=indicators)
