"""`jixiao evaluation …`: monitoring and self-evaluation of tables stored in the database.

show / monitoring print what is stored (scores explained, lights); load / load-monitoring store a
filled xlsx template for a table, refusing it whole — every bad cell named, exit 1 — when any cell is
unusable. The operator of the command line acts as 管理员 (it holds the database itself).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from jixiao.cli.app import app
from jixiao.cli.common import EXIT_PROBLEM, EXIT_USAGE, err, out
from jixiao.cli.store import DbOption, JsonOption, _service
from jixiao.permissions import OPERATOR

evaluation_app = typer.Typer(
    help="数据库中表的运行监控与单位自评：查看、导入填好的模板", no_args_is_help=True
)
app.add_typer(evaluation_app, name="evaluation")

TableArg = Annotated[int, typer.Argument(help="表编号（见 jixiao 网页或 /api/tables）", show_default=False)]


def _call(work: Any) -> Any:
    """Run a service call; a user-caused problem becomes a Chinese message and an exit code."""
    from jixiao.service import InvalidInput, NotFound, ServiceError

    try:
        return work()
    except InvalidInput as why:
        for problem in why.problems:
            err.print(f"[red]错误[/red]：{problem.message}")
        err.print("未保存任何内容。")
        raise typer.Exit(EXIT_PROBLEM) from None
    except ServiceError as why:
        err.print(f"[red]错误[/red]：{why.message}")
        raise typer.Exit(EXIT_USAGE if isinstance(why, NotFound) else EXIT_PROBLEM) from None


@evaluation_app.command("show")
def show(table_id: TableArg, db: DbOption = None, as_json: JsonOption = False) -> None:
    """显示一张表已保存的单位自评：每项得分及计算说明、总分、等级。"""
    from jixiao.service import evaluation_json

    view = _call(lambda: _service(db).evaluation.evaluation(OPERATOR, table_id))
    if as_json:
        typer.echo(json.dumps(evaluation_json(view), ensure_ascii=False, indent=2))
        return
    result = view.result
    state = f"已保存（{view.updated_by or '—'}）" if view.stored else "尚未保存（以下为默认分值的空表）"
    out.print(f"{view.table.project.name}（{view.table.project.year}年度）单位自评：{state}")
    out.print(f"  预算执行 {result.budget.value}：{result.budget.explanation}")
    for scored in result.lines:
        out.print(
            f"  {scored.line.label} {scored.score.value}/{scored.score.weight}：{scored.score.explanation}"
        )
    out.print(f"{result.explanation}")
    for d in result.diagnostics:
        out.print(f"  [{d.severity.label}] {d.code} {d.message}")


@evaluation_app.command("monitoring")
def monitoring(
    table_id: TableArg,
    months: Annotated[int | None, typer.Option("--months", help="监控期间1–N月（默认最近一期）")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """显示一张表已保存的运行监控：执行进度指数和各指标红黄绿灯。"""
    from jixiao.service import monitoring_json

    view = _call(lambda: _service(db).evaluation.monitoring(OPERATOR, table_id, months))
    if as_json:
        typer.echo(json.dumps(monitoring_json(view), ensure_ascii=False, indent=2))
        return
    result = view.result
    state = "已保存" if view.stored else "尚未保存"
    out.print(f"{view.table.project.name} 1–{result.months}月运行监控（{state}）：总体{result.light.label}")
    out.print(f"  资金：{result.funds.explanation}")
    for lp in result.lines:
        out.print(f"  {lp.progress.light.label} {lp.line.label}：{lp.progress.explanation}")


def _load(table_id: int, file: Path, db: str | None, monitoring: bool) -> Any:
    if not file.exists():
        err.print(f"{file}: 错误：文件不存在")
        raise typer.Exit(EXIT_USAGE)
    service = _service(db).evaluation
    data = file.read_bytes()
    if monitoring:
        return _call(lambda: service.upload_monitoring_xlsx(OPERATOR, table_id, data, file.name))
    return _call(lambda: service.upload_evaluation_xlsx(OPERATOR, table_id, data, file.name))


@evaluation_app.command("load")
def load(
    table_id: TableArg,
    file: Annotated[Path, typer.Argument(help="填好的自评表模板（.xlsx）", show_default=False)],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """把填好的自评表模板存入该表：有任何单元格错误时整份不存，并指出单元格。"""
    view = _load(table_id, file, db, monitoring=False)
    if as_json:
        from jixiao.service import evaluation_json

        typer.echo(json.dumps(evaluation_json(view), ensure_ascii=False, indent=2))
    else:
        out.print(f"已保存：{view.result.explanation}")


@evaluation_app.command("load-monitoring")
def load_monitoring(
    table_id: TableArg,
    file: Annotated[Path, typer.Argument(help="填好的监控表模板（.xlsx）", show_default=False)],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """把填好的监控表模板存入该表：有任何单元格错误时整份不存，并指出单元格。"""
    view = _load(table_id, file, db, monitoring=True)
    if as_json:
        from jixiao.service import monitoring_json

        typer.echo(json.dumps(monitoring_json(view), ensure_ascii=False, indent=2))
    else:
        out.print(f"已保存1–{view.result.months}月运行监控：总体{view.result.light.label}")
