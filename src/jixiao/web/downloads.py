"""Downloads: one table, or every table the list shows for its filters, as xlsx, PDF, JSON or CSV.

Excel and PDF are the official layouts the service builds with `jixiao.writers.export` (the same
files `jixiao export` writes); JSON and CSV of a filtered set are the open data shapes (the
`/api/tables` items and one row per indicator), streamed so any number of tables can be downloaded.
Who may download what is exactly who may see what: the service's visibility rules, as on the pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse

from jixiao.formats.files import MEDIA_TYPES, ExportFormat
from jixiao.queries import TableQuery
from jixiao.service import (
    Invalid,
    NotFound,
    ServiceError,
    documents_to_csv_chunks,
    documents_to_json_chunks,
)
from jixiao.web.filenames import content_disposition, file_name
from jixiao.web.pages import table_query
from jixiao.web.security import current_principal, service_of
from jixiao.workflow import Principal, Status

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"])


def _format(name: str, problem: type[ServiceError] = NotFound) -> ExportFormat:
    try:
        return ExportFormat(name.lower())
    except ValueError:
        raise problem(f"不支持的下载格式“{name}”：可选 xlsx、pdf、json、csv") from None


def set_name(query: TableQuery, count: int | None = None) -> str:
    """A name saying which set was downloaded: 绩效目标表_2025年_某单位_已公开_17张."""
    parts = ["绩效目标表"]
    if query.year:
        parts.append(f"{query.year}年")
    parts.extend(part for part in (query.unit, query.project_type) if part)
    if query.status:
        parts.append(Status(query.status).label)
    if query.outcome:
        parts.append(f"审核结论{query.outcome}")
    if query.q:
        parts.append(f"含“{query.q}”")
    if count is not None:
        parts.append(f"{count}张")
    return "_".join(parts)


def _file(data: bytes, media_type: str, name: str, fallback: str) -> Response:
    return Response(
        data, media_type=media_type, headers={"Content-Disposition": content_disposition(name, fallback)}
    )


@router.get("/tables/download.{fmt}")
def download_list(
    request: Request,
    fmt: str,
    query: TableQuery = Depends(table_query),
    who: Principal = Depends(current_principal),
) -> Response:
    return export_set(request, _format(fmt), query, who)


@router.get("/tables/{table_id}/download.{fmt}")
def download_table(
    request: Request, table_id: int, fmt: str, who: Principal = Depends(current_principal)
) -> Response:
    kind = _format(fmt)
    service = service_of(request)
    if kind in (ExportFormat.JSON, ExportFormat.CSV):
        # one shape per document kind: the table's open data object, or its rows as in every CSV
        item = service.table_item(who, table_id)
        service.record_export(who, kind.value, [(item["id"], item["status"])], request.url.path)
        project = item["project"]
        stem = f"{project['name']}_{project['year']}" if project.get("year") else project["name"]
        if kind is ExportFormat.JSON:
            data = (json.dumps(item, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        else:
            data = ("\ufeff" + "".join(documents_to_csv_chunks([item]))).encode("utf-8")
        return _file(
            data, MEDIA_TYPES[kind], file_name(stem, kind.value), f"jixiao-table-{table_id}.{kind.value}"
        )
    row, exported = service.table_file(who, table_id, kind)
    name = file_name(f"{row.name}_{row.year}" if row.year else row.name, exported.extension)
    return _file(exported.data, exported.media_type, name, f"jixiao-table-{table_id}.{exported.extension}")


@api_router.get("/tables/export", summary="下载列表筛选出的全部表（xlsx、pdf、json、csv）")
def export_api(
    request: Request,
    fmt: str = Query("json", alias="format", description="xlsx、pdf、json 或 csv"),
    query: TableQuery = Depends(table_query),
    who: Principal = Depends(current_principal),
) -> Response:
    """Same filters as `/api/tables` (paging ignored). xlsx: one sheet per table and 指标清单;
    pdf: a title page, then each table; json: the `/api/tables` items; csv: one row per indicator.
    xlsx and pdf have a limit on the number of tables (400 with the reason when over)."""
    return export_set(request, _format(fmt, Invalid), query, who)


def export_set(request: Request, fmt: ExportFormat, query: TableQuery, who: Principal) -> Response:
    service = service_of(request)
    fallback = f"jixiao-tables.{fmt.value}"
    if fmt in (ExportFormat.XLSX, ExportFormat.PDF):
        count, exported = service.set_file(who, query, fmt)
        name = file_name(set_name(query, count), fmt.value)
        return _file(exported.data, exported.media_type, name, fallback)
    documents = service.export_documents(who, query)
    chunks = documents_to_json_chunks(documents) if fmt is ExportFormat.JSON else _csv_chunks(documents)
    return StreamingResponse(
        chunks,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": content_disposition(file_name(set_name(query), fmt.value), fallback)},
    )


def _csv_chunks(documents: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield "\ufeff"  # BOM: Excel opens UTF-8 CSV correctly only with it
    yield from documents_to_csv_chunks(documents)


__all__ = ["api_router", "content_disposition", "router"]
