"""Model → the open data format ``jixiao.table/1`` (product.md §6); `table_json_read` reads it back.

The shape is public and versioned: fields may be added, never changed. Numbers and money are
strings (``"2480691.00"``), never floats.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from jixiao.model import Indicator, Placeholder, SourceRef, Table, Target
from jixiao.values import number_text

FORMAT = "jixiao.table/1"


def source_to_dict(source: SourceRef) -> dict[str, Any]:
    """A source reference as a dict, keeping only the fields that are set."""
    fields = {"file": source.file, "line": source.line, "sheet": source.sheet, "cell": source.cell,
              "page": source.page}  # fmt: skip
    return {key: value for key, value in fields.items() if value is not None}


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else number_text(value)


def target_to_dict(target: Target) -> dict[str, Any]:
    """A target value (指标值) as a JSON-ready dict: raw text, kind, comparator, value, unit and extras."""
    data: dict[str, Any] = {
        "raw": target.raw,
        "kind": target.kind.value,
        "op": target.op.value if target.op is not None else None,
        "value": _decimal(target.value),
        "unit": target.unit,
    }
    extras = {
        "upper": _decimal(target.upper),
        "month": target.month,
        "day": target.day,
        "subject": target.subject,
        "note": target.note,
    }
    data.update({key: value for key, value in extras.items() if value is not None})
    if target.unit_from_name:
        data["unit_from_name"] = True
    return data


def indicator_to_dict(indicator: Indicator) -> dict[str, Any]:
    """An indicator as a JSON-ready dict: 一级/二级/三级 names, 中长期 and 年度 targets, source and weight."""
    data: dict[str, Any] = {
        "level1": indicator.level1,
        "level2": indicator.level2,
        "name": indicator.name,
        "period": target_to_dict(indicator.period),
        "annual": target_to_dict(indicator.annual),
        "source": source_to_dict(indicator.source),
    }
    if indicator.weight is not None:
        data["weight"] = _decimal(indicator.weight)
    if not indicator.baseline.is_empty:
        data["baseline"] = target_to_dict(indicator.baseline)
    if indicator.notes:
        data["notes"] = dict(indicator.notes)
    return data


def placeholder_to_dict(placeholder: Placeholder) -> dict[str, Any]:
    """An empty indicator slot (a 二级 without 三级) as a JSON-ready dict."""
    return {
        "level1": placeholder.level1,
        "level2": placeholder.level2,
        "source": source_to_dict(placeholder.source),
    }


def table_to_dict(table: Table) -> dict[str, Any]:
    """A whole 绩效目标表 as the JSON document of this format: project, goals, indicators, placeholders."""
    project = table.project
    data: dict[str, Any] = {
        "format": FORMAT,
        "project": {
            "name": project.name,
            "type": project.type,
            "level": project.level,
            "department": project.department,
            "unit": project.unit,
            "period": {"start": project.period_start, "end": project.period_end},
            "year": project.year,
            "budget": None if project.budget is None else f"{project.budget:.2f}",
            "budget_unit": project.budget_unit,
        },
        "goals": {"period": table.goals.period, "annual": table.goals.annual},
        "indicators": [indicator_to_dict(i) for i in table.indicators],
        "placeholders": [placeholder_to_dict(p) for p in table.placeholders],
        "source": _source_with_reading(table),
    }
    if project.total_funds is not None:
        data["project"]["total_funds"] = f"{project.total_funds:.2f}"
    return data


def _source_with_reading(table: Table) -> dict[str, Any]:
    """Where the table was read, and how sure the reading is (``confidence``, ``inferred``)."""
    data = source_to_dict(table.source)
    if table.reading is not None:
        data["confidence"] = _decimal(table.reading.confidence)
        if table.reading.inferred:
            data["inferred"] = list(table.reading.inferred)
    return data


def dumps_tables(tables: Iterable[Table], indent: int | None = 2) -> str:
    """A JSON list of tables, Chinese kept as is."""
    return json.dumps([table_to_dict(t) for t in tables], ensure_ascii=False, indent=indent)


def documents_to_json_chunks(documents: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Stored tables as one JSON array (each a jixiao.table/1 document plus ``id``, ``status`` and
    ``outcome``), a piece per table, so a download or export of any size streams."""
    yield "["
    for index, document in enumerate(documents):
        yield ("," if index else "") + json.dumps(document, ensure_ascii=False)
    yield "]\n"
