"""`jixiao evaluate` on published self-evaluations: read each table, score it again, list the findings.

Auditing only: nothing is stored or written. A file that holds a target table instead is named as
such and pointed to `jixiao review`. Exit 0 when every file was read as a self-evaluation (findings
are the result, not a failure), 1 when a file could not be read or holds none.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table as RichTable

from jixiao.cli.common import EXIT_OK, EXIT_PROBLEM, err, out, print_diagnostics, read_one
from jixiao.model import Diagnostic
from jixiao.readers.selfeval_published import read_published_path
from jixiao.scoring.audit import AuditResult, audit
from jixiao.scoring.audit_report import audit_to_dict
from jixiao.scoring.numbers import money, plain


def is_jixiao_form(path: Path) -> bool:
    from jixiao.cli.evaluate import _is_jixiao_form

    return _is_jixiao_form(path)


def audit_files(files: list[Path], profile: str | None, as_json: bool) -> None:
    """Audit every published table of every file; print them (or JSON) and exit."""
    results: list[tuple[str, AuditResult]] = []
    failed = False
    for file in files:
        if is_jixiao_form(file):
            failed = True
            err.print(f"{file}: 这是 jixiao 的自评表模板，请单独评分：jixiao evaluate {file}")
            continue
        tables, problems = read_published_path(file)
        if not tables:
            failed = True
            _not_a_selfevaluation(file, problems)
            continue
        for table in tables:
            results.append((str(file), audit(table, profile)))
    if as_json:
        out.print_json(json.dumps([audit_to_dict(r, name) for name, r in results], ensure_ascii=False))
    else:
        for name, result in results:
            _print(name, result)
    raise typer.Exit(EXIT_PROBLEM if failed else EXIT_OK)


def _not_a_selfevaluation(file: Path, problems: list[Diagnostic]) -> None:
    targets, _ = read_one(str(file)) if file.exists() else ([], [])
    if targets:
        names = "、".join(t.project.name for t in targets[:3])
        err.print(f"{file}: 这是项目绩效目标表（{names}），不是自评表；审核目标表请用 jixiao review {file}")
        return
    print_diagnostics(problems)


def _print(file: str, result: AuditResult) -> None:
    p = result.published
    computed = result.result
    title = f"{p.project}（{file}）"
    table = RichTable(title=title, show_lines=False)
    for header in ("指标", "分值", "表中得分", "重算得分", "计分说明"):
        table.add_column(header, overflow="fold")
    budget = computed.budget
    printed_budget = p.budget_score
    table.add_row(
        "预算执行",
        plain(budget.weight),
        "" if printed_budget is None else plain(printed_budget),
        money(budget.value),
        budget.explanation,
    )
    scored = {id(s.line): s for s in computed.lines}
    for printed, line in zip(p.indicators, result.evaluation.lines, strict=True):
        s = scored.get(id(line))
        table.add_row(
            printed.label,
            "" if line.weight is None else plain(line.weight),
            "" if printed.score is None else plain(printed.score),
            "不适用" if s is None else money(s.score.value),
            "" if s is None else s.score.explanation,
        )
    out.print(table)
    for choice in result.choices:
        out.print(f"  {choice}")
    printed_total = "未填" if p.total is None else plain(p.total)
    grade = f"，等级“{p.grade}”" if p.grade else ""
    out.print(f"  表中总分：{printed_total}{grade}；重算：{computed.explanation}")
    if result.diagnostics:
        print_diagnostics(result.diagnostics)
    else:
        out.print("  未发现问题：表中数字自洽，且与按规则重算一致")
