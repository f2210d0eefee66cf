"""Published 自评表 through the facade: stored when imported, read back beside their targets (issue 12).

A file recognised as published self-evaluations by content (`service.reading.audit_published`) is
stored here instead of as target tables: what each table printed, what the rules give and the
findings (the audit document), as public — they are published documents. Only those
`permissions.may_import_published_evaluation` allows may store them; everyone may read them.
A self-evaluation is linked on every read to the target table of the same project, unit and year
that the reader may see (`store.published.target_candidates`); unlinked otherwise.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection

from jixiao.evaluation.published import link_name
from jixiao.permissions import can_view, may_import_published_evaluation
from jixiao.queries import Visibility
from jixiao.service.base import ServiceBase, scope_of
from jixiao.service.errors import Forbidden, Invalid, NotFound
from jixiao.service.reading import FileReport
from jixiao.store import audit, listing
from jixiao.store import published as repo
from jixiao.workflow import ANONYMOUS, Principal
from jixiao.writers.fonts import MissingFontError
from jixiao.writers.published_audit import AuditSheet, audit_csv, audit_pdf, audit_xlsx

ARITHMETIC = "arithmetic"
FULL_MARKS = "JX-A21"
PER_PAGE = 20


def _cents(value: Any) -> int | None:
    try:
        return None if value in (None, "") else int((Decimal(str(value)) * 100).to_integral_value())
    except InvalidOperation:
        return None


def _base_name(value: Any) -> Any:
    if isinstance(value, list):
        return [_base_name(v) for v in value]
    return re.split(r"[\\/]", value)[-1] if isinstance(value, str) else value


def _base_names(value: Any) -> Any:
    """Where a file lay on the importer's disk is nobody's business: ``where``, ``file`` and a row's
    ``places`` keep the file's base name (``dir/a.xlsx:12`` → ``a.xlsx:12``)."""
    if isinstance(value, dict):
        placed = ("where", "file", "places")
        return {k: _base_name(v) if k in placed else _base_names(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_base_names(v) for v in value]
    return value


def record_of(document: dict[str, Any]) -> dict[str, Any]:
    """The stored columns of an audit document (`scoring.audit_report.audit_to_dict`)."""
    document = _base_names(document)
    published = document.get("published") or {}
    diagnostics = document.get("diagnostics") or []
    unit = document.get("unit") or document.get("department") or ""
    project_key, unit_key = link_name(document.get("project")), link_name(unit)
    year = document.get("year")
    key = "\x1f".join([project_key, unit_key, str(year or ""), document.get("form") or ""])

    return {
        "identity": hashlib.sha256(key.encode()).hexdigest(),
        "project": (document.get("project") or "（无名称）")[:300],
        "department": (document.get("department") or "")[:200],
        "unit": (document.get("unit") or "")[:200],
        "year": year,
        "form": document.get("form") or "",
        "file": (document.get("file") or "")[:300],
        "project_key": project_key[:300],
        "unit_key": unit_key[:200],
        "published_cents": _cents(published.get("total")),
        "computed_cents": _cents(document.get("total")),
        "published_grade": published.get("grade"),
        "computed_grade": document.get("grade"),
        "arithmetic": sum(1 for d in diagnostics if d.get("kind") == ARITHMETIC),
        "findings": len(diagnostics),
        "full_marks": any(d.get("code") == FULL_MARKS for d in diagnostics),
        "document": json.dumps(document, ensure_ascii=False),
    }


def _points(cents: int | None) -> str | None:
    return None if cents is None else f"{Decimal(cents) / 100:.2f}"


def summary_of(row: dict[str, Any]) -> dict[str, Any]:
    """A stored self-evaluation as a list row and JSON item: both totals, the difference, the counts."""
    published, computed = row.get("published_cents"), row.get("computed_cents")
    difference = None if published is None or computed is None else published - computed
    return {
        "id": row["id"],
        "project": row["project"],
        "department": row["department"],
        "unit": row["unit"],
        "year": row["year"],
        "form": row["form"],
        "published_total": _points(published),
        "computed_total": _points(computed),
        "difference": _points(difference),
        "published_grade": row["published_grade"],
        "computed_grade": row["computed_grade"],
        "arithmetic": row["arithmetic"],
        "findings": row["findings"],
        "full_marks": bool(row["full_marks"]),
        "inconsistent": row["arithmetic"] > 0,
    }


@dataclass
class PublishedView:
    """One stored published self-evaluation: its summary, rows with their findings, the linked table."""

    summary: dict[str, Any]
    document: dict[str, Any]
    funds: list[dict[str, Any]]
    rows: list[dict[str, Any]]
    total: dict[str, Any]  # the 总分 row: both totals and grades, the findings on it
    general: list[dict[str, Any]]  # findings on no one row (the total, the weights, the template)
    targets: list[dict[str, Any]] = field(default_factory=list)  # linked target tables one may see


def view_of(row: dict[str, Any], targets: list[dict[str, Any]] | None = None) -> PublishedView:
    """Lay the audit document out as rows: each printed row beside its recomputed score and findings."""
    document = row["document"]
    published = document.get("published") or {}
    diagnostics = list(document.get("diagnostics") or [])
    computed = document.get("indicators") or []
    placed: set[int] = set()

    def take(item: dict[str, Any], name: str | None = None) -> list[dict[str, Any]]:
        places = {item.get("where"), *(item.get("places") or [])} - {None}
        found = []
        for n, d in enumerate(diagnostics):
            if n in placed:
                continue
            if d.get("where") in places or (name and d.get("indicator") == name):
                placed.add(n)
                found.append(d)
        return found

    rows = []
    for n, item in enumerate(published.get("indicators") or []):
        mine = computed[n] if n < len(computed) else {}
        rows.append(
            {
                **item,
                "computed_weight": mine.get("weight"),
                "computed_score": mine.get("score"),
                "explanation": mine.get("explanation", ""),
                "findings": take(item, item.get("name")),
            }
        )
    funds = [{**f, "findings": take(f)} for f in published.get("funds") or []]
    total = {
        "published": published.get("total"),
        "computed": document.get("total"),
        "published_grade": published.get("grade"),
        "computed_grade": document.get("grade"),
        "findings": take({"where": published.get("total_where")}),
    }
    general = [d for n, d in enumerate(diagnostics) if n not in placed]
    return PublishedView(summary_of(row), document, funds, rows, total, general, targets or [])


def _published_figures(conn: Connection, _: Visibility) -> dict[str, Any]:
    figures = repo.counts(conn)
    departments = repo.full_marks_by_department(conn)
    for entry in departments:
        share = Decimal(entry["full_marks"] * 100) / entry["total"] if entry["total"] else Decimal(0)
        entry["share"] = f"{share:.1f}"
    return {**figures, "full_marks_by_department": departments}


class PublishedService(ServiceBase):
    """Store published self-evaluations and read them back."""

    def store_published(self, who: Principal, report: FileReport) -> FileReport:
        """Store the self-evaluations a file was recognised as holding (one transaction)."""
        with self.engine.begin() as conn:
            self.store_published_on(conn, who, report)
        self._cache.clear()
        return report

    def store_published_on(self, conn: Connection, who: Principal, report: FileReport) -> None:
        """`store_published` inside the caller's transaction (a bulk import stores several files in one)."""
        if not may_import_published_evaluation(who):
            raise Forbidden("已公开的项目支出绩效自评表只有管理员可以导入（它们按已公开资料存储）")
        for document in report.selfevaluations:
            record = record_of(document)
            saved = repo.save(conn, record, who.user_id)
            report.selfevaluation_ids.append(saved.id)
            detail = {"file": record["file"], "project": record["project"], "new": saved.created}
            audit.record(conn, who.user_id, "import", "published_evaluation", saved.id, detail)
            if saved.created:
                report.created += 1
            else:
                report.updated += 1

    def published_list(
        self, inconsistent: bool = False, department: str = "", page: int = 1, per_page: int = PER_PAGE
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of stored published self-evaluations (public), optionally only those not adding up."""
        with self.engine.connect() as conn:
            rows, total = repo.listing(conn, inconsistent, department, max(page, 1), per_page)
        return [summary_of(r) for r in rows], total

    def published_view(self, who: Principal, evaluation_id: int) -> PublishedView:
        """One stored published self-evaluation with the target tables ``who`` may see linked."""
        with self.engine.connect() as conn:
            row = repo.get(conn, evaluation_id)
            if row is None:
                raise NotFound(f"没有编号为 {evaluation_id} 的已公开自评表")
            found = repo.target_candidates(conn, row["year"], row["unit_key"], row["project_key"])
            targets = []
            for candidate in found:
                table_row = listing.get_table_row(conn, candidate["id"])
                if table_row is not None and can_view(who, scope_of(table_row)):
                    targets.append(candidate)
        return view_of(row, targets)

    def published_for_table(self, who: Principal, table_id: int) -> list[PublishedView]:
        """The published self-evaluations of a table ``who`` may see (same project, unit and year)."""
        with self.engine.connect() as conn:
            row = self._visible_row(conn, who, table_id)
            units = [row.unit or "", row.department or ""]
            found = repo.for_target(conn, row.name, units, row.year)
        return [view_of(r) for r in found]

    def published_dashboard(self) -> dict[str, Any]:
        """The dashboard's figures: how many do not add up; blanket full marks per department (public
        figures, the same for everyone: cached while no self-evaluation is stored, as `_cached`)."""
        figures: dict[str, Any] = self._cached("published", ANONYMOUS, _published_figures)
        return figures

    def published_items(self, limit: int = 10_000) -> list[dict[str, Any]]:
        """Every stored self-evaluation as open data: the summary and the whole audit document."""
        with self.engine.connect() as conn:
            rows = repo.every(conn, limit)
        return [{**summary_of(r), "document": r["document"]} for r in rows]


def _finding_text(findings: list[dict[str, Any]]) -> str:
    return "；".join(f"{d['code']} {d['message']}" for d in findings)


def _difference(published: Any, computed: Any) -> str:
    try:
        if published in (None, "") or computed in (None, ""):
            return ""
        difference = Decimal(str(published)) - Decimal(str(computed))
        return "" if difference == 0 else f"{difference:+.2f}"
    except InvalidOperation:
        return ""


def sheet_of(view: PublishedView) -> AuditSheet:
    """The view laid out for the xlsx, CSV and PDF downloads: each printed row with both scores."""
    s = view.summary
    document = view.document
    budget = document.get("budget") or {}
    published = document.get("published") or {}
    facts = (
        ("项目名称", s["project"]),
        ("主管部门", s["department"] or "—"),
        ("实施单位", s["unit"] or "—"),
        ("年度", str(s["year"] or "—")),
        ("发布总分 / 重算总分", f"{s['published_total'] or '—'} / {s['computed_total'] or '—'}"),
        ("发布等级 / 重算等级", f"{s['published_grade'] or '—'} / {s['computed_grade'] or '—'}"),
        ("评分方案", "；".join(document.get("choices") or [])),
        ("来源文件", document.get("file") or ""),
    )
    rows: list[tuple[str, ...]] = []
    for f in view.funds:
        is_total = f.get("total")
        score = f.get("score") or ""
        computed = (budget.get("score") or "") if is_total else ""
        rows.append(
            (
                "预算执行",
                "",
                "",
                f.get("label") or "",
                f.get("weight") or "",
                f"全年预算数 {f.get('budget') or '—'}",
                f"全年执行数 {f.get('executed') or '—'}",
                score,
                computed,
                _difference(score, computed) if is_total else "",
                _finding_text(f["findings"]),
            )
        )
    if not view.funds:
        rows.append(
            (
                "预算执行", "", "", "预算执行率", published.get("budget_weight") or "", "", "",
                published.get("budget_score") or "", budget.get("score") or "",
                _difference(published.get("budget_score"), budget.get("score")), "",
            )
        )  # fmt: skip
    for r in view.rows:
        rows.append(
            (
                "绩效指标",
                r.get("level1") or "",
                r.get("level2") or "",
                r.get("name") or "",
                r.get("weight") or r.get("computed_weight") or "",
                r.get("target") or "",
                r.get("actual") or "",
                r.get("score") or "",
                r.get("computed_score") or "",
                _difference(r.get("score"), r.get("computed_score")),
                _finding_text(r["findings"]),
            )
        )
    t = view.total
    rows.append(
        (
            "总分", "", "", "总分", "100", "", "", t["published"] or "", t["computed"] or "",
            _difference(t["published"], t["computed"]), _finding_text(t["findings"]),
        )
    )  # fmt: skip
    general = tuple(f"{d['code']} {d['message']}" for d in view.general)
    return AuditSheet(f"项目支出绩效自评表审核：{s['project']}", facts, tuple(rows), general)


class PublishedDownloads(PublishedService):
    """Downloads of stored published self-evaluations (public, like the pages)."""

    def published_file(self, who: Principal, evaluation_id: int, kind: str) -> tuple[bytes, str]:
        """One stored self-evaluation as ``xlsx``, ``pdf``, ``csv`` or ``json``; the bytes and a file name."""
        view = self.published_view(who, evaluation_id)
        name = f"自评表审核_{view.summary['project']}"[:80]
        if kind == "json":
            item = {**view.summary, "document": view.document}
            return json.dumps(item, ensure_ascii=False, indent=2).encode(), f"{name}.json"
        sheet = sheet_of(view)
        if kind == "csv":
            return audit_csv([sheet]), f"{name}.csv"
        if kind == "xlsx":
            return audit_xlsx(sheet), f"{name}.xlsx"
        if kind == "pdf":
            try:
                return audit_pdf(sheet), f"{name}.pdf"
            except MissingFontError as why:
                raise Invalid(why.message) from None
        raise NotFound(f"不支持的下载格式“{kind}”：可选 xlsx、pdf、json、csv")
