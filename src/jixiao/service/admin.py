"""Administration through the facade: users, organisations, the audit log read and exported, and the
rule profile of each year. Every method asks `jixiao.permissions.may_administer` first; every change
is audited in the same transaction as the change itself (an export of the audit log too).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from jixiao.model import Diagnostic, Severity
from jixiao.permissions import may_administer
from jixiao.service.accounts import AccountService
from jixiao.service.active_findings import settle
from jixiao.service.audit_names import AUDIT_ACTION_LABELS, action_label, entity_label
from jixiao.service.errors import Conflict, Forbidden, Invalid, NotFound
from jixiao.service.evaluation import EvaluationService
from jixiao.service.rule_profiles import (
    TABLE_RULES,
    default_settings,
    review_profile,
    review_with,
    reviewed_rows,
    settings_from_form,
)
from jixiao.store import admin as store
from jixiao.store import audit
from jixiao.store.accounts import UserRecord
from jixiao.store.admin import AuditFilter
from jixiao.store.document import table_from_dict
from jixiao.store.errors import Conflict as StoreConflict
from jixiao.store.tables import Reviewed, from_fen, summarise
from jixiao.workflow import Principal, Role

ACTION_LABELS = AUDIT_ACTION_LABELS  # the one registry: jixiao.service.audit_names
OUTCOME_LABELS = {"success": "成功", "failure": "失败", "denied": "拒绝"}
REASON_LABELS = {
    "unknown_user": "用户名不存在",
    "wrong_password": "密码错误",
    "throttled": "尝试过于频繁，已暂停",
    "disabled": "用户已停用",
    "demo_user": "演示用户不能登录正式服务",
    "wrong_current_password": "当前密码不正确",
}
CHINA = timezone(timedelta(hours=8))  # dates typed and times shown are Beijing time
ROLE_LABELS = {Role.FILLER.value: "填报人", Role.REVIEWER.value: "审核人", Role.ADMIN.value: "管理员"}
AUDIT_PAGE = 50
AUDIT_EXPORT_LIMIT = 100_000


def _day(text: str, field: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid(f"{field}“{text}”不是日期，请按 2026-01-31 的格式填写") from None


def audit_filter(username: str = "", action: str = "", outcome: str = "", since: str = "",
                 until: str = "") -> AuditFilter:  # fmt: skip
    """The filter of the audit page's fields (dates inclusive, Beijing time); `Invalid` for a bad date."""
    start, end = _day(since, "起始日期"), _day(until, "截止日期")
    if start and end and end < start:
        raise Invalid("截止日期早于起始日期")
    return AuditFilter(
        username=username.strip(),
        action=action.strip(),
        outcome=outcome.strip(),
        since=datetime(start.year, start.month, start.day, tzinfo=CHINA) if start else None,
        until=datetime(end.year, end.month, end.day, tzinfo=CHINA) + timedelta(days=1) if end else None,
    )


@dataclass(frozen=True, slots=True)
class AuditPage:
    """One page of the audit log: its rows, how many match, the page and the filter's choices."""

    entries: list[dict[str, Any]]
    total: int
    page: int
    pages: int
    actions: list[tuple[str, str]]


# the details an audit row's 说明 names, in this order; some actions call a key otherwise
_DETAIL_LABELS = {"username": "用户", "name": "名称", "year": "年度", "format": "格式", "target": "请求",
                  "place": "位置", "body": "意见", "message": "原因", "reason": "原因", "comment": "意见",
                  "rows": "条数"}  # fmt: skip
_DETAIL_LABELS_OF = {
    "dismiss": {"message": "审核发现", "reason": "理由"},
    "comment": {"comment": "意见编号"},
    "resolve": {"comment": "意见编号"},
}


def describe(entry: Mapping[str, Any]) -> str:
    """What an audit row is about, in words: the user it names, the table, or the request."""
    detail = entry.get("detail") or {}
    parts = []
    labels = _DETAIL_LABELS | _DETAIL_LABELS_OF.get(str(entry.get("action")), {})
    for key, label in labels.items():
        value = detail.get(key)
        if key == "reason" and isinstance(value, str):
            value = REASON_LABELS.get(value, value)
        if value not in (None, "", [], {}):
            shown = value if isinstance(value, (str, int)) else json.dumps(value, ensure_ascii=False)
            parts.append(f"{label}：{shown}")
    return "；".join(parts)


class AdminService(AccountService):
    """The administrator's pages: users, organisations, the audit log and the rule profiles."""

    def _require_admin(self, who: Principal) -> None:
        if not may_administer(who):
            raise Forbidden("只有管理员可以管理用户、单位、审计日志和审核配置")

    # ---- users -------------------------------------------------------------------------------

    def admin_users(self, who: Principal) -> list[UserRecord]:
        """Every user, for an administrator."""
        self._require_admin(who)
        return self.users()

    def admin_add_user(self, who: Principal, username: str, password: str, role: str, unit: str = "",
                       departments: Sequence[str] = ()) -> int:  # fmt: skip
        """Add a user (an administrator); `Invalid` with the reason when refused."""
        self._require_admin(who)
        return self.add_user(username, password, _role(role), unit.strip() or None,
                             [d.strip() for d in departments if d.strip()], by=who,
                             temporary=True)  # fmt: skip

    def admin_set_disabled(self, who: Principal, username: str, disabled: bool) -> None:
        """Disable or enable a user (not oneself)."""
        self._require_admin(who)
        self.set_user_disabled(username, disabled, by=who)

    def admin_reset_password(self, who: Principal, username: str, password: str) -> None:
        """Set a new password for a user; their sessions end, and they set their own at next login."""
        self._require_admin(who)
        self.set_password(username, password, by=who, temporary=True)

    def admin_set_role(self, who: Principal, username: str, role: str, unit: str = "",
                       departments: Sequence[str] = ()) -> UserRecord:  # fmt: skip
        """Change a user's role, unit and departments."""
        self._require_admin(who)
        if who.username == username.strip() and _role(role) is not Role.ADMIN:
            raise Invalid("不能取消自己的管理员角色")
        return self.set_user_role(username, _role(role), unit.strip() or None,
                                  [d.strip() for d in departments if d.strip()], by=who)  # fmt: skip

    # ---- organisations -------------------------------------------------------------------------

    def organisations(self, who: Principal) -> list[dict[str, Any]]:
        """Every 用款单位 and 主管部门 with what uses it."""
        self._require_admin(who)
        with self.engine.connect() as conn:
            return store.organisations(conn)

    def add_organisation(self, who: Principal, name: str) -> int:
        """A new 用款单位 or 主管部门 (it becomes one when a table or a user names it)."""
        self._require_admin(who)
        name = _org_name(name)
        try:
            with self.engine.begin() as conn:
                org_id = store.add_organisation(conn, name)
                audit.record(conn, who.user_id, "org_add", "org", org_id, {"name": name})
        except StoreConflict:
            raise Conflict(f"已有名为“{name}”的单位或部门") from None
        self._cache.clear()
        return org_id

    def rename_organisation(self, who: Principal, org_id: int, name: str) -> None:
        """Rename a 用款单位 or 主管部门: its tables and users follow (texts already typed stay)."""
        self._require_admin(who)
        name = _org_name(name)
        try:
            with self.engine.begin() as conn:
                old = store.rename_organisation(conn, org_id, name)
                if old is None:
                    raise NotFound(f"没有编号为 {org_id} 的单位或部门")
                audit.record(conn, who.user_id, "org_rename", "org", org_id, {"name": [old, name]})
        except StoreConflict:
            raise Conflict(f"已有名为“{name}”的单位或部门") from None
        self._cache.clear()

    # ---- the audit log -------------------------------------------------------------------------

    def audit_page(self, who: Principal, chosen: AuditFilter, page: int = 1) -> AuditPage:
        """One page of the audit log, newest first, filtered."""
        self._require_admin(who)
        page = max(page, 1)
        with self.engine.connect() as conn:
            rows, total = store.search_audit(conn, chosen, (page - 1) * AUDIT_PAGE, AUDIT_PAGE)
            actions = store.audit_actions(conn)
        known = sorted(set(actions) | set(ACTION_LABELS), key=lambda a: action_label(a))
        return AuditPage(
            entries=[
                {
                    **row,
                    "action_label": action_label(row["action"]),
                    "entity_label": entity_label(row["entity"]),
                    "about": describe(row),
                }
                for row in rows
            ],
            total=total,
            page=page,
            pages=max((total + AUDIT_PAGE - 1) // AUDIT_PAGE, 1),
            actions=[(a, action_label(a)) for a in known],
        )

    def audit_csv(self, who: Principal, chosen: AuditFilter) -> str:
        """The matching audit rows as CSV (UTF-8 with BOM for Excel); the export is itself audited."""
        self._require_admin(who)
        with self.engine.begin() as conn:
            rows, total = store.search_audit(conn, chosen, 0, AUDIT_EXPORT_LIMIT)
            detail = {"rows": total, "filter": {k: str(v) for k, v in vars_of(chosen).items() if v}}
            audit.record(conn, who.user_id, "audit_export", "audit", None, detail)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["序号", "时间（北京时间）", "用户", "来源", "操作", "结果", "对象", "说明", "内容"])
        for row in rows:
            user = row["username"] or (f"命令行 {row['actor']}" if row["actor"] else "系统")
            moment = row["created_at"].astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
            writer.writerow([
                row["seq"], moment, user, row["address"] or "",
                action_label(row["action"]), OUTCOME_LABELS.get(row["outcome"], row["outcome"]),
                f"{entity_label(row['entity'])} {row['entity_id'] or ''}".strip(), describe(row),
                json.dumps(row["detail"], ensure_ascii=False),
            ])  # fmt: skip
        return "\ufeff" + out.getvalue()

    # ---- rule profiles -------------------------------------------------------------------------

    def rule_profile_years(self, who: Principal) -> list[dict[str, Any]]:
        """The years with their own rule profile."""
        self._require_admin(who)
        with self.engine.connect() as conn:
            return store.profile_years(conn)

    def rule_profile(self, who: Principal, year: int) -> tuple[dict[str, Any], bool]:
        """The settings of ``year`` and whether they are the year's own (else the defaults)."""
        self._require_admin(who)
        _check_year(year)
        with self.engine.connect() as conn:
            settings = store.profile_settings(conn, year)
        return (settings, True) if settings is not None else (default_settings(), False)

    def set_rule_profile(self, who: Principal, year: int, form: Mapping[str, str]) -> ProfileApplied:
        """Store the year's settings from the form (`InvalidInput` naming each bad field), review that
        year's tables again by them and score its stored monitoring and self-evaluations again (the
        dashboard's lights and grades follow the new lines); what was done, counted."""
        self._require_admin(who)
        _check_year(year)
        settings = settings_from_form(form)
        profile = review_profile(settings, year)
        with self.engine.begin() as conn:
            before = store.profile_settings(conn, year)
            store.put_profile(conn, year, settings, who.user_id)
            count = 0
            for table_id, document in store.table_documents_of_year(conn, year):
                table = table_from_dict(document)
                stored = [
                    Diagnostic(code, Severity(sev), "") for code, sev in store.finding_codes(conn, table_id)
                ]
                again = review_with(Reviewed(table, stored), profile)
                summary = summarise(again.findings, table.project.budget, again.outcome)
                fields = {
                    "outcome": summary.outcome,
                    "outcome_reason": again.reason or None,
                    "errors": summary.errors,
                    "warnings": summary.warnings,
                    "infos": summary.infos,
                    "risk": summary.risk,
                }
                store.replace_review(conn, table_id, reviewed_rows(again), fields, sorted(TABLE_RULES))
                settle(conn, [table_id])
                count += 1
            rescored = EvaluationService(self.engine).rescore_year(conn, year)
            detail = {"year": year, "settings": [before, settings], "tables": count, **rescored}
            audit.record(conn, who.user_id, "profile", "profile", year, detail)
        self._cache.clear()
        return ProfileApplied(tables=count, **rescored)


@dataclass(frozen=True, slots=True)
class ProfileApplied:
    """What changing a year's rule profile did: tables reviewed again, stored monitoring reports and
    self-evaluations scored again, and how many of those now show another light, total or grade."""

    tables: int
    monitoring: int = 0
    monitoring_changed: int = 0
    evaluations: int = 0
    evaluations_changed: int = 0

    def message(self, year: int) -> str:
        """The administrator's confirmation, in Chinese."""
        text = f"已保存{year}年度的配置，并按新配置重新审核了{self.tables}张表"
        if self.monitoring or self.evaluations:
            text += (
                f"，重新计算了{self.monitoring}份运行监控（{self.monitoring_changed}份亮灯改变）"
                f"和{self.evaluations}份单位自评（{self.evaluations_changed}份得分或等级改变）"
            )
        return text


def vars_of(chosen: AuditFilter) -> dict[str, Any]:
    """The filter's fields by name."""
    return {name: getattr(chosen, name) for name in AuditFilter.__dataclass_fields__}


def _role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        raise Invalid(f"未知的角色“{text}”，可选：填报人、审核人、管理员") from None


def _org_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise Invalid("请填写单位或部门的名称")
    if len(name) > 200:
        raise Invalid("名称太长（最多200个字）")
    return name


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise Invalid(f"年度 {year} 不在 2000–2100 之间")


__all__ = ["ACTION_LABELS", "OUTCOME_LABELS", "ROLE_LABELS", "AdminService", "AuditPage", "action_label",
           "audit_filter", "from_fen"]  # fmt: skip
