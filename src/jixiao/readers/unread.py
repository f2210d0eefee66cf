"""Why a text gave no table: one diagnostic in Chinese that names the line it rests on.

A reader that finds nothing must not only say "没有找到": the user needs to know whether the file is a
self-evaluation or monitoring document (and which command reads it), a notice that only mentions the
target table (the table being an attachment), a table whose header was found but whose rows could not
be read, or text with no table at all. Each reason is one entry of `REASONS`, tried in order; the first
line that matches is cited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.textforms import is_traditional, normalise_line

NOTHING_READ = "JX-R00"  # the same code as the file problems of readers.text: no table came out
OTHER_DOCUMENT = "JX-R10"  # a self-evaluation or monitoring document, not a target table

NOTHING_FOUND = "文件中没有找到项目绩效目标表"

_EVALUATE_HELP = "请用 jixiao evaluate-template 生成该项目的自评表模板，填好后用 jixiao evaluate 评分"
_MONITOR_HELP = "请用 jixiao monitor-template 生成监控表模板，填好后用 jixiao monitor 读取"


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason a text gives no target table: the pattern whose first match is cited, the code and
    severity of the diagnostic, and its message with ``{prefix}`` (what was not found where),
    ``{where}`` (the row) and ``{found}`` (the words matched) to fill in."""

    pattern: re.Pattern[str]
    code: str
    severity: Severity
    message: str


REASONS: tuple[Reason, ...] = (
    Reason(
        re.compile(r"(?:绩效)?(?:自评|自我评价)(?:结果|情况|的)?(?:表|报告)"),
        OTHER_DOCUMENT,
        Severity.WARNING,
        "{prefix}：{where}写有“{found}”，这是绩效自评材料，不是绩效目标表；" + _EVALUATE_HELP,
    ),
    Reason(
        re.compile(r"(?:绩效)?(?:运行监控|执行监控|绩效监控|监控情况)(?:表|报告)"),
        OTHER_DOCUMENT,
        Severity.WARNING,
        "{prefix}：{where}写有“{found}”，这是绩效监控材料，不是绩效目标表；" + _MONITOR_HELP,
    ),
    Reason(
        re.compile(r"[一二三]级指标|指标值|绩效指标"),
        NOTHING_READ,
        Severity.ERROR,
        "{prefix}：{where}有绩效指标表头（“{found}”），但其后没有能读成指标的行"
        "（没有一级、二级指标名称或指标值）；请核对原表，或提供原表格文件（Excel、Word 或网页）",
    ),
    Reason(
        re.compile(r"绩效目标(?:申报|批复)?表"),
        NOTHING_READ,
        Severity.ERROR,
        "{prefix}：只在{where}的正文中提到“{found}”，文件中没有这张表（表格可能在附件里）；请读取附件本身",
    ),
)
_MAX_ROWS = 20000  # rows looked at for a reason: a workbook's first sheets are enough


def why_nothing_read(text: str, file: str | None) -> Diagnostic:
    """The one diagnostic for a text from which no table was read, citing the line it rests on."""
    traditional = is_traditional(text)  # 績效自評表 is read as 绩效自评表
    lines = [
        (normalise_line(line, traditional), SourceRef(file, number))
        for number, line in enumerate(text.splitlines(), 1)
    ]
    return _why(lines, NOTHING_FOUND, file)


def why_no_table_in_rows(rows: Iterable[Row], prefix: str, file: str | None) -> Diagnostic:
    """The same for the rows of a PDF or a workbook: ``prefix`` says what was searched (``PDF 中没有找到
    项目绩效目标表``), the row cited by its page and line or its sheet and cell."""
    lines = [(" ".join(c for c in row.cells if c), row.source) for row in islice(rows, _MAX_ROWS)]
    return _why(lines, prefix, file)


def _why(lines: list[tuple[str, SourceRef]], prefix: str, file: str | None) -> Diagnostic:
    for reason in REASONS:
        for text, source in lines:
            if (match := reason.pattern.search(text)) is not None:
                message = reason.message.format(prefix=prefix, where=_place(source), found=match.group(0))
                return Diagnostic(reason.code, reason.severity, message, source)
    written = [source for text, source in lines if text.strip()]
    if not written:
        return Diagnostic(NOTHING_READ, Severity.ERROR, prefix + "：文件只有空白", SourceRef(file))
    message = (
        prefix
        + f"：{_place(written[0])}至{_place(written[-1])}没有绩效指标表头（一级指标、三级指标、指标值）"
        "也没有提到绩效目标表，这不是绩效目标表"
    )
    return Diagnostic(NOTHING_READ, Severity.ERROR, message, written[0])


def _place(source: SourceRef) -> str:
    """Where a row stands, in words: 第3行, 第2页第5行, 工作表“Sheet1”的A3单元格."""
    if source.sheet is not None:
        return f"工作表“{source.sheet}”" + (f"的{source.cell}单元格" if source.cell else "")
    line = f"第{source.line}行" if source.line is not None else ""
    return (f"第{source.page}页" + line) if source.page is not None else (line or "文件中")
