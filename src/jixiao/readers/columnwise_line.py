"""A column's values all on one line under their header (a column-by-column extraction): why
nothing was read, never a guess.

A PDF re-posted as text sometimes gives each column of the indicator block in turn: a line ``三级指标
名称1 名称2``, then ``年度目标值`` alone on its line with all the column's values on the next (``62 1.8
100%``). In a table extracted row by row the value header stands among the other headers. Which value
belongs to which name is then only a matter of position, and a cell wrapped or left empty shifts every
pairing after it, so nothing is read from such text: the reader says so, citing the line.
"""

from __future__ import annotations

import re

from jixiao.model import Diagnostic, Kind, Severity, SourceRef
from jixiao.readers import roles as column_roles
from jixiao.readers.labels import label_key
from jixiao.readers.runs import RUN_TOGETHER
from jixiao.values import parse_target

_VALUE_ROLES = (column_roles.ANNUAL, column_roles.PERIOD)
_SPACES = re.compile(r"\s+")


def why_column_by_column(text: str, file: str | None) -> list[Diagnostic]:
    """One warning where a value header stands alone on its line over a line of several values."""
    lines = text.splitlines()
    for number, line in enumerate(lines[:5000], 1):
        header = line.strip()
        if not header or len(header) > 12 or column_roles.role_of(label_key(header)) not in _VALUE_ROLES:
            continue
        following = next((ln.strip() for ln in lines[number : number + 2] if ln.strip()), "")
        values = _SPACES.split(following)
        if len(values) >= 2 and all(parse_target(v).kind is Kind.QUANTITATIVE for v in values):
            message = (
                f"第{number}行“{header}”单独成行，下一行是一列的多个指标值（{following}）："
                "表格是按列导出的，指标名称与指标值只能按位置对应，无法可靠对应，未读取指标；"
                "请提供原表格文件（Excel、Word 或网页）"
            )
            return [Diagnostic(RUN_TOGETHER, Severity.WARNING, message, SourceRef(file, number))]
    return []
