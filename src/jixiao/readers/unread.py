"""Why a text gave no table: one diagnostic in Chinese that names the line it rests on.

A reader that finds nothing must not only say "没有找到": the user needs to know whether the file is a
self-evaluation or monitoring document (and which command reads it), a notice that only mentions the
target table (the table being an attachment), a table whose header was found but whose rows could not
be read, or text with no table at all. Each reason is one entry of `REASONS`, tried in order; the first
line that matches is cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.textforms import is_traditional, normalise_line

NOTHING_READ = "JX-R00"  # the same code as the file problems of readers.text: no table came out
OTHER_DOCUMENT = "JX-R10"  # a self-evaluation or monitoring document, not a target table

NOTHING_FOUND = "文件中没有找到项目绩效目标表"

_EVALUATE_HELP = "请用 jixiao evaluate-template 生成该项目的自评表模板，填好后用 jixiao evaluate 评分"
_MONITOR_HELP = "请用 jixiao monitor-template 生成监控表模板，填好后用 jixiao monitor 读取"


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason a text gives no target table: the pattern whose first match is cited, the code and
    severity of the diagnostic, and its message with ``{line}`` and ``{found}`` to fill in."""

    pattern: re.Pattern[str]
    code: str
    severity: Severity
    message: str


REASONS: tuple[Reason, ...] = (
    Reason(
        re.compile(r"(?:绩效)?(?:自评|自我评价)(?:结果|情况|的)?(?:表|报告)"),
        OTHER_DOCUMENT,
        Severity.WARNING,
        NOTHING_FOUND + "：第{line}行写有“{found}”，这是绩效自评材料，不是绩效目标表；" + _EVALUATE_HELP,
    ),
    Reason(
        re.compile(r"(?:绩效)?(?:运行监控|执行监控|绩效监控|监控情况)(?:表|报告)"),
        OTHER_DOCUMENT,
        Severity.WARNING,
        NOTHING_FOUND + "：第{line}行写有“{found}”，这是绩效监控材料，不是绩效目标表；" + _MONITOR_HELP,
    ),
    Reason(
        re.compile(r"[一二三]级指标|指标值|绩效指标"),
        NOTHING_READ,
        Severity.ERROR,
        NOTHING_FOUND + "：第{line}行有绩效指标表头（“{found}”），但其后没有能读成指标的行"
        "（没有一级、二级指标名称或指标值）；请核对原表，或提供原表格文件（Excel、Word 或网页）",
    ),
    Reason(
        re.compile(r"绩效目标(?:申报|批复)?表"),
        NOTHING_READ,
        Severity.ERROR,
        NOTHING_FOUND + "：只在第{line}行的正文中提到“{found}”，文件中没有这张表"
        "（表格可能在附件里）；请读取附件本身",
    ),
)


def why_nothing_read(text: str, file: str | None) -> Diagnostic:
    """The one diagnostic for a text from which no table was read, citing the line it rests on."""
    traditional = is_traditional(text)  # 績效自評表 is read as 绩效自评表
    lines = [normalise_line(line, traditional) for line in text.splitlines()]
    for reason in REASONS:
        for number, line in enumerate(lines, 1):
            if (match := reason.pattern.search(line)) is not None:
                message = reason.message.format(line=number, found=match.group(0))
                return Diagnostic(reason.code, reason.severity, message, SourceRef(file, number))
    written = [number for number, line in enumerate(lines, 1) if line.strip()]
    if not written:
        return Diagnostic(NOTHING_READ, Severity.ERROR, NOTHING_FOUND + "：文件只有空白", SourceRef(file))
    message = (
        NOTHING_FOUND + f"：第{written[0]}行至第{written[-1]}行没有绩效指标表头（一级指标、三级指标、指标值）"
        "也没有提到绩效目标表，这不是绩效目标表"
    )
    return Diagnostic(NOTHING_READ, Severity.ERROR, message, SourceRef(file, written[0]))
