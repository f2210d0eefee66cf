"""Governing the 指标库: add / modify / retire requests, two approvals, versions, audit; open data out
and back in (an imported file files requests, which pass the same two approvals).

A request (by a 填报人 for their unit, a 审核人 or an administrator) proposes fields; it passes the
主管部门's approval and then 财政's (`jixiao.permissions.may_decide_library` says who), and only the
second approval changes the library — by adding a version, never by changing one. Every step is in
the audit log. Retiring adds a version too: the entry is no longer offered, and the tables that used
it keep their link to the version they used.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from jixiao.library.entries import entry_code
from jixiao.library.fields import EntryFields, FieldsProblem, fields_from_dict, fields_to_dict, merged
from jixiao.library.normalise import normalise_name
from jixiao.library.open_data import EXPORT_HEADER, FORMATS, OpenDataProblem, read_open_data
from jixiao.permissions import (
    LIBRARY_DEPARTMENT,
    LIBRARY_FINANCE,
    may_decide_library,
    may_request_library,
    may_see_library_requests,
)
from jixiao.service.base import ServiceBase
from jixiao.service.errors import Conflict, Forbidden, Invalid, NotFound
from jixiao.store import audit
from jixiao.store import library as store
from jixiao.workflow import Principal, Role

KINDS = {"add": "新增", "modify": "修改", "retire": "停用"}
REQUEST_STATUS = {
    "pending": "待部门审核",
    "department": "待财政审定",
    "approved": "已批准",
    "rejected": "已退回",
}
EXPORT_FORMATS = FORMATS


def _search(fields: EntryFields) -> dict[str, Any]:
    return {
        "name": fields.name[:300],
        "key": normalise_name(fields.name).key[:300] or fields.name[:300],
        "level1": fields.level1[:60],
        "level2": fields.level2[:60],
        "kind": fields.kind,
        "search_text": fields.search_text,
    }


class LibraryGovernance(ServiceBase):
    """Requests and approvals of 指标库 entries, and the library as open data."""

    def _current_fields(self, conn: Any, code: str) -> tuple[dict[str, Any], EntryFields]:
        head = store.get_head(conn, code)
        if head is None:
            raise NotFound(f"指标库中没有编号为 {code} 的条目")
        version = next(v for v in store.get_versions(conn, code) if v["number"] == head["version"])
        return head, fields_from_dict(version["fields"])

    def library_request(
        self, who: Principal, kind: str, code: str | None, fields: Any, reason: str = ""
    ) -> dict[str, Any]:
        """File a request; the stored request (pending the department's approval)."""
        if not may_request_library(who):
            raise Forbidden("您无权提出指标库申请（需登录为填报人、审核人或管理员）")
        if kind not in KINDS:
            raise Invalid(f"申请类型“{kind}”无效，可选：新增、修改、停用（add / modify / retire）")
        code = (code or "").strip().upper() or None
        with self.engine.begin() as conn:
            try:
                if kind == "add":
                    proposed = fields_from_dict({**(fields or {}), "origin": "申请"})
                else:
                    if code is None:
                        raise Invalid("请指明要修改或停用的条目编号")
                    head, current = self._current_fields(conn, code)
                    if head["status"] == "retired":
                        raise Invalid(f"条目 {code} 已停用，不能再{KINDS[kind]}")
                    proposed = merged(current, fields or {}) if kind == "modify" else current
            except FieldsProblem as why:
                raise Invalid(str(why)) from None
            department = None
            if who.role is Role.FILLER and who.unit:
                department = store.department_of_unit(conn, who.unit) or who.unit
            elif who.role is Role.REVIEWER and who.departments:
                department = who.departments[0]
            values = {
                "kind": kind,
                "code": code,
                "fields": json.dumps(fields_to_dict(proposed), ensure_ascii=False),
                "reason": reason.strip()[:2000],
                "unit": who.unit,
                "department": department,
                "requested_by": who.user_id,
            }
            request_id = store.add_request(conn, values)
            detail = {"kind": kind, "code": code, "name": proposed.name, "department": department}
            audit.record(conn, who.user_id, "library_request", "library_request", request_id, detail)
            request = store.get_request(conn, request_id)
        assert request is not None
        return _request_view(request)

    def library_requests(self, who: Principal, status: str = "open") -> list[dict[str, Any]]:
        """Requests: the approval queue for 审核人 and administrators, one's own for a 填报人."""
        statuses = ("pending", "department") if status == "open" else (status,)
        if status not in ("open", *REQUEST_STATUS):
            raise Invalid(f"申请状态“{status}”无效")
        mine = None
        if not may_see_library_requests(who):
            if who.role is None:
                raise Forbidden("请先登录")
            mine = who.user_id
        with self.engine.connect() as conn:
            rows = store.list_requests(conn, statuses, mine)
        views = [_request_view(r) for r in rows]
        for view, row in zip(views, rows, strict=True):
            stage = LIBRARY_DEPARTMENT if row["status"] == "pending" else LIBRARY_FINANCE
            view["may_decide"] = row["status"] in ("pending", "department") and may_decide_library(
                who, stage, row["department"], row["requested_by"], row["department_by"]
            )
        return views

    def library_decide(
        self, who: Principal, request_id: int, approve: bool, comment: str = ""
    ) -> dict[str, Any]:
        """Approve or reject a request at its stage; the second approval adds the entry's new version."""
        with self.engine.begin() as conn:
            request = store.get_request(conn, request_id)
            if request is None:
                raise NotFound(f"没有编号为 {request_id} 的指标库申请")
            status = request["status"]
            if status not in ("pending", "department"):
                raise Invalid(f"这项申请已{REQUEST_STATUS.get(status, status)}，不能再审批")
            stage = LIBRARY_DEPARTMENT if status == "pending" else LIBRARY_FINANCE
            if not may_decide_library(
                who, stage, request["department"], request["requested_by"], request["department_by"]
            ):
                raise Forbidden(
                    "您无权审批这项申请（部门审核由申请单位的主管部门审核人进行，财政审定由管理员进行，"
                    "申请人不能审批自己的申请，同一人不能完成两级审批）"
                )
            stamp = datetime.now(UTC)
            values: dict[str, Any] = {"comment": comment.strip()[:2000] or None}
            if not approve:
                values["status"] = "rejected"
            elif stage == LIBRARY_DEPARTMENT:
                values.update(status="department", department_by=who.user_id, department_at=stamp)
            else:
                values.update(status="approved", finance_by=who.user_id, finance_at=stamp)
                code, number = self._apply(conn, who, request)
                values.update(code=code, version=number)
            if not store.move_request(conn, request_id, status, values):
                raise Conflict("这项申请刚被别人审批过，请刷新后再看")
            action = "library_approve" if approve else "library_reject"
            detail = {
                "stage": stage,
                "code": values.get("code", request["code"]),
                "version": values.get("version"),
                "comment": values["comment"],
            }
            audit.record(conn, who.user_id, action, "library_request", request_id, detail)
            done = store.get_request(conn, request_id)
        assert done is not None
        return _request_view(done)

    def _apply(self, conn: Any, who: Principal, request: dict[str, Any]) -> tuple[str, int]:
        fields = fields_from_dict(request["fields"])
        kind = request["kind"]
        if kind == "add":
            code = entry_code(normalise_name(fields.name).key or fields.name)
            head = store.get_head(conn, code)
            if head is not None and head["status"] != "draft":
                raise Conflict(f"指标库中已有同名条目 {code}（{head['name']}），请改为提出修改申请")
        else:
            code = request["code"]
        status = "active"
        if kind == "retire":
            status = "retired"
            today = datetime.now(UTC).date().isoformat()
            fields = fields_from_dict({**fields_to_dict(fields), "valid_to": fields.valid_to or today})
            if fields.valid_from and fields.valid_to < fields.valid_from:
                fields = fields_from_dict({**fields_to_dict(fields), "valid_to": fields.valid_from})
        number = store.add_version(
            conn, code, status, fields_to_dict(fields), _search(fields), who.user_id, request["id"]
        )
        return code, number

    def library_export(self, fmt: str, status: str = "") -> tuple[bytes, str]:
        """The library as open data: JSON, CSV or xlsx bytes and the media type (text stays text)."""
        if fmt not in EXPORT_FORMATS:
            raise Invalid(f"导出格式“{fmt}”无效，可选：{'、'.join(EXPORT_FORMATS)}")
        statuses = (status,) if status in ("draft", "active", "retired") else ("draft", "active", "retired")
        with self.engine.connect() as conn:
            rows = list(store.all_current(conn, statuses))
        if fmt == "json":
            entries = [
                {"code": r["code"], "version": r["version"], "status": r["status"], "tables": r["tables"],
                 "publishers": r["publishers"], "fields": r["fields"]}
                for r in rows
            ]  # fmt: skip
            data = {"format": "jixiao.library-entries/1", "entries": entries}
            return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), "application/json"
        from jixiao.writers.library_export import rows_to_csv, rows_to_xlsx

        cells = [_export_row(r) for r in rows]
        if fmt == "csv":
            return rows_to_csv(EXPORT_HEADER, cells).encode("utf-8"), "text/csv; charset=utf-8"
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return rows_to_xlsx(EXPORT_HEADER, cells), media

    def library_import(self, who: Principal, data: bytes, file: str) -> dict[str, Any]:
        """Read open data (JSON, CSV, xlsx as exported) and file one request per entry that differs here:
        新增 for an unknown entry, 修改 for changed fields, 停用 for one retired in the file. Nothing
        changes until each request passes both approvals; unchanged entries are counted, not filed."""
        if not may_request_library(who):
            raise Forbidden("您无权提出指标库申请（需登录为填报人、审核人或管理员）")
        try:
            entries = read_open_data(data, file)
        except OpenDataProblem as why:
            raise Invalid(str(why)) from None
        planned: list[tuple[str, str | None, dict[str, Any], str]] = []
        unchanged = 0
        for entry in entries:  # every row is checked before any request is filed
            with self.engine.connect() as conn:
                head = store.get_head(conn, entry.code) if entry.code else None
                current = self._current_fields(conn, entry.code)[1] if head is not None else None
            try:
                if head is None or current is None:
                    fields_from_dict(entry.fields)
                    planned.append(("add", None, entry.fields, entry.where))
                elif head["status"] == "retired":
                    unchanged += 1  # retired here: a curator decides, not a file
                elif entry.status == "retired":
                    planned.append(("retire", entry.code, {}, entry.where))
                elif fields_to_dict(merged(current, entry.fields)) == fields_to_dict(current):
                    unchanged += 1
                else:
                    planned.append(("modify", entry.code, entry.fields, entry.where))
            except FieldsProblem as why:
                raise Invalid(f"{entry.where}：{why}") from None
        filed: dict[str, list[int]] = {"add": [], "modify": [], "retire": []}
        for kind, code, changes, where in planned:
            filed[kind].append(self.library_request(who, kind, code, changes, f"开放数据导入：{where}")["id"])
        return {
            "file": file,
            "entries": len(entries),
            "unchanged": unchanged,
            "requests": {kind: ids for kind, ids in filed.items()},
        }


def _export_row(row: dict[str, Any]) -> list[Any]:
    f = fields_from_dict(row["fields"])
    labels = f.labels()
    ref = f.reference
    return [
        row["code"], row["version"], row["status"], f.name, "、".join(f.synonyms), f.level1, f.level2,
        f.explanation, f.formula, labels["direction"], labels["value_type"], f.unit, labels["op"], ref.value,
        ref.basis, ref.year or "", ref.source, f.scoring, f.data_source, labels["accrual"],
        "、".join(f.project_types), "、".join(f.functions), "、".join(f.keywords), f.kind, f.owner,
        f.valid_from, f.valid_to, f.origin, row["tables"], row["publishers"],
    ]  # fmt: skip


def _request_view(row: dict[str, Any]) -> dict[str, Any]:
    stamp = row.get("requested_at")
    return {
        "id": row["id"],
        "kind": row["kind"],
        "kind_label": KINDS.get(row["kind"], row["kind"]),
        "code": row["code"],
        "name": row["fields"].get("name", ""),
        "fields": row["fields"],
        "reason": row["reason"],
        "status": row["status"],
        "status_label": REQUEST_STATUS.get(row["status"], row["status"]),
        "unit": row["unit"],
        "department": row["department"],
        "requester": row.get("requester"),
        "requested_at": stamp.isoformat() if stamp else None,
        "comment": row["comment"],
        "version": row["version"],
    }
