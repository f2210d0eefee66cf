"""Why a published 自评表 — or its indicator part — could not be read, said as diagnostics with the line.

Three kinds of text defeat an honest reading, and each is said rather than guessed around:

- the whole table **run together on one line** (a document site's text of a Word or Excel table): where
  names, targets, actuals, weights and scores meet with no separator and no sum of the table's own
  settles where one ends (``…开展育苗技术培训8600人次``: 8 and 600, or 86 and 00?), nothing is cut
  (`RUN_TOGETHER`);
- **OCR damage** in such text: comparators read as ``$`` or ``^`` (``295$295%`` for ``≥95% ≥95%``),
  kept as written, never repaired (`DAMAGED_VALUE`);
- an indicator block **scrambled** (a workbook extracted column by column, so names stand far from their
  figures) where the table's sums do not confirm a pairing (`selfeval_columnwise`): the funds are read,
  the indicators are not, and the table says so (`NO_INDICATORS`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from jixiao.evaluation.published import PublishedSelfEvaluation
from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.damage import DAMAGED_VALUE
from jixiao.readers.grid import NO_INDICATORS
from jixiao.readers.pdf_unruled import AMBIGUOUS_COLUMN
from jixiao.readers.runs import RUN_TOGETHER

# Marks no budget table prints inside a figure: OCR's reading of a lost ≥ or ≤ (295$295%, 830%^30%).
_OCR_MARK = re.compile(r"[0-9.]*%?[$^][0-9.]+%?")
# Characters: a piece of a table this long with no separator (OCR text breaks a run at some amounts,
# so a piece may be shorter than a whole table on one line, `runs.LONG_RUN`). Only asked of text
# that gave no table.
_RUN_LENGTH = 100
_INDICATOR_WORDS = ("一级指标", "三级指标", "绩效指标")
_SCORE_WORDS = ("得分", "分值", "权重")
_CATEGORY_WORDS = ("产出指标", "效益指标", "满意度指标", "数量指标", "质量指标", "时效指标", "成本指标")


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _lines(rows: Iterable[Row]) -> dict[int, tuple[str, SourceRef]]:
    """The text of each source line, its cells joined back (a long run may have been cut into cells)."""
    joined: dict[int, list[str]] = defaultdict(list)
    places: dict[int, SourceRef] = {}
    for row in rows:
        line = row.source.line
        if line is None or row.source.sheet or row.source.cell:
            continue  # a workbook's or a document table's rows have their cells: nothing ran together
        joined[line] += [c for c in row.cells if c]
        places.setdefault(line, row.source)
    return {line: ("".join(_plain(c) for c in cells), places[line]) for line, cells in joined.items()}


def _run_together(text: str) -> bool:
    """A line of a table's cells run together: long, with the indicator header or several categories
    (OCR text may break a table's run at an amount or two, so each long piece is one)."""
    categories = sum(1 for w in _CATEGORY_WORDS if w in text)
    return len(text) >= _RUN_LENGTH and (
        categories >= 3 or (categories >= 1 and any(w in text for w in _INDICATOR_WORDS))
    )


def _self_evaluation(text: str) -> bool:
    """The whole text has an indicator header and a self-evaluation's columns."""
    return any(w in text for w in _INDICATOR_WORDS) and any(
        w in text for w in (*_SCORE_WORDS, "实际完成值", "完成值", "执行率")
    )


def why_unread(rows: list[Row]) -> list[Diagnostic]:
    """Why text that holds a self-evaluation gave no table: the line where its cells run together
    (JX-R13) and, where OCR damaged its figures, the damaged text kept as written (JX-R09); [] when
    no such reason is seen."""
    lines = _lines(rows)
    whole = "".join(text for text, _ in lines.values())
    runs = [(n, text, where) for n, (text, where) in sorted(lines.items()) if _run_together(text)]
    if not runs or not _self_evaluation(whole):
        return []
    first, text, where = runs[0]
    scored = any(w in whole for w in _SCORE_WORDS)
    what = "分值、得分" if scored else "实际完成值"
    message = (
        f"自评表的单元格连在一起（第{first}行起，{len(text)}个字符没有分隔）：指标名称、年度指标值、{what}之间没有分隔，"
        + (
            "未能用表中分值与得分的合计唯一确定拆分位置"
            if scored
            else "表中没有分值和得分，无法用合计核对拆分位置"
        )
        + "，未读取这张表（从不猜测切分位置）；请提供原表格文件（Excel、Word 或网页）"
    )
    found = [Diagnostic(RUN_TOGETHER, Severity.WARNING, message, where)]
    return found + ocr_damage(rows)


def ocr_damage(rows: list[Row]) -> list[Diagnostic]:
    """OCR's damage to a table's figures (``295$295%``: a ≥ read as ``$``), kept as written: one
    JX-R09 at the first place, quoting the damaged text; [] where there is none."""
    lines = _lines(rows)
    damaged = [
        (raw.group(), ref) for _, (text, ref) in sorted(lines.items()) for raw in _OCR_MARK.finditer(text)
    ]
    if not damaged:
        return []
    shown = "、".join(f"“{raw}”" for raw, _ in damaged[:3])
    message = (
        f"文字是OCR识别结果，比较符已损坏（{shown}等{len(damaged)}处，“$”“^”是识别错的“≥”等符号）："
        "按原文保留，不作修复；这些指标的年度指标值不读取，得分按表中所填保留"
    )
    return [Diagnostic(DAMAGED_VALUE, Severity.WARNING, message, damaged[0][1])]


def ambiguous_columns(table: PublishedSelfEvaluation) -> list[Diagnostic]:
    """Indicator rows of text that opens with empty cells whose cells fit the header's columns and the
    columns one to the left equally, and read differently (`selfeval_align`): kept in the header's
    columns, and said, never guessed silently."""
    return [
        Diagnostic(
            AMBIGUOUS_COLUMN,
            Severity.WARNING,
            f"“{table.project or '自评表'}”第{where.line}行以空单元格开头，其内容按表头各列与按左移一列"
            "（复制文字时丢了首个空单元格）读出的结果不同且同样合理；已按表头各列读取，请对照原表核对",
            where,
        )
        for where in table.ambiguous_rows
    ]


def why_no_indicators(table: PublishedSelfEvaluation, rows: list[Row]) -> Diagnostic | None:
    """A table read with its funds but no indicator, though its rows print the indicator block: say
    that its indicators were not read and why (names and figures not on the same row), or None."""
    if table.indicators or not table.funds:
        return None
    header = next(
        (r for r in rows if any(w in _plain(c) for c in r.cells for w in ("三级指标", "一级指标"))), None
    )
    if header is None:
        return None
    message = (
        f"“{table.project or '自评表'}”的绩效指标部分（第{header.source.line}行起）没有读出指标："
        "指标名称与其指标值、分值、得分不在同一行，次序被打乱（如按列导出的表格文字），"
        "无法可靠对应；只读出了资金部分，总分与指标得分未核对；请提供原表格文件（Excel、Word）"
    )
    return Diagnostic(NO_INDICATORS, Severity.WARNING, message, header.source)
