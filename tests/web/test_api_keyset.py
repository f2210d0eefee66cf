"""`/api/tables?after=…`: keyset paging through the list in its default order (newest change first,
then id), on SQLite and PostgreSQL; the same tables in the same order as one big page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select, update

from jixiao.store.db import get_engine
from jixiao.store.schema import perf_tables


def test_reading_on_with_next_gives_every_table_once_in_order(app_factory: Any, seeded_url: str) -> None:
    with get_engine(seeded_url).begin() as conn:  # three distinct times, the rest tied: ids break ties
        for table_id, updated in conn.execute(select(perf_tables.c.id, perf_tables.c.updated_at)).all():
            moved = updated + timedelta(hours=table_id % 3)
            conn.execute(update(perf_tables).where(perf_tables.c.id == table_id).values(updated_at=moved))
    admin = app_factory("guanli")  # the seed is imported as drafts
    whole = admin.get("/api/tables?per_page=100").json()
    expected = [item["id"] for item in whole["items"]]
    assert len(expected) == whole["total"] > 10 and "next" not in whole
    seen: list[int] = []
    page = admin.get("/api/tables?per_page=4").json()
    for _ in range(10):  # 17 tables, 4 a page: 5 pages
        seen += [item["id"] for item in page["items"]]
        assert page["total"] == whole["total"]
        if "next" not in page:
            break
        page = admin.get(f"/api/tables?per_page=4&after={page['next']}").json()
    assert seen == expected


def test_a_cursor_that_is_not_one_is_refused_in_chinese(app_factory: Any) -> None:
    response = app_factory().get("/api/tables?after=2025-01-01")
    assert response.status_code == 400
    assert "after 参数不是上一页返回的 next" in response.json()["detail"]
