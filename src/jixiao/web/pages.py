"""Pages anyone may open (what they show depends on who asks): dashboard, list, table, open data.

Login, logout and the account page are in `jixiao.web.account_pages`.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from jixiao.permissions import general
from jixiao.queries import MAX_PER_PAGE, OUTCOMES, SEVERITIES, SORT_KEYS, TableQuery
from jixiao.service import active_errors, documents_to_csv, review_base
from jixiao.web.filenames import content_disposition, file_name
from jixiao.web.layout import official_rows
from jixiao.web.security import current_principal, service_of
from jixiao.web.visitor_pages import visitor_page
from jixiao.workflow import Action, Principal, Status

router = APIRouter(include_in_schema=False)

PER_PAGE = 20


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Render a page template with the caller, their permissions and the CSRF token added."""
    principal = current_principal(request)
    waiting = 0  # 待办 in the header (not on error pages: the database may be what failed)
    if not principal.anonymous and status_code < 500 and name != "error.html":
        waiting = request.app.state.service.todo_count(principal)
    page: HTMLResponse = request.app.state.templates.TemplateResponse(
        request,
        name,
        {
            "me": principal,
            "may": general(principal),
            "csrf": request.state.csrf,
            "todo_count": waiting,
            **context,
        },
        status_code=status_code,
    )
    return page


def table_query(
    q: str = "",
    indicator: str = "",
    year: str = "",
    unit: str = "",
    project_type: Annotated[str, Query(alias="type")] = "",
    status: str = "",
    outcome: str = "",
    severity: str = "",
    sort: str = "updated",
    order: str = "desc",
    page: int = 1,
    per_page: int = PER_PAGE,
) -> TableQuery:
    """The list filters from the query string (shared by the page and its JSON twin)."""
    return TableQuery(
        q=q.strip(),
        indicator=indicator.strip(),
        year=int(year) if year.isdigit() else None,
        unit=unit,
        project_type=project_type,
        status=status if status in {s.value for s in Status} else "",
        outcome=outcome if outcome in OUTCOMES else "",
        severity=severity if severity in SEVERITIES else "",
        sort=sort if sort in SORT_KEYS else "updated",
        descending=order != "asc",
        page=max(page, 1),
        per_page=min(max(per_page, 1), MAX_PER_PAGE),
        everywhere=True,  # one search box: names, units and indicators at every level
    )


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, who: Principal = Depends(current_principal)) -> HTMLResponse:
    """The dashboard page of the tables the caller may see."""
    figures = service_of(request).dashboard(who)
    # the chart data goes into the page through `tojson`, which escapes <, > and & (never `|safe`)
    chart_data = json.loads(json.dumps(figures, default=str))
    return render(request, "dashboard.html", {"figures": figures, "chart_data": chart_data})


@router.get("/tables", response_class=HTMLResponse)
def table_list(
    request: Request, query: TableQuery = Depends(table_query), who: Principal = Depends(current_principal)
) -> Response:
    """The table list page: one page of the tables found, why each matched, and the filter options
    (a visitor's is made once for each state of the store: `jixiao.web.visitor_pages`)."""
    return visitor_page(request, who, lambda: _list_page(request, query, who))


def _list_page(request: Request, query: TableQuery, who: Principal) -> Response:
    service = service_of(request)
    rows, total = service.list_tables(who, query)
    matched = service.why_matched(rows, query.q, query.indicator)
    options = service.filter_options(who)
    pages = max((total + query.per_page - 1) // query.per_page, 1)
    params = {k: v for k, v in request.query_params.items() if k != "page"}
    return render(
        request,
        "list.html",
        {
            "rows": rows,
            "total": total,
            "query": query,
            "pages": pages,
            "options": options,
            "params": params,
            "matched": matched,
            "published": service.published_dashboard(),
        },
    )


@router.get("/tables/{table_id}", response_class=HTMLResponse)
def table_page(request: Request, table_id: int, who: Principal = Depends(current_principal)) -> Response:
    """The page of one table: the official layout, its findings, versions and workflow (a visitor's is
    made once for each state of the store)."""
    return visitor_page(
        request, who, lambda: render(request, "table.html", table_page_context(request, who, table_id))
    )


def table_page_context(request: Request, who: Principal, table_id: int) -> dict[str, Any]:
    """What the table page shows (also when a submission is refused and the page comes back)."""
    service = service_of(request)
    view = service.table_view(who, table_id)
    rows, unplaced = official_rows(view.table, view.findings)
    # who did what, for those who work on the table (visitors see the steps, not the people)
    actors = {} if who.anonymous else service.actor_labels()
    return {
        "me": who,
        "may": general(who),
        "csrf": request.state.csrf,
        "view": view,
        "rows": rows,
        "unplaced": unplaced,
        "t": view.table,
        "actors": actors,
        "can_withdraw": service.may_withdraw(who, view.row),
        "to_explain": active_errors(view.findings) if Action.SUBMIT in view.actions else [],
        "explanations": {},
        "submit_error": None,
        "selfevaluations": service.published_for_table(who, table_id),
        "peer_review": service.peer_review(view.table),  # JX-E…: stored peer statistics, looked up
        **review_notes_context(service, who, view),
    }


def review_notes_context(service: Any, who: Principal, view: Any) -> dict[str, Any]:
    """The table page's review notes: open comments by indicator place, last year's table and, for
    the unit, the tables it may be linked to; the problems of a refused note come later, if any."""
    table_id = view.row.id
    comments = service.indicator_comments(who, table_id) if view.sees_notes else []
    by_place: dict[str, list[dict[str, Any]]] = {}
    for item in comments:
        by_place.setdefault(item["place"], []).append(item)
    return {
        "comments": comments,
        "comments_by_place": by_place,
        "previous": None if who.anonymous else service.previous_table(who, table_id),
        "link_choices": service.link_choices(who, table_id) if view.may_link else [],
        "review_base": None if who.anonymous else _review_base(view),
        "comment_problem": None,
        "dismiss_problem": None,
        "link_problem": None,
    }


def _review_base(view: Any) -> str | None:
    """What 与上一版对比 compares the current version with, in words; None: nothing to compare."""
    base = review_base(view.versions, view.events, int(view.row.current_version))
    return None if base is None else f"{base[1]}（第 {base[0]} 版）"


OPEN_DATA_NAME = "已公开的绩效目标表"  # the open data's downloads: 已公开的绩效目标表.json / .csv


def _disposition(item: dict[str, Any], extension: str, table_id: int) -> str:
    """The same Chinese name as the Excel and PDF downloads: 项目名称_年度.json."""
    project = item["project"]
    stem = f"{project['name']}_{project['year']}" if project.get("year") else project["name"]
    return content_disposition(file_name(stem, extension), f"jixiao-table-{table_id}.{extension}")


@router.get("/tables/{table_id}/document.json")
def table_json(request: Request, table_id: int, who: Principal = Depends(current_principal)) -> Response:
    """Download one table as its JSON document (the export is audited)."""
    item = service_of(request).table_item(who, table_id)
    service_of(request).record_export(who, "json", [(item["id"], item["status"])], request.url.path)
    body = json.dumps(item, ensure_ascii=False, indent=2)
    return Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": _disposition(item, "json", table_id)},
    )


@router.get("/tables/{table_id}/document.csv")
def table_csv(request: Request, table_id: int, who: Principal = Depends(current_principal)) -> Response:
    """Download one table as CSV for Excel (the export is audited)."""
    item = service_of(request).table_item(who, table_id)
    service_of(request).record_export(who, "csv", [(item["id"], item["status"])], request.url.path)
    return Response(
        "\ufeff" + documents_to_csv([item]),  # BOM: Excel opens UTF-8 CSV correctly only with it
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": _disposition(item, "csv", table_id)},
    )


@router.get("/open-data", response_class=HTMLResponse)
def open_data(request: Request) -> HTMLResponse:
    """The open data page, with the number of published tables."""
    _, total = service_of(request).list_tables(
        current_principal(request), TableQuery(status="published", per_page=1)
    )
    return render(request, "open_data.html", {"published": total})


@router.get("/open-data/tables.json")
def open_data_json(request: Request) -> StreamingResponse:
    """All published tables as a JSON array of §6 documents, streamed."""
    service = service_of(request)

    def chunks() -> Any:
        yield "["
        for index, document in enumerate(service.published_documents()):
            yield ("," if index else "") + json.dumps(document, ensure_ascii=False)
        yield "]"

    return StreamingResponse(
        chunks(),
        media_type="application/json",
        headers={"Content-Disposition": content_disposition(f"{OPEN_DATA_NAME}.json", "published.json")},
    )


@router.get("/open-data/tables.csv")
def open_data_csv(request: Request) -> Response:
    """All published tables as one CSV file."""
    service = service_of(request)
    return Response(
        "\ufeff" + documents_to_csv(service.published_documents()),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition(f"{OPEN_DATA_NAME}.csv", "published.csv")},
    )
