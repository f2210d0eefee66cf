"""`jixiao evaluate` and `jixiao evaluate-template`: the year-end self-evaluation on the command line.

evaluate-template TABLE → the 自评表 template (xlsx) of one table, pre-filled with its 年度 targets;
evaluate FILE.xlsx → the filled template scored by the profile's rules, every score explained.
Bad input is reported cell by cell and nothing is written (exit 1).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table as RichTable

from jixiao.cli.app import app
from jixiao.cli.common import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, err, out, print_diagnostics, read_one
from jixiao.model import Severity, Table
from jixiao.pipeline import (
    PROFILES,
    EvaluationResult,
    MissingFontError,
    Profile,
    SelfEvaluation,
    evaluation_from_table,
    money,
    plain,
    read_selfeval_xlsx,
    result_to_dict,
    table_key,
    write_selfeval_xlsx,
)
from jixiao.pipeline import evaluate as score_evaluation
from jixiao.pipeline import is_jixiao_form as _is_jixiao_form

ProfileOption = Annotated[
    str | None,
    typer.Option("--profile", "-p", help=f"评分方案：{'、'.join(PROFILES)}（默认取模板中的方案）"),
]


def profile_named(name: str | None, default: str = "central") -> Profile:
    """The scoring profile of that name (default when None); an unknown name ends with exit code 2."""
    chosen = name or default
    if chosen not in PROFILES:
        err.print(f"错误：未知的评分方案“{chosen}”，可用：{'、'.join(PROFILES)}")
        raise typer.Exit(EXIT_USAGE)
    return PROFILES[chosen]


def tables_of(path: str) -> list[Table]:
    """The 绩效目标表 of one file, its errors printed; a missing file or a jixiao 自评表 template exits 2."""
    if not Path(path).exists():
        err.print(f"{path}: 错误：文件不存在")
        raise typer.Exit(EXIT_USAGE)
    if _is_jixiao_form(Path(path)):
        err.print(f"{path}: 错误：这是 jixiao 的自评表或监控表模板，不是绩效目标表；请给出目标表文件")
        raise typer.Exit(EXIT_USAGE)
    tables, diagnostics = read_one(path)
    print_diagnostics([d for d in diagnostics if d.severity is Severity.ERROR])
    if not tables:
        err.print(f"{path}: 错误：没有读到绩效目标表")
        raise typer.Exit(EXIT_PROBLEM)
    return tables


def pick_table(table_file: str, project: str | None) -> Table:
    """The one table of the file, or the one whose name contains ``project``; else a usage error."""
    every = tables_of(table_file)
    tables = every if project is None else [t for t in every if project in t.project.name]
    if len(tables) != 1:
        names = "、".join(t.project.name for t in every)
        what = "没有名称包含该文字的项目" if not tables else "文件中有多张表"
        err.print(f"错误：{what}，请用 --project 指定其一：{names}")
        raise typer.Exit(EXIT_USAGE)
    return tables[0]


@app.command("evaluate-template")
def evaluate_template(
    table_file: Annotated[str, typer.Argument(help="绩效目标表文件（文本、xlsx 等）", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="写入的自评表模板（.xlsx）")],
    project: Annotated[
        str | None, typer.Option("--project", help="项目名称（文件中有多张表时必填，可写部分名称）")
    ] = None,
    profile: ProfileOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出结果摘要")] = False,
) -> None:
    """下载自评表模板：按绩效目标表的年度指标预填，单位填写完成值后用 evaluate 评分。"""
    chosen = profile_named(profile)
    table = pick_table(table_file, project)
    evaluation = evaluation_from_table(table, chosen)
    try:
        write_selfeval_xlsx(evaluation, chosen, output)
    except OSError as exc:
        err.print(f"{output}: 错误：无法写入（{exc.strerror}）")
        raise typer.Exit(EXIT_PROBLEM) from exc
    summary = {
        "project": table.project.name,
        "profile": chosen.name,
        "indicators": len(evaluation.lines),
        "table_key": evaluation.table_key,
        "output": str(output),
    }
    if as_json:
        out.print_json(json.dumps(summary, ensure_ascii=False))
    else:
        out.print(
            f"已写入 {output}：{table.project.name}，"
            f"{len(evaluation.lines)}个年度指标，评分方案 {chosen.name}"
        )


@app.command()
def evaluate(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="填好的自评表模板（.xlsx），或已公开的项目支出绩效自评表（文本、xlsx，可多个）：重算并列出问题",
            show_default=False,
        ),
    ],
    profile: ProfileOption = None,
    table_file: Annotated[
        str | None, typer.Option("--table", help="核对模板属于该文件中的绩效目标表")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写出已评分的自评表（.xlsx）")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="写出自评报告初稿（.docx）")] = None,
    pdf: Annotated[Path | None, typer.Option("--pdf", help="写出已评分的自评表（.pdf）")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出评分结果")] = False,
) -> None:
    """按评分规则为填好的自评表打分：每项得分附计算说明，列出问题；有错误时不写任何文件。

    也可审核已公开的自评表（一个或多个文件）：按版式对应的评分方案重算，指出表中数字不符之处。
    """
    for path in files:
        if not path.exists():
            err.print(f"{path}: 错误：文件不存在")
            raise typer.Exit(EXIT_USAGE)
    if profile is not None:
        profile_named(profile)
    if len(files) > 1 or not _is_jixiao_form(files[0]):
        if table_file is not None or output is not None or report is not None or pdf is not None:
            err.print(
                "错误：--table、-o、--report、--pdf 只用于 jixiao 自评表模板；审核已公开的自评表不写文件"
            )
            raise typer.Exit(EXIT_USAGE)
        from jixiao.cli.audit import audit_files

        audit_files(files, profile, as_json)
    file = files[0]
    expected = None
    if table_file is not None:
        keys = {table_key(t): t for t in tables_of(table_file)}
        first = read_selfeval_xlsx(file)
        key = first.evaluation.table_key if first.evaluation else None
        expected = key if key in keys else "—"
    upload = read_selfeval_xlsx(file, expected)
    print_diagnostics(upload.diagnostics)
    if upload.evaluation is None or upload.has_errors:
        err.print("自评表有错误，未评分，也未写出任何文件。请按上面的单元格位置修改后重新提交。")
        raise typer.Exit(EXIT_PROBLEM)
    chosen = profile_named(profile, upload.profile)
    result = score_evaluation(upload.evaluation, chosen)
    print_diagnostics(result.diagnostics)
    if as_json:
        out.print_json(json.dumps(result_to_dict(result, upload.evaluation.project), ensure_ascii=False))
    else:
        _print_result(upload.evaluation.project, result)
    if result.has_errors:
        err.print("评分发现错误（见上），未写出文件。")
        raise typer.Exit(EXIT_PROBLEM)
    _write_outputs(upload.evaluation, chosen, result, output, report, pdf)
    raise typer.Exit(EXIT_OK)


def _write_outputs(
    evaluation: SelfEvaluation,
    profile: Profile,
    result: EvaluationResult,
    output: Path | None,
    report: Path | None,
    pdf: Path | None,
) -> None:
    try:
        if output is not None:
            write_selfeval_xlsx(evaluation, profile, output, result)
            err.print(f"已写入 {output}")
        if report is not None:
            from jixiao.pipeline import write_selfeval_report

            write_selfeval_report(evaluation, profile, result, report)
            err.print(f"已写入 {report}")
        if pdf is not None:
            from jixiao.pipeline import write_selfeval_pdf

            write_selfeval_pdf(evaluation, profile, result, pdf)
            err.print(f"已写入 {pdf}")
    except OSError as exc:
        err.print(f"错误：无法写入（{exc.strerror}）")
        raise typer.Exit(EXIT_PROBLEM) from exc
    except MissingFontError as exc:
        err.print(f"错误：{exc.message}")
        raise typer.Exit(EXIT_PROBLEM) from None


def _print_result(project: str, result: EvaluationResult) -> None:
    table = RichTable(title=f"{project} 自评得分（{result.profile}）", show_lines=False)
    for header in ("指标", "分值", "得分", "计分说明"):
        table.add_column(header, overflow="fold")
    budget = result.budget
    table.add_row("预算执行率", plain(budget.weight), money(budget.value), budget.explanation)
    for scored in result.lines:
        s = scored.score
        table.add_row(scored.line.label, plain(s.weight), money(s.value), s.explanation)
    out.print(table)
    out.print(f"{result.explanation}")
