"""What the table list says beside each search result: where the words were found.

One search box looks in project names, units and indicators (names at every level and values), so
each result says which of them matched: ``项目名称``, or ``三级指标“学员满意度”``.
"""

from __future__ import annotations

from typing import Any

from jixiao.service import Service
from jixiao.store import search

MAX_NOTES = 3  # indicators named per table; the table page shows them all


def why_matched(service: Service, rows: list[dict[str, Any]], q: str, indicator: str = "") -> dict[int, str]:
    """``{table id: "项目名称；三级指标“…”"}`` for the rows of one list page."""
    if not rows or not (q or indicator):
        return {}
    ids = [row["id"] for row in rows]
    with service.engine.connect() as conn:
        by_q = search.matched_indicators(conn, ids, q) if q else {}
        by_indicator = search.matched_indicators(conn, ids, indicator) if indicator else {}
    notes: dict[int, str] = {}
    for row in rows:
        parts: list[str] = []
        if q and q.casefold() in (row.get("name") or "").casefold():
            parts.append("项目名称")
        if q and q.casefold() in (row.get("unit") or "").casefold():
            parts.append("用款单位")
        found = [*by_q.get(row["id"], []), *by_indicator.get(row["id"], [])]
        parts.extend(dict.fromkeys(found[:MAX_NOTES]))
        if len(found) > MAX_NOTES:
            parts.append(f"等 {len(found)} 项")
        if parts:
            notes[row["id"]] = "、".join(parts)
    return notes
