"""A 自评报告 that writes its self-evaluation as sentences, not as a table.

Some publishers print no 自评表: the report states the funds and each indicator in numbered sentences
(``1.数量指标：人工造林面积，年度指标值≥3000亩，实际完成值3120亩，分值20分，得分20分。``) and the total
in its conclusion (``自评得分为98.26分，自评等级为优``). Where every figure is named by its own label
(年度指标值, 实际完成值, 分值, 得分; 全年预算数, 全年执行数, 执行率), its role is not in doubt: the
sentences are laid out as the rows of the central form, each at its own line, and read as a table. An
indicator sentence with a figure no label names (``人工造林3120亩，20分``) makes the whole report
unreadable, said with its line (`PROSE_UNREAD`), never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.cells import Row

PROSE_UNREAD = "JX-R32"

_TITLE = re.compile(r"^(?P<publisher>.*?)(?P<year>20\d\d)年度?(?P<project>.+?)支出绩效自评报告$")
_GROUP = re.compile(
    r"^[（(][一二三四五六七八九十]+[）)]\s*(?P<group>(?:产出|效益|满意度|成本)指标\s*(?:[（(]\d+分[）)])?)"
)
_BUDGET_HEAD = re.compile(r"预算执行情况\s*[（(](?P<weight>\d+(?:\.\d+)?)分[）)]")
_NUMBERED = re.compile(r"^(?:\d+\s*[.、．]\s*)?")
# the labels that name an indicator sentence's figures, and the role each names
_LABELS = (
    ("年度指标值", "target"), ("年初目标值", "target"), ("指标值", "target"), ("目标值", "target"),
    ("全年实际完成值", "actual"), ("实际完成值", "actual"), ("完成值", "actual"), ("实际值", "actual"),
    ("分值", "weight"), ("权重", "weight"), ("自评得分", "score"), ("实际得分", "score"), ("得分", "score"),
)  # fmt: skip
_CLAUSE_COMMA = re.compile(r"(?<!\d),|,(?!\d{3})")
_POINTS = re.compile(r"^(\d+(?:\.\d+)?)\s*分$")
_FUND_FIGURES = (
    ("budget", re.compile(r"全年预算数\s*(?:为)?\s*([\d,]+(?:\.\d+)?)\s*(?:万元|元)?")),
    ("executed", re.compile(r"全年执行数\s*(?:为)?\s*([\d,]+(?:\.\d+)?)\s*(?:万元|元)?")),
    ("rate", re.compile(r"执行率\s*(?:为)?\s*(\d+(?:\.\d+)?%)")),
    ("score", re.compile(r"得分\s*(?:为)?\s*(\d+(?:\.\d+)?)\s*分")),
)
_CONCLUSION = re.compile(r"得分\s*(?:为|是)?\s*\d+(?:\.\d+)?\s*分.*等级|等级.*得分\s*(?:为|是)?\s*\d")
_INDICATOR_HEADER = (
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
)  # fmt: skip
_FUND_HEADER = ("项目资金（万元）", "", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def _plain(line: str) -> str:
    """NFKC, with the clause commas and colons full-width again (a thousands separator stays: 5,000人)."""
    return _CLAUSE_COMMA.sub("，", unicodedata.normalize("NFKC", line).strip()).replace(":", "：")


def _is_indicator_sentence(line: str) -> bool:
    actual = "完成值" in line or "实际值" in line
    return actual and "得分" in line and "|" not in line and "\t" not in line


def is_prose(lines: list[str]) -> bool:
    """Two or more indicator sentences (实际完成值 … 得分 in one line of words) and no table header."""
    if any("三级指标" in line for line in lines):
        return False
    return sum(1 for line in lines if _is_indicator_sentence(line)) >= 2


def _indicator(line: str) -> dict[str, str] | None:
    """An indicator sentence's parts by their labels, or None when a figure is not named by one."""
    body = _NUMBERED.sub("", _plain(line).rstrip("。；;"))
    head, _, rest = body.partition("，")
    level2, colon, name = head.partition("：")
    if not colon or not name.strip() or not level2.endswith("指标"):
        return None
    reason = ""
    if "。" in rest:  # …得分9.56分。偏差原因：…；改进措施：…
        rest, _, reason = rest.partition("。")
    parts = {"level2": level2.strip(), "name": name.strip(), "reason": reason.strip()}
    for clause in rest.split("，"):
        label, role = next(((lb, r) for lb, r in _LABELS if clause.startswith(lb)), ("", ""))
        if not role or role in parts:
            return None  # a figure no label names, or named twice: its role is not certain
        value = clause[len(label) :].strip().removeprefix("为").strip()
        if role in ("weight", "score"):
            points = _POINTS.match(value)
            if points is None:
                return None
            value = points[1]
        parts[role] = value
    return parts if {"target", "actual", "weight", "score"} <= parts.keys() else None


def _funds(line: str) -> list[str] | None:
    text = _plain(line)
    figures = {role: m[1] for role, pattern in _FUND_FIGURES if (m := pattern.search(text))}
    if "budget" not in figures or "executed" not in figures:
        return None
    return [
        "",
        "年度资金总额",
        figures["budget"],
        figures["executed"],
        "",
        figures.get("rate", ""),
        figures.get("score", ""),
    ]


def prose_rows(lines: list[str], file: str | None) -> list[Row] | None:
    """The report's sentences as the rows of the central form, each at its own line; None when an
    indicator sentence names not every figure (`why_prose_unread` says which)."""
    rows: list[Row] = []
    group = ""
    budget_weight = ""
    header_done = False
    for number, raw in enumerate(lines, start=1):
        line = _plain(raw)
        at = SourceRef(file, number)
        title = _TITLE.match(line)
        if title and not rows:
            rows.append(Row((f"{title['year']}年度项目支出绩效自评表",), at))
            rows.append(Row(("项目名称", title["project"]), at))
            if title["publisher"]:
                rows.append(Row(("主管部门", title["publisher"]), at))
        elif head := _BUDGET_HEAD.search(line):
            budget_weight = head["weight"]
        elif (grouped := _GROUP.match(line)) is not None:
            group = grouped["group"].replace(" ", "")
        elif _is_indicator_sentence(line):
            parts = _indicator(line)
            if parts is None:
                return None
            if not header_done:
                rows.append(Row(_INDICATOR_HEADER, at))
                header_done = True
            cells = (group, parts["level2"], parts["name"], parts["target"], parts["actual"])
            rows.append(Row((*cells, parts["weight"], parts["score"], parts["reason"]), at))
            group = ""  # the group's name on its first row, as a merged cell prints it
        elif (funds := _funds(line)) is not None and not header_done:
            funds[4] = budget_weight
            rows += [Row(_FUND_HEADER, at), Row(tuple(funds), at)]
        elif _CONCLUSION.search(line):
            rows.append(Row(("自评结论", line), at))
    return rows if rows and header_done else None


def published_prose_rows(text: str, file: str | None) -> Iterator[Row] | None:
    """The rows of a 自评报告 written as sentences, or None when the text is no such report or cannot
    be read as one."""
    lines = text.splitlines()
    if not is_prose(lines):
        return None
    rows = prose_rows(lines, file)
    return iter(rows) if rows is not None else None


def why_prose_unread(rows: list[Row]) -> list[Diagnostic]:
    """The first indicator sentence whose figures are not each named by a label, as a JX-R32 with its
    line; [] when the rows are no such report or every sentence reads."""
    lines = [("".join(row.cells), row.source) for row in rows if not row.source.sheet and not row.source.cell]
    if not is_prose([line for line, _ in lines]):
        return []
    for line, where in lines:
        if _is_indicator_sentence(line) and _indicator(line) is None:
            message = (
                f"自评报告以文字叙述各指标（第{where.line}行“{line.strip()[:40]}”）：句中的数字没有都用"
                "“年度指标值”“实际完成值”“分值”“得分”标明，无法确定每个数字的作用，未读取这份自评"
                "（从不猜测）；请提供自评表（Excel、Word 或网页）"
            )
            return [Diagnostic(PROSE_UNREAD, Severity.WARNING, message, where)]
    return []


FROM_SENTENCES = "JX-R11"


def read_from_sentences(rows: list[Row]) -> list[Diagnostic]:
    """A JX-R11 note where the rows were laid out from a report's sentences (the indicator header put at
    the first indicator sentence's own line), so a reader checks each sentence's figures; [] otherwise."""
    header = next((i for i, row in enumerate(rows) if row.cells == _INDICATOR_HEADER), None)
    if header is None or header + 1 >= len(rows) or rows[header].source != rows[header + 1].source:
        return []
    where = rows[header].source
    message = (
        f"自评报告没有表格，各指标是从正文句子（第{where.line}行起）按“年度指标值”“实际完成值”“分值”“得分”"
        "等标签读出的，请逐句核对"
    )
    return [Diagnostic(FROM_SENTENCES, Severity.WARNING, message, where)]
