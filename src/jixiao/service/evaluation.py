"""Monitoring (运行监控) and self-evaluation (单位自评) of stored tables: the part of the facade the web
and the CLI call, exposed as ``Service.evaluation``.

Who may do what (rules of the brief, not of the table workflow): the 填报人 of the table's 用款单位
enters monitoring data and year-end actuals; the 审核人 of its 主管部门 sees them and enters score
reductions with a reason; the 管理员 does everything; nobody else sees anything, even of a published
table. Every save is one transaction and stores nothing when any input is unusable; what is stored
is always re-scored by the scoring core with the profile in force.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Engine

from jixiao.evaluation.funds import FundsRow
from jixiao.evaluation.numbers import plain
from jixiao.evaluation.profiles import DEFAULT_PROFILE, PROFILES, Profile
from jixiao.evaluation.records import Adjustment
from jixiao.model import Severity, Table
from jixiao.permissions import Access, evaluation_access, evaluation_visibility
from jixiao.scoring.monitoring import monitor
from jixiao.scoring.selfeval import evaluate, lines_from_table, suggest_weights
from jixiao.service.errors import Conflict, Forbidden, InputProblem, Invalid, InvalidInput, NotFound
from jixiao.service.evaluation_files import EvaluationFiles
from jixiao.service.evaluation_input import (
    MonitoringInput,
    blank_funds,
    payload_of_record,
    read_adjustments,
    read_evaluation,
    read_monitoring,
)
from jixiao.service.evaluation_views import (
    EntryContext,
    EvaluationView,
    MonitoringView,
    funds_payload,
    funds_totals,
    match_items,
)
from jixiao.service.rule_profiles import monitoring_rules, scoring_profile
from jixiao.store import audit
from jixiao.store import evaluation_repo as repo
from jixiao.store import evaluation_rescore as rescore
from jixiao.store import listing as table_repo
from jixiao.store.admin import profile_settings
from jixiao.store.document import table_from_dict
from jixiao.store.errors import Conflict as StoreConflict
from jixiao.workflow import Principal


def _in_force(ctx: EntryContext, chosen: Profile) -> Profile:
    """The scheme chosen, with the weights and grade lines the administrator set for the table's year
    when the year's profile is built on that scheme (`jixiao.service.rule_profiles`)."""
    return ctx.scoring if ctx.scoring is not None and ctx.scoring.name == chosen.name else chosen


def _with_year_monitoring(read: MonitoringInput, ctx: EntryContext) -> MonitoringInput:
    """The report read with its scheme's lights, as the year's rule profile changed them (the
    thresholds and the checks switched off: `jixiao.service.rule_profiles.monitoring_rules`)."""
    rules = monitoring_rules(ctx.settings, read.profile.monitoring)
    if rules == read.profile.monitoring:
        return read
    return replace(read, profile=read.profile.with_changes(monitoring=rules))


class EvaluationService(EvaluationFiles):
    """Monitoring and self-evaluation over one database (see the module docstring for permissions)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ---- access ------------------------------------------------------------------------------

    def _context(self, conn: Connection, who: Principal, table_id: int) -> EntryContext:
        row = table_repo.get_table_row(conn, table_id)
        if row is None:
            raise NotFound(f"没有编号为 {table_id} 的表")
        access = evaluation_access(who, row.unit, row.department)
        if not access.view:
            raise Forbidden(
                "您无权查看这张表的运行监控和单位自评（仅限本单位填报人、主管部门审核人和管理员）"
            )
        return _entry_context(conn, table_id, row, access)

    # ---- after the year's rule profile changed ------------------------------------------------

    def rescore_year(self, conn: Connection, year: int) -> dict[str, int]:
        """Score every stored monitoring report and self-evaluation of ``year`` again by the year's
        profile as it now stands, inside the caller's transaction (the administrator's change of the
        profile); what the units typed stays. Counts of the reports scored and of those whose light,
        total or grade changed."""
        counts = {"monitoring": 0, "monitoring_changed": 0, "evaluations": 0, "evaluations_changed": 0}
        contexts: dict[int, EntryContext] = {}

        def context(table_id: int) -> EntryContext | None:
            if table_id not in contexts:
                row = table_repo.get_table_row(conn, table_id)
                if row is None:
                    return None
                contexts[table_id] = _entry_context(conn, table_id, row, Access(view=True))
            return contexts[table_id]

        for table_id, months in rescore.monitored_periods(conn, year):
            ctx = context(table_id)
            if ctx is None or ctx.year != year:
                continue
            payload, _, _ = self._stored_monitoring_payload(conn, ctx, table_id, months)
            read = _with_year_monitoring(read_monitoring(ctx.table, payload, DEFAULT_PROFILE), ctx)
            counts["monitoring"] += 1
            if rescore.rewrite_monitoring_lights(conn, table_id, year, monitor(read.snapshot, read.profile)):
                counts["monitoring_changed"] += 1
        for table_id in rescore.evaluated_tables(conn, year):
            ctx = context(table_id)
            stored = repo.load_evaluation(conn, table_id, year)
            if ctx is None or stored is None or ctx.year != year:
                continue
            funds = repo.load_funds(conn, table_id, year) or blank_funds(ctx.table)
            view = self._evaluation_view(
                table_id, ctx, _stored_evaluation_payload(ctx.table, stored, funds), stored.adjustments
            )
            counts["evaluations"] += 1
            if rescore.rewrite_evaluation_scores(conn, table_id, view.evaluation, view.result):
                counts["evaluations_changed"] += 1
        return counts

    # ---- monitoring --------------------------------------------------------------------------

    def _stored_monitoring_payload(
        self, conn: Connection, ctx: EntryContext, table_id: int, months: int | None
    ) -> tuple[dict[str, Any], bool, str | None]:
        funds = repo.load_funds(conn, table_id, ctx.year) or blank_funds(ctx.table)
        stored = repo.load_monitoring(conn, table_id, ctx.year, months)
        if stored is None:
            payload: dict[str, Any] = {
                "profile": DEFAULT_PROFILE.name,
                "months": str(months or DEFAULT_PROFILE.monitoring.months),
                "funds": funds_payload(funds, [FundsRow(row.label) for row in funds]),
                "expected_executed": "",
                "indicators": [{"name": i.name} for i in ctx.table.annual_indicators],
            }
            return payload, False, None
        items = [
            {
                "name": line.name,
                "current": line.current,
                "expected": line.expected,
                "likelihood": line.likelihood.value,
                "reason": line.reason,
                "measures": line.measures,
            }
            for line in stored.lines
        ]
        payload = {
            "profile": stored.profile,
            "months": str(stored.months),
            "funds": funds_payload(funds, stored.executed),
            "expected_executed": "" if stored.expected_executed is None else plain(stored.expected_executed),
            "indicators": match_items(ctx.table, items),
        }
        return payload, True, stored.updated_by

    def monitoring(self, who: Principal, table_id: int, months: int | None = None) -> MonitoringView:
        """The 运行监控 page of a table: the report of ``months`` (else the latest), scored, its periods."""
        with self.engine.connect() as conn:
            ctx = self._context(conn, who, table_id)
            payload, stored, by = self._stored_monitoring_payload(conn, ctx, table_id, months)
            periods = repo.monitoring_periods(conn, table_id, ctx.year)
        view = self._monitoring_view(table_id, ctx, payload)
        view.stored, view.periods, view.updated_by = stored, periods, by
        return view

    def _monitoring_view(
        self, table_id: int, ctx: EntryContext, payload: Mapping[str, Any]
    ) -> MonitoringView:
        read = _with_year_monitoring(read_monitoring(ctx.table, payload, DEFAULT_PROFILE), ctx)
        result = monitor(read.snapshot, read.profile)
        view = MonitoringView(
            table_id,
            ctx.row,
            ctx.table,
            ctx.access,
            read.profile,
            dict(payload),
            read.snapshot,
            result,
            read.problems,
        )
        view.totals = funds_totals(read.funds)
        return view

    def preview_monitoring(self, who: Principal, table_id: int, payload: Mapping[str, Any]) -> MonitoringView:
        """Lights for what is typed so far, stored nowhere (the live panel of the page)."""
        with self.engine.connect() as conn:
            ctx = self._context(conn, who, table_id)
        return self._monitoring_view(table_id, ctx, payload)

    def save_monitoring(self, who: Principal, table_id: int, payload: Mapping[str, Any]) -> MonitoringView:
        """Read, score and store a 运行监控 report (the unit's 填报人 or an administrator only)."""
        payload = _accept_record(payload)
        with self.engine.begin() as conn:
            ctx = self._context(conn, who, table_id)
            if not ctx.access.enter:
                raise Forbidden("只有本单位填报人（或管理员）可以填报运行监控")
            read = _with_year_monitoring(read_monitoring(ctx.table, payload, DEFAULT_PROFILE), ctx)
            result = monitor(read.snapshot, read.profile)
            problems = list(read.problems) + [
                InputProblem("", d.message)
                for d in result.diagnostics
                if d.severity is Severity.ERROR and not read.problems
            ]
            if problems:
                raise InvalidInput("运行监控数据有误", problems)
            repo.save_funds(conn, table_id, ctx.year, read.funds, keep_executed=True)
            with _concurrent_save():
                repo.save_monitoring(conn, table_id, ctx.year, read.funds, read.snapshot, result, who.user_id)
            audit.record(
                conn,
                who.user_id,
                "monitoring",
                "table",
                table_id,
                {"months": result.months, "light": result.light.value, "profile": result.profile},
            )
        return self.monitoring(who, table_id, result.months)

    # ---- self-evaluation ---------------------------------------------------------------------

    def _blank_evaluation_payload(
        self, ctx: EntryContext, funds: Sequence[FundsRow], profile: Profile
    ) -> dict[str, Any]:
        lines = suggest_weights(lines_from_table(ctx.table), profile)
        return {
            "profile": profile.name,
            "goal_actual": "",
            "funds_reason": "",
            "funds": funds_payload(funds),
            "indicators": [
                {"name": line.name, "weight": "" if line.weight is None else plain(line.weight)}
                for line in lines
            ],
        }

    def evaluation(self, who: Principal, table_id: int, profile: str | None = None) -> EvaluationView:
        """The 自评 page of a table: the stored self-evaluation, scored, or a blank one by the profile."""
        with self.engine.connect() as conn:
            ctx = self._context(conn, who, table_id)
            funds = repo.load_funds(conn, table_id, ctx.year) or blank_funds(ctx.table)
            stored = repo.load_evaluation(conn, table_id, ctx.year)
        if stored is None:
            chosen = _in_force(ctx, PROFILES.get(profile or "", ctx.scoring or DEFAULT_PROFILE))
            payload = self._blank_evaluation_payload(ctx, funds, chosen)
            return self._evaluation_view(table_id, ctx, payload, {})
        payload = _stored_evaluation_payload(ctx.table, stored, funds, profile)
        view = self._evaluation_view(table_id, ctx, payload, stored.adjustments)
        view.stored, view.updated_by = True, stored.updated_by
        return view

    def _evaluation_view(
        self,
        table_id: int,
        ctx: EntryContext,
        payload: Mapping[str, Any],
        adjustments: Mapping[int, Adjustment],
    ) -> EvaluationView:
        read = read_evaluation(ctx.table, payload, ctx.scoring or DEFAULT_PROFILE, adjustments)
        profile = _in_force(ctx, read.profile)
        result = evaluate(read.evaluation, profile)
        return EvaluationView(
            table_id,
            ctx.row,
            ctx.table,
            ctx.access,
            profile,
            dict(payload),
            read.evaluation,
            result,
            read.problems,
        )

    def preview_evaluation(self, who: Principal, table_id: int, payload: Mapping[str, Any]) -> EvaluationView:
        """Scores for what is typed so far, stored nowhere (the live panel of the page)."""
        with self.engine.connect() as conn:
            ctx = self._context(conn, who, table_id)
            stored = repo.load_evaluation(conn, table_id, ctx.year)
        return self._evaluation_view(table_id, ctx, payload, stored.adjustments if stored else {})

    def save_evaluation(self, who: Principal, table_id: int, payload: Mapping[str, Any]) -> EvaluationView:
        """Store the unit's 自评 (reviewer reductions already made are kept), scored by its profile."""
        payload = _accept_record(payload)
        with self.engine.begin() as conn:
            ctx = self._context(conn, who, table_id)
            if not ctx.access.enter:
                raise Forbidden("只有本单位填报人（或管理员）可以填报单位自评")
            stored = repo.load_evaluation(conn, table_id, ctx.year)
            view = self._evaluation_view(table_id, ctx, payload, stored.adjustments if stored else {})
            problems = list(view.problems) or [InputProblem("", d.message) for d in view.blocking]
            if problems:
                raise InvalidInput("单位自评数据有误", problems)
            self._store_evaluation(conn, who, table_id, ctx, view, "self_evaluation")
        # what was stored is exactly what was scored: no need to read it back
        view.stored, view.updated_by = True, who.username or None
        return view

    def _store_evaluation(
        self,
        conn: Connection,
        who: Principal,
        table_id: int,
        ctx: EntryContext,
        view: EvaluationView,
        action: str,
    ) -> None:
        evaluation, result = view.evaluation, view.result
        repo.save_funds(conn, table_id, ctx.year, evaluation.funds.rows)
        reviewers = repo.user_ids(conn, [line.adjustment.by for line in evaluation.lines if line.adjustment])
        with _concurrent_save():
            repo.save_evaluation(conn, table_id, evaluation, result, who.user_id, reviewers)
        audit.record(
            conn,
            who.user_id,
            action,
            "table",
            table_id,
            {"total": format(result.total, "f"), "grade": result.grade, "profile": result.profile},
        )

    def save_adjustments(
        self, who: Principal, table_id: int, items: Sequence[Mapping[str, Any]]
    ) -> EvaluationView:
        """审核人扣减 with reasons (rules.md §10: a cut only by a reviewer, never without a reason)."""
        with self.engine.begin() as conn:
            ctx = self._context(conn, who, table_id)
            if not ctx.access.adjust:
                raise Forbidden("只有主管部门审核人（或管理员）可以调整自评得分")
            stored = repo.load_evaluation(conn, table_id, ctx.year)
            if stored is None:
                raise NotFound("单位尚未填报自评，无法调整得分")
            funds = repo.load_funds(conn, table_id, ctx.year) or blank_funds(ctx.table)
            payload = _stored_evaluation_payload(ctx.table, stored, funds)
            base = self._evaluation_view(table_id, ctx, payload, stored.adjustments)
            changes, problems = read_adjustments(base.evaluation, items, who.username)
            if problems:
                raise InvalidInput("得分调整有误", problems)
            adjustments = {**stored.adjustments}
            for index, adjustment in changes.items():
                if adjustment is None:
                    adjustments.pop(index, None)
                else:
                    adjustments[index] = adjustment
            view = self._evaluation_view(table_id, ctx, payload, adjustments)
            self._store_evaluation(conn, who, table_id, ctx, view, "evaluation_adjust")
        return self.evaluation(who, table_id)

    def table_for_entry(self, who: Principal, table_id: int) -> Table:
        """The table, if ``who`` may enter its monitoring and self-evaluation (for uploads)."""
        with self.engine.connect() as conn:
            ctx = self._context(conn, who, table_id)
        if not ctx.access.enter:
            raise Forbidden("只有本单位填报人（或管理员）可以上传填报的模板")
        return ctx.table

    # ---- dashboard ---------------------------------------------------------------------------

    def dashboard(self, who: Principal) -> dict[str, Any] | None:
        """Lights and grades of the tables ``who`` may see here; None for visitors (they see none)."""
        scope = evaluation_visibility(who)
        if scope is None:
            return None
        with self.engine.connect() as conn:
            return repo.dashboard(conn, scope)


def _entry_context(conn: Connection, table_id: int, row: Any, access: Access) -> EntryContext:
    """The stored table's current version, its year and the year's profile, for ``access``."""
    table = table_from_dict(table_repo.get_document(conn, table_id) or {})
    year = table.project.year or row.year
    if not year:
        raise Invalid("这张表没有预算年度，无法填报运行监控和单位自评；请先在表中填写预算年度")
    settings = profile_settings(conn, int(year))
    scoring = None if settings is None else scoring_profile(settings)
    return EntryContext(row, table, int(year), access, scoring, settings)


def _stored_evaluation_payload(
    table: Table, stored: repo.StoredEvaluation, funds: Sequence[FundsRow], profile: str | None = None
) -> dict[str, Any]:
    """The stored self-evaluation as the page's payload (``profile`` when the user chose another)."""
    return {
        "profile": profile if profile in PROFILES else stored.profile,
        "goal_actual": stored.goal_actual,
        "funds_reason": stored.funds_reason,
        "funds": funds_payload(funds),
        "indicators": match_items(table, stored.items),
    }


def _accept_record(payload: Mapping[str, Any]) -> Mapping[str, Any]:
    """The scoring core's own JSON records (jixiao.selfeval/1, jixiao.monitoring/1) are accepted too."""
    if not payload.get("format"):
        return payload
    try:
        return payload_of_record(payload)
    except ValueError as why:
        raise Invalid(str(why)) from None


@contextmanager
def _concurrent_save() -> Iterator[None]:
    """Two people saving the same period or year at once: the second is told, nothing half-written."""
    try:
        yield
    except StoreConflict:
        raise Conflict("保存冲突：同一时间有人保存了同一期数据，您的内容未保存；请刷新后核对再保存") from None
