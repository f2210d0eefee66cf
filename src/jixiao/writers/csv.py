"""Tables → CSV for analysts: one row per indicator, the project's fields repeated on each row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from jixiao.model import Table, Target
from jixiao.values import number_text
from jixiao.workflow import Status
from jixiao.writers.cell_text import csv_row

COLUMNS = (
    "file", "line", "project", "type", "level", "department", "unit", "period_start", "period_end",
    "year", "budget", "level1", "level2", "indicator",
    "period_raw", "period_kind", "period_op", "period_value", "period_unit",
    "annual_raw", "annual_kind", "annual_op", "annual_value", "annual_unit",
    "budget_unit", "total_funds", "baseline_raw", "weight", "notes",
)  # fmt: skip


def _target_cells(target: Target) -> list[str]:
    return [
        target.raw,
        target.kind.value,
        target.op.value if target.op else "",
        number_text(target.value) if target.value is not None else "",
        target.unit or "",
    ]


def csv_rows(tables: Iterable[Table]) -> Iterable[list[str]]:
    """One CSV row per indicator: the project's cells, the indicator's, and where it was read."""
    for table in tables:
        p = table.project
        project_cells = [
            p.name, p.type or "", p.level or "", p.department or "", p.unit or "",
            str(p.period_start or ""), str(p.period_end or ""), str(p.year or ""),
            f"{p.budget:.2f}" if p.budget is not None else "",
        ]  # fmt: skip
        for ind in table.indicators:
            where = [ind.source.file or "", str(ind.source.line or "")]
            notes = "；".join(f"{label}：{text}" for label, text in ind.notes)
            extra = [
                p.budget_unit if p.budget is not None else "",
                f"{p.total_funds:.2f}" if p.total_funds is not None else "",
                ind.baseline.raw,
                number_text(ind.weight) if ind.weight is not None else "",
                notes,
            ]
            yield [*where, *project_cells, ind.level1, ind.level2, ind.name,
                   *_target_cells(ind.period), *_target_cells(ind.annual), *extra]  # fmt: skip


def write_csv(tables: Iterable[Table], header: bool = True) -> str:
    """The tables as CSV text with the header row (unless ``header`` is False), one row per indicator."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS)
    writer.writerows(csv_row(row) for row in csv_rows(tables))
    return out.getvalue()


# The open data CSV of stored tables (list download, one table's document.csv, /open-data/tables.csv).
DOCUMENT_COLUMNS = ["表编号", "项目名称", "项目类型", "主管部门", "用款单位", "年度", "预算金额(元)",
                    "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值", "状态"]  # fmt: skip


def _document_rows(document: Mapping[str, Any]) -> list[list[Any]]:
    project = document["project"]
    status = Status(document["status"]).label if "status" in document else ""
    return [
        [
            document.get("id", ""),
            project["name"],
            project["type"] or "",
            project["department"] or "",
            project["unit"] or "",
            project["year"] or "",
            project["budget"] or "",
            item["level1"],
            item["level2"],
            item["name"],
            item["period"]["raw"],
            item["annual"]["raw"],
            status,
        ]
        for item in document["indicators"]
    ]


def documents_to_csv(documents: Iterable[Mapping[str, Any]]) -> str:
    """One CSV row per indicator, with its table's project fields (open data download)."""
    return "".join(documents_to_csv_chunks(documents))


def documents_to_csv_chunks(documents: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """The same CSV as `documents_to_csv`, one piece per table, for streaming a large download."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(DOCUMENT_COLUMNS)
    for document in documents:
        writer.writerows(csv_row(row) for row in _document_rows(document))
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()
