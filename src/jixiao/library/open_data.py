"""The 指标库 as open data, read back: the JSON (``jixiao.library-entries/1``), CSV and xlsx that
`jixiao library export` writes, turned into (code, status, fields) for requests. Pure.

The CSV and xlsx rows have the columns of `EXPORT_HEADER`, coded fields as their Chinese labels
(方向“正向”, 计算符号“≥”); here the labels go back to codes, lists written with “、” become lists
again, and a CSV cell that the export protected with a leading ``'`` (text starting with = + - @)
loses it. A row that cannot be read is a `OpenDataProblem` naming the file and the row.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jixiao.library.entries import DIRECTION_LABELS, VALUE_TYPE_LABELS
from jixiao.library.fields import ACCRUALS
from jixiao.library.suggest import OP_SYMBOLS

FORMAT = "jixiao.library-entries/1"
FORMATS = ("json", "csv", "xlsx")
EXPORT_HEADER = (
    "编号", "版本", "状态", "指标名称", "其他写法", "一级指标", "二级指标", "指标解释", "计算公式", "方向",
    "值类型", "单位", "计算符号", "参考值", "指标值设定依据", "参考值年度", "参考值来源", "评分规则",
    "数据来源", "取值方式", "项目类型", "支出功能分类", "行业关键词", "共性/个性", "归口", "有效期起",
    "有效期止", "来源", "使用表数", "使用单位数",
)  # fmt: skip
_TEXT_COLUMNS = {
    "指标名称": "name", "一级指标": "level1", "二级指标": "level2", "指标解释": "explanation",
    "计算公式": "formula", "单位": "unit", "评分规则": "scoring", "数据来源": "data_source",
    "共性/个性": "kind", "归口": "owner", "有效期起": "valid_from", "有效期止": "valid_to", "来源": "origin",
}  # fmt: skip
_LIST_COLUMNS = {"其他写法": "synonyms", "项目类型": "project_types", "支出功能分类": "functions",
                 "行业关键词": "keywords"}  # fmt: skip
_CODED = {  # column → (field, label → code)
    "方向": ("direction", {v: k for k, v in DIRECTION_LABELS.items()}),
    "值类型": ("value_type", {v: k for k, v in VALUE_TYPE_LABELS.items()}),
    "取值方式": ("accrual", {**{v: k for k, v in ACCRUALS.items()}, "未定": ""}),
}
_OPS = {v: k for k, v in OP_SYMBOLS.items()}


class OpenDataProblem(ValueError):
    """A file or row that is not the library's open data; the message is Chinese and says where."""


@dataclass(frozen=True, slots=True)
class OpenEntry:
    """One entry of an open-data file: its code (may be unknown here), status, fields and row."""

    code: str
    status: str
    fields: dict[str, Any]
    where: str  # 文件:行 (CSV, xlsx) or 文件#序号 (JSON)


def _cell(value: Any, csv_text: bool) -> str:
    text = "" if value is None else str(value).strip()
    if csv_text and len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        return text[1:]  # the export's protection against formulas, taken off
    return text


def fields_from_row(
    header: Sequence[str], row: Sequence[Any], where: str, csv_text: bool = False
) -> OpenEntry:
    """One CSV/xlsx row as an entry; the header names the columns (any order, unknown ones ignored)."""
    cells = {name: _cell(row[i] if i < len(row) else None, csv_text) for i, name in enumerate(header)}
    if not cells.get("指标名称"):
        raise OpenDataProblem(f"{where}：没有指标名称")
    fields: dict[str, Any] = {
        field: cells[column] for column, field in _TEXT_COLUMNS.items() if column in cells
    }
    for column, field in _LIST_COLUMNS.items():
        fields[field] = [w for w in cells.get(column, "").split("、") if w]
    for column, (field, codes) in _CODED.items():
        label = cells.get(column, "")
        if label not in codes:
            raise OpenDataProblem(f"{where}：{column}“{label}”无效，可选：{'、'.join(k for k in codes if k)}")
        fields[field] = codes[label]
    op = cells.get("计算符号", "")
    if op not in _OPS:
        raise OpenDataProblem(f"{where}：计算符号“{op}”无效")
    fields["reference"] = {
        "op": _OPS[op], "value": cells.get("参考值", ""), "basis": cells.get("指标值设定依据", ""),
        "year": cells.get("参考值年度", ""), "source": cells.get("参考值来源", ""),
    }  # fmt: skip
    return OpenEntry(cells.get("编号", "").upper(), cells.get("状态", ""), fields, where)


def _rows(header: Sequence[Any], rows: Sequence[Sequence[Any]], file: str, csv_text: bool) -> list[OpenEntry]:
    names = [_cell(h, False).lstrip("\ufeff") for h in header]
    if "指标名称" not in names or "编号" not in names:
        raise OpenDataProblem(f"{file}：第 1 行不是指标库的表头（应含“编号”“指标名称”等列）")
    return [
        fields_from_row(names, row, f"{file}:{n}", csv_text)
        for n, row in enumerate(rows, start=2)
        if any(_cell(c, False) for c in row)
    ]


def read_open_data(data: bytes, file: str) -> list[OpenEntry]:
    """The entries of an open-data file (JSON, CSV or xlsx by its extension)."""
    fmt = file.rsplit(".", 1)[-1].lower() if "." in file else ""
    if fmt not in FORMATS:
        raise OpenDataProblem(f"{file}：格式无法识别，应为 .json、.csv 或 .xlsx")
    if fmt == "json":
        try:
            document = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as why:
            raise OpenDataProblem(f"{file}：不是有效的 JSON（{why}）") from None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise OpenDataProblem(f"{file}：不是 {FORMAT} 格式的指标库")
        found = []
        for n, item in enumerate(document.get("entries") or [], start=1):
            if not isinstance(item, dict) or not isinstance(item.get("fields"), dict):
                raise OpenDataProblem(f"{file}#{n}：条目应含 fields 对象")
            code = str(item.get("code") or "").upper()
            found.append(OpenEntry(code, str(item.get("status") or ""), item["fields"], f"{file}#{n}"))
        return found
    if fmt == "csv":
        try:
            lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        except UnicodeDecodeError:
            raise OpenDataProblem(f"{file}：不是 UTF-8 编码的 CSV") from None
        if not lines:
            raise OpenDataProblem(f"{file}：文件是空的")
        return _rows(lines[0], lines[1:], file, csv_text=True)
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as why:  # openpyxl raises many kinds for a file that is not a workbook
        raise OpenDataProblem(f"{file}：无法作为 Excel 工作簿打开（{type(why).__name__}）") from None
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    if not table:
        raise OpenDataProblem(f"{file}：工作表是空的")
    return _rows(table[0], table[1:], file, csv_text=False)
